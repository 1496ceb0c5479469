/**
 * YAML and JSON submissions → the raw shape. Keys are the form's Chinese labels nested by group
 * (docs/form.md, "The YAML format"), or the English ids; both are matched leniently by
 * `matchKey`. `yaml` (eemeli) keeps the position of every node, so every problem has a line and column.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { error, emptyRaw, warning, type Loc, type Problem, type RawSubmission } from '../core/problem.js';
import type { Group } from '../form/definition.js';
import { matchKey, suggestLabel } from '../form/labels.js';

/** Aliases a form never needs; a handful are harmless, thousands are a "billion laughs" bomb. */
const MAX_ALIAS_COUNT = 50;

export function readYamlText(input: string, format: 'yaml' | 'json'): RawSubmission {
  let text = input;
  const raw = emptyRaw();
  if (text.trim() === '' || /^(\s*#[^\n]*\n?)*\s*$/.test(text)) {
    raw.problems.push(error('file.empty'));
    return raw;
  }
  const lineCounter = new LineCounter();
  const locOf = (offset: number): Loc => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (format === 'json') {
    try {
      JSON.parse(text);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      const at = /position (\d+)/.exec(detail);
      lineCounter.addNewLine(0);
      for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineCounter.addNewLine(i + 1);
      raw.problems.push(
        error(
          'json.syntax',
          { detail: detail.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '') },
          at ? { loc: locOf(Number(at[1])) } : undefined,
        ),
      );
      return raw;
    }
  }
  // Duplicate keys are left to the walk: two spellings of one label (「活动范围」, 「活动范围（…）」) are duplicates too.
  if (format === 'yaml') {
    const repaired = repairLines(text);
    text = repaired.text;
    raw.problems.push(...repaired.problems);
  }
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: true, version: '1.2' });
  if (doc.errors.length > 0) {
    const seenLines = new Set<number>();
    for (const e of doc.errors) {
      const problem = explainYamlError(e.code, e.message, input, locOf(e.pos[0]));
      if (seenLines.has(problem.loc!.line)) continue;
      seenLines.add(problem.loc!.line);
      raw.problems.push(problem);
      if (seenLines.size >= 3) break;
    }
    return raw;
  }
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    raw.problems.push(error('yaml.aliasBomb'));
    return raw;
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    raw.problems.push(error('file.empty'));
    return raw;
  }
  if (!isMap(root)) {
    raw.problems.push(error('doc.notMapping', undefined, { loc: locOf(root.range?.[0] ?? 0) }));
    return raw;
  }
  walkMap(root.items as Pair[], undefined, doc, raw, locOf);
  return raw;
}

const firstLine = (message: string) => message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');

/** The YAML library's errors (English, often reported where it gave up) as located Chinese advice. */
export function explainYamlError(code: string, message: string, text: string, at: Loc): Problem {
  if (code === 'MISSING_CHAR' && /quote/.test(message)) {
    // The parser notices a missing closing quote only at the end of the file; point at the line that opened it.
    const quote = message.includes("'quote") ? "'" : '"';
    const lines = text.split('\n');
    for (let i = 0; i < Math.min(lines.length, at.line); i++) {
      const value = lines[i]!.replace(/^\s*(-\s+)?[^:#]*:\s*/, '');
      if (value.startsWith(quote) && !value.trimEnd().slice(1).endsWith(quote))
        return error('yaml.unclosedQuote', { quote }, { loc: { line: i + 1, column: lines[i]!.indexOf(quote) + 1 } });
    }
    return error('yaml.unclosedQuote', { quote }, { loc: at });
  }
  const lineText = (text.split('\n')[at.line - 1] ?? '').trim();
  // Name the item when the line is one of the form's labels.
  const key = /^(?:-\s+)?([^:：#]+?)\s*[:：]/.exec(lineText)?.[1];
  const match = key ? matchKey(key) : undefined;
  const field = match?.type === 'field' ? { field: match.field.id } : {};
  if (code === 'MULTILINE_IMPLICIT_KEY' || (code === 'MISSING_CHAR' && /Implicit map keys/.test(message)))
    return error('yaml.noColon', { text: lineText.slice(0, 30) }, { loc: at });
  if (code === 'BAD_INDENT' || code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'BAD_DEDENT')
    return error('yaml.badIndent', undefined, { loc: at, ...field });
  if (/document/i.test(message) && /multiple|more than one|Unexpected.*---|Source contains multiple/i.test(message))
    return error('yaml.multipleDocuments', undefined, { loc: at });
  return error('yaml.syntax', { detail: firstLine(message) }, { loc: at, ...field });
}

/**
 * Forgive what Chinese keyboards and habits put in nearly every hand-written file, before the YAML
 * parser sees it. Only lines whose key is one of the form's labels are touched, never the inside of
 * a block scalar (`|`, `>`), and each repair that changes how the text reads is reported:
 * - a full-width colon 「：」, no space after the colon, or no colon at all (「活动时间 11月15日」);
 * - Tab indentation;
 * - values YAML would misread: 「主办: 东湖区; 协办: …」 (a colon inside), 「#书香东湖#」 (YAML drops text
 *   after ` #`), 「"书香东湖"亲子共读」 (quotes that do not enclose the whole value), a leading @ or `;
 *   such a value is quoted as a whole, so exactly what was typed is read;
 * - several lines of text under a label without `|`: YAML would fold them into one line; they are
 *   read as lines (docs/form.md, "The YAML format");
 * - a group label with text after it (「组织领导: 东湖区教育体育局」 above its items): an error, and the
 *   items below are still read.
 */
/** The keys of one contact in a list (normalize/contacts.ts reads them). */
const CONTACT_ITEM_KEY = /^(姓名|联系人|电话|手机|手机号|联系电话|name|phone)$/i;

function repairLines(text: string): { text: string; problems: Problem[] } {
  const problems: Problem[] = [];
  const lines = text.split('\n');
  const out: string[] = [];
  const indentOf = (line: string) => /^[ \t]*/.exec(line)![0].replace(/\t/g, '  ').length;
  let blockIndent = -1;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const at = (column: number) => ({ loc: { line: i + 1, column } });
    if (blockIndent >= 0) {
      if (line.trim() === '' || indentOf(line) > blockIndent) {
        out.push(line);
        continue;
      }
      blockIndent = -1;
    }
    const indent = /^[ \t]*/.exec(line)![0];
    if (indent.includes('\t')) {
      line = indent.replace(/\t/g, '  ') + line.slice(indent.length);
      problems.push(warning('yaml.tabFixed', undefined, at(1)));
    }
    let m = /^(\s*(?:-\s+)?)([^:：#'"\-\s][^:：#]*?)\s*(：|:)(\s*)(.*)$/.exec(line);
    let match = m ? matchKey(m[2]!) : undefined;
    if (m && match && (m[3] === '：' || (m[4] === '' && m[5] !== ''))) {
      problems.push(
        warning(
          'yaml.colonFixed',
          { key: m[2]! },
          { ...at(m[1]!.length + m[2]!.length + 1), ...(match.type === 'field' ? { field: match.field.id } : {}) },
        ),
      );
    }
    // An item of the contact list (「  - 姓名：刘芳」, 「    电话：0791-86771234」): its keys are not
    // labels of the form, but their colon is forgiven the same way.
    if (m && !match && CONTACT_ITEM_KEY.test(m[2]!.trim()) && (m[3] === '：' || (m[4] === '' && m[5] !== ''))) {
      problems.push(warning('yaml.colonFixed', { key: m[2]! }, { ...at(m[1]!.length + m[2]!.length + 1), field: 'contacts' }));
      const value = m[5]!.trim();
      out.push(`${m[1]}${m[2]!.trim()}: ${/^[-?:,[\]{}#&*!|>'"%@`]|: | #/.test(value) ? JSON.stringify(value) : value}`);
      continue;
    }
    if (!m || !match) {
      // 「活动时间 11月15日」: a label, a space, a value — and no colon.
      const n = /^(\s*)(\S+)[ \u3000]+(\S.*)$/.exec(line);
      const k = n ? matchKey(n[2]!) : undefined;
      if (n && k?.type === 'field' && !/^[#-]/.test(n[2]!)) {
        problems.push(warning('yaml.colonMissing', { key: n[2]! }, { ...at(n[1]!.length + n[2]!.length + 1), field: k.field.id }));
        m = ['', n[1]!, n[2]!, ':', ' ', n[3]!] as unknown as RegExpExecArray;
        match = k;
      }
    }
    if (!m || !match) {
      out.push(line);
      if (/:\s*[|>][-+0-9]*\s*(#.*)?$/.test(line)) blockIndent = indentOf(line);
      continue;
    }
    const lead = m[1]!;
    const key = m[2]!;
    let value = m[5]!.trim();
    const keyIndent = indentOf(lead.replace(/-\s+$/, ''));
    // The lines below that belong to this key (more indented), if any.
    let next = i + 1;
    while (next < lines.length && lines[next]!.trim() === '') next++;
    const hasChildren = next < lines.length && indentOf(lines[next]!) > keyIndent && !/^\s*#/.test(lines[next]!);

    if (match.type === 'group') {
      if (value !== '' && !value.startsWith('#') && hasChildren) {
        problems.push(error('group.valueBeforeItems', { group: match.group.label, value: value.slice(0, 30) }, at(lead.length + 1)));
        value = '';
      }
      out.push(`${lead}${key}:${value ? ` ${value}` : ''}`);
      continue;
    }
    const isText = match.field.kind === 'text' || match.field.kind === 'longText';
    if (/^[|>][-+0-9]*\s*(#.*)?$/.test(value)) {
      out.push(`${lead}${key}: ${value}`);
      blockIndent = keyIndent;
      continue;
    }
    // Several lines of text without `|`: keep them as lines. Written as one double-quoted scalar
    // with an escaped line break ending each line, so every line keeps its line number.
    if (isText && hasChildren && !/^\s*-\s/.test(lines[next]!) && !value.startsWith('"') && !value.startsWith("'")) {
      let j = i + 1;
      while (j < lines.length && (lines[j]!.trim() === '' || indentOf(lines[j]!) > keyIndent)) j++;
      while (j > i + 1 && lines[j - 1]!.trim() === '') j--; // trailing blank lines are not text
      const texts = [value, ...lines.slice(i + 1, j).map((l) => l.trim())];
      const esc = (t: string) => JSON.stringify(t).slice(1, -1);
      const childIndent = ' '.repeat(indentOf(lines[next]!));
      texts.forEach((t, k) => {
        const last = k === texts.length - 1;
        // `\n\` at a line's end: a line feed, then YAML's escaped line break (which adds nothing).
        const end = last ? '"' : k === 0 && value === '' ? '\\' : '\\n\\';
        out.push(k === 0 ? `${lead}${key}: "${esc(t)}${end}` : `${childIndent}${esc(t)}${end}`);
      });
      i = j - 1;
      continue;
    }
    // An opening quote never closed, with no continuation below: the quote is a slip.
    if (/^["']/.test(value) && value.indexOf(value[0]!, 1) < 0 && !hasChildren) {
      problems.push(warning('yaml.quoteFixed', { quote: value[0]! }, { ...at(lead.length + key.length + 3), field: match.field.id }));
      value = JSON.stringify(value.slice(1).trim());
    } else if (needsQuoting(value, isText)) {
      if (/(^|\s)#/.test(value))
        problems.push(warning('yaml.hashKept', { key }, { ...at(lead.length + key.length + 3), field: match.field.id }));
      value = JSON.stringify(value);
    }
    out.push(`${lead}${key}:${value ? ` ${value}` : ''}`);
  }
  return { text: out.join('\n'), problems };
}

/** Would YAML misread this single-line value? (It is then quoted whole.) */
function needsQuoting(value: string, isText: boolean): boolean {
  if (value === '') return false;
  if (value.startsWith('"') || value.startsWith("'")) {
    const q = value[0]!;
    const close = q === '"' ? /^"(?:[^"\\]|\\.)*"\s*(#.*)?$/ : /^'(?:[^']|'')*'\s*(#.*)?$/;
    // Quotes around the whole value are YAML's own; quotes inside the text are text. An opening
    // quote with no closing one on this line may continue on the next: left to the parser.
    return !close.test(value) && value.indexOf(q, 1) > 0;
  }
  if (/^[@`%&*!]/.test(value)) return true;
  if (isText && /^[[{]/.test(value)) return true;
  if (/^[-?]\s/.test(value) && isText) return true;
  return /:\s|:$|\s#|^#/.test(value);
}

function keyText(pair: Pair): string | undefined {
  const k = pair.key as Node | null;
  if (isScalar(k) && (typeof k.value === 'string' || typeof k.value === 'number')) return String(k.value);
  return undefined;
}

function walkMap(pairs: Pair[], group: Group | undefined, doc: Document, raw: RawSubmission, locOf: (offset: number) => Loc): void {
  for (const pair of pairs) {
    const keyNode = pair.key as Node | null;
    const keyLoc = locOf(keyNode?.range?.[0] ?? 0);
    const key = keyText(pair);
    if (key === undefined) {
      raw.problems.push(error('key.notText', undefined, { loc: keyLoc }));
      continue;
    }
    const match = matchKey(key, group);
    if (!match) {
      const suggestion = suggestLabel(key, group);
      raw.problems.push(error('key.unknown', { key, ...(suggestion ? { suggestion } : {}) }, { loc: keyLoc }));
      continue;
    }
    const valueNode = pair.value as Node | null;
    if (match.type === 'group') {
      raw.groupLocs.set(match.group.key, keyLoc);
      if (valueNode === null || (isScalar(valueNode) && (valueNode.value === null || valueNode.value === ''))) continue;
      if (!isMap(valueNode)) {
        raw.problems.push(error('group.notMapping', { group: match.group.label }, { loc: keyLoc }));
        continue;
      }
      walkMap(valueNode.items as Pair[], match.group, doc, raw, locOf);
      continue;
    }
    const field = match.field;
    if (field.group && field.group.key !== group?.key) {
      raw.problems.push(warning('key.outsideGroup', { label: field.label, group: field.group.label }, { field: field.id, loc: keyLoc }));
    }
    const previous = raw.entries.get(field.id);
    if (previous) {
      raw.problems.push(
        error('key.duplicate', { label: field.labelPath, otherLine: previous.loc?.line ?? '?' }, { field: field.id, loc: keyLoc }),
      );
      continue;
    }
    const value = valueNode === null ? null : valueNode.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT });
    const valueLoc = valueNode?.range ? locOf(valueNode.range[0]) : keyLoc;
    // A block scalar (`|`) starts on the indicator line; its text begins on the next one.
    const loc =
      isScalar(valueNode) && (valueNode.type === 'BLOCK_LITERAL' || valueNode.type === 'BLOCK_FOLDED')
        ? { line: valueLoc.line + 1, column: valueLoc.column }
        : valueLoc;
    const itemLocs = isSeq(valueNode)
      ? valueNode.items.map((item) => locOf((item as Node | null)?.range?.[0] ?? valueNode.range?.[0] ?? 0))
      : undefined;
    raw.entries.set(field.id, { value, loc: isSeq(valueNode) || isMap(valueNode) ? valueLoc : loc, ...(itemLocs ? { itemLocs } : {}) });
  }
}
