/**
 * The city's merge, as tables (docs/campaign.md, "What the city needs back"): file results and the roster's roll-call in, the four sheets
 * of the workbook out — 汇总, 报送情况, 问题清单, 文件清单 — as plain cells. Pure: no file system, no
 * spreadsheet library; `workbook.ts` styles these cells for write-excel-file and `csv.ts` writes the
 * same rows as CSV, so the workbook and the CSV never disagree.
 *
 * The 汇总 columns come from the one form definition (`FIELDS`): no field is listed here.
 */
import type { Campaign } from '../campaign/campaign.js';
import { ATTACHMENT_ZH, FATE_ZH, STATUS_ZH } from '../report/names.js';
import type { Lang } from '../core/messages.js';
import { FIELDS, getPath, type Field, type FieldId } from '../form/definition.js';
import { displayValue, formatPeriodCanonical } from '../form/display.js';
import type { Period } from '../form/schema.js';
import { localTime, type UnitStatus } from '../inbox/roster.js';
import { issueOut } from '../report/issues.js';
import type { FileResult } from '../inbox/check.js';

/** One cell: text is always text (never a formula), numbers are numbers. */
export type Cell =
  | { kind: 'text'; value: string }
  /** A count (activities, 人次) or a number of units. */
  | { kind: 'count'; value: number }
  /** 0–100, as on the form; the workbook stores it as a fraction with a percent format. */
  | { kind: 'percent'; value: number }
  /** A wall-clock time in the campaign's zone, 「2023-11-28 10:15」. */
  | { kind: 'time'; value: string }
  | { kind: 'empty' };

export const text = (value: string): Cell => (value === '' ? { kind: 'empty' } : { kind: 'text', value });
const EMPTY: Cell = { kind: 'empty' };

/** A column of the 汇总 sheet: the unit, its status, then every field of the form but 年度 and 举办县区. */
export interface SummaryColumn {
  /** Absent for the two leading columns (单位, 报送状态). */
  field?: Field;
  /** The first header row: a group's label (merged over its fields) or the column's own label. */
  group?: string;
  label: string;
  /** Width in characters (Excel's unit: the width of 「0」); a CJK character takes two. */
  width: number;
}

/** Widths by kind of value: long texts get room, numbers stay narrow. */
const WIDTH_BY_KIND: Record<Field['kind'], number> = {
  year: 8,
  unit: 12,
  text: 24,
  longText: 44,
  contacts: 26,
  count: 12,
  percent: 11,
  dateRange: 26,
};

export const UNIT_COLUMN_LABEL = '举办县区';
export const STATUS_COLUMN_LABEL = '报送状态';

/** 年度 is in the title and 举办县区 is the first column: every other field is a column, in form order. */
export function summaryColumns(): SummaryColumn[] {
  const columns: SummaryColumn[] = [
    { label: UNIT_COLUMN_LABEL, width: 12 },
    { label: STATUS_COLUMN_LABEL, width: 12 },
  ];
  for (const field of FIELDS) {
    if (field.kind === 'year' || field.id === 'district') continue;
    columns.push({ field, ...(field.group ? { group: field.group.label } : {}), label: field.label, width: WIDTH_BY_KIND[field.kind] });
  }
  return columns;
}


export function statusText(u: UnitStatus): string {
  return u.status === 'valid' && u.late ? '有效（逾期）' : STATUS_ZH[u.status];
}

/** One field's cell: counts and percentages as numbers, the period in one canonical spelling, the rest as the form prints it. */
export function fieldCell(field: Field, data: Record<string, unknown> | null): Cell {
  const value = data ? getPath(data, field.id) : undefined;
  if (value === undefined || value === null) return EMPTY;
  if (field.kind === 'count' && typeof value === 'number') return { kind: 'count', value };
  if (field.kind === 'percent' && typeof value === 'number') return { kind: 'percent', value };
  // 「11月15日-21日」 and 「2023.11.15-2023.11.21」 read alike in one city table.
  if (field.kind === 'dateRange') return text(formatPeriodCanonical(value as Period));
  return text(displayValue(field, value));
}

export interface Totals {
  /** Units whose submission counts (valid, late or not). */
  unitsReporting: number;
  /** Valid and received by the deadline. */
  unitsOnTime: number;
  unitsLate: number;
  unitsInvalid: number;
  unitsMissing: number;
  activities: number;
  participants: number;
  /** Plain mean of the units' 群众满意度; null when no unit reported one. */
  satisfactionMean: number | null;
  /** Weighted by 参加活动人数: the share of all participants who were satisfied. */
  satisfactionWeighted: number | null;
}

/** Only valid units count: an invalid form's figures are not the unit's figures yet. */
export function validUnits(units: readonly UnitStatus[]): UnitStatus[] {
  return units.filter((u) => u.status === 'valid' && u.data);
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const num = (data: Record<string, unknown> | null, id: FieldId) => {
  const v = data ? getPath(data, id) : undefined;
  return typeof v === 'number' ? v : undefined;
};

export function totals(units: readonly UnitStatus[]): Totals {
  const valid = validUnits(units);
  let activities = 0;
  let participants = 0;
  let sum = 0;
  let n = 0;
  let weighted = 0;
  let weight = 0;
  for (const u of valid) {
    activities += num(u.data, 'participation.activityCount') ?? 0;
    const people = num(u.data, 'participation.participantCount') ?? 0;
    participants += people;
    const s = num(u.data, 'reach.satisfaction');
    if (s === undefined) continue;
    sum += s;
    n += 1;
    weighted += s * people;
    weight += people;
  }
  return {
    unitsReporting: valid.length,
    unitsOnTime: valid.filter((u) => !u.late).length,
    unitsLate: units.filter((u) => u.status !== 'missing' && u.late).length,
    unitsInvalid: units.filter((u) => u.status === 'invalid').length,
    unitsMissing: units.filter((u) => u.status === 'missing').length,
    activities,
    participants,
    satisfactionMean: n ? round(sum / n) : null,
    // With no participants reported the weights say nothing: fall back to the plain mean.
    satisfactionWeighted: weight ? round(weighted / weight) : n ? round(sum / n) : null,
  };
}

export interface SummaryRow {
  unit: string;
  status: UnitStatus['status'];
  late: boolean;
  cells: Cell[];
}

export function summaryRows(units: readonly UnitStatus[], columns = summaryColumns()): SummaryRow[] {
  return units.map((u) => ({
    unit: u.name,
    status: u.status,
    late: u.late,
    cells: columns.map((c, i) => (i === 0 ? text(u.name) : i === 1 ? text(statusText(u)) : fieldCell(c.field!, u.data))),
  }));
}

/** The two rows under the units: sums (satisfaction weighted by 人次) and per-unit means (plain). */
export function totalsRows(t: Totals, columns = summaryColumns()): Cell[][] {
  const sums = columns.map((c, i): Cell => {
    if (i === 0) return text('合计');
    if (i === 1) return text(`有效 ${t.unitsReporting} 个单位`);
    if (c.field?.id === 'participation.activityCount') return { kind: 'count', value: t.activities };
    if (c.field?.id === 'participation.participantCount') return { kind: 'count', value: t.participants };
    if (c.field?.kind === 'percent') return t.satisfactionWeighted === null ? EMPTY : { kind: 'percent', value: t.satisfactionWeighted };
    if (c.field?.id === 'participation.featuredActivities') return text('满意度为按参加人数加权的平均');
    return EMPTY;
  });
  const k = t.unitsReporting;
  const means = columns.map((c, i): Cell => {
    if (i === 0) return text('平均');
    if (i === 1) return text('每个有效单位');
    if (!k) return EMPTY;
    if (c.field?.id === 'participation.activityCount') return { kind: 'count', value: round(t.activities / k, 1) };
    if (c.field?.id === 'participation.participantCount') return { kind: 'count', value: round(t.participants / k, 0) };
    if (c.field?.kind === 'percent') return t.satisfactionMean === null ? EMPTY : { kind: 'percent', value: t.satisfactionMean };
    if (c.field?.id === 'participation.featuredActivities') return text('满意度为各单位的简单平均');
    return EMPTY;
  });
  return [sums, means];
}

// —— 报送情况 ——

export const STATUS_HEADERS = ['单位', '状态', '逾期', '统计表（Word）', '盖章扫描件', '工作方案', '工作总结', '采用的文件', '收到时间', '全部文件', '联系人'];

const WORD_FORMATS = new Set(['docx', 'doc']);
const mark = (has: boolean) => (has ? '有' : '缺');

export function statusRows(units: readonly UnitStatus[], results: readonly FileResult[], campaign: Campaign): Cell[][] {
  const byPath = new Map(results.map((r) => [r.path, r]));
  return units.map((u) => {
    const forms = u.files.map((p) => byPath.get(p)).filter((f) => f && (f.fate === 'submission' || f.fate === 'superseded'));
    // The notice asks for the form as a Word file: a YAML or PDF alone is noted, not counted as Word.
    const word = forms.some((f) => WORD_FORMATS.has(f!.format));
    const form = word ? '有' : u.pieces.form ? `缺（只有 ${[...new Set(forms.map((f) => f!.format.toUpperCase()))].join('、')}）` : '缺';
    const contacts = u.data ? displayValue(FIELDS.find((f) => f.id === 'contacts')!, getPath(u.data, 'contacts')) : '';
    return [
      text(u.name),
      text(STATUS_ZH[u.status]),
      text(u.late ? '逾期' : ''),
      text(u.status === 'missing' && !u.pieces.form ? '缺' : form),
      text(mark(u.pieces.stampedScan)),
      text(mark(u.pieces.workPlan)),
      text(mark(u.pieces.workSummary)),
      text(u.source ?? ''),
      u.receivedAt ? { kind: 'time', value: localTime(u.receivedAt, campaign.timezone) } : EMPTY,
      text(u.files.join('\n')),
      text(contacts),
    ];
  });
}

// —— 问题清单 ——

export const ISSUE_HEADERS = ['文件', '单位', '项目', '严重程度', '说明', '位置'];

/** Every problem of every file, one per row (no merged cells, one header row: sortable and filterable). */
export function issueRows(results: readonly FileResult[], lang: Lang): Cell[][] {
  const rows: Cell[][] = [];
  for (const r of results)
    for (const p of r.problems) {
      const issue = issueOut(p, lang);
      rows.push([
        text(r.path),
        text(r.unit ?? ''),
        text(issue.label ?? ''),
        text(issue.severity === 'error' ? '错误' : '提醒'),
        text(issue.message),
        text(issue.line ? `${p.loc?.in ?? ''}第 ${issue.line} 行${issue.column ? `第 ${issue.column} 列` : ''}` : ''),
      ]);
    }
  return rows;
}

// —— 文件清单 ——

export const FILE_HEADERS = ['文件', '格式', '去向', '状态', '单位', '附件类型', '收到时间', '所在邮件或压缩包', '错误', '提醒'];



export function fileRows(results: readonly FileResult[], campaign: Campaign): Cell[][] {
  return results.map((r) => {
    const errors = r.problems.filter((p) => p.severity === 'error').length;
    return [
      text(r.path),
      text(r.format),
      text(FATE_ZH[r.fate]),
      text(r.status ? STATUS_ZH[r.status] : ''),
      text(r.unit ?? ''),
      text(r.attachment ? (ATTACHMENT_ZH[r.attachment] ?? r.attachment) : ''),
      r.receivedAt ? { kind: 'time', value: localTime(r.receivedAt, campaign.timezone) } : EMPTY,
      text(r.parent ?? ''),
      { kind: 'count', value: errors },
      { kind: 'count', value: r.problems.length - errors },
    ];
  });
}

/** Everything the workbook holds; the CSV is its 汇总 sheet. */
export interface MergeTables {
  title: string;
  columns: SummaryColumn[];
  summary: SummaryRow[];
  totals: Totals;
  totalsRows: Cell[][];
  status: Cell[][];
  issues: Cell[][];
  files: Cell[][];
}

export function mergeTables(results: readonly FileResult[], units: readonly UnitStatus[], campaign: Campaign, lang: Lang): MergeTables {
  const columns = summaryColumns();
  const t = totals(units);
  return {
    title: workbookTitle(campaign),
    columns,
    summary: summaryRows(units, columns),
    totals: t,
    totalsRows: totalsRows(t, columns),
    status: statusRows(units, results, campaign),
    issues: issueRows(results, lang),
    files: fileRows(results, campaign),
  };
}

/** 「南昌市2023年全民终身学习活动周汇总」: the workbook's name, from the campaign. */
export function workbookTitle(campaign: Campaign): string {
  return `${campaign.city}${campaign.year}年全民终身学习活动周汇总`;
}
