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
import { scanLines } from '../report/verdict.js';

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
  // English mail gives dates as 2023-11-30: no Chinese characters in it but the names.
  const dateText = (iso: string) => (zh ? chineseDate(iso) : iso);
  const sections: string[] = [];
  const section = (title: string, lines: string[] = []) => {
    const n = sections.length + 1;
    const head = say(lang, 'roll.remind.section', { n, numeral: NUMERALS[n - 1] ?? String(n), title });
    sections.push([head, ...lines.map((l) => `    ${l}`)].join('\n'));
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
        return e.label
          ? say(lang, 'roll.remind.error', { i: i + 1, label: e.label, where, message: e.message })
          : say(lang, 'roll.remind.errorWhole', { i: i + 1, whole: say(lang, 'remind.wholeFile'), where, message: e.message });
      }),
    );
  }
  if (c.reasons.includes('pieces')) {
    section(say(lang, 'remind.pieces', { pieces: list(c.missingPieces.map((p) => pieceName(p, lang))) }));
  }
  if (c.reasons.includes('scan') && c.scan) {
    // The seal, a colour scan, the final form: what the scan check saw, and what to send instead.
    const said = scanLines(c.scan, lang);
    section(
      said.lines.join('\n    '),
      said.details.map((d, i) => (i < said.details.length - 1 ? `${i + 1}. ${d}` : d)),
    );
  }
  if (c.reasons.includes('unusable')) {
    section(
      say(lang, 'remind.unusable'),
      c.unusable.map((f) => `· ${f}`),
    );
  }
  if (c.reasons.includes('late') && c.receivedAt) {
    section(say(lang, 'remind.late', { at: local(c.receivedAt), deadline: dateText(campaign.deadline) }));
  }

  const contacts = campaign.contacts
    .map((p) => say(lang, 'roll.remind.contact', { name: p.name, org: p.org ?? '', phone: p.phone }))
    .join(zh ? '；' : '; ');
  const subjectCode: MessageCode = c.reasons.includes('missing')
    ? 'remind.subject.missing'
    : c.reasons.some((r) => r === 'invalid' || r === 'unusable' || r === 'pieces' || r === 'ambiguous' || r === 'scan')
      ? 'remind.subject.fix'
      : 'remind.subject.late';
  const subject = say(lang, subjectCode, { year: campaign.year, unit: c.name });
  const body = [
    say(lang, 'roll.remind.salutation', { department: c.department }),
    '',
    `    ${say(lang, 'remind.opening', { year: campaign.year, city: campaign.city, issuer: campaign.issuer, deadline: dateText(campaign.deadline), mailbox: campaign.mailbox, today: dateText(todayIso), receiver: campaign.receiver })}`,
    '',
    ...sections.flatMap((s) => [s, '']),
    `    ${say(lang, left > 0 ? 'remind.daysLeft' : left === 0 ? 'remind.dueToday' : 'remind.overdue', { deadline: dateText(campaign.deadline), days: Math.abs(left), mailbox: campaign.mailbox })}`,
    ...(contacts ? [`    ${say(lang, 'remind.contacts', { contacts })}`] : []),
    `    ${say(lang, 'remind.thanks')}`,
    '',
    `${' '.repeat(24)}${campaign.receiver}`,
    `${' '.repeat(24)}${dateText(todayIso)}`,
    '',
    say(lang, 'remind.footer'),
    '',
  ].join('\n');
  return { subject, body };
}
