/** The one definition of the form: character-exact to the notice, and everything derived from it. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIELDS, FURNITURE, GROUPS } from '../src/form/definition.js';
import { matchKey, suggestLabel } from '../src/form/labels.js';
import { submissionSchema } from '../src/form/schema.js';
import { fixture } from './helpers.js';

/** The annex table of the notice: tab-separated rows 「组 \t 项 \t」 or 「项 \t\t」. */
function annexRows(text: string): Array<{ group?: string; label: string }> {
  const rows: Array<{ group?: string; label: string }> = [];
  let group: string | undefined;
  for (const line of text.split('\n')) {
    if (!line.includes('\t')) continue;
    const [a, b] = line.split('\t');
    if (a && b) {
      group = a;
      rows.push({ group, label: b });
    } else if (!a && b) rows.push({ group, label: b });
    else if (a) {
      group = undefined;
      rows.push({ label: a });
    }
  }
  return rows;
}

describe('the form definition', () => {
  const annex = readFileSync(fixture('notice', 'annex-2023.md'), 'utf8');

  it('has every table row of the notice’s annex, in order, character-exact', () => {
    const ours = FIELDS.filter((f) => f.placement === 'row').map((f) => ({
      ...(f.group ? { group: f.group.label } : {}),
      label: f.label,
    }));
    expect(ours).toEqual(annexRows(annex));
  });

  it('prints the notice’s furniture character-exact', () => {
    expect(annex).toContain(FURNITURE.annexLabel);
    expect(annex).toContain(FURNITURE.title(2023));
    expect(annex).toContain(FURNITURE.stampLine);
    expect(annex).toContain(FURNITURE.footnote);
    expect(FIELDS.find((f) => f.placement === 'header')?.label).toBe(FURNITURE.stampLine.replace(/：$/, ''));
  });

  it('the committed annex copy is in the original notice beside the checkout, when present', () => {
    const notice = fixture('..', '..', 'shared', 'seed', 'notice-2023-nanchang.md');
    if (!existsSync(notice)) return void console.warn('skipped: the original notice is not beside the checkout');
    expect(readFileSync(notice, 'utf8')).toContain(annex.trim());
  });

  it('ids are unique and every group has fields', () => {
    expect(new Set(FIELDS.map((f) => f.id)).size).toBe(FIELDS.length);
    for (const g of GROUPS) expect(g.fields.length).toBeGreaterThan(0);
  });

  it('the Zod schema carries every label as metadata and has one key per field', () => {
    const shape = submissionSchema.def.shape as Record<string, unknown>;
    expect(Object.keys(shape)).toEqual([...new Set(FIELDS.map((f) => f.id.split('.')[0]))]);
  });
});

describe('label matching', () => {
  it.each([
    ['参加活动人数', 'participation.participantCount'],
    ['参加活动人数：', 'participation.participantCount'],
    [' 参加 活动 人数 ', 'participation.participantCount'],
    ['participantCount', 'participation.participantCount'],
    ['participation.participantCount', 'participation.participantCount'],
    ['出席活动(开幕式)的领导', 'leadership.openingLeaders'],
    ['出席活动的领导', 'leadership.openingLeaders'],
    ['活动范围', 'reach.scope'],
    ['活动范围(包括参与活动的街道、企事业单位等)', 'reach.scope'],
    ['教育行政部门', 'department'],
    ['教育行政部门(盖章)', 'department'],
    ['举办县区', 'district'],
    ['ＤＩＳＴＲＩＣＴ', 'district'],
  ])('%s → %s', (key, id) => {
    const m = matchKey(key);
    expect(m?.type === 'field' && m.field.id).toBe(id);
  });

  it('resolves a key two groups share by the group it is in', () => {
    const publicity = GROUPS.find((g) => g.key === 'publicity')!;
    const m = matchKey('scope', publicity);
    expect(m?.type === 'field' && m.field.id).toBe('publicity.scope');
  });

  it('matches group labels', () => {
    expect(matchKey('组织领导')).toMatchObject({ type: 'group', group: { key: 'leadership' } });
    expect(matchKey('leadership')).toMatchObject({ type: 'group', group: { key: 'leadership' } });
  });

  it.each([
    ['参加人数', '参加活动人数'],
    ['活动成果', '活动成效'],
    ['满意度', '群众满意度'],
    ['联系电话', '联系人及电话'],
  ])('suggests 「%s」 → 「%s」', (key, label) => expect(suggestLabel(key)).toBe(label));

  it('does not match or suggest for unrelated keys', () => {
    expect(matchKey('__proto__')).toBeUndefined();
    expect(suggestLabel('__proto__')).toBeUndefined();
  });
});
