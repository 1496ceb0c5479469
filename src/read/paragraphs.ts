/**
 * The form typed as paragraphs, without a table (what units really send when Word's table got in
 * their way): 「举办县区：东湖区」 one per line or several on a line, with 「：」 or 「:」, the group
 * names as headings (「一、组织领导」) or left out, a long value going on over the next lines, a label
 * alone on its line with its value below. The lines become a two-column grid (label | value) for
 * the one label matcher (`grid.ts`), so validation cannot tell this form from a table.
 */
import type { Loc } from '../core/problem.js';
import { FURNITURE } from '../form/definition.js';
import { labelKey, matchKey, type KeyMatch } from '../form/labels.js';
import type { FormDocument, GridCell, GridTable } from './grid.js';

/** 「一、」「（二）」「3.」「第一部分」: numbering in front of a heading or a label. */
const NUMBERING = /^\s*(?:第?[一二三四五六七八九十]+[、.．:：\s]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}\s*[、.．)）](?!\d))\s*/;

const stripNumbering = (text: string) => text.replace(NUMBERING, '');

/** A label, possibly numbered, as the matcher sees it (no trailing colon). */
export function matchLabel(text: string): KeyMatch | undefined {
  const t = stripNumbering(text.trim());
  if (t === '' || [...t].length > 48) return undefined;
  return matchKey(t);
}

export interface LabelledPart {
  /** The label as the form defines it (the matcher's field or group). */
  match: KeyMatch;
  /** The value typed after the colon (trimmed; may be empty). */
  value: string;
}

const TRAILING_SEPARATORS = /[\s\u3000；;，,、]+$/;

/**
 * Every 「label：value」 on one line, in order, with the text before the first label (`before`: the
 * rest of a value from the line above, or text that is no pair). A label is the longest text ending
 * at a colon that the matcher knows, so values may hold spaces and colons of their own
 * (「主办：东湖区教育体育局；协办：…」 is one value: 「主办」 is no label).
 */
export function splitLabelled(line: string): { before: string; parts: LabelledPart[] } {
  const parts: Array<{ match: KeyMatch; labelStart: number; valueStart: number }> = [];
  const re = /[:：]/g;
  let floor = 0;
  for (let m: RegExpExecArray | null; (m = re.exec(line));) {
    const colon = m.index;
    for (let start = Math.max(floor, colon - 48); start < colon; start++) {
      const match = matchLabel(line.slice(start, colon));
      if (!match) continue;
      parts.push({ match, labelStart: start, valueStart: colon + 1 });
      floor = colon + 1;
      break;
    }
  }
  const before = (parts.length > 0 ? line.slice(0, parts[0]!.labelStart) : line).trim();
  return {
    before,
    parts: parts.map((p, i) => ({
      match: p.match,
      // The separator before the next label on the line is not part of the value; the line's own
      // last character is (「开幕式；」 going on on the next line).
      value:
        i + 1 < parts.length
          ? line
              .slice(p.valueStart, parts[i + 1]!.labelStart)
              .trim()
              .replace(TRAILING_SEPARATORS, '')
          : line.slice(p.valueStart).trim(),
    })),
  };
}

const isFootnote = (text: string) => labelKey(text).startsWith(labelKey(FURNITURE.footnote).slice(0, 8));

export interface Line {
  text: string;
  loc?: Loc;
}

interface Row {
  label: string;
  group?: boolean;
  value: string[];
  loc?: Loc;
}

/**
 * Lines of text → the form as a grid (label | value), plus the lines that are not part of it
 * (title, stamp line, footnote) as paragraphs. `undefined` when the lines carry no label at all.
 */
export function linesToForm(lines: readonly Line[], inName = '段落'): FormDocument | undefined {
  const paragraphs: FormDocument['paragraphs'] = [];
  const rows: Row[] = [];
  let current: Row | undefined;
  let ended = false;
  for (const line of lines) {
    const text = line.text.replace(/\r/g, '').trim();
    if (text === '') continue;
    if (ended || isFootnote(text)) {
      ended = true;
      current = undefined;
      paragraphs.push({ text, ...(line.loc ? { loc: line.loc } : {}) });
      continue;
    }
    // A line that is a label or a heading by itself (「一、组织领导」, 「活动内容：」 with the value below).
    const whole = matchLabel(text.replace(/[:：]\s*$/, ''));
    if (whole?.type === 'group') {
      rows.push({ label: whole.group.label, group: true, value: [], ...(line.loc ? { loc: line.loc } : {}) });
      current = undefined;
      continue;
    }
    if (whole?.type === 'field') {
      current = { label: whole.field.label, value: [], ...(line.loc ? { loc: line.loc } : {}) };
      rows.push(current);
      continue;
    }
    const { before, parts } = splitLabelled(text);
    if (before !== '') {
      if (current) current.value.push(before);
      else if (rows.length === 0 || parts.length === 0) paragraphs.push({ text: before, ...(line.loc ? { loc: line.loc } : {}) });
    }
    for (const part of parts) {
      if (part.match.type === 'group') {
        rows.push({ label: part.match.group.label, group: true, value: [], ...(line.loc ? { loc: line.loc } : {}) });
        current = undefined;
        if (part.value !== '') paragraphs.push({ text: part.value });
        continue;
      }
      current = { label: part.match.field.label, value: part.value === '' ? [] : [part.value], ...(line.loc ? { loc: line.loc } : {}) };
      rows.push(current);
    }
  }
  if (!rows.some((r) => !r.group)) return undefined;
  const locs = rows.map((r) => r.loc);
  const table: GridTable = {
    rows: rows.map((r): GridCell[] =>
      r.group
        ? [{ text: r.label, col: 0, span: 2 }]
        : [
            { text: r.label, col: 0, span: 1 },
            { text: r.value.join('\n'), col: 1, span: 1 },
          ],
    ),
    locOf: (row) => locs[row] ?? { line: row + 1, column: 1, in: inName },
  };
  return { paragraphs, tables: [table] };
}
