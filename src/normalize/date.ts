/**
 * 活动时间 as people write it (docs/form.md, "The values people really write"): 2023年11月15日至11月21日, 2023年11月15日—21日,
 * 11月15日-11月21日 (year from the campaign), 2023.11.15-2023.11.21, 2023-11-15 ~ 2023-11-21, a single
 * day 2023年11月18日. Vague text (11月中下旬) is an error asking for exact dates. The original text is
 * kept as `text`.
 */
import { isRealDate } from '../campaign/campaign.js';
import { formatPeriodCanonical } from '../form/display.js';
import { fail, foldWidth, parseChineseNumeral, scalarText, type Normalized } from './common.js';

export interface PeriodValue {
  start: string;
  end: string;
  text: string;
}

const FULL = String.raw`(\d{4})\s*(?:年|\.|-|/)\s*(\d{1,2})\s*(?:月|\.|-|/)\s*(\d{1,2})\s*(?:日|号)?`;
const MONTH_DAY = String.raw`(\d{1,2})\s*(?:月|\.|/)\s*(\d{1,2})\s*(?:日|号)?`;
const DAY = String.raw`(\d{1,2})\s*(?:日|号)?`;
const SEP = String.raw`\s*(?:至|到|~|〜|—+|–|-|―|－)\s*`;

type Parts = (m: RegExpExecArray, year: number) => [number, number, number, number, number, number];
const PATTERNS: Array<[RegExp, Parts]> = [
  [new RegExp(`^${FULL}${SEP}${FULL}$`), (m) => [+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!]],
  [new RegExp(`^${FULL}${SEP}${MONTH_DAY}$`), (m) => [+m[1]!, +m[2]!, +m[3]!, +m[1]!, +m[4]!, +m[5]!]],
  [new RegExp(`^${FULL}${SEP}${DAY}$`), (m) => [+m[1]!, +m[2]!, +m[3]!, +m[1]!, +m[2]!, +m[4]!]],
  [new RegExp(`^${MONTH_DAY}${SEP}${MONTH_DAY}$`), (m, y) => [y, +m[1]!, +m[2]!, y, +m[3]!, +m[4]!]],
  [new RegExp(`^${MONTH_DAY}${SEP}${DAY}$`), (m, y) => [y, +m[1]!, +m[2]!, y, +m[1]!, +m[3]!]],
  [new RegExp(`^${FULL}$`), (m) => [+m[1]!, +m[2]!, +m[3]!, +m[1]!, +m[2]!, +m[3]!]],
  [new RegExp(`^${MONTH_DAY}$`), (m, y) => [y, +m[1]!, +m[2]!, y, +m[1]!, +m[2]!]],
];
const VAGUE = /上旬|中旬|下旬|月初|月中|月底|月末|期间|前后|左右|近期|待定|若干|一周|本周|周末/;
/** 「（星期三）」「(周三)」 annotations say nothing the date does not. */
const WEEKDAY = /[(（]\s*(?:星期|周|礼拜)[一二三四五六日天]\s*[)）]/g;

/** 二〇二三年十一月十五日 → 2023年11月15日: years digit by digit, months and days as numbers. */
function arabicDates(text: string): string {
  return text
    .replace(/([〇零一二三四五六七八九]{4})(?=\s*年)/g, (y) => [...y].map((c) => String(parseChineseNumeral(c) ?? c)).join(''))
    .replace(/[〇零一二两三四五六七八九十]+(?=\s*[月日号])/g, (n) => String(parseChineseNumeral(n) ?? n));
}

/**
 * What people add around the dates that says nothing the dates do not: weekdays, bracketed notes
 * (「（共7天）」), a trailing clause without dates (「，为期一周」).
 */
function stripNotes(text: string): string {
  let t = text.replace(WEEKDAY, '').replace(/\([^()]*\)|（[^（）]*）/g, '');
  const clause = /^(.*?\d\s*[日号])\s*[,，;；。、]\s*([^\d]*)$/.exec(t);
  if (clause) t = clause[1]!;
  return t.replace(/[。.]\s*$/, '').trim();
}

/**
 * The exact dates written in brackets beside a vague period, as a period of their own (the year
 * of the text around them when it names one), or undefined.
 */
function exactBeside(text: string, campaignYear: number): string | undefined {
  const folded = arabicDates(foldWidth(text)).replace(WEEKDAY, '');
  const year = /(\d{4})\s*年/.exec(folded)?.[1] ?? String(campaignYear);
  for (const m of folded.matchAll(/\(([^()]*)\)|（([^（）]*)）/g)) {
    const inner = (m[1] ?? m[2] ?? '').trim();
    if (!/\d/.test(inner) || VAGUE.test(inner)) continue;
    const withYear = /^\d{4}/.test(inner)
      ? inner
      : /^\d{1,2}\s*[.月/]/.test(inner)
        ? `${year}年${inner.replace(/^(\d{1,2})\s*\.\s*(\d{1,2})/, '$1月$2日')}`
        : inner;
    const dotted = withYear.replace(/(\d{1,2})\.(\d{1,2})(?!\d)/g, '$1月$2日');
    for (const [re] of PATTERNS) if (re.test(stripNotes(dotted).replace(/\s+/g, ' ').trim())) return dotted;
  }
  return undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Parse one date written alone (for `{start, end}` objects). */
function parseSingle(text: string, year: number): string | undefined {
  const folded = stripNotes(arabicDates(foldWidth(text)));
  for (const [re, parts] of [PATTERNS[5]!, PATTERNS[6]!]) {
    const m = re.exec(folded);
    if (m) {
      const [y, mo, d] = parts(m, year);
      return iso(y, mo, d);
    }
  }
  return undefined;
}

export function normalizePeriod(raw: unknown, campaignYear: number): Normalized<PeriodValue> {
  let start: string;
  let end: string;
  let text: string;
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    const o = raw as Record<string, unknown>;
    const s = scalarText(o.start ?? o['开始'] ?? o['开始日期']);
    const e = scalarText(o.end ?? o['结束'] ?? o['结束日期']);
    const given = scalarText(o.text);
    const shown = [s, e].filter(Boolean).join(' 至 ');
    if (!s || !e) return fail('date.invalid', { text: shown || JSON.stringify(raw), year: campaignYear });
    const ps = parseSingle(s, campaignYear);
    const pe = parseSingle(e, campaignYear);
    if (!ps || !pe) return fail('date.invalid', { text: shown, year: campaignYear });
    [start, end] = [ps, pe];
    text = typeof given === 'string' ? given : formatPeriodCanonical({ start, end });
  } else {
    const t = scalarText(raw);
    if (t === undefined) return fail('value.notText');
    if (t === null) return { problems: [] };
    text = t;
    const folded = stripNotes(arabicDates(foldWidth(t)))
      .replace(/\s+/g, ' ')
      .trim();
    let parts: ReturnType<Parts> | undefined;
    for (const [re, fn] of PATTERNS) {
      const m = re.exec(folded);
      if (m) {
        parts = fn(m, campaignYear);
        break;
      }
    }
    if (!parts && VAGUE.test(folded)) {
      // 「2023年11月中旬(11.13-11.19)」「11月中下旬（11月15日—21日）」: the exact dates beside the
      // vague period win, and the reader is told.
      const exact = exactBeside(t, campaignYear);
      if (exact) {
        const found = normalizePeriod(exact, campaignYear);
        if (found.value)
          return {
            value: { ...found.value, text },
            problems: [
              ...found.problems,
              { severity: 'warning', code: 'date.vagueWithExact', params: { text, start: found.value.start, end: found.value.end } },
            ],
          };
      }
    }
    if (!parts) return fail(VAGUE.test(folded) ? 'date.vague' : 'date.invalid', { text, year: campaignYear });
    start = iso(parts[0], parts[1], parts[2]);
    end = iso(parts[3], parts[4], parts[5]);
  }
  for (const d of [start, end]) if (!isRealDate(d)) return fail('date.notReal', { date: d });
  if (end < start) return fail('date.endBeforeStart', { start, end });
  return { value: { start, end, text }, problems: [] };
}
