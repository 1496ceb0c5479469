/**
 * Reading a `--campaign FILE` (YAML or JSON with the English keys of `campaignSchema`). Every problem
 * is located (the line of the offending key) and said in the user's language, with "did you mean"
 * for a mistyped key.
 */
import { LineCounter, isMap, isSeq, parseDocument, type Node } from 'yaml';
import * as z from 'zod/mini';
import { formatMessage, isMessageCode, type Lang, type Params } from '../core/messages.js';
import { joinList, say } from '../core/say.js';
import { closest } from '../core/text.js';
import { decodeText } from './decode.js';
import { explainYamlError } from './yaml.js';
import { campaignSchema, type Campaign } from '../campaign/campaign.js';

export type CampaignParse = { ok: true; campaign: Campaign } | { ok: false; problems: string[] };

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
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, problems: [say(lang, 'campaign.notTextFileExpected')] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(decoded.text, { lineCounter, uniqueKeys: true });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const where = (line: number) => say(lang, 'campaign.line', { line });
  if (doc.errors.length > 0)
    return {
      ok: false,
      problems: doc.errors.slice(0, 3).map((e) => {
        const p =
          e.code === 'DUPLICATE_KEY' ? undefined : explainYamlError(e.code, e.message, decoded.text, { line: lineOf(e.pos[0]), column: 1 });
        const text = p ? formatMessage(p.code, p.params, lang) : say(lang, 'campaign.keyGivenTwice');
        return `${where(p?.loc?.line ?? lineOf(e.pos[0]))}${say(lang, 'campaign.colon')}${text}`;
      }),
    };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch {
    return { ok: false, problems: [say(lang, 'campaign.yamlAliasesExpandToo')] };
  }
  const parsed = campaignSchema.safeParse(value);
  if (parsed.success) return { ok: true, campaign: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.path as Array<string | number>;
    const dotted = path.length ? path.join('.') : say(lang, 'campaign.wholeFile');
    const node = nodeAt(doc.contents as Node | null, path);
    let line = node?.range ? `${where(lineOf(node.range[0]))} ` : '';
    let text: string;
    if (isMessageCode(issue.message)) text = formatMessage(issue.message, (issue as { params?: Params }).params ?? {}, lang);
    else if (issue.code === 'unrecognized_keys') {
      const level = path.filter((p) => typeof p === 'string').pop() ?? '';
      const keys = (issue as { keys: string[] }).keys;
      const keyNode = nodeAt(doc.contents as Node | null, [...path, keys[0]!], true);
      if (keyNode?.range) line = `${where(lineOf(keyNode.range[0]))} `;
      const near = closest(keys[0]!, KNOWN_KEYS[String(level)] ?? [], (k) => k);
      text = say(lang, 'campaign.unknownKey', { keys: joinList(lang, keys), near: near ? say(lang, 'campaign.didYouMean', { near }) : '' });
    } else if (issue.code === 'invalid_type' && getAt(value, path) === undefined) {
      line = '';
      text = say(lang, 'campaign.missing', { path: path[path.length - 1] ?? '' });
    } else text = say(lang, 'campaign.badValue', { detail: issue.message });
    return `${line}${dotted}${say(lang, 'campaign.colon')}${text}`;
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
