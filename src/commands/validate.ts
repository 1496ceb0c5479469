/** `lifelong-week validate <file|dir>...`: check submissions and report every file's fate. */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { UsageError } from '../core/errors.js';
import { exists, jsonChunks, type Io } from '../core/io.js';
import { say } from '../core/say.js';
import { formatMessage } from '../core/messages.js';
import { buildReport, hasErrors, renderText } from '../report/validation.js';
import { paintFor } from '../report/paint.js';
import type { FileResult, InputFile } from '../inbox/check.js';
import { readAll } from '../inbox/pool.js';
import { rollCall, type UnitStatus } from '../inbox/roster.js';
import { error, warning } from '../core/problem.js';
import { ownFile, RECORD_FILE } from '../inbox/check.js';
import type { Campaign } from '../campaign/campaign.js';
import { loadCampaign } from './shared.js';

export interface ValidateOptions {
  json?: boolean;
  campaign?: string;
  /** `--no-units`: check the files of a folder without the roster's roll-call. */
  units?: boolean;
  /** Only the roll call and the totals. */
  summary?: boolean;
  /** `--check-scans`: look for the seal on stamped scans (and compare their figures). */
  checkScans?: boolean;
}

/** Terminal columns: `COLUMNS`, else the terminal's, else 80 (a pipe gets the narrow layout). */
export function terminalWidth(): number {
  const env = Number(process.env.COLUMNS);
  if (Number.isInteger(env) && env > 20) return env;
  return process.stdout.columns || 80;
}

/**
 * The received-time record (`收件记录.yaml`) at the top of each folder: file → time. Keys are made
 * into the paths the report shows. A broken record is said, not fatal: the file times still count.
 */
export async function readRecords(paths: readonly string[], io: Io): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const arg of paths) {
    if (
      !(await stat(arg)
        .then((s) => s.isDirectory())
        .catch(() => false))
    )
      continue;
    let text: string;
    try {
      text = await readFile(join(arg, RECORD_FILE), 'utf8');
    } catch {
      continue;
    }
    const prefix = paths.length > 1 ? `${arg.replace(/[\\/]+$/, '')}/` : '';
    try {
      const { parse } = await import('yaml');
      const doc = parse(text) as unknown;
      if (doc && typeof doc === 'object')
        for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
          const iso = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : undefined;
          if (iso && !Number.isNaN(Date.parse(iso))) out.set(prefix + key.replace(/\\/g, '/'), iso);
          else io.err(say(io.lang, 'cli.cannotReadTimeWrite', { file: RECORD_FILE, key, value: String(value) }));
        }
    } catch (e) {
      io.err(say(io.lang, 'cli.notValidYamlWas', { file: RECORD_FILE, value: (e as Error).message.split('\n')[0] ?? '' }));
    }
  }
  return out;
}

/** Every file under the named paths, in a stable order, with the path the user will recognise. */
export async function collectFiles(paths: readonly string[], io: Io, campaign?: Campaign): Promise<InputFile[]> {
  const { lang } = io;
  const found: Found[] = [];
  for (const [index, arg] of paths.entries()) {
    let info;
    try {
      info = await stat(arg);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const spaced = code === 'ENOENT' ? await spacedPath(paths, index) : undefined;
      if (spaced) throw new UsageError(spacedPathMessage(spaced, paths, index, lang), { cause: e });
      throw new UsageError(
        code === 'ENOENT' ? say(lang, 'cli.doesNotExist', { arg }) : say(lang, 'cli.cannotAccess', { arg, code: code ?? '' }),
        { cause: e },
      );
    }
    if (info.isDirectory()) {
      const before = found.length;
      await walk(arg, arg, found, paths.length > 1, campaign);
      if (found.length === before) throw new UsageError(say(lang, 'cli.folderEmpty', { arg }));
    } else {
      found.push({ full: arg, display: arg, size: info.size, mtime: info.mtime, link: false, real: await realpath(arg).catch(() => arg) });
    }
  }
  return dedupe(found);
}

/**
 * An unquoted path with spaces (「validate 我的 文档/东湖区 统计表.yaml」) reaches us cut in pieces:
 * the longest run of arguments from `index` that, joined by spaces, names something that exists.
 */
async function spacedPath(paths: readonly string[], index: number): Promise<{ path: string; end: number } | undefined> {
  for (let end = paths.length; end > index + 1; end--) {
    const joined = paths.slice(index, end).join(' ');
    if (await exists(joined)) return { path: joined, end };
  }
  return undefined;
}

function spacedPathMessage(spaced: { path: string; end: number }, paths: readonly string[], index: number, lang: Io['lang']): string {
  const quote = (p: string) => (/[\s'"]/.test(p) ? `"${p}"` : p);
  const args = [...paths.slice(0, index).map(quote), `"${spaced.path}"`, ...paths.slice(spaced.end).map(quote)].join(' ');
  return formatMessage('path.spaced', { arg: paths[index] ?? '', path: spaced.path, command: `lifelong-week validate ${args}` }, lang);
}

interface Found {
  full: string;
  display: string;
  size: number;
  mtime?: Date;
  /** Reached through a symbolic link. */
  link: boolean;
  real?: string;
  preset?: InputFile['preset'];
}

/**
 * The same file reached twice (a link beside its target, a file named twice) is read once, under
 * the name that is not a link; the other names are listed, never silently dropped.
 */
function dedupe(found: Found[]): InputFile[] {
  const primary = new Map<string, Found>();
  for (const f of found) {
    if (!f.real || f.preset) continue;
    const seen = primary.get(f.real);
    if (!seen || (seen.link && !f.link)) primary.set(f.real, f);
  }
  return found.map((f): InputFile => {
    if (f.preset) return { path: f.display, size: 0, load: () => readFile(f.full), source: f.full, preset: f.preset };
    const first = f.real ? primary.get(f.real) : undefined;
    if (first && first !== f)
      return {
        path: f.display,
        size: f.size,
        load: () => readFile(f.full),
        source: f.full,
        preset: { fate: 'unsupported', problem: warning('file.duplicate', { of: first.display }) },
      };
    return { path: f.display, size: f.size, load: () => readFile(f.full), source: f.full, ...(f.mtime ? { mtime: f.mtime } : {}) };
  });
}

/**
 * The files under `dir`, in name order, subfolders in place. A folder's entries are looked at
 * together (their stat calls in flight at once, not one after the other: 10,000 files, or a folder
 * on a network drive, would wait on each in turn), and a plain file's real path is its folder's
 * real path and its name, with no call of its own.
 */
async function walk(root: string, dir: string, out: Found[], prefixRoot: boolean, campaign?: Campaign): Promise<void> {
  const show = (full: string) => {
    const rel = relative(root, full).split(sep).join('/');
    if (rel === '') return root.replace(/[\\/]+$/, '');
    return prefixRoot ? `${root.replace(/[\\/]+$/, '')}/${rel}` : rel;
  };
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    // One locked folder must not stop the batch: list it and go on.
    out.push({
      full: dir,
      display: `${show(dir)}/`,
      size: 0,
      link: false,
      preset: { fate: 'unreadable', problem: error('file.readFailed', { reason: (e as NodeJS.ErrnoException).code ?? 'EIO' }) },
    });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const realDir = await realpath(dir).catch(() => undefined);
  const found = await Promise.all(
    entries.map(async (entry): Promise<Found[]> => {
      const full = join(dir, entry.name);
      const display = show(full);
      if (entry.isDirectory()) {
        const inner: Found[] = [];
        await walk(root, full, inner, prefixRoot, campaign);
        return inner;
      }
      // The tool's own files in a folder it reads (the record, state files, merge's outputs) are set
      // aside with a note, never read as submissions. A file named on the command line is read.
      const own = campaign ? ownFile(entry.name, campaign) : undefined;
      if (own)
        return [
          {
            full,
            display,
            size: 0,
            link: false,
            preset: { fate: 'not-a-submission', problem: warning(own === 'output' ? 'inbox.ownOutput' : 'inbox.ownFile') },
          },
        ];
      if (entry.isSymbolicLink()) {
        let target;
        try {
          target = await stat(full);
        } catch {
          return [{ full, display, size: 0, link: true, preset: { fate: 'unreadable', problem: error('file.brokenLink') } }];
        }
        if (target.isDirectory())
          return [
            { full, display: `${display}/`, size: 0, link: true, preset: { fate: 'unsupported', problem: warning('file.folderLink') } },
          ];
        return [{ full, display, size: target.size, mtime: target.mtime, link: true, real: await realpath(full).catch(() => full) }];
      }
      if (!entry.isFile()) return []; // sockets, FIFOs: not something a mailbox holds
      let size = 0;
      let mtime: Date | undefined;
      try {
        ({ size, mtime } = await stat(full));
      } catch (e) {
        return [
          {
            full,
            display,
            size: 0,
            link: false,
            preset: { fate: 'unreadable', problem: error('file.readFailed', { reason: (e as NodeJS.ErrnoException).code ?? 'EIO' }) },
          },
        ];
      }
      const real = realDir !== undefined ? join(realDir, entry.name) : await realpath(full).catch(() => full);
      return [{ full, display, size, ...(mtime ? { mtime } : {}), link: false, real }];
    }),
  );
  for (const part of found) for (const f of part) out.push(f);
}

/**
 * Read what was named and call the roster's roll: the one way `validate`, `merge` and `remind` read an
 * inbox, so they give the same verdicts (the received-time record, traditional names, scans alike).
 * `units` is undefined when no folder was named or the roll call is off.
 */
export async function readInbox(
  paths: readonly string[],
  campaign: Campaign,
  io: Io,
  opts: { checkScans?: boolean | 'seal' | undefined; progress: boolean; units?: boolean },
): Promise<{ results: FileResult[]; units: UnitStatus[] | undefined }> {
  const files = await collectFiles(paths, io, campaign);
  const scans = (await import('./scans.js')).scanOptions(opts.checkScans);
  const bar = opts.progress ? (await import('./progress.js')).progressBar(files.length, true, io.lang) : undefined;
  // Files unchanged since the last run on this inbox are not read again (inbox/cache.ts).
  const cache = await (await import('./result-cache.js')).openInboxCache(paths, campaign, scans);
  let results: FileResult[];
  try {
    results = await readAll(files, campaign, {
      ...(scans ? { scans } : {}),
      ...(bar ? { onFile: () => bar.tick() } : {}),
      ...(cache ? { cache } : {}),
    });
  } finally {
    bar?.end();
  }
  cache?.save();
  // A folder is the centre's inbox: call the roster's roll. Single files are just checked.
  const isFolder = await Promise.all(
    paths.map((p) =>
      stat(p)
        .then((s) => s.isDirectory())
        .catch(() => false),
    ),
  );
  if (opts.units === false || !isFolder.some(Boolean)) return { results, units: undefined };
  return { results, units: await callRoll(paths, results, campaign, io) };
}

/** The roster's roll over what was read from the folders `paths`: with their received-time records and traditional names. */
export async function callRoll(paths: readonly string[], results: FileResult[], campaign: Campaign, io: Io): Promise<UnitStatus[]> {
  const record = await readRecords(paths, io);
  // Unit names in traditional characters in file names, mail subjects and senders count (read/traditional.ts).
  await (
    await import('../read/traditional.js')
  ).prepareFolding(results.flatMap((f) => [f.path, f.mail?.subject ?? '', f.mail?.from?.name ?? '']));
  return rollCall(results, campaign, { record });
}

export async function runValidate(paths: string[], opts: ValidateOptions, io: Io): Promise<number> {
  const campaign = await loadCampaign(opts.campaign, io.lang);
  // Checking scans takes about half a second a page: show progress on a terminal.
  const { results, units } = await readInbox(paths, campaign, io, {
    checkScans: opts.checkScans,
    progress: Boolean(opts.checkScans) && Boolean(process.stderr.isTTY) && !opts.json,
    ...(opts.units === false ? { units: false } : {}),
  });
  const report = buildReport(results, campaign, io.lang, units);
  const noSubmission = results.every((r) => r.fate !== 'submission' && r.fate !== 'superseded');
  if (opts.json) {
    const chunks = jsonChunks(report as unknown as Record<string, unknown>, ['files', 'units']);
    if (io.outChunks) await io.outChunks(chunks);
    else io.out([...chunks].join(''));
  } else {
    io.out(renderText(report, io.lang, await paintFor(io.color), { width: terminalWidth(), ...(opts.summary ? { summary: true } : {}) }));
    // Scans were checked but their figures could not be: say once how to enable it.
    if (results.some((r) => r.scan?.ocr && !r.scan.ocr.engine)) {
      const { formatMessage } = await import('../core/messages.js');
      const { OCR_PACKAGE, addOnDir } = await import('../scan/ocr.js');
      io.out(formatMessage('scan.ocrMissing', { package: OCR_PACKAGE, dir: addOnDir() }, io.lang));
    }
    if (noSubmission) io.out(say(io.lang, 'cli.noSubmissionFilesWere'));
  }
  if (units) return units.every((u) => u.status === 'valid' && !u.late) ? 0 : 1;
  return hasErrors(report) || noSubmission ? 1 : 0;
}
