/**
 * Hostile and broken files in one batch (docs/inbox.md, "Hostile and broken input"): each ends in its fate, none stops the
 * batch or hides another file, and the zip bomb is refused fast without the memory growing.
 */
import { copyFileSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { cli, fixture, tempDir } from './helpers.js';
import { ROOT } from './helpers.js';

describe('a batch of hostile files', () => {
  const dir = tempDir();
  const parts = (name: string) => fixture('inbox-parts', name);
  copyFileSync(fixture('sample', '东湖区.yaml'), join(dir, '00-东湖区.yaml'));
  copyFileSync(parts('bomb.docx'), join(dir, '01-炸弹.docx'));
  copyFileSync(parts('bomb-falsified.docx'), join(dir, '02-炸弹（伪造大小）.docx'));
  copyFileSync(parts('truncated.zip'), join(dir, '03-截断.zip'));
  copyFileSync(parts('unsafe-names.zip'), join(dir, '04-路径穿越.zip'));
  copyFileSync(fixture('invalid', 'alias-bomb.yaml'), join(dir, '05-别名炸弹.yaml'));
  copyFileSync(fixture('invalid', 'word-renamed.yaml'), join(dir, '06-改了扩展名.yaml'));
  writeFileSync(join(dir, '07-空文件.docx'), '');
  // A Word file whose document part declares a DTD (entity expansion, external entities).
  const doctype =
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>';
  writeFileSync(
    join(dir, '08-DOCTYPE.docx'),
    zipSync({ 'word/document.xml': new TextEncoder().encode(doctype), '[Content_Types].xml': new TextEncoder().encode('<Types/>') }),
  );
  copyFileSync(fixture('sample', '西湖区.yaml'), join(dir, '99-西湖区.yaml'));

  const t = performance.now();
  const r = cli(['validate', '--json', '--no-units', dir]);
  const ms = performance.now() - t;
  const report = JSON.parse(r.stdout) as { files: Array<{ path: string; fate: string; status?: string; issues: Array<{ code: string }> }> };
  const fate = (prefix: string) => report.files.filter((f) => f.path.startsWith(prefix)).map((f) => [f.fate, f.issues[0]?.code]);

  it('completes the batch: the good files before and after are read', () => {
    expect(r.stderr).toBe('');
    expect(fate('00-')).toEqual([['submission', undefined]]);
    expect(report.files.find((f) => f.path === '99-西湖区.yaml')?.status).toBe('valid');
  });
  it('zip bombs are refused as unsafe', () => {
    expect(fate('01-')).toEqual([['unsafe', 'file.zipBomb']]);
    expect(fate('02-')).toEqual([['unsafe', 'file.zipBomb']]);
  });
  it('a truncated archive is unreadable', () => expect(fate('03-')).toEqual([['unreadable', 'file.corrupt']]));
  it('entries pointing outside the archive are listed as unsafe, not extracted', () => {
    const unsafe = report.files.filter((f) => f.path.startsWith('04-') && f.fate === 'unsafe');
    expect(unsafe.length).toBeGreaterThan(0);
    for (const f of unsafe) expect(f.issues[0]?.code).toBe('zip.unsafeName');
  });
  it('YAML alias bombs are unsafe; binary behind .yaml is unreadable; an empty .docx is unreadable', () => {
    expect(fate('05-')).toEqual([['unsafe', 'yaml.aliasBomb']]);
    expect(fate('06-')).toEqual([['unreadable', 'file.binary']]);
    expect(fate('07-')).toEqual([['unreadable', 'file.emptyDocument']]);
  });
  it('XML with a DOCTYPE is refused', () => expect(fate('08-')).toEqual([['unsafe', 'file.unsafeXml']]));
  it('takes seconds, not minutes (the bombs are refused early)', () => expect(ms).toBeLessThan(20_000));
});

describe('the zip bomb in a .docx, in-process', () => {
  it('is refused in under a second without the memory growing past ~200 MB', async () => {
    const { readDocxContent } = await import('../src/read/docx.js');
    const bytes = readFileSync(join(ROOT, 'fixtures', 'inbox-parts', 'bomb.docx'));
    const before = process.memoryUsage().rss;
    const t = performance.now();
    const r = await readDocxContent(bytes);
    expect(performance.now() - t).toBeLessThan(1000);
    expect(r.ok).toBe(false);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });
});

describe('reading on every core', () => {
  it('gives the same report, in the same order, as reading file by file', () => {
    const dir = fixture('invalid'); // 49 files: enough for the worker threads
    const parallel = cli(['validate', '--json', '--no-units', dir], { env: { LIFELONG_WEEK_THREADS: '2' } });
    const serial = cli(['validate', '--json', '--no-units', dir], { env: { LIFELONG_WEEK_THREADS: '1' } });
    expect(parallel.code).toBe(serial.code);
    expect(parallel.stdout).toBe(serial.stdout);
    expect(JSON.parse(parallel.stdout).files).toHaveLength(49);
  });

  it("a file that exhausts a worker's memory ends that worker only: listed as such, every other file read as on one thread", () => {
    // A PDF of one array of 3 million numbers: 12 MB, under every size limit, but each number is an
    // object in pdf-lib — far more than a 64 MB worker heap.
    const dir = tempDir();
    for (const name of readdirSync(fixture('invalid'))) {
      // The copies keep their times, so their reports are the fixtures' own.
      copyFileSync(fixture('invalid', name), join(dir, name));
      const { atime, mtime } = statSync(fixture('invalid', name));
      utimesSync(join(dir, name), atime, mtime);
    }
    const numbers = Array.from({ length: 3000 }, (_, i) => Array.from({ length: 1000 }, (_, j) => (i * 1000 + j) % 997).join(' '));
    writeFileSync(
      join(dir, '00-大文件.pdf'),
      `%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n` +
        `3 0 obj\n[${numbers.join('\n')}]\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
    );
    const env = { LIFELONG_WEEK_THREADS: '2', LIFELONG_WEEK_WORKER_MB: '64', LIFELONG_WEEK_NO_CACHE: '1' };
    const parallel = cli(['validate', '--json', '--no-units', dir], { env });
    const serial = cli(['validate', '--json', '--no-units', fixture('invalid')], { env: { LIFELONG_WEEK_THREADS: '1' } });
    const files = JSON.parse(parallel.stdout).files as { path: string; fate: string; issues: { code: string; message: string }[] }[];
    expect(files).toHaveLength(50);
    const [big, ...others] = files;
    expect(big).toMatchObject({ path: '00-大文件.pdf', fate: 'unreadable', issues: [{ code: 'file.outOfMemory' }] });
    expect(big!.issues[0]!.message).toContain('超过了 64 MB 的上限');
    expect(others).toEqual(JSON.parse(serial.stdout).files);
    expect(parallel.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
