/** The catalogue's part for the command line: help, usage errors, progress and summaries printed by the commands. */
import { s, type Entry, type Lang, type Params } from './kit.js';

export const CLI_MESSAGES = {
  'cli.arg.options': { zh: () => '[选项]', en: () => '[options]' },
  'cli.arg.commandOptional': { zh: () => '[命令]', en: () => '[command]' },
  'cli.title.usage': { zh: () => '用法：', en: () => 'Usage:' },
  'cli.title.options': { zh: () => '选项：', en: () => 'Options:' },
  'cli.title.commands': { zh: () => '命令：', en: () => 'Commands:' },
  'cli.title.arguments': { zh: () => '参数：', en: () => 'Arguments:' },
  'cli.title.globalOptions': { zh: () => '通用选项：', en: () => 'Global Options:' },
  // commander's parse errors
  'cli.commander.unknownOption': { zh: (p) => `不认识的选项「${s(p.quoted)}」。`, en: (p) => `Unknown option “${s(p.quoted)}”.` },
  'cli.commander.unknownCommand': {
    zh: (p) => `不认识的命令「${s(p.quoted)}」。可用命令：fill、template、validate、merge、render、schema、fetch、remind、serve。`,
    en: (p) => `Unknown command “${s(p.quoted)}”. Commands: fill, template, validate, merge, render, schema, fetch, remind, serve.`,
  },
  'cli.commander.missingArgument': { zh: (p) => `缺少参数「${s(p.quoted)}」。`, en: (p) => `Missing argument “${s(p.quoted)}”.` },
  'cli.commander.optionMissingArgument': {
    zh: (p) => `选项「${s(p.quoted)}」后面需要一个值。`,
    en: (p) => `Option “${s(p.quoted)}” needs a value.`,
  },
  'cli.commander.excessArguments': { zh: () => '参数太多。', en: () => 'Too many arguments.' },
  'cli.commander.invalidArgument': { zh: (p) => `参数值不正确：${s(p.detail)}`, en: (p) => `Invalid value: ${s(p.detail)}` },
  'cli.commander.missingMandatoryOptionValue': {
    zh: (p) => `缺少必需的选项「${s(p.quoted)}」。`,
    en: (p) => `Missing required option “${s(p.quoted)}”.`,
  },
  'cli.commander.other': { zh: (p) => `命令行有误：${s(p.detail)}`, en: (p) => `${s(p.detail)}` },
  'cli.badLang': { zh: (p) => `错误：--lang 只能是 zh 或 en（收到「${s(p.value)}」）。`, en: () => '--lang must be zh or en.' },
  // argument placeholders in help: <文件> / <file>
  'cli.arg.command': { zh: () => '命令', en: () => 'command' },
  'cli.arg.lang': { zh: () => '语言', en: () => 'lang' },
  'cli.arg.file': { zh: () => '文件', en: () => 'file' },
  'cli.arg.paths': { zh: () => '路径...', en: () => 'paths...' },
  'cli.arg.formats': { zh: () => '格式', en: () => 'formats' },
  'cli.arg.unit': { zh: () => '县区', en: () => 'unit' },
  'cli.arg.fileOrFolder': { zh: () => '文件或文件夹', en: () => 'file-or-folder' },
  'cli.arg.submission': { zh: () => '报送文件', en: () => 'submission' },
  'cli.arg.folder': { zh: () => '文件夹', en: () => 'folder' },
  'cli.arg.text': { zh: () => '文字', en: () => 'text' },
  'cli.arg.inboxFolder': { zh: () => '收件箱文件夹', en: () => 'inbox-folder' },
  'cli.arg.hostPort': { zh: () => '服务器[:端口]', en: () => 'host[:port]' },
  'cli.arg.user': { zh: () => '登录名', en: () => 'user' },
  'cli.arg.date': { zh: () => '日期', en: () => 'date' },
  'cli.arg.seconds': { zh: () => '秒', en: () => 'seconds' },
  'cli.arg.port': { zh: () => '端口', en: () => 'port' },
  'cli.arg.address': { zh: () => '地址', en: () => 'address' },
  'cli.fillCheckRenderCollect': {
    zh: () => '全民终身学习活动周报送工具：填写、检查、生成与汇总《全民终身学习活动开展情况统计表》。',
    en: () => 'Fill, check, render and collect the lifelong-learning week statistics form (《全民终身学习活动开展情况统计表》).',
  },
  'cli.showVersion': { zh: () => '显示版本号', en: () => 'show the version' },
  'cli.showHelp': { zh: () => '显示帮助', en: () => 'show help' },
  'cli.showHelpCommand': { zh: () => '显示某个命令的帮助', en: () => 'show help for a command' },
  'cli.languageZhDefaultEn': { zh: () => '界面语言：zh（中文，默认）或 en', en: () => 'language: zh (default) or en' },
  'cli.campaignFileYamlJson': {
    zh: () => '使用其他年度或城市的活动配置（YAML/JSON），代替内置的 2023 年南昌市配置',
    en: () => 'campaign file (YAML/JSON) replacing the built-in 2023 南昌市 campaign',
  },
  'cli.checkSubmissionsWholeInbox': {
    zh: () => '检查报送文件，或按名册核对整个收件箱文件夹（邮件、Word、Excel、PDF、压缩包）',
    en: () => 'check submissions, or a whole inbox folder unit by unit (mail, Word, Excel, PDF, zip)',
  },
  'cli.filesFolders': { zh: () => '报送文件或文件夹', en: () => 'files or folders' },
  'cli.printReportJson': { zh: () => '以 JSON 输出检查结果（供其他程序使用）', en: () => 'print the report as JSON' },
  'cli.folderCheckFilesOnly': {
    zh: () => '检查文件夹时不按名册逐个单位核对（只检查文件）',
    en: () => 'for a folder: check the files only, without the roster roll-call',
  },
  'cli.printOnlyRollCall': {
    zh: () => '只显示各单位的报送情况和合计，不逐个列出文件',
    en: () => 'print only the roll call and the totals',
  },
  'cli.checkStampedScansSeal': {
    zh: () => '检查盖章扫描件：是否有公章；装有文字识别组件时，再核对扫描件与电子版是否一致',
    en: () => 'check stamped scans: is the seal there; with the OCR add-on, does the scan match the electronic form',
  },
  'cli.writeBlankTemplatesYaml': {
    zh: () => '生成空白模板：YAML（填写用）、Word 和 PDF（打印或手工填写用）',
    en: () => 'write blank templates: YAML, Word and PDF',
  },
  'cli.formatsCommaSeparatedYaml': {
    zh: () => '模板格式，可多选，用逗号分隔：yaml,docx,pdf（默认 yaml）；campaign 输出当前的活动配置，供换年度时修改',
    en: () => 'formats, comma-separated: yaml,docx,pdf (default yaml); campaign writes the campaign in force, to copy for next year',
  },
  'cli.prefillUnitDepartmentE': {
    zh: () => '预先填好举办县区和盖章单位，如「东湖区」',
    en: () => 'prefill the unit and its department, e.g. 东湖区',
  },
  'cli.makePdfFillableForm': { zh: () => 'PDF 做成可在阅读器中直接填写的表单', en: () => 'make the PDF a fillable form' },
  'cli.outputFileOneFormat': {
    zh: () => '写入的文件（单一格式）或文件夹；只生成 YAML 且不指定时输出到屏幕',
    en: () => 'output file (one format) or folder; YAML alone goes to standard output by default',
  },
  'cli.overwriteExistingFiles': { zh: () => '覆盖已存在的文件', en: () => 'overwrite existing files' },
  'cli.renderSubmissionDocxPdf': {
    zh: () => '把报送文件（YAML/JSON）生成为 Word 和 PDF，用于打印、盖章和报送',
    en: () => 'render a submission as DOCX and PDF',
  },
  'cli.filledYamlJsonFile': { zh: () => '填好的 YAML 或 JSON 文件', en: () => 'a filled YAML or JSON file' },
  'cli.formatsDocxPdfDefault': {
    zh: () => '输出格式，用逗号分隔：docx,pdf（默认两种都生成）',
    en: () => 'formats: docx,pdf (default both)',
  },
  'cli.outputFolderDefaultBeside': {
    zh: () => '输出到哪个文件夹（默认与报送文件相同）',
    en: () => 'output folder (default: beside the submission)',
  },
  'cli.printJsonSchemaYaml': {
    zh: () => '输出 YAML 报送格式的 JSON Schema（编辑器据此提示和检查）',
    en: () => 'print the JSON Schema of the YAML format',
  },
  'cli.writeFileDefaultStandard': { zh: () => '写入文件（默认输出到屏幕）', en: () => 'write to a file (default: standard output)' },
  'cli.overwriteExistingFile': { zh: () => '覆盖已存在的文件', en: () => 'overwrite an existing file' },
  'cli.fillFormInterviewThen': {
    zh: () => '逐项问答填写统计表，生成 YAML、Word 和 PDF',
    en: () => 'fill the form by interview, then write YAML, DOCX and PDF',
  },
  'cli.prefillFromSubmissionFile': {
    zh: () => '从已有的报送文件（YAML/JSON/本工具生成的 Word）预填，只问缺少或有误的项目',
    en: () => 'prefill from a submission file; ask only what is missing or invalid',
  },
  'cli.doNotAskConfirmation': {
    zh: () => '不再确认，直接生成（配合 --from，可在脚本中使用）',
    en: () => 'do not ask for confirmation (with --from: non-interactive)',
  },
  'cli.continueUnfinishedDraft': { zh: () => '继续上次未完成的填写（草稿）', en: () => 'continue the unfinished draft' },
  'cli.outputFolderDefaultCurrent': { zh: () => '输出到哪个文件夹（默认当前文件夹）', en: () => 'output folder (default: current folder)' },
  'cli.preselectUnitEG': { zh: () => '预先选定举办县区，如「东湖区」', en: () => 'preselect the unit, e.g. 东湖区' },
  'cli.mergeInboxIntoCity': {
    zh: () => '汇总收件箱中的全部报送文件：生成全市汇总表，列出未报送、逾期和有误的单位，可生成全市统计表',
    en: () => 'merge an inbox into the city workbook, list who to chase, optionally write the city report',
  },
  'cli.inboxFolderMailsArchives': {
    zh: () => '收件箱文件夹（含邮件、压缩包）',
    en: () => 'the inbox folder (mails and archives included)',
  },
  'cli.outputFolderDefaultCurrent2': {
    zh: () => '输出到哪个文件夹（默认当前文件夹；当前文件夹就是收件箱时，放在收件箱旁边）',
    en: () => 'output folder (default: current folder, or beside the inbox when run inside it)',
  },
  'cli.formatsXlsxCsvJson': {
    zh: () => '输出格式，用逗号分隔：xlsx,csv,json,pdf（默认 xlsx；pdf 是给领导看的一页简报）',
    en: () => 'formats: xlsx,csv,json,pdf (default xlsx; pdf is the one-page summary for a leader)',
  },
  'cli.alsoWriteCityS': {
    zh: () => '同时生成全市的统计表（Word 和 PDF），报送省里',
    en: () => 'also write the city’s own form (DOCX and PDF)',
  },
  'cli.cityReportSText': {
    zh: () => '全市统计表「其他」一栏写的内容（默认写「无」，不抄录各单位的备注）',
    en: () => 'the city report’s 其他 text (default “无”; units’ notes are not copied)',
  },
  'cli.fillCityReportS': {
    zh: () => '全市统计表「其他」一栏改为汇集各单位填写的内容',
    en: () => 'fill the city report’s 其他 with the units’ own notes',
  },
  'cli.printOnlyRollCall2': {
    zh: () => '屏幕上只显示各单位的报送情况、合计和催报名单',
    en: () => 'print only the roll call, totals and chase list',
  },
  'cli.checkStampedScansSeal2': {
    zh: () => '检查盖章扫描件（是否有公章、与电子版是否一致），结果写入「报送情况」表',
    en: () => 'check stamped scans (seal, match with the electronic form) into the 报送情况 sheet',
  },
  'cli.copyCampaignSMails': {
    zh: () => '从报送邮箱（IMAP）收取本次活动的邮件，原样保存到收件箱文件夹（只读，不改动邮箱）',
    en: () => 'copy the campaign’s mails from the IMAP mailbox into the inbox folder (read-only)',
  },
  'cli.whereMailsGoDefault': { zh: () => '保存邮件的文件夹（默认「收件箱」）', en: () => 'where the mails go (default 收件箱)' },
  'cli.imapServerEG': {
    zh: () => 'IMAP 服务器，如 imap.163.com（默认 993 端口加密连接；也可写在活动配置的 mailbox: 中）',
    en: () => 'IMAP server, e.g. imap.163.com (IMAPS on 993 by default)',
  },
  'cli.portStarttlsInsteadImaps': {
    zh: () => '用 143 端口加 STARTTLS 加密（默认 993 端口直接加密）',
    en: () => 'port 143 with STARTTLS instead of IMAPS on 993',
  },
  'cli.loginDefaultCampaignMailbox': {
    zh: () => '登录名（默认活动配置中的报送邮箱）；密码或授权码从环境变量 LIFELONG_WEEK_IMAP_PASSWORD 读取，或在终端中输入',
    en: () => 'login (default: the campaign mailbox); password from LIFELONG_WEEK_IMAP_PASSWORD or a prompt',
  },
  'cli.mailFolderDefaultInbox': { zh: () => '邮箱里的文件夹（默认 INBOX 收件箱；中文名直接写）', en: () => 'mail folder (default INBOX)' },
  'cli.mailsReceivedAfterDay': {
    zh: () => '只收这天（含）以后收到的邮件（默认活动配置的通知日期或活动开始日期）',
    en: () => 'mails received on or after this day (default: the campaign start)',
  },
  'cli.mailsReceivedBeforeDay': { zh: () => '只收这天（含）以前收到的邮件', en: () => 'mails received on or before this day' },
  'cli.connectionTimeoutSecondsDefault': { zh: () => '连接超时秒数（默认 30）', en: () => 'connection timeout in seconds (default 30)' },
  'cli.doNotCheckServer': {
    zh: () => '不检查服务器证书（仅在确认服务器可信时使用，会显示警告）',
    en: () => 'do not check the server certificate (warns)',
  },
  'cli.listEachMailJson': {
    zh: () => '以 JSON 列出每封邮件（uid、Message-ID、文件、发件人、主题、时间、是否新收）',
    en: () => 'list each mail as JSON',
  },
  'cli.writeReminderMailsUnits': {
    zh: () => '给未报送、逾期、有误或材料不全的单位写催报邮件：默认生成草稿（.eml），--send 直接发送',
    en: () => 'write reminder mails to units that are missing, late, invalid or incomplete; --send sends them',
  },
  'cli.inboxFolderDefault': { zh: () => '收件箱文件夹（默认「收件箱」）', en: () => 'the inbox folder (default 收件箱)' },
  'cli.folderDraftsDefault': { zh: () => '草稿写到哪个文件夹（默认「催报邮件」）', en: () => 'folder for the drafts (default 催报邮件)' },
  'cli.sendOverSmtpConfirmed': {
    zh: () => '通过 SMTP 直接发送（发送前在终端确认）',
    en: () => 'send over SMTP (confirmed on a terminal first)',
  },
  'cli.smtpServerEG': {
    zh: () => 'SMTP 服务器，如 smtp.163.com（默认 465 端口加密连接）',
    en: () => 'SMTP server, e.g. smtp.163.com (TLS on 465 by default)',
  },
  'cli.portStarttls': { zh: () => '用 587 端口加 STARTTLS 加密', en: () => 'port 587 with STARTTLS' },
  'cli.smtpLoginDefaultCampaign': {
    zh: () => '发信登录名（默认报送邮箱）；密码同 fetch',
    en: () => 'SMTP login (default: the campaign mailbox); password as for fetch',
  },
  'cli.doNotAskBefore': { zh: () => '发送前不再确认（在脚本中使用）', en: () => 'do not ask before sending (scripts)' },
  'cli.overwriteDraftsRemindAgain': {
    zh: () => '覆盖已有的草稿；当天已因同样原因催过的单位也再发',
    en: () => 'overwrite drafts; remind again the same day for the same reasons',
  },
  'cli.printRemindersJson': { zh: () => '以 JSON 列出每个单位的催报内容和结果', en: () => 'print the reminders as JSON' },
  'cli.fillFormBrowserInbox': {
    zh: () => '在浏览器中填报统计表；指定收件箱文件夹时同时显示全市汇总（只在本机运行）',
    en: () => 'fill the form in a browser; with an inbox folder, also the city roll call (runs locally)',
  },
  'cli.inboxFolderRollCall': {
    zh: () => '收件箱文件夹（汇总页面用；不指定则只有填报页面）',
    en: () => 'the inbox folder for the roll call (optional)',
  },
  'cli.portDefaultPicksFree': { zh: () => '端口（默认 8023；0 表示自动选择）', en: () => 'port (default 8023; 0 picks a free one)' },
  'cli.addressListenDefaultComputer': {
    zh: () => '监听地址（默认 127.0.0.1，只有本机能访问；0.0.0.0 让办公室网络中的同事访问，需要打印出的带访问码的地址）',
    en: () => 'address to listen on (default 127.0.0.1, this computer only; 0.0.0.0 for the office network, with an access token)',
  },
  'cli.openBrowser': { zh: () => '启动后自动打开浏览器', en: () => 'open the browser' },
  'cli.folderGeneratedYamlWord': {
    zh: () => '生成的 YAML、Word 和 PDF 保存到哪个文件夹（默认当前文件夹）',
    en: () => 'folder for the generated YAML, Word and PDF (default: current folder)',
  },
  'cli.seeLifelongWeekHelp': { zh: () => '用 `lifelong-week --help` 查看用法。', en: () => 'See `lifelong-week --help`.' },
  'cli.error': { zh: () => '错误：', en: () => 'Error: ' },
  'cli.interrupted': { zh: () => '已中断。', en: () => 'Interrupted.' },
  'cli.internalErrorBugTool': {
    zh: (p) => `程序内部错误（这是本工具的缺陷，不是您的操作问题）：${s(p.detail)}\n请把这条信息和所用文件发给维护人员。`,
    en: (p) => `Internal error (a bug in this tool, not your fault): ${s(p.detail)}\nPlease report it with the files you used.`,
  },
  'cli.unsupportedFormatAvailable': {
    zh: (p) => `不支持的格式「${s(p.unknown)}」。可用：${s(p.allowed)}。`,
    en: (p) => `Unsupported format “${s(p.unknown)}”. Available: ${s(p.allowed)}.`,
  },
  'cli.alreadyExistsUseForce': {
    zh: (p) => `文件「${s(p.path)}」已存在，未覆盖。如需覆盖请加 --force，或用 -o 指定其他文件夹。`,
    en: (p) => `${s(p.path)} already exists. Use --force to overwrite, or -o for another folder.`,
  },
  'cli.glyphAt': {
    zh: (p) => `  · 「${s(p.label)}」第 ${s(p.line)} 行第 ${s(p.column)} 个字「${s(p.char)}」（U+${s(p.codePoint)}）`,
    en: (p) => `  · ${s(p.label)}, line ${s(p.line)}, character ${s(p.column)}: “${s(p.char)}” (U+${s(p.codePoint)})`,
  },
  'cli.nothingWrittenBuiltFont': {
    zh: () => '未生成 Word 和 PDF：内置字体无法显示以下字符（打印出来会是空白方框）。请改用常用字，或删去表情符号：',
    en: () => 'Nothing written: the built-in font cannot draw these characters:',
  },
  'cli.thereAreErrorsNothing': {
    zh: () => '有错误，未生成 Word 和 PDF。请按提示修改后重试。',
    en: () => 'There are errors; nothing was rendered. Fix them and try again.',
  },
  'cli.oLooksLikeFile': {
    zh: (p) => `-o「${s(p.output)}」像是一个文件名，但要生成 ${s(p.formats)} 多种格式：请用 -o 指定文件夹，或用 --format 只选一种格式。`,
    en: (p) => `-o “${s(p.output)}” looks like a file name but several formats were asked for: name a folder, or choose one --format.`,
  },
  'cli.wroteN': { zh: (p) => `已生成：\n${s(p.written)}`, en: (p) => `Wrote:\n${s(p.written)}${s(p.includes)}` },
  'cli.templateThenValidate': {
    zh: (p) => `\n填好 YAML 后运行：lifelong-week validate ${s(p.file)}`,
    en: (p) => `\nOnce the YAML is filled in, run: lifelong-week validate ${s(p.file)}`,
  },
  'cli.outputFolderInsideInbox': {
    zh: (p) => `输出文件夹「${s(p.output)}」在收件箱「${s(p.folder)}」里面：汇总结果会混进报送材料。请用 -o 指定收件箱以外的文件夹。`,
    en: (p) => `The output folder “${s(p.output)}” is inside the inbox “${s(p.folder)}”. Choose a folder outside it with -o.`,
  },
  'cli.fileOTakesFolder': {
    zh: (p) => `「${s(p.dir)}」是一个文件；-o 请指定文件夹。`,
    en: (p) => `“${s(p.dir)}” is a file; -o takes a folder.`,
  },
  'cli.noValidSubmissionCity': {
    zh: () => '没有有效的报送，未生成全市统计表。',
    en: () => 'No valid submission: the city report was not written.',
  },
  'cli.cityReportWasNot': {
    zh: (p) => `全市统计表未生成（内部错误：${s(p.detail)}）。`,
    en: (p) => `The city report was not written (internal error: ${s(p.detail)}).`,
  },
  'cli.theseFilesExistWere': {
    zh: (p) => `以下文件已存在，均未覆盖：\n${s(p.taken)}\n如需覆盖请加 --force，或用 -o 指定其他文件夹。`,
    en: (p) => `These files exist and were not overwritten:\n${s(p.taken)}\nUse --force to overwrite, or -o for another folder.`,
  },
  'cli.underCityReportS': { zh: () => '全市统计表表下注明：', en: () => 'Under the city report’s table:' },
  'cli.wroteN2': { zh: (p) => `已生成：\n${s(p.written)}`, en: (p) => `Wrote:\n${s(p.written)}` },
  'cli.folderAlsoHoldsOlder': {
    zh: (p) => `文件夹「${s(p.dir)}」里还有本工具以前生成的其他文件，内容可能与本次不同（未改动）：\n${s(p.others)}`,
    en: (p) =>
      `The folder “${s(p.dir)}” also holds older outputs of this tool that may disagree with this run (left as they are):\n${s(p.others)}`,
  },
  'cli.moreFileSProblems': {
    zh: (p) => `……另有 ${s(p.count)} 个文件有问题，见汇总表的「问题清单」。`,
    en: (p) => `…and ${s(p.count)} more file(s) with problems: see the 问题清单 sheet.`,
  },
  'cli.useFormatCampaignOwn': { zh: () => '--format campaign 请单独使用。', en: () => 'Use --format campaign on its own.' },
  'cli.wroteEditPassCampaign': {
    zh: (p) => `已写入活动配置 ${s(p.output)}。修改后用 --campaign ${s(p.output)} 使用。`,
    en: (p) => `Wrote ${s(p.output)}; edit it and pass it with --campaign.`,
  },
  'cli.fillableAppliesPdfAdd': {
    zh: () => '--fillable 只用于 PDF，请在 --format 中加上 pdf。',
    en: () => '--fillable applies to PDF: add pdf to --format.',
  },
  'cli.alreadyExistsUseForce2': {
    zh: (p) => `文件「${s(p.yamlPath)}」已存在，未覆盖。如需覆盖请加 --force。`,
    en: (p) => `${s(p.yamlPath)} already exists. Use --force to overwrite.`,
  },
  'cli.wroteN3': { zh: (p) => `已生成模板：\n${s(p.written)}${s(p.includes)}`, en: (p) => `Wrote:\n${s(p.written)}` },
  'cli.chaseListReadyPaste': { zh: () => '催报名单（可直接复制发送）：', en: () => 'Chase list (ready to paste):' },
  'cli.cityTotals': {
    zh: (p) =>
      `全市合计（计入的 ${s(p.units)} 个单位）：活动 ${s(p.activities)} 场，参加 ${s(p.participants)} 人次，群众满意度 ${s(p.weighted)}（按人次加权；简单平均 ${s(p.mean)}）。`,
    en: (p) =>
      `City totals (${s(p.units)} unit(s) counted): ${s(p.activities)} activities, ${s(p.participants)} participants, satisfaction ${s(p.weighted)} (weighted by participants; plain mean ${s(p.mean)}).`,
  },
  'cli.chaseLine': { zh: (p) => `${s(p.unit)}（${s(p.who)}）：${s(p.text)}`, en: (p) => `${s(p.unit)} (${s(p.who)}): ${s(p.text)}` },
  'cli.cannotReadTimeWrite': {
    zh: (p) => `${s(p.file)}：「${s(p.key)}」的时间「${s(p.value)}」看不懂，请写成 2023-11-28T10:15:00+08:00。`,
    en: (p) => `${s(p.file)}: cannot read the time of “${s(p.key)}”; write it as 2023-11-28T10:15:00+08:00.`,
  },
  'cli.notValidYamlWas': {
    zh: (p) => `${s(p.file)} 格式有误，未使用（${s(p.value)}）。`,
    en: (p) => `${s(p.file)} is not valid YAML and was not used.`,
  },
  'cli.doesNotExist': { zh: (p) => `找不到「${s(p.arg)}」。请检查文件或文件夹名是否写对。`, en: (p) => `“${s(p.arg)}” does not exist.` },
  'cli.cannotAccess': { zh: (p) => `无法访问「${s(p.arg)}」（${s(p.code)}）。`, en: (p) => `Cannot access “${s(p.arg)}” (${s(p.code)}).` },
  'cli.folderEmpty': { zh: (p) => `文件夹「${s(p.arg)}」是空的，没有可检查的文件。`, en: (p) => `The folder “${s(p.arg)}” is empty.` },
  'cli.noSubmissionFilesWere': {
    zh: () => '没有找到可检查的报送文件。请确认文件夹是否选对。',
    en: () => 'No submission files were found. Check the folder.',
  },
  'cli.campaignFileNotFound': { zh: (p) => `找不到活动配置文件「${s(p.path)}」。`, en: (p) => `Campaign file “${s(p.path)}” not found.` },
  'cli.cannotReadCampaignFile': {
    zh: (p) => `无法读取活动配置文件「${s(p.path)}」（${s(p.code)}）。`,
    en: (p) => `Cannot read campaign file “${s(p.path)}” (${s(p.code)}).`,
  },
  'cli.campaignFileInvalid': { zh: (p) => `活动配置文件「${s(p.path)}」有误：`, en: (p) => `The campaign file “${s(p.path)}” is invalid:` },
  'cli.notRoster': {
    zh: (p) => `「${s(p.name)}」不在名册中。${s(p.near)}名册：${s(p.campaign)}。`,
    en: (p) => `“${s(p.name)}” is not in the roster.${s(p.near)} Roster: ${s(p.campaign)}.`,
  },
  'cli.didYouMeanUnit': { zh: (p) => `是不是「${s(p.name)}」？`, en: (p) => ` Did you mean “${s(p.name)}”?` },
  'cli.notFile': {
    zh: (p) => `「${s(p.file)}」不是文件。${s(p.notAFile)}`,
    en: (p) => `“${s(p.file)}” is not a file. ${s(p.notAFile)}`.trimEnd(),
  },
  'cli.renderOneFile': { zh: () => 'render 一次生成一份报送文件。', en: () => 'render makes one submission at a time.' },
  'cli.doesNotExist2': { zh: (p) => `找不到「${s(p.file)}」。请检查文件名是否写对。`, en: (p) => `“${s(p.file)}” does not exist.` },
  'cli.wrote': { zh: (p) => `已写入 ${s(p.output)}`, en: (p) => `Wrote ${s(p.output)}` },
  'cli.serveNoCheckScans': {
    zh: () => '汇总页面不检查盖章扫描件上的公章（收件箱里照片很多、只想快速看报送情况时使用）',
    en: () => 'do not check the seal on stamped scans in the roll call (a folder with many photos)',
  },
  'path.spaced': {
    zh: (p) =>
      `找不到「${s(p.arg)}」，但「${s(p.path)}」存在：文件名里有空格，命令行把空格当作分隔。请给路径加上引号再运行：\n  ${s(p.command)}`,
    en: (p) =>
      `“${s(p.arg)}” does not exist, but “${s(p.path)}” does: the name has spaces, which separate arguments. Quote the path:\n  ${s(p.command)}`,
  },
  'progress.reading': { zh: () => '读取', en: () => 'Reading' },
  'progress.fetching': { zh: () => '收取', en: () => 'Fetching' },
  // writing outputs (core/io.ts): refusals and file-system errors in plain words, with what to do
  'io.isFolder': {
    zh: (p) => `「${s(p.path)}」是一个文件夹，请指定要写入的文件名。`,
    en: (p) => `${s(p.path)} is a folder; name a file to write.`,
  },
  'io.exists': {
    zh: (p) => `文件「${s(p.path)}」已存在，未覆盖。如需覆盖请加 --force，或用 -o 指定其他位置。`,
    en: (p) => `${s(p.path)} already exists. Use --force to overwrite it, or -o to write elsewhere.`,
  },
  'io.cannotMakeFolder': {
    zh: (p) => `无法建立「${s(p.folder)}」文件夹（${s(p.reason)}）。请换一个输出位置（-o）。`,
    en: (p) => `Cannot create the folder ${s(p.folder)} (${s(p.code)}): a file of that name may be in the way, or there is no permission.`,
  },
  'io.reason.fileInTheWay': { zh: () => '同名的文件挡住了', en: () => 'a file of that name is in the way' },
  'io.reason.full': { zh: () => '磁盘已满，空间不足', en: () => 'the disk is full' },
  'io.reason.quota': { zh: () => '超出磁盘配额', en: () => 'the disk quota is exceeded' },
  'io.reason.permission': { zh: () => '没有写入权限', en: () => 'no permission to write there' },
  'io.reason.readOnly': { zh: () => '磁盘是只读的，没有写入权限', en: () => 'the disk is read-only' },
  'io.reason.io': { zh: () => '读写出错，磁盘或网络盘可能有故障', en: () => 'a read/write error on the disk' },
  'io.advice.space': {
    zh: () => '请清理磁盘、腾出空间后重试，或用 -o 写到其他磁盘或文件夹。',
    en: () => 'Free some space and try again, or use -o to write to another disk or folder.',
  },
  'io.advice.permission': { zh: () => '请用 -o 换一个可以写入的文件夹。', en: () => 'Use -o to write to a folder you can write to.' },
  'io.advice.retry': { zh: () => '请重试，或用 -o 换一个输出位置。', en: () => 'Try again, or use -o to write elsewhere.' },
  'io.cannotWrite': {
    zh: (p) =>
      `无法在「${s(p.folder)}」中写入「${s(p.name)}」：${s(p.reason)}（${s(p.code)}）。文件未写入，写了一半的临时文件已删除，原有文件保持不变。${s(p.advice)}`,
    en: (p) =>
      `Cannot write ${s(p.name)} in ${s(p.folder)}: ${s(p.reason)} (${s(p.code)}). Nothing was written; the partial file was removed and any existing file is unchanged. ${s(p.advice)}`,
  },
  'io.cannotWriteBatch': {
    zh: (p) =>
      `无法在「${s(p.folder)}」中写入「${s(p.name)}」：${s(p.reason)}（${s(p.code)}）。本次的文件均未写入，写了一半的临时文件已删除，原有文件保持不变。${s(p.advice)}`,
    en: (p) =>
      `Cannot write ${s(p.name)} in ${s(p.folder)}: ${s(p.reason)} (${s(p.code)}). None of the files was written; the partial file was removed and any existing file is unchanged. ${s(p.advice)}`,
  },
  'io.written': { zh: (p) => `\n已写入：\n${s(p.list)}`, en: (p) => `\nWritten:\n${s(p.list)}` },
  'io.cannotRename': {
    zh: (p) =>
      `无法把「${s(p.path)}」存到位：${s(p.reason)}（${s(p.code)}）。${s(p.written)}\n未写入（原有文件保持不变）：\n${s(p.notWritten)}\n${s(p.advice)}`,
    en: (p) =>
      `Cannot put ${s(p.path)} in place: ${s(p.reason)} (${s(p.code)}).${s(p.written)}\nNot written (any existing file unchanged):\n${s(p.notWritten)}\n${s(p.advice)}`,
  },
} satisfies Record<string, Entry>;

export type CliCode = keyof typeof CLI_MESSAGES;

/**
 * A sentence of this part alone. `cli.ts` and `core/io.ts` use it so that starting the tool (help, a
 * usage error) does not load the whole catalogue: each subcommand's bundle brings the rest.
 */
export const sayCli = (lang: Lang, code: CliCode, params?: Params): string => (CLI_MESSAGES[code] as Entry)[lang](params ?? {});
