/** Helpers every normaliser shares. */
import type { MessageCode } from '../core/messages.js';
import type { Params, Severity } from '../core/problem.js';

// Text helpers live in the core (docs/architecture.md); the normalisers use them through here too.
export { closest, editDistance, foldWidth } from '../core/text.js';

/** A normaliser's verdict on one value: the value (absent when it could not be read) and what it noticed. */
export interface Normalized<T> {
  value?: T;
  /** The text the user wrote, when it differs from how the value is displayed. */
  original?: string;
  problems: Array<{ severity: Severity; code: MessageCode; params?: Params; /** which list item */ item?: number }>;
}

export const ok = <T>(value: T, original?: string): Normalized<T> => ({
  value,
  ...(original !== undefined ? { original } : {}),
  problems: [],
});
export const fail = <T>(code: MessageCode, params?: Params): Normalized<T> => ({
  problems: [{ severity: 'error', code, ...(params ? { params } : {}) }],
});

/** Scalars as text; `null` for empty (null, '', whitespace); `undefined` for lists and mappings. */
export function scalarText(raw: unknown): string | null | undefined {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') {
    // Invisible characters come along when text is copied out of WeChat, a web page or an old Word
    // file, never meant, and no printed form can show them: zero-width spaces and joiners, the emoji
    // variation selectors WeChat adds (「✔️」 is ✔ + U+FE0F), and control characters. Line and
    // paragraph separators, vertical tabs and form feeds are line breaks as the writer saw them.
    const t = raw
      .replace(/[\u200b-\u200d\u2060\ufeff\ufe00-\ufe0f]/g, '')
      .replace(/\r\n?|[\v\f\u2028\u2029\x85]/g, '\n')
      .replace(/[\x00-\x08\x0e-\x1f\x7f-\x9f]/g, '')
      .trim();
    return t === '' ? null : t;
  }
  if (typeof raw === 'number' || typeof raw === 'bigint' || typeof raw === 'boolean') return String(raw);
  return undefined;
}

/** Is the value empty as far as "required" is concerned? */
export function isEmpty(raw: unknown): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw === 'string') return raw.trim() === '';
  if (Array.isArray(raw)) return raw.length === 0;
  if (typeof raw === 'object') return Object.keys(raw).length === 0;
  return false;
}

/** Traditional forms people type with a traditional-character IME. */
export function foldTraditionalNumerals(text: string): string {
  return text.replace(/萬/g, '万').replace(/億/g, '亿').replace(/兩/g, '两');
}

/**
 * Numbers mixing Arabic digits and Chinese magnitudes: 1万2千, 3千5百, 1.2万, 2万零300.
 * Undefined when the text is not such a number.
 */
export function parseMixedNumber(text: string): number | undefined {
  if (!/^(?:\d+(?:\.\d+)?(?:亿|万|千|百|十)?零?)+$/.test(text) || !/[亿万千百十]/.test(text)) return undefined;
  let total = 0;
  let section = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(亿|万|千|百|十)?/g)) {
    const n = Number(m[1]);
    const mag = m[2];
    if (mag === '亿' || mag === '万') {
      total = (total + section + n) * (mag === '亿' ? 1e8 : 1e4);
      section = 0;
    } else if (mag) section += n * { 千: 1e3, 百: 100, 十: 10 }[mag]!;
    else section += n;
  }
  return total + section;
}

/** Simplified Chinese numerals: 三十六, 一万二千, 两百, 十二, 〇 … */
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
export function parseChineseNumeral(text: string): number | undefined {
  if (!/^[零〇一二两三四五六七八九十百千万亿]+$/.test(text)) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
    } else if (ch in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[ch]!;
      digit = undefined;
    } else if (ch === '万' || ch === '亿') {
      const mult = ch === '万' ? 1e4 : 1e8;
      total = (total + section + (digit ?? 0)) * mult;
      section = 0;
      digit = undefined;
    }
  }
  return total + section + (digit ?? 0);
}
