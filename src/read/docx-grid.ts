/**
 * `word/document.xml` of a Word form filled in Word, WPS or LibreOffice → paragraphs and table grids
 * (ECMA-376 Part 1, §17). What people's files really contain (docs/inbox.md, "What arrives, and how each kind is read"):
 * - runs split by proofing marks and bookmarks (`w:proofErr`, `w:bookmarkStart`): text is gathered per
 *   paragraph, whatever splits it;
 * - content controls (`w:sdt` → `w:sdtContent`) around blocks, rows, cells and runs: descended into;
 * - tracked changes: `w:ins` is kept, `w:del` / `w:delText` dropped (what Word shows as the result);
 * - merged cells: `w:gridSpan` (§17.4.17) across, `w:vMerge` (§17.4.85) down — a `vMerge` with no
 *   `w:val` means *continue*; `w:gridBefore` (§17.4.15) shifts a row's first cell;
 * - several paragraphs in a cell: joined with line breaks;
 * - a value our DOCX split between pages: the rest's first paragraph says, by its style, whether it
 *   goes on with the paragraph before the break (`GridCell.joinsPrevious`);
 * - a line break our DOCX made to keep a date or a phone whole (a run in `LAYOUT_BREAK_STYLE`): no text.
 */
import { CONTINUED_VALUE_STYLE, LAYOUT_BREAK_STYLE } from '../form/embedded.js';
import type { FormDocument, GridCell, GridTable } from './grid.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

type El = {
  localName: string;
  namespaceURI: string | null;
  childNodes: ArrayLike<unknown>;
  getAttributeNS(ns: string, name: string): string | null;
  getAttribute(name: string): string | null;
};
const isEl = (n: unknown): n is El => typeof n === 'object' && n !== null && (n as { nodeType?: number }).nodeType === 1;
const children = (el: El): El[] => Array.from(el.childNodes as ArrayLike<unknown>).filter(isEl);
const isW = (el: El, name: string) => el.localName === name && (el.namespaceURI === W || el.namespaceURI === null);
const child = (el: El, name: string) => children(el).find((c) => isW(c, name));
const wAttr = (el: El, name: string) => el.getAttributeNS(W, name) ?? el.getAttribute(`w:${name}`);

/** Wrappers whose content counts as if it stood in their place. */
const TRANSPARENT = new Set(['sdt', 'sdtContent', 'customXml', 'smartTag', 'ins', 'moveTo', 'hyperlink', 'fldSimple', 'dir', 'bdo']);
/** Never shown as text: deletions, field instructions, drawings' own text boxes. */
const SKIP = new Set([
  'del',
  'moveFrom',
  'delText',
  'instrText',
  'delInstrText',
  'sdtPr',
  'rPr',
  'pPr',
  'tcPr',
  'trPr',
  'tblPr',
  'drawing',
  'pict',
  'object',
  'footnoteReference',
  'commentReference',
]);

/**
 * The ids of our own styles in this file: each one's own id and whatever id an office suite gave it
 * when it saved the file again (read/docx.ts finds them by name in styles.xml).
 */
export interface OwnStyles {
  /** 「表格内容（接上页）」: a value's paragraph going on from the previous page. */
  readonly continued: ReadonlySet<string>;
  /** 「排版换行」: a line break that is layout, not text. */
  readonly layoutBreak: ReadonlySet<string>;
}
export const OWN_STYLE_IDS: OwnStyles = { continued: new Set([CONTINUED_VALUE_STYLE.id]), layoutBreak: new Set([LAYOUT_BREAK_STYLE.id]) };

/** The character style id of a run, if it names one. */
function runStyleOf(r: El): string | undefined {
  const rPr = child(r, 'rPr');
  const rStyle = rPr && child(rPr, 'rStyle');
  return (rStyle && wAttr(rStyle, 'val')) ?? undefined;
}

/** The text of a run container (paragraph content), in reading order. */
function runText(el: El, out: string[], styles: OwnStyles, layoutOnly = false): void {
  for (const c of children(el)) {
    const name = c.localName;
    if (SKIP.has(name)) continue;
    if (name === 't') out.push(textOf(c));
    else if (name === 'tab' || name === 'ptab') out.push('\t');
    else if (name === 'br' || name === 'cr') out.push(layoutOnly && name === 'br' ? '' : '\n');
    else if (name === 'r') runText(c, out, styles, styles.layoutBreak.has(runStyleOf(c) ?? ''));
    else if (name === 'noBreakHyphen') out.push('-');
    else if (name === 'sym') out.push(String.fromCharCode(parseInt(wAttr(c, 'char') ?? '20', 16)));
    else if (name === 'AlternateContent') {
      const fallback = children(c).find((x) => x.localName === 'Fallback') ?? children(c).find((x) => x.localName === 'Choice');
      if (fallback) runText(fallback, out, styles, layoutOnly);
    } else runText(c, out, styles, layoutOnly);
  }
}

function textOf(el: El): string {
  let s = '';
  for (const n of Array.from(el.childNodes as ArrayLike<{ nodeValue?: string | null; nodeType?: number }>))
    if (n.nodeType === 3 || n.nodeType === 4) s += n.nodeValue ?? '';
  return s;
}

function paragraphText(p: El, styles: OwnStyles): string {
  const out: string[] = [];
  runText(p, out, styles);
  return out.join('');
}

/** Block-level content (body, cell, content control): paragraphs and tables in order. */
function blocks(el: El, visit: (b: { p?: El; tbl?: El }) => void): void {
  for (const c of children(el)) {
    if (isW(c, 'p')) visit({ p: c });
    else if (isW(c, 'tbl')) visit({ tbl: c });
    else if (TRANSPARENT.has(c.localName) && !SKIP.has(c.localName)) blocks(c, visit);
  }
}

/**
 * The text boxes anchored in a paragraph (`w:txbxContent`, §17.17.1), whose content is block-level
 * like the body's: a whole form may sit in one. A text box made by Word is written twice, as
 * DrawingML (`mc:Choice`) and as VML for older readers (`mc:Fallback`): read once, the Choice when
 * it has the box, else the Fallback.
 */
function textBoxes(el: El, found: El[] = []): El[] {
  for (const c of children(el)) {
    if (c.localName === 'txbxContent') found.push(c);
    else if (c.localName === 'AlternateContent') {
      const choices = children(c).filter((x) => x.localName === 'Choice');
      const fallback = children(c).find((x) => x.localName === 'Fallback');
      const choice = choices.find((x) => textBoxes(x).length > 0);
      textBoxes(choice ?? fallback ?? c, found);
    } else textBoxes(c, found);
  }
  return found;
}

/** Blocks in reading order, text boxes' content right after the paragraph that anchors them. */
function blocksWithBoxes(el: El, visit: (b: { p?: El; tbl?: El }) => void): void {
  blocks(el, (b) => {
    visit(b);
    if (b.p) for (const box of textBoxes(b.p)) blocksWithBoxes(box, visit);
  });
}

/** The paragraph style id of a paragraph, if it names one. */
function styleOf(p: El): string | undefined {
  const pPr = child(p, 'pPr');
  const pStyle = pPr && child(pPr, 'pStyle');
  return (pStyle && wAttr(pStyle, 'val')) ?? undefined;
}

/**
 * A cell's text, its paragraphs joined with line breaks, and whether its first paragraph goes on
 * with the previous table's last one (one of `styles.continued`: a value our DOCX split between pages).
 */
function cellContent(tc: El, styles: OwnStyles): { text: string; joinsPrevious: boolean } {
  const parts: string[] = [];
  let joinsPrevious: boolean | undefined;
  blocks(tc, (b) => {
    if (b.p) {
      joinsPrevious ??= styles.continued.has(styleOf(b.p) ?? '');
      parts.push(paragraphText(b.p, styles));
    }
    // A table nested in a cell: its text, row by row.
    else if (b.tbl) {
      joinsPrevious ??= false;
      for (const row of tableRows(b.tbl, styles)) parts.push(row.map((c) => c.text).join(' '));
    }
  });
  // Trailing empty paragraphs are Word's furniture, not content.
  while (parts.length > 0 && parts[parts.length - 1]!.trim() === '') parts.pop();
  return { text: parts.join('\n'), joinsPrevious: joinsPrevious ?? false };
}

/** The `w:<name>` children of an element, looking through content controls and other wrappers. */
function elementsNamed(parent: El, name: 'tr' | 'tc'): El[] {
  const found: El[] = [];
  const walk = (el: El) => {
    for (const c of children(el)) {
      if (isW(c, name)) found.push(c);
      else if (TRANSPARENT.has(c.localName)) walk(c);
    }
  };
  walk(parent);
  return found;
}

function tableRows(tbl: El, styles: OwnStyles): GridCell[][] {
  const rows: GridCell[][] = [];
  /** Text of the cell that started a vertical merge, by grid column. */
  const mergeOrigin = new Map<number, string>();
  for (const tr of elementsNamed(tbl, 'tr')) {
    const trPr = child(tr, 'trPr');
    const before = Number((trPr && child(trPr, 'gridBefore') && wAttr(child(trPr, 'gridBefore')!, 'val')) ?? 0) || 0;
    let col = before;
    const row: GridCell[] = [];
    for (const tc of elementsNamed(tr, 'tc')) {
      const tcPr = child(tc, 'tcPr');
      const span = Math.max(1, Number((tcPr && child(tcPr, 'gridSpan') && wAttr(child(tcPr, 'gridSpan')!, 'val')) ?? 1) || 1);
      const vMerge = tcPr ? child(tcPr, 'vMerge') : undefined;
      const mergeVal = vMerge ? (wAttr(vMerge, 'val') ?? 'continue') : undefined;
      const content = cellContent(tc, styles);
      let text = content.text;
      let continued = false;
      if (mergeVal === 'restart') mergeOrigin.set(col, text);
      else if (mergeVal === 'continue') {
        continued = true;
        text = mergeOrigin.get(col) ?? text;
      } else mergeOrigin.delete(col);
      row.push({
        text,
        col,
        span,
        ...(continued ? { continued } : {}),
        ...(content.joinsPrevious && !continued ? { joinsPrevious: true } : {}),
      });
      col += span;
    }
    rows.push(row);
  }
  return rows;
}

/**
 * The body of a parsed `word/document.xml` as paragraphs and grids. `styles`: the ids of our own
 * styles (`form/embedded.ts`; read/docx.ts finds them in styles.xml).
 */
export function docxToForm(
  documentElement: unknown,
  styles: OwnStyles = OWN_STYLE_IDS,
  /** Headers (`word/header*.xml`, `w:hdr`): a form may have been put in one. */
  headers: readonly unknown[] = [],
): FormDocument {
  const doc: FormDocument = { paragraphs: [], tables: [] };
  const addTable = (tbl: El) => {
    const n = doc.tables.length + 1;
    const table: GridTable = {
      rows: tableRows(tbl, styles),
      locOf: (row, col) => ({ line: row + 1, column: col + 1, in: doc.tables.length > 1 ? `表格${n}` : '表格' }),
    };
    doc.tables.push(table);
    // A table inside a cell (the form in a 1×1 frame table, or in one cell of a layout table) is a
    // table of its own too; the matcher takes whichever carries the form's labels.
    // The frame cell's own paragraphs around such a table (title, stamp line) are the form's furniture.
    for (const tr of elementsNamed(tbl, 'tr'))
      for (const tc of elementsNamed(tr, 'tc')) {
        const inner: El[] = [];
        const texts: string[] = [];
        blocksWithBoxes(tc, (b) => {
          if (b.tbl) inner.push(b.tbl);
          else if (b.p) texts.push(paragraphText(b.p, styles));
        });
        if (inner.length === 0) continue;
        for (const text of texts)
          if (text.trim() !== '') doc.paragraphs.push({ text, loc: { line: doc.paragraphs.length + 1, column: 1, in: '段落' } });
        for (const t of inner) addTable(t);
      }
  };
  const read = (container: El) =>
    blocksWithBoxes(container, (b) => {
      if (b.p) {
        const text = paragraphText(b.p, styles);
        if (text.trim() !== '') doc.paragraphs.push({ text, loc: { line: doc.paragraphs.length + 1, column: 1, in: '段落' } });
      } else if (b.tbl) addTable(b.tbl);
    });
  for (const header of headers) read(header as El);
  const body = child(documentElement as El, 'body');
  if (body) read(body);
  return doc;
}
