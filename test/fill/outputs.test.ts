/**
 * The last check before writing: even if a character the font lacks got past the checks at each
 * answer (here they are switched off), `fill` renders Word and PDF in memory first and writes
 * nothing at all when the PDF refuses — never a YAML and a DOCX without their PDF.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runFill } from '../../src/commands/fill.js';
import { ExitError } from '../../src/core/errors.js';
import { fixture, tempDir } from '../helpers.js';

vi.mock('../../src/fill/glyphs.js', () => ({ fontGlyphCheck: () => async () => [] }));

describe('fill: all three files or none', () => {
  it('a PDF refusal leaves no YAML or DOCX behind, and says what to change', async () => {
    const out = tempDir('lw-fill-out-');
    const file = join(out, 'rare.yaml');
    writeFileSync(file, readFileSync(fixture('sample', '东湖区.yaml'), 'utf8').replace(/^ {2}自我评价:.*$/m, '  自我评价: 圆满完成𠀀。'));
    const err: string[] = [];
    const io = { lang: 'zh' as const, color: false, out: () => undefined, err: (s: string) => void err.push(s) };
    const run = runFill({ from: file, output: out, yes: true }, io, {
      isTTY: false,
      home: tempDir('lw-fill-home-'),
      now: new Date('2023-11-20T12:00:00+08:00'),
      env: {},
    });
    await expect(run).rejects.toBeInstanceOf(ExitError);
    expect(readdirSync(out)).toEqual(['rare.yaml']);
    expect(err.join('\n')).toContain('未生成任何文件');
    expect(err.join('\n')).toContain('「活动的群众性 › 自我评价」第 1 行第 5 个字「𠀀」');
  });
});
