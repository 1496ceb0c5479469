/**
 * `lifelong-week fill [--from FILE] [--yes] [--resume] [-o DIR] [--force] [--district 县区]`: the
 * interview. The questions, the checks and the state machine are in `src/fill/`; this
 * module does the files and the terminal: the draft after every answer, Ctrl+C, `--from`, the
 * output files and the next steps.
 */
import type { MissingGlyphError } from '../render/pdf.js';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Campaign, RosterUnit } from '../campaign/campaign.js';
import { ExitError, InterruptedError, UsageError } from '../core/errors.js';
import { exists, writeFileAtomic, writeFilesAtomic, type Io } from '../core/io.js';
import { say } from '../core/say.js';
import { formatMessage } from '../core/messages.js';
import { FIELDS, FURNITURE, fieldById, getPath, type FieldId } from '../form/definition.js';
import type { Submission } from '../form/schema.js';
import { draftDir, draftPath, draftText, isDraftName, parseDraft } from '../fill/draft.js';
import { fontGlyphCheck, type GlyphCheck } from '../fill/glyphs.js';
import { checkValues, runInterview } from '../fill/interview.js';
import { questionOrder, type Values } from '../fill/questions.js';
import { startInterview, type InterviewState } from '../fill/state.js';
import { nextStepsText } from '../fill/summary.js';
import { submissionYaml } from '../template/submission-yaml.js';
import { yamlHeader } from '../template/blank-yaml.js';
import { packageRoot } from '../paths.js';
import { createPrompter, type Prompter } from '../prompt/index.js';
import { SCHEMA_FILE } from '../template/json-schema.js';
import { checkOneFile, loadCampaign, resolveDistrict } from './shared.js';
import { today } from '../core/clock.js';

export interface FillOptions {
  from?: string;
  yes?: boolean;
  resume?: boolean;
  output?: string;
  force?: boolean;
  district?: string;
  campaign?: string;
}

/** What tests replace: the terminal, the clock and the home folder. */
export interface FillDeps {
  isTTY?: boolean;
  now?: Date;
  home?: string;
  columns?: number;
  rows?: number;
  env?: NodeJS.ProcessEnv;
}

/** Today, or `LIFELONG_WEEK_TODAY=2023-11-20` for tests and demos (`core/clock.ts`). */
export const clock = (env: NodeJS.ProcessEnv, campaign: Campaign): Date => today(env, campaign.timezone);

const noTerminal = (lang: Io['lang']) => say(lang, 'fill.noInteractiveTerminalStandard');

/** Answers by field id out of validated (possibly partial) nested data. */
function flatten(data: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of FIELDS) {
    const v = getPath(data, f.id);
    if (v !== undefined) values[f.id] = v;
  }
  return values;
}

interface Prefilled {
  values: Record<string, unknown>;
  /** Required fields missing, and fields whose value has an error, in question order. */
  ask: FieldId[];
  problems: string[];
}

async function prefillFrom(file: string, campaign: Campaign, lang: Io['lang'], glyphs: GlyphCheck): Promise<Prefilled> {
  const result = await checkOneFile(file, campaign, lang);
  if (result.fate !== 'submission') {
    const why = result.problems.map((p) => `  · ${formatMessage(p.code, p.params, lang)}`).join('\n');
    throw new UsageError(say(lang, 'fill.cannotReadFormFrom', { file, why }));
  }
  const bad = new Set(result.problems.filter((p) => p.severity === 'error' && p.field).map((p) => p.field!));
  const values = flatten(result.data ?? {});
  const problems = result.problems.map((p) => {
    const where = p.field ? `${fieldById(p.field).labelPath}：` : '';
    return `  ${p.severity === 'error' ? '✗' : '⚠'} ${where}${formatMessage(p.code, p.params, lang)}`;
  });
  // Characters the PDF cannot print are asked again too (the PDF would refuse them at the end).
  for (const field of questionOrder()) {
    if (bad.has(field.id)) continue;
    for (const message of await glyphs(field, values[field.id])) {
      bad.add(field.id);
      problems.push(`  ✗ ${message}`);
    }
  }
  for (const id of bad) delete values[id];
  const ask = questionOrder()
    .filter((f) => bad.has(f.id) || (f.required && values[f.id] === undefined))
    .map((f) => f.id);
  return { values, ask, problems };
}

interface Outputs {
  yaml: string;
  docx: string;
  pdf: string;
}

/** Those of the three outputs that already exist: `fill` and `serve` overwrite nothing without being told. */
async function existingOutputs(paths: Outputs): Promise<string[]> {
  const existing: string[] = [];
  for (const p of Object.values(paths)) if (await exists(p)) existing.push(p);
  return existing;
}

/** The Word file and the PDF of a validated submission; characters the font lacks throw `MissingGlyphError`. */
export async function renderForm(submission: Submission, campaign: Campaign): Promise<{ docx: Uint8Array; pdf: Uint8Array }> {
  const [{ renderDocx }, { renderPdf }] = await Promise.all([import('../render/docx.js'), import('../render/pdf.js')]);
  return { docx: await renderDocx(submission, campaign), pdf: await renderPdf(submission, campaign) };
}

/**
 * Is this the renderer's refusal of characters the font lacks (worded by the caller)? By name, so
 * the check needs no renderer loaded.
 */
/**
 * The three files of a validated form — YAML, Word, PDF — written all or none, for `fill` and the
 * browser form alike: refused when one exists (without `force`) or when the font lacks a character,
 * before anything is written. A write failure or a renderer's font error is thrown.
 */
export async function writeForm(
  values: Values,
  submission: Submission,
  campaign: Campaign,
  dir: string,
  force: boolean,
  lang: Io['lang'],
): Promise<
  { kind: 'exists'; path: string } | { kind: 'glyphs'; missing: MissingGlyphError['missing'] } | { kind: 'written'; paths: Outputs }
> {
  const { outputBaseName } = await import('../render/model.js');
  const paths = outputPaths(dir, outputBaseName(submission, campaign));
  const existing = force ? undefined : (await existingOutputs(paths))[0];
  if (existing) return { kind: 'exists', path: existing };
  let docx: Uint8Array;
  let pdf: Uint8Array;
  try {
    ({ docx, pdf } = await renderForm(submission, campaign));
  } catch (e) {
    if (isMissingGlyphs(e)) return { kind: 'glyphs', missing: e.missing };
    throw e;
  }
  // All three or none: a full disk while writing the PDF leaves no YAML and DOCX without it.
  await writeFilesAtomic(
    [
      { path: paths.yaml, data: finalYaml(values, campaign, paths.yaml) },
      { path: paths.docx, data: docx },
      { path: paths.pdf, data: pdf },
    ],
    { force: true, lang },
  );
  return { kind: 'written', paths };
}

export function isMissingGlyphs(e: unknown): e is MissingGlyphError {
  return e instanceof Error && e.name === 'MissingGlyphError';
}

export function outputPaths(dir: string, base: string): Outputs {
  return { yaml: join(dir, `${base}.yaml`), docx: join(dir, `${base}.docx`), pdf: join(dir, `${base}.pdf`) };
}

export function finalYaml(values: Values, campaign: Campaign, yamlPath: string): string {
  const schemaRef = relative(dirname(resolve(yamlPath)), join(packageRoot(), SCHEMA_FILE))
    .split(sep)
    .join('/');
  return submissionYaml(values, {
    year: campaign.year,
    header: yamlHeader(campaign, { schemaRef, unit: String(values['district'] ?? ''), madeBy: 'lifelong-week fill 生成' }),
  });
}

export async function runFill(opts: FillOptions, io: Io, deps: FillDeps = {}): Promise<number> {
  const { lang } = io;
  const env = deps.env ?? process.env;
  const campaign = await loadCampaign(opts.campaign, lang);
  const interactive = deps.isTTY ?? Boolean(process.stdin.isTTY);
  const home = deps.home ?? homedir();
  const now = deps.now ?? clock(env, campaign);
  const unit = opts.district !== undefined ? resolveDistrict(opts.district, campaign, lang) : undefined;
  if (opts.from && opts.resume) throw new UsageError(say(lang, 'fill.fromResumeCannotUsed'));
  const outDir = opts.output ?? '.';
  const glyphs = fontGlyphCheck(lang);

  // ── where the answers start from: a file (--from), a draft, or nothing ─────
  let initial: InterviewState | undefined;
  if (opts.from) {
    const start = await startFromFile(opts.from, unit, campaign, glyphs, interactive, Boolean(opts.yes), io);
    if (start.complete) return writeOutputs(start.complete, campaign, outDir, Boolean(opts.force), io, now, undefined, opts.from);
    initial = start.state;
  }
  if (!interactive) throw new UsageError(noTerminal(lang));

  const prompter = await createPrompter({ lang, env, write: (s) => io.out(s) });
  const drafts = new DraftKeeper(home, campaign, io, unit?.name);
  try {
    initial ??= await startFromDraft(Boolean(opts.resume), home, campaign, unit, prompter, io, drafts);

    // ── the interview, saved to the draft after every answer ───────────────
    drafts.announce(initial);
    const columns = deps.columns ?? Math.max(60, Math.min(process.stdout.columns ?? 100, 140));
    const rows = deps.rows ?? (process.stdout.isTTY ? process.stdout.rows : undefined);
    const finished = await runInterview(initial, {
      prompter,
      campaign,
      lang,
      out: (s) => io.out(s),
      save: (state) => drafts.save(state),
      columns,
      glyphs,
      ...(rows ? { rows } : {}),
      ...(opts.yes ? { yes: true } : {}),
    });

    // ── the files: all three or none, never over existing ones unasked ──────
    const target = await chooseOutputDir(outDir, Boolean(opts.force), finished.submission, campaign, prompter, io);
    const code = await writeOutputs(finished.state.values, campaign, target.dir, target.force, io, now, finished.submission);
    await drafts.discard();
    return code;
  } catch (e) {
    if (e instanceof InterruptedError) io.err(drafts.stoppedMessage());
    throw e;
  }
}

/**
 * `--from`: the answers a file already gives. Complete and `--yes`: the values to write at once.
 * Otherwise the interview to continue, or — without a terminal — one message naming what is missing.
 */
async function startFromFile(
  from: string,
  unit: RosterUnit | undefined,
  campaign: Campaign,
  glyphs: GlyphCheck,
  interactive: boolean,
  yes: boolean,
  io: Io,
): Promise<{ complete: Values; state?: undefined } | { complete?: undefined; state: InterviewState }> {
  const { lang } = io;
  const pre = await prefillFrom(from, campaign, lang, glyphs);
  if (unit && pre.values['district'] === undefined) {
    pre.values['district'] = unit.name;
    pre.ask = pre.ask.filter((id) => id !== 'district');
  }
  const problemList = pre.problems.length > 0 ? `${say(lang, 'fill.problems', { from })}\n${pre.problems.join('\n')}` : '';
  if (pre.ask.length === 0 && yes) {
    if (problemList) io.out(problemList); // warnings only
    return { complete: pre.values };
  }
  // Without a terminal: one message, said once (on standard error, by the caller).
  if (!interactive) {
    if (pre.ask.length === 0) throw new UsageError(say(lang, 'fill.completeButThereNo', { from }));
    const missing = pre.ask.filter((id) => !pre.problems.some((p) => p.includes(`${fieldById(id).labelPath}：`)));
    const lines = [...pre.problems, ...missing.map((id) => `  ✗ ${fieldById(id).labelPath}${say(lang, 'fill.missing')}`)];
    throw new UsageError(say(lang, 'fill.hasMissingInvalidItems', { from, lines: lines.join('\n') }));
  }
  if (problemList) io.out(problemList);
  return { state: startInterview(pre.values, pre.ask) };
}

/** `--resume` takes a draft (or says there is none); otherwise a draft is offered, or the interview starts afresh. */
async function startFromDraft(
  resume: boolean,
  home: string,
  campaign: Campaign,
  unit: RosterUnit | undefined,
  prompter: Prompter,
  io: Io,
  drafts: DraftKeeper,
): Promise<InterviewState> {
  const found = resume ? await findDraft(home, campaign, unit, prompter, io) : await offerDraft(home, campaign, unit, prompter, io);
  if (found) {
    drafts.continueFrom(found.path);
    return found.state;
  }
  if (resume) {
    const name = unit ? say(io.lang, 'fill.draftOfUnit', { unit: unit.name }) : '';
    throw new UsageError(say(io.lang, 'fill.noDraftResumeStart', { draftDir: draftDir(home), name }));
  }
  return startInterview(unit ? { district: unit.name } : {});
}

/**
 * The draft of the interview: one file per unit, saved after every answer, renamed when the unit is
 * chosen, removed once the outputs are written, and named in the message when the clerk stops.
 */
class DraftKeeper {
  private current: string | undefined;
  private known = '';
  constructor(
    private readonly home: string,
    private readonly campaign: Campaign,
    private readonly io: Io,
    private unit: string | undefined,
  ) {}

  continueFrom(path: string): void {
    this.current = path;
  }

  /** Where the draft goes, said before the first question. */
  announce(initial: InterviewState): void {
    const { lang } = this.io;
    const district = initial.values['district'] as string | undefined;
    if (typeof district === 'string') this.unit = district;
    this.known = draftPath(this.home, this.campaign, district);
    const shown =
      district !== undefined ? this.known : join(draftDir(this.home), `${this.campaign.year}-<${say(lang, 'cli.arg.unit')}>.yaml`);
    this.io.out(say(lang, 'fill.nInterview', { title: FURNITURE.title(this.campaign.year) }));
    this.io.out(say(lang, 'fill.draftSavedAfterEvery', { path: shown }));
  }

  async save(state: InterviewState): Promise<void> {
    const district = state.values['district'] as string | undefined;
    const path = draftPath(this.home, this.campaign, district);
    await writeFileAtomic(path, draftText(state), { force: true, lang: this.io.lang });
    if (this.current && this.current !== path) await rm(this.current, { force: true });
    if (this.current !== path && district !== undefined && path !== this.known) this.io.out(say(this.io.lang, 'fill.draftSaved', { path }));
    this.current = path;
    if (typeof district === 'string') this.unit = district;
  }

  async discard(): Promise<void> {
    if (this.current) await rm(this.current, { force: true });
  }

  stoppedMessage(): string {
    const { lang } = this.io;
    return this.current
      ? say(lang, 'fill.nstoppedYourAnswersAre', { currentDraft: this.current, draftUnit: this.unit ? ` --district ${this.unit}` : '' })
      : say(lang, 'fill.nstoppedNothingWasSaved');
  }
}

/** Where the three files go: the folder asked for, or — when files of that name exist — overwrite them or another folder, as the clerk says. */
async function chooseOutputDir(
  outDir: string,
  force: boolean,
  submission: Submission,
  campaign: Campaign,
  prompter: Prompter,
  io: Io,
): Promise<{ dir: string; force: boolean }> {
  const { lang } = io;
  const { outputBaseName } = await import('../render/model.js');
  let dir = outDir;
  for (;;) {
    const paths = outputPaths(dir, outputBaseName(submission, campaign));
    const existing = await existingOutputs(paths);
    if (existing.length === 0 || force) return { dir, force };
    io.out(say(lang, 'fill.theseFilesExistAlready', { existing: existing.map((p) => `  ${p}`).join('\n') }));
    if (await prompter.confirm({ message: say(lang, 'fill.overwriteThem'), default: false })) return { dir, force: true };
    dir =
      (await prompter.input({ message: say(lang, 'fill.whichFolderInstead'), default: join(dir, say(lang, 'fill.newFolder')) })).trim() ||
      dir;
  }
}

/**
 * Validate, render DOCX and PDF in memory, and only when all three are ready write YAML + DOCX + PDF
 * and print the next steps: a refusal (a character the font lacks, say) leaves no half set of files.
 */
async function writeOutputs(
  values: Values,
  campaign: Campaign,
  dir: string,
  force: boolean,
  io: Io,
  now: Date,
  checked: Submission | undefined,
  /** The `--from` file, for the way out when nothing could be written. */
  from?: string,
): Promise<number> {
  const { lang } = io;
  let submission = checked;
  if (!submission) {
    const result = checkValues(values, campaign);
    if (!result.submission) {
      for (const p of result.problems) io.err(`  ✗ ${formatMessage(p.code, p.params, lang)}`);
      throw new UsageError(say(lang, 'fill.thereAreErrorsNothing'));
    }
    submission = result.submission;
  }
  const written = await writeForm(values, submission, campaign, dir, force, lang);
  if (written.kind === 'exists') throw new UsageError(say(lang, 'fill.alreadyExistsUseForce', { existing: written.path }));
  if (written.kind === 'glyphs') {
    const lines = written.missing.map((m) =>
      say(lang, 'cli.glyphAt', {
        label: fieldById(m.fieldId).labelPath,
        line: m.line,
        column: m.column,
        char: m.char,
        codePoint: m.codePoint.toString(16).toUpperCase(),
      }),
    );
    io.err(
      [
        say(lang, 'fill.glyphsNothingWritten', { lines: lines.join('\n') }),
        from ? say(lang, 'fill.glyphsFixFrom', { from }) : say(lang, 'fill.glyphsInDraft'),
      ].join('\n'),
    );
    throw new ExitError(1);
  }
  const { paths } = written;
  io.out(say(lang, 'fill.nwroteNNN', { yaml: paths.yaml, docx: paths.docx, pdf: paths.pdf }));
  io.out(nextStepsText(paths, submission.department, campaign, now, lang));
  return 0;
}

interface FoundDraft {
  path: string;
  state: InterviewState;
}

async function listDrafts(home: string, campaign: Campaign): Promise<Array<{ path: string; name: string; mtime: number }>> {
  let names: string[];
  try {
    names = await readdir(draftDir(home));
  } catch {
    return [];
  }
  const out = [];
  for (const name of names.filter((n) => isDraftName(n, campaign))) {
    const path = join(draftDir(home), name);
    out.push({ path, name: name.slice(`${campaign.year}-`.length, -'.yaml'.length), mtime: (await stat(path)).mtimeMs });
  }
  return out.sort((a, b) => b.mtime - a.mtime);
}

async function loadDraft(path: string, campaign: Campaign, io: Io): Promise<FoundDraft | undefined> {
  const parsed = parseDraft(await readFile(path, 'utf8'), campaign);
  if (!parsed.ok) {
    io.err(say(io.lang, 'fill.draftDamagedTryLifelong', { path }));
    return undefined;
  }
  return { path, state: parsed.state };
}

async function findDraft(
  home: string,
  campaign: Campaign,
  unit: RosterUnit | undefined,
  prompter: Prompter,
  io: Io,
): Promise<FoundDraft | undefined> {
  if (unit) {
    const path = draftPath(home, campaign, unit.name);
    return (await exists(path)) ? loadDraft(path, campaign, io) : undefined;
  }
  const drafts = await listDrafts(home, campaign);
  if (drafts.length === 0) return undefined;
  if (drafts.length === 1) return loadDraft(drafts[0]!.path, campaign, io);
  const path = await prompter.select<string>({
    message: say(io.lang, 'fill.whichDraft'),
    choices: drafts.map((d) => ({ name: d.name, value: d.path, description: d.path })),
  });
  return loadDraft(path, campaign, io);
}

/** A new interview over an unfinished draft: offer to continue it rather than start again. */
async function offerDraft(
  home: string,
  campaign: Campaign,
  unit: RosterUnit | undefined,
  prompter: Prompter,
  io: Io,
): Promise<FoundDraft | undefined> {
  const drafts = (await listDrafts(home, campaign)).filter((d) => !unit || d.path === draftPath(home, campaign, unit.name));
  if (drafts.length === 0) return undefined;
  const NEW = '';
  const path = await prompter.select<string>({
    message: say(io.lang, 'fill.thereUnfinishedDraftContinue'),
    choices: [
      ...drafts.map((d) => ({ name: say(io.lang, 'fill.continue', { name: d.name }), value: d.path, description: d.path })),
      { name: say(io.lang, 'fill.startAgainDraftSame'), value: NEW },
    ],
  });
  return path === NEW ? undefined : loadDraft(path, campaign, io);
}
