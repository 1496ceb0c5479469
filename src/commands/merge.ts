/**
 * `lifelong-week merge <folder> [-o DIR] [--format xlsx,csv,json] [--city-report] [--force]`
 * (docs/campaign.md, "What the city needs back"): read the whole inbox, call the roster's roll, write the city workbook (and CSV/JSON on
 * request), optionally the city's own 统计表, and say who to chase. Exit 0 only when every unit is
 * valid and on time.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Campaign } from '../campaign/campaign.js';
import { UsageError } from '../core/errors.js';
import { exists, writeFilesAtomic, type Io, type OutputFile } from '../core/io.js';
import { t } from '../core/lang.js';
import { rollCall, localTime, type UnitStatus } from '../inbox/roster.js';
import type { Submission } from '../form/schema.js';
import { cityReport } from '../merge/city.js';
import { mergeTables, workbookTitle, type MergeTables, type Totals } from '../merge/model.js';
import { summaryCsv } from '../merge/csv.js';
import { buildReport, renderText, type ValidationReport } from '../report/validation.js';
import { PLAIN, paintFor, type Paint } from '../report/paint.js';
import type { FileResult } from '../inbox/check.js';
import { readAll } from '../inbox/pool.js';
import { parseFormats } from './render.js';
import { loadCampaign } from './shared.js';
import { collectFiles } from './validate.js';

export interface MergeOptions {
  output?: string;
  format: string;
  cityReport?: boolean;
  force?: boolean;
  campaign?: string;
  /** Draw the progress bar (default: when standard error is a terminal). */
  progress?: boolean;
}

export type MergeFormat = 'xlsx' | 'csv' | 'json';
export const MERGE_FORMATS: readonly MergeFormat[] = ['xlsx', 'csv', 'json'];

/** At most this many files' problems in the terminal; the rest are in 问题清单. */
const SHOWN_FILES = 20;

/** A progress bar on standard error, on a terminal only; redrawn at most every 100 ms. */
function progressBar(total: number, enabled: boolean, lang: Io['lang']) {
  let done = 0;
  let last = 0;
  const draw = (force = false) => {
    const now = Date.now();
    if (!enabled || (!force && now - last < 100)) return;
    last = now;
    const width = 24;
    const filled = Math.round((done / Math.max(total, 1)) * width);
    process.stderr.write(`\r${t(lang, '读取', 'Reading')} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}`);
  };
  return {
    tick() {
      done++;
      draw(done === total);
    },
    end() {
      if (enabled) process.stderr.write('\r\x1b[K');
    },
  };
}

export async function runMerge(folder: string, opts: MergeOptions, io: Io): Promise<number> {
  const { lang } = io;
  const campaign = await loadCampaign(opts.campaign, lang);
  const formats = parseFormats(opts.format, MERGE_FORMATS, lang) as MergeFormat[];
  const dir = opts.output ?? '.';
  if ((await stat(dir).catch(() => undefined))?.isFile())
    throw new UsageError(t(lang, `「${dir}」是一个文件；-o 请指定文件夹。`, `“${dir}” is a file; -o takes a folder.`));

  const files = await collectFiles([folder], io);
  const bar = progressBar(files.length, opts.progress ?? Boolean(process.stderr.isTTY), lang);
  let results: FileResult[];
  try {
    results = await readAll(files, campaign, { onFile: () => bar.tick() });
  } finally {
    bar.end();
  }
  const units = rollCall(results, campaign);
  const tables = mergeTables(results, units, campaign, lang);
  const report = buildReport(results, campaign, lang, units);

  // Every target is checked before anything is written: a refused run leaves the folder as it was.
  const title = workbookTitle(campaign);
  const targets = formats.map((format) => ({ format, path: join(dir, `${title}.${format}`) }));
  let city: Submission | undefined;
  let cityProblem: string | undefined;
  const cityTargets: string[] = [];
  if (opts.cityReport) {
    const built = cityReport(units, campaign);
    if (built.ok) {
      city = built.data;
      const { outputBaseName } = await import('../render/model.js');
      const base = outputBaseName(city, campaign);
      cityTargets.push(join(dir, `${base}.docx`), join(dir, `${base}.pdf`));
    } else
      cityProblem =
        built.reason === 'noValidUnits'
          ? t(lang, '没有有效的报送，未生成全市统计表。', 'No valid submission: the city report was not written.')
          : t(lang, `全市统计表未生成（内部错误：${built.detail}）。`, `The city report was not written (internal error: ${built.detail}).`);
  }
  if (!opts.force) {
    const taken: string[] = [];
    for (const p of [...targets.map((x) => x.path), ...cityTargets]) if (await exists(p)) taken.push(p);
    if (taken.length)
      throw new UsageError(
        t(
          lang,
          `以下文件已存在，均未覆盖：\n${taken.map((p) => `  ${p}`).join('\n')}\n如需覆盖请加 --force，或用 -o 指定其他文件夹。`,
          `These files exist and were not overwritten:\n${taken.map((p) => `  ${p}`).join('\n')}\nUse --force to overwrite, or -o for another folder.`,
        ),
      );
  }

  // The workbooks and the city report are written together, all or nothing: a full disk part-way
  // leaves none of them rather than some.
  const tableFiles: OutputFile[] = [];
  for (const target of targets) tableFiles.push({ path: target.path, data: await outputBytes(target.format, tables, report, campaign) });
  const written: string[] = [];
  if (city) {
    const { writeRendered } = await import('./render.js');
    written.push(...(await writeRendered(city, campaign, { dir, formats: ['docx', 'pdf'], force: true, alongside: tableFiles }, io)));
  } else {
    await writeFilesAtomic(tableFiles, { force: true, lang });
    written.push(...tableFiles.map((f) => f.path));
  }

  io.out(terminalReport(report, results, units, tables.totals, campaign, io, await paintFor(io.color)));
  if (cityProblem) io.err(cityProblem);
  io.out(t(lang, `已生成：\n${written.map((p) => `  ${p}`).join('\n')}`, `Wrote:\n${written.map((p) => `  ${p}`).join('\n')}`));
  const allGood = units.every((u) => u.status === 'valid' && !u.late);
  return allGood && !cityProblem ? 0 : 1;
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
): string {
  const { lang } = io;
  const zh = lang === 'zh';
  // The files worth reading here: the counted forms with errors, and what could not be read at all.
  const sources = new Set(units.map((u) => u.source).filter(Boolean));
  const worth = report.files.filter(
    (f) => (f.fate === 'submission' && f.status === 'invalid' && (sources.has(f.path) || !f.unit)) || f.fate === 'unreadable' || f.fate === 'unsafe',
  );
  const shown = worth.slice(0, SHOWN_FILES);
  const lines = [renderText({ ...report, files: shown }, lang, paint)];
  if (worth.length > shown.length)
    lines.push(
      t(lang, `……另有 ${worth.length - shown.length} 个文件有问题，见汇总表的「问题清单」。`, `…and ${worth.length - shown.length} more file(s) with problems: see the 问题清单 sheet.`),
    );
  lines.push(
    '',
    zh
      ? `全市合计（有效的 ${totals.unitsReporting} 个单位）：活动 ${nf(totals.activities)} 场，参加 ${nf(totals.participants)} 人次，群众满意度 ${pct(totals.satisfactionWeighted)}（按人次加权；简单平均 ${pct(totals.satisfactionMean)}）。`
      : `City totals (${totals.unitsReporting} valid unit(s)): ${nf(totals.activities)} activities, ${nf(totals.participants)} participants, satisfaction ${pct(totals.satisfactionWeighted)} (weighted by participants; plain mean ${pct(totals.satisfactionMean)}).`,
  );
  const chase = chaseList(results, units, campaign, lang);
  if (chase.length) {
    lines.push(
      '',
      zh ? `需要催报或更正（报送邮箱 ${campaign.mailbox}，截止 ${campaign.deadline}）：` : `To chase (mailbox ${campaign.mailbox}, deadline ${campaign.deadline}):`,
      ...chase.map((c) => `  · ${c}`),
    );
  } else lines.push('', zh ? '所有单位均已按时报送且有效。' : 'Every unit reported on time with a valid form.');
  // renderText ends its table with a blank line; without files listed after it, one is enough.
  return lines.join('\n').replace(/\n{3,}/g, '\n\n');
}

/** One line per unit that needs a call: missing, invalid, late — with whom to call where the form says. */
export function chaseList(results: readonly FileResult[], units: readonly UnitStatus[], campaign: Campaign, lang: Io['lang']): string[] {
  const zh = lang === 'zh';
  const byPath = new Map(results.map((r) => [r.path, r]));
  const out: string[] = [];
  for (const u of units) {
    const pieces = u.status === 'missing' ? [] : missingPieces(u, lang);
    if (u.status === 'valid' && !u.late && pieces.length === 0) continue;
    const department = campaign.roster.find((r) => r.name === u.name)?.department ?? '';
    const contacts = Array.isArray(u.data?.contacts)
      ? (u.data!.contacts as Array<{ name?: string; phone?: string }>).map((c) => `${c.name ?? ''} ${c.phone ?? ''}`.trim()).join('；')
      : '';
    const who = `${u.name}（${department}${contacts ? `，${zh ? '联系人' : 'contact'} ${contacts}` : ''}）`;
    const what: string[] = [];
    if (u.status === 'missing') what.push(zh ? '未报送' : 'missing');
    if (u.status === 'invalid') {
      const errors = byPath.get(u.source ?? '')?.problems.filter((p) => p.severity === 'error').length ?? 0;
      what.push(zh ? `有误（${errors} 个错误，见 ${u.source}）` : `invalid (${errors} error(s), see ${u.source})`);
    }
    if (u.late && u.receivedAt) what.push(zh ? `逾期（${localTime(u.receivedAt, campaign.timezone)} 收到）` : `late (received ${localTime(u.receivedAt, campaign.timezone)})`);
    if (pieces.length) what.push(zh ? `缺${pieces.join('、')}` : `missing ${pieces.join(', ')}`);
    out.push(`${who}：${what.join(zh ? '；' : '; ')}`);
  }
  return out;
}

function missingPieces(u: UnitStatus, lang: Io['lang']): string[] {
  const zh = lang === 'zh';
  const out: string[] = [];
  if (!u.pieces.stampedScan) out.push(zh ? '盖章扫描件' : 'stamped scan');
  if (!u.pieces.workPlan) out.push(zh ? '工作方案' : 'work plan');
  if (!u.pieces.workSummary) out.push(zh ? '工作总结' : 'work summary');
  return out;
}
