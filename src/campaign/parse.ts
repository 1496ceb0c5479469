/**
 * Reading a `--campaign FILE` (YAML or JSON with the English keys of `campaignSchema`). Problems are
 * located (line of the offending key) and said in the user's language.
 */
import { LineCounter, isMap, isSeq, parseDocument, type Node } from 'yaml';
import * as z from 'zod/mini';
import zhCN from 'zod/v4/locales/zh-CN.js';
import en from 'zod/v4/locales/en.js';
import type { Lang } from '../core/messages.js';
import { decodeText } from '../read/decode.js';
import { campaignSchema, type Campaign } from './campaign.js';

export type CampaignParse = { ok: true; campaign: Campaign } | { ok: false; problems: string[] };

export function parseCampaign(bytes: Uint8Array, lang: Lang): CampaignParse {
  const zh = lang === 'zh';
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, problems: [zh ? '不是文本文件（应为 YAML 或 JSON）。' : 'Not a text file (expected YAML or JSON).'] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(decoded.text, { lineCounter, uniqueKeys: true });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  if (doc.errors.length > 0)
    return {
      ok: false,
      problems: doc.errors.slice(0, 5).map((e) => `${zh ? `第 ${lineOf(e.pos[0])} 行` : `line ${lineOf(e.pos[0])}`}: ${e.message.split('\n')[0]}`),
    };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch {
    return { ok: false, problems: [zh ? 'YAML 别名展开过大。' : 'YAML aliases expand too far.'] };
  }
  z.config(zh ? zhCN() : en());
  const parsed = campaignSchema.safeParse(value);
  if (parsed.success) return { ok: true, campaign: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const node = nodeAt(doc.contents as Node | null, issue.path as Array<string | number>);
      const where = issue.path.length ? issue.path.join('.') : zh ? '（整个文件）' : '(whole file)';
      const line = node?.range ? (zh ? `第 ${lineOf(node.range[0])} 行 ` : `line ${lineOf(node.range[0])} `) : '';
      return `${line}${where}：${issue.message}`;
    }),
  };
}

/** The deepest node that exists along a Zod issue path, for its line number. */
function nodeAt(root: Node | null, path: Array<string | number>): Node | null {
  let cur: Node | null = root;
  for (const part of path) {
    if (isMap(cur)) {
      const pair = cur.items.find((p) => (p.key as { value?: unknown } | null)?.value === part);
      if (!pair) return cur;
      cur = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(cur) && typeof part === 'number') {
      const item = cur.items[part] as Node | undefined;
      if (!item) return cur;
      cur = item;
    } else return cur;
  }
  return cur;
}
