/**
 * The 汇总 sheet as CSV for other programs. RFC 4180 quoting, CRLF line ends and a
 * UTF-8 BOM so Chinese Excel opens it as UTF-8 (docs/inbox.md, "Spreadsheet output").
 *
 * CSV injection (OWASP): a text field starting with = + - @, a tab or a carriage return would be
 * taken for a formula by a spreadsheet; such a field gets a leading apostrophe. Numbers are written
 * as numbers and never escaped (-5 is a number, not a formula).
 */
import type { Cell, MergeTables } from './model.js';

export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One text field, made safe for a spreadsheet and quoted when it must be. */
export function csvText(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvCell(cell: Cell): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'count':
    case 'percent':
      return String(cell.value);
    case 'text':
    case 'time':
      return csvText(cell.value);
    case 'formula':
      // The CSV carries the value; other programs recompute nothing.
      return cell.value === null ? '' : String(cell.value);
  }
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * One header row (CSV has no merged cells): the form's label path, 「活动参与情况 › 参加活动人数」, so
 * every column says where on the form it comes from; a percentage column says it is in per cent.
 */
export function summaryCsv(tables: MergeTables): string {
  // Every field (the 填报内容 sheet's columns): other programs want all of it, not the printed page.
  const header = tables.contentColumns.map((c): Cell => ({
    kind: 'text',
    value: !c.field ? c.label : c.field.kind === 'percent' ? `${c.field.labelPath}（%）` : c.field.labelPath,
  }));
  return toCsv([header, ...tables.content.map((r) => r.cells), ...tables.contentTotalsRows]);
}
