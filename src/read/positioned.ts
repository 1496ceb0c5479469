/**
 * Text with positions (a PDF's text layer, an OCR result) → the form. A page shows the table as
 * label and value side by side; its text comes as pieces at coordinates. Pieces on the same line
 * are joined into the cells they were typed in (a gap wider than a character or so separates
 * cells), a cell that is one of the form's labels (the one matcher, `form/labels.ts`) anchors a row,
 * and the value is what stands right of it — on its line and the lines below in the same column —
 * until the next label. Forms typed as paragraphs (「举办县区：东湖区」) are read as such. The result
 * is the same grid every other form reader gives (`grid.ts`), so validation is the same.
 *
 * Assumptions, as office suites lay a table out by default: cell text is top-aligned (Word, WPS and
 * LibreOffice all default to it); a value's lines start at the value column's left edge; text that
 * runs across that edge from the left margin (the footnote) is outside the table.
 */
import { emptyRaw, type Loc, type RawSubmission } from '../core/problem.js';
import { FIELDS, FURNITURE } from '../form/definition.js';
import { labelKey, type KeyMatch } from '../form/labels.js';
import { matchGrid, type FormDocument, type GridCell, type GridTable } from './grid.js';
import { matchLabel, splitLabelled } from './paragraphs.js';

/** One piece of text where it stands: PDF user-space points or image pixels, origin top-left, y down. */
export interface PositionedText {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** 1-based page number. */
  page: number;
}

interface Segment {
  text: string;
  x: number;
  right: number;
  height: number;
}

interface Line {
  page: number;
  top: number;
  bottom: number;
  /** 1-based line number on its page. */
  n: number;
  segments: Segment[];
}

/** Page furniture that is never a value: page numbers (「— 1 —」「第 1 页 共 2 页」), 「（续表）」. */
function isPageFurniture(text: string, pageEdge: boolean): boolean {
  const t = text.replace(/\s+/g, '');
  return (
    /^[-—–－]+\d{1,3}[-—–－]+$/.test(t) ||
    (pageEdge && /^\d{1,3}$/.test(t)) ||
    /^第\d+页(共\d+页)?$/.test(t) ||
    /^\d{1,3}\/\d{1,3}$/.test(t) ||
    t === FURNITURE.continuedTable
  );
}

const isFootnote = (text: string) => labelKey(text).startsWith(labelKey(FURNITURE.footnote).slice(0, 8));

/** Join two pieces of one line or one value: no space between CJK, one between Latin words. */
function join(a: string, b: string, gap = 0, height = 10): string {
  if (a === '') return b;
  if (/[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b)) return `${a} ${b}`;
  return gap > height * 0.25 && !/\s$/.test(a) && !/^\s/.test(b) ? `${a} ${b}` : a + b;
}

/** Pieces → lines (same page, overlapping vertically), each line's pieces → cells by horizontal gaps. */
export function positionedLines(items: readonly PositionedText[]): Line[] {
  const pieces = items.filter((i) => i.text.trim() !== '' && Number.isFinite(i.x) && Number.isFinite(i.y)).slice();
  pieces.sort((a, b) => a.page - b.page || a.y + a.height * 0.85 - (b.y + b.height * 0.85) || a.x - b.x);
  const lines: Array<{ page: number; top: number; bottom: number; items: PositionedText[] }> = [];
  for (const p of pieces) {
    // Pieces of one line share a baseline (a glyph from a fallback font may be taller or shorter).
    const base = p.y + p.height * 0.85;
    const line = lines.length > 0 ? lines[lines.length - 1]! : undefined;
    const lineBase = line ? line.items[0]!.y + line.items[0]!.height * 0.85 : 0;
    if (line && line.page === p.page && Math.abs(base - lineBase) <= Math.min(p.height, line.items[0]!.height) * 0.5) {
      line.items.push(p);
      line.top = Math.min(line.top, p.y);
      line.bottom = Math.max(line.bottom, p.y + p.height);
    } else lines.push({ page: p.page, top: p.y, bottom: p.y + p.height, items: [p] });
  }
  const perPage = new Map<number, number>();
  return lines.map((l) => {
    l.items.sort((a, b) => a.x - b.x);
    const segments: Segment[] = [];
    for (const p of l.items) {
      const last = segments[segments.length - 1];
      const h = Math.max(p.height, 1);
      const gap = last ? p.x - last.right : Infinity;
      if (last && gap <= Math.max(0.75 * h, 3)) {
        last.text = join(last.text, p.text, gap, h);
        last.right = Math.max(last.right, p.x + p.width);
        last.height = Math.max(last.height, h);
      } else segments.push({ text: p.text, x: p.x, right: p.x + p.width, height: h });
    }
    for (const s of segments) s.text = s.text.replace(/\s+$/, '').replace(/^\s+/, '');
    const n = (perPage.get(l.page) ?? 0) + 1;
    perPage.set(l.page, n);
    return { page: l.page, top: l.top, bottom: l.bottom, n, segments: segments.filter((s) => s.text !== '') };
  });
}

/**
 * The label a cell in the label column starts, when the label wraps onto the lines below
 * (「出席活动（开幕式）的领」「导」): the cell's text and the cells right below it at the same left edge.
 */
/** A piece on a line below that continues a cell: same left edge, or the same centre (centred text). */
function below(line: Line, seg: Segment): Segment | undefined {
  const tol = seg.height * 0.8;
  return line.segments.find(
    (s) =>
      (Math.abs(s.x - seg.x) <= tol || Math.abs((s.x + s.right) / 2 - (seg.x + seg.right) / 2) <= tol) &&
      s.right <= seg.right + seg.height * 3,
  );
}

function wrappedLabel(lines: readonly Line[], at: number, seg: Segment): { match: KeyMatch; lines: number } | undefined {
  let text = seg.text;
  for (let k = 1; k <= 6 && at + k < lines.length; k++) {
    const next = lines[at + k]!;
    if (next.page !== lines[at]!.page) break;
    const rest = below(next, seg);
    if (!rest) continue;
    text += rest.text;
    const m = matchLabel(text);
    if (m) return { match: m, lines: k };
  }
  return undefined;
}

interface Anchor {
  label: string;
  page: number;
  /** Vertical centre of the label (a label may be centred in its row, or top-aligned). */
  centre: number;
  /** Inline anchors (「标签：值」) carry their value; column anchors get lines of the value column. */
  inline?: string[];
  /** Column anchors: some value stands on the label's own line (a top-aligned or one-line row). */
  ownLine?: boolean;
  lines: ValueLine[];
  loc: Loc;
}

interface ValueLine {
  page: number;
  top: number;
  bottom: number;
  centre: number;
  height: number;
  text: string;
  right: number;
  anchor?: Anchor;
}

const locOf = (line: Line, column = 1): Loc => ({ line: line.n, column, in: `第${line.page}页` });

/** The label a cell is (field labels only: group cells add nothing the labels do not say). */
function fieldLabel(lines: readonly Line[], li: number, seg: Segment): { label: string; wrappedLines: number } | undefined {
  const whole = matchLabel(seg.text.replace(/[:：]\s*$/, ''));
  // 「活动主题」 over 「与内容」 in the merged group cell is the group 活动主题与内容, not the field.
  if (whole?.type === 'field' && wrappedLabel(lines, li, seg)?.match.type === 'group') return undefined;
  if (whole?.type === 'field') return { label: whole.field.label, wrappedLines: 0 };
  if (whole) return undefined;
  // 「活动范围（包括参与活动的街」: a label whose note wraps onto the next line.
  const open = /^([^（(]{2,})[（(][^）)]*$/.exec(seg.text);
  const bare = open ? matchLabel(open[1]!) : undefined;
  if (bare?.type === 'field') {
    const wrapped = wrappedLabel(lines, li, seg);
    return { label: bare.field.label, wrappedLines: wrapped?.lines ?? 0 };
  }
  const wrapped = wrappedLabel(lines, li, seg);
  return wrapped?.match.type === 'field' ? { label: wrapped.match.field.label, wrappedLines: wrapped.lines } : undefined;
}

/**
 * Positioned text → paragraphs and the form's grid (label | value rows), for `matchGrid`.
 *
 * The value column is where the text right of a label on the label's own line starts. Its lines
 * are gathered into blocks (a cell's lines follow each other at line pitch; a new row leaves a
 * larger gap, or starts on a label's line); a block goes to the label on its first line, else the
 * label centred beside it (merged or centred cells), else it continues the value above (a value
 * running onto the next page).
 */
export function positionedToForm(items: readonly PositionedText[]): FormDocument {
  const all = positionedLines(items);
  // A page number stands alone on the page's first or last line.
  const lines = all.filter(
    (l, i) =>
      !(l.segments.length === 1 && isPageFurniture(l.segments[0]!.text, all[i - 1]?.page !== l.page || all[i + 1]?.page !== l.page)),
  );
  const paragraphs: FormDocument['paragraphs'] = [];
  // Pass 1: which cells are labels, and where the value column starts.
  const labels = new Map<Segment, { label: string; wrappedLines: number }>();
  const wrappedRest = new Set<Segment>();
  const valueStarts: number[] = [];
  lines.forEach((line, li) => {
    line.segments.forEach((seg, si) => {
      if (wrappedRest.has(seg)) return;
      const found = fieldLabel(lines, li, seg);
      if (!found) return;
      labels.set(seg, found);
      for (let k = 1; k <= found.wrappedLines; k++) {
        const rest = below(lines[li + k]!, seg);
        if (rest) wrappedRest.add(rest);
      }
      const next = line.segments[si + 1];
      if (next && !labels.has(next)) valueStarts.push(next.x);
    });
  });
  valueStarts.sort((a, b) => a - b);
  const valueCol = valueStarts.length > 0 ? valueStarts[Math.floor(valueStarts.length / 2)]! : undefined;

  // Pass 2: anchors and value lines, in reading order.
  const anchors: Anchor[] = [];
  const valueLines: ValueLine[] = [];
  let inlineCurrent: Anchor | undefined;
  let ended = false;
  lines.forEach((line, li) => {
    const lineText = line.segments.map((s) => s.text).join(' ');
    if (ended || (anchors.length > 0 && isFootnote(lineText))) {
      ended = true;
      paragraphs.push({ text: lineText, loc: locOf(line) });
      return;
    }
    let lineAnchor: Anchor | undefined;
    const values: Segment[] = [];
    line.segments.forEach((seg, si) => {
      if (wrappedRest.has(seg)) return;
      const label = labels.get(seg);
      if (label) {
        // A label wrapped over lines is centred (or starts) where its whole cell text is.
        const last = lines[li + label.wrappedLines] ?? line;
        lineAnchor = {
          label: label.label,
          page: line.page,
          centre: (line.top + (last.page === line.page ? last.bottom : line.bottom)) / 2,
          lines: [],
          loc: locOf(line, si + 1),
        };
        anchors.push(lineAnchor);
        inlineCurrent = undefined;
        return;
      }
      if (valueCol !== undefined && seg.x >= valueCol - seg.height * 0.8) {
        values.push(seg);
        return;
      }
      // A group heading (「四、活动的群众性」) ends the value typed above it.
      if (matchLabel(seg.text.replace(/[:：]\s*$/, ''))?.type === 'group') {
        inlineCurrent = undefined;
        return;
      }
      if (valueCol !== undefined && anchors.length > 0 && seg.x < valueCol - seg.height && seg.right > valueCol + seg.height) {
        // Text across the value column's edge from the left: outside the table.
        paragraphs.push({ text: seg.text, loc: locOf(line, si + 1) });
        return;
      }
      const { before, parts } = splitLabelled(seg.text);
      const fields = parts.filter((p) => p.match.type === 'field');
      if (fields.length > 0) {
        if (before !== '' && inlineCurrent) inlineCurrent.inline!.push(before);
        for (const part of fields) {
          if (part.match.type !== 'field') continue;
          inlineCurrent = {
            label: part.match.field.label,
            page: line.page,
            centre: (line.top + line.bottom) / 2,
            inline: part.value === '' ? [] : [part.value],
            lines: [],
            loc: locOf(line, si + 1),
          };
          anchors.push(inlineCurrent);
        }
        return;
      }
      if (inlineCurrent) inlineCurrent.inline!.push(seg.text);
      else if (anchors.length === 0) paragraphs.push({ text: seg.text, loc: locOf(line, si + 1) });
      // else: a merged group cell or other label-column text: nothing to read.
    });
    if (values.length === 0) return;
    const text = values.reduce((t, s, i) => (i === 0 ? s.text : join(t, s.text, s.x - values[i - 1]!.right, s.height)), '');
    const v: ValueLine = {
      page: line.page,
      top: line.top,
      bottom: line.bottom,
      centre: (line.top + line.bottom) / 2,
      height: Math.max(...values.map((s) => s.height)),
      text,
      right: values[values.length - 1]!.right,
      ...(lineAnchor ? { anchor: lineAnchor } : {}),
    };
    if (lineAnchor) lineAnchor.ownLine = true;
    valueLines.push(v);
  });
  // The title and stamp line before the table, one paragraph per line.
  const before = new Map<string, string[]>();
  for (const p of paragraphs) {
    if (!p.loc) continue;
    const key = `${p.loc.in}:${p.loc.line}`;
    before.set(key, [...(before.get(key) ?? []), p.text]);
  }
  const merged: FormDocument['paragraphs'] = [];
  const seen = new Set<string>();
  for (const p of paragraphs) {
    const key = `${p.loc?.in}:${p.loc?.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push({ text: before.get(key)!.join(' '), ...(p.loc ? { loc: { ...p.loc, column: 1 } } : {}) });
  }

  // Pass 3: value lines with no label on their own line. Office suites either top-align a cell's
  // text (Word's default) or centre it (LibreOffice's HTML import, WPS templates, this tool's PDF).
  // Centred is told by a label with value lines both above and below it; then each label takes,
  // below it, as far as its lines reach above it (a centred row is symmetric) and the rest belong to
  // the next label. Top-aligned: a line belongs to the label above it (a row going on, or a value
  // running onto the next page), unless the label below has no value on its own line and the line
  // lies within that row's reach.
  const column = anchors.filter((a) => !a.inline);
  const order = (a: { page: number; centre: number }, b: { page: number; centre: number }) => a.page - b.page || a.centre - b.centre;
  const unbound = valueLines.filter((l) => !l.anchor);
  for (const l of valueLines) if (l.anchor) l.anchor.lines.push(l);
  const between = (a: Anchor | undefined, b: Anchor | undefined) =>
    unbound.filter((l) => (!a || order(a, l) < 0) && (!b || order(l, b) <= 0));
  const centred = column.some((a, i) => {
    if (a.ownLine) return false;
    const up = between(column[i - 1], a).filter((l) => l.page === a.page);
    const down = between(a, column[i + 1]).filter((l) => l.page === a.page);
    return up.length > 0 && down.length > 0;
  });
  if (centred) {
    let previous: Anchor | undefined;
    let reachAbove = 0;
    column.forEach((anchor, i) => {
      const lines = between(previous, anchor);
      // The label's own value line counts: a wrapped label's centre may lie below it.
      let top = Math.min(anchor.centre, ...anchor.lines.filter((l) => l.page === anchor.page).map((l) => l.centre));
      for (const l of lines) {
        // Same page as the label above and within its reach, or on a page before this label's: the
        // row above going on. On this label's page otherwise: this row (centred around its label).
        const goesOn =
          previous &&
          (l.page === previous.page
            ? l.page !== anchor.page || l.centre - previous.centre <= reachAbove + l.height * 0.5
            : l.page !== anchor.page);
        if (previous && goesOn) previous.lines.push(l);
        else {
          anchor.lines.push(l);
          if (l.page === anchor.page) top = Math.min(top, l.centre);
        }
      }
      reachAbove = anchor.centre - top;
      previous = anchor;
      if (i === column.length - 1) anchor.lines.push(...between(anchor, undefined));
    });
  } else {
    const reachBelow = new Map<Anchor, number>();
    column.forEach((n, i) => {
      if (n.ownLine) return;
      const next = column[i + 1];
      let reach = 0;
      for (const l of unbound) {
        if (l.page !== n.page || l.centre <= n.centre) continue;
        if (next && next.page === n.page && l.centre >= next.centre) break;
        if (next && next.page === n.page && !next.ownLine && next.centre - l.centre < l.centre - n.centre) break;
        reach = Math.max(reach, l.centre - n.centre);
      }
      reachBelow.set(n, reach);
    });
    for (const l of unbound) {
      let above: Anchor | undefined;
      let next: Anchor | undefined;
      for (const a of column) {
        if (order(a, l) <= 0) above = a;
        else {
          next = a;
          break;
        }
      }
      const target =
        next && next.page === l.page && !next.ownLine && (!above || next.centre - l.centre <= (reachBelow.get(next) ?? 0) + l.height * 0.5)
          ? next
          : above;
      if (target) target.lines.push(l);
    }
  }

  // A value's lines: a new paragraph where a line stops well short of the column's right edge,
  // or where the gap above a line is wider than a line's spacing (paragraph spacing).
  const rightEdge = Math.max(0, ...valueLines.map((l) => l.right));
  const rows: GridCell[][] = [];
  const locs: Loc[] = [];
  for (const a of anchors) {
    let text = '';
    if (a.inline) text = a.inline.join('\n');
    else {
      a.lines.sort(order);
      a.lines.forEach((l, i) => {
        const prev = a.lines[i - 1];
        const newParagraph =
          prev &&
          (prev.right + firstWordWidth(l) < rightEdge - l.height * 0.5 || (prev.page === l.page && l.top - prev.bottom > 0.6 * l.height));
        text = !prev ? l.text : newParagraph ? `${text}\n${l.text}` : join(text, l.text);
      });
    }
    locs.push(a.loc);
    rows.push([
      { text: a.label, col: 0, span: 1 },
      { text, col: 1, span: 1 },
    ]);
  }
  const table: GridTable = { rows, locOf: (row) => locs[row] ?? { line: row + 1, column: 1 } };
  return { paragraphs: merged, tables: rows.length > 0 ? [table] : [] };
}

/**
 * About how wide the first word of a line is: a line before it that stopped short by less than
 * that was wrapped (the word did not fit), not ended. Latin letters and digits run about half an em.
 */
function firstWordWidth(line: ValueLine): number {
  const latin = /^[A-Za-z0-9@.\-_/:%]+/.exec(line.text);
  return latin ? latin[0].length * line.height * 0.55 : line.height;
}

/** Fields whose value is one line on the form: a number or a period (the line with digits), the unit's name, the department. */
const ONE_LINE = FIELDS.filter(
  (f) => ['count', 'percent', 'dateRange', 'year', 'unit'].includes(f.kind) || f.default === 'roster.department',
);
const DIGITS_LINE: ReadonlySet<string> = new Set(['count', 'percent', 'dateRange', 'year']);

/**
 * Pair labels and values by position with the one label matcher: the raw values validation reads.
 * Labels centred in tall rows let a neighbour row's wrapped line run into a one-line value
 * (「9800\n「书香东湖」亲子共读…」, or the last line of 活动范围 before 「98%」): a number or a period
 * is the first line of its value that has digits; a unit's name and the department the first line.
 */
export function pairByPosition(items: readonly PositionedText[]): RawSubmission {
  const raw = emptyRaw();
  matchGrid(positionedToForm(items), raw);
  for (const field of ONE_LINE) {
    const entry = raw.entries.get(field.id);
    if (typeof entry?.value !== 'string' || !entry.value.includes('\n')) continue;
    const lines = entry.value
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    entry.value = (DIGITS_LINE.has(field.kind) ? lines.find((l) => /\d/.test(l)) : undefined) ?? lines[0] ?? '';
  }
  return raw;
}
