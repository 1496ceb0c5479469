/**
 * Matching what people write as keys (YAML keys, table label cells) to the form's fields.
 * Lenient by design (docs/form.md, "Keys: how labels are matched"): half-width 「()」 for 「（）」, spaces, a trailing colon, the
 * parenthetical note dropped (「活动范围」 for 「活动范围（包括参与活动的街道、企事业单位等）」), or the
 * English id. Every importer uses this one matcher.
 */
import { closest, foldWidth } from '../core/text.js';
import { FIELDS, GROUPS, type Field, type Group } from './definition.js';

/**
 * Keys of short texts already seen: the same label cells come back in every file of an inbox.
 * Bounded (cleared when full), and only texts of label length are kept.
 */
const seenKeys = new Map<string, string>();
const SEEN_MAX = 20_000;
const SEEN_TEXT_MAX = 120;

/** The comparable form of a label: width-folded, no spaces, no trailing colon, lower case. */
export function labelKey(text: string): string {
  const known = seenKeys.get(text);
  if (known !== undefined) return known;
  const key = foldWidth(text)
    .replace(/[\s\u00a0\u200b\ufeff]+/g, '')
    .replace(/[:：]+$/, '')
    .replace(/^[*＊※]+|[*＊※]+$/g, '')
    .toLowerCase();
  if (text.length <= SEEN_TEXT_MAX) {
    if (seenKeys.size >= SEEN_MAX) seenKeys.clear();
    seenKeys.set(text, key);
  }
  return key;
}

const withoutNotes = (key: string) => key.replace(/\([^)]*\)/g, '');

function keysOf(label: string, ...ids: string[]): string[] {
  const k = labelKey(label);
  return [...new Set([k, withoutNotes(k), ...ids.map(labelKey)])].filter(Boolean);
}

export type KeyMatch = { type: 'field'; field: Field } | { type: 'group'; group: Group };

const fieldKeys = new Map<string, Field>();
/** Each field's own keys, built once. */
const keysOfField = new Map<Field, string[]>();
for (const field of FIELDS) {
  const keys = keysOf(field.label, field.key, field.id);
  keysOfField.set(field, keys);
  for (const k of keys) if (!fieldKeys.has(k)) fieldKeys.set(k, field);
}
/** Each field's label as `suggestField`/`suggestLabel` compare it, built once. */
const bareLabel = new Map<Field, string>(FIELDS.map((f) => [f, withoutNotes(labelKey(f.label))]));
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
      if ((keysOfField.get(field) ?? keysOf(field.label, field.key, field.id)).some((k) => k === key || k === bare))
        return { type: 'field', field };
  }
  const group = groupKeys.get(key) ?? groupKeys.get(bare);
  if (group && !within) return { type: 'group', group };
  const field = fieldKeys.get(key) ?? fieldKeys.get(bare);
  return field ? { type: 'field', field } : undefined;
}

/** The field a mistyped label most likely meant, within the group first (「参加人数」 → 参加活动人数). */
export function suggestField(text: string, within?: Group): Field | undefined {
  const key = withoutNotes(labelKey(text));
  const candidates = (within ? [...within.fields, ...FIELDS] : [...FIELDS]).map((f) => ({
    field: f,
    key: bareLabel.get(f) ?? withoutNotes(labelKey(f.label)),
  }));
  return closest(key, candidates, (c) => c.key)?.field;
}

/** The label a mistyped key most likely meant (「参加人数」 → 「参加活动人数」). */
export function suggestLabel(text: string, within?: Group): string | undefined {
  const key = withoutNotes(labelKey(text));
  const pool = within ? [...within.fields, ...FIELDS] : [...FIELDS];
  const candidates = [
    ...pool.map((f) => ({ label: f.label, key: bareLabel.get(f) ?? withoutNotes(labelKey(f.label)) })),
    ...(within ? [] : GROUPS.map((g) => ({ label: g.label, key: labelKey(g.label) }))),
  ];
  return closest(key, candidates, (c) => c.key)?.label;
}
