/**
 * The validation report, as JSON (the `--json` contract) and as
 * text for a person. Both come from the same file results.
 */
import type { Campaign } from '../campaign/campaign.js';
import type { Lang } from '../core/messages.js';
import type { FileResult } from '../inbox/check.js';
import type { UnitStatus } from '../inbox/roster.js';
import { displayWidth } from './width.js';
import type { Paint } from './paint.js';
import { ATTACHMENT_ZH, FATE_ZH, STATUS_ZH } from './names.js';
import { issueOut, type IssueOut } from './issues.js';

export interface FileReport {
  path: string;
  format: string;
  fate: FileResult['fate'];
  status?: 'valid' | 'invalid';
  unit?: string;
  receivedAt?: string;
  attachment?: string;
  entryTime?: string;
  supersededBy?: string;
  data?: Record<string, unknown>;
  originals?: Record<string, string>;
  issues: IssueOut[];
}

export interface ValidationReport {
  campaign: { year: number; city: string; deadline: string; timezone: string; mailbox: string };
  files: FileReport[];
  /** Present when a folder (the centre's inbox) was checked: every roster unit, in roster order. */
  units?: UnitStatus[];
  summary: {
    files: number;
    valid: number;
    invalid: number;
    rejected: number;
    unchecked: number;
    errors: number;
    warnings: number;
    /** With the roster: how the units stand. */
    units?: { total: number; validOnTime: number; valid: number; invalid: number; missing: number; late: number };
  };
}

export function buildReport(results: readonly FileResult[], campaign: Campaign, lang: Lang, units?: UnitStatus[]): ValidationReport {
  const files = results.map(
    (r): FileReport => ({
      path: r.path,
      format: r.format,
      fate: r.fate,
      ...(r.status ? { status: r.status } : {}),
      ...(r.unit ? { unit: r.unit } : {}),
      ...(r.receivedAt ? { receivedAt: r.receivedAt } : {}),
      ...(r.attachment ? { attachment: r.attachment } : {}),
      ...(r.entryTime ? { entryTime: r.entryTime } : {}),
      ...(r.supersededBy ? { supersededBy: r.supersededBy } : {}),
      ...(r.data ? { data: r.data } : {}),
      ...(r.originals && Object.keys(r.originals).length ? { originals: r.originals } : {}),
      issues: r.problems.map((p) => issueOut(p, lang)),
    }),
  );
  // Notes on files that were not checked (a photo, a hidden file) are not problems with submissions.
  // Superseded files no longer count; notes on files that are not reports are not problems.
  const all = files.filter((f) => f.fate !== 'superseded' && f.fate !== 'not-a-submission' && f.fate !== 'unsupported').flatMap((f) => f.issues);
  return {
    campaign: { year: campaign.year, city: campaign.city, deadline: campaign.deadline, timezone: campaign.timezone, mailbox: campaign.mailbox },
    files,
    ...(units ? { units } : {}),
    summary: {
      files: files.length,
      valid: files.filter((f) => f.status === 'valid' && f.fate === 'submission').length,
      invalid: files.filter((f) => f.status === 'invalid' && f.fate === 'submission').length,
      rejected: files.filter((f) => f.fate === 'unreadable' || f.fate === 'unsafe').length,
      unchecked: files.filter((f) => f.fate === 'unsupported' || f.fate === 'not-a-submission').length,
      errors: all.filter((i) => i.severity === 'error').length,
      warnings: all.filter((i) => i.severity === 'warning').length,
      ...(units
        ? {
            units: {
              total: units.length,
              validOnTime: units.filter((u) => u.status === 'valid' && !u.late).length,
              valid: units.filter((u) => u.status === 'valid').length,
              invalid: units.filter((u) => u.status === 'invalid').length,
              missing: units.filter((u) => u.status === 'missing').length,
              late: units.filter((u) => u.late).length,
            },
          }
        : {}),
    },
  };
}

export function hasErrors(report: ValidationReport): boolean {
  return report.summary.errors > 0 || report.summary.invalid > 0 || report.summary.rejected > 0;
}


const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** The roster at a glance: one line per unit, in roster order. */
function unitTable(report: ValidationReport, lang: Lang, c: Paint): string[] {
  const zh = lang === 'zh';
  const units = report.units!;
  const head = zh
    ? ['单位', '状态', '逾期', '统计表', '盖章扫描件', '工作方案', '工作总结', '采用的文件']
    : ['Unit', 'Status', 'Late', 'Form', 'Scan', 'Plan', 'Summary', 'Source'];
  const rows = units.map((u) => [
    u.name,
    (zh ? STATUS_ZH[u.status] : u.status) + (u.status === 'missing' && u.unusable.length ? (zh ? '（收到的文件无法使用）' : ' (unusable files received)') : ''),
    u.late ? (zh ? '逾期' : 'late') : '',
    u.pieces.form ? '✔' : '—',
    u.pieces.stampedScan ? '✔' : '—',
    u.pieces.workPlan ? '✔' : '—',
    u.pieces.workSummary ? '✔' : '—',
    u.source ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  const colour = (u: UnitStatus, text: string) =>
    u.status === 'missing' ? c.red(text) : u.status === 'invalid' ? c.red(text) : u.late ? c.yellow(text) : c.green(text);
  const lines = [
    c.bold(zh ? `报送情况（名册 ${units.length} 个单位，截止 ${report.campaign.deadline}）` : `Roster (${units.length} units, deadline ${report.campaign.deadline})`),
    `  ${head.map((h, i) => pad(h, widths[i]!)).join('  ')}`.trimEnd(),
    ...units.map((u, k) => `  ${rows[k]!.map((cell, i) => (i === 1 || i === 2 ? colour(u, pad(cell, widths[i]!)) : pad(cell, widths[i]!))).join('  ')}`.trimEnd()),
  ];
  const missing = units.filter((u) => u.status === 'missing').map((u) => (u.unusable.length ? `${u.name}（文件无法使用）` : u.name));
  const invalid = units.filter((u) => u.status === 'invalid').map((u) => u.name);
  const late = units.filter((u) => u.late).map((u) => u.name);
  const ok = units.filter((u) => u.status === 'valid' && !u.late).length;
  lines.push(
    '',
    zh
      ? `${ok} 个单位有效且按时${missing.length ? `；未报送：${missing.join('、')}` : ''}${invalid.length ? `；有误：${invalid.join('、')}` : ''}${late.length ? `；逾期：${late.join('、')}` : ''}。`
      : `${ok} unit(s) valid and on time${missing.length ? `; missing: ${missing.join(', ')}` : ''}${invalid.length ? `; invalid: ${invalid.join(', ')}` : ''}${late.length ? `; late: ${late.join(', ')}` : ''}.`,
  );
  return lines;
}



export function renderText(report: ValidationReport, lang: Lang, c: Paint): string {
  const zh = lang === 'zh';
  const lines: string[] = [];
  const { summary } = report;
  lines.push(
    c.bold(
      zh
        ? `检查 ${summary.files} 个文件（${report.campaign.year} 年${report.campaign.city}全民终身学习活动周）`
        : `Checked ${summary.files} file(s) (${report.campaign.city} ${report.campaign.year})`,
    ),
    '',
  );
  if (report.units) lines.push(...unitTable(report, lang, c), '');
  for (const file of report.files) {
    const errors = file.issues.filter((i) => i.severity === 'error').length;
    const warnings = file.issues.length - errors;
    let mark: string;
    let state: string;
    if (file.fate === 'superseded') {
      mark = c.dim('↺');
      state = c.dim(zh ? '已被取代' : 'superseded');
    } else if (file.fate === 'container') {
      mark = c.dim('✉');
      state = c.dim(zh ? FATE_ZH.container : 'container');
    } else if (file.fate === 'attachment') {
      mark = c.green('＋');
      state = c.green(zh ? `附件：${ATTACHMENT_ZH[(file.attachment ?? 'other') as keyof typeof ATTACHMENT_ZH] ?? '其他'}` : `attachment: ${file.attachment}`);
    } else if (file.status === 'valid') {
      mark = c.green('✔');
      state = c.green(zh ? '有效' : 'valid') + (warnings ? c.yellow(zh ? `（${warnings} 条提醒）` : ` (${warnings} warning(s))`) : '');
    } else if (file.status === 'invalid' || file.fate === 'unreadable' || file.fate === 'unsafe') {
      mark = c.red('✘');
      const what = file.fate === 'submission' ? (zh ? '有误' : 'invalid') : zh ? FATE_ZH[file.fate] : file.fate;
      state = c.red(what + (zh ? `（${errors} 个错误${warnings ? `，${warnings} 条提醒` : ''}）` : ` (${errors} error(s)${warnings ? `, ${warnings} warning(s)` : ''})`));
    } else {
      mark = c.dim('–');
      state = c.dim(zh ? FATE_ZH[file.fate] : file.fate);
    }
    lines.push(`${mark} ${c.bold(file.path)}${file.unit ? `  ${file.unit}` : ''}  ${state}`);
    for (const issue of file.issues) {
      const sev = issue.severity === 'error' ? c.red(zh ? '错误' : 'error') : c.yellow(zh ? '提醒' : 'warning');
      const where = issue.line
        ? zh
          ? `${file.path} ${issue.in ?? ''}第 ${issue.line} 行${issue.column ? `第 ${issue.column} 列` : ''}`
          : `${file.path}${issue.in ? ` (${issue.in})` : ''}:${issue.line}${issue.column ? `:${issue.column}` : ''}`
        : file.path;
      const head = [sev, c.dim(where), issue.label ? c.cyan(issue.label) : '']
        .filter(Boolean)
        .join('  ');
      lines.push(`    ${head}`, `      ${issue.message}`);
    }
  }
  lines.push('');
  const parts = zh
    ? [`${summary.valid} 份有效`, `${summary.invalid} 份有误`, ...(summary.rejected ? [`${summary.rejected} 个无法读取或已拒绝`] : []), ...(summary.unchecked ? [`${summary.unchecked} 个未检查`] : [])]
    : [`${summary.valid} valid`, `${summary.invalid} invalid`, ...(summary.rejected ? [`${summary.rejected} unreadable or refused`] : []), ...(summary.unchecked ? [`${summary.unchecked} unchecked`] : [])];
  lines.push(
    (hasErrors(report) ? c.red : c.green)(
      zh
        ? `合计：${summary.files} 个文件，${parts.join('，')}；${summary.errors} 个错误，${summary.warnings} 条提醒。`
        : `Total: ${summary.files} file(s), ${parts.join(', ')}; ${summary.errors} error(s), ${summary.warnings} warning(s).`,
    ),
  );
  if (summary.errors > 0)
    lines.push(zh ? '请按提示修改有误的文件后重新检查。' : 'Fix the files with errors and check again.');
  return lines.join('\n');
}
