/**
 * YAML and JSON submissions → the raw shape. Keys are the form's Chinese labels nested by group
 * (form.md, "A complete YAML submission"), or the English ids; both are matched leniently by
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
        error('json.syntax', { detail: detail.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '') }, at ? { loc: locOf(Number(at[1])) } : undefined),
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
      const problem = explainYamlError(e.code, e.message, text, locOf(e.pos[0]));
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
function explainYamlError(code: string, message: string, text: string, at: Loc): Problem {
  if (code === 'MISSING_CHAR' && /quote/.test(message)) {
    // The parser notices a missing closing quote only at the end of the file; point at the line that opened it.
    const quote = /single/.test(message) ? "'" : '"';
    const lines = text.split('\n');
    for (let i = 0; i < Math.min(lines.length, at.line); i++) {
      const value = lines[i]!.replace(/^\s*(-\s+)?[^:#]*:\s*/, '');
      if (value.startsWith(quote) && !value.trimEnd().slice(1).endsWith(quote))
        return error('yaml.unclosedQuote', { quote }, { loc: { line: i + 1, column: lines[i]!.indexOf(quote) + 1 } });
    }
    return error('yaml.unclosedQuote', { quote }, { loc: at });
  }
  if (code === 'BAD_INDENT' || code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY' || code === 'BAD_DEDENT')
    return error('yaml.badIndent', undefined, { loc: at });
  if (/document/i.test(message) && /multiple|more than one|Unexpected.*---|Source contains multiple/i.test(message))
    return error('yaml.multipleDocuments', undefined, { loc: at });
  return error('yaml.syntax', { detail: firstLine(message) }, { loc: at });
}

/**
 * Forgive the two slips Chinese keyboards make on nearly every hand-written file: a full-width
 * colon 「：」 or no space after the colon (「活动主题：让学习…」), and Tab indentation. Only lines whose
 * key is one of the form's labels are touched, and never inside a block scalar (`|`, `>`); each
 * repair is reported as a warning on its line.
 */
function repairLines(text: string): { text: string; problems: Problem[] } {
  const problems: Problem[] = [];
  const lines = text.split('\n');
  let blockIndent = -1;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const indent = /^[ \t]*/.exec(line)![0];
    if (blockIndent >= 0) {
      if (line.trim() === '' || indent.replace(/\t/g, '  ').length > blockIndent) continue;
      blockIndent = -1;
    }
    if (indent.includes('\t')) {
      line = indent.replace(/\t/g, '  ') + line.slice(indent.length);
      problems.push(warning('yaml.tabFixed', undefined, { loc: { line: i + 1, column: 1 } }));
    }
    const m = /^(\s*(?:-\s+)?)([^:：#'"\-\s][^:：#]*?)\s*(：|:(?=[^\s]))\s*(.*)$/.exec(line);
    if (m && matchKey(m[2]!)) {
      line = `${m[1]}${m[2]}:${m[4] ? ` ${m[4]}` : ''}`;
      problems.push(warning('yaml.colonFixed', { key: m[2]! }, { loc: { line: i + 1, column: m[1]!.length + m[2]!.length + 1 } }));
    }
    if (/:\s*[|>][-+0-9]*\s*(#.*)?$/.test(line)) blockIndent = /^\s*/.exec(line)![0].length;
    lines[i] = line;
  }
  return { text: lines.join('\n'), problems };
}

function keyText(pair: Pair): string | undefined {
  const k = pair.key as Node | null;
  if (isScalar(k) && (typeof k.value === 'string' || typeof k.value === 'number')) return String(k.value);
  return undefined;
}

function walkMap(
  pairs: Pair[],
  group: Group | undefined,
  doc: Document,
  raw: RawSubmission,
  locOf: (offset: number) => Loc,
): void {
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
    const loc = isScalar(valueNode) && (valueNode.type === 'BLOCK_LITERAL' || valueNode.type === 'BLOCK_FOLDED') ? { line: valueLoc.line + 1, column: valueLoc.column } : valueLoc;
    raw.entries.set(field.id, { value, loc: isSeq(valueNode) || isMap(valueNode) ? valueLoc : loc });
  }
}
