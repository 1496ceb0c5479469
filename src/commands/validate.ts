/** `lifelong-week validate <file|dir>...`: check submissions and report every file's fate. */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { UsageError } from '../core/errors.js';
import { jsonChunks, type Io } from '../core/io.js';
import { t } from '../core/lang.js';
import { buildReport, hasErrors, renderText } from '../report/validation.js';
import { paintFor } from '../report/paint.js';
import type { InputFile } from '../validate/check.js';
import { readAll } from '../validate/pool.js';
import { rollCall } from '../inbox/roster.js';
import { error, warning } from '../core/problem.js';
import { loadCampaign } from './shared.js';

export interface ValidateOptions {
  json?: boolean;
  campaign?: string;
  /** `--no-units`: check the files of a folder without the roster's roll-call. */
  units?: boolean;
  /** `--check-scans`: look for the seal on stamped scans (and compare their figures). */
  checkScans?: boolean;
}

/** Every file under the named paths, in a stable order, with the path the user will recognise. */
export async function collectFiles(paths: readonly string[], io: Io): Promise<InputFile[]> {
  const { lang } = io;
  const found: Found[] = [];
  for (const arg of paths) {
    let info;
    try {
      info = await stat(arg);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(
        code === 'ENOENT'
          ? t(lang, `找不到「${arg}」。请检查文件或文件夹名是否写对。`, `“${arg}” does not exist.`)
          : t(lang, `无法访问「${arg}」（${code}）。`, `Cannot access “${arg}” (${code}).`),
        { cause: e },
      );
    }
    if (info.isDirectory()) {
      const before = found.length;
      await walk(arg, arg, found, paths.length > 1);
      if (found.length === before)
        throw new UsageError(t(lang, `文件夹「${arg}」是空的，没有可检查的文件。`, `The folder “${arg}” is empty.`));
    } else {
      found.push({ full: arg, display: arg, size: info.size, mtime: info.mtime, link: false, real: await realpath(arg).catch(() => arg) });
    }
  }
  return dedupe(found);
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
      return { path: f.display, size: f.size, load: () => readFile(f.full), source: f.full, preset: { fate: 'unsupported', problem: warning('file.duplicate', { of: first.display }) } };
    return { path: f.display, size: f.size, load: () => readFile(f.full), source: f.full, ...(f.mtime ? { mtime: f.mtime } : {}) };
  });
}

async function walk(root: string, dir: string, out: Found[], prefixRoot: boolean): Promise<void> {
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
    out.push({ full: dir, display: `${show(dir)}/`, size: 0, link: false, preset: { fate: 'unreadable', problem: error('file.readFailed', { reason: (e as NodeJS.ErrnoException).code ?? 'EIO' }) } });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    const display = show(full);
    if (entry.isDirectory()) {
      await walk(root, full, out, prefixRoot);
      continue;
    }
    if (entry.isSymbolicLink()) {
      let target;
      try {
        target = await stat(full);
      } catch {
        out.push({ full, display, size: 0, link: true, preset: { fate: 'unreadable', problem: error('file.brokenLink') } });
        continue;
      }
      if (target.isDirectory()) {
        out.push({ full, display: `${display}/`, size: 0, link: true, preset: { fate: 'unsupported', problem: warning('file.folderLink') } });
        continue;
      }
      out.push({ full, display, size: target.size, mtime: target.mtime, link: true, real: await realpath(full).catch(() => full) });
      continue;
    }
    if (!entry.isFile()) continue; // sockets, FIFOs: not something a mailbox holds
    let size = 0;
    let mtime: Date | undefined;
    try {
      ({ size, mtime } = await stat(full));
    } catch (e) {
      out.push({ full, display, size: 0, link: false, preset: { fate: 'unreadable', problem: error('file.readFailed', { reason: (e as NodeJS.ErrnoException).code ?? 'EIO' }) } });
      continue;
    }
    out.push({ full, display, size, ...(mtime ? { mtime } : {}), link: false, real: await realpath(full).catch(() => full) });
  }
}

export async function runValidate(paths: string[], opts: ValidateOptions, io: Io): Promise<number> {
  const campaign = await loadCampaign(opts.campaign, io.lang);
  const files = await collectFiles(paths, io);
  const scans = (await import('./scans.js')).scanOptions(opts.checkScans);
  // Checking scans takes about half a second a page: show progress on a terminal.
  const bar = scans ? (await import('./merge.js')).progressBar(files.length, Boolean(process.stderr.isTTY) && !opts.json, io.lang) : undefined;
  let results;
  try {
    results = await readAll(files, campaign, { ...(scans ? { scans } : {}), ...(bar ? { onFile: () => bar.tick() } : {}) });
  } finally {
    bar?.end();
  }
  // A folder is the centre's inbox: call the roster's roll. Single files are just checked.
  const isFolder = await Promise.all(paths.map((p) => stat(p).then((s) => s.isDirectory()).catch(() => false)));
  const units = opts.units !== false && isFolder.some(Boolean) ? rollCall(results, campaign) : undefined;
  const report = buildReport(results, campaign, io.lang, units);
  const noSubmission = results.every((r) => r.fate !== 'submission' && r.fate !== 'superseded');
  if (opts.json) {
    const chunks = jsonChunks(report as unknown as Record<string, unknown>, ['files', 'units']);
    if (io.outChunks) await io.outChunks(chunks);
    else io.out([...chunks].join(''));
  }
  else {
    io.out(renderText(report, io.lang, await paintFor(io.color)));
    // Scans were checked but their figures could not be: say once how to enable it.
    if (results.some((r) => r.scan?.ocr && !r.scan.ocr.engine)) {
      const { formatMessage } = await import('../core/messages.js');
      const { OCR_PACKAGE } = await import('../scan/ocr.js');
      io.out(formatMessage('scan.ocrMissing', { package: OCR_PACKAGE }, io.lang));
    }
    if (noSubmission)
      io.out(
        t(
          io.lang,
          '没有找到可检查的报送文件。请确认文件夹是否选对。',
          'No submission files were found. Check the folder.',
        ),
      );
  }
  if (units) return units.every((u) => u.status === 'valid' && !u.late) ? 0 : 1;
  return hasErrors(report) || noSubmission ? 1 : 0;
}
