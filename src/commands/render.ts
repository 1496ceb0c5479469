/**
 * `lifelong-week render <submission> [--format docx,pdf] [-o DIR] [--force]`: the Word file and the
 * PDF to print, stamp (盖章), scan and send (notice, 「四、其他事项」). Validates first: errors refuse
 * to render; warnings are shown and rendering goes on.
 */
import { dirname, join } from 'node:path';
import type { Campaign } from '../campaign/campaign.js';
import { ExitError, UsageError } from '../core/errors.js';
import { exists, writeFilesAtomic, type Io, type OutputFile } from '../core/io.js';
import { joinList, say } from '../core/say.js';
import { fieldById } from '../form/definition.js';
import type { Submission } from '../form/schema.js';
import { buildReport, renderText } from '../report/validation.js';
import { paintFor } from '../report/paint.js';
import { checkOneFile, loadCampaign } from './shared.js';

export type OutputFormat = 'docx' | 'pdf';
const OUTPUT_FORMATS: readonly OutputFormat[] = ['docx', 'pdf'];

export function parseFormats(value: string, allowed: readonly string[], lang: Io['lang']): string[] {
  const formats = [
    ...new Set(
      value
        .split(/[,，\s]+/)
        .map((f) => f.trim().toLowerCase())
        .filter(Boolean),
    ),
  ].map((f) => (f === 'yml' ? 'yaml' : f));
  const unknown = formats.filter((f) => !allowed.includes(f));
  if (unknown.length > 0 || formats.length === 0)
    throw new UsageError(
      say(lang, 'cli.unsupportedFormatAvailable', { unknown: unknown.join(',') || value, allowed: joinList(lang, allowed) }),
    );
  return formats;
}

/** Render and write the files, refusing before anything is written if one would be overwritten. */
export async function writeRendered(
  data: Submission | null,
  campaign: Campaign,
  opts: {
    dir: string;
    formats: readonly OutputFormat[];
    force: boolean;
    fillable?: boolean;
    /** Printed on a blank template's stamp line. */
    department?: string;
    /** Names a blank template's files (「…统计表（东湖区）」). */
    unitName?: string;
    /** Lines under the form's footnote (the city report: who is and is not included). */
    notes?: readonly string[];
    /**
     * Other outputs of the same run (template's YAML, merge's workbook), already checked by the
     * caller, written in the same all-or-nothing batch; their paths come first in the result.
     */
    alongside?: readonly OutputFile[];
  },
  io: Io,
  /** An explicit file name for a single format (template -o 模板.pdf). */
  fileName?: string,
): Promise<string[]> {
  const { renderDocx } = await import('../render/docx.js');
  const { renderPdf, MissingGlyphError } = await import('../render/pdf.js');
  const { outputBaseName, templateBaseName } = await import('../render/model.js');
  // A blank template is named apart from the filled form, so `render` beside it never collides.
  const base = data ? outputBaseName(data, campaign) : templateBaseName(campaign, opts.unitName);
  const targets = opts.formats.map((f) => ({
    format: f,
    path:
      fileName && opts.formats.length === 1 ? fileName : join(opts.dir, `${base}${f === 'pdf' && opts.fillable ? '（可填写）' : ''}.${f}`),
  }));
  if (!opts.force)
    for (const target of targets)
      if (await exists(target.path)) throw new UsageError(say(io.lang, 'cli.alreadyExistsUseForce', { path: target.path }));
  const written: string[] = [];
  // Render everything first (both at once: their loading and file reads overlap), write only if all
  // succeeded: a refused PDF never leaves a lone DOCX behind.
  let rendered: Uint8Array[];
  try {
    rendered = await Promise.all(
      targets.map((target) =>
        target.format === 'docx'
          ? renderDocx(data, campaign, {
              ...(opts.department ? { department: opts.department } : {}),
              ...(opts.unitName ? { district: opts.unitName } : {}),
              ...(opts.notes ? { notes: opts.notes } : {}),
            })
          : renderPdf(data, campaign, {
              ...(opts.fillable ? { fillable: true } : {}),
              ...(opts.department ? { department: opts.department } : {}),
              ...(opts.unitName ? { district: opts.unitName } : {}),
              ...(opts.notes ? { notes: opts.notes } : {}),
            }),
      ),
    );
  } catch (e) {
    if (e instanceof MissingGlyphError) {
      const lines = e.missing.map((m) =>
        say(io.lang, 'cli.glyphAt', {
          label: fieldById(m.fieldId).labelPath,
          line: m.line,
          column: m.column,
          char: m.char,
          codePoint: m.codePoint.toString(16).toUpperCase(),
        }),
      );
      io.err(`${say(io.lang, 'cli.nothingWrittenBuiltFont')}\n${lines.join('\n')}`);
      throw new ExitError(1);
    }
    throw e;
  }
  // All or nothing: every temporary file is written before any is renamed into place, so a full
  // disk while writing the PDF leaves neither a half PDF nor a lone DOCX.
  const files: OutputFile[] = [...(opts.alongside ?? []), ...targets.map((target, i) => ({ path: target.path, data: rendered[i]! }))];
  await writeFilesAtomic(files, { force: true, lang: io.lang });
  written.push(...files.map((f) => f.path));
  return written;
}

export async function runRender(
  file: string,
  opts: { format: string; output?: string; force?: boolean; campaign?: string },
  io: Io,
): Promise<number> {
  const { lang } = io;
  const campaign = await loadCampaign(opts.campaign, lang);
  const formats = parseFormats(opts.format, OUTPUT_FORMATS, lang) as OutputFormat[];
  const result = await checkOneFile(file, campaign, lang, say(lang, 'cli.renderOneFile'));
  const report = buildReport([result], campaign, lang);
  if (result.fate !== 'submission' || result.status !== 'valid') {
    io.err(renderText(report, lang, await paintFor(io.color)));
    io.err(say(lang, 'cli.thereAreErrorsNothing'));
    return 1;
  }
  if (report.summary.warnings > 0) io.err(renderText(report, lang, await paintFor(io.color)));
  const { submissionSchema } = await import('../form/schema.js');
  const data = submissionSchema.parse(result.data);
  // -o names a file when one format is asked for and the name ends in its extension; else a folder.
  const single = formats.length === 1 ? formats[0]! : undefined;
  const asFile = Boolean(opts.output && single && opts.output.toLowerCase().endsWith(`.${single}`));
  if (opts.output && !asFile && /\.(docx|pdf)$/i.test(opts.output))
    throw new UsageError(say(lang, 'cli.oLooksLikeFile', { output: opts.output, formats: formats.join('、') }));
  const dir = asFile ? dirname(opts.output!) : (opts.output ?? dirname(file));
  const written = await writeRendered(data, campaign, { dir, formats, force: Boolean(opts.force) }, io, asFile ? opts.output : undefined);
  io.out(say(lang, 'cli.wroteN', { written: written.map((p) => `  ${p}`).join('\n') }));
  io.out(await nextSteps(file, written, data.department, campaign, lang));
  return 0;
}

/** What the notice asks for after the form is filled (「四、其他事项」), and how much time is left: the same steps as `fill`'s. */
async function nextSteps(
  file: string,
  written: readonly string[],
  department: string,
  campaign: Campaign,
  lang: Io['lang'],
): Promise<string> {
  const { nextStepsText } = await import('../fill/summary.js');
  const { today } = await import('../core/clock.js');
  const docx = written.find((p) => p.toLowerCase().endsWith('.docx'));
  const pdf = written.find((p) => p.toLowerCase().endsWith('.pdf'));
  const files = { yaml: file, docx: docx ?? say(lang, 'fill.docxToRender', { yaml: file }), ...(pdf ? { pdf } : {}) };
  return nextStepsText(files, department, campaign, today(process.env, campaign.timezone), lang);
}
