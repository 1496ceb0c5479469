/**
 * The validation report, as JSON (the `--json` contract of issue 2, extended by later issues) and as
 * text for a person. Both come from the same file results.
 */
import { Chalk } from 'chalk';
import type { Campaign } from '../campaign/campaign.js';
import type { Lang } from '../core/messages.js';
import type { FileResult } from '../validate/check.js';
import { issueOut, type IssueOut } from './issues.js';

export interface FileReport {
  path: string;
  format: string;
  fate: FileResult['fate'];
  status?: 'valid' | 'invalid';
  unit?: string;
  data?: Record<string, unknown>;
  originals?: Record<string, string>;
  issues: IssueOut[];
}

export interface ValidationReport {
  campaign: { year: number; city: string };
  files: FileReport[];
  summary: { files: number; valid: number; invalid: number; unchecked: number; errors: number; warnings: number };
}

export function buildReport(results: readonly FileResult[], campaign: Campaign, lang: Lang): ValidationReport {
  const files = results.map(
    (r): FileReport => ({
      path: r.path,
      format: r.format,
      fate: r.fate,
      ...(r.status ? { status: r.status } : {}),
      ...(r.unit ? { unit: r.unit } : {}),
      ...(r.data ? { data: r.data } : {}),
      ...(r.originals && Object.keys(r.originals).length ? { originals: r.originals } : {}),
      issues: r.problems.map((p) => issueOut(p, lang)),
    }),
  );
  // Notes on files that were not checked (a photo, a hidden file) are not problems with submissions.
  const all = files.filter((f) => f.status !== undefined).flatMap((f) => f.issues);
  return {
    campaign: { year: campaign.year, city: campaign.city },
    files,
    summary: {
      files: files.length,
      valid: files.filter((f) => f.status === 'valid').length,
      invalid: files.filter((f) => f.status === 'invalid').length,
      unchecked: files.filter((f) => f.status === undefined).length,
      errors: all.filter((i) => i.severity === 'error').length,
      warnings: all.filter((i) => i.severity === 'warning').length,
    },
  };
}

export function hasErrors(report: ValidationReport): boolean {
  return report.summary.errors > 0 || report.summary.invalid > 0;
}

const FATE_ZH: Record<FileResult['fate'], string> = {
  submission: '报送文件',
  superseded: '已被新版本取代',
  attachment: '附件',
  'not-a-submission': '不是报送文件',
  unreadable: '无法读取',
  unsafe: '已拒绝（不安全）',
  unsupported: '未检查',
  container: '邮件/压缩包',
};

export function renderText(report: ValidationReport, lang: Lang, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
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
  for (const file of report.files) {
    const errors = file.issues.filter((i) => i.severity === 'error').length;
    const warnings = file.issues.length - errors;
    let mark: string;
    let state: string;
    if (file.status === 'valid') {
      mark = c.green('✔');
      state = c.green(zh ? '有效' : 'valid') + (warnings ? c.yellow(zh ? `（${warnings} 条提醒）` : ` (${warnings} warning(s))`) : '');
    } else if (file.status === 'invalid') {
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
          ? `${file.path} 第 ${issue.line} 行${issue.column ? `第 ${issue.column} 列` : ''}`
          : `${file.path}:${issue.line}${issue.column ? `:${issue.column}` : ''}`
        : file.path;
      const head = [sev, c.dim(where), issue.label ? c.cyan(issue.label) : '']
        .filter(Boolean)
        .join('  ');
      lines.push(`    ${head}`, `      ${issue.message}`);
    }
  }
  lines.push('');
  const parts = zh
    ? [`${summary.valid} 份有效`, `${summary.invalid} 份有误`, ...(summary.unchecked ? [`${summary.unchecked} 个未检查`] : [])]
    : [`${summary.valid} valid`, `${summary.invalid} invalid`, ...(summary.unchecked ? [`${summary.unchecked} unchecked`] : [])];
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
