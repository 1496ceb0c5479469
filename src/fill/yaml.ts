/**
 * Answers → the YAML a clerk writes by hand (`src/template/yaml.ts`'s format): the form's Chinese
 * labels as keys, nested by group, each with its hint and example as a comment, so `validate`,
 * `render` and `fill --from` read it like any other submission. The draft is the same file with a
 * line of interview state in a comment (`draft.ts`).
 *
 * Values are written as `display.ts` prints them (12000, 98%, the period as typed, contacts as
 * 姓名/电话 items): the normalisers read that back to the same value.
 */
import { Document, isMap, isPair, isScalar, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { exampleFor, FIELDS, FORM, FURNITURE, type Field, type FieldSpec, type FormItem } from '../form/definition.js';
import { displayValue } from '../form/display.js';
import type { Contact } from '../form/schema.js';
import type { Values } from './questions.js';

function yamlValue(field: Field, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  switch (field.kind) {
    case 'count':
    case 'year':
      return value;
    case 'contacts':
      return (value as Contact[]).map((c) => ({ 姓名: c.name, 电话: c.phone }));
    default:
      return displayValue(field, value);
  }
}

const comment = (spec: FieldSpec, year: number) => ` ${spec.label}（${spec.required ? '必填' : '选填'}）：${spec.hint}。例：${exampleFor(spec, year)}`;

export interface SubmissionYamlOptions {
  /** Comment lines before everything else (without `#`). */
  header: readonly string[];
  /** The campaign's year, for the examples in the comments (default: the answers' 年度). */
  year?: number;
}

export function submissionYaml(values: Values, opts: SubmissionYamlOptions): string {
  const year = opts.year ?? (typeof values.year === 'number' ? values.year : 2023);
  const plain: Record<string, unknown> = {};
  // Nested as the form is: a field of a group goes under the group's label.
  for (const field of FIELDS) {
    const value = yamlValue(field, values[field.id]);
    if (!field.group) plain[field.label] = value;
    else ((plain[field.group.label] ??= {}) as Record<string, unknown>)[field.label] = value;
  }
  const doc = new Document(plain);
  doc.commentBefore = opts.header.map((l) => ` ${l}`).join('\n');
  const root = doc.contents as YAMLMap;
  const pairs = root.items as Array<Pair<Scalar, unknown>>;
  (FORM as readonly FormItem[]).forEach((item, i) => {
    const pair = pairs[i]!;
    pair.key.spaceBefore = i > 0;
    if (item.type === 'field') pair.key.commentBefore = comment(item, year);
    else {
      pair.key.commentBefore = ` ── ${item.label} ──`;
      if (isMap(pair.value))
        pair.value.items.forEach((inner, j) => {
          if (isPair(inner) && isScalar(inner.key)) inner.key.commentBefore = comment(item.fields[j]!, year);
        });
    }
  });
  doc.comment = ` ${FURNITURE.footnote}`;
  return doc.toString({ lineWidth: 0, nullStr: '' });
}
