/**
 * The command line: argument parsing and the one top-level error handler. Each subcommand's module
 * is imported only when that subcommand runs (changesets' pattern), so `--help` loads nothing heavy.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { EXIT, isExitError, isInterruptedError, isRenderError, isUsageError } from './core/errors.js';
import { detectLang, parseLang } from './core/lang.js';
import { hintsAs, invokedAs, processIo, type Io } from './core/io.js';
import type { Lang } from './core/messages/kit.js';
import { sayCli as say, type CliCode } from './core/messages/cli.js';
import { packageRoot } from './paths.js';
import { displayWidth, wrapText } from './report/width.js';

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** Commander's section titles, said in the user's language. */
const TITLES: Record<string, CliCode> = {
  'Usage:': 'cli.title.usage',
  'Options:': 'cli.title.options',
  'Commands:': 'cli.title.commands',
  'Arguments:': 'cli.title.arguments',
  'Global Options:': 'cli.title.globalOptions',
};

/** Global options every subcommand sees (`optsWithGlobals`). */
export interface GlobalOptions {
  lang?: string;
  campaign?: string;
}

function buildProgram(lang: Lang, run: (code: Promise<number>) => void): Command {
  /** An argument placeholder in the user's language: <文件> / <file>. */
  const ph = (code: CliCode) => say(lang, code);
  const program = new Command('lifelong-week');
  program
    .description(say(lang, 'cli.fillCheckRenderCollect'))
    .version(version(), '-V, --version', say(lang, 'cli.showVersion'))
    .helpOption('-h, --help', say(lang, 'cli.showHelp'))
    .helpCommand(`help [${ph('cli.arg.command')}]`, say(lang, 'cli.showHelpCommand'))
    .addOption(new Option(`--lang <${ph('cli.arg.lang')}>`, say(lang, 'cli.languageZhDefaultEn')))
    .option(`--campaign <${ph('cli.arg.file')}>`, say(lang, 'cli.campaignFileYamlJson'))
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void process.stdout.write(hintsAs(text, invokedAs(process.env))),
      writeErr: () => undefined,
      outputError: () => undefined,
    })
    .configureHelp({
      styleTitle: (title) => (TITLES[title] ? say(lang, TITLES[title]) : title),
      // Chinese characters take two columns in a terminal; commander counts them as one.
      displayWidth: (text) => displayWidth(text),
      // Chinese has no spaces to wrap at: commander would leave a long description on one line.
      boxWrap: (text, width) => (width < 40 ? text : wrapText(text, width)),
      // The command list shows each command's own (translated) usage, not commander's 「[options]」.
      subcommandTerm: (cmd) => `${cmd.name()} ${cmd.usage()}`.trim(),
      sortSubcommands: false,
    });
  program.usage(`${ph('cli.arg.options')} ${ph('cli.arg.commandOptional')}`);

  const io = (): Io => processIo(lang);
  const globals = (cmd: Command) => cmd.optsWithGlobals() as GlobalOptions;

  const usage = (cmd: Command, text: string) => cmd.usage(text);

  usage(program.command('validate'), `${ph('cli.arg.options')} <${ph('cli.arg.paths')}>`)
    .description(say(lang, 'cli.checkSubmissionsWholeInbox'))
    .argument(`<${ph('cli.arg.paths')}>`, say(lang, 'cli.filesFolders'))
    .option('--json', say(lang, 'cli.printReportJson'))
    .option('--no-units', say(lang, 'cli.folderCheckFilesOnly'))
    .option('--summary', say(lang, 'cli.printOnlyRollCall'))
    .option('--check-scans', say(lang, 'cli.checkStampedScansSeal'))
    .action((paths: string[], opts: { json?: boolean; units?: boolean; summary?: boolean; checkScans?: boolean }, cmd: Command) =>
      run(import('./commands/validate.js').then((m) => m.runValidate(paths, { ...opts, ...globals(cmd) }, io()))),
    );

  usage(program.command('template'), ph('cli.arg.options'))
    .description(say(lang, 'cli.writeBlankTemplatesYaml'))
    .option(`--format <${ph('cli.arg.formats')}>`, say(lang, 'cli.formatsCommaSeparatedYaml'))
    .option(`--district <${ph('cli.arg.unit')}>`, say(lang, 'cli.prefillUnitDepartmentE'))
    .option('--fillable', say(lang, 'cli.makePdfFillableForm'))
    .option(`-o, --output <${ph('cli.arg.fileOrFolder')}>`, say(lang, 'cli.outputFileOneFormat'))
    .option('--force', say(lang, 'cli.overwriteExistingFiles'))
    .action((opts: { format?: string; district?: string; output?: string; force?: boolean; fillable?: boolean }, cmd: Command) =>
      run(import('./commands/template.js').then((m) => m.runTemplate({ ...opts, format: opts.format ?? 'yaml', ...globals(cmd) }, io()))),
    );

  usage(program.command('render'), `${ph('cli.arg.options')} <${ph('cli.arg.submission')}>`)
    .description(say(lang, 'cli.renderSubmissionDocxPdf'))
    .argument(`<${ph('cli.arg.submission')}>`, say(lang, 'cli.filledYamlJsonFile'))
    .option(`--format <${ph('cli.arg.formats')}>`, say(lang, 'cli.formatsDocxPdfDefault'))
    .option(`-o, --output <${ph('cli.arg.folder')}>`, say(lang, 'cli.outputFolderDefaultBeside'))
    .option('--force', say(lang, 'cli.overwriteExistingFiles'))
    .action((file: string, opts: { format?: string; output?: string; force?: boolean }, cmd: Command) =>
      run(
        import('./commands/render.js').then((m) =>
          m.runRender(file, { ...opts, format: opts.format ?? 'docx,pdf', ...globals(cmd) }, io()),
        ),
      ),
    );

  usage(program.command('schema'), ph('cli.arg.options'))
    .description(say(lang, 'cli.printJsonSchemaYaml'))
    .option(`-o, --output <${ph('cli.arg.file')}>`, say(lang, 'cli.writeFileDefaultStandard'))
    .option('--force', say(lang, 'cli.overwriteExistingFile'))
    .action((opts: { output?: string; force?: boolean }, cmd: Command) =>
      run(import('./commands/schema.js').then((m) => m.runSchema({ ...opts, ...globals(cmd) }, io()))),
    );

  usage(program.command('fill'), ph('cli.arg.options'))
    .description(say(lang, 'cli.fillFormInterviewThen'))
    .option(`--from <${ph('cli.arg.file')}>`, say(lang, 'cli.prefillFromSubmissionFile'))
    .option('--yes', say(lang, 'cli.doNotAskConfirmation'))
    .option('--resume', say(lang, 'cli.continueUnfinishedDraft'))
    .option(`-o, --output <${ph('cli.arg.folder')}>`, say(lang, 'cli.outputFolderDefaultCurrent'))
    .option('--force', say(lang, 'cli.overwriteExistingFiles'))
    .option(`--district <${ph('cli.arg.unit')}>`, say(lang, 'cli.preselectUnitEG'))
    .action((opts: { from?: string; yes?: boolean; resume?: boolean; output?: string; force?: boolean; district?: string }, cmd: Command) =>
      run(import('./commands/fill.js').then((m) => m.runFill({ ...opts, ...globals(cmd) }, io()))),
    );

  usage(program.command('merge'), `${ph('cli.arg.options')} <${ph('cli.arg.folder')}>`)
    .description(say(lang, 'cli.mergeInboxIntoCity'))
    .argument(`<${ph('cli.arg.folder')}>`, say(lang, 'cli.inboxFolderMailsArchives'))
    .option(`-o, --output <${ph('cli.arg.folder')}>`, say(lang, 'cli.outputFolderDefaultCurrent2'))
    .option(`--format <${ph('cli.arg.formats')}>`, say(lang, 'cli.formatsXlsxCsvJson'))
    .option('--city-report', say(lang, 'cli.alsoWriteCityS'))
    .option(`--other <${ph('cli.arg.text')}>`, say(lang, 'cli.cityReportSText'))
    .option('--units-other', say(lang, 'cli.fillCityReportS'))
    .option('--summary', say(lang, 'cli.printOnlyRollCall2'))
    .option('--force', say(lang, 'cli.overwriteExistingFiles'))
    .option('--check-scans', say(lang, 'cli.checkStampedScansSeal2'))
    .action(
      (
        folder: string,
        opts: {
          output?: string;
          format?: string;
          cityReport?: boolean;
          force?: boolean;
          other?: string;
          unitsOther?: boolean;
          summary?: boolean;
          checkScans?: boolean;
        },
        cmd: Command,
      ) =>
        run(
          import('./commands/merge.js').then((m) => m.runMerge(folder, { ...opts, format: opts.format ?? 'xlsx', ...globals(cmd) }, io())),
        ),
    );

  // ── the mailbox: fetch and remind ──
  usage(program.command('fetch'), `${ph('cli.arg.options')} [${ph('cli.arg.inboxFolder')}]`)
    .description(say(lang, 'cli.copyCampaignSMails'))
    .argument(`[${ph('cli.arg.inboxFolder')}]`, say(lang, 'cli.whereMailsGoDefault'))
    .option(`--imap <${ph('cli.arg.hostPort')}>`, say(lang, 'cli.imapServerEG'))
    .option('--starttls', say(lang, 'cli.portStarttlsInsteadImaps'))
    .option(`--user <${ph('cli.arg.user')}>`, say(lang, 'cli.loginDefaultCampaignMailbox'))
    .option(`--mailbox <${ph('cli.arg.folder')}>`, say(lang, 'cli.mailFolderDefaultInbox'))
    .option(`--since <${ph('cli.arg.date')}>`, say(lang, 'cli.mailsReceivedAfterDay'))
    .option(`--until <${ph('cli.arg.date')}>`, say(lang, 'cli.mailsReceivedBeforeDay'))
    .option(`--timeout <${ph('cli.arg.seconds')}>`, say(lang, 'cli.connectionTimeoutSecondsDefault'))
    .option('--insecure', say(lang, 'cli.doNotCheckServer'))
    .option('--json', say(lang, 'cli.listEachMailJson'))
    .action((folder: string | undefined, opts: Record<string, unknown>, cmd: Command) =>
      run(import('./commands/fetch.js').then((m) => m.runFetch(folder, { ...opts, ...globals(cmd) }, io()))),
    );

  usage(program.command('remind'), `${ph('cli.arg.options')} [${ph('cli.arg.inboxFolder')}]`)
    .description(say(lang, 'cli.writeReminderMailsUnits'))
    .argument(`[${ph('cli.arg.inboxFolder')}]`, say(lang, 'cli.inboxFolderDefault'))
    .option(`-o, --output <${ph('cli.arg.folder')}>`, say(lang, 'cli.folderDraftsDefault'))
    .option('--send', say(lang, 'cli.sendOverSmtpConfirmed'))
    .option(`--smtp <${ph('cli.arg.hostPort')}>`, say(lang, 'cli.smtpServerEG'))
    .option('--starttls', say(lang, 'cli.portStarttls'))
    .option(`--user <${ph('cli.arg.user')}>`, say(lang, 'cli.smtpLoginDefaultCampaign'))
    .option(`--timeout <${ph('cli.arg.seconds')}>`, say(lang, 'cli.connectionTimeoutSecondsDefault'))
    .option('--insecure', say(lang, 'cli.doNotCheckServer'))
    .option('--yes', say(lang, 'cli.doNotAskBefore'))
    .option('--force', say(lang, 'cli.overwriteDraftsRemindAgain'))
    .option('--json', say(lang, 'cli.printRemindersJson'))
    .action((folder: string | undefined, opts: Record<string, unknown>, cmd: Command) =>
      run(import('./commands/remind.js').then((m) => m.runRemind(folder, { ...opts, ...globals(cmd) }, io()))),
    );

  // ── serve: the form and the roll call in the browser ──────────────────────
  usage(program.command('serve'), `${ph('cli.arg.options')} [${ph('cli.arg.inboxFolder')}]`)
    .description(say(lang, 'cli.fillFormBrowserInbox'))
    .argument(`[${ph('cli.arg.inboxFolder')}]`, say(lang, 'cli.inboxFolderRollCall'))
    .option(`--port <${ph('cli.arg.port')}>`, say(lang, 'cli.portDefaultPicksFree'))
    .option(`--host <${ph('cli.arg.address')}>`, say(lang, 'cli.addressListenDefaultComputer'))
    .option('--open', say(lang, 'cli.openBrowser'))
    .option(`-o, --output <${ph('cli.arg.folder')}>`, say(lang, 'cli.folderGeneratedYamlWord'))
    .option('--no-check-scans', say(lang, 'cli.serveNoCheckScans'))
    .action(
      (
        folder: string | undefined,
        opts: { port?: string; host?: string; open?: boolean; output?: string; checkScans?: boolean },
        cmd: Command,
      ) => run(import('./commands/serve.js').then((m) => m.runServe(folder, { ...opts, ...globals(cmd) }, io()))),
    );
  return program;
}

/** Commander's own (English) parse errors, said in the user's language. */
const COMMANDER_ERRORS: Record<string, CliCode> = {
  'commander.unknownOption': 'cli.commander.unknownOption',
  'commander.unknownCommand': 'cli.commander.unknownCommand',
  'commander.missingArgument': 'cli.commander.missingArgument',
  'commander.optionMissingArgument': 'cli.commander.optionMissingArgument',
  'commander.excessArguments': 'cli.commander.excessArguments',
  'commander.invalidArgument': 'cli.commander.invalidArgument',
  'commander.missingMandatoryOptionValue': 'cli.commander.missingMandatoryOptionValue',
};

function explainCommanderError(e: CommanderError, lang: Lang): string {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  const detail = e.message.replace(/^error: /, '');
  const text = say(lang, COMMANDER_ERRORS[e.code] ?? 'cli.commander.other', { quoted, detail });
  return `${text} ${say(lang, 'cli.seeLifelongWeekHelp')}`;
}

/** Run the CLI; resolves to the exit code. The only place that maps errors to exit codes. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const lang = detectLang(argv, process.env);
  const io = processIo(lang);
  const langFlag = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (langFlag >= 0) {
    const value = argv[langFlag]!.includes('=') ? argv[langFlag]!.split('=')[1] : argv[langFlag + 1];
    if (!parseLang(value)) {
      io.err(`${say('zh', 'cli.badLang', { value: value ?? '' })} / ${say('en', 'cli.badLang', { value: value ?? '' })}`);
      return EXIT.usage;
    }
  }
  let pending: Promise<number> | undefined;
  const program = buildProgram(lang, (p) => {
    pending = p;
  });
  try {
    if (argv.length === 0) {
      io.out(program.helpInformation());
      return EXIT.ok;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return pending ? await pending : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError && e.code === 'commander.excessArguments') {
      const spaced = spacedArguments(argv);
      if (spaced) {
        io.err(`${say(lang, 'cli.error')}${say(lang, 'path.spaced', spaced)}`);
        return EXIT.usage;
      }
    }
    return handleError(e, io);
  }
}

/**
 * 「render 我的 文档/东湖区.yaml」: a path with spaces, unquoted, reaches commander as several
 * arguments (「参数太多」). The longest run of plain arguments that, joined by spaces, names an
 * existing file or folder, with the command to type instead.
 */
function spacedArguments(argv: readonly string[]): { arg: string; path: string; command: string } | undefined {
  for (let start = 1; start < argv.length; start++) {
    for (let end = argv.length; end > start + 1; end--) {
      const run = argv.slice(start, end);
      if (run.some((a) => a.startsWith('-'))) continue;
      const path = run.join(' ');
      if (!existsSync(path)) continue;
      const quote = (a: string) => (/[\s'"]/.test(a) ? `"${a}"` : a);
      const command = ['lifelong-week', ...argv.slice(0, start).map(quote), `"${path}"`, ...argv.slice(end).map(quote)].join(' ');
      return { arg: run[0]!, path, command };
    }
  }
  return undefined;
}

/** The exit code for whatever a command threw, after saying it to the user. Exported for tests. */
export function handleError(e: unknown, io: Io): number {
  const { lang } = io;
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    io.err(`${say(lang, 'cli.error')}${explainCommanderError(e, lang)}`);
    return EXIT.usage;
  }
  if (isExitError(e)) return e.exitCode;
  if (isRenderError(e)) {
    io.err(`${say(lang, 'cli.error')}${e.texts?.[lang] ?? e.message}`);
    return e.exitCode;
  }
  if (isUsageError(e)) {
    io.err(`${say(lang, 'cli.error')}${e.message}`);
    return EXIT.usage;
  }
  if (isInterruptedError(e)) {
    io.err(say(lang, 'cli.interrupted'));
    return EXIT.interrupted;
  }
  // A bug: say so plainly, without a stack trace (set LIFELONG_WEEK_DEBUG=1 to see one).
  const detail = e instanceof Error ? e.message : String(e);
  io.err(say(lang, 'cli.internalErrorBugTool', { detail }));
  if (process.env.LIFELONG_WEEK_DEBUG && e instanceof Error) io.err(e.stack ?? '');
  return EXIT.internal;
}
