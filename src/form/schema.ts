/**
 * The Zod schemas, derived from the one form definition (`definition.ts`).
 *
 * - `submissionSchema`: validated, normalised data with English ids (what `--json` prints as `data`,
 *   what renderers take). The TypeScript type `Submission` is inferred from it.
 * - `inputSchema(campaign)`: the YAML format a clerk writes (Chinese labels as keys, values as people
 *   write them), used only to emit the JSON Schema that editors read.
 *
 * Field labels, hints and examples travel as Zod metadata, so the JSON Schema carries them too.
 */
import * as z from 'zod/mini';
import { CONTACT_KEYS, FORM, type FieldKind, type FieldSpec, type FormItem } from './definition.js';

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'));
const nonEmpty = () => z.string().check(z.minLength(1));

/** The normalised value of each kind of field. */
const valueSchemas = {
  year: () => z.int().check(z.minimum(2000), z.maximum(2100)),
  text: nonEmpty,
  longText: nonEmpty,
  unit: nonEmpty,
  contacts: () => z.array(z.strictObject({ name: nonEmpty(), phone: nonEmpty() })).check(z.minLength(1)),
  count: () => z.int().check(z.minimum(0)),
  percent: () => z.number().check(z.minimum(0), z.maximum(100)),
  dateRange: () => z.strictObject({ start: isoDate, end: isoDate, text: z.string() }),
} satisfies Record<FieldKind, () => z.ZodMiniType>;

type ValueSchema<K extends FieldKind> = ReturnType<(typeof valueSchemas)[K]>;
type FieldSchema<S extends FieldSpec> = S['required'] extends true ? ValueSchema<S['kind']> : z.ZodMiniOptional<ValueSchema<S['kind']>>;
type FieldsShape<F extends readonly FieldSpec[]> = { -readonly [S in F[number] as S['key']]: FieldSchema<S> };
type FormShape<Items extends readonly FormItem[]> = {
  -readonly [I in Items[number] as I['key']]: I extends { type: 'group'; fields: infer F extends readonly FieldSpec[] }
    ? z.ZodMiniObject<FieldsShape<F>, z.core.$strict>
    : I extends FieldSpec
      ? FieldSchema<I>
      : never;
};

function fieldSchema(spec: FieldSpec): z.ZodMiniType {
  const schema = valueSchemas[spec.kind]().check(
    z.meta({ title: spec.label, description: spec.hint, examples: [spec.example] }),
  ) as z.ZodMiniType;
  return spec.required ? schema : z.optional(schema);
}

function buildSubmissionShape(): Record<string, z.ZodMiniType> {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const item of FORM as readonly FormItem[]) {
    if (item.type === 'field') shape[item.key] = fieldSchema(item);
    else {
      const inner: Record<string, z.ZodMiniType> = {};
      for (const spec of item.fields) inner[spec.key] = fieldSchema(spec);
      shape[item.key] = z.strictObject(inner).check(z.meta({ title: item.label }));
    }
  }
  return shape;
}

export const submissionSchema = z.strictObject(buildSubmissionShape() as unknown as FormShape<typeof FORM>);

/** A validated, normalised submission. */
export type Submission = z.infer<typeof submissionSchema>;
export type Contact = Submission['contacts'][number];
export type Period = Submission['content']['period'];

/** What the roster contributes to the input schema (so editors can offer the unit names). */
export interface InputSchemaContext {
  year: number;
  theme: string;
  unitNames: readonly string[];
}

/** The value a clerk may type for each kind: numbers or the text people really write. */
function inputValueSchema(spec: FieldSpec, ctx: InputSchemaContext): z.ZodMiniType {
  switch (spec.kind) {
    case 'year':
      return z.union([z.literal(ctx.year), z.string()]);
    case 'text':
    case 'longText':
      return z.string();
    case 'unit':
      return z.enum(ctx.unitNames as [string, ...string[]]);
    case 'contacts':
      return z.union([
        z.string(),
        z
          .array(
            z.object({
              [CONTACT_KEYS.name]: z.string().check(z.meta({ description: '联系人姓名' })),
              [CONTACT_KEYS.phone]: z.union([z.string(), z.number()]).check(z.meta({ description: '手机号或带区号的座机' })),
            }),
          )
          .check(z.minLength(1)),
      ]);
    case 'count':
      return z.union([z.int().check(z.minimum(0)), z.string()]);
    case 'percent':
      return z.union([z.number().check(z.minimum(0), z.maximum(100)), z.string()]);
    case 'dateRange':
      return z.union([z.string(), z.object({ start: z.string(), end: z.string() }).check(z.meta({ description: 'ISO 日期：YYYY-MM-DD' }))]);
  }
}

function inputFieldSchema(spec: FieldSpec, ctx: InputSchemaContext): z.ZodMiniType {
  const example = spec.default === 'campaign.year' ? String(ctx.year) : spec.default === 'campaign.theme' ? ctx.theme : spec.example;
  return inputValueSchema(spec, ctx).check(
    z.meta({ title: spec.label, description: `${spec.hint}${spec.required ? '（必填）' : '（选填）'}`, examples: [example] }),
  ) as z.ZodMiniType;
}

/** The YAML format with the form's Chinese labels as keys, nested by group. */
export function inputSchema(ctx: InputSchemaContext): z.ZodMiniType {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const item of FORM as readonly FormItem[]) {
    if (item.type === 'field') {
      const s = inputFieldSchema(item, ctx);
      shape[item.label] = item.required ? s : z.optional(s);
    } else {
      const inner: Record<string, z.ZodMiniType> = {};
      for (const spec of item.fields) {
        const s = inputFieldSchema(spec, ctx);
        inner[spec.label] = spec.required ? s : z.optional(s);
      }
      shape[item.label] = z.strictObject(inner).check(z.meta({ title: item.label, description: `${item.label}（分组）` }));
    }
  }
  return z.strictObject(shape).check(
    z.meta({
      title: `${ctx.year} 年全民终身学习活动开展情况统计表`,
      description: '全民终身学习活动周报送工具（lifelong-week）的 YAML 报送格式：键为统计表上的项目名称。',
    }),
  );
}
