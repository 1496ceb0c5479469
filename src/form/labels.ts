/**
 * Matching what people write as keys (YAML keys, table label cells) to the form's fields.
 * Lenient by design (docs/form.md, "Keys: how labels are matched"): half-width 「()」 for 「（）」, spaces, a trailing colon, the
 * parenthetical note dropped (「活动范围」 for 「活动范围（包括参与活动的街道、企事业单位等）」), or the
 * English id. Every importer uses this one matcher.
 */
import { closest, foldWidth } from '../core/text.js';
import { FIELDS, GROUPS, type Field, type Group } from './definition.js';

/** The comparable form of a label: width-folded, no spaces, no trailing colon, lower case. */
export function labelKey(text: string): string {
  return foldWidth(text)
    .replace(/[\s\u00a0\u200b\ufeff]+/g, '')
    .replace(/[:：]+$/, '')
    .replace(/^[*＊※]+|[*＊※]+$/g, '')
    .toLowerCase();
}

const withoutNotes = (key: string) => key.replace(/\([^)]*\)/g, '');

function keysOf(label: string, ...ids: string[]): string[] {
  const k = labelKey(label);
  return [...new Set([k, withoutNotes(k), ...ids.map(labelKey)])].filter(Boolean);
}

export type KeyMatch = { type: 'field'; field: Field } | { type: 'group'; group: Group };

const fieldKeys = new Map<string, Field>();
for (const field of FIELDS) for (const k of keysOf(field.label, field.key, field.id)) if (!fieldKeys.has(k)) fieldKeys.set(k, field);
const groupKeys = new Map<string, Group>();
for (const group of GROUPS) for (const k of keysOf(group.label, group.key)) groupKeys.set(k, group);

/**
 * What a key names. Inside a group, the group's own field keys are tried first, so a key that two
 * groups share (`scope`: 活动范围 and 宣传范围) resolves to the right one.
 */
export function matchKey(text: string, within?: Group): KeyMatch | undefined {
  const key = labelKey(text);
  const bare = withoutNotes(key);
  if (within) {
    for (const field of within.fields)
      if (keysOf(field.label, field.key, field.id).some((k) => k === key || k === bare)) return { type: 'field', field };
  }
  const group = groupKeys.get(key) ?? groupKeys.get(bare);
  if (group && !within) return { type: 'group', group };
  const field = fieldKeys.get(key) ?? fieldKeys.get(bare);
  return field ? { type: 'field', field } : undefined;
}

/** The field a mistyped label most likely meant, within the group first (「参加人数」 → 参加活动人数). */
export function suggestField(text: string, within?: Group): Field | undefined {
  const key = withoutNotes(labelKey(text));
  const candidates = (within ? [...within.fields, ...FIELDS] : [...FIELDS]).map((f) => ({ field: f, key: withoutNotes(labelKey(f.label)) }));
  return closest(key, candidates, (c) => c.key)?.field;
}

/** The label a mistyped key most likely meant (「参加人数」 → 「参加活动人数」). */
export function suggestLabel(text: string, within?: Group): string | undefined {
  const key = withoutNotes(labelKey(text));
  const pool = within ? [...within.fields, ...FIELDS] : [...FIELDS];
  const candidates = [
    ...pool.map((f) => ({ label: f.label, key: withoutNotes(labelKey(f.label)) })),
    ...(within ? [] : GROUPS.map((g) => ({ label: g.label, key: labelKey(g.label) }))),
  ];
  return closest(key, candidates, (c) => c.key)?.label;
}
