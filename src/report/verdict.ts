/**
 * The words of one verdict. Every place that says how a unit stands — the roll call in the terminal,
 * the workbook's 汇总 and 报送情况 sheets, `--json`, the chase list, the city report's note, and the
 * reminders built on the roll call — takes its sentences from here, computed from the one
 * `UnitStatus` of `inbox/roster.ts`. Nothing else decides a unit's status.
 */
import type { Campaign } from '../campaign/campaign.js';
import { formatMessage, type Lang } from '../core/messages.js';
import { exampleFor, fieldById, type Field } from '../form/definition.js';
import { pieceByName } from '../read/index.js';
import { localTime, type UnitStatus } from '../inbox/roster.js';
import type { FileResult, ReceivedFrom } from '../inbox/check.js';

/** What the centre does about a unit: chase groups in the order of the chase list. */
export type ChaseGroup = 'missing' | 'invalid' | 'pieces' | 'late';
export const CHASE_GROUPS: readonly ChaseGroup[] = ['missing', 'invalid', 'pieces', 'late'];
export const CHASE_GROUP_ZH: Record<ChaseGroup, string> = { missing: '未报送', invalid: '有误', pieces: '缺材料', late: '逾期' };
const CHASE_GROUP_EN: Record<ChaseGroup, string> = { missing: 'Not reported', invalid: 'With errors', pieces: 'Pieces missing', late: 'Late' };

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

const EVIDENCE_ZH: Record<ReceivedFrom, string> = { record: '收件记录', mail: '邮件时间', file: '文件时间', copy: '不明（复制时间）' };
const EVIDENCE_EN: Record<ReceivedFrom, string> = { record: 'record', mail: 'mail Date', file: 'file time', copy: 'unknown (copy time)' };

export function evidenceText(from: ReceivedFrom | null, lang: Lang): string {
  if (!from) return '';
  return (lang === 'zh' ? EVIDENCE_ZH : EVIDENCE_EN)[from];
}

/** Pieces the notice asks for that did not arrive; a piece sent but broken says so. */
export function missingPieces(u: UnitStatus, lang: Lang): string[] {
  if (u.status === 'missing' || u.status === 'unreadable') return [];
  const zh = lang === 'zh';
  const broken = (kind: string) => u.unusable.some((p) => pieceByName(p.slice(p.lastIndexOf('!') + 1)) === kind);
  const out: string[] = [];
  const piece = (has: boolean, kind: string, zhName: string, enName: string) => {
    if (has) return;
    out.push(zh ? (broken(kind) ? `${zhName}（收到的文件打不开，请重新发送）` : zhName) : broken(kind) ? `${enName} (the file sent is broken)` : enName);
  };
  if (u.pieces.form && !u.pieces.wordForm) out.push(zh ? '统计表的 Word 文件（.docx）' : 'the form as a Word file (.docx)');
  piece(u.pieces.stampedScan, 'stampedScan', '盖章扫描件', 'stamped scan');
  piece(u.pieces.workPlan, 'workPlan', '工作方案', 'work plan');
  piece(u.pieces.workSummary, 'workSummary', '工作总结', 'work summary');
  return out;
}

export function verdictOf(u: UnitStatus, campaign: Campaign, lang: Lang): Verdict {
  const zh = lang === 'zh';
  let short: string;
  let long: string;
  switch (u.status) {
    case 'missing':
      short = long = zh ? '未报送' : 'not reported';
      break;
    case 'unreadable':
      short = zh ? '无法读取' : 'unreadable';
      long = zh ? `收到 ${u.received.length} 个文件，均无法读取为统计表` : `${u.received.length} file(s) received, none readable as the form`;
      break;
    case 'ambiguous':
      short = zh ? '版本不明' : 'two versions';
      long = zh ? `收到 ${u.versions.length} 个内容不同的版本，无法判断以哪个为准` : `${u.versions.length} different versions; cannot tell which counts`;
      break;
    case 'invalid':
    case 'valid': {
      const base = u.status === 'valid' ? (zh ? '有效' : 'valid') : zh ? '有误' : 'invalid';
      if (u.timing === 'late') short = long = zh ? `${base}（逾期）` : `${base} (late)`;
      else if (u.timing === 'corrected') {
        short = zh ? '按时，截止后更正' : 'on time, corrected';
        long = zh ? `按时报送，截止后更正${u.status === 'invalid' ? '（更正版仍有误）' : ''}` : `on time, corrected after the deadline${u.status === 'invalid' ? ' (still invalid)' : ''}`;
      } else if (u.timing === 'unknown') {
        short = zh ? `${base}（时间不明）` : `${base} (time unknown)`;
        long = zh ? `${base}（收到时间不明：文件时间是复制时间）` : `${base} (received time unknown: the file time is a copy's)`;
      } else short = long = base;
    }
  }
  const pieces = missingPieces(u, lang);
  const group: ChaseGroup | null =
    u.status === 'missing' || u.status === 'unreadable'
      ? 'missing'
      : u.status === 'invalid' || u.status === 'ambiguous'
        ? 'invalid'
        : pieces.length
          ? 'pieces'
          : u.late
            ? 'late'
            : null;
  const at = u.receivedAt ? localTime(u.receivedAt, campaign.timezone) : '';
  return { unit: u.name, short, long, included: u.included, group, missingPieces: pieces, received: at, evidence: evidenceText(u.receivedFrom, lang) };
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
  const zh = lang === 'zh';
  const name = baseName(f.path);
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.')).toLowerCase() : '';
  if (/^winmail\.dat$/i.test(name))
    return zh
      ? `「${name}」是 Outlook 以 RTF 格式发信时把附件打包成的文件，打不开：请在 Outlook 中改用 HTML 或纯文本格式，重新发送统计表（.docx）`
      : `“${name}” is Outlook’s rich-text wrapper (winmail.dat): resend in HTML or plain-text format with the form as .docx`;
  if (f.attachment === 'stampedScan')
    return zh ? `「${name}」是盖章扫描件，只能看不能汇总：请同时发送统计表的 Word 文件（.docx）` : `“${name}” is the stamped scan: also send the form as a Word file (.docx)`;
  if (f.attachment === 'workPlan' || f.attachment === 'workSummary' || f.attachment === 'photo')
    return zh ? `「${name}」是${f.attachment === 'workPlan' ? '工作方案' : f.attachment === 'workSummary' ? '工作总结' : '活动照片'}，不是统计表：请发送填好的统计表（.docx）` : `“${name}” is not the form: send the filled form (.docx)`;
  if (['.rar', '.7z', '.tar', '.gz'].includes(ext))
    return zh ? `「${name}」是 ${ext.slice(1).toUpperCase()} 压缩包，无法打开：请把统计表（.docx）直接作为附件发送，或改用 .zip 压缩` : `“${name}” is a ${ext.slice(1)} archive: send the form (.docx) as a plain attachment or in a .zip`;
  if (['.wps', '.et', '.odt', '.ods', '.pages', '.xls', '.rtf'].includes(ext))
    return zh ? `「${name}」的格式无法读取：请在 Word 或 WPS 中「另存为」Word 文档（.docx）后重新发送` : `“${name}” is in a format that cannot be read: save it as .docx and resend`;
  const reason = f.problem ? formatMessage(f.problem.code, f.problem.params, lang).replace(/[。.]$/, '') : '';
  return zh ? `「${name}」无法读取${reason ? `（${reason}）` : ''}：请重新发送统计表的 Word 文件（.docx）` : `“${name}” cannot be read${reason ? ` (${reason})` : ''}: resend the form as .docx`;
}

/** An error of the counted form, as the unit must fix it: the field's label, what it says, what to write. */
function errorLine(p: FileResult['problems'][number], data: FileResult | undefined, lang: Lang, year: number): string {
  const zh = lang === 'zh';
  const message = formatMessage(p.code, p.params, lang);
  if (!p.field) return message;
  let field: Field | undefined;
  try {
    field = fieldById(p.field);
  } catch {
    return message;
  }
  const written = data?.originals?.[p.field];
  const shown = written && !message.includes(written) ? (zh ? `（填的是「${written}」）` : ` (it says “${written}”)`) : '';
  // The form's examples are written for 2023: a later campaign's chase list shows its own year.
  const example = exampleFor(field, year);
  const hint = message.includes(example) ? '' : zh ? `应填写：${field.hint}，例如「${example}」。` : ` Write: ${field.hintEn}, e.g. “${example}”.`;
  return zh ? `「${field.labelPath}」${shown}：${message}${hint}` : `${field.labelPath}${shown}: ${message}${hint}`;
}

/** The chase list: one block per unit that must do something, grouped 未报送 → 有误 → 缺材料 → 逾期. */
export function chaseBlocks(results: readonly FileResult[], units: readonly UnitStatus[], campaign: Campaign, lang: Lang): ChaseBlock[] {
  const zh = lang === 'zh';
  const byPath = new Map(results.map((r) => [r.path, r]));
  const blocks: ChaseBlock[] = [];
  for (const u of units) {
    const v = verdictOf(u, campaign, lang);
    if (!v.group) continue;
    const department = campaign.roster.find((r) => r.name === u.name)?.department ?? u.name;
    const phones = u.contacts.map((c) => `${c.name} ${c.phone}`.trim()).join('，');
    const who = `${department}${phones ? `　${phones}` : zh ? '　（名册里没有联系电话：请在活动配置的 roster 中为该单位写 contacts）' : ' (no phone in the roster: add contacts to the campaign file)'}`;
    const lines: string[] = [];
    if (u.status === 'missing')
      lines.push(zh ? `尚未收到统计表和材料，请尽快发送至 ${campaign.mailbox}（截止 ${campaign.deadline}）。` : `Nothing received yet; send the form and pieces to ${campaign.mailbox} by ${campaign.deadline}.`);
    if (u.status === 'unreadable') {
      lines.push(zh ? `${v.long}：` : `${v.long}:`);
      for (const f of u.received) lines.push(`  - ${askFor(f, lang)}`);
    }
    if (u.status === 'ambiguous') {
      lines.push(zh ? `${v.long}，请确认以哪一份为准：` : `${v.long}; which one counts?`);
      for (const ver of u.versions)
        lines.push(
          zh
            ? `  - 「${baseName(ver.path)}」${ver.receivedAt ? `（${localTime(ver.receivedAt, campaign.timezone)} 收到）` : ''}：活动 ${ver.activities ?? '?'} 场，参加 ${ver.participants ?? '?'} 人次`
            : `  - “${baseName(ver.path)}”: ${ver.activities ?? '?'} activities, ${ver.participants ?? '?'} participants`,
        );
    }
    if (u.status === 'invalid' && u.source) {
      const form = byPath.get(u.source);
      const errors = form?.problems.filter((p) => p.severity === 'error') ?? [];
      lines.push(zh ? `统计表有 ${errors.length} 处需要更正，改好后请重新发送：` : `The form has ${errors.length} error(s); correct and resend:`);
      for (const p of errors) lines.push(`  - ${errorLine(p, form, lang, campaign.year)}`);
    }
    if (v.missingPieces.length) lines.push(zh ? `还缺：${v.missingPieces.join('、')}，请补发。` : `Still missing: ${v.missingPieces.join(', ')}.`);
    if (u.late && v.received)
      lines.push(zh ? `统计表 ${v.received} 收到，晚于截止时间 ${campaign.deadline} 24:00（逾期，已计入）。` : `Received ${v.received}, after the deadline ${campaign.deadline} (late, counted).`);
    blocks.push({ unit: u.name, group: v.group, who, lines });
  }
  return CHASE_GROUPS.flatMap((g) => blocks.filter((b) => b.group === g));
}

/** The chase list as text to paste: a heading per group, one block per unit. No local path in it. */
export function chaseText(blocks: readonly ChaseBlock[], campaign: Campaign, lang: Lang): string {
  const zh = lang === 'zh';
  if (!blocks.length) return zh ? '所有单位均已按时报送，材料齐全且有效，无需催报。' : 'Every unit reported on time with everything valid: nobody to chase.';
  const out: string[] = [];
  for (const g of CHASE_GROUPS) {
    const mine = blocks.filter((b) => b.group === g);
    if (!mine.length) continue;
    out.push(zh ? `【${CHASE_GROUP_ZH[g]}】${mine.length} 个单位` : `[${CHASE_GROUP_EN[g]}] ${mine.length} unit(s)`);
    for (const b of mine) out.push(`${b.unit}（${b.who}）`, ...b.lines.map((l) => (l.startsWith('  ') ? l : `  ${l}`)), '');
  }
  out.push(zh ? `报送邮箱：${campaign.mailbox}　截止：${campaign.deadline}` : `Mailbox: ${campaign.mailbox}  deadline: ${campaign.deadline}`);
  return out.join('\n');
}
