/**
 * Does the scan say what the electronic form says? (docs/scans.md) Pure: the scan's text with
 * positions, the unit's validated electronic data and the campaign in; per field, equal, different or
 * not read, out.
 *
 * The scan's text is paired label → value by position with the one label matcher
 * (`read/positioned.ts`) and normalised by the one validation (`validate/validate.ts`), so 「1.2万」
 * on paper equals 12000 in the Word file. Compared: the unit's name (举办县区 and the department on
 * the stamp line), every number, the period, and the contacts' phone numbers. A difference is a 提醒
 * for a person to look at (an older printout scanned, or a misread), never an error.
 */
import type { Campaign } from '../campaign/campaign.js';
import { formatMessage, type Lang, type MessageCode } from '../core/messages.js';
import type { Params } from '../core/problem.js';
import { FIELDS, getPath, type Field } from '../form/definition.js';
import { displayValue } from '../form/display.js';
import type { Contact, Period } from '../form/schema.js';
import { pairByPosition, type PositionedText } from '../read/positioned.js';
import { validateRaw } from '../validate/validate.js';
import { splitLines } from './ocr.js';

export interface FigureDiff {
  field: string;
  label: string;
  electronic: string;
  scan: string;
  /** The scan's page the value was read on. */
  page?: number;
}

export interface FiguresCheck {
  status: 'match' | 'differ' | 'unchecked';
  diffs: FigureDiff[];
  /** Labels compared and found equal. */
  same: string[];
  /** Labels the scan's text did not yield (a misread, or covered): neither equal nor different. */
  unread: string[];
  /** For unchecked: why. */
  why?: 'noText' | 'noElectronic' | 'noOcr';
}

/** The fields compared, from the one definition: the unit, the department, numbers, dates, phones. */
export const COMPARED_FIELDS: readonly Field[] = FIELDS.filter(
  (f) =>
    f.kind === 'unit' ||
    f.kind === 'count' ||
    f.kind === 'percent' ||
    f.kind === 'dateRange' ||
    f.kind === 'contacts' ||
    f.default === 'roster.department',
);

/** A mobile (11 digits from 1) or a landline with its area code (0791-86771234). */
const PHONE = /(?<!\d)(?:0\d{2,3}-?\d{7,8}|1[3-9]\d{9})(?!\d)/g;
const squeeze = (s: string) => s.replace(/[\s·•、，,。.（）()：:]/g, '');
const phonesOf = (contacts: unknown): string[] =>
  Array.isArray(contacts)
    ? [...new Set((contacts as Contact[]).map((c) => String(c.phone).replace(/\D/g, '')).filter((p) => p.length >= 7))].sort()
    : [];

/** Equal as the form means it: numbers as numbers, periods by their days, phones as digits, names without spaces. */
function same(field: Field, a: unknown, b: unknown): boolean {
  switch (field.kind) {
    case 'count':
    case 'percent':
      return Number(a) === Number(b);
    case 'dateRange':
      return (a as Period).start === (b as Period).start && (a as Period).end === (b as Period).end;
    default:
      return squeeze(String(a)) === squeeze(String(b));
  }
}

export function compareFigures(
  items: readonly PositionedText[],
  electronic: Record<string, unknown> | null,
  campaign: Campaign,
): FiguresCheck {
  const empty = { diffs: [], same: [], unread: [] };
  if (!electronic) return { status: 'unchecked', why: 'noElectronic', ...empty };
  if (items.length === 0) return { status: 'unchecked', why: 'noText', ...empty };
  // Paired by position; a one-line value takes its own line (read/positioned.ts).
  const raw = pairByPosition(splitLines(items));
  const scanned = validateRaw(raw, campaign);
  const out: FiguresCheck = { status: 'match', diffs: [], same: [], unread: [] };
  // Phone numbers stand only in 联系人及电话 on this form: the paper's phones are every phone number
  // on it, wherever the pairing put its line.
  const paperPhones = new Map<string, number>();
  for (const i of items)
    for (const m of i.text.replace(/\s/g, '').matchAll(PHONE))
      if (!paperPhones.has(m[0].replace(/\D/g, ''))) paperPhones.set(m[0].replace(/\D/g, ''), i.page);
  for (const field of COMPARED_FIELDS) {
    const mine = getPath(electronic, field.id);
    if (mine === undefined || mine === null) continue;
    if (field.kind === 'contacts') {
      const want = phonesOf(mine);
      if (paperPhones.size === 0) out.unread.push(field.labelPath);
      else if (want.every((p) => paperPhones.has(p))) out.same.push(field.labelPath);
      else
        out.diffs.push({
          field: field.id,
          label: field.labelPath,
          electronic: want.join('、'),
          scan: [...paperPhones.keys()].sort().join('、'),
          page: [...paperPhones.values()][0]!,
        });
      continue;
    }
    const entry = raw.entries.get(field.id);
    const theirs = getPath(scanned.data, field.id);
    // A value the reader did not find, or found and could not normalise: not read, not a difference.
    if (!entry || theirs === undefined || theirs === null) {
      out.unread.push(field.labelPath);
      continue;
    }
    if (same(field, mine, theirs)) {
      out.same.push(field.labelPath);
      continue;
    }
    // A name read with characters missing or extra (a seal over it) is read unclearly, not different:
    // another unit's name has the same length (东湖区教育体育局 / 西湖区教育体育局).
    if ((field.kind === 'text' || field.kind === 'unit') && [...squeeze(String(theirs))].length !== [...squeeze(String(mine))].length) {
      out.unread.push(field.labelPath);
      continue;
    }
    const page = Number(/第(\d+)页/.exec(entry.loc?.in ?? '')?.[1]);
    out.diffs.push({
      field: field.id,
      label: field.labelPath,
      electronic: displayValue(field, mine),
      scan: displayValue(field, theirs),
      ...(Number.isFinite(page) ? { page } : {}),
    });
  }
  if (out.diffs.length) out.status = 'differ';
  else if (out.same.length === 0) return { status: 'unchecked', why: 'noText', ...empty, unread: out.unread };
  return out;
}

/** One line for the 报送情况 sheet and the terminal: 扫描件与电子版一致 / 有出入：… / 无法核对：… (in the reader's language). */
export function figuresLine(check: FiguresCheck, lang: Lang = 'zh'): string {
  const say = (code: MessageCode, p?: Params) => formatMessage(code, p, lang);
  if (check.status === 'match')
    return (
      say('roll.figures.match') +
      (check.unread.length ? say('roll.figures.unread', { list: check.unread.join(lang === 'zh' ? '、' : ', ') }) : '')
    );
  if (check.status === 'differ')
    return say('roll.figures.differ', {
      list: check.diffs
        .map((d) => say('roll.figures.diff', { label: d.label, electronic: d.electronic, scan: d.scan, page: d.page ?? '' }))
        .join(lang === 'zh' ? '；' : '; '),
    });
  return say('roll.figures.unchecked', { why: say(`roll.figures.why.${check.why ?? 'noText'}`) });
}
