/**
 * The terminal and the file system, for command modules only (the core stays pure).
 */
import { constants } from 'node:fs';
import { access, mkdir, open, rename, rm, stat } from 'node:fs/promises';
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

export function processIo(lang: Lang): Io {
  return {
    lang,
    color: wantsColor(process.stdout, process.env),
    out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
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

/**
 * Write a file atomically (a temporary file beside it, fsync, rename), refusing to replace an
 * existing file unless `force`: a clerk's finished form is never clobbered by a second run.
 */
let tmpCounter = 0;

export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  opts: { force: boolean; lang: Lang },
): Promise<void> {
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
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      opts.lang === 'en'
        ? `Cannot create the folder for ${path} (${code}): a file of that name may be in the way, or there is no permission.`
        : `无法建立「${dirname(path)}」文件夹（${code === 'EEXIST' || code === 'ENOTDIR' ? '同名的文件挡住了' : code === 'EACCES' || code === 'EPERM' ? '没有写入权限' : code}）。请换一个输出位置（-o）。`,
      { cause: e },
    );
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}-${(tmpCounter++).toString(36)}.tmp`);
  // 'wx': never reuse somebody else's temporary file.
  let handle;
  try {
    handle = await open(tmp, 'wx');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      opts.lang === 'en'
        ? `Cannot write in ${dirname(path)} (${code}).`
        : `无法在「${dirname(path)}」中写入文件（${code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? '没有写入权限' : code === 'ENOSPC' ? '磁盘已满' : code}）。请换一个输出位置（-o）。`,
      { cause: e },
    );
  }
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
