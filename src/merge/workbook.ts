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

export const SHEET_NAMES = {
  summary: '汇总',
  status: '报送情况',
  issues: '问题清单',
  files: '文件清单',
  content: '填报内容',
  leader: '简报',
} as const;

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
  '有效（时间不明）': { textColor: '#7F6000', backgroundColor: '#FFF2CC' },
  无法读取: { textColor: '#C00000', backgroundColor: '#FCE4D6' },
  版本不明: { textColor: '#C00000', backgroundColor: '#FCE4D6' },
  否: { textColor: '#C00000' },
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
    case 'formula':
      // The cached value is added to the XML afterwards (`cacheFormulaValues`).
      return {
        align: 'right',
        ...style,
        value: cell.formula,
        type: 'Formula',
        format: cell.format === 'percent' ? '0.0%' : cell.format === 'mean' ? '#,##0.0' : '#,##0',
      } as CellObject;
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

function simpleSheet(
  name: string,
  headers: readonly string[],
  rows: readonly Cell[][],
  widths: readonly number[],
  stickyColumns = 0,
): Sheet<Buffer> {
  return {
    sheet: name,
    data: [
      styledRow(
        headers.map((h) => ({ kind: 'text', value: h })),
        widths,
        HEADER,
      ),
      ...rows.map((r) => styledRow(r, widths, BODY)),
    ],
    columns: widths.map((width) => ({ width })),
    stickyRowsCount: 1,
    ...(stickyColumns ? { stickyColumnsCount: stickyColumns } : {}),
    orientation: 'landscape',
  };
}

export const STATUS_WIDTHS = [10, 22, 6, 14, 7, 8, 8, 16, 9, 16, 26, 40, 20, 24, 40];
export const ISSUE_WIDTHS = [36, 10, 24, 6, 56, 16];
export const FILE_WIDTHS = [48, 6, 14, 6, 10, 10, 16, 30, 5, 5];

/** The percentages of the tables are 0–100; the workbook keeps fractions with a percent format. */
const cachedValue = (cell: Cell) =>
  cell.kind !== 'formula' || cell.value === null
    ? undefined
    : cell.format === 'percent'
      ? Math.round(cell.value * 100) / 10000
      : cell.value;

export function workbookSheets(tables: MergeTables): Sheet<Buffer>[] {
  const widths = tables.columns.map((c) => c.width);
  const contentWidths = tables.contentColumns.map((c) => c.width);
  const summary: Row[] = [
    styledRow(
      tables.columns.map((c) => ({ kind: 'text', value: c.label })),
      widths,
      HEADER,
    ),
    ...tables.summary.map((r) => styledRow(r.cells, widths, BODY)),
    ...tables.totalsRows.map((r) => styledRow(r, widths, TOTAL)),
  ];
  const content: Row[] = [
    ...summaryHeader(tables.contentColumns),
    ...tables.content.map((r) => styledRow(r.cells, contentWidths, BODY)),
    ...tables.contentTotalsRows.map((r) => styledRow(r, contentWidths, TOTAL)),
  ];
  return [
    {
      sheet: SHEET_NAMES.summary,
      data: summary,
      columns: widths.map((width) => ({ width })),
      stickyRowsCount: 1,
      stickyColumnsCount: 1,
      orientation: 'landscape',
    },
    simpleSheet(
      SHEET_NAMES.status,
      tables.statusHeaders ?? STATUS_HEADERS,
      tables.status,
      STATUS_WIDTHS.slice(0, (tables.statusHeaders ?? STATUS_HEADERS).length),
      1,
    ),
    simpleSheet(SHEET_NAMES.issues, ISSUE_HEADERS, tables.issues, ISSUE_WIDTHS),
    simpleSheet(SHEET_NAMES.files, FILE_HEADERS, tables.files, FILE_WIDTHS),
    {
      sheet: SHEET_NAMES.content,
      data: content,
      columns: contentWidths.map((width) => ({ width })),
      stickyRowsCount: 2,
      stickyColumnsCount: 1,
      orientation: 'landscape',
    },
    leaderSheet(tables),
  ];
}

export const LEADER_HEADERS = ['单位', '结论', '活动（场）', '参加（人次）', '群众满意度', '排名（按参加人次）', '收到材料（共 4 项）'];
const LEADER_WIDTHS = [12, 18, 10, 12, 10, 10, 12];

/** 简报: the leader's page as a sheet — the same rows as the PDF. */
function leaderSheet(tables: MergeTables): Sheet<Buffer> {
  const l = tables.leader;
  const n = (v: number | null): Cell => (v === null ? { kind: 'text', value: '—' } : { kind: 'count', value: v });
  const rows: Cell[][] = l.rows.map((r) => [
    { kind: 'text', value: r.unit },
    { kind: 'text', value: r.verdict },
    n(r.activities),
    n(r.participants),
    r.satisfaction === null ? { kind: 'text', value: '—' } : { kind: 'percent', value: r.satisfaction },
    n(r.rank),
    { kind: 'text', value: `${r.pieces}/4` },
  ]);
  const line = (value: string): Row => [
    { ...BODY, value, type: String, columnSpan: LEADER_WIDTHS.length, wrap: true, height: rowHeight(wrappedLines(value, 80)) ?? 18 },
    ...Array<null>(LEADER_WIDTHS.length - 1).fill(null),
  ];
  return {
    sheet: SHEET_NAMES.leader,
    data: [
      styledRow(
        LEADER_HEADERS.map((h) => ({ kind: 'text', value: h })),
        LEADER_WIDTHS,
        HEADER,
      ),
      ...rows.map((r) => styledRow(r, LEADER_WIDTHS, BODY)),
      line(l.headline),
      line(l.excluded ? `未计入合计：${l.excluded}。` : '名册中的单位全部计入合计。'),
      line(`收到材料的单位数（共 ${l.unitCount} 个）：${l.piecesReceived.map((p) => `${p.label} ${p.count}`).join('，')}。`),
    ],
    columns: LEADER_WIDTHS.map((width) => ({ width })),
    stickyRowsCount: 1,
  };
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
  const cached = new Map<string, number>();
  for (const row of [...tables.totalsRows, ...tables.contentTotalsRows])
    for (const cell of row) {
      const v = cachedValue(cell);
      if (cell.kind === 'formula' && v !== undefined) cached.set(cell.formula, v);
    }
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
    names.push(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${f.index}" hidden="1">'${f.name}'!$A$1:$${columnName(f.cols)}$${f.rows}</definedName>`,
    );
  }
  // The title rows repeat on every printed page; the unit column too where a sheet is wide.
  const sheetNames = Object.values(SHEET_NAMES);
  names.push(
    `<definedName name="_xlnm.Print_Titles" localSheetId="0">'${SHEET_NAMES.summary}'!$A:$A,'${SHEET_NAMES.summary}'!$1:$1</definedName>`,
  );
  names.push(
    `<definedName name="_xlnm.Print_Titles" localSheetId="1">'${SHEET_NAMES.status}'!$A:$A,'${SHEET_NAMES.status}'!$1:$1</definedName>`,
  );
  for (let i = 2; i < 4; i++)
    names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${sheetNames[i]}'!$1:$1</definedName>`);
  names.push(
    `<definedName name="_xlnm.Print_Titles" localSheetId="4">'${SHEET_NAMES.content}'!$A:$A,'${SHEET_NAMES.content}'!$1:$2</definedName>`,
  );
  names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="5">'${SHEET_NAMES.leader}'!$1:$1</definedName>`);
  for (let i = 0; i < sheetNames.length; i++) {
    const path = `xl/worksheets/sheet${i + 1}.xml`;
    const xml = files[path];
    if (xml)
      files[path] = enc.encode(
        printSetup(
          dec.decode(xml),
          `${tables.title}　${sheetNames[i]}`,
          cached,
          sheetNames[i] === SHEET_NAMES.leader ? 'portrait' : 'landscape',
        ),
      );
  }
  const book = files['xl/workbook.xml'];
  if (book) {
    const xml = dec.decode(book);
    const withNames = xml.includes('<definedNames/>')
      ? xml.replace('<definedNames/>', `<definedNames>${names.join('')}</definedNames>`)
      : xml.replace('</sheets>', `</sheets><definedNames>${names.join('')}</definedNames>`);
    files['xl/workbook.xml'] = enc.encode(withNames);
  }
}

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Printing (ECMA-376 Part 1, §18.3.1): A4 landscape, fitted to one page wide and as many tall as it
 * takes (sheetPr/pageSetUpPr@fitToPage + pageSetup@fitToWidth=1 fitToHeight=0), narrow margins, the
 * campaign's title in the header and 「第 N 页，共 M 页」 in the footer (§18.3.1.46 codes &P, &N).
 * Formulas get their cached values (§18.3.1.96 <v> after <f>) so viewers that never recalculate
 * still show the totals. Elements go where CT_Worksheet orders them.
 */
function printSetup(xml: string, header: string, cached: ReadonlyMap<string, number>, orientation: 'portrait' | 'landscape'): string {
  let out = xml.replace(/<worksheet([^>]*)>/, '<worksheet$1><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  out = out.replace(/<f>([^<]*)<\/f>/g, (all, f: string) => {
    const v = cached.get(unescape(f));
    return v === undefined ? all : `${all}<v>${v}</v>`;
  });
  // printOptions, pageMargins, pageSetup and headerFooter close the sheet, in that order (write-excel-file
  // writes nothing after them; it writes margins and page setup only for a landscape sheet).
  out = out.replace(/<printOptions[^>]*\/>|<pageMargins[^>]*\/>|<pageSetup[^>]*\/>/g, '');
  const footer = escapeXml('&C第 &P 页，共 &N 页');
  out = out.replace(
    '</worksheet>',
    '<printOptions horizontalCentered="1"/><pageMargins left="0.4" right="0.4" top="0.7" bottom="0.6" header="0.3" footer="0.3"/>' +
      `<pageSetup paperSize="9" orientation="${orientation}" fitToWidth="1" fitToHeight="0"/>` +
      `<headerFooter><oddHeader>${escapeXml(`&C&"宋体,Bold"&12${header}`)}</oddHeader><oddFooter>${footer}</oddFooter></headerFooter></worksheet>`,
  );
  return out;
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
