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
import { formatMessage, type Lang } from '../core/messages.js';
import { verdictOf } from '../report/verdict.js';
import { leaderSummary, type LeaderSummary } from './leader.js';
import { round, totals, validUnits, type Totals } from './totals.js';

export { totals, validUnits, type Totals };
import { say } from '../core/say.js';
import { FIELDS, fieldById, getPath, type Field } from '../form/definition.js';
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
  /**
   * A total the workbook computes (so editing a unit's cell in Excel changes it), with the value
   * computed here cached in the file for viewers that do not recalculate, and written to the CSV.
   */
  | { kind: 'formula'; formula: string; value: number | null; format: 'count' | 'percent' | 'mean' }
  | { kind: 'empty' };

export const text = (value: string): Cell => (value === '' ? { kind: 'empty' } : { kind: 'text', value });
const EMPTY: Cell = { kind: 'empty' };

/** A column of the 汇总 or 填报内容 sheet: the unit, its verdict, whether it counts, then fields of the form. */
export interface SummaryColumn {
  /** Absent for the leading columns (单位, 报送状态, 计入合计). */
  field?: Field;
  /** The first header row: a group's label (merged over its fields) or the column's own label. */
  group?: string;
  label: string;
  /** Width in characters (Excel's unit: the width of 「0」); a CJK character takes two. */
  width: number;
  role?: 'unit' | 'status' | 'included';
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

export const UNIT_COLUMN_LABEL = fieldById('district').label;
export const STATUS_COLUMN_LABEL = '报送状态';
export const INCLUDED_COLUMN_LABEL = '计入合计';

const leading = (): SummaryColumn[] => [
  { label: UNIT_COLUMN_LABEL, width: 12, role: 'unit' },
  { label: STATUS_COLUMN_LABEL, width: 16, role: 'status' },
  { label: INCLUDED_COLUMN_LABEL, width: 6, role: 'included' },
];

/**
 * The 汇总 sheet, made to print (12 units on one or two A4 pages): the unit, its verdict, whether
 * it counts, and the fields that are figures or short facts (counts, satisfaction, period, the
 * stamping department, contacts) — kinds taken from the form definition, no field listed here.
 */
const SUMMARY_KINDS = new Set<Field['kind']>(['count', 'percent', 'dateRange', 'contacts']);
const SUMMARY_WIDTH: Partial<Record<Field['kind'], number>> = { count: 10, percent: 9, dateRange: 22, contacts: 24 };

export function summaryColumns(): SummaryColumn[] {
  const columns = leading();
  for (const field of FIELDS) {
    if (!(SUMMARY_KINDS.has(field.kind) || field.id === 'department')) continue;
    // One header row: 「活动参与情况 › 参加活动人数」 would not fit over a narrow column; the label does.
    columns.push({ field, label: field.label, width: SUMMARY_WIDTH[field.kind] ?? 18 });
  }
  return columns;
}

/** 填报内容: every field but 年度 and 举办县区, in form order, groups merged over their fields. */
export function contentColumns(): SummaryColumn[] {
  const columns = leading();
  for (const field of FIELDS) {
    if (field.kind === 'year' || field.id === 'district') continue;
    columns.push({ field, ...(field.group ? { group: field.group.label } : {}), label: field.label, width: WIDTH_BY_KIND[field.kind] });
  }
  return columns;
}

/** The verdict as the tables print it (the one verdict of `report/verdict.ts`). */
export function statusText(u: UnitStatus, campaign: Campaign): string {
  return verdictOf(u, campaign, 'zh').short;
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

export interface SummaryRow {
  unit: string;
  status: UnitStatus['status'];
  late: boolean;
  included: boolean;
  cells: Cell[];
}

export function summaryRows(units: readonly UnitStatus[], columns: readonly SummaryColumn[], campaign: Campaign): SummaryRow[] {
  return units.map((u) => ({
    unit: u.name,
    status: u.status,
    late: u.late,
    included: u.included,
    cells: columns.map((c) =>
      c.role === 'unit'
        ? text(u.name)
        : c.role === 'status'
          ? text(statusText(u, campaign))
          : c.role === 'included'
            ? text(u.included ? '是' : '否')
            : fieldCell(c.field!, u.data),
    ),
  }));
}

/** A1-style column name: 0 → A, 26 → AA. */
export const columnLetter = (index: number) => {
  let s = '';
  for (let k = index + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
};

/**
 * The two rows under the units: sums (satisfaction weighted by 人次) and per-unit means (plain), as
 * formulas over the rows marked 「是」 in 计入合计 — so an edited cell changes the total — with the
 * values computed here cached. `firstRow` is the sheet row of the first unit (1-based).
 */
export function totalsRows(t: Totals, columns: readonly SummaryColumn[], firstRow: number, unitCount: number): Cell[][] {
  const last = firstRow + Math.max(unitCount, 1) - 1;
  const range = (i: number) => `${columnLetter(i)}${firstRow}:${columnLetter(i)}${last}`;
  const inc = columns.findIndex((c) => c.role === 'included');
  const people = columns.findIndex((c) => c.field?.id === 'participation.participantCount');
  const counted = `${range(inc)},"是"`;
  const k = t.unitsReporting;
  const sums = columns.map((c, i): Cell => {
    if (c.role === 'unit') return text('合计');
    if (c.role === 'status') return text(`计入 ${k} 个单位`);
    if (c.role === 'included') return { kind: 'formula', formula: `COUNTIF(${counted})`, value: k, format: 'count' };
    if (c.field?.id === 'participation.activityCount')
      return { kind: 'formula', formula: `SUMIFS(${range(i)},${counted})`, value: t.activities, format: 'count' };
    if (c.field?.id === 'participation.participantCount')
      return { kind: 'formula', formula: `SUMIFS(${range(i)},${counted})`, value: t.participants, format: 'count' };
    if (c.field?.kind === 'percent')
      return people >= 0
        ? {
            kind: 'formula',
            formula: `IFERROR(SUMPRODUCT((${range(inc)}="是")*${range(i)}*${range(people)})/SUMIFS(${range(people)},${counted}),"")`,
            value: t.satisfactionWeighted,
            format: 'percent',
          }
        : EMPTY;
    if (c.field?.kind === 'dateRange') return text('满意度按参加人数加权');
    return EMPTY;
  });
  const means = columns.map((c, i): Cell => {
    if (c.role === 'unit') return text('平均');
    if (c.role === 'status') return text('每个计入的单位');
    if (c.field?.id === 'participation.activityCount')
      return {
        kind: 'formula',
        formula: `IFERROR(AVERAGEIFS(${range(i)},${counted}),"")`,
        value: k ? round(t.activities / k, 1) : null,
        format: 'mean',
      };
    if (c.field?.id === 'participation.participantCount')
      return {
        kind: 'formula',
        formula: `IFERROR(AVERAGEIFS(${range(i)},${counted}),"")`,
        value: k ? round(t.participants / k, 0) : null,
        format: 'count',
      };
    if (c.field?.kind === 'percent')
      return { kind: 'formula', formula: `IFERROR(AVERAGEIFS(${range(i)},${counted}),"")`, value: t.satisfactionMean, format: 'percent' };
    if (c.field?.kind === 'dateRange') return text('满意度为简单平均');
    return EMPTY;
  });
  return [sums, means];
}

// —— 报送情况 ——

export const STATUS_HEADERS = [
  '单位',
  '结论',
  '计入合计',
  '统计表',
  '盖章扫描件',
  '工作方案',
  '工作总结',
  '收到时间',
  '时间依据',
  '按时版本收到',
  '采用的文件',
  '收到的文件',
  '联系人',
];
/** Added after 联系人 when scans were checked (`--check-scans`). */
export const SCAN_HEADERS = ['公章', '扫描件核对'];

/** 报送情况's header row: the scan columns only when scans were checked. */
export function statusHeaders(units: readonly UnitStatus[]): string[] {
  return units.some((u) => u.scan) ? [...STATUS_HEADERS, ...SCAN_HEADERS] : STATUS_HEADERS;
}

const mark = (has: boolean) => (has ? '有' : '缺');

/** 报送情况: one row per unit, every column from the one verdict. */
export function statusRows(units: readonly UnitStatus[], results: readonly FileResult[], campaign: Campaign): Cell[][] {
  const byPath = new Map(results.map((r) => [r.path, r]));
  const scans = units.some((u) => u.scan);
  return units.map((u) => {
    const v = verdictOf(u, campaign, 'zh');
    const forms = u.files.map((p) => byPath.get(p)).filter((f) => f && (f.fate === 'submission' || f.fate === 'superseded'));
    // The notice asks for the form as a Word file: a YAML or PDF alone is noted, not counted as Word.
    const form = u.pieces.wordForm
      ? '有'
      : u.pieces.form
        ? `缺 Word（只有 ${[...new Set(forms.map((f) => f!.format.toUpperCase()))].join('、')}）`
        : '缺';
    const brokenPiece = (has: boolean, name: string) =>
      has ? '有' : v.missingPieces.find((p) => p.startsWith(name))?.includes('打不开') ? '缺（文件打不开）' : '缺';
    // For a unit none of whose files is the form: each file and why.
    const received = u.received.length
      ? u.received
          .map(
            (f) =>
              `${f.path}：${f.problem ? formatMessage(f.problem.code, f.problem.params, 'zh') : f.attachment ? `${ATTACHMENT_ZH[f.attachment as keyof typeof ATTACHMENT_ZH] ?? '附件'}，不是统计表` : FATE_ZH[f.fate]}`,
          )
          .join('\n')
      : u.files.filter((p) => byPath.get(p)?.fate !== 'container').join('\n');
    return [
      text(u.name),
      text(v.long),
      text(u.included ? '是' : '否'),
      text(u.status === 'missing' || u.status === 'unreadable' ? '缺' : form),
      text(mark(u.pieces.stampedScan)),
      text(brokenPiece(u.pieces.workPlan, '工作方案')),
      text(brokenPiece(u.pieces.workSummary, '工作总结')),
      u.receivedAt ? { kind: 'time', value: localTime(u.receivedAt, campaign.timezone) } : u.timing === 'unknown' ? text('不明') : EMPTY,
      text(v.evidence),
      u.firstReceivedAt ? { kind: 'time', value: localTime(u.firstReceivedAt, campaign.timezone) } : EMPTY,
      text(u.source ?? ''),
      text(received),
      text(u.contacts.map((c) => `${c.name} ${c.phone}`.trim()).join('\n')),
      ...(scans ? scanCells(u) : []),
    ];
  });
}

/** 公章 and 扫描件核对: empty when scans were not checked (`--check-scans`). The workbook is a Chinese document. */
function scanCells(u: UnitStatus): Cell[] {
  if (!u.scan) return [EMPTY, EMPTY];
  const seal = u.scan.seals[0];
  const sealText =
    u.scan.seal === 'found' && seal
      ? say('zh', 'roll.seal.foundAt', { page: seal.page, diameter: seal.diameterMm, ...(seal.scaleKnown ? {} : { estimated: 1 }) })
      : u.scan.seal === 'notFound'
        ? say('zh', 'roll.seal.notFound')
        : say('zh', 'roll.seal.unknownWhy', { why: say('zh', `roll.seal.why.${u.scan.reason ?? 'undecodable'}`) });
  return [text(sealText), text(u.scan.figures ?? '')];
}

// —— 问题清单 ——

export const ISSUE_HEADERS = ['文件', '单位', '项目', '严重程度', '说明', '位置'];

/** Every problem of every file, one per row (no merged cells, one header row: sortable and filterable). */
export function issueRows(results: readonly FileResult[], lang: Lang, roster: readonly string[] = []): Cell[][] {
  const rows: Cell[][] = [];
  // Errors first, then reminders, then notes on files that are not reports (Thumbs.db…); by unit in roster order.
  const order = new Map(roster.map((name, i) => [name, i]));
  const rank = (r: FileResult, severity: string) =>
    r.fate === 'not-a-submission' || r.fate === 'superseded' ? 2 : severity === 'error' ? 0 : 1;
  const all = results.flatMap((r, i) => r.problems.map((p, j) => ({ r, p, key: i * 1000 + j })));
  all.sort(
    (a, b) =>
      rank(a.r, a.p.severity) - rank(b.r, b.p.severity) ||
      (order.get(a.r.unit ?? '') ?? 999) - (order.get(b.r.unit ?? '') ?? 999) ||
      a.key - b.key,
  );
  for (const { r, p } of all) {
    {
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
  /** The campaign's words for the page header: 「南昌市2023年全民终身学习活动周汇总」. */
  columns: SummaryColumn[];
  summary: SummaryRow[];
  /** 填报内容: every field of every unit. */
  contentColumns: SummaryColumn[];
  content: SummaryRow[];
  contentTotalsRows: Cell[][];
  /** The leader's one-page summary (the 简报 sheet and PDF). */
  leader: LeaderSummary;
  totals: Totals;
  totalsRows: Cell[][];
  status: Cell[][];
  /** 报送情况's header row (STATUS_HEADERS, plus the scan columns when scans were checked). */
  statusHeaders?: string[];
  issues: Cell[][];
  files: Cell[][];
}

export function mergeTables(results: readonly FileResult[], units: readonly UnitStatus[], campaign: Campaign, lang: Lang): MergeTables {
  const columns = summaryColumns();
  const content = contentColumns();
  const t = totals(units);
  return {
    title: workbookTitle(campaign),
    columns,
    summary: summaryRows(units, columns, campaign),
    contentColumns: content,
    content: summaryRows(units, content, campaign),
    // Both sheets: one header row above the units in 汇总, two in 填报内容.
    contentTotalsRows: totalsRows(t, content, 3, units.length),
    totals: t,
    leader: leaderSummary(units, t, campaign),
    totalsRows: totalsRows(t, columns, 2, units.length),
    status: statusRows(units, results, campaign),
    statusHeaders: statusHeaders(units),
    issues: issueRows(
      results,
      lang,
      campaign.roster.map((u) => u.name),
    ),
    files: fileRows(results, campaign),
  };
}

/** 「南昌市2023年全民终身学习活动周汇总」: the workbook's name, from the campaign. */
export function workbookTitle(campaign: Campaign): string {
  return `${campaign.city}${campaign.year}年全民终身学习活动周汇总`;
}
