/**
 * Atomic writes on a failing disk: `writeFileAtomic` and `writeFilesAtomic` (src/core/io.ts).
 *
 * The disk is failed without root: `node:fs/promises` is wrapped so that `open`, a handle's
 * `writeFile`/`sync`/`close`, or `rename` fails with a chosen errno for chosen paths, and on Linux a
 * temporary file may be opened on /dev/full, where the kernel itself answers ENOSPC. The end-to-end
 * runs on a real full disk (a 40 KB tmpfs) are in render-cli.test.ts.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../src/core/errors.js';
import { writeFileAtomic, writeFilesAtomic } from '../src/core/io.js';
import { tempDir } from './helpers.js';

type Op = 'open' | 'write' | 'sync' | 'close' | 'rename';
interface Fault {
  op: Op;
  /** Fails when the target's name (for rename) or the temporary file's name contains this. */
  match: string;
  code: string;
}
const faults = vi.hoisted(() => ({ current: undefined as Fault | undefined, devFull: undefined as string | undefined }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const errno = (code: string, syscall: string) => Object.assign(new Error(`${code}: simulated failure, ${syscall}`), { code, syscall });
  const hits = (op: Op, path: unknown) => faults.current?.op === op && String(path).includes(faults.current.match);
  const open = (async (path: Parameters<typeof real.open>[0], flags?: string | number, mode?: number) => {
    if (hits('open', path)) throw errno(faults.current!.code, 'open');
    // /dev/full: the temporary file is created (so it must be removed), but writes go to the
    // device that answers every write with ENOSPC.
    if (faults.devFull && String(path).includes(faults.devFull)) {
      await (await real.open(path, flags, mode)).close();
      return real.open('/dev/full', 'w');
    }
    const handle = await real.open(path, flags, mode);
    return {
      writeFile: async (data: string | Uint8Array) => {
        if (hits('write', path)) {
          await handle.writeFile(typeof data === 'string' ? data.slice(0, 10) : data.subarray(0, 10)); // half written
          throw errno(faults.current!.code, 'write');
        }
        return handle.writeFile(data);
      },
      sync: async () => {
        if (hits('sync', path)) throw errno(faults.current!.code, 'fsync');
        return handle.sync();
      },
      close: async () => {
        await handle.close();
        if (hits('close', path)) throw errno(faults.current!.code, 'close');
      },
    };
  }) as typeof real.open;
  const rename = (async (from: Parameters<typeof real.rename>[0], to: Parameters<typeof real.rename>[1]) => {
    if (hits('rename', basename(String(to)))) throw errno(faults.current!.code, 'rename');
    return real.rename(from, to);
  }) as typeof real.rename;
  return { ...real, default: { ...real, open, rename }, open, rename };
});

afterEach(() => {
  faults.current = undefined;
  faults.devFull = undefined;
});

const zh = { force: false, lang: 'zh' } as const;

async function failure(p: Promise<unknown>): Promise<UsageError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UsageError);
  return e as UsageError;
}

describe('writeFileAtomic on a failing disk', () => {
  it('a full disk while writing: a Chinese usage error naming the folder, the file, the reason and what to do; no temporary file left', async () => {
    const dir = tempDir('lw-io-');
    const path = join(dir, '统计表.pdf');
    faults.current = { op: 'write', match: '统计表.pdf', code: 'ENOSPC' };
    const e = await failure(writeFileAtomic(path, new Uint8Array(5000), zh));
    expect(e.message).toContain(`无法在「${dir}」中写入「统计表.pdf」`);
    expect(e.message).toContain('磁盘已满');
    expect(e.message).toContain('腾出空间');
    expect(e.message).toContain('-o');
    expect(e.message).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('in English with lang en', async () => {
    const dir = tempDir('lw-io-');
    faults.current = { op: 'write', match: 'a.pdf', code: 'ENOSPC' };
    const e = await failure(writeFileAtomic(join(dir, 'a.pdf'), 'x', { force: false, lang: 'en' }));
    expect(e.message).toContain(`Cannot write a.pdf in ${dir}: the disk is full (ENOSPC)`);
    expect(e.message).toContain('Free some space');
    expect(e.message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  const reasons: Array<[string, string]> = [
    ['ENOSPC', '磁盘已满'],
    ['EDQUOT', '超出磁盘配额'],
    ['EACCES', '没有写入权限'],
    ['EPERM', '没有写入权限'],
    ['EROFS', '没有写入权限'],
    ['EIO', '读写出错'],
    ['EFBIG', 'EFBIG'],
  ];
  for (const op of ['open', 'write', 'sync', 'close', 'rename'] as const)
    it(`a failure at ${op} is explained in plain words and leaves nothing behind`, async () => {
      for (const [code, words] of reasons) {
        const dir = tempDir('lw-io-');
        faults.current = { op, match: 'b.docx', code };
        const e = await failure(writeFileAtomic(join(dir, 'b.docx'), 'content', zh));
        expect(e.message, `${op} ${code}`).toContain(words);
        expect(e.message).toContain(code);
        expect(e.message).toContain('b.docx');
        expect(readdirSync(dir), `${op} ${code}`).toEqual([]);
      }
    });

  it('a failed overwrite (--force) leaves the old file as it was', async () => {
    const dir = tempDir('lw-io-');
    const path = join(dir, 'c.yaml');
    writeFileSync(path, 'old');
    faults.current = { op: 'sync', match: 'c.yaml', code: 'EIO' };
    await failure(writeFileAtomic(path, 'new', { force: true, lang: 'zh' }));
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['c.yaml']);
  });

  it.runIf(process.platform === 'linux' && existsSync('/dev/full'))(
    'a real ENOSPC from the kernel (/dev/full) is mapped the same way',
    async () => {
      const dir = tempDir('lw-io-');
      faults.devFull = 'd.pdf';
      const e = await failure(writeFileAtomic(join(dir, 'd.pdf'), new Uint8Array(100_000), zh));
      expect(e.message).toContain('磁盘已满');
      expect(e.message).toContain('ENOSPC');
      expect((e.cause as NodeJS.ErrnoException).code).toBe('ENOSPC');
      expect(readdirSync(dir)).toEqual([]);
    },
  );

  it('keeps its behaviour otherwise: writes, refuses an existing file without force, refuses a folder', async () => {
    const dir = tempDir('lw-io-');
    const path = join(dir, 'sub', 'e.txt');
    await writeFileAtomic(path, 'one', zh);
    expect(readFileSync(path, 'utf8')).toBe('one');
    expect((await failure(writeFileAtomic(path, 'two', zh))).message).toContain('已存在');
    await writeFileAtomic(path, 'two', { force: true, lang: 'zh' });
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect((await failure(writeFileAtomic(join(dir, 'sub'), 'x', { force: true, lang: 'zh' }))).message).toContain('是一个文件夹');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['e.txt']);
  });
});

describe('writeFilesAtomic: files that belong together, all or nothing', () => {
  const pair = (dir: string) => [
    { path: join(dir, '表.docx'), data: new Uint8Array(3000).fill(1) },
    { path: join(dir, '表.pdf'), data: new Uint8Array(4000).fill(2) },
  ];

  it('writes all of them', async () => {
    const dir = tempDir('lw-io-');
    await writeFilesAtomic(pair(dir), zh);
    expect(readdirSync(dir).sort()).toEqual(['表.docx', '表.pdf']);
    expect(readFileSync(join(dir, '表.pdf')).length).toBe(4000);
  });

  for (const op of ['open', 'write', 'sync', 'close'] as const)
    it(`the second file failing at ${op}: no lone DOCX, no temporary file, and the message says none was written`, async () => {
      const dir = tempDir('lw-io-');
      faults.current = { op, match: '表.pdf', code: 'ENOSPC' };
      const e = await failure(writeFilesAtomic(pair(dir), zh));
      expect(e.message).toContain('「表.pdf」');
      expect(e.message).toContain('磁盘已满');
      expect(e.message).toContain('均未写入');
      expect(readdirSync(dir)).toEqual([]);
    });

  it('with --force, a failed batch leaves the earlier pair unchanged', async () => {
    const dir = tempDir('lw-io-');
    writeFileSync(join(dir, '表.docx'), 'old docx');
    writeFileSync(join(dir, '表.pdf'), 'old pdf');
    faults.current = { op: 'write', match: '表.pdf', code: 'EDQUOT' };
    const e = await failure(writeFilesAtomic(pair(dir), { force: true, lang: 'zh' }));
    expect(e.message).toContain('超出磁盘配额');
    expect(readFileSync(join(dir, '表.docx'), 'utf8')).toBe('old docx');
    expect(readFileSync(join(dir, '表.pdf'), 'utf8')).toBe('old pdf');
    expect(readdirSync(dir).sort()).toEqual(['表.docx', '表.pdf']);
  });

  it('a rename failing part-way says which files were written and which not, and leaves no temporary file', async () => {
    const dir = tempDir('lw-io-');
    faults.current = { op: 'rename', match: '表.pdf', code: 'EIO' };
    const e = await failure(writeFilesAtomic(pair(dir), zh));
    expect(e.message).toMatch(new RegExp(`已写入：\\n  ${join(dir, '表.docx')}\\n未写入（原有文件保持不变）：\\n  ${join(dir, '表.pdf')}`));
    expect(e.message).toContain('读写出错');
    expect(readdirSync(dir)).toEqual(['表.docx']);
    faults.current = { op: 'rename', match: '表.pdf', code: 'EIO' };
    const en = await failure(writeFilesAtomic(pair(tempDir('lw-io-')), { force: false, lang: 'en' }));
    expect(en.message).toMatch(/Written:\n .*表\.docx\nNot written \(any existing file unchanged\):\n .*表\.pdf/);
  });

  it('refuses before writing anything when any target exists (without force) or is a folder', async () => {
    const dir = tempDir('lw-io-');
    writeFileSync(join(dir, '表.pdf'), 'theirs');
    expect((await failure(writeFilesAtomic(pair(dir), zh))).message).toContain('已存在');
    expect(readdirSync(dir)).toEqual(['表.pdf']);
  });
});
