/**
 * Every named fixture and the issues it must produce (field and severity), through the same
 * `checkFile` the CLI uses. The invalid fixtures are the realistic sample with one thing wrong
 * (scripts/make-fixtures.mjs), so each expectation lists everything the file triggers.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NANCHANG_2023 } from '../src/campaign/campaign.js';
import { checkFile, type FileResult } from '../src/inbox/check.js';
import { fixture } from './helpers.js';

async function check(...parts: string[]): Promise<FileResult> {
  const path = fixture(...parts);
  return checkFile({ path: parts.join('/'), size: statSync(path).size, load: async () => readFileSync(path) }, NANCHANG_2023);
}
const summary = (r: FileResult) => r.problems.map((p) => `${p.severity}:${p.code}${p.field ? `@${p.field}` : ''}`);

/** `line`: where the last listed problem points. */
/** `status` belongs to submissions only; a file that is not one (unreadable, unsafe) has none. */
const EXPECTED: Record<string, { fate?: string; status?: 'valid' | 'invalid'; problems: string[]; line?: number }> = {
  'missing-required.yaml': {
    status: 'invalid',
    problems: ['error:required@participation.participantCount', 'error:required@content.outcomes'],
  },
  // The mistyped key's own error names the label; no second "missing" error for it.
  'unknown-key.yaml': { status: 'invalid', problems: ['error:key.unknown'], line: 19 },
  'duplicate-key.yaml': { status: 'invalid', problems: ['error:key.duplicate@leadership.coordinator'], line: 16 },
  'count-vague.yaml': { status: 'invalid', problems: ['error:count.vague@participation.participantCount'], line: 19 },
  'count-approximate.yaml': { status: 'valid', problems: ['warning:count.approximate@participation.participantCount'] },
  'count-negative.yaml': { status: 'invalid', problems: ['error:count.negative@participation.activityCount'], line: 18 },
  'count-fraction.yaml': { status: 'invalid', problems: ['error:count.fraction@participation.activityCount'] },
  'percent-over-100.yaml': { status: 'invalid', problems: ['error:percent.outOfRange@reach.satisfaction'], line: 32 },
  'percent-fraction.yaml': { status: 'valid', problems: ['warning:percent.fraction@reach.satisfaction'] },
  'date-vague.yaml': { status: 'invalid', problems: ['error:date.vague@content.period'], line: 29 },
  'date-end-before-start.yaml': { status: 'invalid', problems: ['error:date.endBeforeStart@content.period'] },
  'date-not-real.yaml': { status: 'invalid', problems: ['error:date.notReal@content.period'] },
  'date-outside-window.yaml': { status: 'valid', problems: ['warning:date.outsideWindow@content.period'] },
  'date-after-deadline.yaml': { status: 'valid', problems: ['warning:date.afterDeadline@content.period'] },
  'year-mismatch.yaml': { status: 'invalid', problems: ['error:year.mismatch@year'], line: 3 },
  'unit-unknown.yaml': { status: 'invalid', problems: ['error:unit.unknown@district'], line: 5 },
  'contacts-bad-phone.yaml': { status: 'invalid', problems: ['error:contacts.badPhone@contacts'] },
  'contacts-no-phone.yaml': { status: 'invalid', problems: ['error:contacts.noPhone@contacts'] },
  'participants-below-activities.yaml': {
    status: 'valid',
    problems: ['warning:participants.belowActivities@participation.participantCount'],
  },
  'participants-implausible.yaml': { status: 'valid', problems: ['warning:participants.implausible@participation.participantCount'] },
  'department-other-unit.yaml': { status: 'valid', problems: ['warning:department.otherUnit@department'] },
  'group-not-mapping.yaml': { status: 'invalid', problems: ['error:group.notMapping'], line: 12 },
  'value-not-text.yaml': { status: 'invalid', problems: ['error:value.notText@content.outcomes'] },
  'yaml-syntax.yaml': { status: 'invalid', problems: ['error:yaml.badIndent@leadership.coordinator'], line: 15 },
  'yaml-no-colon.yaml': { status: 'invalid', problems: ['error:yaml.noColon'], line: 39 },
  'quote-unclosed.yaml': { status: 'valid', problems: ['warning:yaml.quoteFixed@leadership.coordinator'], line: 15 },
  'colon-fullwidth.yaml': { status: 'valid', problems: ['warning:yaml.colonFixed@district'], line: 5 },
  'colon-missing.yaml': { status: 'valid', problems: ['warning:yaml.colonMissing@content.period'], line: 29 },
  'tab-indent.yaml': { status: 'valid', problems: ['warning:yaml.tabFixed'], line: 15 },
  'hash-in-text.yaml': { status: 'valid', problems: ['warning:yaml.hashKept@publicity.scope'], line: 35 },
  'multiline-without-pipe.yaml': { status: 'valid', problems: [] },
  'group-value-before-items.yaml': { status: 'invalid', problems: ['error:group.valueBeforeItems'], line: 12 },
  'count-invalid.yaml': { status: 'invalid', problems: ['error:count.invalid@participation.activityCount'], line: 18 },
  'percent-invalid.yaml': { status: 'invalid', problems: ['error:percent.invalid@reach.satisfaction'] },
  'date-invalid.yaml': { status: 'invalid', problems: ['error:date.invalid@content.period'] },
  'contacts-no-name.yaml': { status: 'invalid', problems: ['error:contacts.noName@contacts'] },
  'key-outside-group.yaml': { status: 'valid', problems: ['warning:key.outsideGroup@participation.participantCount'], line: 37 },
  'year-invalid.yaml': { status: 'invalid', problems: ['error:year.invalid@year'] },
  'theme-default.yaml': { status: 'valid', problems: ['warning:default.used@content.theme'] },
  'participants-per-activity.yaml': { status: 'valid', problems: ['warning:participants.perActivity@participation.participantCount'] },
  'not-mapping.yaml': { status: 'invalid', problems: ['error:doc.notMapping'] },
  'multiple-documents.yaml': { status: 'invalid', problems: ['error:yaml.multipleDocuments'] },
  'proto-key.yaml': { status: 'invalid', problems: ['error:key.unknown', 'error:key.unknown'], line: 40 },
  // 0 bytes: no unit, no format, nothing typed — unreadable (empty), not an invalid submission.
  'empty.yaml': { fate: 'unreadable', status: undefined, problems: ['error:file.empty'] },
  'comments-only.yaml': { status: 'invalid', problems: ['error:file.empty'] },
  'alias-bomb.yaml': { fate: 'unsafe', problems: ['error:yaml.aliasBomb'] },
  'json-syntax.json': { status: 'invalid', problems: ['error:json.syntax'], line: 33 },
  'binary.yaml': { fate: 'unreadable', problems: ['error:file.binary'] },
  'word-renamed.yaml': { fate: 'unreadable', problems: ['error:file.binary'] },
};

describe('invalid fixtures: each produces exactly its issues', () => {
  it('every fixture file has an expectation, and every expectation a file', () => {
    expect(readdirSync(fixture('invalid')).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', async (name, want) => {
    const r = await check('invalid', name);
    expect(r.fate).toBe(want.fate ?? 'submission');
    expect(r.status).toBe(want.status);
    expect(summary(r)).toEqual(want.problems);
    if (want.line !== undefined) expect(r.problems[r.problems.length - 1]?.loc?.line).toBe(want.line);
  });

  it('lenient repairs read exactly what was typed', async () => {
    const data = (name: string) => check('invalid', name).then((r) => r.data as Record<string, Record<string, unknown>>);
    expect((await data('multiline-without-pipe.yaml')).content!.outcomes).toBe(
      '营造了全民终身学习的浓厚氛围；\n老年人数字技能短板得到有效弥补。',
    );
    expect((await data('hash-in-text.yaml')).publicity!.scope).toBe('微博话题 #书香东湖# 阅读量10万');
    expect((await data('quote-unclosed.yaml')).leadership!.coordinator).toBe('东湖区社区教育学院');
    expect((await data('colon-missing.yaml')).content!.period).toMatchObject({ start: '2023-11-15', end: '2023-11-21' });
  });

  it('a hostile `__proto__` key pollutes nothing', async () => {
    await check('invalid', 'proto-key.yaml');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the alias bomb is refused quickly and without growing memory', async () => {
    const before = process.memoryUsage().heapUsed;
    const t = performance.now();
    const r = await check('invalid', 'alias-bomb.yaml');
    expect(r.fate).toBe('unsafe');
    expect(performance.now() - t).toBeLessThan(2000);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
  });
});

describe('the sample submissions', () => {
  it('东湖区.yaml is valid, fully normalised, with originals kept', async () => {
    const r = await check('sample', '东湖区.yaml');
    expect(summary(r)).toEqual([]);
    expect(r.status).toBe('valid');
    expect(r.unit).toBe('东湖区');
    expect(r.data).toMatchObject({
      year: 2023,
      department: '东湖区教育体育局',
      district: '东湖区',
      contacts: [
        { name: '张敏', phone: '0791-86771234' },
        { name: '李 翾', phone: '13907912345' },
      ],
      participation: { activityCount: 36, participantCount: 12000 },
      content: { theme: '让学习成为一种生活方式', period: { start: '2023-11-15', end: '2023-11-21', text: '2023年11月15日至11月21日' } },
      reach: { satisfaction: 98 },
      other: '无',
    });
    expect((r.data as { content: { description: string } }).content.description.split('\n')).toHaveLength(4);
    expect(r.originals).toEqual({ 'participation.participantCount': '1.2万人次' });
  });

  it('西湖区.yaml: half-width brackets, a dropped note, 全角 digits, free-text contacts, a year-less period', async () => {
    const r = await check('sample', '西湖区.yaml');
    expect(r.status).toBe('valid');
    expect(summary(r)).toEqual(['warning:count.approximate@participation.participantCount']);
    expect(r.data).toMatchObject({
      contacts: [
        { name: '刘晓燕', phone: '0791-86512345' },
        { name: '陈 曦', phone: '18607918888' },
      ],
      participation: { activityCount: 52, participantCount: 25000 },
      content: { period: { start: '2023-11-16', end: '2023-11-22' } },
      reach: { satisfaction: 97.5 },
    });
    expect(r.data).not.toHaveProperty('other');
  });

  it('青山湖区.json: English ids, an alias for the unit', async () => {
    const r = await check('sample', '青山湖区.json');
    expect(summary(r)).toEqual([]);
    expect(r.unit).toBe('青山湖区');
    expect(r.originals?.district).toBe('青山湖');
    expect(r.data).toMatchObject({
      participation: { participantCount: 8600 },
      content: { period: { start: '2023-11-14', end: '2023-11-24' } },
    });
  });

  it.each(['gbk.yaml', 'utf8-bom-crlf.yaml', 'utf16le-bom.yaml'])('encoding/%s reads like the UTF-8 original', async (name) => {
    const original = await check('sample', '东湖区.yaml');
    const r = await check('encoding', name);
    expect(summary(r)).toEqual([]);
    const expected = structuredClone(original.data) as { contacts: Array<{ name: string }> };
    if (name === 'gbk.yaml') expected.contacts[1]!.name = '李 华';
    expect(r.data).toEqual(expected);
  });
});

describe('locations', () => {
  it('a problem with one contact in a list points at that contact’s line', async () => {
    const { readYamlText } = await import('../src/read/yaml.js');
    const { validateRaw } = await import('../src/validate/validate.js');
    const text = '举办县区: 东湖区\n联系人及电话:\n  - 姓名: 张敏\n    电话: 0791-86771234\n  - 姓名: 李华\n  - 电话: 13907912345\n';
    const r = validateRaw(readYamlText(text, 'yaml'), NANCHANG_2023);
    const contacts = r.problems.filter((p) => p.field === 'contacts').map((p) => [p.code, p.loc?.line]);
    expect(contacts).toEqual([
      ['contacts.noPhone', 5],
      ['contacts.noName', 6],
    ]);
  });
});
