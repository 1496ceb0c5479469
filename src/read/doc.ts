/**
 * Legacy Word 97–2003 `.doc` (OLE compound file) → paragraphs and table grids for the one label
 * matcher (`grid.ts`). `readDocForm` is pure (bytes in, FormDocument out) and never throws.
 *
 * word-extractor gives the body as text (docs/inbox.md, "What arrives, and how each kind is read", and measured on fixtures/office/*.doc made by
 * LibreOffice): every table cell ends with `\t`, every row with `\t\n`; a paragraph break inside a
 * cell is a plain `\n`; a cell merged down from the row above is empty; a cell spanning columns is
 * one cell, so such rows have fewer cells. So rows are rebuilt from that text, the columns are cell
 * positions (not grid columns) and the matcher goes by label, never by position. `getBody` is
 * called with `filterUnicode: false`, or it rewrites 「“”」 and dashes to ASCII.
 *
 * `convertWithSoffice` is the other road: LibreOffice turns the `.doc` into a `.docx`, whose real
 * table grid (`gridSpan`, `vMerge`) the DOCX reader then reads. It starts a process and touches the
 * disk, so the caller decides whether to prefer it (measured costs in the function's comment).
 */
import { lazy } from '../core/lazy.js';
import { accessSync, constants, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { error, rawWithProblem, type RawSubmission } from '../core/problem.js';
import { sniff } from './decode.js';
import type { FormDocument, GridCell, GridTable } from './grid.js';

export type DocRead =
  { ok: true; doc: FormDocument; sheetNames: string[] } | { ok: false; kind: 'unsafe' | 'unreadable'; raw: RawSubmission };

function failed(code: 'file.corrupt' | 'file.binary', params: Record<string, string>): DocRead {
  return { ok: false, kind: 'unreadable', raw: rawWithProblem(error(code, params)) };
}

/**
 * word-extractor's body text → paragraphs and tables. A line with no tab before a row is a
 * paragraph; inside a table, a line with no tab followed by a line that ends a cell is the first
 * paragraph of a multi-paragraph first cell, else it is a paragraph after the table.
 */
export function docTextToForm(body: string): FormDocument {
  const doc: FormDocument = { paragraphs: [], tables: [] };
  const text = body.replace(/\r\n?/g, '\n');
  let rows: GridCell[][] = [];
  let row: GridCell[] = [];
  let cell = '';

  const closeTable = () => {
    if (rows.length === 0) return;
    const n = doc.tables.length + 1;
    const table: GridTable = {
      rows,
      locOf: (r, c) => ({ line: r + 1, column: c + 1, in: doc.tables.length > 1 ? `表格${n}` : '表格' }),
    };
    doc.tables.push(table);
    rows = [];
  };
  const paragraph = (line: string) => {
    closeTable();
    if (line.trim() !== '') doc.paragraphs.push({ text: line, loc: { line: doc.paragraphs.length + 1, column: 1, in: '段落' } });
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\t') {
      row.push({ text: cell.replace(/\n+$/, ''), col: row.length, span: 1 });
      cell = '';
      if (text[i + 1] === '\n' || i + 1 === text.length) {
        rows.push(markContinued(row, rows[rows.length - 1]));
        row = [];
        i++;
      }
    } else if (ch === '\n') {
      if (row.length > 0) {
        cell += '\n'; // a paragraph break inside a cell of a row already begun
        continue;
      }
      const nextLineEnd = text.indexOf('\n', i + 1);
      const nextLine = text.slice(i + 1, nextLineEnd < 0 ? text.length : nextLineEnd);
      if (rows.length > 0 && nextLine.includes('\t') && cell.trim() !== '') cell += '\n';
      else {
        paragraph(cell);
        cell = '';
      }
    } else cell += ch;
  }
  if (row.length > 0 || cell !== '') {
    if (row.length > 0) {
      if (cell !== '') row.push({ text: cell, col: row.length, span: 1 });
      rows.push(markContinued(row, rows[rows.length - 1]));
      closeTable();
    } else paragraph(cell);
  }
  closeTable();
  return doc;
}

/**
 * A group cell merged down comes out empty in the rows below its first. Where a row starts with an
 * empty cell, has content after it, and has as many cells as the row above, that cell is the merge's
 * continuation: marked `continued` with the text above, as `docx-grid.ts` marks a `vMerge`, so both
 * Word readers hand the matcher the same grid.
 */
function markContinued(row: GridCell[], above: GridCell[] | undefined): GridCell[] {
  const first = row[0];
  const origin = above?.[0];
  if (!first || !origin || first.text.trim() !== '' || origin.text.trim() === '' || above!.length !== row.length) return row;
  if (row.slice(1).every((c) => c.text.trim() === '')) return row;
  return [{ ...first, text: origin.text, continued: true }, ...row.slice(1)];
}

/** Follows every `next` pointer of an allocation table: false when any chain runs in a circle. */
function acyclic(next: Int32Array): boolean {
  const state = new Uint8Array(next.length); // 0 unseen, 1 on the current path, 2 known to end
  const path: number[] = [];
  for (let start = 0; start < next.length; start++) {
    let i = start;
    while (i >= 0 && i < next.length && state[i] === 0) {
      state[i] = 1;
      path.push(i);
      i = next[i]!;
    }
    if (i >= 0 && i < next.length && state[i] === 1) return false;
    for (const p of path) state[p] = 2;
    path.length = 0;
  }
  return true;
}

/**
 * The OLE compound file's structure (MS-CFB) checked before word-extractor sees it. Measured by
 * fuzzing fixtures/office/word-form.doc: a sector chain that runs in a circle (a → b → a) makes its
 * `getSecIdChain` grow an array until V8 aborts the whole process — a fatal error no try/catch
 * catches, so one damaged `.doc` would stop the batch. Also refused: header counts larger than the
 * file (its FAT and DIFAT loops trust them).
 */
export function oleStructureOk(bytes: Uint8Array): boolean {
  if (bytes.length < 512 || sniff(bytes)?.id !== 'ole') return false;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = dv.getUint16(0x1e, true);
  if ((shift !== 9 && shift !== 12) || dv.getUint16(0x20, true) !== 6) return false;
  const secSize = 1 << shift;
  const perSector = secSize / 4;
  const sectors = Math.ceil((bytes.length - secSize) / secSize);
  if (sectors <= 0) return false;
  const int32At = (sector: number, i: number) => {
    const offset = (sector + 1) * secSize + i * 4;
    return offset + 4 <= bytes.length ? dv.getInt32(offset, true) : -1;
  };
  const fatCount = dv.getUint32(0x2c, true);
  const difatCount = dv.getUint32(0x48, true);
  if (fatCount > sectors || difatCount > sectors) return false;
  // The FAT's own sectors: 109 in the header, the rest along the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(109, fatCount); i++) fatSectors.push(dv.getInt32(0x4c + i * 4, true));
  let difat = dv.getInt32(0x44, true);
  const seen = new Set<number>();
  for (let k = 0; k < difatCount && fatSectors.length < fatCount; k++) {
    if (difat < 0 || difat >= sectors || seen.has(difat)) return false;
    seen.add(difat);
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatCount; i++) fatSectors.push(int32At(difat, i));
    difat = int32At(difat, perSector - 1);
  }
  if (fatSectors.length < fatCount || fatSectors.some((s) => s < 0 || s >= sectors)) return false;
  const fat = new Int32Array(fatCount * perSector);
  fatSectors.forEach((s, k) => {
    for (let i = 0; i < perSector; i++) fat[k * perSector + i] = int32At(s, i);
  });
  if (!acyclic(fat)) return false;
  // The mini FAT: its sectors along the (now known finite) FAT chain, then its own chains.
  const miniFat: number[] = [];
  const miniCount = dv.getUint32(0x40, true);
  if (miniCount > sectors) return false;
  for (let s = dv.getInt32(0x3c, true), k = 0; s >= 0 && s < fat.length && k < miniCount; s = fat[s]!, k++)
    for (let i = 0; i < perSector; i++) miniFat.push(s < sectors ? int32At(s, i) : -1);
  return acyclic(Int32Array.from(miniFat));
}

/** `.doc` bytes → FormDocument through word-extractor (lazily loaded). */
export async function readDocForm(bytes: Uint8Array): Promise<DocRead> {
  // Only an OLE compound file: word-extractor would also open a zip (a renamed .docx) with a yauzl
  // of its own that has no limits, so anything else is turned away before it is touched.
  if (sniff(bytes)?.id !== 'ole') return failed('file.corrupt', { format: 'Word' });
  if (!oleStructureOk(bytes)) return failed('file.corrupt', { format: 'Word' });
  let parts: string[];
  try {
    const { default: WordExtractor } = await import('word-extractor');
    const extracted = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    type Getter = (options?: Record<string, boolean>) => string;
    const body = (extracted.getBody as Getter).call(extracted, { filterUnicode: false });
    // The form may sit in the page header or in a text box (in the body or a header), as in .docx.
    const headers = (extracted.getHeaders as Getter).call(extracted, { includeFooters: false, filterUnicode: false });
    const boxes = (extracted.getTextboxes as Getter).call(extracted, {
      includeHeadersAndFooters: true,
      includeBody: true,
      filterUnicode: false,
    });
    parts = [headers, body, boxes];
  } catch {
    // Not a Word document (an .xls, a damaged or encrypted file): word-extractor rejects it.
    return failed('file.corrupt', { format: 'Word' });
  }
  const docs = parts.filter((t) => t.trim() !== '').map(docTextToForm);
  const doc: FormDocument = { paragraphs: docs.flatMap((d) => d.paragraphs), tables: docs.flatMap((d) => d.tables) };
  return { ok: true, doc, sheetNames: [] };
}

// ---------------------------------------------------------------- LibreOffice
/** `soffice` on PATH, or undefined. */
export function findSoffice(path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'soffice');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

const FILTERS = { docx: 'docx:MS Word 2007 XML', xlsx: 'xlsx:Calc MS Excel 2007 XML' } as const;

/**
 * Converts with LibreOffice when `soffice` is on PATH; null when it is absent, fails, or runs past
 * `timeoutMs`. Each call has its own temporary folder and its own user profile
 * (`-env:UserInstallation`), so concurrent calls never share LibreOffice's profile lock; the folder
 * is removed afterwards and a hung process group is killed.
 *
 * Measured here (LibreOffice 7.4.7, 2 cores): ~1.0 s per call for a one-page form (1.5 s under test
 * load), almost all of it starting LibreOffice with a fresh profile — against ~0.3–0.8 ms warm for
 * `readDocForm` (~10 ms for the first call, loading word-extractor). Worth it only where the
 * word-extractor text is not enough; never for a batch of hundreds.
 */
export async function convertWithSoffice(
  bytes: Uint8Array,
  from: 'doc' | 'xls',
  to: 'docx' | 'xlsx',
  opts: { timeoutMs?: number; soffice?: string } = {},
): Promise<Uint8Array | null> {
  const soffice = opts.soffice ?? findSoffice();
  if (!soffice) return null;
  const { tmpdir } = lazy<typeof import('node:os')>('node:os')();
  const { spawn } = lazy<typeof import('node:child_process')>('node:child_process')();
  const work = mkdtempSync(join(tmpdir(), 'lw-soffice-'));
  try {
    const input = join(work, `input.${from}`);
    const outDir = join(work, 'out');
    writeFileSync(input, bytes);
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      FILTERS[to],
      '--outdir',
      outDir,
      input,
    ];
    const ok = await new Promise<boolean>((resolve) => {
      const child = spawn(soffice, args, { stdio: 'ignore', detached: true, env: { ...process.env, HOME: work } });
      const timer = setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL'); // the wrapper and soffice.bin together
        } catch {
          // already gone
        }
        resolve(false);
      }, opts.timeoutMs ?? 60_000);
      child.on('error', () => (clearTimeout(timer), resolve(false)));
      child.on('exit', (code) => (clearTimeout(timer), resolve(code === 0)));
    });
    if (!ok) return null;
    const produced = readdirSync(outDir).find((name) => name.endsWith(`.${to}`));
    if (!produced) return null;
    return new Uint8Array(readFileSync(join(outDir, produced)));
  } catch {
    return null;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
