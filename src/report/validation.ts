/**
 * The validation report, as JSON (the `--json` contract) and as
 * text for a person. Both come from the same file results.
 */
import type { Campaign } from '../campaign/campaign.js';
import { formatMessage, type Lang } from '../core/messages.js';
import type { FileResult } from '../inbox/check.js';
import type { UnitStatus } from '../inbox/roster.js';
import { displayWidth } from './width.js';
import type { Paint } from './paint.js';
import { ATTACHMENT_ZH, FATE_ZH } from './names.js';
import { issueOut, type IssueOut } from './issues.js';
import { chaseBlocks, verdictOf, type ChaseBlock, type Verdict } from './verdict.js';
import { localTime } from '../inbox/roster.js';

/** A roster unit as `--json` gives it: the one model (`UnitStatus`), its verdict in words, and what to ask of it. */
export type UnitReport = UnitStatus & { verdict: Verdict; chase: ChaseBlock | null };

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
  /** With `--check-scans`, for a stamped scan: the seal (docs/scans.md). */
  scan?: FileResult['scan'];
  issues: IssueOut[];
}

export interface ValidationReport {
  campaign: { year: number; city: string; deadline: string; timezone: string; mailbox: string };
  files: FileReport[];
  /** Present when a folder (the centre's inbox) was checked: every roster unit, in roster order. */
  units?: UnitReport[];
  summary: {
    files: number;
    valid: number;
    invalid: number;
    rejected: number;
    unchecked: number;
    errors: number;
    warnings: number;
    /** With the roster: how the units stand. */
    units?: {
      total: number;
      validOnTime: number;
      valid: number;
      invalid: number;
      missing: number;
      /** Files arrived, none readable as the form (not counted in `missing`). */
      unreadable: number;
      ambiguous: number;
      late: number;
      corrected: number;
      timeUnknown: number;
      included: number;
    };
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
      ...(r.scan ? { scan: reportedScan(r.scan) } : {}),
      issues: r.problems.map((p) => issueOut(p, lang)),
    }),
  );
  // Notes on files that were not checked (a photo, a hidden file) are not problems with submissions.
  // Superseded files no longer count; notes on files that are not reports are not problems.
  const chase = units ? chaseBlocks(results, units, campaign, lang) : [];
  const unitReports = units?.map(
    (u): UnitReport => ({
      ...u,
      received: u.received.map((f) => ({ ...f, ...(f.problem ? { reason: formatMessage(f.problem.code, f.problem.params, lang) } : {}) })),
      verdict: verdictOf(u, campaign, lang),
      chase: chase.find((b) => b.unit === u.name) ?? null,
    }),
  );
  const all = files.filter((f) => f.fate !== 'superseded' && f.fate !== 'not-a-submission' && f.fate !== 'unsupported').flatMap((f) => f.issues);
  return {
    campaign: { year: campaign.year, city: campaign.city, deadline: campaign.deadline, timezone: campaign.timezone, mailbox: campaign.mailbox },
    files,
    ...(unitReports ? { units: unitReports } : {}),
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
              unreadable: units.filter((u) => u.status === 'unreadable').length,
              ambiguous: units.filter((u) => u.status === 'ambiguous').length,
              late: units.filter((u) => u.late).length,
              corrected: units.filter((u) => u.timing === 'corrected').length,
              timeUnknown: units.filter((u) => u.timing === 'unknown').length,
              included: units.filter((u) => u.included).length,
            },
          }
        : {}),
    },
  };
}

/** The scan check as reported: the OCR's raw lines stay in the cache, only the engine and page count show. */
function reportedScan(scan: NonNullable<FileResult['scan']>): NonNullable<FileResult['scan']> {
  if (!scan.ocr) return scan;
  const { items, ...ocr } = scan.ocr;
  return { ...scan, ocr: { ...ocr, items: [] } };
}

export function hasErrors(report: ValidationReport): boolean {
  return report.summary.errors > 0 || report.summary.invalid > 0 || report.summary.rejected > 0;
}


const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

const SEAL_WORDS = { found: ['有公章', 'sealed'], notFound: ['未见公章', 'no seal'], unknown: ['无法判断', 'cannot tell'] } as const;
/** 有公章 / 未见公章 / 无法判断 (the scan check). */
export const sealWord = (seal: keyof typeof SEAL_WORDS, zh: boolean) => SEAL_WORDS[seal][zh ? 0 : 1];

export interface TextOptions {
  /** Terminal columns (80 gives the narrow layout; 120 and more add the evidence and the file used). */
  width?: number;
  /** Only the roll call and the closing line: no file list. */
  summary?: boolean;
  /** Who reads the closing advice: the centre checking its inbox, or a clerk checking their own files. */
  reader?: 'centre' | 'clerk' | 'none';
}

const cut = (text: string, width: number) => {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
};

/** The roster at a glance: one line per unit, in roster order, as wide as the terminal allows. */
export function unitTable(report: ValidationReport, lang: Lang, c: Paint, width = 80): string[] {
  const zh = lang === 'zh';
  const units = report.units!;
  const wide = width >= 120;
  const tz = report.campaign.timezone;
  const formCell = (u: UnitReport) => (u.pieces.wordForm ? '✔' : u.pieces.form ? (u.source?.split('.').pop() ?? '').toUpperCase() : '—');
  const timeCell = (u: UnitReport) => {
    if (u.timing === 'unknown') return zh ? '不明' : 'unknown';
    if (!u.receivedAt) return '';
    const at = localTime(u.receivedAt, tz);
    return wide ? at : `${at.slice(5)} ${zh ? { record: '记', mail: '邮', file: '文', copy: '?' }[u.receivedFrom ?? 'file'] : { record: 'R', mail: 'M', file: 'F', copy: '?' }[u.receivedFrom ?? 'file']}`;
  };
  const head = zh ? ['单位', '结论', '统计表', '扫描件', '方案', '总结', '收到时间'] : ['Unit', 'Verdict', 'Form', 'Scan', 'Plan', 'Summary', 'Received'];
  if (wide) head.push(zh ? '时间依据' : 'Evidence', zh ? '采用的文件' : 'File used');
  const rows = units.map((u) => {
    const row = [
      u.name,
      u.verdict.short,
      formCell(u),
      (u.pieces.stampedScan ? '✔' : '—') + (u.scan ? ` ${sealWord(u.scan.seal, zh)}` : ''),
      u.pieces.workPlan ? '✔' : '—',
      u.pieces.workSummary ? '✔' : '—',
      timeCell(u),
    ];
    if (wide) row.push(u.verdict.evidence, u.source ?? '');
    return row;
  });
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  if (wide) {
    // The file used takes what is left of the line, cut with 「…」.
    const used = 2 + widths.slice(0, -1).reduce((a, w) => a + w + 2, 0);
    widths[widths.length - 1] = Math.max(displayWidth(head.at(-1)!), Math.min(widths.at(-1)!, width - used - 1));
  }
  const colour = (u: UnitReport, text: string) =>
    u.status === 'valid' ? (u.late || u.timing === 'unknown' ? c.yellow(text) : c.green(text)) : c.red(text);
  const lines = [
    c.bold(zh ? `报送情况（名册 ${units.length} 个单位，截止 ${report.campaign.deadline}）` : `Roster (${units.length} units, deadline ${report.campaign.deadline})`),
    `  ${head.map((h, i) => pad(h, widths[i]!)).join('  ')}`.trimEnd(),
    ...units.map((u, k) => `  ${rows[k]!.map((cell, i) => (i === 1 ? colour(u, pad(cell, widths[i]!)) : pad(cut(cell, widths[i]!), widths[i]!))).join('  ')}`.trimEnd()),
  ];
  if (!wide) lines.push(c.dim(zh ? '  收到时间：邮＝邮件时间，记＝收件记录，文＝文件时间' : '  Received: M = mail Date, R = record, F = file time'));
  // The long verdict where the short one needs it, one unit a line.
  const notes = units.filter((u) => u.verdict.long !== u.verdict.short || u.status === 'ambiguous');
  if (notes.length) {
    lines.push('');
    for (const u of notes) {
      lines.push(`  ${u.name}：${u.verdict.long}`);
      for (const f of u.received) lines.push(c.dim(`    ${cut(f.path, width - 8)}`));
      for (const v of u.versions) lines.push(c.dim(`    ${cut(v.path, width - 30)}  ${v.activities ?? '?'} 场 ${v.participants ?? '?'} 人次`));
    }
  }
  const of = (pred: (u: UnitReport) => boolean) => units.filter(pred).map((u) => u.name);
  const missing = of((u) => u.status === 'missing');
  const unreadable = of((u) => u.status === 'unreadable');
  const invalid = of((u) => u.status === 'invalid' || u.status === 'ambiguous');
  const late = of((u) => u.late);
  const corrected = of((u) => u.timing === 'corrected');
  const unknown = of((u) => u.timing === 'unknown');
  const ok = units.filter((u) => u.status === 'valid' && !u.late).length;
  const parts = zh
    ? [
        `${ok} 个单位有效且未逾期`,
        missing.length ? `未报送：${missing.join('、')}` : '',
        unreadable.length ? `收到文件但无法读取：${unreadable.join('、')}` : '',
        invalid.length ? `有误：${invalid.join('、')}` : '',
        late.length ? `逾期：${late.join('、')}` : '',
        corrected.length ? `按时报送、截止后更正：${corrected.join('、')}` : '',
        unknown.length ? `收到时间不明：${unknown.join('、')}` : '',
      ]
    : [
        `${ok} unit(s) valid and not late`,
        missing.length ? `missing: ${missing.join(', ')}` : '',
        unreadable.length ? `files unreadable: ${unreadable.join(', ')}` : '',
        invalid.length ? `invalid: ${invalid.join(', ')}` : '',
        late.length ? `late: ${late.join(', ')}` : '',
        corrected.length ? `corrected after the deadline: ${corrected.join(', ')}` : '',
        unknown.length ? `received time unknown: ${unknown.join(', ')}` : '',
      ];
  lines.push('', `${parts.filter(Boolean).join(zh ? '；' : '; ')}${zh ? '。' : '.'}`);
  return lines;
}

/** The system and lock files (Thumbs.db, .DS_Store, ~$…) and the tool's own files: one line, not one each. */
const quiet = (f: FileReport) => f.fate === 'not-a-submission' && f.issues.every((i) => i.code === 'file.hidden' || i.code === 'inbox.ownFile' || i.code === 'inbox.ownOutput');

export function renderText(report: ValidationReport, lang: Lang, c: Paint, opts: TextOptions = {}): string {
  const zh = lang === 'zh';
  const width = opts.width ?? 80;
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
  if (report.units) lines.push(...unitTable(report, lang, c, width), '');
  if (!opts.summary) {
    const hidden = report.files.filter(quiet);
    // Errors first, then notes, then the rest; within each, by unit in roster order.
    const order = new Map((report.units ?? []).map((u, i) => [u.name, i]));
    const rank = (f: FileReport) => (f.issues.some((i) => i.severity === 'error') && f.fate !== 'superseded' ? 0 : f.issues.length ? 1 : 2);
    const shown = report.files
      .filter((f) => !quiet(f))
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f) - rank(b.f) || (order.get(a.f.unit ?? '') ?? 999) - (order.get(b.f.unit ?? '') ?? 999) || a.i - b.i)
      .map(({ f }) => f);
    for (const file of shown) lines.push(...fileLines(file, lang, c));
    if (hidden.length)
      lines.push(
        c.dim(
          zh
            ? `– 另有 ${hidden.length} 个系统、临时或本工具自己的文件，未检查：${hidden.map((f) => f.path).join('、')}`
            : `– ${hidden.length} system, temporary or own file(s) not checked: ${hidden.map((f) => f.path).join(', ')}`,
        ),
      );
    lines.push('');
  }
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
  const advice = closingAdvice(report, lang, opts.reader ?? (report.units ? 'centre' : 'clerk'));
  if (advice) lines.push(advice);
  return lines.join('\n');
}

/** The last line, said to whoever runs the command: the centre chases units; a clerk fixes their file. */
function closingAdvice(report: ValidationReport, lang: Lang, reader: 'centre' | 'clerk' | 'none'): string {
  const zh = lang === 'zh';
  if (reader === 'none') return '';
  if (reader === 'centre') {
    const chase = (report.units ?? []).filter((u) => u.chase).length;
    if (!chase) return '';
    return zh
      ? `有 ${chase} 个单位需要联系。运行 lifelong-week merge <收件箱文件夹> 可得到可直接发送的催报名单和全市汇总表。`
      : `${chase} unit(s) to contact. Run lifelong-week merge <inbox folder> for a chase list ready to send and the city workbook.`;
  }
  if (report.summary.errors === 0) return '';
  return zh ? '请按提示修改有误的文件后重新检查。' : 'Fix the files with errors and check again.';
}

function fileLines(file: FileReport, lang: Lang, c: Paint): string[] {
  const zh = lang === 'zh';
  const lines: string[] = [];
  {
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
      if (file.scan) {
        const seal = file.scan.seals[0];
        state += '  ' + (seal
          ? c.green(formatMessage('scan.sealFound', { page: seal.page, x: seal.xMm, y: seal.yMm, diameter: seal.diameterMm, ...(seal.scaleKnown ? {} : { estimated: 1 }) }, lang))
          : c.yellow(sealWord(file.scan.seal, zh)));
      }
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
  return lines;
}
