/**
 * Pinyin for finding a unit by typing Latin letters (`qingshan`, `qsh` → 青山湖区): a small table of
 * the characters in unit names, not a dictionary. A name with a character not in the table is
 * simply not found by pinyin (its Chinese name and aliases still are).
 *
 * Pure (no `node:` module): the browser form (`serve`) bundles it and searches exactly as `fill` does.
 */
import type { Campaign, RosterUnit } from '../campaign/campaign.js';

const TABLE: Record<string, string> = {
  东: 'dong',
  湖: 'hu',
  区: 'qu',
  南: 'nan',
  昌: 'chang',
  市: 'shi',
  西: 'xi',
  青: 'qing',
  云: 'yun',
  谱: 'pu',
  山: 'shan',
  新: 'xin',
  建: 'jian',
  县: 'xian',
  红: 'hong',
  谷: 'gu',
  滩: 'tan',
  教: 'jiao',
  体: 'ti',
  育: 'yu',
  局: 'ju',
  安: 'an',
  义: 'yi',
  进: 'jin',
  贤: 'xian',
  经: 'jing',
  开: 'kai',
  济: 'ji',
  技: 'ji',
  术: 'shu',
  发: 'fa',
  国: 'guo',
  家: 'jia',
  高: 'gao',
  产: 'chan',
  业: 'ye',
  湾: 'wan',
  里: 'li',
  管: 'guan',
  理: 'li',
  北: 'bei',
  中: 'zhong',
  上: 'shang',
  下: 'xia',
  江: 'jiang',
  河: 'he',
  城: 'cheng',
  州: 'zhou',
  镇: 'zhen',
};

/** `{ full: 'qingshanhuqu', initials: 'qshq' }`, or undefined when a character is not in the table. */
export function pinyinOf(name: string): { full: string; initials: string } | undefined {
  let full = '';
  let initials = '';
  for (const char of name) {
    const p = TABLE[char];
    if (!p) return undefined;
    full += p;
    initials += p.startsWith('zh') || p.startsWith('ch') || p.startsWith('sh') ? p.slice(0, 2) : p[0];
  }
  return { full, initials };
}

/** Whether typed Latin letters are the start of a name's pinyin (or, from 3 letters, inside it) or of its initials. */
export function pinyinMatches(typed: string, names: readonly string[]): boolean {
  const q = typed.toLowerCase().replace(/[\s']/g, '');
  if (!/^[a-z]+$/.test(q)) return false;
  return names.some((name) => {
    const p = pinyinOf(name);
    if (!p) return false;
    const simpleInitials = p.initials.replace(/(zh|ch|sh)/g, (m) => m[0]!);
    return p.full.startsWith(q) || (q.length >= 3 && p.full.includes(q)) || p.initials.startsWith(q) || simpleInitials.startsWith(q);
  });
}

/**
 * The roster filtered by what was typed: a name, an alias or the department; the name's pinyin or
 * its initials (`qingshan`, `qsh`). The one search of `fill` and of the browser form.
 */
export function matchUnits(term: string, campaign: Campaign): RosterUnit[] {
  const q = term.trim();
  return campaign.roster
    .map((u, index) => ({ u, index, rank: q === '' ? 0 : unitMatchRank(q, u, campaign.city) }))
    .filter((m): m is { u: RosterUnit; index: number; rank: number } => m.rank !== undefined)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((m) => m.u);
}

/**
 * How well typed text names a unit, lower first; undefined when it does not. The unit's own name
 * outranks its aliases and the pinyin of its name; what matches only through the city's name
 * inside an alias (南昌 in 南昌市东湖区) comes last, so 南昌 / nc / nanchang list 南昌县 first.
 */
export function unitMatchRank(
  q: string,
  unit: { name: string; aliases: readonly string[]; department: string },
  city: string,
): number | undefined {
  const cityNames = [...new Set([city, city.replace(/[市州县区盟]$/, '')])].filter((c) => c.length >= 2);
  const withoutCity = (n: string) => cityNames.reduce((text, c) => text.split(c).join(''), n);
  const contains = (n: string) => n.includes(q) || (q.length >= 2 && n.length > 0 && q.includes(n));
  const others = [...unit.aliases, unit.department];
  if (unit.name === q || unit.aliases.includes(q)) return 0;
  if (unit.name.startsWith(q)) return 1;
  if (contains(unit.name)) return 2;
  if (pinyinMatches(q, [unit.name])) return 3;
  if (others.some((n) => contains(withoutCity(n)))) return 4;
  if (pinyinMatches(q, others.map(withoutCity).filter(Boolean))) return 5;
  if (others.some(contains) || pinyinMatches(q, unit.aliases)) return 6;
  return undefined;
}
