/**
 * 举办县区: any alias of a roster unit resolves to its canonical name (docs/campaign.md, "Matching unit names").
 * Matching strips a leading city name (南昌市) and a trailing bureau suffix (教体局 / 教育体育局 /
 * 教育事业发展中心 / 教体办) and then compares whole names only: 「新建」 must not match 「红谷滩新区」,
 * 「高新」 is not 经开区.
 */
import type { Campaign, RosterUnit } from '../campaign/campaign.js';
import { closest, fail, foldWidth, scalarText, type Normalized } from './common.js';

const SUFFIX = /(教育体育局|教体局|教育局|教育事业发展中心|教育发展中心|教体办|教育办)$/;

export function unitKey(text: string, city: string): string {
  let t = foldWidth(text).replace(/\s+/g, '');
  // 「江西省南昌市东湖区」: the province and the city say nothing the unit does not.
  t = t.replace(/^[\u4e00-\u9fff]{2,3}省(?=.)/, '');
  if (t.startsWith(city) && t.length > city.length) t = t.slice(city.length);
  const stripped = t.replace(SUFFIX, '');
  return stripped === '' ? t : stripped;
}

/** The roster unit a name refers to, or undefined. */
export function findUnit(text: string, campaign: Campaign): RosterUnit | undefined {
  const key = unitKey(text, campaign.city);
  for (const unit of campaign.roster) {
    if ([unit.name, ...unit.aliases].some((n) => unitKey(n, campaign.city) === key)) return unit;
  }
  return undefined;
}

/** A roster unit whose name (or alias) occurs inside `text` — for checking the department's name. */
export function unitMentioned(text: string, campaign: Campaign): RosterUnit | undefined {
  const folded = foldWidth(text).replace(/\s+/g, '');
  let best: { unit: RosterUnit; length: number } | undefined;
  for (const unit of campaign.roster)
    for (const name of [unit.name, ...unit.aliases])
      if (name.length >= 2 && folded.includes(name) && (!best || name.length > best.length)) best = { unit, length: name.length };
  return best?.unit;
}

export function normalizeUnit(raw: unknown, campaign: Campaign): Normalized<string> {
  const text = scalarText(raw);
  if (text === undefined) return fail('value.notText');
  if (text === null) return { problems: [] };
  // The city's own report (merge --city-report) names the city: the same form one level up.
  if (unitKey(text, campaign.city) === campaign.city || unitKey(text, '') === campaign.city)
    return { value: campaign.city, ...(text !== campaign.city ? { original: text } : {}), problems: [] };
  const unit = findUnit(text, campaign);
  if (unit) return { value: unit.name, ...(text !== unit.name ? { original: text } : {}), problems: [] };
  const key = unitKey(text, campaign.city);
  const candidates = campaign.roster.flatMap((u) => [u.name, ...u.aliases].map((n) => ({ unit: u, key: unitKey(n, campaign.city) })));
  const near = closest(key, candidates, (c) => c.key);
  return fail('unit.unknown', {
    text,
    ...(near ? { suggestion: near.unit.name } : {}),
    roster: campaign.roster.map((u) => u.name).join('、'),
  });
}
