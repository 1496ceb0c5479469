/** Percentages (群众满意度): 98%, 98％, 98, 98.5%, 百分之九十八; 0.98 is ambiguous → read as 98% with a warning. */
import { fail, foldWidth, parseChineseNumeral, scalarText, type Normalized } from './common.js';

const PERCENT =
  /^(?<pre>满意度|满意率|约|大约|达|达到|超过|高达|均在|在)*(?<num>\d+(?:\.\d+)?|\.\d+)(?<sign>%|‰)?(?<tail>以上|左右|及以上)?$/;
const CHINESE = /^(?<pre>约|达|超过)?百分之(?<num>[零〇一二两三四五六七八九十百点]+)(?<tail>以上|左右)?$/;
/** Below this a satisfaction figure is more likely a typo than a fact. */
const LOW_SATISFACTION = 60;

const roundPct = (v: number) => Math.round(v * 100) / 100;

export function normalizePercent(raw: unknown): Normalized<number> {
  let num: number | undefined;
  let text: string;
  let hasSign = false;
  let approximate = false;
  if (typeof raw === 'number') {
    text = String(raw);
    num = raw;
  } else {
    const t = scalarText(raw);
    if (t === undefined) return fail('value.notText');
    if (t === null) return { problems: [] };
    text = t;
    const compact = foldWidth(t).replace(/\s+/g, '');
    const m = PERCENT.exec(compact);
    if (m?.groups) {
      num = Number(m.groups.num);
      hasSign = m.groups.sign !== undefined;
      if (m.groups.sign === '‰') num = num / 10;
      approximate = m.groups.tail !== undefined || /约|超过|达到?$|高达|均在/.test(m.groups.pre ?? '');
    } else {
      const c = CHINESE.exec(compact);
      if (c?.groups) {
        const [int, frac] = c.groups.num!.split('点');
        const whole = parseChineseNumeral(int!);
        const fracDigits = frac ? [...frac].map((ch) => parseChineseNumeral(ch)).join('') : '';
        if (whole !== undefined) num = Number(`${whole}${fracDigits ? `.${fracDigits}` : ''}`);
        hasSign = true;
        approximate = c.groups.tail !== undefined || c.groups.pre !== undefined;
      }
    }
    if (num === undefined || !Number.isFinite(num)) return fail('percent.invalid', { text });
  }
  const problems: Normalized<number>['problems'] = [];
  if (num < 0) return fail('percent.outOfRange', { text });
  if (!hasSign && num > 0 && num < 1) {
    num = roundPct(num * 100);
    problems.push({ severity: 'warning', code: 'percent.fraction', params: { text, value: num } });
  }
  if (num > 100) return fail('percent.outOfRange', { text });
  num = roundPct(num);
  if (approximate) problems.push({ severity: 'warning', code: 'percent.approximate', params: { text, value: num } });
  if (num < LOW_SATISFACTION) problems.push({ severity: 'warning', code: 'percent.low', params: { value: num } });
  return { value: num, ...(text !== `${num}%` ? { original: text } : {}), problems };
}
