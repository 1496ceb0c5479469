/**
 * Where the 统计表 breaks between pages: shared by the PDF, which draws it, and the DOCX, which
 * splits its table at the same rows so Word and LibreOffice show the same continuation (docs/rendering.md,
 * "Pagination and 「（续表）」": a table that runs onto more pages splits between rows, repeats a group's
 * label on the next page and says it continues).
 *
 * Pure: the caller passes the width function of the font it measures with (tests use a fake font).
 */
import { FURNITURE } from '../form/definition.js';
import { breakLines } from './layout.js';
import { LABEL_COLUMNS_TWIPS, type FormModel, type FormRow } from './model.js';

/** What we draw for a value: tabs become spaces (no font draws a tab), CR/LF are line breaks. */
export function printable(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
}

// Geometry, in points (1 mm = 72 / 25.4 pt)

export const MM = 72 / 25.4;
/** GB/T 9704 §5.2.1: A4. */
export const PAGE_W = 210 * MM;
export const PAGE_H = 297 * MM;
/** Type area, GB/T 9704 §5.2.2 as offices apply it (docs/rendering.md, "Page and type"). */
export const TOP = PAGE_H - 37 * MM;
export const BOTTOM = 35 * MM;
export const LEFT = 28 * MM;
export const RIGHT = PAGE_W - 26 * MM;
export const WIDTH = RIGHT - LEFT;

/** Column widths; the same proportions as the DOCX (first column ≥ 1,900 twips, docs/rendering.md, "The table"). */
export const COL = [
  LABEL_COLUMNS_TWIPS[0] / 20,
  LABEL_COLUMNS_TWIPS[1] / 20,
  WIDTH - (LABEL_COLUMNS_TWIPS[0] + LABEL_COLUMNS_TWIPS[1]) / 20,
] as const;
export const SIZE = { annex: 16, title: 22, stamp: 14, table: 12, footnote: 14, page: 14, cont: 12 } as const;
/** 1.5 lines: CJK needs more leading than Latin to stay legible. */
export const LINE = SIZE.table * 1.5;
export const PAD_X = 5.4; // Word's default cell margin, 0.19 cm
export const PAD_Y = 2;
/** 0.78 cm: room to write by hand, and the blank template's 22 rows and footnote fit on one page. */
export const MIN_ROW = 22;
export const BORDER = 0.75;
export const CONTINUED = FURNITURE.continuedTable;
export const CONT_LABEL = FURNITURE.continuedLabel;

export interface Measured {
  readonly row: FormRow;
  readonly labelLines: string[];
  readonly valueLines: string[];
  /** Lines of the group label (first column) when this row starts a group segment. */
  readonly groupLines: string[];
}

/** One row (or part of a split row) placed on a page. */
export interface Placed {
  readonly m: Measured;
  readonly top: number;
  readonly height: number;
  readonly lines: string[];
  /** Item label lines (with 「（续）」 on the continuation of a split row). */
  readonly labelLines: string[];
  readonly continuation: boolean;
}

export interface PageLayout {
  readonly placed: Placed[];
  /** y of the first line of furniture after the table on the last page. */
  bottomOfTable: number;
}

export type Measure = (s: string) => number;

/** A row that would leave more than this share of a page empty by moving whole splits instead. */
export const SPLIT_WHEN_EMPTY = 0.25;

/**
 * Where the table starts on page 1: below 「附件」 (3号, then ¾ of a line), the title (2号, 1.4 lines
 * each, then 0.6 of a 4号 line) and the stamp line 「教育行政部门（盖章）：」 (4号, 1.5 lines each, then
 * 6 pt). The furniture renderPdf draws, so the DOCX can split its table where the PDF breaks its pages.
 */
export function firstTableTop(titleLines: number, stampLines = 1): number {
  return TOP - SIZE.annex * 1.5 - SIZE.annex * 0.75 - titleLines * SIZE.title * 1.4 - SIZE.stamp * 0.6 - stampLines * SIZE.stamp * 1.5 - 6;
}

/**
 * The department's lines on the stamp line: after 「教育行政部门（盖章）：」 (`labelWidth` wide at 4号), a
 * name too long for the rest of the line wraps under itself instead of running off the page
 * (「南昌经济技术开发区管理委员会社会事业发展局」). `measure` is at the stamp line's size.
 */
export function departmentLines(department: string, labelWidth: number, measure: Measure): string[] {
  return department === '' ? [''] : breakLines(department, WIDTH - labelWidth, measure);
}

/**
 * Page 1's furniture as renderPdf draws it — the title's lines (2号 bold), the department's lines
 * (4号) — and where the table starts below them. One computation for both renderers: the DOCX splits
 * its table by this top, so it must be the PDF's. `titleMeasure` and `stampMeasure` are at those sizes.
 */
export function pageOne(model: FormModel, titleMeasure: Measure, stampMeasure: Measure) {
  const title = breakLines(model.title, WIDTH, titleMeasure);
  const department = departmentLines(model.department, stampMeasure(model.stampLine), stampMeasure);
  return { title, department, tableTop: firstTableTop(title.length, department.length) };
}

/** One part of a value split between pages, as text for a renderer that writes paragraphs (DOCX). */
export interface ValuePart {
  /** The part's paragraphs (the value's '\n' become paragraph boundaries). */
  readonly paragraphs: string[];
  /**
   * The first paragraph goes on with the previous part's last one (the split fell inside a
   * paragraph), rather than starting a paragraph of its own (the split fell between paragraphs).
   */
  readonly joinsPrevious: boolean;
}

/**
 * The value's text for each part of a row `paginate` placed on several pages, from the lines of
 * each part (`Placed.lines`, in order). Joining the parts back — with '' where `joinsPrevious`, else
 * '\n' — gives `text` exactly: `breakParagraph` keeps every character (`lines.join('')` is the
 * paragraph) and an empty paragraph is one empty line.
 *
 * A part never ends with a blank paragraph while another follows: Word readers drop a cell's trailing
 * empty paragraphs as furniture (read/docx-grid.ts), so such a paragraph opens the next part instead.
 */
export function valueParts(text: string, partLines: readonly (readonly string[])[]): ValuePart[] {
  // printable() turns a tab into a space, one for one, and folds CR LF: offsets in `source` and in
  // the measured lines agree.
  const source = text.replace(/\r\n?/g, '\n');
  const shown = printable(source);
  const paragraphs = shown.split('\n');
  let p = 0;
  let offset = 0;
  let index = 0;
  const starts: Array<{ index: number; inside: boolean }> = [];
  for (const lines of partLines) {
    starts.push({ index, inside: offset > 0 });
    for (const line of lines) {
      const paragraph = paragraphs[p];
      if (paragraph === undefined || paragraph.slice(offset, offset + line.length) !== line)
        throw new Error(`valueParts: line 「${line}」 is not the next piece of the value`);
      offset += line.length;
      index += line.length;
      if (offset === paragraph.length) {
        p++;
        offset = 0;
        index++; // the '\n' after the paragraph
      }
    }
  }
  if (p < paragraphs.length) throw new Error('valueParts: the lines do not cover the value');
  const parts = starts.map(({ index: start, inside }, k) => {
    // A part that ends between paragraphs leaves the '\n' out: the next part starts a paragraph.
    const end = k + 1 < starts.length ? starts[k + 1]!.index - (starts[k + 1]!.inside ? 0 : 1) : source.length;
    return { paragraphs: source.slice(start, Math.max(start, end)).split('\n'), joinsPrevious: inside };
  });
  for (let k = 0; k + 1 < parts.length; k++) {
    const part = parts[k]!;
    const next = parts[k + 1]!;
    while (part.paragraphs.length > 1 && part.paragraphs[part.paragraphs.length - 1]!.trim() === '') {
      const moved = part.paragraphs.pop()!;
      if (next.joinsPrevious) next.paragraphs[0] = moved + next.paragraphs[0];
      else next.paragraphs.unshift(moved);
      next.joinsPrevious = false;
    }
  }
  return parts;
}

function linesFor(text: string, width: number, measure: Measure): string[] {
  return breakLines(text, width - 2 * PAD_X, measure);
}

/** A value's lines in its cell, as the PDF prints them (the DOCX follows them where an office suite would not: docx.ts). */
export function valueLines(text: string, measure: Measure): string[] {
  return linesFor(printable(text), COL[2], measure);
}

function rowHeight(lineCount: number): number {
  return Math.max(MIN_ROW, 2 * PAD_Y + lineCount * LINE);
}

/** Lay the table out on pages. Pure, given the measure function (tests use a fake font). */
export function paginate(model: FormModel, measure: Measure, firstTop: number) {
  const measured: Measured[] = model.rows.map((row) => {
    const labelWidth = row.group ? COL[1] : COL[0] + COL[1];
    return {
      row,
      labelLines: linesFor(row.field.label, labelWidth, measure),
      valueLines: valueLines(row.text, measure),
      groupLines: row.group ? linesFor(row.group.label, COL[0], measure) : [],
    };
  });
  const pages: PageLayout[] = [{ placed: [], bottomOfTable: firstTop }];
  let y = firstTop;
  const contTop = TOP - LINE - 4; // below the 「（续表）」 line
  const newPage = () => {
    pages.push({ placed: [], bottomOfTable: contTop });
    y = contTop;
  };
  const page = () => pages[pages.length - 1]!;
  let prevGroup: string | undefined;
  for (const m of measured) {
    let from = 0;
    let continuation = false;
    while (true) {
      const labelLines = continuation
        ? linesFor(m.row.field.label + CONT_LABEL, m.row.group ? COL[1] : COL[0] + COL[1], measure)
        : m.labelLines;
      // A group segment starts here if the group starts, or the page is new: its label must fit too.
      const startsSegment = !!m.row.group && (m.row.group.key !== prevGroup || page().placed.length === 0);
      const groupLabelLines = startsSegment
        ? m.row.group!.index === 0 && !continuation
          ? m.groupLines
          : linesFor(m.row.group!.label + CONT_LABEL, COL[0], measure)
        : [];
      // An empty value needs no line of its own (the row keeps MIN_ROW), except the writing room a
      // blank template leaves for paragraphs.
      const rest = m.row.text === '' ? (m.row.blankLines > 1 ? m.row.blankLines : 0) : m.valueLines.length - from;
      const fixedLines = Math.max(labelLines.length, groupLabelLines.length, 1);
      const need = rowHeight(Math.max(rest, fixedLines));
      const avail = y - BOTTOM;
      if (need <= avail) {
        page().placed.push({ m, top: y, height: need, lines: m.valueLines.slice(from), labelLines, continuation });
        y -= need;
        break;
      }
      const fullPage = contTop - BOTTOM;
      const fitHere = Math.floor((avail - 2 * PAD_Y) / LINE);
      // A row that fits on the next page moves there whole — unless that would leave more than a
      // quarter of this page empty (a long 活动内容 moving whole left a third of page 1 blank): then it
      // splits between lines, with at least 2 lines on each side. Blank rows never split.
      const worthSplitting =
        m.row.text !== '' && avail - 2 * PAD_Y > fullPage * SPLIT_WHEN_EMPTY && fitHere >= Math.max(2, fixedLines) && rest - 2 >= 2;
      if (page().placed.length > 0 && ((need <= fullPage && !worthSplitting) || fitHere < Math.max(2, fixedLines))) {
        newPage();
        continue;
      }
      // Split between lines: a value taller than a page, or one that would leave this page too empty.
      const take = need <= fullPage ? Math.min(rest - 2, fitHere) : Math.max(1, Math.min(rest - 1, fitHere));
      const h = rowHeight(Math.max(take, fixedLines));
      page().placed.push({ m, top: y, height: h, lines: m.valueLines.slice(from, from + take), labelLines, continuation });
      from += take;
      continuation = true;
      newPage();
    }
    prevGroup = m.row.group?.key;
  }
  page().bottomOfTable = y;
  return pages;
}
