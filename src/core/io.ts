/**
 * The terminal and the file system, for command modules only (the core stays pure).
 */
import { constants } from 'node:fs';
import { access, mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import type { Lang } from './messages.js';
import { UsageError } from './errors.js';

export interface Io {
  lang: Lang;
  color: boolean;
  out(text: string): void;
  err(text: string): void;
  /**
   * Write a large output in pieces, waiting when the reader is slower (a pipe): a report of ten
   * thousand files is never held as one string plus one buffer. Optional: defaults to `out`.
   */
  outChunks?(chunks: Iterable<string>): Promise<void>;
}

/** Write chunks to a stream with backpressure. */
export async function writeChunks(stream: NodeJS.WritableStream, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', resolve));
  }
}

/**
 * A JSON document as chunks: the object's top-level keys one by one, and each element of the
 * arrays named in `streamed` on its own — the same text `JSON.stringify(value, null, 2)` gives.
 */
export function* jsonChunks(value: Record<string, unknown>, streamed: readonly string[]): Generator<string> {
  const keys = Object.keys(value).filter((k) => value[k] !== undefined);
  yield '{\n';
  for (const [i, key] of keys.entries()) {
    const comma = i < keys.length - 1 ? ',' : '';
    const item = value[key];
    if (streamed.includes(key) && Array.isArray(item) && item.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      for (const [j, element] of item.entries())
        yield `${JSON.stringify(element, null, 2).replace(/^/gm, '    ')}${j < item.length - 1 ? ',' : ''}\n`;
      yield `  ]${comma}\n`;
    } else yield `  ${JSON.stringify(key)}: ${JSON.stringify(item, null, 2).replace(/\n/g, '\n  ')}${comma}\n`;
  }
  yield '}\n';
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function wantsColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

/**
 * The command as the user started it: `npx lifelong-week` when npm ran it (`npx`, `npm exec`: npm
 * sets `npm_command=exec`), where the bare name may not be on the PATH; `lifelong-week` otherwise.
 */
export function invokedAs(env: NodeJS.ProcessEnv): string {
  return env.npm_command === 'exec' ? 'npx lifelong-week' : 'lifelong-week';
}

/** 「lifelong-week fill --resume」 in a hint → the command as the user ran it (not inside a path such as .lifelong-week/). */
export function hintsAs(text: string, command: string): string {
  if (command === 'lifelong-week') return text;
  return text.replace(/(?<![\w./\\-])lifelong-week(?= [a-z-])/g, command);
}

export function processIo(lang: Lang): Io {
  const command = invokedAs(process.env);
  const line = (text: string) => hintsAs(text.endsWith('\n') ? text : `${text}\n`, command);
  return {
    lang,
    color: wantsColor(process.stdout, process.env),
    out: (text) => void process.stdout.write(line(text)),
    err: (text) => void process.stderr.write(line(text)),
    outChunks: (chunks) => writeChunks(process.stdout, chunks),
  };
}

export async function exists(path: string): Promise<boolean> {
  try {
    await access(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/** One output file: where it goes and what it holds. */
export interface OutputFile {
  path: string;
  data: string | Uint8Array;
}

export interface WriteOptions {
  /** Replace existing files; without it an existing file is refused before anything is written. */
  force: boolean;
  lang: Lang;
}

/**
 * Write a file atomically (a temporary file beside it, fsync, rename), refusing to replace an
 * existing file unless `force`: a clerk's finished form is never clobbered by a second run. A write
 * that fails (a full disk, say) removes its temporary file and is a plain-language `UsageError`.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, opts: WriteOptions): Promise<void> {
  await writeFilesAtomic([{ path, data }], opts);
}

/**
 * Write several files that belong together (a DOCX and its PDF) all or nothing: every target is
 * checked, then every temporary file written and synced, and only when all of them succeeded are
 * they renamed into place. A failed write removes every temporary file, so no half file and no lone
 * DOCX is left. The renames are the commit point; one failing part-way (rare: the writes already
 * succeeded) is reported with the files written and those not.
 */
export async function writeFilesAtomic(files: readonly OutputFile[], opts: WriteOptions): Promise<void> {
  for (const file of files) await checkTarget(file.path, opts);
  for (const folder of new Set(files.map((f) => dirname(f.path)))) await makeFolder(folder, opts.lang);
  const temps: string[] = [];
  try {
    for (const file of files) temps.push(await writeTemp(file, files.length, opts.lang));
  } catch (e) {
    await removeQuietly(temps);
    throw e;
  }
  for (const [i, file] of files.entries()) {
    try {
      await rename(temps[i]!, file.path);
    } catch (e) {
      await removeQuietly(temps.slice(i));
      throw renameError(e, files.map((f) => f.path), i, opts.lang);
    }
  }
}

/** Refusals before anything is written: a folder where the file should go, an existing file. */
async function checkTarget(path: string, opts: WriteOptions): Promise<void> {
  if ((await stat(path).catch(() => undefined))?.isDirectory())
    throw new UsageError(
      opts.lang === 'en' ? `${path} is a folder; name a file to write.` : `「${path}」是一个文件夹，请指定要写入的文件名。`,
    );
  if (!opts.force && (await exists(path)))
    throw new UsageError(
      opts.lang === 'en'
        ? `${path} already exists. Use --force to overwrite it, or -o to write elsewhere.`
        : `文件「${path}」已存在，未覆盖。如需覆盖请加 --force，或用 -o 指定其他位置。`,
    );
}

async function makeFolder(folder: string, lang: Lang): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
  } catch (e) {
    const code = errorCode(e);
    throw new UsageError(
      lang === 'en'
        ? `Cannot create the folder ${folder} (${code}): a file of that name may be in the way, or there is no permission.`
        : `无法建立「${folder}」文件夹（${code === 'EEXIST' || code === 'ENOTDIR' ? '同名的文件挡住了' : reason(code, 'zh')}）。请换一个输出位置（-o）。`,
      { cause: e },
    );
  }
}

let tmpCounter = 0;

/**
 * Write one temporary file beside the target and sync it; return its path. On any failure (open,
 * write, sync, close) the temporary file is removed and the error explained.
 */
async function writeTemp(file: OutputFile, batch: number, lang: Lang): Promise<string> {
  const tmp = join(dirname(file.path), `.${basename(file.path)}.${process.pid}-${(tmpCounter++).toString(36)}.tmp`);
  let handle: FileHandle | undefined;
  let created = false;
  try {
    // 'wx': never reuse somebody else's temporary file.
    handle = await open(tmp, 'wx');
    created = true;
    await handle.writeFile(file.data);
    await handle.sync();
    const done = handle;
    handle = undefined;
    await done.close();
    return tmp;
  } catch (e) {
    await handle?.close().catch(() => undefined);
    if (created) await removeQuietly([tmp]);
    throw writeError(e, file.path, batch, lang);
  }
}

async function removeQuietly(paths: readonly string[]): Promise<void> {
  for (const p of paths) await rm(p, { force: true }).catch(() => undefined);
}

const errorCode = (e: unknown): string => (e as NodeJS.ErrnoException | undefined)?.code ?? (e instanceof Error ? e.message : String(e));

/** A file-system error code in plain words: [中文, English]. */
const REASONS: Record<string, readonly [string, string]> = {
  ENOSPC: ['磁盘已满，空间不足', 'the disk is full'],
  EDQUOT: ['超出磁盘配额', 'the disk quota is exceeded'],
  EACCES: ['没有写入权限', 'no permission to write there'],
  EPERM: ['没有写入权限', 'no permission to write there'],
  EROFS: ['磁盘是只读的，没有写入权限', 'the disk is read-only'],
  EIO: ['读写出错，磁盘或网络盘可能有故障', 'a read/write error on the disk'],
};

const reason = (code: string, lang: Lang): string => REASONS[code]?.[lang === 'en' ? 1 : 0] ?? code;

/** What to do about it. */
function advice(code: string, lang: Lang): string {
  const [zh, en] =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? ['请清理磁盘、腾出空间后重试，或用 -o 写到其他磁盘或文件夹。', 'Free some space and try again, or use -o to write to another disk or folder.']
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? ['请用 -o 换一个可以写入的文件夹。', 'Use -o to write to a folder you can write to.']
        : ['请重试，或用 -o 换一个输出位置。', 'Try again, or use -o to write elsewhere.'];
  return lang === 'en' ? en : zh;
}

function writeError(e: unknown, path: string, batch: number, lang: Lang): UsageError {
  const code = errorCode(e);
  const folder = dirname(path);
  const name = basename(path);
  return new UsageError(
    lang === 'en'
      ? `Cannot write ${name} in ${folder}: ${reason(code, 'en')} (${code}). ${batch > 1 ? 'None of the files was written; ' : 'Nothing was written; '}the partial file was removed and any existing file is unchanged. ${advice(code, 'en')}`
      : `无法在「${folder}」中写入「${name}」：${reason(code, 'zh')}（${code}）。${batch > 1 ? '本次的文件均未写入，' : '文件未写入，'}写了一半的临时文件已删除，原有文件保持不变。${advice(code, 'zh')}`,
    { cause: e },
  );
}

function renameError(e: unknown, paths: readonly string[], failed: number, lang: Lang): UsageError {
  const code = errorCode(e);
  const list = (ps: readonly string[]) => ps.map((p) => `  ${p}`).join('\n');
  const done = paths.slice(0, failed);
  const notDone = paths.slice(failed);
  return new UsageError(
    lang === 'en'
      ? `Cannot put ${paths[failed]} in place: ${reason(code, 'en')} (${code}).${done.length ? `\nWritten:\n${list(done)}` : ''}\nNot written (any existing file unchanged):\n${list(notDone)}\n${advice(code, 'en')}`
      : `无法把「${paths[failed]}」存到位：${reason(code, 'zh')}（${code}）。${done.length ? `\n已写入：\n${list(done)}` : ''}\n未写入（原有文件保持不变）：\n${list(notDone)}\n${advice(code, 'zh')}`,
    { cause: e },
  );
}
