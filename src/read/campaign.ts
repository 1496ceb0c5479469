/**
 * Reading a `--campaign FILE` (YAML or JSON with the English keys of `campaignSchema`). Every problem
 * is located (the line of the offending key) and said in the user's language, with "did you mean"
 * for a mistyped key.
 */
import { LineCounter, isMap, isSeq, parseDocument, type Node } from 'yaml';
import * as z from 'zod/mini';
import { formatMessage, type Lang } from '../core/messages.js';
import { closest } from '../core/text.js';
import { decodeText } from './decode.js';
import { explainYamlError } from './yaml.js';
import { campaignSchema, type Campaign } from '../campaign/campaign.js';

export type CampaignParse = { ok: true; campaign: Campaign } | { ok: false; problems: string[] };

type P = Record<string, unknown>;
const CAMPAIGN_MESSAGES: Record<string, { zh: (p: P) => string; en: (p: P) => string }> = {
  'campaign.date': { zh: () => '日期应写成 YYYY-MM-DD（如 2023-11-30），且必须是存在的日期', en: () => 'a real date written YYYY-MM-DD (e.g. 2023-11-30)' },
  'campaign.timezone': { zh: () => '时区应写成 +08:00 这样的格式', en: () => 'time zone must look like +08:00' },
  'campaign.email': { zh: () => '不是有效的邮箱地址', en: () => 'not a valid e-mail address' },
  'campaign.emptyRoster': { zh: () => '名册至少要有一个单位', en: () => 'the roster needs at least one unit' },
  'campaign.host': { zh: () => '服务器名只能含字母、数字、点和连字符（如 imap.163.com）', en: () => 'a host name such as imap.163.com' },
  'campaign.noticeAfterDeadline': {
    zh: (p) => `通知日期 ${p.notice} 晚于报送截止日期 ${p.deadline}`,
    en: (p) => `the notice date ${p.notice} is after the deadline ${p.deadline}`,
  },
  'campaign.windowOrder': { zh: () => '活动期的结束日期早于开始日期', en: () => 'the window ends before it starts' },
  'campaign.deadlineBeforeWindow': {
    zh: (p) => `报送截止日期 ${p.deadline} 早于活动开始日期 ${p.start}`,
    en: (p) => `the deadline ${p.deadline} is before the window starts (${p.start})`,
  },
  'campaign.windowYear': { zh: (p) => `日期 ${p.date} 不在年度 ${p.year} 内`, en: (p) => `${p.date} is not in the year ${p.year}` },
  'campaign.phone': {
    zh: (p) => `「${p.phone}」不是有效的电话号码（手机 11 位，座机带区号）`,
    en: (p) => `“${p.phone}” is not a valid phone number`,
  },
  'campaign.duplicateUnit': { zh: (p) => `名册中「${p.name}」出现了两次`, en: (p) => `“${p.name}” appears twice in the roster` },
  'campaign.aliasClash': {
    zh: (p) => `别名「${p.name}」同时属于「${p.other}」和「${p.unit}」`,
    en: (p) => `the alias “${p.name}” belongs to both ${p.other} and ${p.unit}`,
  },
};

/** The keys the schema knows at each level, for "did you mean". */
const KNOWN_KEYS: Record<string, readonly string[]> = {
  '': ['year', 'city', 'issuer', 'receiver', 'theme', 'window', 'deadline', 'noticeDate', 'timezone', 'mailbox', 'contacts', 'roster'],
  mailbox: ['address', 'host', 'port', 'user', 'mailbox', 'starttls', 'smtp'],
  smtp: ['host', 'port', 'starttls'],
  window: ['start', 'end'],
  contacts: ['name', 'org', 'phone'],
  roster: ['name', 'kind', 'department', 'aliases', 'email'],
};

export function parseCampaign(bytes: Uint8Array, lang: Lang): CampaignParse {
  const zh = lang === 'zh';
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, problems: [zh ? '不是文本文件（应为 YAML 或 JSON）。' : 'Not a text file (expected YAML or JSON).'] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(decoded.text, { lineCounter, uniqueKeys: true });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const where = (line: number) => (zh ? `第 ${line} 行` : `line ${line}`);
  if (doc.errors.length > 0)
    return {
      ok: false,
      problems: doc.errors.slice(0, 3).map((e) => {
        const p = e.code === 'DUPLICATE_KEY' ? undefined : explainYamlError(e.code, e.message, decoded.text, { line: lineOf(e.pos[0]), column: 1 });
        const text = p ? formatMessage(p.code, p.params, lang) : zh ? '同一个键写了两次' : 'a key is given twice';
        return `${where(p?.loc?.line ?? lineOf(e.pos[0]))}${zh ? '：' : ': '}${text}`;
      }),
    };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch {
    return { ok: false, problems: [zh ? 'YAML 别名展开过大。' : 'YAML aliases expand too far.'] };
  }
  const parsed = campaignSchema.safeParse(value);
  if (parsed.success) return { ok: true, campaign: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.path as Array<string | number>;
    const dotted = path.length ? path.join('.') : zh ? '（整个文件）' : '(whole file)';
    const node = nodeAt(doc.contents as Node | null, path);
    let line = node?.range ? `${where(lineOf(node.range[0]))} ` : '';
    let text: string;
    const table = CAMPAIGN_MESSAGES[issue.message];
    if (table) text = table[lang]((issue as { params?: P }).params ?? {});
    else if (issue.code === 'unrecognized_keys') {
      const level = path.filter((p) => typeof p === 'string').pop() ?? '';
      const keys = (issue as { keys: string[] }).keys;
      const keyNode = nodeAt(doc.contents as Node | null, [...path, keys[0]!], true);
      if (keyNode?.range) line = `${where(lineOf(keyNode.range[0]))} `;
      const near = closest(keys[0]!, KNOWN_KEYS[String(level)] ?? [], (k) => k);
      text = zh
        ? `不认识的项「${keys.join('、')}」${near ? `，是不是「${near}」？` : ''}`
        : `unknown key “${keys.join(', ')}”${near ? `; did you mean “${near}”?` : ''}`;
    } else if (issue.code === 'invalid_type' && getAt(value, path) === undefined) {
      line = '';
      text = zh ? `缺少「${path[path.length - 1]}」这一项` : `“${path[path.length - 1]}” is missing`;
    }
    else text = zh ? `取值不对（${issue.message}）` : issue.message;
    return `${line}${dotted}${zh ? '：' : ': '}${text}`;
  });
  return { ok: false, problems };
}

function getAt(value: unknown, path: Array<string | number>): unknown {
  let cur = value;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

/** The deepest node that exists along a Zod issue path (or the key node itself), for its line number. */
function nodeAt(root: Node | null, path: Array<string | number>, keyOfLast = false): Node | null {
  let cur: Node | null = root;
  for (const [i, part] of path.entries()) {
    if (isMap(cur)) {
      const pair = cur.items.find((p) => (p.key as { value?: unknown } | null)?.value === part);
      if (!pair) return cur;
      if (keyOfLast && i === path.length - 1) return pair.key as Node;
      cur = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(cur) && typeof part === 'number') {
      const item = cur.items[part] as Node | undefined;
      if (!item) return cur;
      cur = item;
    } else return cur;
  }
  return cur;
}
// Zod's own messages (rare here) follow the user's language too.
export const configureZodLocale = async (lang: Lang) => {
  const locale = lang === 'zh' ? (await import('zod/v4/locales/zh-CN.js')).default : (await import('zod/v4/locales/en.js')).default;
  z.config(locale());
};
