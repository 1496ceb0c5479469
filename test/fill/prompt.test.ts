/**
 * The real prompt module (not the scripted one) driven through streams, as a terminal would drive it:
 * pasted lines arrive in one chunk, typed lines one at a time. Nothing pasted may be dropped, and a
 * typed line may never end up answering another question.
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { editText, editorCommand } from '../../src/prompt/editor.js';
import { createPrompter, type Prompter } from '../../src/prompt/index.js';
import { BURST_MS } from '../../src/prompt/lines.js';
import { tempDir } from '../helpers.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Longer than a burst: the next chunk is "typed", not pasted. */
const PAUSE = BURST_MS * 3;

interface Term {
  prompter: Prompter;
  notes: string[];
  /** Send one chunk (a paste, or one typed line), then pause like a person. */
  send(text: string): Promise<void>;
}

async function terminal(env: NodeJS.ProcessEnv = {}, edit?: Parameters<typeof createPrompter>[0]['edit']): Promise<Term> {
  const input = new PassThrough();
  const output = new PassThrough();
  output.resume(); // discard the drawing
  const notes: string[] = [];
  const prompter = await createPrompter({ lang: 'zh', env, write: (s) => void notes.push(s), input, output, ...(edit ? { edit } : {}) });
  return {
    prompter,
    notes,
    async send(text) {
      input.write(text);
      await sleep(PAUSE);
    },
  };
}

describe('prompt: pasted lines are all kept', () => {
  it('two lines pasted at a one-line question are one answer (tmux sends CR for each line break)', async () => {
    const t = await terminal();
    const answer = t.prompter.input({ message: '主办单位及协办单位' });
    await sleep(20);
    await t.send('主办：东湖区教育体育局\r协办：东湖区图书馆\r');
    expect(await answer).toBe('主办：东湖区教育体育局\n协办：东湖区图书馆');
  });

  it('CRLF line breaks count once; a paste without a final line break waits for Enter', async () => {
    const t = await terminal();
    const answer = t.prompter.input({ message: 'x' });
    await sleep(20);
    await t.send('第一行\r\n第二行');
    await t.send('\r');
    expect(await answer).toBe('第一行\n第二行');
  });

  it('three lines pasted into the several-line input are all kept, then an empty line ends it', async () => {
    const t = await terminal();
    const answer = t.prompter.multiline({ message: '活动内容' });
    await sleep(20);
    await t.send('开幕式\r社区大讲堂 12 场\r\r线上课程 30 门\r'); // with an empty line inside the paste
    await t.send('第四行，手打的');
    await t.send('\r');
    await t.send('\r');
    expect(await answer).toBe('开幕式\n社区大讲堂 12 场\n线上课程 30 门\n第四行，手打的'); // the blank line dropped, as the form drops it
  });

  it('a typed one-line answer and Enter on an empty line with a default', async () => {
    const t = await terminal();
    const a = t.prompter.input({ message: 'x', default: '2023' });
    await sleep(20);
    await t.send('\r');
    expect(await a).toBe('2023');
    const b = t.prompter.input({ message: 'y', default: '2023' });
    await sleep(20);
    await t.send('2024');
    await t.send('\r');
    expect(await b).toBe('2024');
  });
});

describe('prompt: the several-line input ends only at an empty line', () => {
  it('a first line equal to the current value does not end the input (the next line is part of it)', async () => {
    const t = await terminal();
    const answer = t.prompter.multiline({ message: '活动成效', default: '营造了浓厚氛围。' });
    await sleep(20);
    await t.send('营造了浓厚氛围。\r');
    await t.send('参与人数比去年增加两成。\r');
    let settled = false;
    void answer.then(() => (settled = true));
    await sleep(PAUSE);
    expect(settled).toBe(false); // still asking: the typed line did not fall through to another question
    await t.send('\r');
    expect(await answer).toBe('营造了浓厚氛围。\n参与人数比去年增加两成。');
  });

  it('Enter on the empty first line keeps the current value; < alone goes back', async () => {
    const t = await terminal();
    const keep = t.prompter.multiline({ message: 'x', default: '原来的\n两行' });
    await sleep(20);
    await t.send('\r');
    expect(await keep).toBe('原来的\n两行');
    const back = t.prompter.multiline({ message: 'x' });
    await sleep(20);
    await t.send('<\r');
    expect(await back).toBe('<');
  });
});

describe('prompt: $EDITOR for long texts', () => {
  it('offers :e when an editor is set; the text comes from the file the editor saved', async () => {
    const dir = tempDir('lw-editor-');
    const script = join(dir, 'fake-editor.sh');
    // The fake editor appends two lines to the file it is given (like a clerk typing and saving).
    writeFileSync(script, '#!/bin/sh\nprintf "编辑器第一行\\n编辑器第二行\\n" >> "$1"\n');
    chmodSync(script, 0o755);
    const t = await terminal({ EDITOR: script }, (command, initial) => editText(command, initial, { stdio: 'ignore' }));
    const answer = t.prompter.multiline({ message: '活动成效', default: '原来的一行' });
    await sleep(20);
    await t.send(':e\r');
    expect(await answer).toBe('原来的一行\n编辑器第一行\n编辑器第二行');
    expect(t.notes.join('\n')).toContain('输入 :e 用编辑器');
  });

  it('without an editor :e is just text, and the prompt does not offer it', async () => {
    const t = await terminal({ EDITOR: '', VISUAL: '' });
    const answer = t.prompter.multiline({ message: 'x' });
    await sleep(20);
    await t.send(':e\r');
    await t.send('\r');
    expect(await answer).toBe(':e');
    expect(t.notes.join('\n')).not.toContain(':e');
  });

  it('editText: VISUAL before EDITOR; a failing editor is reported, not taken as an empty text', async () => {
    expect(editorCommand({ VISUAL: 'vim', EDITOR: 'nano' })).toBe('vim');
    expect(editorCommand({ EDITOR: '  ' })).toBeUndefined();
    const failed = await editText('false', 'x', { stdio: 'ignore' });
    expect(failed.ok).toBe(false);
    const dir = tempDir('lw-editor-');
    const seen = join(dir, 'seen.txt');
    const ok = await editText(`sh -c 'cp "$1" "${seen}" && printf "改好了\\r\\n" > "$1"' editor`, '原文', { stdio: 'ignore' });
    expect(ok).toEqual({ ok: true, text: '改好了' });
    expect(readFileSync(seen, 'utf8')).toBe('原文\n');
  });
});

describe('prompt: the filtered list picks what the screen confirms, whatever the timing', () => {
  const roster = ['东湖区', '西湖区', '南昌县', '安义县'];
  const source = (term: string) => {
    const hits = roster.filter((n) => n.includes(term));
    return hits.length > 0
      ? hits.map((n) => ({ name: n, value: n }))
      : [{ name: `没有匹配的单位：「${term}」`, value: '', disabled: '（请换个写法）' }];
  };
  async function drawn() {
    const input = new PassThrough();
    const output = new PassThrough();
    let screen = '';
    output.on('data', (b: Buffer) => (screen += b.toString('utf8')));
    const prompter = await createPrompter({ lang: 'zh', env: {}, write: () => undefined, input, output });
    return { prompter, input, screen: () => screen };
  }

  it('text and Enter in one burst (a paste, a fast typist) pick the typed unit, and the confirmed line names it', async () => {
    for (const burst of ['南昌县\r', '南昌\r', '安义\r']) {
      const t = await drawn();
      const picked = t.prompter.search({ message: '举办县区', source });
      await sleep(20);
      t.input.write(burst); // one chunk: no redraw in between (it used to answer 东湖区, the old list's first)
      const value = await picked;
      expect(value).toBe(roster.find((n) => n.startsWith(burst.slice(0, 2))));
      await sleep(20);
      const confirmed =
        t
          .screen()
          .split('\n')
          .filter((l) => l.includes('✔'))
          .pop() ?? '';
      expect(confirmed).toContain(value);
    }
  });

  it('Enter on text matching nothing picks nothing; arrows move within the filtered list', async () => {
    const t = await drawn();
    const picked = t.prompter.search({ message: '举办县区', source });
    await sleep(20);
    t.input.write('xyz\r');
    await sleep(50);
    let settled = false;
    void picked.then(() => (settled = true));
    await sleep(50);
    expect(settled).toBe(false);
    t.input.write('\x7f\x7f\x7f湖\x1b[B\r'); // clear, type 湖, ↓, Enter: 西湖区
    expect(await picked).toBe('西湖区');
  });
});

describe('prompt: yes or no acts on what was typed', () => {
  it('「否」 is no (it used to be taken as the default 是); y/n work; Enter keeps the default; anything else is asked again', async () => {
    const t = await terminal();
    const a = t.prompter.confirm({ message: '仍然使用这个答案吗？', default: true });
    await sleep(20);
    await t.send('否\r'); // one burst
    expect(await a).toBe(false);
    const b = t.prompter.confirm({ message: '覆盖这些文件吗？', default: false });
    await sleep(20);
    await t.send('y\r');
    expect(await b).toBe(true);
    const c = t.prompter.confirm({ message: '覆盖这些文件吗？', default: false });
    await sleep(20);
    await t.send('\r');
    expect(await c).toBe(false);
    const d = t.prompter.confirm({ message: 'x', default: true });
    await sleep(20);
    await t.send('也许\r');
    let settled = false;
    void d.then(() => (settled = true));
    await sleep(PAUSE);
    expect(settled).toBe(false);
    await t.send('\x15是\r'); // Ctrl+U clears the line
    expect(await d).toBe(true);
  });
});
