/** `lifelong-week validate <file|dir>...`: check submissions and report every file's fate. */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { Io } from '../core/io.js';
import { t } from '../core/lang.js';
import { buildReport, hasErrors, renderText } from '../report/validation.js';
import { checkFile, type InputFile } from '../validate/check.js';
import { loadCampaign } from './shared.js';

export interface ValidateOptions {
  json?: boolean;
  campaign?: string;
}

/** Every file under the named paths, in a stable order, with the path the user will recognise. */
export async function collectFiles(paths: readonly string[], io: Io): Promise<InputFile[]> {
  const { lang } = io;
  const files: InputFile[] = [];
  const seen = new Set<string>();
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
      const found: InputFile[] = [];
      await walk(arg, arg, found, seen, paths.length > 1);
      if (found.length === 0)
        throw new UsageError(t(lang, `文件夹「${arg}」是空的，没有可检查的文件。`, `The folder “${arg}” is empty.`));
      files.push(...found);
    } else {
      const real = await realpath(arg);
      if (seen.has(real)) continue;
      seen.add(real);
      files.push(inputFile(arg, arg, info.size));
    }
  }
  return files;
}

function inputFile(path: string, display: string, size: number): InputFile {
  return { path: display, size, load: () => readFile(path) };
}

async function walk(root: string, dir: string, out: InputFile[], seen: Set<string>, prefixRoot: boolean): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    let real: string;
    let info;
    try {
      real = await realpath(full);
      info = await stat(full);
    } catch {
      continue; // a dangling link: nothing to read
    }
    if (seen.has(real)) continue;
    seen.add(real);
    const rel = relative(root, full).split(sep).join('/');
    if (info.isDirectory()) await walk(root, full, out, seen, prefixRoot);
    else if (info.isFile()) out.push(inputFile(full, prefixRoot ? `${root.replace(/[\\/]+$/, '')}/${rel}` : rel, info.size));
  }
}

export async function runValidate(paths: string[], opts: ValidateOptions, io: Io): Promise<number> {
  const campaign = await loadCampaign(opts.campaign, io.lang);
  const files = await collectFiles(paths, io);
  const results = [];
  for (const file of files) results.push(await checkFile(file, campaign));
  const report = buildReport(results, campaign, io.lang);
  const noSubmission = results.every((r) => r.status === undefined);
  if (opts.json) io.out(`${JSON.stringify(report, null, 2)}`);
  else {
    io.out(renderText(report, io.lang, io.color));
    if (noSubmission)
      io.out(
        t(
          io.lang,
          '没有找到可检查的报送文件（.yaml、.yml、.json）。请确认文件夹是否选对。',
          'No submission files (.yaml, .yml, .json) were found. Check the folder.',
        ),
      );
  }
  return hasErrors(report) || noSubmission ? 1 : 0;
}
