/**
 * End to end: the BUILT CLI (`npm run build` first) in a real pseudo-terminal (tmux), answered by
 * typing, as a clerk would. Checks the three files it wrote. tmux is installed by `.ci/run`; where
 * it is absent the test is skipped and says why.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NANCHANG_2023 as campaign } from '../../src/campaign/campaign.js';
import { questionOrder } from '../../src/fill/questions.js';
import { checkFile } from '../../src/inbox/check.js';
import { BIN, fixture, tempDir } from '../helpers.js';

const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
if (!hasTmux) console.warn('fill e2e skipped: tmux is not installed (.ci/run installs it: apt-get install -y tmux)');
const built = existsSync(BIN) && existsSync(join(BIN, '..', '..', 'dist', 'bin.js'));
if (hasTmux && !built) console.warn('fill e2e skipped: the CLI is not built (run npm run build)');

// A private tmux server: never touches anybody else's sessions.
const SOCKET = `lw-fill-e2e-${process.pid}`;
const tmux = (...args: string[]) => spawnSync('tmux', ['-u', '-L', SOCKET, ...args], { encoding: 'utf8' });
afterAll(() => {
  if (hasTmux) tmux('kill-server');
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const screen = () => tmux('capture-pane', '-p', '-J', '-S', '-3000', '-t', 'fill').stdout;

/** Wait until `text` is on the screen (scroll-back included) at least `times` times. */
async function waitFor(text: string, times = 1, timeout = 20_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    const s = screen();
    if (s.split(text).length - 1 >= times) return;
    if (Date.now() - start > timeout)
      throw new Error(`timed out waiting for ${String(text)}; screen:\n${s.split('\n').slice(-30).join('\n')}`);
    await sleep(100);
  }
}

/** Paste like a terminal does (tmux turns each line break into CR): the whole text arrives at once. */
async function paste(text: string): Promise<void> {
  expect(spawnSync('tmux', ['-u', '-L', SOCKET, 'load-buffer', '-b', 'clip', '-'], { input: text }).status).toBe(0);
  expect(tmux('paste-buffer', '-b', 'clip', '-d', '-t', 'fill').status).toBe(0);
  await sleep(300);
}

const count = (text: string) => screen().split(text).length - 1;

/** Wait for the review's question, pressing Enter at each 「按回车看下一页」 of a review taller than the window. */
async function review(times = 1, timeout = 30_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    if (count('以上内容是否正确') >= times) return;
    // A page prompt still waiting: shown, and not yet answered (answered ones carry 「✔」).
    if (count('页）按回车看下一页') > count('✔ （第')) {
      await sleep(200);
      tmux('send-keys', '-t', 'fill', 'Enter');
      await sleep(300);
      continue;
    }
    if (Date.now() - start > timeout)
      throw new Error(`timed out waiting for the review; screen:\n${screen().split('\n').slice(-20).join('\n')}`);
    await sleep(100);
  }
}

function startFill(args: string, env: string): { out: string; exitFile: string } {
  const home = tempDir('lw-e2e-home-');
  const out = tempDir('lw-e2e-out-');
  const exitFile = join(out, '..', `${out.split('/').pop()}.exit`);
  const command = [
    `cd '${out}' &&`,
    `env HOME='${home}' LIFELONG_WEEK_TODAY=2023-11-20 LANG=C.UTF-8 LC_ALL=C.UTF-8 ${env}`,
    `'${process.execPath}' '${BIN}' fill ${args} -o '${out}';`,
    `echo $? > '${exitFile}'; sleep 5`,
  ].join(' ');
  tmux('kill-session', '-t', 'fill');
  expect(tmux('new-session', '-d', '-s', 'fill', '-x', '140', '-y', '50', command).status).toBe(0);
  return { out, exitFile };
}

async function exitCode(exitFile: string): Promise<string> {
  const start = Date.now();
  while (!existsSync(exitFile) && Date.now() - start < 30_000) await sleep(100);
  return readFileSync(exitFile, 'utf8').trim();
}

async function type(text: string): Promise<void> {
  if (text !== '') tmux('send-keys', '-t', 'fill', '-l', text);
  await sleep(150);
  tmux('send-keys', '-t', 'fill', 'Enter');
  await sleep(150);
}

describe.skipIf(!hasTmux || !built)('fill in a terminal (tmux)', () => {
  it('completes an interview typed (and pasted) at the keyboard and writes YAML, DOCX and PDF', async () => {
    const tools = tempDir('lw-e2e-editor-');
    const editor = join(tools, 'fake-editor.sh');
    // A stand-in for the clerk's editor: writes two lines into the file it is given, saves, quits.
    writeFileSync(editor, '#!/bin/sh\nprintf "营造了全民终身学习的浓厚氛围。\\n居民参与热情明显提高。\\n" > "$1"\n');
    chmodSync(editor, 0o755);
    const home = tempDir('lw-e2e-home-');
    const out = tempDir('lw-e2e-out-');
    const exitFile = join(out, '..', `${out.split('/').pop()}.exit`);
    const command = [
      `cd '${out}' &&`,
      `env HOME='${home}' LIFELONG_WEEK_TODAY=2023-11-20 LANG=C.UTF-8 LC_ALL=C.UTF-8 VISUAL= EDITOR='${editor}'`,
      `'${process.execPath}' '${BIN}' fill -o '${out}';`,
      `echo $? > '${exitFile}'; sleep 5`,
    ].join(' ');
    expect(tmux('new-session', '-d', '-s', 'fill', '-x', '140', '-y', '50', command).status).toBe(0);

    await waitFor('[1/23]');
    // A typo matches nothing: it says so, and Enter picks nothing (it used to pick 东湖区).
    tmux('send-keys', '-t', 'fill', '-l', 'xyz');
    await waitFor('没有匹配的单位');
    await type('');
    await sleep(400);
    expect(count('[2/23]')).toBe(0);
    tmux('send-keys', '-t', 'fill', 'BSpace', 'BSpace', 'BSpace');
    tmux('send-keys', '-t', 'fill', '-l', 'donghu'); // pinyin
    await waitFor('盖章单位：东湖区教育体育局');
    await type('');
    await waitFor('[2/23]');
    await type(''); // 年度: the default 2023
    await waitFor('[3/23]');
    await type(''); // the department from the roster
    await waitFor('[4/23]');
    await type('张敏 0791-86771234');
    await waitFor('再添加一位联系人');
    await type('李华 13907912345');
    await waitFor('共 2 位');
    await type('');
    await waitFor('[5/23]');
    // Two lines pasted from Word at a one-line question: both are kept, in this answer.
    await paste('主办：东湖区教育体育局\n协办：东湖区图书馆\n');
    const answers: Array<[number, string]> = [
      [6, '东湖区教育体育局'],
      [7, '区政府副区长、区教体局局长'],
      [8, '东湖区社区教育学院'],
      [9, '东湖区教育体育局职成教科'],
    ];
    for (const [n, text] of answers) {
      await waitFor(`[${n}/23]`);
      await type(text);
    }
    await waitFor('[10/23]');
    await type('很多');
    await waitFor('不是具体数字');
    // Refused before the prompt closes: no 「✔ … 很多」 above the 「✗」; the text stays to be corrected.
    expect(screen()).not.toMatch(/✔ 全区参与活动的数量.*很多/);
    tmux('send-keys', '-t', 'fill', 'C-u');
    await type('36');
    await waitFor('[11/23]');
    await type('1.2万人次');
    await waitFor('12000 人次');
    await waitFor('[12/23]');
    await type('「书香东湖」亲子共读');
    await waitFor('[13/23]');
    await type(''); // the campaign's theme
    await waitFor('[14/23]');
    await waitFor('输入 :e 用编辑器');
    // Three lines pasted into the several-line input: all kept; the input waits at line 4.
    await paste('开幕式暨百姓学习之星分享会；\n社区大讲堂 12 场；\n线上课程 30 门\n');
    await waitFor('第 4 行');
    expect(count('[15/23]')).toBe(0);
    await type('');
    await waitFor('[15/23]');
    await type(':e'); // 活动成效 in the (fake) editor
    await waitFor('编辑器中写好的内容');
    await waitFor('[16/23]');
    await type('11月15日-21日');
    await waitFor('2023年11月15日至11月21日');
    for (const [n, text] of [
      [17, '全区 10 个街道'],
      [18, '98%'],
      [19, '组织有力，成效明显。'],
      [20, '区融媒体中心'],
      [21, '8 篇'],
      [22, '无'],
    ] as Array<[number, string]>) {
      await waitFor(`[${n}/23]`);
      await type(text);
    }
    await waitFor('[23/23]');
    await type(''); // 其他 (optional) left empty
    await review(); // the review is taller than the 50-line window: shown a screenful at a time
    expect(count('按回车看下一页')).toBeGreaterThan(0);
    await type(''); // 正确，生成…
    await waitFor('下一步', 1, 60_000);
    const start = Date.now();
    while (!existsSync(exitFile) && Date.now() - start < 30_000) await sleep(100);
    const finalScreen = screen();
    expect(readFileSync(exitFile, 'utf8').trim()).toBe('0');
    expect(finalScreen).toContain('还有 10 天');

    const base = '2023年全民终身学习活动开展情况统计表（东湖区）';
    expect(readdirSync(out).sort()).toEqual([`${base}.docx`, `${base}.pdf`, `${base}.yaml`]);
    const results = [];
    for (const ext of ['yaml', 'docx', 'pdf']) {
      const path = join(out, `${base}.${ext}`);
      results.push(await checkFile({ path, size: statSync(path).size, load: async () => readFileSync(path) }, campaign));
    }
    for (const r of results) expect(r.status).toBe('valid');
    expect(results[0]!.data).toMatchObject({
      organizers: '主办：东湖区教育体育局\n协办：东湖区图书馆',
      contacts: [
        { name: '张敏', phone: '0791-86771234' },
        { name: '李华', phone: '13907912345' },
      ],
      participation: { activityCount: 36, participantCount: 12000 },
      content: {
        description: '开幕式暨百姓学习之星分享会；\n社区大讲堂 12 场；\n线上课程 30 门',
        outcomes: '营造了全民终身学习的浓厚氛围。\n居民参与热情明显提高。',
        period: { start: '2023-11-15', end: '2023-11-21' },
      },
    });
    expect(results[1]!.data).toEqual(results[0]!.data);
    expect(results[2]!.data).toEqual(results[0]!.data);
    expect(readdirSync(join(home, '.lifelong-week', 'drafts'))).toEqual([]);
  }, 120_000);

  it('editing a several-line field from the summary: a first line equal to the old value does not end it', async () => {
    const { out, exitFile } = startFill(`--from '${fixture('sample', '东湖区.yaml')}'`, 'EDITOR= VISUAL=');
    await review();
    tmux('send-keys', '-t', 'fill', 'Down');
    await sleep(200);
    await type(''); // 修改某一项
    await waitFor('修改哪一项');
    // Typed, not 15 presses of ↓: the label (or its number) filters the list; text and Enter in one burst.
    const index = questionOrder().findIndex((f) => f.id === 'content.outcomes');
    tmux('send-keys', '-t', 'fill', '活动成效', 'Enter');
    await waitFor(`✔ 修改哪一项`);
    expect(screen()).toContain(`${String(index + 1).padStart(2)}. 活动主题与内容 ›`);
    await waitFor('第 1 行');
    const old = '营造了全民终身学习的浓厚氛围，社区居民参与热情明显提高，老年人数字技能短板得到有效弥补。';
    await type(old);
    await waitFor('第 2 行');
    await type('参与人数比去年增加两成。'); // used to land on 「以上内容是否正确？」 and write the files
    await waitFor('第 3 行');
    expect(count('以上内容是否正确')).toBe(1);
    expect(readdirSync(out)).toEqual([]);
    await type('');
    await review(2);
    await type('');
    expect(await exitCode(exitFile)).toBe('0');
    const base = '2023年全民终身学习活动开展情况统计表（东湖区）';
    const path = join(out, `${base}.yaml`);
    const result = await checkFile({ path, size: statSync(path).size, load: async () => readFileSync(path) }, campaign);
    expect(result.data).toMatchObject({ content: { outcomes: `${old}\n参与人数比去年增加两成。` } });
  }, 60_000);

  it('text and Enter sent in one burst: the unit saved is the unit the screen confirmed (3 tries)', async () => {
    for (let i = 0; i < 3; i++) {
      const home = tempDir('lw-e2e-home-');
      const out = tempDir('lw-e2e-out-');
      const command = `cd '${out}' && env HOME='${home}' LIFELONG_WEEK_TODAY=2023-11-20 LANG=C.UTF-8 LC_ALL=C.UTF-8 '${process.execPath}' '${BIN}' fill -o '${out}'; sleep 5`;
      tmux('kill-session', '-t', 'fill');
      expect(tmux('new-session', '-d', '-s', 'fill', '-x', '140', '-y', '50', command).status).toBe(0);
      await waitFor('[1/23]');
      tmux('send-keys', '-t', 'fill', '南昌县', 'Enter'); // one call: the text and Enter arrive together
      await waitFor('[2/23]');
      expect(screen()).toMatch(/✔ 举办县区.* 南昌县/);
      await waitFor('2023-南昌县.yaml');
      await type(''); // 年度
      await waitFor('[3/23]');
      await waitFor('(南昌县教育体育局)');
      expect(readdirSync(join(home, '.lifelong-week', 'drafts'))).toEqual(['2023-南昌县.yaml']);
      expect(readFileSync(join(home, '.lifelong-week', 'drafts', '2023-南昌县.yaml'), 'utf8')).toContain('举办县区: 南昌县');
    }
  }, 90_000);
});
