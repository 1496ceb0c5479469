/**
 * Bytes of a ZIP (a `.zip` a unit sent, or the container of a DOCX/XLSX) → its entries, safely.
 * Pure: no fs. Never throws; hostile or broken input becomes a result the caller turns into a fate.
 *
 * docs/inbox.md, "Hostile and broken input", measured: a 408 KB docx inflating to 400 MB took 477 MB RAM through `fflate.unzipSync`,
 * and a filter on the *declared* size is fooled by a falsified header. So the real inflated bytes
 * are counted: an entry is inflated with its output capped at the size its own header declared
 * (which the limits bound), and one byte more means the header lied.
 */
import { lazy } from '../core/lazy.js';

const zlib = lazy<typeof import('node:zlib')>('node:zlib');
const crc32 = (data: Uint8Array, value?: number) => zlib().crc32(data, value);

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

export type ZipEntryResult = { name: string; bytes: Uint8Array; mtime?: Date } | { name: string; error: ZipEntryError; detail?: string };

export type ZipRead =
  { ok: true; entries: ZipEntryResult[] } | { ok: false; error: 'corrupt' | 'too-many-entries' | 'too-large' | 'not-zip'; detail?: string };

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

/** Marks a reason to stop reading an entry, or the whole archive. */
class Stop extends Error {
  constructor(
    readonly scope: 'entry' | 'archive',
    readonly reason: ZipEntryError | 'too-large',
    detail: string,
  ) {
    super(detail);
  }
}

/** A central directory entry: the fields the reader uses (APPNOTE 4.3.12). */
interface Entry {
  flags: number;
  method: number;
  dosTime: number;
  dosDate: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeader: number;
  rawName: Buffer;
  extraFields: Array<{ id: number; data: Buffer }>;
}

/** The archive is broken (what yauzl, which read archives here before, would refuse). */
class Broken extends Error {}

const u64 = (b: Buffer, at: number) => b.readUInt32LE(at + 4) * 0x100000000 + b.readUInt32LE(at);

/** `length` bytes at `at`, or Broken where the file ends first. */
function slice(b: Buffer, at: number, length: number): Buffer {
  if (at < 0 || at + length > b.length) throw new Broken('unexpected EOF');
  return b.subarray(at, at + length);
}

/**
 * The end record (and its ZIP64 version) → where the central directory starts and how many entries
 * it claims. The same checks, in the same order, as yauzl 3 made: the last end-record signature in
 * the final 64 KB counts, its comment length must reach exactly to the end, one disk only.
 */
function openArchive(b: Buffer): { cursor: number; count: number } {
  const size = Math.min(20 + 22 + 0xffff, b.length);
  const base = b.length - size;
  for (let i = size - 22; i >= 0; i--) {
    if (b.readUInt32LE(base + i) !== 0x06054b50) continue;
    const end = base + i;
    let disk = b.readUInt16LE(end + 4);
    let count = b.readUInt16LE(end + 10);
    let cursor = b.readUInt32LE(end + 16);
    if (b.readUInt16LE(end + 20) !== b.length - end - 22) throw new Broken('invalid comment length');
    if (i - 20 >= 0 && b.readUInt32LE(end - 20) === 0x07064b50) {
      const record = slice(b, u64(b, end - 20 + 8), 56);
      if (record.readUInt32LE(0) !== 0x06064b50) throw new Broken('invalid zip64 end of central directory record signature');
      disk = record.readUInt32LE(16);
      if (disk !== 0) throw new Broken(`multi-disk zip files are not supported: ${disk}`);
      count = u64(record, 32);
      cursor = u64(record, 48);
      return { cursor, count };
    }
    if (disk !== 0) throw new Broken(`multi-disk zip files are not supported: ${disk}`);
    return { cursor, count };
  }
  throw new Broken('end of central directory record signature not found');
}

function extraFieldsOf(raw: Buffer): Array<{ id: number; data: Buffer }> {
  const fields: Array<{ id: number; data: Buffer }> = [];
  let i = 0;
  while (i < raw.length - 3) {
    const id = raw.readUInt16LE(i);
    const end = i + 4 + raw.readUInt16LE(i + 2);
    if (end > raw.length) throw new Broken('extra field length exceeds extra field buffer size');
    fields.push({ id, data: raw.subarray(i + 4, end) });
    i = end;
  }
  return fields;
}

/** The central directory entry at `cursor` → the entry and where the next one starts. */
function entryAt(b: Buffer, cursor: number): { entry: Entry; next: number } {
  const h = slice(b, cursor, 46);
  if (h.readUInt32LE(0) !== 0x02014b50) throw new Broken('invalid central directory file header signature');
  const flags = h.readUInt16LE(8);
  if (flags & 0x40) throw new Broken('strong encryption is not supported');
  const nameLength = h.readUInt16LE(28);
  const extraLength = h.readUInt16LE(30);
  const commentLength = h.readUInt16LE(32);
  const rest = slice(b, cursor + 46, nameLength + extraLength + commentLength);
  const entry: Entry = {
    flags,
    method: h.readUInt16LE(10),
    dosTime: h.readUInt16LE(12),
    dosDate: h.readUInt16LE(14),
    crc32: h.readUInt32LE(16),
    compressedSize: h.readUInt32LE(20),
    uncompressedSize: h.readUInt32LE(24),
    localHeader: h.readUInt32LE(42),
    rawName: rest.subarray(0, nameLength),
    extraFields: extraFieldsOf(rest.subarray(nameLength, nameLength + extraLength)),
  };
  // ZIP64 extended information (APPNOTE 4.5.3): the sizes and offset that did not fit.
  const zip64 = entry.extraFields.find((f) => f.id === 0x0001);
  if (zip64) {
    let at = 0;
    const take = (what: string) => {
      if (at + 8 > zip64.data.length) throw new Broken(`zip64 extended information extra field does not include ${what}`);
      const v = u64(zip64.data, at);
      at += 8;
      return v;
    };
    if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = take('uncompressed size');
    if (entry.compressedSize === 0xffffffff) entry.compressedSize = take('compressed size');
    if (entry.localHeader === 0xffffffff) entry.localHeader = take('relative header offset');
  }
  return { entry, next: cursor + 46 + rest.length };
}

/**
 * Bytes of a ZIP → its entries, synchronously: the central directory is read first, then each
 * wanted entry is inflated in one call (`inflateRawSync`) whose output may not pass the entry's
 * declared size — so a falsified header is caught at its claim and memory never exceeds what the
 * limits allow — and its CRC-32 is checked.
 */
export function readZipSync(bytes: Uint8Array, limits?: Partial<ZipLimits>, opts: ZipReadOptions = {}): ZipRead {
  const lim: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let archive: { cursor: number; count: number };
  try {
    archive = openArchive(buffer);
  } catch (e) {
    return { ok: false, error: isZip(bytes) ? 'corrupt' : 'not-zip', detail: message(e) };
  }
  // The end record's count is only a claim; entries are also counted as they are read.
  if (archive.count > lim.maxEntries) return { ok: false, error: 'too-many-entries', detail: `${archive.count} > ${lim.maxEntries}` };
  const entries: ZipEntryResult[] = [];
  const budget = { total: 0 };
  let cursor = archive.cursor;
  for (let seen = 1; seen <= archive.count; seen++) {
    let entry: Entry;
    try {
      ({ entry, next: cursor } = entryAt(buffer, cursor));
    } catch (e) {
      if (e instanceof Broken) return { ok: false, error: 'corrupt', detail: e.message };
      throw e;
    }
    if (seen > lim.maxEntries) return { ok: false, error: 'too-many-entries', detail: `> ${lim.maxEntries}` };
    const name = decodeEntryName(entry.rawName, entry.extraFields);
    if (isDirectory(name)) continue;
    if (opts.only && !opts.only(name)) continue;
    if (isUnsafeEntryName(name)) {
      entries.push({ name, error: 'unsafe-name' });
      continue;
    }
    const result = extract(buffer, entry, name, lim, budget);
    if (result instanceof Stop) return { ok: false, error: 'too-large', detail: result.message };
    entries.push(result);
  }
  return { ok: true, entries };
}

/** The same as `readZipSync`, for callers that await. */
export async function readZip(bytes: Uint8Array, limits?: Partial<ZipLimits>, opts: ZipReadOptions = {}): Promise<ZipRead> {
  return readZipSync(bytes, limits, opts);
}

function dosDate(date: number, time: number): Date {
  return new Date(
    ((date >> 9) & 0x7f) + 1980,
    ((date >> 5) & 0xf) - 1,
    date & 0x1f,
    (time >> 11) & 0x1f,
    (time >> 5) & 0x3f,
    (time & 0x1f) * 2,
    0,
  );
}

/** When the entry was last changed: the Info-ZIP or NTFS extra field, else the DOS time (local), as yauzl read it. */
function mtimeOf(entry: Entry): Date | undefined {
  let date: Date | undefined;
  for (const { id, data } of entry.extraFields) {
    if (id === 0x5455) {
      if (data.length < 5 || !(data[0]! & 1)) continue;
      date = new Date(data.readInt32LE(1) * 1000);
      break;
    }
    if (id === 0x000a) {
      if (data.length !== 32 || data.readUInt16LE(4) !== 1 || data.readUInt16LE(6) !== 24) continue;
      date = new Date((data.readUInt32LE(8) + 4294967296 * data.readInt32LE(12)) / 10000 - 11644473600000);
      break;
    }
  }
  date ??= dosDate(entry.dosDate, entry.dosTime);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The inflate call stopped because the output passed `maxOutputLength`. */
const isTooLarge = (e: unknown) => (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError;

function extract(zip: Buffer, entry: Entry, name: string, lim: ZipLimits, budget: { total: number }): ZipEntryResult | Stop {
  const declared = entry.uncompressedSize;
  const compressed = entry.compressedSize;
  if (entry.flags & 0x1) return { name, error: 'encrypted' };
  if (entry.method !== 0 && entry.method !== 8) return { name, error: 'corrupt', detail: `unsupported compression method ${entry.method}` };
  // Honest headers are refused before a single byte is inflated.
  if (declared > lim.maxEntryBytes) return { name, error: 'too-large', detail: `declared ${declared} > ${lim.maxEntryBytes}` };
  if (declared > RATIO_FLOOR && declared > Math.max(compressed, 1) * lim.maxRatio)
    return { name, error: 'ratio', detail: `declared ${declared} from ${compressed}` };
  if (budget.total + declared > lim.maxTotalBytes) return new Stop('archive', 'too-large', `total > ${lim.maxTotalBytes}`);

  // The local header says where the data starts.
  let data: Buffer;
  try {
    const local = slice(zip, entry.localHeader, 30);
    if (local.readUInt32LE(0) !== 0x04034b50) throw new Broken('invalid local file header signature');
    const start = entry.localHeader + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    if (start + compressed > zip.length) throw new Broken(`file data overflows file bounds: ${start} + ${compressed} > ${zip.length}`);
    data = zip.subarray(start, start + compressed);
  } catch (e) {
    return { name, error: 'corrupt', detail: message(e) };
  }

  // The output may not pass the declared size (which the checks above hold within every limit):
  // one byte more is enough to know the header lied.
  let out: Buffer;
  let got: number;
  if (entry.method === 0) {
    out = data;
    got = Math.min(data.length, declared + 1);
  } else {
    try {
      // One output chunk for a part of ordinary size: no concatenation.
      out = zlib().inflateRawSync(data, {
        maxOutputLength: declared + 1,
        chunkSize: Math.max(64, Math.min(declared + 1, 4 * 1024 * 1024)),
      });
      got = out.length;
    } catch (e) {
      if (!isTooLarge(e)) return { name, error: 'corrupt', detail: message(e) };
      out = Buffer.alloc(0);
      got = declared + 1;
    }
  }
  budget.total += got;
  if (budget.total > lim.maxTotalBytes) return new Stop('archive', 'too-large', `total > ${lim.maxTotalBytes}`);
  if (got > lim.maxEntryBytes) return { name, error: 'too-large', detail: `inflated > ${lim.maxEntryBytes}` };
  if (got > RATIO_FLOOR && got > Math.max(compressed, 1) * lim.maxRatio)
    return { name, error: 'ratio', detail: `inflated > ${lim.maxRatio} × ${compressed}` };
  if (got > declared) return { name, error: 'too-large', detail: `inflates past its declared size ${declared}` };
  if (got !== declared) return { name, error: 'corrupt', detail: `inflated ${got} of declared ${declared}` };
  if (crc32(out) >>> 0 !== entry.crc32 >>> 0) return { name, error: 'corrupt', detail: 'CRC-32 mismatch' };
  const mtime = mtimeOf(entry);
  // Stored entries are copied out of the archive, so an entry never keeps the whole archive alive.
  const own = entry.method === 0 ? Uint8Array.from(out) : new Uint8Array(out.buffer, out.byteOffset, got);
  return { name, bytes: own, ...(mtime ? { mtime } : {}) };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
