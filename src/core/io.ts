/**
 * The terminal and the file system, for command modules only (the core stays pure).
 */
import { constants } from 'node:fs';
import { access, mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import type { Lang } from './messages/kit.js';
import { sayCli as say, type CliCode } from './messages/cli.js';
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
        // Indented at line feeds only: a multiline regex would also match after a raw U+2028/U+2029
        // inside a string (JSON.stringify leaves them as they are) and change the value.
        yield `    ${JSON.stringify(element, null, 2).replace(/\n/g, '\n    ')}${j < item.length - 1 ? ',' : ''}\n`;
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
      throw renameError(
        e,
        files.map((f) => f.path),
        i,
        opts.lang,
      );
    }
  }
}

/** Refusals before anything is written: a folder where the file should go, an existing file. */
async function checkTarget(path: string, opts: WriteOptions): Promise<void> {
  if ((await stat(path).catch(() => undefined))?.isDirectory()) throw new UsageError(say(opts.lang, 'io.isFolder', { path }));
  if (!opts.force && (await exists(path))) throw new UsageError(say(opts.lang, 'io.exists', { path }));
}

async function makeFolder(folder: string, lang: Lang): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
  } catch (e) {
    const code = errorCode(e);
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? say(lang, 'io.reason.fileInTheWay') : reason(code, lang);
    throw new UsageError(say(lang, 'io.cannotMakeFolder', { folder, code, reason: why }), { cause: e });
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

/** A file-system error code in plain words. */
const REASONS: Record<string, CliCode> = {
  ENOSPC: 'io.reason.full',
  EDQUOT: 'io.reason.quota',
  EACCES: 'io.reason.permission',
  EPERM: 'io.reason.permission',
  EROFS: 'io.reason.readOnly',
  EIO: 'io.reason.io',
};

const reason = (code: string, lang: Lang): string => (REASONS[code] ? say(lang, REASONS[code]) : code);

/** What to do about it. */
function advice(code: string, lang: Lang): string {
  if (code === 'ENOSPC' || code === 'EDQUOT') return say(lang, 'io.advice.space');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return say(lang, 'io.advice.permission');
  return say(lang, 'io.advice.retry');
}

function writeError(e: unknown, path: string, batch: number, lang: Lang): UsageError {
  const code = errorCode(e);
  const params = { folder: dirname(path), name: basename(path), code, reason: reason(code, lang), advice: advice(code, lang) };
  return new UsageError(say(lang, batch > 1 ? 'io.cannotWriteBatch' : 'io.cannotWrite', params), { cause: e });
}

function renameError(e: unknown, paths: readonly string[], failed: number, lang: Lang): UsageError {
  const code = errorCode(e);
  const list = (ps: readonly string[]) => ps.map((p) => `  ${p}`).join('\n');
  const done = paths.slice(0, failed);
  return new UsageError(
    say(lang, 'io.cannotRename', {
      path: paths[failed]!,
      code,
      reason: reason(code, lang),
      written: done.length ? say(lang, 'io.written', { list: list(done) }) : '',
      notWritten: list(paths.slice(failed)),
      advice: advice(code, lang),
    }),
    { cause: e },
  );
}
