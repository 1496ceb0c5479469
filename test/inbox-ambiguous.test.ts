/**
 * A unit that sent several different forms nothing can order: each version's warning names the
 * first few and says how many there are (「等 N 份」), so the report does not grow with the square of
 * the versions; the unit's own `versions` still lists every one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NANCHANG_2023 } from '../src/campaign/campaign.js';
import { formatMessage } from '../src/core/messages.js';
import { checkFiles, type InputFile } from '../src/inbox/check.js';
import { AMBIGUOUS_LISTED, rollCall } from '../src/inbox/roster.js';
import { fixture } from './helpers.js';

const sample = readFileSync(fixture('sample', '东湖区.yaml'), 'utf8');
const when = new Date('2023-11-27T09:30:00+08:00');

/** n forms of 东湖区 with different activity counts, the same file time and no order in their names. */
async function versions(n: number) {
  const inputs: InputFile[] = Array.from({ length: n }, (_, i) => {
    const bytes = Buffer.from(sample.replace(/(全区参与活动的数量:\s*)\d+/, `$1${40 + i}`));
    return { path: `东湖区-${String.fromCharCode(97 + i)}.yaml`, size: bytes.length, mtime: when, load: async () => bytes };
  });
  const files = await checkFiles(inputs, NANCHANG_2023);
  const units = rollCall(files, NANCHANG_2023);
  const unit = units.find((u) => u.name === '东湖区')!;
  const warnings = files.map((f) => f.problems.filter((p) => p.code === 'inbox.ambiguous'));
  return { unit, warnings };
}

describe('inbox.ambiguous', () => {
  it('two versions: both named, the sentence as before', async () => {
    const { unit, warnings } = await versions(2);
    expect(unit.status).toBe('ambiguous');
    expect(warnings.map((w) => w.length)).toEqual([1, 1]);
    const zh = formatMessage('inbox.ambiguous', warnings[0]![0]!.params, 'zh');
    expect(zh).toMatch(
      /^东湖区有两个内容不同的版本，.*：东湖区-b\.yaml（41 场，12000 人次）；东湖区-a\.yaml（40 场，12000 人次）。两份都未计入/,
    );
    expect(formatMessage('inbox.ambiguous', warnings[0]![0]!.params, 'en')).toMatch(
      /^东湖区 sent two different versions .*\. Neither is counted/,
    );
  });

  it(`many versions: each warning names the first ${AMBIGUOUS_LISTED} and says how many (zh 「等 N 份」, en "and N more")`, async () => {
    const { unit, warnings } = await versions(9);
    expect(unit.status).toBe('ambiguous');
    // Every version is still listed on the unit and warned on its own file.
    expect(unit.versions).toHaveLength(9);
    // The short verdict says nothing of a count (it was "two versions" in English whatever the count).
    expect(formatMessage('roll.verdict.ambiguous', {}, 'en')).toBe('versions unclear');
    expect(warnings.every((w) => w.length === 1)).toBe(true);
    const params = warnings[0]![0]!.params!;
    const zh = formatMessage('inbox.ambiguous', params, 'zh');
    const named = zh.match(/东湖区-[a-i]\.yaml/g) ?? [];
    expect(named).toHaveLength(AMBIGUOUS_LISTED);
    expect(new Set(named).size).toBe(AMBIGUOUS_LISTED);
    expect(zh).toMatch(/^东湖区有 9 个内容不同的版本，/);
    expect(zh).toContain(`人次）等 9 份。均未计入，`);
    const en = formatMessage('inbox.ambiguous', params, 'en');
    expect(en).toMatch(/^东湖区 sent 9 different versions .* and 4 more\. None is counted/);
    // English words around the file names: no 场, 人次 or 「；」 from the Chinese sentence.
    expect(en).toContain('东湖区-h.yaml (47 activities, 12000 participants); ');
    expect(en.replace(/东湖区/g, '')).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/);
    // The same sentence on every version: the report grows with the versions, not their square.
    expect(new Set(warnings.map((w) => formatMessage('inbox.ambiguous', w[0]!.params, 'zh'))).size).toBe(1);
  });

  it('as many versions as are named: all named, no 「等」', async () => {
    const { warnings } = await versions(AMBIGUOUS_LISTED);
    const zh = formatMessage('inbox.ambiguous', warnings[0]![0]!.params, 'zh');
    expect(zh.match(/东湖区-[a-z]\.yaml/g)).toHaveLength(AMBIGUOUS_LISTED);
    expect(zh).toContain(`有 ${AMBIGUOUS_LISTED} 个内容不同的版本`);
    expect(zh).not.toContain('等');
    expect(formatMessage('inbox.ambiguous', warnings[0]![0]!.params, 'en')).not.toContain('more');
  });
});
