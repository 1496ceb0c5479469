/**
 * The clerk's path through the built CLI: what a district clerk types and reads. Each case here was
 * wrong once (see docs and the README's 区县填报 part): a second contact hiding a bad number, a
 * full-width colon in a contact item, a path with spaces left unquoted, hints naming a command the
 * clerk does not have.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, fixture, tempDir } from './helpers.js';

const dirs: string[] = [];
const temp = () => {
  const d = tempDir('lw-clerk-');
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const sample = readFileSync(fixture('sample', '东湖区.yaml'), 'utf8');
const withContacts = (block: string) => sample.replace(/联系人及电话:\n(?: {2}.*\n)+/, block);

describe('contacts: every number is checked', () => {
  it.each([
    ['free text, two contacts on one line', '联系人及电话: 刘芳 1390791234；王伟 0791-86771234\n'],
    ['free text, comma', '联系人及电话: 刘芳 1390791234，王伟 0791-86771234\n'],
    ['a list item whose 姓名 holds a second person', '联系人及电话:\n  - 姓名: 刘芳 1390791234；王伟\n    电话: 0791-86771234\n'],
  ])('validate refuses a short number in %s', (_, block) => {
    const dir = temp();
    const file = join(dir, '东湖区.yaml');
    writeFileSync(file, withContacts(block));
    const r = cli(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('「1390791234」不是有效的电话号码');
  });

  it('fill --from refuses it too and asks again (no terminal: says which item)', () => {
    const dir = temp();
    const file = join(dir, '东湖区.yaml');
    writeFileSync(file, withContacts('联系人及电话: 刘芳 1390791234；王伟 0791-86771234\n'));
    const r = cli(['fill', '--from', file, '--yes', '-o', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('1390791234');
    expect(r.stderr).toContain('联系人及电话');
  });

  it('two good contacts on one line are two contacts', () => {
    const dir = temp();
    const file = join(dir, '东湖区.yaml');
    writeFileSync(file, withContacts('联系人及电话: 刘芳 13907912345；王伟 0791-86771234\n'));
    const r = cli(['validate', '--json', file]);
    expect(r.code).toBe(0);
    expect(JSON.stringify(JSON.parse(r.stdout))).toContain('"name":"王伟"');
  });
});

describe('a full-width colon in a contact item is read', () => {
  it('「  - 姓名：刘芳」 above a half-width 「电话:」 line', () => {
    const dir = temp();
    const file = join(dir, '东湖区.yaml');
    writeFileSync(file, withContacts('联系人及电话:\n  - 姓名：刘芳\n    电话: 0791-86771234\n  - 姓名：王伟\n    电话：13907912345\n'));
    const r = cli(['validate', '--json', file]);
    expect(r.stdout).not.toContain('yaml.noColon');
    expect(r.code).toBe(0);
    const text = JSON.stringify(JSON.parse(r.stdout));
    expect(text).toContain('"name":"刘芳"');
    expect(text).toContain('"phone":"13907912345"');
  });
});

describe('a path with spaces, unquoted', () => {
  it('names the file the pieces make and shows the quoted command', () => {
    const dir = temp();
    mkdirSync(join(dir, '我的 文档'));
    writeFileSync(join(dir, '我的 文档', '东湖区 统计表.yaml'), sample);
    const r = cli(['validate', '我的', '文档/东湖区', '统计表.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('「我的 文档/东湖区 统计表.yaml」存在');
    expect(r.stderr).toContain('lifelong-week validate "我的 文档/东湖区 统计表.yaml"');
    const quoted = cli(['validate', '我的 文档/东湖区 统计表.yaml'], { cwd: dir });
    expect(quoted.code).toBe(0);
  });

  it('render and fill --from say the same (they used to say only 「参数太多」)', () => {
    const dir = temp();
    mkdirSync(join(dir, '我的 文档'));
    writeFileSync(join(dir, '我的 文档', '东湖区 统计表.yaml'), sample);
    const render = cli(['render', '我的', '文档/东湖区', '统计表.yaml', '-o', 'out'], { cwd: dir });
    expect(render.code).toBe(2);
    expect(render.stderr).toContain('lifelong-week render "我的 文档/东湖区 统计表.yaml" -o out');
    const fill = cli(['fill', '--from', '我的', '文档/东湖区', '统计表.yaml', '--yes'], { cwd: dir });
    expect(fill.code).toBe(2);
    expect(fill.stderr).toContain('lifelong-week fill --from "我的 文档/东湖区 统计表.yaml" --yes');
  });
});

describe('hints name the command as the user ran it', () => {
  it('under npx (npm sets npm_command=exec) the hints say npx lifelong-week', () => {
    const r = cli(['fill'], { env: { npm_command: 'exec' } });
    expect(r.stderr).toContain('npx lifelong-week fill');
    expect(r.stderr).not.toMatch(/(?<!npx )lifelong-week template/);
    const help = cli(['validate', '--help'], { env: { npm_command: 'exec' } });
    expect(help.stdout).toContain('npx lifelong-week validate');
    const plain = cli(['fill']);
    expect(plain.stderr).toContain('运行 lifelong-week fill');
    expect(plain.stderr).not.toContain('npx');
  });
});
