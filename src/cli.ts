/**
 * The command line: argument parsing and the one top-level error handler. Each subcommand's module
 * is imported only when that subcommand runs (changesets' pattern), so `--help` loads nothing heavy.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { EXIT, isExitError, isInterruptedError, isRenderError, isUsageError } from './core/errors.js';
import { detectLang, parseLang, t } from './core/lang.js';
import { hintsAs, invokedAs, processIo, type Io } from './core/io.js';
import { formatMessage } from './core/messages.js';
import type { Lang, MessageCode } from './core/messages.js';
import { packageRoot } from './paths.js';
import { displayWidth } from './report/width.js';

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

const TITLES_ZH: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '通用选项：',
};

/** Global options every subcommand sees (`optsWithGlobals`). */
export interface GlobalOptions {
  lang?: string;
  campaign?: string;
}

function buildProgram(lang: Lang, run: (code: Promise<number>) => void): Command {
  const zh = lang === 'zh';
  /** An argument placeholder in the user's language: <文件> / <file>. */
  const ph = (zhName: string, enName: string) => t(lang, zhName, enName);
  const program = new Command('lifelong-week');
  program
    .description(
      t(
        lang,
        '全民终身学习活动周报送工具：填写、检查、生成与汇总《全民终身学习活动开展情况统计表》。',
        'Fill, check, render and collect the lifelong-learning week statistics form (全民终身学习活动开展情况统计表).',
      ),
    )
    .version(version(), '-V, --version', t(lang, '显示版本号', 'show the version'))
    .helpOption('-h, --help', t(lang, '显示帮助', 'show help'))
    .helpCommand(`help [${ph('命令', 'command')}]`, t(lang, '显示某个命令的帮助', 'show help for a command'))
    .addOption(new Option(`--lang <${ph('语言', 'lang')}>`, t(lang, '界面语言：zh（中文，默认）或 en', 'language: zh (default) or en')))
    .option(`--campaign <${ph('文件', 'file')}>`, t(lang, '使用其他年度或城市的活动配置（YAML/JSON），代替内置的 2023 年南昌市配置', 'campaign file (YAML/JSON) replacing the built-in 2023 南昌市 campaign'))
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ writeOut: (text) => void process.stdout.write(hintsAs(text, invokedAs(process.env))), writeErr: () => undefined, outputError: () => undefined })
    .configureHelp({
      styleTitle: (title) => (zh ? (TITLES_ZH[title] ?? title) : title),
      // Chinese characters take two columns in a terminal; commander counts them as one.
      displayWidth: (text) => displayWidth(text),
      // The command list shows each command's own (translated) usage, not commander's 「[options]」.
      subcommandTerm: (cmd) => `${cmd.name()} ${cmd.usage()}`.trim(),
      sortSubcommands: false,
    });
  if (zh) program.usage('[选项] [命令]');

  const io = (): Io => processIo(lang);
  const globals = (cmd: Command) => cmd.optsWithGlobals() as GlobalOptions;

  const usage = (cmd: Command, zhUsage: string) => (zh ? cmd.usage(zhUsage) : cmd);

  usage(program.command('validate'), `[选项] <${ph('路径...', 'paths...')}>`)
    .description(t(lang, '检查报送文件，或按名册核对整个收件箱文件夹（邮件、Word、Excel、PDF、压缩包）', 'check submissions, or a whole inbox folder unit by unit (mail, Word, Excel, PDF, zip)'))
    .argument(`<${ph('路径...', 'paths...')}>`, t(lang, '报送文件或文件夹', 'files or folders'))
    .option('--json', t(lang, '以 JSON 输出检查结果（供其他程序使用）', 'print the report as JSON'))
    .option('--no-units', t(lang, '检查文件夹时不按名册逐个单位核对（只检查文件）', 'for a folder: check the files only, without the roster roll-call'))
    .option('--summary', t(lang, '只显示各单位的报送情况和合计，不逐个列出文件', 'print only the roll call and the totals'))
    .option('--check-scans', t(lang, '检查盖章扫描件：是否有公章；装有文字识别组件时，再核对扫描件与电子版是否一致', 'check stamped scans: is the seal there; with the OCR add-on, does the scan match the electronic form'))
    .action((paths: string[], opts: { json?: boolean; units?: boolean; summary?: boolean; checkScans?: boolean }, cmd: Command) =>
      run(import('./commands/validate.js').then((m) => m.runValidate(paths, { ...opts, ...globals(cmd) }, io()))),
    );

  usage(program.command('template'), '[选项]')
    .description(t(lang, '生成空白模板：YAML（填写用）、Word 和 PDF（打印或手工填写用）', 'write blank templates: YAML, Word and PDF'))
    .option(`--format <${ph('格式', 'formats')}>`, t(lang, '模板格式，可多选，用逗号分隔：yaml,docx,pdf（默认 yaml）；campaign 输出当前的活动配置，供换年度时修改', 'formats, comma-separated: yaml,docx,pdf (default yaml); campaign writes the campaign in force, to copy for next year'))
    .option(`--district <${ph('县区', 'unit')}>`, t(lang, '预先填好举办县区和盖章单位，如「东湖区」', 'prefill the unit and its department, e.g. 东湖区'))
    .option('--fillable', t(lang, 'PDF 做成可在阅读器中直接填写的表单', 'make the PDF a fillable form'))
    .option(`-o, --output <${ph('文件或文件夹', 'file-or-folder')}>`, t(lang, '写入的文件（单一格式）或文件夹；只生成 YAML 且不指定时输出到屏幕', 'output file (one format) or folder; YAML alone goes to standard output by default'))
    .option('--force', t(lang, '覆盖已存在的文件', 'overwrite existing files'))
    .action((opts: { format?: string; district?: string; output?: string; force?: boolean; fillable?: boolean }, cmd: Command) =>
      run(import('./commands/template.js').then((m) => m.runTemplate({ ...opts, format: opts.format ?? 'yaml', ...globals(cmd) }, io()))),
    );

  usage(program.command('render'), `[选项] <${ph('报送文件', 'submission')}>`)
    .description(t(lang, '把报送文件（YAML/JSON）生成为 Word 和 PDF，用于打印、盖章和报送', 'render a submission as DOCX and PDF'))
    .argument(`<${ph('报送文件', 'submission')}>`, t(lang, '填好的 YAML 或 JSON 文件', 'a filled YAML or JSON file'))
    .option(`--format <${ph('格式', 'formats')}>`, t(lang, '输出格式，用逗号分隔：docx,pdf（默认两种都生成）', 'formats: docx,pdf (default both)'))
    .option(`-o, --output <${ph('文件夹', 'folder')}>`, t(lang, '输出到哪个文件夹（默认与报送文件相同）', 'output folder (default: beside the submission)'))
    .option('--force', t(lang, '覆盖已存在的文件', 'overwrite existing files'))
    .action((file: string, opts: { format?: string; output?: string; force?: boolean }, cmd: Command) =>
      run(import('./commands/render.js').then((m) => m.runRender(file, { ...opts, format: opts.format ?? 'docx,pdf', ...globals(cmd) }, io()))),
    );

  usage(program.command('schema'), '[选项]')
    .description(t(lang, '输出 YAML 报送格式的 JSON Schema（编辑器据此提示和检查）', 'print the JSON Schema of the YAML format'))
    .option(`-o, --output <${ph('文件', 'file')}>`, t(lang, '写入文件（默认输出到屏幕）', 'write to a file (default: standard output)'))
    .option('--force', t(lang, '覆盖已存在的文件', 'overwrite an existing file'))
    .action((opts: { output?: string; force?: boolean }, cmd: Command) =>
      run(import('./commands/schema.js').then((m) => m.runSchema({ ...opts, ...globals(cmd) }, io()))),
    );

  usage(program.command('fill'), '[选项]')
    .description(t(lang, '逐项问答填写统计表，生成 YAML、Word 和 PDF', 'fill the form by interview, then write YAML, DOCX and PDF'))
    .option(`--from <${ph('文件', 'file')}>`, t(lang, '从已有的报送文件（YAML/JSON/本工具生成的 Word）预填，只问缺少或有误的项目', 'prefill from a submission file; ask only what is missing or invalid'))
    .option('--yes', t(lang, '不再确认，直接生成（配合 --from，可在脚本中使用）', 'do not ask for confirmation (with --from: non-interactive)'))
    .option('--resume', t(lang, '继续上次未完成的填写（草稿）', 'continue the unfinished draft'))
    .option(`-o, --output <${ph('文件夹', 'folder')}>`, t(lang, '输出到哪个文件夹（默认当前文件夹）', 'output folder (default: current folder)'))
    .option('--force', t(lang, '覆盖已存在的文件', 'overwrite existing files'))
    .option(`--district <${ph('县区', 'unit')}>`, t(lang, '预先选定举办县区，如「东湖区」', 'preselect the unit, e.g. 东湖区'))
    .action((opts: { from?: string; yes?: boolean; resume?: boolean; output?: string; force?: boolean; district?: string }, cmd: Command) =>
      run(import('./commands/fill.js').then((m) => m.runFill({ ...opts, ...globals(cmd) }, io()))),
    );

  usage(program.command('merge'), `[选项] <${ph('文件夹', 'folder')}>`)
    .description(t(lang, '汇总收件箱中的全部报送文件：生成全市汇总表，列出未报送、逾期和有误的单位，可生成全市统计表', 'merge an inbox into the city workbook, list who to chase, optionally write the city report'))
    .argument(`<${ph('文件夹', 'folder')}>`, t(lang, '收件箱文件夹（含邮件、压缩包）', 'the inbox folder (mails and archives included)'))
    .option(`-o, --output <${ph('文件夹', 'folder')}>`, t(lang, '输出到哪个文件夹（默认当前文件夹；当前文件夹就是收件箱时，放在收件箱旁边）', 'output folder (default: current folder, or beside the inbox when run inside it)'))
    .option(`--format <${ph('格式', 'formats')}>`, t(lang, '输出格式，用逗号分隔：xlsx,csv,json,pdf（默认 xlsx；pdf 是给领导看的一页简报）', 'formats: xlsx,csv,json,pdf (default xlsx; pdf is the one-page summary for a leader)'))
    .option('--city-report', t(lang, '同时生成全市的统计表（Word 和 PDF），报送省里', 'also write the city’s own form (DOCX and PDF)'))
    .option(`--other <${ph('文字', 'text')}>`, t(lang, '全市统计表「其他」一栏写的内容（默认写「无」，不抄录各单位的备注）', 'the city report’s 其他 text (default 无; units’ notes are not copied)'))
    .option('--units-other', t(lang, '全市统计表「其他」一栏改为汇集各单位填写的内容', 'fill the city report’s 其他 with the units’ own notes'))
    .option('--summary', t(lang, '屏幕上只显示各单位的报送情况、合计和催报名单', 'print only the roll call, totals and chase list'))
    .option('--force', t(lang, '覆盖已存在的文件', 'overwrite existing files'))
    .option('--check-scans', t(lang, '检查盖章扫描件（是否有公章、与电子版是否一致），结果写入「报送情况」表', 'check stamped scans (seal, match with the electronic form) into the 报送情况 sheet'))
    .action((folder: string, opts: { output?: string; format?: string; cityReport?: boolean; force?: boolean; other?: string; unitsOther?: boolean; summary?: boolean; checkScans?: boolean }, cmd: Command) =>
      run(import('./commands/merge.js').then((m) => m.runMerge(folder, { ...opts, format: opts.format ?? 'xlsx', ...globals(cmd) }, io()))),
    );

  // ── the mailbox: fetch and remind ──
  usage(program.command('fetch'), `[选项] [${ph('收件箱文件夹', 'inbox-folder')}]`)
    .description(t(lang, '从报送邮箱（IMAP）收取本次活动的邮件，原样保存到收件箱文件夹（只读，不改动邮箱）', 'copy the campaign’s mails from the IMAP mailbox into the inbox folder (read-only)'))
    .argument(`[${ph('收件箱文件夹', 'inbox-folder')}]`, t(lang, '保存邮件的文件夹（默认「收件箱」）', 'where the mails go (default 收件箱)'))
    .option(`--imap <${ph('服务器[:端口]', 'host[:port]')}>`, t(lang, 'IMAP 服务器，如 imap.163.com（默认 993 端口加密连接；也可写在活动配置的 mailbox: 中）', 'IMAP server, e.g. imap.163.com (IMAPS on 993 by default)'))
    .option('--starttls', t(lang, '用 143 端口加 STARTTLS 加密（默认 993 端口直接加密）', 'port 143 with STARTTLS instead of IMAPS on 993'))
    .option(`--user <${ph('登录名', 'user')}>`, t(lang, '登录名（默认活动配置中的报送邮箱）；密码或授权码从环境变量 LIFELONG_WEEK_IMAP_PASSWORD 读取，或在终端中输入', 'login (default: the campaign mailbox); password from LIFELONG_WEEK_IMAP_PASSWORD or a prompt'))
    .option(`--mailbox <${ph('文件夹', 'folder')}>`, t(lang, '邮箱里的文件夹（默认 INBOX 收件箱；中文名直接写）', 'mail folder (default INBOX)'))
    .option(`--since <${ph('日期', 'date')}>`, t(lang, '只收这天（含）以后收到的邮件（默认活动配置的通知日期或活动开始日期）', 'mails received on or after this day (default: the campaign start)'))
    .option(`--until <${ph('日期', 'date')}>`, t(lang, '只收这天（含）以前收到的邮件', 'mails received on or before this day'))
    .option(`--timeout <${ph('秒', 'seconds')}>`, t(lang, '连接超时秒数（默认 30）', 'connection timeout in seconds (default 30)'))
    .option('--insecure', t(lang, '不检查服务器证书（仅在确认服务器可信时使用，会显示警告）', 'do not check the server certificate (warns)'))
    .option('--json', t(lang, '以 JSON 列出每封邮件（uid、Message-ID、文件、发件人、主题、时间、是否新收）', 'list each mail as JSON'))
    .action((folder: string | undefined, opts: Record<string, unknown>, cmd: Command) =>
      run(import('./commands/fetch.js').then((m) => m.runFetch(folder, { ...opts, ...globals(cmd) }, io()))),
    );

  usage(program.command('remind'), `[选项] [${ph('收件箱文件夹', 'inbox-folder')}]`)
    .description(t(lang, '给未报送、逾期、有误或材料不全的单位写催报邮件：默认生成草稿（.eml），--send 直接发送', 'write reminder mails to units that are missing, late, invalid or incomplete; --send sends them'))
    .argument(`[${ph('收件箱文件夹', 'inbox-folder')}]`, t(lang, '收件箱文件夹（默认「收件箱」）', 'the inbox folder (default 收件箱)'))
    .option(`-o, --output <${ph('文件夹', 'folder')}>`, t(lang, '草稿写到哪个文件夹（默认「催报邮件」）', 'folder for the drafts (default 催报邮件)'))
    .option('--send', t(lang, '通过 SMTP 直接发送（发送前在终端确认）', 'send over SMTP (confirmed on a terminal first)'))
    .option(`--smtp <${ph('服务器[:端口]', 'host[:port]')}>`, t(lang, 'SMTP 服务器，如 smtp.163.com（默认 465 端口加密连接）', 'SMTP server, e.g. smtp.163.com (TLS on 465 by default)'))
    .option('--starttls', t(lang, '用 587 端口加 STARTTLS 加密', 'port 587 with STARTTLS'))
    .option(`--user <${ph('登录名', 'user')}>`, t(lang, '发信登录名（默认报送邮箱）；密码同 fetch', 'SMTP login (default: the campaign mailbox); password as for fetch'))
    .option(`--timeout <${ph('秒', 'seconds')}>`, t(lang, '连接超时秒数（默认 30）', 'connection timeout in seconds (default 30)'))
    .option('--insecure', t(lang, '不检查服务器证书（仅在确认服务器可信时使用，会显示警告）', 'do not check the server certificate (warns)'))
    .option('--yes', t(lang, '发送前不再确认（在脚本中使用）', 'do not ask before sending (scripts)'))
    .option('--force', t(lang, '覆盖已有的草稿；当天已因同样原因催过的单位也再发', 'overwrite drafts; remind again the same day for the same reasons'))
    .option('--json', t(lang, '以 JSON 列出每个单位的催报内容和结果', 'print the reminders as JSON'))
    .action((folder: string | undefined, opts: Record<string, unknown>, cmd: Command) =>
      run(import('./commands/remind.js').then((m) => m.runRemind(folder, { ...opts, ...globals(cmd) }, io()))),
    );

  // ── serve: the form and the roll call in the browser ──────────────────────
  usage(program.command('serve'), `[选项] [${ph('收件箱文件夹', 'inbox-folder')}]`)
    .description(t(lang, '在浏览器中填报统计表；指定收件箱文件夹时同时显示全市汇总（只在本机运行）', 'fill the form in a browser; with an inbox folder, also the city roll call (runs locally)'))
    .argument(`[${ph('收件箱文件夹', 'inbox-folder')}]`, t(lang, '收件箱文件夹（汇总页面用；不指定则只有填报页面）', 'the inbox folder for the roll call (optional)'))
    .option(`--port <${ph('端口', 'port')}>`, t(lang, '端口（默认 8023；0 表示自动选择）', 'port (default 8023; 0 picks a free one)'))
    .option(`--host <${ph('地址', 'address')}>`, t(lang, '监听地址（默认 127.0.0.1，只有本机能访问；0.0.0.0 让办公室网络中的同事访问，需要打印出的带访问码的地址）', 'address to listen on (default 127.0.0.1, this computer only; 0.0.0.0 for the office network, with an access token)'))
    .option('--open', t(lang, '启动后自动打开浏览器', 'open the browser'))
    .option(`-o, --output <${ph('文件夹', 'folder')}>`, t(lang, '生成的 YAML、Word 和 PDF 保存到哪个文件夹（默认当前文件夹）', 'folder for the generated YAML, Word and PDF (default: current folder)'))
    .action((folder: string | undefined, opts: { port?: string; host?: string; open?: boolean; output?: string }, cmd: Command) =>
      run(import('./commands/serve.js').then((m) => m.runServe(folder, { ...opts, ...globals(cmd) }, io()))),
    );
  return program;
}

/** Commander's own (English) parse errors, said in the user's language. */
function explainCommanderError(e: CommanderError, lang: Lang): string {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  const zh: Record<string, string> = {
    'commander.unknownOption': `不认识的选项「${quoted}」。`,
    'commander.unknownCommand': `不认识的命令「${quoted}」。可用命令：fill、template、validate、merge、render、schema、fetch、remind、serve。`,
    'commander.missingArgument': `缺少参数「${quoted}」。`,
    'commander.optionMissingArgument': `选项「${quoted}」后面需要一个值。`,
    'commander.excessArguments': '参数太多。',
    'commander.invalidArgument': `参数值不正确：${e.message.replace(/^error: /, '')}`,
    'commander.missingMandatoryOptionValue': `缺少必需的选项「${quoted}」。`,
  };
  const hint = t(lang, '用 `lifelong-week --help` 查看用法。', 'See `lifelong-week --help`.');
  const text = lang === 'zh' ? (zh[e.code] ?? `命令行有误：${e.message.replace(/^error: /, '')}`) : e.message.replace(/^error: /, '');
  return `${text} ${hint}`;
}

/** Run the CLI; resolves to the exit code. The only place that maps errors to exit codes. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const lang = detectLang(argv, process.env);
  const io = processIo(lang);
  const langFlag = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (langFlag >= 0) {
    const value = argv[langFlag]!.includes('=') ? argv[langFlag]!.split('=')[1] : argv[langFlag + 1];
    if (!parseLang(value)) {
      io.err(`错误：--lang 只能是 zh 或 en（收到「${value ?? ''}」）。 / --lang must be zh or en.`);
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
        io.err(`${t(lang, '错误：', 'Error: ')}${formatMessage('path.spaced', spaced, lang)}`);
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
    io.err(`${t(lang, '错误：', 'Error: ')}${explainCommanderError(e, lang)}`);
    return EXIT.usage;
  }
  if (isExitError(e)) return e.exitCode;
  if (isRenderError(e)) {
    io.err(`${t(lang, '错误：', 'Error: ')}${formatMessage(e.code as MessageCode, e.params, lang)}`);
    return e.exitCode;
  }
  if (isUsageError(e)) {
    io.err(`${t(lang, '错误：', 'Error: ')}${e.message}`);
    return EXIT.usage;
  }
  if (isInterruptedError(e)) {
    io.err(t(lang, '已中断。', 'Interrupted.'));
    return EXIT.interrupted;
  }
  // A bug: say so plainly, without a stack trace (set LIFELONG_WEEK_DEBUG=1 to see one).
  const detail = e instanceof Error ? e.message : String(e);
  io.err(
    t(
      lang,
      `程序内部错误（这是本工具的缺陷，不是您的操作问题）：${detail}\n请把这条信息和所用文件发给维护人员。`,
      `Internal error (a bug in this tool, not your fault): ${detail}\nPlease report it with the files you used.`,
    ),
  );
  if (process.env.LIFELONG_WEEK_DEBUG && e instanceof Error) io.err(e.stack ?? '');
  return EXIT.internal;
}
