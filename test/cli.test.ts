/**
 * End to end: the built CLI (`npm test` builds first) run in a temp dir, as a clerk or the city
 * centre would. Exit codes: 0 ok, 1 validation problems, 2 usage error.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayWidth } from '../src/report/width.js';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../src/form/definition.js';
import { BIN, cli, expectNoStackTrace, fixture, tempDir } from './helpers.js';

const json = (stdout: string) =>
  JSON.parse(stdout) as {
    campaign: { year: number; city: string };
    files: Array<{
      path: string;
      format: string;
      fate: string;
      status?: string;
      unit?: string;
      data?: Record<string, unknown>;
      issues: Array<Record<string, unknown>>;
    }>;
    summary: Record<string, number>;
  };

describe('lifelong-week (no subcommand, help, version)', () => {
  it('prints Chinese help and exits 0', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('用法：');
    for (const cmd of ['fill', 'template', 'validate', 'merge', 'render', 'schema']) expect(r.stdout).toContain(cmd);
  });
  it('prints English help with --lang en or an English locale', () => {
    expect(cli(['--help', '--lang', 'en']).stdout).toContain('Usage:');
    expect(cli(['--help'], { env: { LANG: 'en_US.UTF-8' } }).stdout).toContain('Usage:');
  });
  it('wraps Chinese help within 80 columns, never before closing punctuation', () => {
    for (const args of [
      ['--help'],
      ['merge', '--help'],
      ['fetch', '--help'],
      ['serve', '--help'],
      ['validate', '--help', '--lang', 'en'],
    ]) {
      const lines = cli(args).stdout.split('\n');
      for (const line of lines) expect(displayWidth(line), `${args.join(' ')}: ${line}`).toBeLessThanOrEqual(80);
      for (const line of lines) expect(line.trimStart()[0] ?? '', line).not.toMatch(/[，。、；：）」]/);
    }
  });
  it('prints the version', () => {
    const r = cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(fixture('..', 'package.json'), 'utf8')).version);
  });
  it('shows help when run without arguments', () => expect(cli([]).stdout).toContain('用法：'));
  it.each([
    [['--nope'], '不认识的选项「--nope」'],
    [['frobnicate'], '不认识的命令「frobnicate」'],
    [['validate'], '缺少参数'],
    [['--lang', 'fr', '--help'], '--lang 只能是 zh 或 en'],
  ])('usage error %j exits 2 in Chinese', (args, text) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(text);
    expect(expectNoStackTrace(r.stderr)).toBe(true);
  });
});

describe('validate', () => {
  it('validates the sample folder: exit 0, a readable report', () => {
    const r = cli(['validate', '--no-units', fixture('sample')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ 东湖区.yaml');
    expect(r.stdout).toContain('合计：3 个文件，3 份有效，0 份有误');
    expect(r.stdout).not.toMatch(/\x1b\[/); // not a TTY: no colour codes
  });

  it('--json follows the contract', () => {
    const r = cli(['validate', '--json', '--no-units', fixture('sample')]);
    expect(r.code).toBe(0);
    const report = json(r.stdout);
    expect(report.campaign).toMatchObject({ year: 2023, city: '南昌市' });
    expect(report.summary).toMatchObject({ files: 3, valid: 3, invalid: 0 });
    const xihu = report.files.find((f) => f.path === '西湖区.yaml')!;
    expect(xihu).toMatchObject({ format: 'yaml', fate: 'submission', status: 'valid', unit: '西湖区' });
    expect(xihu.data).toMatchObject({
      district: '西湖区',
      participation: { activityCount: 52, participantCount: 25000 },
      reach: { satisfaction: 97.5 },
      content: { period: { start: '2023-11-16', end: '2023-11-22', text: '11月16日-11月22日' } },
    });
    expect(xihu.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'count.approximate',
        field: 'participation.participantCount',
        label: '活动参与情况 › 参加活动人数',
        line: 14,
        column: 11,
        message: expect.stringContaining('约25000人次'),
      }),
    ]);
  });

  it('exits 1 when any file has an error, and reports every file', () => {
    const dir = tempDir();
    copyFileSync(fixture('sample', '东湖区.yaml'), join(dir, '东湖区.yaml'));
    copyFileSync(fixture('invalid', 'date-vague.yaml'), join(dir, '新建区.yaml'));
    writeFileSync(join(dir, '说明.txt'), '报送说明');
    const r = cli(['validate', '--json', '--no-units', dir]);
    expect(r.code).toBe(1);
    const report = json(r.stdout);
    expect(report.files.map((f) => [f.path, f.fate, f.status])).toEqual([
      ['东湖区.yaml', 'submission', 'valid'],
      ['新建区.yaml', 'submission', 'invalid'],
      ['说明.txt', 'not-a-submission', undefined],
    ]);
    expect(report.summary).toMatchObject({ files: 3, valid: 1, invalid: 1, unchecked: 1 });
  });

  it('a warning alone still exits 0', () => {
    const r = cli(['validate', fixture('invalid', 'count-approximate.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('提醒');
  });

  it('says where the problem is and what to do, in Chinese, with the label path', () => {
    const r = cli(['validate', fixture('invalid', 'count-vague.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('第 19 行第 11 列');
    expect(r.stdout).toContain('活动参与情况 › 参加活动人数');
    expect(r.stdout).toContain('「很多」不是具体数字。请填写统计到的实际数量。');
  });

  it('speaks English with --lang en', () => {
    const r = cli(['validate', '--lang', 'en', fixture('invalid', 'count-vague.yaml')]);
    expect(r.stdout).toContain('is not a number');
    expect(r.stdout).toContain('Total: 1 file(s)');
  });

  it('colours on request (FORCE_COLOR) and never with NO_COLOR', () => {
    expect(cli(['validate', fixture('sample')], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\x1b\[/);
    expect(cli(['validate', fixture('sample')], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
  });

  it.each([['a path that does not exist', ['validate', '不存在的文件.yaml'], 2, '找不到「不存在的文件.yaml」']])(
    '%s',
    (_, args, code, text) => {
      const r = cli(args);
      expect(r.code).toBe(code);
      expect(r.stderr).toContain(text);
      expect(expectNoStackTrace(r.stderr + r.stdout)).toBe(true);
    },
  );

  it('an empty folder is a usage error', () => {
    const r = cli(['validate', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('是空的');
  });

  it('a folder with files but no submissions lists them and exits 1', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '照片.jpg'), Buffer.from('ffd8ffe000104a464946', 'hex'));
    const r = cli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('照片.jpg');
    expect(r.stdout).toContain('没有找到可检查的报送文件');
  });

  it('every bad input gets a clear message and no stack trace', () => {
    const r = cli(['validate', '--json', fixture('invalid')]);
    expect(r.code).toBe(1);
    expect(expectNoStackTrace(r.stderr)).toBe(true);
    const report = json(r.stdout);
    expect(report.files).toHaveLength(49);
    for (const f of report.files) {
      if (f.status !== 'valid') expect(f.issues.length, f.path).toBeGreaterThan(0);
      for (const i of f.issues) expect(String(i.message)).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('refuses a file over the size limit without reading it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '超大.yaml'), `其他: "${'很'.repeat(600_000)}"\n`);
    const r = cli(['validate', '--json', dir]);
    expect(r.code).toBe(1);
    const [file] = json(r.stdout).files;
    expect(file).toMatchObject({ fate: 'unsafe', issues: [expect.objectContaining({ code: 'file.tooLarge' })] });
    expect(file).not.toHaveProperty('status');
  });

  it('repairs a full-width colon and Tab indentation with a warning', () => {
    const dir = tempDir();
    const text = readFileSync(fixture('sample', '东湖区.yaml'), 'utf8')
      .replace('举办县区: 东湖区', '举办县区：东湖区')
      .replace('  具体协调部门: 东湖区社区教育学院', '\t具体协调部门:东湖区社区教育学院');
    writeFileSync(join(dir, 'a.yaml'), text);
    const r = cli(['validate', '--json', join(dir, 'a.yaml')]);
    expect(r.code).toBe(0);
    const [file] = json(r.stdout).files;
    expect(file!.issues.map((i) => i.code)).toEqual(['yaml.colonFixed', 'yaml.tabFixed', 'yaml.colonFixed']);
    expect(file!.data).toMatchObject({ district: '东湖区', leadership: { coordinator: '东湖区社区教育学院' } });
  });
});

describe('--campaign', () => {
  const campaign2024 = fixture('campaign', 'nanchang-2024.yaml');
  it('replaces the embedded campaign', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, '东湖区.yaml'),
      readFileSync(fixture('sample', '东湖区.yaml'), 'utf8')
        .replace('年度: 2023', '年度: 2024')
        .replace('2023年11月15日至11月21日', '2024年10月22日至10月28日'),
    );
    const r = cli(['validate', '--json', '--no-units', '--campaign', campaign2024, dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(json(r.stdout).campaign).toMatchObject({ year: 2024, city: '南昌市', deadline: '2024-11-20' });
    expect(cli(['validate', '--campaign', campaign2024, fixture('sample', '东湖区.yaml')]).code).toBe(1);
  });
  it.each([
    ['bad-date.yaml', ['deadline', '必须是存在的日期', '第 7 行']],
    ['bad-key.yaml', ['缺少「deadline」', '第 7 行', '是不是「deadline」']],
    ['bad-roster.yaml', ['roster', '同时属于']],
    [
      'bad-mixed.yaml',
      [
        '第 8 行 deadline：报送截止日期 2024-10-15 早于活动开始日期 2024-11-01',
        'contacts.0.phone',
        '「1997913612」不是有效的电话号码',
        '名册中「东湖区」出现了两次',
      ],
    ],
  ])('a campaign file with a mistake (%s) is a usage error saying where', (name, texts) => {
    const r = cli(['validate', '--campaign', fixture('campaign', name), fixture('sample')]);
    expect(r.code).toBe(2);
    for (const text of texts) expect(r.stderr).toContain(text);
    expect(expectNoStackTrace(r.stderr)).toBe(true);
  });
  it('a missing campaign file is a usage error', () => {
    const r = cli(['validate', '--campaign', 'nope.yaml', fixture('sample')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('找不到活动配置文件');
  });
});

describe('schema', () => {
  it('prints the JSON Schema, and the committed copy is up to date', () => {
    const r = cli(['schema']);
    expect(r.code).toBe(0);
    const committed = readFileSync(fixture('..', 'schemas', 'submission.schema.json'), 'utf8');
    // If this fails: npm run schema:write
    expect(r.stdout).toBe(committed);
  });
  it('has Chinese keys, descriptions and examples for every field', () => {
    const schema = JSON.parse(cli(['schema']).stdout) as {
      properties: Record<string, { properties?: Record<string, unknown>; description?: string; examples?: unknown[] }>;
    };
    for (const f of FIELDS) {
      const node = (f.group ? schema.properties[f.group.label]!.properties![f.label] : schema.properties[f.label]) as {
        description?: string;
        examples?: unknown[];
      };
      expect(node, f.id).toBeDefined();
      expect(node.description).toMatch(/[\u4e00-\u9fff]/);
      expect(node.examples?.length).toBeGreaterThan(0);
    }
  });
});

describe('template --format yaml', () => {
  const requiredWithoutDefault = (prefilled: string[]) =>
    FIELDS.filter((f) => f.required && !f.default && !prefilled.includes(f.id)).map((f) => f.id);

  it('with --district: validating it untouched gives exactly one "required" error per empty required field', () => {
    const dir = tempDir();
    const out = join(dir, '东湖区.yaml');
    const w = cli(['template', '--format', 'yaml', '--district', '东湖', '-o', out]);
    expect(w.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*schemas\/submission\.schema\.json$/);
    expect(text).toContain('举办县区: 东湖区');
    expect(text).toContain('教育行政部门（盖章）: 东湖区教育体育局');
    for (const f of FIELDS) expect(text).toContain(`${f.label}:`);
    const r = cli(['validate', '--json', out]);
    expect(r.code).toBe(1);
    const [file] = json(r.stdout).files;
    expect(file!.issues.map((i) => `${i.severity}:${i.code}:${i.field}`)).toEqual(
      requiredWithoutDefault(['district']).map((id) => `error:required:${id}`),
    );
  });

  it('without --district the unit and the department are asked for too', () => {
    const r = cli(['template']);
    expect(r.code).toBe(0);
    const dir = tempDir();
    writeFileSync(join(dir, 't.yaml'), r.stdout);
    const [file] = json(cli(['validate', '--json', join(dir, 't.yaml')]).stdout).files;
    expect(file!.issues.map((i) => i.field).sort()).toEqual([...requiredWithoutDefault([]), 'department'].sort());
  });

  it('the modeline points at the schema relative to the output file', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    cli(['template', '-o', join(dir, 'sub', 't.yaml')]);
    const ref = /\$schema=(.*)$/m.exec(readFileSync(join(dir, 'sub', 't.yaml'), 'utf8'))![1]!;
    expect(existsSync(join(dir, 'sub', ref))).toBe(true);
  });

  it('never overwrites without --force', () => {
    const dir = tempDir();
    const out = join(dir, 't.yaml');
    writeFileSync(out, '我的草稿');
    const r = cli(['template', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('已存在');
    expect(readFileSync(out, 'utf8')).toBe('我的草稿');
    expect(cli(['template', '-o', out, '--force']).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('举办县区:');
  });

  it('an unknown district or format is a usage error with a suggestion', () => {
    const r = cli(['template', '--district', '青山区']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('是不是「青山湖区」');
    expect(cli(['template', '--format', 'odt']).code).toBe(2);
  });
});

describe('output to a closed pipe', () => {
  it('`validate … | head` ends quietly, without a stack trace', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" validate --json --no-units "${fixture('invalid')}" | head -1`], {
      encoding: 'utf8',
    });
    expect(r.stdout.trim()).toBe('{');
    expect(r.stderr).not.toContain('EPIPE');
  });
});

describe('office formats by content', () => {
  it('WPS .wps and .et are read as the Word and Excel files they are', () => {
    const dir = tempDir();
    copyFileSync(fixture('office', 'word-form.doc'), join(dir, '东湖区统计表.wps'));
    copyFileSync(fixture('office', 'sheet-form.xlsx'), join(dir, '青山湖区统计表.et'));
    const report = json(cli(['validate', '--json', '--no-units', dir]).stdout);
    expect(report.files.map((f) => [f.path, f.fate, f.status, f.unit])).toEqual([
      ['东湖区统计表.wps', 'submission', 'valid', '东湖区'],
      ['青山湖区统计表.et', 'submission', 'valid', '青山湖区'],
    ]);
  });
  it('an OpenDocument file asks for the Office format', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '统计表.odt'), 'PK');
    const [f] = json(cli(['validate', '--json', '--no-units', dir]).stdout).files;
    expect(f).toMatchObject({ fate: 'unsupported', issues: [expect.objectContaining({ code: 'file.needsLibreOffice' })] });
  });
});

describe('validate accounts for every file in a folder', () => {
  it('links: a broken one, one to a folder, one beside its target — all listed, the real name read', () => {
    const dir = tempDir();
    copyFileSync(fixture('sample', '东湖区.yaml'), join(dir, '东湖区.yaml'));
    mkdirSync(join(dir, '子文件夹'));
    copyFileSync(fixture('sample', '西湖区.yaml'), join(dir, '子文件夹', '西湖区.yaml'));
    symlinkSync(join(dir, '东湖区.yaml'), join(dir, '0-链接.yaml'));
    symlinkSync(join(dir, '不存在.yaml'), join(dir, '坏链接.yaml'));
    symlinkSync(join(dir, '子文件夹'), join(dir, '文件夹链接'));
    const r = cli(['validate', '--json', '--no-units', dir]);
    const files = json(r.stdout).files.map((f) => [f.path, f.fate, f.status, f.issues[0]?.code]);
    expect(files).toEqual([
      ['0-链接.yaml', 'unsupported', undefined, 'file.duplicate'],
      ['东湖区.yaml', 'submission', 'valid', undefined],
      ['坏链接.yaml', 'unreadable', undefined, 'file.brokenLink'],
      ['子文件夹/西湖区.yaml', 'submission', 'valid', 'count.approximate'],
      ['文件夹链接/', 'unsupported', undefined, 'file.folderLink'],
    ]);
    expect(r.code).toBe(1); // the broken link is an error the centre must see
    // Named through a link to the folder, the link beside its target is still known as the same file.
    const viaLink = join(tempDir(), '收件箱');
    symlinkSync(dir, viaLink);
    expect(
      json(cli(['validate', '--json', '--no-units', viaLink]).stdout).files.map((f) => [f.path, f.fate, f.status, f.issues[0]?.code]),
    ).toEqual(files);
  });

  // Root reads whatever the permissions say: as root the tool runs as `nobody`, which must be able
  // to read the clone (a clone in root's home or a 0700 temp folder is not); anyone else runs it
  // directly. Where neither works the test says why it skipped.
  const isRoot = process.getuid?.() === 0;
  const nobodyRuns =
    isRoot && spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, BIN, '--version'], { encoding: 'utf8' }).status === 0;
  const permissionSkip = !process.getuid
    ? 'no POSIX permissions on this system'
    : isRoot && !nobodyRuns
      ? `as root, permissions do not block reads, and the user nobody cannot run the tool from ${BIN} (runuser missing or the clone not readable by others)`
      : undefined;
  it.skipIf(permissionSkip !== undefined)('a folder without read permission is listed, and the rest is still checked', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    copyFileSync(fixture('sample', '东湖区.yaml'), join(dir, '东湖区.yaml'));
    mkdirSync(join(dir, '锁住的'));
    chmodSync(join(dir, '锁住的'), 0o000);
    try {
      const env = { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8' };
      const args = [BIN, 'validate', '--json', dir];
      const r = isRoot
        ? spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, ...args], { encoding: 'utf8', env })
        : spawnSync(process.execPath, args, { encoding: 'utf8', env });
      expect(r.stderr).not.toMatch(/\n\s+at /);
      const report = json(r.stdout);
      expect(report.files.map((f) => [f.path, f.fate])).toEqual([
        ['东湖区.yaml', 'submission'],
        ['锁住的/', 'unreadable'],
      ]);
      expect(report.files[1]!.issues[0]!.message).toContain('没有读取权限');
    } finally {
      chmodSync(join(dir, '锁住的'), 0o755);
    }
  });
  if (permissionSkip) console.warn(`skipped: a folder without read permission — ${permissionSkip}`);
});
