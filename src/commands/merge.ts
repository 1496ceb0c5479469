/**
 * `lifelong-week merge <folder> [-o DIR] [--format xlsx,csv,json] [--city-report] [--force]`
 * (docs/campaign.md, "What the city needs back"): read the whole inbox, call the roster's roll, write the city workbook (and CSV/JSON on
 * request), optionally the city's own 统计表, and say who to chase. Exit 0 only when every unit is
 * valid and on time.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Campaign } from '../campaign/campaign.js';
import { UsageError } from '../core/errors.js';
import { exists, writeFilesAtomic, type Io, type OutputFile } from '../core/io.js';
import { say } from '../core/say.js';
import { rollCall, type UnitStatus } from '../inbox/roster.js';
import type { Submission } from '../form/schema.js';
import { cityReport } from '../merge/city.js';
import { mergeTables, workbookTitle, type MergeTables, type Totals } from '../merge/model.js';
import { summaryCsv } from '../merge/csv.js';
import { buildReport, renderText, type TextOptions, type ValidationReport } from '../report/validation.js';
import { chaseBlocks, chaseText } from '../report/verdict.js';
import { PLAIN, paintFor, type Paint } from '../report/paint.js';
import type { FileResult } from '../inbox/check.js';
import { parseFormats } from './render.js';
import { loadCampaign } from './shared.js';

export interface MergeOptions {
  output?: string;
  format: string;
  cityReport?: boolean;
  force?: boolean;
  campaign?: string;
  /** Draw the progress bar (default: when standard error is a terminal). */
  progress?: boolean;
  /** The city report's 「其他」. */
  other?: string;
  unitsOther?: boolean;
  summary?: boolean;
  /** `--check-scans`: the seal and the figures of stamped scans, into 报送情况. */
  checkScans?: boolean;
}

/** Whether `inner` is `outer` or lies inside it (both resolved through links). */
async function within(inner: string, outer: string): Promise<boolean> {
  const a = await realpath(inner).catch(() => resolve(inner));
  const b = await realpath(outer).catch(() => resolve(outer));
  const rel = relative(b, a);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

/**
 * Where merge writes: `-o`, else the current folder — unless that is the inbox (or inside it): then
 * beside the inbox, so the next run never reads the city's own workbook as a submission.
 */
export async function outputFolder(folder: string, output: string | undefined, lang: Io['lang']): Promise<string> {
  if (output !== undefined) {
    if (await within(output, folder)) throw new UsageError(say(lang, 'cli.outputFolderInsideInbox', { output, folder }));
    return output;
  }
  if (await within('.', folder)) return dirname(await realpath(folder).catch(() => resolve(folder)));
  return '.';
}

/** `pdf` is the leader's one-page summary (简报). */
export type MergeFormat = 'xlsx' | 'csv' | 'json' | 'pdf';
export const MERGE_FORMATS: readonly MergeFormat[] = ['xlsx', 'csv', 'json', 'pdf'];

/** At most this many files' problems in the terminal; the rest are in 问题清单. */
const SHOWN_FILES = 20;

export async function runMerge(folder: string, opts: MergeOptions, io: Io): Promise<number> {
  const { lang } = io;
  const campaign = await loadCampaign(opts.campaign, lang);
  const formats = parseFormats(opts.format, MERGE_FORMATS, lang) as MergeFormat[];
  const dir = await outputFolder(folder, opts.output, lang);
  if ((await stat(dir).catch(() => undefined))?.isFile()) throw new UsageError(say(lang, 'cli.fileOTakesFolder', { dir }));

  const { readInbox, terminalWidth } = await import('./validate.js');
  const read = await readInbox([folder], campaign, io, {
    checkScans: opts.checkScans,
    progress: opts.progress ?? Boolean(process.stderr.isTTY),
  });
  const results = read.results;
  // A single file named instead of a folder still gets its roll call.
  const units = read.units ?? rollCall(results, campaign);
  const tables = mergeTables(results, units, campaign, lang);
  const report = buildReport(results, campaign, lang, units);

  // Every target is checked before anything is written: a refused run leaves the folder as it was.
  const title = workbookTitle(campaign);
  const targets = formats.map((format) => ({ format, path: join(dir, `${format === 'pdf' ? tables.leader.title : title}.${format}`) }));
  let city: Submission | undefined;
  let cityNotes: string[] = [];
  let cityProblem: string | undefined;
  const cityTargets: string[] = [];
  if (opts.cityReport) {
    const built = cityReport(units, campaign, {
      ...(opts.other !== undefined ? { other: opts.other } : {}),
      ...(opts.unitsOther ? { unitsOther: true } : {}),
    });
    if (built.ok) {
      city = built.data;
      cityNotes = built.notes;
      const { outputBaseName } = await import('../render/model.js');
      const base = outputBaseName(city, campaign);
      cityTargets.push(join(dir, `${base}.docx`), join(dir, `${base}.pdf`));
    } else
      cityProblem =
        built.reason === 'noValidUnits'
          ? say(lang, 'cli.noValidSubmissionCity')
          : say(lang, 'cli.cityReportWasNot', { detail: built.detail ?? '' });
  }
  if (!opts.force) {
    const taken: string[] = [];
    for (const p of [...targets.map((x) => x.path), ...cityTargets]) if (await exists(p)) taken.push(p);
    if (taken.length) throw new UsageError(say(lang, 'cli.theseFilesExistWere', { taken: taken.map((p) => `  ${p}`).join('\n') }));
  }

  // The workbooks and the city report are written together, all or nothing: a full disk part-way
  // leaves none of them rather than some.
  const tableFiles: OutputFile[] = [];
  for (const target of targets) tableFiles.push({ path: target.path, data: await outputBytes(target.format, tables, report, campaign) });
  const written: string[] = [];
  if (city) {
    const { writeRendered } = await import('./render.js');
    written.push(
      ...(await writeRendered(city, campaign, { dir, formats: ['docx', 'pdf'], force: true, alongside: tableFiles, notes: cityNotes }, io)),
    );
  } else {
    await writeFilesAtomic(tableFiles, { force: true, lang });
    written.push(...tableFiles.map((f) => f.path));
  }

  io.out(
    terminalReport(report, results, units, tables.totals, campaign, io, await paintFor(io.color), {
      width: terminalWidth(),
      ...(opts.summary ? { summary: true } : {}),
    }),
  );
  if (cityProblem) io.err(cityProblem);
  if (cityNotes.length) io.out(`\n${say(lang, 'cli.underCityReportS')}\n${cityNotes.map((n) => `  ${n}`).join('\n')}`);
  io.out(say(lang, 'cli.wroteN2', { written: written.map((p) => `  ${p}`).join('\n') }));
  // --force replaced this set; older outputs of the tool beside it (another format, another run) are
  // said, since they may no longer agree with what was just written.
  const others = await ownOutputsBeside(dir, written, campaign);
  if (others.length) io.out(say(lang, 'cli.folderAlsoHoldsOlder', { dir, others: others.map((p) => `  ${p}`).join('\n') }));
  const allGood = units.every((u) => u.status === 'valid' && !u.late);
  return allGood && !cityProblem ? 0 : 1;
}

async function ownOutputsBeside(dir: string, written: readonly string[], campaign: Campaign): Promise<string[]> {
  const { ownFile } = await import('../inbox/check.js');
  const mine = new Set(written.map((p) => resolve(p)));
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((n) => ownFile(n, campaign) === 'output' && !mine.has(resolve(join(dir, n))))
    .sort()
    .map((n) => join(dir, n));
}

export async function outputBytes(
  format: MergeFormat,
  tables: MergeTables,
  report: ValidationReport,
  campaign: Campaign,
): Promise<Uint8Array | string> {
  switch (format) {
    case 'xlsx': {
      const { workbookBytes } = await import('../merge/workbook.js');
      return workbookBytes(tables, campaign);
    }
    case 'csv':
      return summaryCsv(tables);
    case 'json':
      return `${JSON.stringify({ ...report, totals: tables.totals }, null, 2)}\n`;
    case 'pdf': {
      const { renderLeaderPdf } = await import('../render/leader-pdf.js');
      return renderLeaderPdf(tables.leader, campaign);
    }
  }
}

const nf = (n: number) => n.toLocaleString('en-US');
const pct = (n: number | null) => (n === null ? '—' : `${n.toFixed(1)}%`);

/** The roster table (the validate report's), the totals, who to chase and how. */
export function terminalReport(
  report: ValidationReport,
  results: readonly FileResult[],
  units: readonly UnitStatus[],
  totals: Totals,
  campaign: Campaign,
  io: Pick<Io, 'lang' | 'color'>,
  paint: Paint = PLAIN,
  opts: TextOptions = {},
): string {
  const { lang } = io;
  // The files worth reading here: the counted forms with errors, and what could not be read at all.
  const sources = new Set(units.map((u) => u.source).filter(Boolean));
  const worth = report.files.filter(
    (f) =>
      (f.fate === 'submission' && f.status === 'invalid' && (sources.has(f.path) || !f.unit)) ||
      f.fate === 'unreadable' ||
      f.fate === 'unsafe',
  );
  const shown = worth.slice(0, SHOWN_FILES);
  const lines = [
    renderText({ ...report, files: opts.summary ? [] : shown }, lang, paint, { ...opts, summary: opts.summary ?? false, reader: 'none' }),
  ];
  if (!opts.summary && worth.length > shown.length) lines.push(say(lang, 'cli.moreFileSProblems', { count: worth.length - shown.length }));
  lines.push(
    '',
    say(lang, 'cli.cityTotals', {
      units: totals.unitsReporting,
      activities: nf(totals.activities),
      participants: nf(totals.participants),
      weighted: pct(totals.satisfactionWeighted),
      mean: pct(totals.satisfactionMean),
    }),
  );
  const blocks = chaseBlocks(results, units, campaign, lang);
  lines.push('', paint.bold(say(lang, 'cli.chaseListReadyPaste')), chaseText(blocks, campaign, lang));
  // renderText ends its table with a blank line; without files listed after it, one is enough.
  return lines.join('\n').replace(/\n{3,}/g, '\n\n');
}

/** The chase list as lines (one block per unit, grouped): kept for callers of the earlier API. */
export function chaseList(results: readonly FileResult[], units: readonly UnitStatus[], campaign: Campaign, lang: Io['lang']): string[] {
  return chaseBlocks(results, units, campaign, lang).map((b) =>
    say(lang, 'cli.chaseLine', { unit: b.unit, who: b.who, text: b.lines.map((l) => l.trim()).join(' ') }),
  );
}
