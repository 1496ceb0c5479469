/**
 * The one YAML writer: values → the YAML a clerk writes by hand, with the form's Chinese labels as
 * keys, nested by group, each with its hint and example as a comment, so `validate`, `render` and
 * `fill --from` read it like any other submission. The blank template (`yaml.ts`), `fill`'s output
 * and its draft (the same file with a line of interview state in a comment) all come from here.
 *
 * Values are written as `display.ts` prints them (12000, 98%, the period as typed, contacts as
 * 姓名/电话 items): the normalisers read that back to the same value.
 */
import { Document, isMap, isPair, isScalar, type Pair, type Scalar, type YAMLMap } from 'yaml';
import {
  CONTACT_KEYS,
  exampleFor,
  FIELDS,
  FORM,
  FURNITURE,
  type Field,
  type FieldSpec,
  type FieldId,
  type FormItem,
} from '../form/definition.js';
import { displayValue } from '../form/display.js';
import type { Contact } from '../form/schema.js';

/** Answers by field id (a blank template has only the defaults). */
export type Values = Readonly<Partial<Record<FieldId, unknown>>>;

function yamlValue(field: Field, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  switch (field.kind) {
    case 'count':
    case 'year':
      return value;
    case 'contacts':
      return (value as Contact[]).map((c) => ({ [CONTACT_KEYS.name]: c.name, [CONTACT_KEYS.phone]: c.phone }));
    default:
      return displayValue(field, value);
  }
}

/** A field's comment: its label, whether it is required, the hint and an example; for a blank template, how to write longer answers. */
function comment(spec: FieldSpec, year: number, howTo: boolean): string {
  const lines = [` ${spec.label}（${spec.required ? '必填' : '选填'}）：${spec.hint}。例：${exampleFor(spec, year)}`];
  if (howTo && spec.kind === 'contacts')
    lines.push(
      '   也可逐人填写：',
      `   ${spec.label}:`,
      `     - ${CONTACT_KEYS.name}: 张敏`,
      `       ${CONTACT_KEYS.phone}: 0791-86771234`,
    );
  if (howTo && spec.kind === 'longText') lines.push('   内容较长可分行：冒号后写「|」，换行后每行缩进两格。');
  return lines.join('\n');
}

export interface SubmissionYamlOptions {
  /** Comment lines before everything else (without `#`). */
  header: readonly string[];
  /** The campaign's year, for the examples in the comments (default: the answers' 年度). */
  year?: number;
  /** Add how to write several contacts or several lines (the blank template, for a first-time reader). */
  howTo?: boolean;
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
    if (item.type === 'field') pair.key.commentBefore = comment(item, year, opts.howTo ?? false);
    else {
      pair.key.commentBefore = ` ── ${item.label} ──`;
      if (isMap(pair.value))
        pair.value.items.forEach((inner, j) => {
          if (isPair(inner) && isScalar(inner.key)) inner.key.commentBefore = comment(item.fields[j]!, year, opts.howTo ?? false);
        });
    }
  });
  doc.comment = ` ${FURNITURE.footnote}`;
  return doc.toString({ lineWidth: 0, nullStr: '' });
}
