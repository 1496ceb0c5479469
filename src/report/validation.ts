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
import { attachmentName, fateName } from './names.js';
import { joinList, say } from '../core/say.js';
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
  const files = results.map((r): FileReport => ({
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
  }));
  // Notes on files that were not checked (a photo, a hidden file) are not problems with submissions.
  // Superseded files no longer count; notes on files that are not reports are not problems.
  const chase = units ? chaseBlocks(results, units, campaign, lang) : [];
  const unitReports = units?.map((u): UnitReport => ({
    ...u,
    received: u.received.map((f) => ({ ...f, ...(f.problem ? { reason: formatMessage(f.problem.code, f.problem.params, lang) } : {}) })),
    verdict: verdictOf(u, campaign, lang),
    chase: chase.find((b) => b.unit === u.name) ?? null,
  }));
  const all = files
    .filter((f) => f.fate !== 'superseded' && f.fate !== 'not-a-submission' && f.fate !== 'unsupported')
    .flatMap((f) => f.issues);
  return {
    campaign: {
      year: campaign.year,
      city: campaign.city,
      deadline: campaign.deadline,
      timezone: campaign.timezone,
      mailbox: campaign.mailbox,
    },
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

/** 有公章 / 未见公章 / 无法判断 (the scan check). */
export const sealWord = (seal: 'found' | 'notFound' | 'unknown', lang: Lang) => say(lang, `roll.seal.${seal}`);

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
  const units = report.units!;
  const wide = width >= 120;
  const tz = report.campaign.timezone;
  const formCell = (u: UnitReport) => (u.pieces.wordForm ? '✔' : u.pieces.form ? (u.source?.split('.').pop() ?? '').toUpperCase() : '—');
  const timeCell = (u: UnitReport) => {
    if (u.timing === 'unknown') return say(lang, 'report.time.unknown');
    if (!u.receivedAt) return '';
    const at = localTime(u.receivedAt, tz);
    return wide ? at : `${at.slice(5)} ${say(lang, `report.from.${u.receivedFrom ?? 'file'}`)}`;
  };
  const columns = [
    'unit',
    'verdict',
    'form',
    'scan',
    'plan',
    'summary',
    'received',
    ...(wide ? (['evidence', 'fileUsed'] as const) : []),
  ] as const;
  const head = columns.map((col) => say(lang, `report.col.${col}`));
  const rows = units.map((u) => {
    const row = [
      u.name,
      u.verdict.short,
      formCell(u),
      (u.pieces.stampedScan ? '✔' : '—') + (u.scan ? ` ${sealWord(u.scan.seal, lang)}` : ''),
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
    c.bold(say(lang, 'report.roster', { count: units.length, deadline: report.campaign.deadline })),
    `  ${head.map((h, i) => pad(h, widths[i]!)).join('  ')}`.trimEnd(),
    ...units.map((u, k) =>
      `  ${rows[k]!.map((cell, i) => (i === 1 ? colour(u, pad(cell, widths[i]!)) : pad(cut(cell, widths[i]!), widths[i]!))).join('  ')}`.trimEnd(),
    ),
  ];
  if (!wide) lines.push(c.dim(say(lang, 'report.from.legend')));
  lines.push(...unitNotes(units, lang, c, width), '', rollCallLine(units, lang));
  return lines;
}

/** The long verdict where the short one needs it, one unit a line, with the files and versions behind it. */
function unitNotes(units: readonly UnitReport[], lang: Lang, c: Paint, width: number): string[] {
  const notes = units.filter((u) => u.verdict.long !== u.verdict.short || u.status === 'ambiguous');
  if (!notes.length) return [];
  const lines = [''];
  for (const u of notes) {
    lines.push(`  ${say(lang, 'report.unitNote', { unit: u.name, note: u.verdict.long })}`);
    for (const f of u.received) lines.push(c.dim(`    ${cut(f.path, width - 8)}`));
    for (const v of u.versions) {
      const figures = say(lang, 'report.version', { activities: v.activities ?? '?', participants: v.participants ?? '?' });
      lines.push(c.dim(`    ${cut(v.path, width - 30)}  ${figures}`));
    }
  }
  return lines;
}

/** The roll call in one sentence: how many are fine, then who is missing, unreadable, wrong, late … */
function rollCallLine(units: readonly UnitReport[], lang: Lang): string {
  const names = (pred: (u: UnitReport) => boolean) => units.filter(pred).map((u) => u.name);
  const groups = [
    ['missing', names((u) => u.status === 'missing')],
    ['unreadable', names((u) => u.status === 'unreadable')],
    ['invalid', names((u) => u.status === 'invalid' || u.status === 'ambiguous')],
    ['late', names((u) => u.late)],
    ['corrected', names((u) => u.timing === 'corrected')],
    ['unknown', names((u) => u.timing === 'unknown')],
  ] as const;
  const ok = units.filter((u) => u.status === 'valid' && !u.late).length;
  const parts = [
    say(lang, 'report.roll.ok', { count: ok }),
    ...groups.filter(([, list]) => list.length).map(([key, list]) => say(lang, `report.roll.${key}`, { units: joinList(lang, list) })),
  ];
  return say(lang, 'report.sentence', { parts: joinList(lang, parts, 'semicolon') });
}

/** The system and lock files (Thumbs.db, .DS_Store, ~$…) and the tool's own files: one line, not one each. */
const quiet = (f: FileReport) =>
  f.fate === 'not-a-submission' &&
  f.issues.every((i) => i.code === 'file.hidden' || i.code === 'inbox.ownFile' || i.code === 'inbox.ownOutput');

export function renderText(report: ValidationReport, lang: Lang, c: Paint, opts: TextOptions = {}): string {
  const width = opts.width ?? 80;
  const { summary, campaign } = report;
  const lines: string[] = [c.bold(say(lang, 'report.checked', { files: summary.files, year: campaign.year, city: campaign.city })), ''];
  if (report.units) lines.push(...unitTable(report, lang, c, width), '');
  if (!opts.summary) lines.push(...fileList(report, lang, c), '');
  const count = (code: 'valid' | 'invalid' | 'rejected' | 'unchecked', n: number, always = false) =>
    n || always ? [say(lang, `report.total.${code}`, { count: n })] : [];
  const parts = [
    ...count('valid', summary.valid, true),
    ...count('invalid', summary.invalid, true),
    ...count('rejected', summary.rejected),
    ...count('unchecked', summary.unchecked),
  ];
  const total = say(lang, 'report.total', {
    files: summary.files,
    parts: joinList(lang, parts, 'comma'),
    errors: summary.errors,
    warnings: summary.warnings,
  });
  lines.push((hasErrors(report) ? c.red : c.green)(total));
  const advice = closingAdvice(report, lang, opts.reader ?? (report.units ? 'centre' : 'clerk'));
  if (advice) lines.push(advice);
  return lines.join('\n');
}

/** Every file with its problems: errors first, then notes, then the rest; within each, by unit in roster order. */
function fileList(report: ValidationReport, lang: Lang, c: Paint): string[] {
  const hidden = report.files.filter(quiet);
  const order = new Map((report.units ?? []).map((u, i) => [u.name, i]));
  const rank = (f: FileReport) => (f.issues.some((i) => i.severity === 'error') && f.fate !== 'superseded' ? 0 : f.issues.length ? 1 : 2);
  const shown = report.files
    .filter((f) => !quiet(f))
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || (order.get(a.f.unit ?? '') ?? 999) - (order.get(b.f.unit ?? '') ?? 999) || a.i - b.i)
    .map(({ f }) => f);
  const lines = shown.flatMap((file) => fileLines(file, lang, c));
  if (hidden.length)
    lines.push(
      c.dim(
        say(lang, 'report.hidden', {
          count: hidden.length,
          paths: joinList(
            lang,
            hidden.map((f) => f.path),
          ),
        }),
      ),
    );
  return lines;
}

/** The last line, said to whoever runs the command: the centre chases units; a clerk fixes their file. */
function closingAdvice(report: ValidationReport, lang: Lang, reader: 'centre' | 'clerk' | 'none'): string {
  if (reader === 'none') return '';
  if (reader === 'centre') {
    const chase = (report.units ?? []).filter((u) => u.chase).length;
    return chase ? say(lang, 'report.advice.centre', { count: chase }) : '';
  }
  return report.summary.errors === 0 ? '' : say(lang, 'report.advice.clerk');
}

/** A file's mark and state: ✔ 有效, ✘ 有误（2 个错误）, ＋ 附件：盖章扫描件 有公章 … */
function fileState(file: FileReport, lang: Lang, c: Paint): { mark: string; state: string } {
  const errors = file.issues.filter((i) => i.severity === 'error').length;
  const warnings = file.issues.length - errors;
  if (file.fate === 'superseded') return { mark: c.dim('↺'), state: c.dim(fateName('superseded', lang)) };
  if (file.fate === 'container') return { mark: c.dim('✉'), state: c.dim(fateName('container', lang)) };
  if (file.fate === 'attachment') {
    const kind = attachmentName((file.attachment ?? 'other') as Parameters<typeof attachmentName>[0], lang);
    let state = c.green(say(lang, 'report.file.attachment', { kind }));
    if (file.scan) {
      const seal = file.scan.seals[0];
      state +=
        '  ' +
        (seal
          ? c.green(
              formatMessage(
                'scan.sealFound',
                { page: seal.page, x: seal.xMm, y: seal.yMm, diameter: seal.diameterMm, ...(seal.scaleKnown ? {} : { estimated: 1 }) },
                lang,
              ),
            )
          : c.yellow(sealWord(file.scan.seal, lang)));
    }
    return { mark: c.green('＋'), state };
  }
  if (file.status === 'valid')
    return {
      mark: c.green('✔'),
      state: c.green(say(lang, 'status.valid')) + (warnings ? c.yellow(say(lang, 'report.file.warnings', { count: warnings })) : ''),
    };
  if (file.status === 'invalid' || file.fate === 'unreadable' || file.fate === 'unsafe') {
    const what = file.fate === 'submission' ? say(lang, 'status.invalid') : fateName(file.fate, lang);
    const andWarnings = warnings ? say(lang, 'report.file.andWarnings', { count: warnings }) : '';
    return { mark: c.red('✘'), state: c.red(what + say(lang, 'report.file.errors', { errors, warnings: andWarnings })) };
  }
  return { mark: c.dim('–'), state: c.dim(fateName(file.fate, lang)) };
}

/**
 * Where in a document a problem is, as the readers record it (「表格」, 「表格2」, 「段落」: the words of the
 * `--json` contract), said in the user's language.
 */
function placeName(place: string, lang: Lang): string {
  const table = /^表格(\d*)$/.exec(place);
  if (table) return say(lang, table[1] ? 'report.place.tableN' : 'report.place.table', { n: table[1] ?? '' });
  return place === '段落' ? say(lang, 'report.place.paragraph') : place;
}

function fileLines(file: FileReport, lang: Lang, c: Paint): string[] {
  const { mark, state } = fileState(file, lang, c);
  const lines = [`${mark} ${c.bold(file.path)}${file.unit ? `  ${file.unit}` : ''}  ${state}`];
  for (const issue of file.issues) {
    const sev = issue.severity === 'error' ? c.red(say(lang, 'report.severity.error')) : c.yellow(say(lang, 'report.severity.warning'));
    const where = issue.line
      ? say(lang, 'report.where.line', {
          path: file.path,
          in: issue.in ? say(lang, 'report.where.in', { in: placeName(issue.in, lang) }) : '',
          line: issue.line,
          column: issue.column ? say(lang, 'report.where.column', { column: issue.column }) : '',
        })
      : file.path;
    const head = [sev, c.dim(where), issue.label ? c.cyan(issue.label) : ''].filter(Boolean).join('  ');
    lines.push(`    ${head}`, `      ${issue.message}`);
  }
  return lines;
}
