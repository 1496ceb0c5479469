/**
 * How a validated value is written on the printed form and in tables. Every renderer (DOCX, PDF,
 * terminal summary, spreadsheet text cells) uses this, and every importer can read it back: the
 * normalisers accept exactly what this produces, so `read(render(x))` gives `x`.
 */
import type { Field } from './definition.js';
import type { Contact, Period } from './schema.js';

/** 「张敏 0791-86771234；李华 13907912345」: the full-width semicolon is how the notice separates contacts. */
export function formatContacts(contacts: readonly Contact[]): string {
  return contacts.map((c) => `${c.name} ${c.phone}`).join('；');
}

/** 2023-11-15 → 2023年11月15日 */
export function formatChineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * The period as printed: always the normalised 「2023年11月15日至11月21日」, which is what the
 * interview echoes when the answer is read (「11.15-11.21」 printed without its year said less than
 * the screen did). The text as typed stays in `period.text`.
 */
export function formatPeriod(period: Period): string {
  return formatPeriodCanonical(period);
}

export function formatPeriodCanonical(period: Pick<Period, 'start' | 'end'>): string {
  if (period.start === period.end) return formatChineseDate(period.start);
  const [sy] = period.start.split('-');
  const [ey, em, ed] = period.end.split('-').map(Number);
  const end = sy === String(ey) ? `${em}月${ed}日` : formatChineseDate(period.end);
  return `${formatChineseDate(period.start)}至${end}`;
}

export function formatPercent(value: number): string {
  return `${value}%`;
}

/** The text of one field's value; empty string when it has none. */
export function displayValue(field: Field, value: unknown): string {
  if (value === undefined || value === null) return '';
  switch (field.kind) {
    case 'contacts':
      return formatContacts(value as Contact[]);
    case 'dateRange':
      return formatPeriod(value as Period);
    case 'percent':
      return formatPercent(value as number);
    case 'count':
    case 'year':
      return String(value);
    default:
      return String(value);
  }
}
