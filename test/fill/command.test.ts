/**
 * `fill` with scripted answers: the one prompt module is replaced by `scriptedPrompter`, so the real
 * command runs (draft files, rendering, overwrite protection) with no terminal.
 */
import { copyFileSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NANCHANG_2023 as campaign } from '../../src/campaign/campaign.js';
import { runFill, type FillOptions } from '../../src/commands/fill.js';
import { ExitError, InterruptedError, UsageError } from '../../src/core/errors.js';
import { formatMessage } from '../../src/core/messages.js';
import { checkFile } from '../../src/inbox/check.js';
import { cli, fixture, tempDir } from '../helpers.js';
import { CTRL_C, ENTER, fullInterview, type Step, type Transcript } from './script.js';

const h = vi.hoisted(() => ({ steps: [] as unknown[], transcript: { asked: [], printed: [] } as { asked: unknown[]; printed: string[] } }));
vi.mock('../../src/prompt/index.js', async () => {
  const { scriptedPrompter: make } = await import('./script.js');
  return { createPrompter: async () => make(h.steps as Step[], h.transcript as Transcript) };
});

const BASE = '2023年全民终身学习活动开展情况统计表（东湖区）';
const NOV_20 = new Date('2023-11-20T12:00:00+08:00');

interface Run {
  code: number;
  out: string;
  err: string;
  transcript: Transcript;
}

async function fill(opts: FillOptions, steps: Step[], env: { home: string; tty?: boolean; now?: Date }): Promise<Run> {
  const transcript: Transcript = { asked: [], printed: [] };
  h.steps = steps;
  h.transcript = transcript;
  const out: string[] = [];
  const err: string[] = [];
  const io = { lang: 'zh' as const, color: false, out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) };
  let code: number;
  try {
    code = await runFill(opts, io, { isTTY: env.tty ?? true, home: env.home, now: env.now ?? NOV_20, columns: 100, env: {} });
  } catch (e) {
    if (e instanceof UsageError) {
      err.push(e.message);
      code = 2;
    } else if (e instanceof InterruptedError) code = 130;
    else if (e instanceof ExitError) code = e.exitCode;
    else throw e;
  }
  return { code, out: [...out, ...transcript.printed].join('\n'), err: err.join('\n'), transcript };
}

async function validated(path: string) {
  const result = await checkFile({ path, size: statSync(path).size, load: async () => readFileSync(path) }, campaign);
  return result;
}

const draftsOf = (home: string) => {
  const dir = join(home, '.lifelong-week', 'drafts');
  return existsSync(dir) ? readdirSync(dir) : [];
};

let home: string;
let out: string;
beforeEach(() => {
  home = tempDir('lw-fill-home-');
  out = tempDir('lw-fill-out-');
});

describe('fill: a whole interview', () => {
  it('re-asks bad answers, takes defaults, goes back, adds several contacts and writes YAML, DOCX and PDF', async () => {
    const steps = fullInterview({
      // Back from 年度 to 举办县区, which is asked again (an alias matches), then 年度 again.
      year: ['<', { search: '南昌市东湖区' }, ENTER],
      contacts: ['张敏 0791-8677', '张敏 0791-86771234', '李华 13907912345', ENTER],
      'participation.activityCount': ['很多', '36'],
      'participation.participantCount': ['约3000', false, '1.2万人次'], // a warning declined, then answered again
      'content.period': ['11月中下旬', '11月15日-21日'],
    });
    const r = await fill({ output: out }, [...steps, { pick: 'write' }], { home });
    expect(r.code).toBe(0);
    expect(r.out).toContain(formatMessage('count.vague', { text: '很多' }, 'zh'));
    expect(r.out).toContain(formatMessage('date.vague', { text: '11月中下旬', year: 2023 }, 'zh'));
    expect(r.out).toContain(formatMessage('count.approximate', { text: '约3000', value: 3000 }, 'zh'));
    expect(r.out).toContain('1.2万人次 → 12000 人次');
    expect(r.out).toContain('11月15日-21日 → 2023年11月15日至11月21日');
    expect(r.out).toMatch(/✗ .*0791-8677/);
    // Defaults offered: the year, the roster's department, the theme.
    const defaults = r.transcript.asked.filter((a) => a.answer === ENTER).map((a) => a.default);
    expect(defaults).toEqual(expect.arrayContaining(['2023', '东湖区教育体育局', '让学习成为一种生活方式']));
    // The summary in the form's layout, then the next steps with the days left.
    expect(r.out).toContain('教育行政部门（盖章）：东湖区教育体育局');
    expect(r.out).toContain('还有 10 天');
    expect(r.out).toContain('jxedusqjy@163.com');
    expect(readdirSync(out).sort()).toEqual([`${BASE}.docx`, `${BASE}.pdf`, `${BASE}.yaml`]);
    const yaml = await validated(join(out, `${BASE}.yaml`));
    expect(yaml.status).toBe('valid');
    expect(yaml.problems).toEqual([]);
    expect(yaml.data).toMatchObject({
      district: '东湖区',
      contacts: [
        { name: '张敏', phone: '0791-86771234' },
        { name: '李华', phone: '13907912345' },
      ],
      participation: { activityCount: 36, participantCount: 12000 },
      content: { period: { start: '2023-11-15', end: '2023-11-21' }, description: '开幕式暨百姓学习之星分享会；\n社区大讲堂 12 场' },
    });
    for (const ext of ['docx', 'pdf']) {
      const doc = await validated(join(out, `${BASE}.${ext}`));
      expect(doc.status).toBe('valid');
      expect(doc.data).toEqual(yaml.data);
    }
    expect(draftsOf(home)).toEqual([]); // done: the draft is gone, the YAML holds everything
  });

  it('< at 「再添加一位联系人」 takes back the contact just given (it was refused as a contact named 「‹」)', async () => {
    const steps = fullInterview({
      contacts: ['张敏 0791-86771234', '李华 1390791234', '李华 13907912345', '<', '王芳 18607918888', ENTER],
    });
    const r = await fill({ output: out }, [...steps, { pick: 'write' }], { home });
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('没有电话');
    expect((await validated(join(out, `${BASE}.yaml`))).data).toMatchObject({
      contacts: [
        { name: '张敏', phone: '0791-86771234' },
        { name: '王芳', phone: '18607918888' },
      ],
    });
  });

  it('edits a field picked at the summary', async () => {
    const r = await fill({ output: out }, [...fullInterview(), { pick: 'edit' }, { search: '自我评价' }, '圆满完成。', { pick: 'write' }], {
      home,
    });
    expect(r.code).toBe(0);
    expect((await validated(join(out, `${BASE}.yaml`))).data).toMatchObject({ reach: { selfAssessment: '圆满完成。' } });
  });

  it('--district skips the unit question; --lang en asks in English', async () => {
    const steps = fullInterview().slice(1);
    const transcript: Transcript = { asked: [], printed: [] };
    h.steps = [...steps, { pick: 'write' }];
    h.transcript = transcript;
    const lines: string[] = [];
    const io = { lang: 'en' as const, color: false, out: (s: string) => void lines.push(s), err: (s: string) => void lines.push(s) };
    expect(
      await runFill({ output: out, district: '东湖' }, io, { isTTY: true, home, now: new Date('2023-12-05T09:00:00+08:00'), env: {} }),
    ).toBe(0);
    expect(transcript.asked[0]!.message).toContain('年度');
    expect(lines.join('\n')).toContain('Example:');
    expect(lines.join('\n')).toMatch(/deadline 2023-11-30 passed 5 day/);
  });
});

describe('fill: nothing is lost', () => {
  it('Ctrl+C exits 130 and keeps the draft; --resume continues where it stopped', async () => {
    const all = fullInterview();
    const stopAt = 8; // …, 主办单位及协办单位, 下发活动文件的部门, 出席活动（开幕式）的领导 answered
    const first = await fill({ output: out }, [...all.slice(0, stopAt), CTRL_C], { home });
    expect(first.code).toBe(130);
    expect(draftsOf(home)).toEqual(['2023-东湖区.yaml']);
    const draftFile = join(home, '.lifelong-week', 'drafts', '2023-东湖区.yaml');
    expect(first.err).toContain(draftFile);
    expect(first.err).toContain('lifelong-week fill --resume');
    expect(first.out).toContain(draftFile); // the path is shown as soon as it is known
    const draft = readFileSync(draftFile, 'utf8');
    expect(draft).toContain('出席活动（开幕式）的领导: 区政府副区长、区教体局局长');
    // The draft is a submission file: validate reads it (with "missing" errors for what is not answered yet).
    expect((await validated(draftFile)).data).toMatchObject({ district: '东湖区', leadership: { documentIssuer: '东湖区教育体育局' } });
    expect(readdirSync(out)).toEqual([]);

    const second = await fill({ output: out, resume: true }, [...all.slice(stopAt), { pick: 'write' }], { home });
    expect(second.code).toBe(0);
    expect(second.transcript.asked[0]!.message).toContain('具体协调部门');
    expect((await validated(join(out, `${BASE}.yaml`))).status).toBe('valid');
  });

  it('the draft is written after every answer', async () => {
    const r = await fill({ output: out }, [...fullInterview().slice(0, 5), CTRL_C], { home });
    expect(r.code).toBe(130);
    const draft = readFileSync(join(home, '.lifelong-week', 'drafts', '2023-东湖区.yaml'), 'utf8');
    expect(draft).toContain('姓名: 张敏');
    expect(draft).toMatch(/"pos":4/);
  });

  it('Ctrl+C at 「再添加一位联系人」 keeps the contacts already given; resumed, they are the default', async () => {
    const steps = fullInterview().slice(0, 3);
    const r = await fill({ output: out }, [...steps, '刘芳 13907912345；王伟 0791-86771234', CTRL_C], { home });
    expect(r.code).toBe(130);
    const draft = readFileSync(join(home, '.lifelong-week', 'drafts', '2023-东湖区.yaml'), 'utf8');
    expect(draft).toContain('姓名: 刘芳');
    expect(draft).toContain('电话: 0791-86771234');
    const again = await fill({ output: out, resume: true }, [CTRL_C], { home });
    expect(again.transcript.asked[0]!.message).toContain('第 1 位联系人');
    expect(again.transcript.asked[0]!.default).toBe('刘芳 13907912345；王伟 0791-86771234');
  });

  it('a new interview offers an unfinished draft; --resume without one is a usage error', async () => {
    expect((await fill({ resume: true }, [], { home })).code).toBe(2);
    await fill({ output: out }, [...fullInterview().slice(0, 5), CTRL_C], { home });
    const again = await fill({ output: out }, [{ pick: '继续' }, ...fullInterview().slice(5), { pick: 'write' }], { home });
    expect(again.code).toBe(0);
    expect(again.transcript.asked[1]!.message).toContain('主办单位及协办单位');
  });
});

describe('fill: overwriting', () => {
  it('asks before overwriting; declining writes to another folder; --force does not ask', async () => {
    expect((await fill({ output: out }, [...fullInterview(), { pick: 'write' }], { home })).code).toBe(0);
    const pdf = join(out, `${BASE}.pdf`);
    const before = statSync(pdf).mtimeMs;
    const other = join(out, '第二份');
    const r = await fill({ output: out }, [...fullInterview(), { pick: 'write' }, false, other], { home });
    expect(r.code).toBe(0);
    expect(r.out).toContain('已经存在');
    expect(statSync(pdf).mtimeMs).toBe(before);
    expect(readdirSync(other).length).toBe(3);

    const forced = await fill({ output: out, force: true }, [...fullInterview(), { pick: 'write' }], { home });
    expect(forced.code).toBe(0);
    expect(forced.transcript.asked.some((a) => a.kind === 'confirm')).toBe(false);
  });

  it('accepting the question overwrites', async () => {
    await fill({ output: out }, [...fullInterview(), { pick: 'write' }], { home });
    const r = await fill({ output: out }, [...fullInterview({ 'reach.selfAssessment': ['第二次填写。'] }), { pick: 'write' }, true], {
      home,
    });
    expect(r.code).toBe(0);
    expect((await validated(join(out, `${BASE}.yaml`))).data).toMatchObject({ reach: { selfAssessment: '第二次填写。' } });
  });
});

describe('fill --from', () => {
  it('asks only what is missing or invalid', async () => {
    const file = join(out, 'partial.yaml');
    writeFileSync(
      file,
      readFileSync(fixture('sample', '东湖区.yaml'), 'utf8')
        .replace(/^ {2}参加活动人数:.*$/m, '  参加活动人数:')
        .replace(/^ {2}群众满意度:.*$/m, '  群众满意度: 很高'),
    );
    const r = await fill({ from: file, output: out }, ['1.2万', '98%', { pick: 'write' }], { home });
    expect(r.code).toBe(0);
    expect(r.transcript.asked.map((a) => a.kind)).toEqual(['input', 'input', 'select']);
    expect(r.transcript.asked[0]!.message).toContain('参加活动人数');
    expect(r.transcript.asked[1]!.message).toContain('群众满意度');
    expect(r.out).toContain('「很高」'); // the file's problem is shown before asking
    expect((await validated(join(out, `${BASE}.yaml`))).data).toMatchObject({
      participation: { participantCount: 12000 },
      reach: { satisfaction: 98 },
    });
  });

  it('--yes renders without a terminal when nothing is missing', async () => {
    const r = await fill({ from: fixture('sample', '东湖区.yaml'), output: out, yes: true }, [], { home, tty: false });
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([`${BASE}.docx`, `${BASE}.pdf`, `${BASE}.yaml`]);
    expect(r.out).toContain('还有 10 天');
    // And never overwrites without --force.
    const again = await fill({ from: fixture('sample', '东湖区.yaml'), output: out, yes: true }, [], { home, tty: false });
    expect(again.code).toBe(2);
    expect(again.err).toContain('已存在');
  });

  it('--yes without a terminal refuses (exit 2) when something is missing, naming it', async () => {
    const file = join(out, 'partial.yaml');
    writeFileSync(file, readFileSync(fixture('sample', '东湖区.yaml'), 'utf8').replace(/^ {2}参加活动人数:.*$/m, '  参加活动人数:'));
    const r = await fill({ from: file, output: out, yes: true }, [], { home, tty: false });
    expect(r.code).toBe(2);
    expect(r.err).toContain('活动参与情况 › 参加活动人数');
    expect(readdirSync(out)).toEqual(['partial.yaml']);
  });

  it('a file that is not a submission is a usage error', async () => {
    const file = join(out, 'x.yaml');
    copyFileSync(fixture('sample', '东湖区.yaml'), file);
    writeFileSync(file, '');
    expect((await fill({ from: file, yes: true }, [], { home, tty: false })).code).toBe(2);
  });
});

describe('fill without a terminal', () => {
  it('exits 2 pointing to --from and template', async () => {
    const r = await fill({ output: out }, [], { home, tty: false });
    expect(r.code).toBe(2);
    expect(r.err).toContain('--from');
    expect(r.err).toContain('template');
    expect(r.out).toBe('');
  });

  it('--from with problems says them once (in the error, not also before it), and writes nothing', async () => {
    const file = join(out, 'partial.yaml');
    writeFileSync(file, readFileSync(fixture('sample', '东湖区.yaml'), 'utf8').replace(/^ {2}参加活动人数:.*$/m, '  参加活动人数:'));
    const r = await fill({ from: file, output: out }, [], { home, tty: false });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('参加活动人数').length - 1).toBe(2); // the problem line names it twice (label, then message); nothing repeats it
    expect(r.err.split('未生成任何文件').length - 1).toBe(1);
    expect(r.err).toContain(`lifelong-week fill --from ${file} --yes`);
    expect(readdirSync(out)).toEqual(['partial.yaml']);
  });

  it('the built CLI says it once, on standard error, and exits 2', () => {
    const file = join(out, 'partial.yaml');
    writeFileSync(file, readFileSync(fixture('sample', '东湖区.yaml'), 'utf8').replace(/^ {2}参加活动人数:.*$/m, '  参加活动人数:'));
    for (const args of [['fill'], ['fill', '--from', file], ['fill', '--from', file, '--yes']]) {
      const r = cli(args, { cwd: out, env: { HOME: home } });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('错误：').length - 1).toBe(1);
      expect(r.stderr.split('没有可以交互的终端').length - 1).toBe(1);
    }
    expect(readdirSync(out)).toEqual(['partial.yaml']);
  });

  it('a complete --from file without --yes says to add --yes', async () => {
    const r = await fill({ from: fixture('sample', '东湖区.yaml'), output: out }, [], { home, tty: false });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('内容完整');
    expect(r.err).toContain('--yes');
    expect(r.err).not.toContain('缺少');
  });
});

describe('fill: characters the PDF cannot print', () => {
  it('are refused at the answer, naming the character, and asked again', async () => {
    const steps = fullInterview({ contacts: ['王𠀀 0791-8888888', '王一 0791-8888888', ENTER] });
    const r = await fill({ output: out }, [...steps, { pick: 'write' }], { home });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/✗ 「联系人及电话」中「𠀀」（U\+20000）无法打印/);
    const contactsAsked = r.transcript.asked.filter((a) => a.message.includes('联系人'));
    expect(contactsAsked[1]!.message).toContain('第 1 位联系人'); // the same question again, not the next one
    expect(readdirSync(out).sort()).toEqual([`${BASE}.docx`, `${BASE}.pdf`, `${BASE}.yaml`]);
  });

  it('--from: a value the font lacks is asked again; with --yes and no terminal nothing is written', async () => {
    const file = join(out, 'rare.yaml');
    writeFileSync(file, readFileSync(fixture('sample', '东湖区.yaml'), 'utf8').replace(/^ {2}自我评价:.*$/m, '  自我评价: 圆满完成𠀀。'));
    expect(readFileSync(file, 'utf8')).toContain('𠀀');
    const refused = await fill({ from: file, output: out, yes: true }, [], { home, tty: false });
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('「𠀀」');
    expect(readdirSync(out)).toEqual(['rare.yaml']);

    const asked = await fill({ from: file, output: out }, ['圆满完成。', { pick: 'write' }], { home });
    expect(asked.code).toBe(0);
    expect(asked.transcript.asked[0]!.message).toContain('自我评价');
    expect((await validated(join(out, `${BASE}.yaml`))).data).toMatchObject({ reach: { selfAssessment: '圆满完成。' } });
  });
});

describe('fill: the unit search', () => {
  it('a typo matches nothing: nothing is picked, the question stays', async () => {
    // The scripted search takes the first selectable choice: with 'xyz' there is none.
    await expect(fill({ output: out }, [{ search: 'xyz' }], { home })).rejects.toThrow('nothing matches “xyz”');
    const r = await fill({ output: out }, [{ search: 'qingshan' }, CTRL_C], { home });
    expect(r.code).toBe(130);
    expect(draftsOf(home)).toEqual(['2023-青山湖区.yaml']);
  });
});
