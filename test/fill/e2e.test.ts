/**
 * End to end: the BUILT CLI (`npm run build` first) in a real pseudo-terminal (tmux), answered by
 * typing, as a clerk would. Checks the three files it wrote. tmux is installed by `.ci/run`; where
 * it is absent the test is skipped and says why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NANCHANG_2023 as campaign } from '../../src/campaign/campaign.js';
import { checkFile } from '../../src/validate/check.js';
import { BIN, tempDir } from '../helpers.js';

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
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${String(text)}; screen:\n${s.split('\n').slice(-30).join('\n')}`);
    await sleep(100);
  }
}

async function type(text: string): Promise<void> {
  if (text !== '') tmux('send-keys', '-t', 'fill', '-l', text);
  await sleep(150);
  tmux('send-keys', '-t', 'fill', 'Enter');
  await sleep(150);
}

describe.skipIf(!hasTmux || !built)('fill in a terminal (tmux)', () => {
  it('completes an interview typed at the keyboard and writes YAML, DOCX and PDF', async () => {
    const home = tempDir('lw-e2e-home-');
    const out = tempDir('lw-e2e-out-');
    const exitFile = join(out, '..', `${out.split('/').pop()}.exit`);
    const command = [
      `cd '${out}' &&`,
      `env HOME='${home}' LIFELONG_WEEK_TODAY=2023-11-20 LANG=C.UTF-8 LC_ALL=C.UTF-8 EDITOR= VISUAL=`,
      `'${process.execPath}' '${BIN}' fill -o '${out}';`,
      `echo $? > '${exitFile}'; sleep 5`,
    ].join(' ');
    expect(tmux('new-session', '-d', '-s', 'fill', '-x', '140', '-y', '50', command).status).toBe(0);

    await waitFor('[1/23]');
    tmux('send-keys', '-t', 'fill', '-l', '东湖');
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
    const answers: Array<[number, string]> = [
      [5, '主办：东湖区教育体育局；协办：东湖区社区教育学院'],
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
    await type('36');
    await waitFor('[11/23]');
    await type('1.2万人次');
    await waitFor('12000 人次');
    await waitFor('[12/23]');
    await type('「书香东湖」亲子共读');
    await waitFor('[13/23]');
    await type(''); // the campaign's theme
    await waitFor('[14/23]');
    await type('开幕式暨百姓学习之星分享会；');
    await waitFor('第 2 行');
    await type('社区大讲堂 12 场');
    await waitFor('第 3 行');
    await type('');
    await waitFor('[15/23]');
    await type('营造了全民终身学习的浓厚氛围。');
    await waitFor('第 2 行', 2);
    await type('');
    await waitFor('[16/23]');
    await type('11月15日-21日');
    await waitFor('2023-11-15 至 2023-11-21');
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
    await waitFor('以上内容是否正确');
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
      contacts: [
        { name: '张敏', phone: '0791-86771234' },
        { name: '李华', phone: '13907912345' },
      ],
      participation: { activityCount: 36, participantCount: 12000 },
      content: { description: '开幕式暨百姓学习之星分享会；\n社区大讲堂 12 场', period: { start: '2023-11-15', end: '2023-11-21' } },
    });
    expect(results[1]!.data).toEqual(results[0]!.data);
    expect(results[2]!.data).toEqual(results[0]!.data);
    expect(readdirSync(join(home, '.lifelong-week', 'drafts'))).toEqual([]);
  }, 120_000);
});
