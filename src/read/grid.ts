/**
 * One idea serves every form-shaped document (docs/inbox.md, "What arrives, and how each kind is read"): reduce a Word table, a `.doc`'s table text
 * or a spreadsheet to a grid of cells, then this one matcher maps label cells to field ids and takes
 * the value cell beside each. Readers differ; the matcher and the validation do not.
 *
 * The annex's table has three columns — group label (merged down), item label, value — and single
 * rows whose label spans both label columns. People retype it with extra blank rows, a header row
 * 「项目 | 内容」, merged cells lost, or the value in the same cell after a colon; all of that is read.
 */
import { warning, type Loc, type Problem, type RawSubmission } from '../core/problem.js';
import { FIELDS, FURNITURE, groupByKey, type Group, type FieldId } from '../form/definition.js';
import { labelKey, matchKey, suggestField, suggestLabel } from '../form/labels.js';

export interface GridCell {
  text: string;
  /** First grid column the cell covers (0-based) and how many it spans. */
  col: number;
  span: number;
  /** A vertically merged continuation: it repeats the cell above (text is the origin's). */
  continued?: boolean;
  /**
   * The cell's first paragraph goes on with the last paragraph of the same value in the table
   * before (a value our DOCX split between pages, read/docx-grid.ts): joined without a line break.
   */
  joinsPrevious?: boolean;
}

export interface GridTable {
  rows: GridCell[][];
  /** How to point at a row in messages: table number (1-based) for DOCX, sheet line for XLSX. */
  locOf(row: number, col: number): Loc;
}

/** Text outside tables (title, the 「教育行政部门（盖章）：」 line), in document order. */
export interface FormDocument {
  paragraphs: Array<{ text: string; loc?: Loc }>;
  tables: GridTable[];
}

/** Header cells people add above the table; not labels, not data. */
const HEADER_WORDS = new Set(['项目', '内容', '填写内容', '情况', '具体情况', '备注', '序号', '类别', '指标', '说明', '填报内容']);

/** 「2023 年全民终身学习活动开展情况统计表」 with spaces removed: the year in the title. */
const TITLE = new RegExp(`(\\d{4})年${FURNITURE.title(0).replace(/^0 年/, '')}`);

const isBlank = (s: string) => s.replace(/[\s\u3000_]+/g, '') === '';

/**
 * Whether `cells[j]`, the cell after a field label, is that label's value whatever it says: it is the
 * row's last filled cell. A value may read like a label — 「其他」｜「活动时间」, or 「活动成效（详见工作总结）」,
 * which matches 活动成效 once the note is dropped — and must not be taken for one.
 */
function isTrailingValue(cells: readonly GridCell[], j: number): boolean {
  for (let k = j + 1; k < cells.length; k++) if (!cells[k]!.continued && !isBlank(cells[k]!.text)) return false;
  return true;
}

/** The index of the cell holding the value of the field label at `i`: the next cell of its own. */
function valueIndex(cells: readonly GridCell[], i: number): number {
  for (let j = i + 1; j < cells.length; j++) if (!cells[j]!.continued) return j;
  return -1;
}

/** Tables are not changed once read: their labelled fields are found once (formTable, formTables, labelCount ask again). */
const labelledCache = new WeakMap<GridTable, { rows: GridCell[][]; found: number[] }>();

/** The form's fields a table labels, as positions in the form (FIELDS order), in reading order. */
function labelledFields(table: GridTable): number[] {
  const cached = labelledCache.get(table);
  if (cached && cached.rows === table.rows) return cached.found;
  const found = findLabelledFields(table);
  labelledCache.set(table, { rows: table.rows, found });
  return found;
}

/** For a reader that changed a table's cell texts (traditional characters folded). */
export function forgetLabels(table: GridTable): void {
  labelledCache.delete(table);
}

function findLabelledFields(table: GridTable): number[] {
  const found: number[] = [];
  let group: Group | undefined;
  for (const row of table.rows) {
    let skip = -1;
    row.forEach((cell, i) => {
      if (i === skip) return;
      const m = matchKey(cell.text, group) ?? matchKey(cell.text);
      if (m?.type === 'group') group = m.group;
      else if (m?.type === 'field') {
        found.push(FIELDS.indexOf(m.field));
        const j = valueIndex(row, i);
        if (j >= 0 && isTrailingValue(row, j)) skip = j;
      }
    });
  }
  return found;
}

/** How many of the form's labels a table carries: a table with few is not the 统计表. */
export function labelCount(table: GridTable): number {
  return new Set(labelledFields(table)).size;
}

/** The table that is the form: the one with the most labels, if it has enough to be one. */
export function formTable(doc: FormDocument, minimum = 5): GridTable | undefined {
  let best: { table: GridTable; n: number } | undefined;
  for (const table of doc.tables) {
    const n = labelCount(table);
    if (!best || n > best.n) best = { table, n };
  }
  return best && best.n >= minimum ? best.table : undefined;
}

/**
 * Every table that is part of the form, in document order: the form's table (`formTable`) and the
 * tables around it that continue it — ours on the pages after the first (「（续表）」, render/docx.ts),
 * or the annex's own layout, whose table breaks between 活动参与情况 and 活动主题与内容 (notice,
 * 附件). A table continues the form when its labels go on where the form so far stops (or repeat its
 * last row: 「活动内容（续）」); a table without labels (a signature block) neither belongs nor breaks
 * the run; a table whose labels start over (a second copy of the form, last year's sheet) ends it.
 */
export function formTables(doc: FormDocument, minimum = 5): GridTable[] {
  const best = formTable(doc, minimum);
  if (!best) return [];
  const fields = doc.tables.map(labelledFields);
  const at = doc.tables.indexOf(best);
  const inOrder = (f: number[]) => f.every((x, i) => i === 0 || f[i - 1]! <= x);
  const run = [at];
  let first = Math.min(...fields[at]!);
  let last = Math.max(...fields[at]!);
  for (let i = at + 1; i < doc.tables.length; i++) {
    const f = fields[i]!;
    if (f.length === 0) continue;
    if (!inOrder(f) || f[0]! < last) break;
    run.push(i);
    last = f[f.length - 1]!;
  }
  for (let i = at - 1; i >= 0; i--) {
    const f = fields[i]!;
    if (f.length === 0) continue;
    if (!inOrder(f) || f[f.length - 1]! > first) break;
    run.unshift(i);
    first = f[0]!;
  }
  return run.map((i) => doc.tables[i]!);
}

/** 「活动内容（续）」: the label of the rest of a row continued from the page before. */
function isContinuedLabel(text: string): boolean {
  return labelKey(text).endsWith(labelKey(FURNITURE.continuedLabel));
}

/** 「参加活动人数：1.2万」 typed into the label cell itself. */
function splitInline(text: string): { label: string; value: string } | undefined {
  const m = /^([^:：]{2,40})[:：]\s*([\s\S]+)$/.exec(text.trim());
  if (!m || !matchKey(m[1]!)) return undefined;
  return { label: m[1]!, value: m[2]! };
}

export function matchGrid(doc: FormDocument, raw: RawSubmission): void {
  // Furniture outside the table: the title's year and the stamp line's department.
  for (const p of doc.paragraphs) {
    const text = p.text.trim();
    const year = TITLE.exec(text.replace(/\s+/g, ''));
    if (year && !raw.entries.has('year')) raw.entries.set('year', { value: Number(year[1]), ...(p.loc ? { loc: p.loc } : {}) });
    const stamp = /^教育行政部门\s*[（(]\s*盖章\s*[)）]\s*[:：]?\s*(.*)$/.exec(text);
    if (stamp && !raw.entries.has('department')) {
      // The line may go on with other furniture: 「…教育体育局　　填报日期：2023年11月28日」.
      const value = stamp[1]!
        .replace(/[\s\u3000_]*(填报|填表|报送)?(日期|时间|人)[:：][\s\S]*$/, '')
        .replace(/^[_\s\u3000]+|[_\s\u3000]+$/g, '');
      raw.entries.set('department', { value, ...(p.loc ? { loc: p.loc } : {}) });
    }
  }
  // The group goes on from one table to the next: a table continued on a new page may start inside a group.
  let group: Group | undefined;
  for (const table of formTables(doc)) group = matchTable(table, raw, group);
}

/** Match one table's rows; returns the group the table ends in. */
function matchTable(table: GridTable, raw: RawSubmission, startGroup: Group | undefined): Group | undefined {
  let group = startGroup;
  table.rows.forEach((row, r) => {
    const cells = row.filter((c) => !isBlank(c.text) || !c.continued);
    let consumedUntil = -1;
    let matchedInRow = false;
    for (let i = 0; i < cells.length; i++) {
      if (i <= consumedUntil) continue;
      const cell = cells[i]!;
      const text = cell.text.trim();
      if (isBlank(text) || HEADER_WORDS.has(labelKey(text))) continue;
      const m = matchKey(text, group) ?? matchKey(text);
      if (m?.type === 'group') {
        group = m.group;
        continue;
      }
      if (m?.type === 'field') {
        const field = m.field;
        // A top-level row (举办县区 …) ends the group above it; an item of another group starts that group.
        group = field.group ? groupByKey(field.group.key) : undefined;
        let value = '';
        let at = table.locOf(r, cell.col);
        let joinsPrevious = false;
        for (let j = i + 1; j < cells.length; j++) {
          const next = cells[j]!;
          if (next.continued) continue;
          if (!isBlank(next.text) && !isTrailingValue(cells, j) && (matchKey(next.text.trim(), group) ?? matchKey(next.text.trim()))) break;
          value = next.text;
          joinsPrevious = !!next.joinsPrevious;
          at = table.locOf(r, next.col);
          consumedUntil = j;
          break;
        }
        const previous = raw.entries.get(field.id);
        if (previous && !isBlank(String(previous.value ?? '')) && isContinuedLabel(text))
          // The rest of a value split between pages: a new paragraph, or the same one going on.
          raw.entries.set(field.id, { ...previous, value: `${String(previous.value ?? '')}${joinsPrevious ? '' : '\n'}${value}` });
        else setEntry(raw, field.id, value, at, field.labelPath);
        matchedInRow = true;
        continue;
      }
      const inline = splitInline(text);
      if (inline) {
        const im = matchKey(inline.label, group) ?? matchKey(inline.label);
        if (im?.type === 'field') {
          setEntry(raw, im.field.id, inline.value, table.locOf(r, cell.col), im.field.labelPath);
          matchedInRow = true;
          continue;
        }
      }
      // A label typed a little differently in a hand-made table (「参加人数」): read it as the
      // closest label of its group when that one is still empty, and say so.
      const valueCell = cells.slice(i + 1).find((c) => !c.continued);
      const guess = !matchedInRow && valueCell && !matchKey(valueCell.text.trim()) ? suggestField(text, group) : undefined;
      if (guess && !raw.entries.has(guess.id) && (!guess.group || !group || guess.group.key === group.key)) {
        setEntry(raw, guess.id, valueCell!.text, table.locOf(r, valueCell!.col), guess.labelPath);
        raw.problems.push(
          warning(
            'grid.labelGuessed',
            { text: text.slice(0, 40), label: guess.labelPath },
            { field: guess.id, loc: table.locOf(r, cell.col) },
          ),
        );
        matchedInRow = true;
        consumedUntil = cells.indexOf(valueCell!);
        continue;
      }
      // Text in a label position that is no label: say so rather than drop it silently.
      if (!matchedInRow && !cell.continued && valueCell && !isBlank(valueCell.text)) {
        const suggestion = suggestLabel(text, group);
        raw.problems.push(
          warning(
            'grid.unknownLabel',
            { text: text.slice(0, 40), ...(suggestion ? { suggestion } : {}) },
            { loc: table.locOf(r, cell.col) },
          ),
        );
        consumedUntil = cells.length;
      }
    }
  });
  return group;
}

function setEntry(raw: RawSubmission, id: FieldId, value: string, loc: Loc, label: string): void {
  const previous = raw.entries.get(id);
  if (previous) {
    if (isBlank(String(previous.value ?? ''))) raw.entries.set(id, { value, loc });
    else if (!isBlank(value) && String(previous.value).trim() !== value.trim())
      raw.problems.push({
        severity: 'error',
        code: 'key.duplicate',
        params: { label, otherLine: previous.loc?.line ?? '?' },
        field: id,
        loc,
      } as Problem);
    return;
  }
  raw.entries.set(id, { value, loc });
}
