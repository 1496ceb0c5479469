/**
 * The city workbook with write-excel-file (docs/inbox.md, "Spreadsheet output": styled, depends only on
 * fflate; not SheetJS). Four sheets: 汇总, 报送情况, 问题清单, 文件清单.
 *
 * - Text is written as shared strings (`t="s"`), never as a formula: a value 「=1+1」 stays text.
 * - Numbers are numbers; 群众满意度 is a fraction with a percent format, so Excel averages it right.
 * - 汇总 mirrors the form: two header rows, each group's label merged over its fields; the header
 *   rows and the unit column are frozen and repeat on every printed page.
 * - Row heights are computed from the wrapped text, since write-excel-file does not measure text.
 * - Deterministic bytes: the zip is repacked with one fixed entry time (the campaign's deadline), so
 *   the same inbox gives the same file.
 */
import type { Campaign } from '../campaign/campaign.js';
import { displayWidth } from '../report/width.js';
import type { Cell as SheetCell, CellObject, Row, Sheet } from 'write-excel-file/node';
import type { Cell, MergeTables, SummaryColumn } from './model.js';
import { FILE_HEADERS, ISSUE_HEADERS, STATUS_HEADERS } from './model.js';

export const SHEET_NAMES = { summary: '汇总', status: '报送情况', issues: '问题清单', files: '文件清单' } as const;

/** Points per wrapped line at 11 pt (a CJK line needs a little more than Latin). */
const LINE_HEIGHT = 15;
/** Excel's limit for one row. */
const MAX_ROW_HEIGHT = 409;

const BORDER = { borderStyle: 'thin', borderColor: '#A6A6A6' } as const;
const HEADER = { ...BORDER, fontWeight: 'bold', backgroundColor: '#DDEBF7', align: 'center', alignVertical: 'center', wrap: true } as const;
const BODY = { ...BORDER, alignVertical: 'top' } as const;
const TOTAL = { ...BORDER, fontWeight: 'bold', backgroundColor: '#F2F2F2', alignVertical: 'top' } as const;

const STATUS_STYLE: Record<string, Partial<CellObject>> = {
  有误: { textColor: '#C00000', backgroundColor: '#FCE4D6' },
  未报送: { textColor: '#7F7F7F', backgroundColor: '#EDEDED' },
  '有效（逾期）': { textColor: '#C65911', backgroundColor: '#FFF2CC' },
  逾期: { textColor: '#C65911' },
  缺: { textColor: '#C00000' },
};

/** Lines a text takes in a column of `width` characters (a CJK character is two). */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

export function rowHeight(lines: number): number | undefined {
  return lines <= 1 ? undefined : Math.min(MAX_ROW_HEIGHT, Math.ceil(lines * LINE_HEIGHT + 4));
}

/** The wall-clock time as a date cell: 「2023-11-28 10:15」 becomes the serial number of that minute. */
function timeValue(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}:00Z`);
}

function cellObject(cell: Cell, style: Partial<CellObject>): CellObject {
  switch (cell.kind) {
    case 'empty':
      return { ...style, value: null as unknown as string };
    case 'text':
      // type: String — write-excel-file never turns a string into a formula, and says so here too.
      return { wrap: true, ...style, ...(STATUS_STYLE[cell.value] ?? {}), value: cell.value, type: String };
    case 'count':
      return { align: 'right', ...style, value: cell.value, type: Number, format: Number.isInteger(cell.value) ? '#,##0' : '#,##0.0' };
    case 'percent':
      return { align: 'right', ...style, value: Math.round(cell.value * 100) / 10000, type: Number, format: '0.0%' };
    case 'time':
      return { ...style, value: timeValue(cell.value), type: Date, format: 'yyyy-mm-dd hh:mm' };
  }
}

/** A row of cells with the height its wrapped text needs. */
function styledRow(cells: readonly Cell[], widths: readonly number[], style: Partial<CellObject>): Row {
  const lines = Math.max(1, ...cells.map((c, i) => (c.kind === 'text' ? wrappedLines(c.value, widths[i] ?? 10) : 1)));
  const height = rowHeight(lines);
  return cells.map((c, i) => cellObject(c, i === 0 && height ? { ...style, height } : style));
}

/** The two header rows of 汇总: a group's label merged over its fields; a lone field spans both rows. */
export function summaryHeader(columns: readonly SummaryColumn[]): Row[] {
  const top: SheetCell[] = [];
  const bottom: SheetCell[] = [];
  let topLines = 1;
  let bottomLines = 1;
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i]!;
    if (!c.group) {
      top.push({ ...HEADER, value: c.label, type: String, rowSpan: 2 });
      // Covered by the cell above: write-excel-file wants null there.
      bottom.push(null);
      topLines = Math.max(topLines, Math.ceil(wrappedLines(c.label, c.width) / 2));
      continue;
    }
    let span = 1;
    while (columns[i + span]?.group === c.group) span++;
    const width = columns.slice(i, i + span).reduce((w, x) => w + x.width, 0);
    top.push({ ...HEADER, value: c.group, type: String, ...(span > 1 ? { columnSpan: span } : {}) });
    topLines = Math.max(topLines, wrappedLines(c.group, width));
    for (let k = 0; k < span; k++) {
      const member = columns[i + k]!;
      if (k > 0) top.push(null);
      bottom.push({ ...HEADER, value: member.label, type: String });
      bottomLines = Math.max(bottomLines, wrappedLines(member.label, member.width));
    }
    i += span - 1;
  }
  const h1 = rowHeight(topLines);
  const h2 = rowHeight(bottomLines);
  // A row's height rides on its first written cell.
  const withHeight = (row: SheetCell[], height: number | undefined) => {
    const i = row.findIndex((c) => c !== null);
    if (height && i >= 0) row[i] = { ...(row[i] as CellObject), height };
  };
  withHeight(top, h1);
  withHeight(bottom, h2);
  return [top, bottom];
}

function simpleSheet(name: string, headers: readonly string[], rows: readonly Cell[][], widths: readonly number[], stickyColumns = 0): Sheet<Buffer> {
  return {
    sheet: name,
    data: [styledRow(headers.map((h) => ({ kind: 'text', value: h })), widths, HEADER), ...rows.map((r) => styledRow(r, widths, BODY))],
    columns: widths.map((width) => ({ width })),
    stickyRowsCount: 1,
    ...(stickyColumns ? { stickyColumnsCount: stickyColumns } : {}),
    orientation: 'landscape',
  };
}

export const STATUS_WIDTHS = [12, 8, 6, 16, 11, 9, 9, 40, 17, 48, 30];
export const ISSUE_WIDTHS = [44, 12, 30, 9, 60, 20];
export const FILE_WIDTHS = [52, 7, 16, 7, 12, 11, 17, 36, 6, 6];

export function workbookSheets(tables: MergeTables): Sheet<Buffer>[] {
  const widths = tables.columns.map((c) => c.width);
  const summary: Row[] = [
    ...summaryHeader(tables.columns),
    ...tables.summary.map((r) => styledRow(r.cells, widths, BODY)),
    ...tables.totalsRows.map((r) => styledRow(r, widths, TOTAL)),
  ];
  return [
    { sheet: SHEET_NAMES.summary, data: summary, columns: widths.map((width) => ({ width })), stickyRowsCount: 2, stickyColumnsCount: 1, orientation: 'landscape' },
    simpleSheet(SHEET_NAMES.status, STATUS_HEADERS, tables.status, STATUS_WIDTHS, 1),
    simpleSheet(SHEET_NAMES.issues, ISSUE_HEADERS, tables.issues, ISSUE_WIDTHS),
    simpleSheet(SHEET_NAMES.files, FILE_HEADERS, tables.files, FILE_WIDTHS),
  ];
}

const columnName = (n: number) => {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
};

/**
 * What write-excel-file does not write, added to its XML: an AutoFilter on the two list sheets (the
 * problems and the files are sorted and filtered by clerks) and print titles repeating the header
 * rows. Order of elements follows ECMA-376 Part 1, §18.3.1.99 (CT_Worksheet: autoFilter comes right
 * after sheetData and before mergeCells).
 */
function finishXml(files: Record<string, Uint8Array>, tables: MergeTables): void {
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const filters = [
    { index: 2, name: SHEET_NAMES.issues, cols: ISSUE_HEADERS.length, rows: tables.issues.length + 1 },
    { index: 3, name: SHEET_NAMES.files, cols: FILE_HEADERS.length, rows: tables.files.length + 1 },
  ];
  const names: string[] = [];
  for (const f of filters) {
    const path = `xl/worksheets/sheet${f.index + 1}.xml`;
    const xml = files[path];
    if (!xml || f.rows < 2) continue;
    const ref = `A1:${columnName(f.cols)}${f.rows}`;
    files[path] = enc.encode(dec.decode(xml).replace('</sheetData>', `</sheetData><autoFilter ref="${ref}"/>`));
    names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${f.index}" hidden="1">'${f.name}'!$A$1:$${columnName(f.cols)}$${f.rows}</definedName>`);
  }
  names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'${SHEET_NAMES.summary}'!$A:$A,'${SHEET_NAMES.summary}'!$1:$2</definedName>`);
  for (let i = 1; i < 4; i++) names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${Object.values(SHEET_NAMES)[i]}'!$1:$1</definedName>`);
  const book = files['xl/workbook.xml'];
  if (book) {
    const xml = dec.decode(book);
    const withNames = xml.includes('<definedNames/>')
      ? xml.replace('<definedNames/>', `<definedNames>${names.join('')}</definedNames>`)
      : xml.replace('</sheets>', `</sheets><definedNames>${names.join('')}</definedNames>`);
    files['xl/workbook.xml'] = enc.encode(withNames);
  }
}

/** The workbook's bytes; the libraries load only when a workbook is written. */
export async function workbookBytes(tables: MergeTables, campaign: Campaign): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const { unzipSync, zipSync } = await import('fflate');
  const raw = await writeXlsxFile(workbookSheets(tables), { fontFamily: '宋体', fontSize: 11 }).toBuffer();
  const files = unzipSync(raw);
  finishXml(files, tables);
  // Entry times are the deadline (midnight, campaign zone), not the clock: same inbox, same bytes.
  const mtime = new Date(`${campaign.deadline}T00:00:00${campaign.timezone}`);
  return zipSync(files, { level: 6, mtime });
}
