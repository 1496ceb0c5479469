/**
 * Bytes of a ZIP (a `.zip` a unit sent, or the container of a DOCX/XLSX) → its entries, safely.
 * Pure: no fs. Never throws; hostile or broken input becomes a result the caller turns into a fate.
 *
 * docs/inbox.md, "Hostile and broken input", measured: a 408 KB docx inflating to 400 MB took 477 MB RAM through `fflate.unzipSync`,
 * and a filter on the *declared* size is fooled by a falsified header. So the real inflated bytes
 * are counted while streaming (yauzl), and reading stops at the limit, or as soon as an entry
 * inflates past the size its own header declared.
 */
import { lazy } from '../core/lazy.js';

const zlib = lazy<typeof import('node:zlib')>('node:zlib');
const crc32 = (data: Uint8Array, value?: number) => zlib().crc32(data, value);
import type { Readable } from 'node:stream';
import type yauzl from 'yauzl';

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  maxRatio: number;
}

/**
 * - 2000 entries: a real DOCX/XLSX has 10–60 parts; a folder of a unit's photos a few hundred.
 * - 50 MB per entry: `word/document.xml` of a long report is ~1 MB, a phone photo 5–10 MB, a
 *   scanned PDF 20 MB; anything bigger is not something the centre needs to read.
 * - 200 MB in all: a whole unit's archive with scans; and the machine stays far from its RAM.
 * - ratio 200: deflated office XML compresses 5–30×, pictures ~1×; even a blank template stays
 *   well under 200×, while bombs are ~1000× (deflate's ceiling is ~1032×). It only applies past
 *   RATIO_FLOOR bytes, where a small, very repetitive part is harmless anyway.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = Object.freeze({
  maxEntries: 2000,
  maxEntryBytes: 50 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 200,
});

/** Below this many inflated bytes an entry's compression ratio is not held against it. */
const RATIO_FLOOR = 1024 * 1024;

export type ZipEntryError = 'unsafe-name' | 'too-large' | 'ratio' | 'encrypted' | 'corrupt';

export type ZipEntryResult =
  | { name: string; bytes: Uint8Array; mtime?: Date }
  | { name: string; error: ZipEntryError; detail?: string };

export type ZipRead =
  | { ok: true; entries: ZipEntryResult[] }
  | { ok: false; error: 'corrupt' | 'too-many-entries' | 'too-large' | 'not-zip'; detail?: string };

export interface ZipReadOptions {
  /** Extract (and list) only the entries whose decoded name passes: a DOCX reader wants one part. */
  only?: (name: string) => boolean;
}

/** A local file header (`PK\3\4`) or the end record of an empty archive (`PK\5\6`). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06))
  );
}

/**
 * Entry names from Chinese Windows (Explorer's 「发送到压缩文件夹」, old WinRAR, 360压缩) are GBK
 * without the UTF-8 flag (bit 11). Strict UTF-8 covers every flagged name and every unflagged one
 * that happens to be UTF-8 (plain ASCII is both; a GBK name almost never is); else GB18030 (a
 * superset of GBK). So the flag itself need not be consulted.
 */
export function decodeEntryName(raw: Uint8Array, extraFields: ReadonlyArray<{ id: number; data: Buffer }> = []): string {
  // Info-ZIP Unicode Path extra field (0x7075): a UTF-8 copy of the name, valid while its CRC
  // matches the header's name bytes (APPNOTE 4.6.9). WinRAR and 7-Zip write it.
  for (const field of extraFields) {
    if (field.id !== 0x7075 || field.data.length < 6 || field.data[0] !== 1) continue;
    if (field.data.readUInt32LE(1) !== crc32(raw)) continue;
    const name = strictUtf8(field.data.subarray(5));
    if (name !== undefined) return name;
  }
  const utf8 = strictUtf8(raw);
  if (utf8 !== undefined) return utf8;
  // Not UTF-8, even where bit 11 claims it (some writers set it on GBK names): GB18030.
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(raw);
  } catch {
    return new TextDecoder('gb18030').decode(raw);
  }
}

function strictUtf8(raw: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return undefined;
  }
}

/**
 * Names that would escape an extraction folder, or mean nothing on disk: `../`, `/abs`, `C:`,
 * `\\server`, backslash traversal (`..\evil`), NUL. Checked on the decoded name with `\` read as `/`.
 */
export function isUnsafeEntryName(name: string): boolean {
  if (name.length === 0 || name.includes('\0')) return true;
  const path = name.replace(/\\/g, '/');
  if (path.startsWith('/')) return true;
  if (/^[A-Za-z]:/.test(path)) return true;
  return path.split('/').some((segment) => segment === '..');
}

const isDirectory = (name: string) => name.endsWith('/') || name.endsWith('\\');

/** Marks a reason to stop streaming an entry, carried through the stream's error. */
class Stop extends Error {
  constructor(
    readonly scope: 'entry' | 'archive',
    readonly reason: ZipEntryError | 'too-large',
    detail: string,
  ) {
    super(detail);
  }
}

export async function readZip(bytes: Uint8Array, limits?: Partial<ZipLimits>, opts: ZipReadOptions = {}): Promise<ZipRead> {
  const lim: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(buffer);
  } catch (e) {
    return { ok: false, error: isZip(bytes) ? 'corrupt' : 'not-zip', detail: message(e) };
  }
  try {
    // The end record's count is only a claim; entries are also counted as they are read.
    if (zip.entryCount > lim.maxEntries)
      return { ok: false, error: 'too-many-entries', detail: `${zip.entryCount} > ${lim.maxEntries}` };
    const entries: ZipEntryResult[] = [];
    const budget = { total: 0 };
    let seen = 0;
    for (;;) {
      let entry: yauzl.Entry | undefined;
      try {
        entry = await nextEntry(zip);
      } catch (e) {
        return { ok: false, error: 'corrupt', detail: message(e) };
      }
      if (!entry) break;
      if (++seen > lim.maxEntries) return { ok: false, error: 'too-many-entries', detail: `> ${lim.maxEntries}` };

      const raw = entry.fileName as unknown as Buffer; // decodeStrings: false → the raw name bytes
      const name = decodeEntryName(raw, entry.extraFields);
      if (isDirectory(name)) continue;
      if (opts.only && !opts.only(name)) continue;
      if (isUnsafeEntryName(name)) {
        entries.push({ name, error: 'unsafe-name' });
        continue;
      }
      const result = await extract(zip, entry, name, lim, budget);
      if (result instanceof Stop) return { ok: false, error: 'too-large', detail: result.message };
      entries.push(result);
    }
    return { ok: true, entries };
  } finally {
    zip.close();
  }
}

async function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  // Loaded on first use: a command that never meets a zip never pays for it.
  const { default: lib } = await import('yauzl');
  return new Promise((resolve, reject) => {
    // decodeStrings: false — names are decoded here (GBK); yauzl would read them as CP437 and
    // reject `../` names outright, where they should be listed as unsafe instead.
    // validateEntrySizes: false — the inflated bytes are counted below, against our limits.
    lib.fromBuffer(buffer, { lazyEntries: true, decodeStrings: false, validateEntrySizes: false }, (err, zip) =>
      err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip),
    );
  });
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.removeListener('entry', onEntry);
      zip.removeListener('end', onEnd);
      zip.removeListener('error', onError);
    };
    const onEntry = (entry: yauzl.Entry) => (cleanup(), resolve(entry));
    const onEnd = () => (cleanup(), resolve(undefined));
    const onError = (err: Error) => (cleanup(), reject(err));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

function mtimeOf(entry: yauzl.Entry): Date | undefined {
  try {
    const date = entry.getLastModDate();
    return Number.isNaN(date.getTime()) ? undefined : date;
  } catch {
    return undefined;
  }
}

async function extract(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  name: string,
  lim: ZipLimits,
  budget: { total: number },
): Promise<ZipEntryResult | Stop> {
  const declared = entry.uncompressedSize;
  const compressed = entry.compressedSize;
  if (entry.isEncrypted()) return { name, error: 'encrypted' };
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
    return { name, error: 'corrupt', detail: `unsupported compression method ${entry.compressionMethod}` };
  // Honest headers are refused before a single byte is inflated.
  if (declared > lim.maxEntryBytes) return { name, error: 'too-large', detail: `declared ${declared} > ${lim.maxEntryBytes}` };
  if (declared > RATIO_FLOOR && declared > Math.max(compressed, 1) * lim.maxRatio)
    return { name, error: 'ratio', detail: `declared ${declared} from ${compressed}` };
  if (budget.total + declared > lim.maxTotalBytes)
    return new Stop('archive', 'too-large', `total > ${lim.maxTotalBytes}`);

  let stream: Readable;
  try {
    stream = await new Promise<Readable>((resolve, reject) =>
      zip.openReadStream(entry, (err, s) => (err || !s ? reject(err ?? new Error('no stream')) : resolve(s))),
    );
  } catch (e) {
    return { name, error: 'corrupt', detail: message(e) };
  }

  // The declared size sizes the buffer, so memory never exceeds what the limits allow; a falsified
  // (smaller) header is caught the moment the real bytes pass it.
  const out = Buffer.allocUnsafeSlow(declared);
  let got = 0;
  let crc = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const next = got + chunk.length;
      budget.total += chunk.length;
      if (budget.total > lim.maxTotalBytes) throw new Stop('archive', 'too-large', `total > ${lim.maxTotalBytes}`);
      if (next > lim.maxEntryBytes) throw new Stop('entry', 'too-large', `inflated > ${lim.maxEntryBytes}`);
      if (next > RATIO_FLOOR && next > Math.max(compressed, 1) * lim.maxRatio)
        throw new Stop('entry', 'ratio', `inflated > ${lim.maxRatio} × ${compressed}`);
      if (next > declared) throw new Stop('entry', 'too-large', `inflates past its declared size ${declared}`);
      chunk.copy(out, got);
      crc = crc32(chunk, crc);
      got = next;
    }
  } catch (e) {
    destroy(stream);
    if (e instanceof Stop) return e.scope === 'archive' ? e : { name, error: e.reason, detail: e.message };
    return { name, error: 'corrupt', detail: message(e) };
  }
  if (got !== declared) return { name, error: 'corrupt', detail: `inflated ${got} of declared ${declared}` };
  if (crc >>> 0 !== entry.crc32 >>> 0) return { name, error: 'corrupt', detail: 'CRC-32 mismatch' };
  const mtime = mtimeOf(entry);
  return { name, bytes: new Uint8Array(out.buffer, out.byteOffset, got), ...(mtime ? { mtime } : {}) };
}

function destroy(stream: Readable): void {
  // yauzl installs `destroy` to unpipe its inflater from the source; errors after that are moot.
  stream.on('error', () => {});
  stream.destroy();
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
