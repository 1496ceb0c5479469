/**
 * The words of one verdict. Every place that says how a unit stands — the roll call in the terminal,
 * the workbook's 汇总 and 报送情况 sheets, `--json`, the chase list, the city report's note, and the
 * reminders built on the roll call — takes its sentences from here, computed from the one
 * `UnitStatus` of `inbox/roster.ts`. Nothing else decides a unit's status.
 */
import type { Campaign } from '../campaign/campaign.js';
import { formatMessage, type Lang, type MessageCode } from '../core/messages.js';
import type { Params } from '../core/problem.js';
import { exampleFor, fieldById, type Field } from '../form/definition.js';
import { pieceByName } from '../read/index.js';
import { localTime, type UnitStatus } from '../inbox/roster.js';
import type { FileResult, ReceivedFrom } from '../inbox/check.js';

/** What the centre does about a unit: chase groups in the order of the chase list. */
export type ChaseGroup = 'missing' | 'invalid' | 'pieces' | 'late';
export const CHASE_GROUPS: readonly ChaseGroup[] = ['missing', 'invalid', 'pieces', 'late'];

const say = (lang: Lang, code: MessageCode, p?: Params) => formatMessage(code, p, lang);

/** 「未报送」「有误」「缺材料」「逾期」 (the chase list's headings, the workbook's groups). */
export const chaseGroupName = (g: ChaseGroup, lang: Lang) => say(lang, `roll.group.${g}`);

export interface Verdict {
  unit: string;
  /** For tables: 「有效」「有效（逾期）」「按时，截止后更正」「有误」「无法读取」「版本不明」「未报送」. */
  short: string;
  /** The full sentence: 「收到 2 个文件，均无法读取为统计表」, 「按时报送，截止后更正」… */
  long: string;
  /** Counted in the city's totals. */
  included: boolean;
  /** The chase group, or null when nothing is to be asked of the unit. */
  group: ChaseGroup | null;
  /** Pieces the notice asks for that did not arrive (in words). */
  missingPieces: string[];
  /** When received, in the campaign's zone, and how that is known (「邮件 Date」…); empty when unknown. */
  received: string;
  evidence: string;
}

export function evidenceText(from: ReceivedFrom | null, lang: Lang): string {
  if (!from) return '';
  return say(lang, `roll.evidence.${from}`);
}

/** Pieces the notice asks for that did not arrive; a piece sent but broken says so. */
export function missingPieces(u: UnitStatus, lang: Lang): string[] {
  if (u.status === 'missing' || u.status === 'unreadable') return [];
  const broken = (kind: string) => u.unusable.some((p) => pieceByName(p.slice(p.lastIndexOf('!') + 1)) === kind);
  const out: string[] = [];
  if (u.pieces.form && !u.pieces.wordForm) out.push(say(lang, 'roll.piece.wordForm'));
  for (const kind of ['stampedScan', 'workPlan', 'workSummary'] as const) {
    if (u.pieces[kind]) continue;
    const piece = say(lang, `roll.piece.${kind}`);
    out.push(broken(kind) ? say(lang, 'roll.piece.broken', { piece }) : piece);
  }
  return out;
}

/**
 * What the stamped scan calls for (docs/scans.md), from the scan check when it ran:
 * - `seal`: a colour scan without the seal → stamp and scan again;
 * - `colour`: grayscale or black and white, the red is lost → a colour scan;
 * - `scanned`: a PDF exported, never printed → print, stamp, scan;
 * - `readable`: a picture format not read → JPG or an ordinary PDF;
 * and, apart from these, figures that differ from the electronic form (`diffs`) → a scan of the final
 * form. A seal question and differing figures can come together: both are asked.
 */
export type ScanAsk = 'seal' | 'colour' | 'scanned' | 'readable';

export interface ScanRequest {
  file: string;
  ask: ScanAsk | null;
  /** The encoding behind `colour`/`readable` (「JBIG2」), when known. */
  encoding?: string;
  reason?: string;
  /** Fields whose scan value differs from the electronic form. */
  diffs: Array<{ label: string; electronic: string; scan: string; page?: number }>;
}

export function scanRequest(u: Pick<UnitStatus, 'scan' | 'status'>, encoding?: string): ScanRequest | null {
  const scan = u.scan;
  if (!scan || u.status === 'missing') return null;
  let ask: ScanAsk | null = null;
  if (scan.seal === 'notFound') ask = 'seal';
  else if (scan.seal === 'unknown') ask = scan.reason === 'notScanned' ? 'scanned' : scan.reason === 'undecodable' ? 'readable' : 'colour';
  const diffs =
    scan.figuresCheck?.status === 'differ'
      ? scan.figuresCheck.diffs.map(({ label, electronic, scan: value, page }) => ({
          label,
          electronic,
          scan: value,
          ...(page ? { page } : {}),
        }))
      : [];
  if (!ask && !diffs.length) return null;
  return { file: baseName(scan.file), ask, ...(encoding ? { encoding } : {}), ...(scan.reason ? { reason: scan.reason } : {}), diffs };
}

/** The scan request as the chase list and the reminders say it: one line per ask, the differing fields under it. */
export function scanLines(r: ScanRequest, lang: Lang): { lines: string[]; details: string[] } {
  const lines: string[] = [];
  const details: string[] = [];
  if (r.ask === 'seal') lines.push(say(lang, 'roll.scan.seal', { file: r.file }));
  if (r.ask === 'colour') {
    const kind = r.reason === 'bilevel' ? 'bilevel' : r.reason === 'grayscale' ? 'grayscale' : 'noColour';
    lines.push(say(lang, 'roll.scan.colour', { file: r.file, kind: say(lang, `roll.scan.kind.${kind}`, { encoding: r.encoding ?? '' }) }));
  }
  if (r.ask === 'scanned') lines.push(say(lang, 'roll.scan.scanned', { file: r.file }));
  if (r.ask === 'readable') lines.push(say(lang, 'roll.scan.readable', { file: r.file, encoding: r.encoding ?? '' }));
  if (r.diffs.length) {
    lines.push(say(lang, 'roll.scan.final', { file: r.file, n: r.diffs.length }));
    for (const d of r.diffs)
      details.push(say(lang, 'roll.scan.diff', { label: d.label, electronic: d.electronic, scan: d.scan, page: d.page ?? '' }));
    details.push(say(lang, 'roll.scan.finalAsk'));
  }
  return { lines, details };
}

export function verdictOf(u: UnitStatus, campaign: Campaign, lang: Lang): Verdict {
  let short: string;
  let long: string;
  switch (u.status) {
    case 'missing':
      short = long = say(lang, 'roll.verdict.missing');
      break;
    case 'unreadable':
      short = say(lang, 'roll.verdict.unreadable');
      long = say(lang, 'roll.verdict.unreadableLong', { n: u.received.length });
      break;
    case 'ambiguous':
      short = say(lang, 'roll.verdict.ambiguous');
      long = say(lang, 'roll.verdict.ambiguousLong', { n: u.versions.length });
      break;
    case 'invalid':
    case 'valid': {
      const base = say(lang, u.status === 'valid' ? 'roll.verdict.valid' : 'roll.verdict.invalid');
      if (u.timing === 'late') short = long = say(lang, 'roll.verdict.late', { base });
      else if (u.timing === 'corrected') {
        short = say(lang, 'roll.verdict.corrected');
        long = say(lang, 'roll.verdict.correctedLong', u.status === 'invalid' ? { stillInvalid: 1 } : {});
      } else if (u.timing === 'unknown') {
        short = say(lang, 'roll.verdict.timeUnknown', { base });
        long = say(lang, 'roll.verdict.timeUnknownLong', { base });
      } else short = long = base;
    }
  }
  const pieces = missingPieces(u, lang);
  const group: ChaseGroup | null =
    u.status === 'missing' || u.status === 'unreadable'
      ? 'missing'
      : u.status === 'invalid' || u.status === 'ambiguous'
        ? 'invalid'
        : pieces.length || scanRequest(u)
          ? 'pieces'
          : u.late
            ? 'late'
            : null;
  const at = u.receivedAt ? localTime(u.receivedAt, campaign.timezone) : '';
  return {
    unit: u.name,
    short,
    long,
    included: u.included,
    group,
    missingPieces: pieces,
    received: at,
    evidence: evidenceText(u.receivedFrom, lang),
  };
}

/** One unit's block in the chase list: ready to paste into WeChat or a mail. */
export interface ChaseBlock {
  unit: string;
  group: ChaseGroup;
  /** 「东湖区教育体育局　张敏 13907912345」, or a note that the roster has no phone. */
  who: string;
  /** What is wrong and what to send or write, one sentence a line. */
  lines: string[];
}

const baseName = (p: string) => p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('!')) + 1);

/** What to ask of a unit whose files could not be read as its form, by what each file is. */
function askFor(f: UnitStatus['received'][number], lang: Lang): string {
  const name = baseName(f.path);
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.')).toLowerCase() : '';
  if (/^winmail\.dat$/i.test(name)) return say(lang, 'roll.ask.winmail', { name });
  if (f.attachment === 'stampedScan') return say(lang, 'roll.ask.scanOnly', { name });
  if (f.attachment === 'workPlan' || f.attachment === 'workSummary' || f.attachment === 'photo')
    return say(lang, 'roll.ask.notForm', { name, what: say(lang, `roll.what.${f.attachment}`) });
  if (['.rar', '.7z', '.tar', '.gz'].includes(ext)) return say(lang, 'roll.ask.archive', { name, kind: ext.slice(1).toUpperCase() });
  if (['.wps', '.et', '.odt', '.ods', '.pages', '.xls', '.rtf'].includes(ext)) return say(lang, 'roll.ask.format', { name });
  const reason = f.problem ? formatMessage(f.problem.code, f.problem.params, lang).replace(/[。.]$/, '') : '';
  return say(lang, 'roll.ask.unreadable', { name, reason });
}

/** An error of the counted form, as the unit must fix it: the field's label, what it says, what to write. */
function errorLine(p: FileResult['problems'][number], data: FileResult | undefined, lang: Lang, year: number): string {
  const message = formatMessage(p.code, p.params, lang);
  if (!p.field) return message;
  let field: Field | undefined;
  try {
    field = fieldById(p.field);
  } catch {
    return message;
  }
  const written = data?.originals?.[p.field];
  const shown = written && !message.includes(written) ? say(lang, 'roll.error.written', { written }) : '';
  // The form's examples are written for 2023: a later campaign's chase list shows its own year.
  const example = exampleFor(field, year);
  const hint = message.includes(example) ? '' : say(lang, 'roll.error.hint', { hint: lang === 'zh' ? field.hint : field.hintEn, example });
  return say(lang, 'roll.error.line', { label: field.labelPath, shown, message, hint });
}

/** The chase list: one block per unit that must do something, grouped 未报送 → 有误 → 缺材料 → 逾期. */
export function chaseBlocks(results: readonly FileResult[], units: readonly UnitStatus[], campaign: Campaign, lang: Lang): ChaseBlock[] {
  const byPath = new Map(results.map((r) => [r.path, r]));
  const blocks: ChaseBlock[] = [];
  for (const u of units) {
    const v = verdictOf(u, campaign, lang);
    if (!v.group) continue;
    const department = campaign.roster.find((r) => r.name === u.name)?.department ?? u.name;
    const phones = u.contacts.map((c) => `${c.name} ${c.phone}`.trim()).join(lang === 'zh' ? '，' : ', ');
    const who = `${department}${phones ? `${lang === 'zh' ? '　' : '  '}${phones}` : say(lang, 'roll.who.noPhone')}`;
    const lines: string[] = [];
    if (u.status === 'missing') lines.push(say(lang, 'roll.chase.missing', { mailbox: campaign.mailbox, deadline: campaign.deadline }));
    if (u.status === 'unreadable') {
      lines.push(say(lang, 'roll.chase.unreadable', { long: v.long }));
      for (const f of u.received) lines.push(`  - ${askFor(f, lang)}`);
    }
    if (u.status === 'ambiguous') {
      lines.push(say(lang, 'roll.chase.ambiguous', { long: v.long }));
      for (const ver of u.versions)
        lines.push(
          `  - ${say(lang, 'roll.chase.version', {
            name: baseName(ver.path),
            at: ver.receivedAt ? localTime(ver.receivedAt, campaign.timezone) : '',
            activities: ver.activities ?? '?',
            participants: ver.participants ?? '?',
          })}`,
        );
    }
    if (u.status === 'invalid' && u.source) {
      const form = byPath.get(u.source);
      const errors = form?.problems.filter((p) => p.severity === 'error') ?? [];
      lines.push(say(lang, 'roll.chase.invalid', { n: errors.length }));
      for (const p of errors) lines.push(`  - ${errorLine(p, form, lang, campaign.year)}`);
    }
    if (v.missingPieces.length) lines.push(say(lang, 'roll.chase.pieces', { list: v.missingPieces.join(lang === 'zh' ? '、' : ', ') }));
    const scan = scanRequest(u, u.scan ? byPath.get(u.scan.file)?.scan?.encoding : undefined);
    if (scan) {
      const said = scanLines(scan, lang);
      lines.push(...said.lines, ...said.details.map((d) => `  - ${d}`));
    }
    if (u.late && v.received) lines.push(say(lang, 'roll.chase.late', { at: v.received, deadline: campaign.deadline }));
    blocks.push({ unit: u.name, group: v.group, who, lines });
  }
  return CHASE_GROUPS.flatMap((g) => blocks.filter((b) => b.group === g));
}

/**
 * The chase in a few words, for a table row (serve's 汇总): 「3 处错误要改」「缺工作方案、工作总结」
 * 「扫描件未见公章」…; the full lines are in the unit's detail.
 */
export function chaseBrief(u: UnitStatus, campaign: Campaign, lang: Lang, errorCount = 0): string {
  const v = verdictOf(u, campaign, lang);
  if (!v.group) return '';
  const parts: string[] = [];
  if (u.status === 'missing') parts.push(say(lang, 'roll.brief.missing'));
  if (u.status === 'unreadable') parts.push(say(lang, 'roll.brief.unreadable', { n: u.received.length }));
  if (u.status === 'ambiguous') parts.push(say(lang, 'roll.brief.ambiguous', { n: u.versions.length }));
  if (u.status === 'invalid') parts.push(say(lang, 'roll.brief.invalid', { n: errorCount }));
  const short = (['stampedScan', 'workPlan', 'workSummary'] as const).filter((k) => !u.pieces[k]).map((k) => say(lang, `roll.piece.${k}`));
  if (u.pieces.form && !u.pieces.wordForm) short.unshift(say(lang, 'roll.piece.wordShort'));
  if (u.status !== 'missing' && u.status !== 'unreadable' && short.length)
    parts.push(say(lang, 'roll.brief.pieces', { list: short.join(lang === 'zh' ? '、' : ', ') }));
  const scan = scanRequest(u);
  if (scan?.ask) parts.push(say(lang, `roll.brief.${scan.ask}`));
  if (scan?.diffs.length) parts.push(say(lang, 'roll.brief.final', { n: scan.diffs.length }));
  if (u.late) parts.push(say(lang, 'roll.brief.late'));
  return parts.join(lang === 'zh' ? '；' : '; ');
}

/** The chase list as text to paste: a heading per group, one block per unit. No local path in it. */
export function chaseText(blocks: readonly ChaseBlock[], campaign: Campaign, lang: Lang): string {
  if (!blocks.length) return say(lang, 'roll.chase.nobody');
  const out: string[] = [];
  for (const g of CHASE_GROUPS) {
    const mine = blocks.filter((b) => b.group === g);
    if (!mine.length) continue;
    out.push(say(lang, 'roll.chase.heading', { group: chaseGroupName(g, lang), n: mine.length }));
    for (const b of mine)
      out.push(
        lang === 'zh' ? `${b.unit}（${b.who}）` : `${b.unit} (${b.who})`,
        ...b.lines.map((l) => (l.startsWith('  ') ? l : `  ${l}`)),
        '',
      );
  }
  out.push(say(lang, 'roll.chase.footer', { mailbox: campaign.mailbox, deadline: campaign.deadline }));
  return out.join('\n');
}
