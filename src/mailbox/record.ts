/**
 * 收件记录.yaml: the received-time record at the top of the inbox folder. A YAML mapping: key = the
 * file's path relative to the folder (`/` separators), value = when it was received, ISO 8601 with
 * offset (`2023-11-28T10:15:00+08:00`). People may edit it and add comments; `fetch` merges its
 * entries in and keeps everything else as it was; validate and merge read it as evidence of the
 * received time. Pure: text in, text out.
 */
import { isMap, isScalar, parseDocument, Scalar, type Document } from 'yaml';

export const RECORD_FILE = '收件记录.yaml';

const HEADER = [
  ' 收件记录：每个文件收到的时间（由 lifelong-week fetch 按邮件服务器的收件时间写入，也可以手工添加或修改）。',
  ' 格式：文件路径（相对于本文件夹）: 收到时间，例如 东湖区材料.eml: 2023-11-28T10:15:00+08:00',
  ' validate 和 merge 据此判断是否逾期。',
].join('\n');

export type RecordMerge = { ok: true; text: string; added: number } | { ok: false; reason: string };

/**
 * Merge entries into the record's text (empty text: a new record). An entry already there with the
 * same time is left alone; one with another time is left alone too (a person may have corrected
 * it): the record is the person's, `fetch` only adds.
 */
export function mergeRecord(text: string, entries: ReadonlyArray<readonly [string, string]>): RecordMerge {
  const doc = parseDocument(text.trim() ? text : '{}\n') as unknown as Document;
  if (doc.errors.length) return { ok: false, reason: doc.errors[0]!.message.split('\n')[0]! };
  if (!text.trim()) {
    doc.commentBefore = HEADER;
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) doc.contents = doc.createNode({});
  if (!isMap(doc.contents)) return { ok: false, reason: 'not a mapping' };
  const map = doc.contents;
  if (map.flow && !map.items.length) map.flow = false;
  let added = 0;
  for (const [path, time] of entries) {
    if (map.has(path)) continue;
    const value = new Scalar(time);
    value.type = 'PLAIN';
    map.set(doc.createNode(path), value);
    added++;
  }
  map.flow = false;
  return { ok: true, text: doc.toString({ lineWidth: 0 }), added };
}

/** A key as YAML writes it: plain when that reads back as the same string, else double-quoted (JSON is valid YAML). */
function yamlKey(key: string): string {
  const plain =
    /^[^\s#:'"\-?{}[\],&*!|>%@`][^\n#]*$/.test(key) &&
    !/: |:$|\s$/.test(key) &&
    !/^(true|false|null|yes|no|~|[-+.\d][\d._:eE+-]*)$/i.test(key);
  return plain ? key : JSON.stringify(key);
}

/**
 * The keys of a record written as plain `key: value` lines (as `fetch` writes it and people edit
 * it), read without a YAML parser — or undefined when the text is anything else (then
 * `mergeRecord` does the full merge). A rerun over a thousand entries stays instant.
 */
export function plainRecordKeys(text: string): Set<string> | undefined {
  const keys = new Set<string>();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || /^\s*#/.test(line)) continue;
    const m = /^("(?:[^"\\]|\\.)*"|[^\s#"'][^#]*?):[ \t]+\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})[ \t]*(?:#.*)?$/.exec(line);
    if (!m) return undefined;
    let key = m[1]!;
    if (key.startsWith('"')) {
      try {
        key = JSON.parse(key) as string;
      } catch {
        return undefined;
      }
    } else if (yamlKey(key) !== key) return undefined;
    if (keys.has(key)) return undefined;
    keys.add(key);
  }
  return keys;
}

/** New `key: value` lines for the entries not yet in `keys` (which it updates); '' when none. */
export function recordLines(entries: ReadonlyArray<readonly [string, string]>, keys: Set<string>): string {
  let out = '';
  for (const [path, time] of entries) {
    if (keys.has(path)) continue;
    keys.add(path);
    out += `${yamlKey(path)}: ${time}\n`;
  }
  return out;
}

export const RECORD_HEADER = `${HEADER.split('\n')
  .map((l) => `#${l}`)
  .join('\n')}\n\n`;
