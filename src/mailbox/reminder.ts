/**
 * The words of one reminder (催报邮件): subject and body, polite and official, addressed to the
 * unit's 教育行政部门, saying exactly what is missing or wrong (each error with its file, field label
 * and fix), the deadline and the days left, the mailbox and the centre's contacts. Pure.
 */
import type { Campaign } from '../campaign/campaign.js';
import { isoInZone } from '../core/clock.js';
import { formatMessage, type Lang, type MessageCode } from '../core/messages.js';
import type { Params } from '../core/problem.js';
import type { Piece, UnitCase } from './roll-call.js';

export interface ReminderText {
  subject: string;
  body: string;
}

const say = (lang: Lang, code: MessageCode, p?: Params) => formatMessage(code, p, lang);

/** 2023-11-30 → 2023年11月30日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Whole days from today (in the campaign's zone) to the deadline day; negative when past. */
export function daysLeft(campaign: Campaign, today: Date): number {
  const day = isoInZone(today, campaign.timezone).slice(0, 10);
  return Math.round((Date.parse(`${campaign.deadline}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function pieceName(piece: Piece, lang: Lang): string {
  return say(lang, `remind.piece.${piece}` as MessageCode);
}

export function reminderText(c: UnitCase, campaign: Campaign, today: Date, lang: Lang): ReminderText {
  const zh = lang === 'zh';
  const todayIso = isoInZone(today, campaign.timezone).slice(0, 10);
  const local = (iso: string) => isoInZone(new Date(iso), campaign.timezone).slice(0, 16).replace('T', ' ');
  const left = daysLeft(campaign, today);
  const sections: string[] = [];
  const section = (title: string, lines: string[] = []) => {
    const n = NUMERALS[sections.length] ?? String(sections.length + 1);
    sections.push([`${zh ? `${n}、` : `${sections.length + 1}. `}${title}`, ...lines.map((l) => `    ${l}`)].join('\n'));
  };
  const list = (xs: string[]) => xs.join(zh ? '、' : ', ');

  if (c.reasons.includes('ambiguous')) {
    section(say(lang, 'remind.ambiguous'), c.versions);
  }
  if (c.reasons.includes('missing')) {
    section(say(lang, 'remind.missing', { pieces: list(c.missingPieces.map((p) => pieceName(p, lang))) }), [say(lang, 'remind.templates')]);
  }
  if (c.reasons.includes('invalid')) {
    section(
      say(lang, 'remind.invalid', { file: c.source ?? '', count: c.errors.length }),
      c.errors.map((e, i) => {
        const where = e.line ? say(lang, 'remind.where', { line: e.line, in: e.in ?? '' }) : '';
        return `${i + 1}. ${e.label ? `${zh ? '「' : '“'}${e.label}${zh ? '」' : '”'}` : say(lang, 'remind.wholeFile')}${where}${zh ? '：' : ': '}${e.message}`;
      }),
    );
  }
  if (c.reasons.includes('pieces')) {
    section(say(lang, 'remind.pieces', { pieces: list(c.missingPieces.map((p) => pieceName(p, lang))) }));
  }
  if (c.reasons.includes('unusable')) {
    section(say(lang, 'remind.unusable'), c.unusable.map((f) => `· ${f}`));
  }
  if (c.reasons.includes('late') && c.receivedAt) {
    section(say(lang, 'remind.late', { at: local(c.receivedAt), deadline: chineseDate(campaign.deadline) }));
  }

  const contacts = campaign.contacts.map((p) => `${p.name}${p.org ? (zh ? `（${p.org}）` : ` (${p.org})`) : ''} ${p.phone}`).join(zh ? '；' : '; ');
  const subjectCode: MessageCode = c.reasons.includes('missing')
    ? 'remind.subject.missing'
    : c.reasons.includes('invalid') || c.reasons.includes('unusable') || c.reasons.includes('pieces') || c.reasons.includes('ambiguous')
      ? 'remind.subject.fix'
      : 'remind.subject.late';
  const subject = say(lang, subjectCode, { year: campaign.year, unit: c.name });
  const body = [
    `${c.department}${zh ? '：' : ':'}`,
    '',
    `    ${say(lang, 'remind.opening', { year: campaign.year, city: campaign.city, issuer: campaign.issuer, deadline: chineseDate(campaign.deadline), mailbox: campaign.mailbox, today: chineseDate(todayIso), receiver: campaign.receiver })}`,
    '',
    ...sections.flatMap((s) => [s, '']),
    `    ${say(lang, left > 0 ? 'remind.daysLeft' : left === 0 ? 'remind.dueToday' : 'remind.overdue', { deadline: chineseDate(campaign.deadline), days: Math.abs(left), mailbox: campaign.mailbox })}`,
    ...(contacts ? [`    ${say(lang, 'remind.contacts', { contacts })}`] : []),
    `    ${say(lang, 'remind.thanks')}`,
    '',
    `${' '.repeat(24)}${campaign.receiver}`,
    `${' '.repeat(24)}${chineseDate(todayIso)}`,
    '',
    say(lang, 'remind.footer'),
    '',
  ].join('\n');
  return { subject, body };
}
