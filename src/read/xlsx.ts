/**
 * An XLSX the form was retyped into (Excel, WPS, LibreOffice Calc) → one grid per sheet, for the one
 * label matcher (`grid.ts`). Pure: bytes in, FormDocument out; never throws.
 *
 * The parts are read here (ECMA-376 Part 1, §18) with the safe ZIP reader and the safe XML parser,
 * not with a spreadsheet library, because what the matcher needs is exactly what read-excel-file
 * 9.3 drops (measured on fixtures/office/sheet-form.xlsx): merged cells (`<mergeCells>`, §18.3.1.55
 * — the group cells merged down), number formats (a percent-formatted 98% comes back as 0.98, a date
 * as a bare serial) and which sheets are hidden. It also unzips with no limits of its own (docs/inbox.md, "Hostile and broken input").
 * What it does give — cached formula values and shared strings — is a few lines here:
 * - formulas: the cached `<v>` is taken, never evaluated (`<f>` ignored);
 * - strings: shared (`t="s"`, plain or rich-text runs, phonetic runs skipped), inline (`t="inlineStr"`),
 *   formula strings (`t="str"`), booleans, errors (`#DIV/0!` kept as text), ISO dates (`t="d"`);
 *   `_xHHHH_` escapes decoded (§22.4.2.4);
 * - numbers as Excel shows them where it matters: up to 15 significant digits, a percent format →
 *   「98%」, a date format → 「2023-11-18」 (1900 or 1904 date system).
 *
 * Measured here (Node 20, 2 cores), a one-sheet form of ~8 KB: ~7 ms per file warm (readZip ~2.7 ms,
 * xmldom on styles/sheet/shared strings ~4 ms), ~35 ms for the first (module loading); read-excel-file
 * takes ~5 ms for the same file without the merges and formats. A zip bomb is refused in < 1 ms.
 */
import { error, rawWithProblem, type RawSubmission } from '../core/problem.js';
import { labelCount, type FormDocument, type GridCell, type GridTable } from './grid.js';
import { UnsafeXmlError, parseXmlTree } from './xml.js';
import { readZip } from './zip.js';

export type XlsxRead =
  { ok: true; doc: FormDocument; sheetNames: string[] } | { ok: false; kind: 'unsafe' | 'unreadable'; raw: RawSubmission };

type El = {
  localName: string;
  childNodes: ArrayLike<unknown>;
  getAttribute(name: string): string | null;
  getAttributeNS(ns: string, name: string): string | null;
};
type TextNode = { nodeType: number; nodeValue: string | null };
const isEl = (n: unknown): n is El => typeof n === 'object' && n !== null && (n as { nodeType?: number }).nodeType === 1;
const kids = (el: El): El[] => Array.from(el.childNodes as ArrayLike<unknown>).filter(isEl);
/** Namespaces differ between transitional and strict OOXML: elements are matched by local name. */
const kid = (el: El, name: string) => kids(el).find((c) => c.localName === name);
const kidsNamed = (el: El, name: string) => kids(el).filter((c) => c.localName === name);
const REL_NS = [
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
];

function ownText(el: El): string {
  let s = '';
  for (const n of Array.from(el.childNodes as ArrayLike<TextNode>)) if (n.nodeType === 3 || n.nodeType === 4) s += n.nodeValue ?? '';
  return s;
}

/** `_x000D_` and friends: characters XML cannot carry, escaped by Excel (§22.4.2.4). */
const unescapeX = (s: string) => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
const tidy = (s: string) => unescapeX(s).replace(/\r\n?/g, '\n');

/** A string item (`<si>`, `<is>`): its `<t>`, or its rich-text runs' `<t>`; phonetic runs (`<rPh>`) are not text. */
function stringItem(el: El): string {
  let s = '';
  for (const c of kids(el)) {
    if (c.localName === 't') s += ownText(c);
    else if (c.localName === 'r') for (const t of kidsNamed(c, 't')) s += ownText(t);
  }
  return tidy(s);
}

/** `AB12` → { row: 11, col: 27 } (0-based). */
export function parseRef(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (col < 1 || col > 16384 || row < 1 || row > 1048576) return undefined;
  return { row: row - 1, col: col - 1 };
}

// ---------------------------------------------------------------- number formats
type NumberKind = 'general' | 'percent' | 'date';

/** Built-in formats (§18.8.30) that show a date, including the zh-CN ones (27–36, 50–58). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);

function kindOfCode(code: string): NumberKind {
  // Quoted literals, escaped characters and [colour]/[$-804] sections say nothing about the kind.
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0]!;
  if (bare.includes('%')) return 'percent';
  if (/[yd]/i.test(bare) || (/m/i.test(bare) && !/[hs:]/i.test(bare)))
    return /[0#?]/.test(bare.replace(/[ymd]/gi, '')) ? 'general' : 'date';
  return 'general';
}

function numberKinds(styles: El | undefined): NumberKind[] {
  if (!styles) return [];
  const custom = new Map<number, string>();
  const numFmts = kid(styles, 'numFmts');
  if (numFmts)
    for (const f of kidsNamed(numFmts, 'numFmt')) custom.set(Number(f.getAttribute('numFmtId')), f.getAttribute('formatCode') ?? '');
  const xfs = kid(styles, 'cellXfs');
  if (!xfs) return [];
  return kidsNamed(xfs, 'xf').map((xf) => {
    const id = Number(xf.getAttribute('numFmtId') ?? 0);
    if (custom.has(id)) return kindOfCode(custom.get(id)!);
    if (id === 9 || id === 10) return 'percent';
    return BUILTIN_DATES.has(id) ? 'date' : 'general';
  });
}

/** A number as a person reads it: no float noise (0.1 + 0.2 → 0.3), no exponent for ordinary sizes. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const clean = Number(n.toPrecision(15));
  if (Math.abs(clean) >= 1e21 || (clean !== 0 && Math.abs(clean) < 1e-6)) return String(clean);
  // Whole numbers (most cells) print the same without Intl, which is slow; -0 keeps its sign there.
  if (Number.isInteger(clean) && !Object.is(clean, -0)) return String(clean);
  return clean.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** An Excel date serial → `YYYY-MM-DD` (the 1900 system counts the phantom 1900-02-29). */
export function serialDate(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2958465) return undefined;
  const days = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + days * 86_400_000).toISOString().slice(0, 10);
}

function formatNumber(v: string, kind: NumberKind, date1904: boolean): string {
  const n = Number(v);
  if (v.trim() === '' || Number.isNaN(n)) return v;
  if (kind === 'percent') return `${numberText(n * 100)}%`;
  if (kind === 'date') return serialDate(n, date1904) ?? numberText(n);
  return numberText(n);
}

// ---------------------------------------------------------------- sheets
interface SheetInfo {
  name: string;
  hidden: boolean;
  path: string | undefined;
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function relTargets(rels: El | undefined, base: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!rels) return out;
  for (const r of kidsNamed(rels, 'Relationship')) {
    const id = r.getAttribute('Id');
    const target = r.getAttribute('Target');
    if (id && target && r.getAttribute('TargetMode') !== 'External') out.set(id, resolveTarget(base, target));
  }
  return out;
}

interface RawCell {
  row: number;
  col: number;
  text: string;
}

function sheetCells(
  sheet: El,
  shared: string[],
  kinds: NumberKind[],
  date1904: boolean,
): { cells: RawCell[]; merges: Array<{ r0: number; c0: number; r1: number; c1: number }> } {
  const cells: RawCell[] = [];
  const data = kid(sheet, 'sheetData');
  let rowIndex = -1;
  for (const row of data ? kidsNamed(data, 'row') : []) {
    const r = Number(row.getAttribute('r'));
    rowIndex = Number.isInteger(r) && r >= 1 ? r - 1 : rowIndex + 1;
    let colIndex = -1;
    for (const c of kidsNamed(row, 'c')) {
      const ref = c.getAttribute('r');
      const at = ref ? parseRef(ref) : undefined;
      colIndex = at ? at.col : colIndex + 1;
      const type = c.getAttribute('t') ?? 'n';
      const v = kid(c, 'v');
      const raw = v ? ownText(v) : '';
      let text: string;
      switch (type) {
        case 's':
          text = shared[Number(raw)] ?? '';
          break;
        case 'inlineStr': {
          const is = kid(c, 'is');
          text = is ? stringItem(is) : tidy(raw);
          break;
        }
        case 'str':
        case 'e':
          text = tidy(raw);
          break;
        case 'b':
          text = raw === '1' ? 'TRUE' : raw === '0' ? 'FALSE' : raw;
          break;
        case 'd':
          text = /^\d{4}-\d{2}-\d{2}/.test(raw) ? raw.slice(0, 10) : raw;
          break;
        default:
          text = formatNumber(raw, kinds[Number(c.getAttribute('s') ?? 0)] ?? 'general', date1904);
      }
      if (text.trim() !== '') cells.push({ row: at ? at.row : rowIndex, col: colIndex, text });
    }
  }
  const merges: Array<{ r0: number; c0: number; r1: number; c1: number }> = [];
  const mergeCells = kid(sheet, 'mergeCells');
  for (const m of mergeCells ? kidsNamed(mergeCells, 'mergeCell') : []) {
    const [a, b] = (m.getAttribute('ref') ?? '').split(':');
    const from = a ? parseRef(a) : undefined;
    const to = b ? parseRef(b) : from;
    if (!from || !to) continue;
    merges.push({
      r0: Math.min(from.row, to.row),
      c0: Math.min(from.col, to.col),
      r1: Math.max(from.row, to.row),
      c1: Math.max(from.col, to.col),
    });
  }
  return { cells, merges };
}

/**
 * Cells and merges → grid rows. A merge's origin spans its columns; in the rows below it, a
 * `continued` cell repeats the origin's text (as `docx-grid.ts` does for `vMerge`). Only rows that
 * hold something become rows (a merge down to row 1,048,576 creates nothing), each remembering its
 * sheet row number for messages.
 */
function buildRows(
  cells: RawCell[],
  merges: Array<{ r0: number; c0: number; r1: number; c1: number }>,
): { rows: GridCell[][]; lines: number[] } {
  const byRow = new Map<number, Map<number, string>>();
  for (const c of cells) {
    if (!byRow.has(c.row)) byRow.set(c.row, new Map());
    byRow.get(c.row)!.set(c.col, c.text);
  }
  const originAt = new Map<string, { r0: number; c0: number; r1: number; c1: number }>();
  for (const m of merges) originAt.set(`${m.r0},${m.c0}`, m);
  const rows: GridCell[][] = [];
  const lines: number[] = [];
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const row = byRow.get(r)!;
    const out: GridCell[] = [];
    // Vertical continuations of merges whose origin is above this row.
    for (const m of merges) {
      if (r <= m.r0 || r > m.r1) continue;
      const text = byRow.get(m.r0)?.get(m.c0);
      if (text !== undefined) out.push({ text, col: m.c0, span: m.c1 - m.c0 + 1, continued: true });
    }
    for (const [col, text] of row) {
      // A value stored under a merge's covered cell is hidden in Excel: skip it.
      if (merges.some((m) => r >= m.r0 && r <= m.r1 && col >= m.c0 && col <= m.c1 && !(r === m.r0 && col === m.c0))) continue;
      const m = originAt.get(`${r},${col}`);
      out.push({ text, col, span: m ? m.c1 - m.c0 + 1 : 1 });
    }
    if (out.every((c) => c.continued)) continue;
    out.sort((a, b) => a.col - b.col);
    rows.push(out);
    lines.push(r + 1);
  }
  return { rows, lines };
}

// ---------------------------------------------------------------- the reader
function failed(kind: 'unsafe' | 'unreadable', code: 'file.zipBomb' | 'file.corrupt' | 'file.unsafeXml'): XlsxRead {
  return { ok: false, kind, raw: rawWithProblem(error(code, { format: 'Excel' })) };
}

/** The parts worth extracting: XML and relationships, not pictures, charts, embedded files or document properties. */
const WANTED = (name: string) =>
  /\.(xml|rels)$/i.test(name) &&
  !/^(xl\/(media|drawings|charts|embeddings|printerSettings|theme)\/|docProps\/|\[Content_Types\]\.xml$)/i.test(name);

export async function readXlsxForm(bytes: Uint8Array): Promise<XlsxRead> {
  // The zip is checked with real-byte limits before any of it is parsed (a bomb → unsafe).
  const zip = await readZip(bytes, undefined, { only: WANTED });
  if (!zip.ok)
    return zip.error === 'too-large' || zip.error === 'too-many-entries'
      ? failed('unsafe', 'file.zipBomb')
      : failed('unreadable', 'file.corrupt');
  const parts = new Map<string, Uint8Array>();
  for (const entry of zip.entries) {
    if ('bytes' in entry) parts.set(entry.name, entry.bytes);
    else if (entry.error === 'too-large' || entry.error === 'ratio') return failed('unsafe', 'file.zipBomb');
  }
  try {
    return readParts(parts);
  } catch (e) {
    return e instanceof UnsafeXmlError ? failed('unsafe', 'file.unsafeXml') : failed('unreadable', 'file.corrupt');
  }
}

function readParts(parts: Map<string, Uint8Array>): XlsxRead {
  const xml = (name: string) => {
    const b = parts.get(name);
    return b ? (parseXmlTree(b).documentElement as unknown as El) : undefined;
  };
  // The workbook part: where the package relationships say (almost always xl/workbook.xml).
  const pkgRels = xml('_rels/.rels');
  const rootRels = relTargets(pkgRels, '');
  let workbookPath = 'xl/workbook.xml';
  for (const r of pkgRels ? kidsNamed(pkgRels, 'Relationship') : [])
    if (/\/officeDocument$/.test(r.getAttribute('Type') ?? '') && rootRels.get(r.getAttribute('Id') ?? ''))
      workbookPath = rootRels.get(r.getAttribute('Id')!)!;
  const workbook = xml(workbookPath);
  if (!workbook || workbook.localName !== 'workbook') return failed('unreadable', 'file.corrupt');
  const relsPath = workbookPath.replace(/[^/]*$/, (f) => `_rels/${f}.rels`);
  const rels = xml(relsPath);
  const targets = relTargets(rels, workbookPath);
  const typeOf = (suffix: string) => {
    for (const r of rels ? kidsNamed(rels, 'Relationship') : [])
      if ((r.getAttribute('Type') ?? '').endsWith(suffix)) return targets.get(r.getAttribute('Id') ?? '');
    return undefined;
  };
  const date1904 = ['1', 'true'].includes(kid(workbook, 'workbookPr')?.getAttribute('date1904') ?? '');

  const sstEl = xml(typeOf('/sharedStrings') ?? 'xl/sharedStrings.xml');
  const shared = sstEl ? kidsNamed(sstEl, 'si').map(stringItem) : [];
  const kinds = numberKinds(xml(typeOf('/styles') ?? 'xl/styles.xml'));

  const sheetsEl = kid(workbook, 'sheets');
  const infos: SheetInfo[] = (sheetsEl ? kidsNamed(sheetsEl, 'sheet') : []).map((s, i) => {
    const rid = REL_NS.map((ns) => s.getAttributeNS(ns, 'id')).find(Boolean) ?? s.getAttribute('r:id');
    const path = (rid && targets.get(rid)) ?? `xl/worksheets/sheet${i + 1}.xml`;
    const state = s.getAttribute('state');
    return { name: s.getAttribute('name') ?? `Sheet${i + 1}`, hidden: state === 'hidden' || state === 'veryHidden', path };
  });

  const sheets: Array<{ table: GridTable; lines: number[]; info: SheetInfo }> = [];
  for (const info of infos) {
    const sheet = info.path ? xml(info.path) : undefined;
    if (!sheet || sheet.localName !== 'worksheet') continue; // a chart sheet, or a part that is missing
    const { cells, merges } = sheetCells(sheet, shared, kinds, date1904);
    const { rows, lines } = buildRows(cells, merges);
    const where = `工作表「${info.name}」`;
    sheets.push({ info, lines, table: { rows, locOf: (row, col) => ({ line: lines[row] ?? row + 1, column: col + 1, in: where }) } });
  }

  // Text outside the table (title, 「教育行政部门（盖章）：…」) sits in cells too: every row's text is
  // also a paragraph, the form's own sheet first, so an old title on a hidden sheet never wins.
  const order = sheets.map((s, i) => ({ s, i, n: labelCount(s.table) })).sort((a, b) => b.n - a.n || a.i - b.i);
  const doc: FormDocument = { paragraphs: [], tables: sheets.map((s) => s.table) };
  for (const { s } of order)
    s.table.rows.forEach((row, r) => {
      const text = row
        .filter((c) => !c.continued)
        .map((c) => c.text.trim())
        .filter(Boolean)
        .join(' ');
      if (text) doc.paragraphs.push({ text, loc: s.table.locOf(r, row[0]?.col ?? 0) });
    });
  return { ok: true, doc, sheetNames: infos.map((i) => i.name) };
}
