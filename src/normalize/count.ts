/**
 * Counts as people really write them (docs/form.md, "The values people really write"): 36, ３６, 3,000,
 * 3000人次, 36场, 约3000, 3000余人, 1.2万人次, 三十六场. 约/余/多 mean "approximately": the number is
 * accepted with a warning. 很多, 若干 are not numbers.
 */
import { fail, foldTraditionalNumerals, foldWidth, parseChineseNumeral, parseMixedNumber, scalarText, type Normalized } from './common.js';

const APPROX_BEFORE = '约|大约|近|将近|接近|超过|逾|达|多达|共计|共|合计|计|累计';
const UNITS = '人次|人|名|场次|场|项|次|个|期|户|家|余人次|余人';
const ARABIC = new RegExp(
  `^(?<pre>${APPROX_BEFORE})?(?<num>\\d+(?:,\\d{3})*(?:\\.\\d+)?|\\d*\\.\\d+)(?<mag>万|千|百|w|W|k|K)?(?<post>余|多|\\+)?(?<unit>${UNITS})?(?<tail>余|多|左右|以上|\\+)?$`,
);
const MIXED = new RegExp(
  `^(?<pre>${APPROX_BEFORE})?(?<num>(?:\\d+(?:\\.\\d+)?(?:亿|万|千|百|十)零?)+\\d*)(?<post>余|多|\\+)?(?<unit>${UNITS})?(?<tail>余|多|左右|以上|\\+)?$`,
);
const CHINESE = new RegExp(
  `^(?<pre>${APPROX_BEFORE})?(?<num>[零〇一二两三四五六七八九十百千万亿]+)(?<post>余|多)?(?<unit>${UNITS})?(?<tail>余|多|左右|以上)?$`,
);
const VAGUE =
  /^(很多|许多|若干|大量|众多|不详|不清楚|无法统计|未统计|待统计|数十|数百|数千|上百|上千|上万|成千上万|几十|几百|几千|\?+|？+)/;
/** Prefixes that are only exact-sum words, not approximation. */
const EXACT_PRE = new Set(['共计', '共', '合计', '计', '累计']);
const MAGNITUDE: Record<string, number> = { 万: 1e4, w: 1e4, W: 1e4, 千: 1e3, k: 1e3, K: 1e3, 百: 100 };

export function normalizeCount(raw: unknown): Normalized<number> {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fail('count.invalid', { text: String(raw) });
    if (raw < 0) return fail('count.negative', { text: String(raw) });
    if (!Number.isInteger(raw)) return fail('count.fraction', { text: String(raw) });
    return { value: raw, problems: [] };
  }
  const text = scalarText(raw);
  if (text === undefined) return fail('value.notText');
  if (text === null) return { problems: [] };
  // A note in brackets (「36（含线上10场）」) explains the number; the number is what counts.
  const compact = foldTraditionalNumerals(foldWidth(text))
    .replace(/\s+/g, '')
    .replace(/\([^()]*\)|（[^（）]*）|【[^【】]*】/g, '');
  if (/^-\d/.test(compact)) return fail('count.negative', { text });
  let m = ARABIC.exec(compact);
  let base: number | undefined;
  let magnitude = 1;
  if (m?.groups) {
    base = Number(m.groups.num!.replace(/,/g, ''));
    magnitude = m.groups.mag ? MAGNITUDE[m.groups.mag]! : 1;
  } else if ((m = MIXED.exec(compact))?.groups) {
    base = parseMixedNumber(m.groups!.num!);
  } else {
    m = CHINESE.exec(compact);
    if (m?.groups) base = parseChineseNumeral(m.groups.num!);
  }
  if (!m?.groups || base === undefined || !Number.isFinite(base)) {
    return fail(VAGUE.test(compact) ? 'count.vague' : 'count.invalid', { text });
  }
  const g = m.groups;
  const approximate =
    (g.pre !== undefined && !EXACT_PRE.has(g.pre)) || g.post !== undefined || g.tail !== undefined || (g.unit?.startsWith('余') ?? false);
  const exact = base * magnitude;
  const rounded = Math.round(exact);
  const problems: Normalized<number>['problems'] = [];
  if (Math.abs(exact - rounded) > 1e-6) {
    if (magnitude === 1) return fail('count.fraction', { text });
    problems.push({ severity: 'warning', code: 'count.rounded', params: { text, value: rounded } });
  }
  if (approximate) problems.push({ severity: 'warning', code: 'count.approximate', params: { text, value: rounded } });
  return { value: rounded, ...(compact !== String(rounded) ? { original: text } : {}), problems };
}
