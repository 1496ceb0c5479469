/**
 * The message catalogue: every sentence a user reads about their data, in Chinese and English.
 * Each entry says where the problem is (the report adds file, line and label) and what to do.
 * Tests assert the codes; the sentences may be polished without touching them.
 */

import { s, type Entry, type Lang, type Params } from './messages/kit.js';
import { CLI_MESSAGES } from './messages/cli.js';
import { FILL_MESSAGES } from './messages/fill.js';
import { RENDER_MESSAGES } from './messages/render.js';
import { ROLL_MESSAGES } from './messages/roll.js';
import { CAMPAIGN_MESSAGES } from './messages/campaign.js';
import { REPORT_MESSAGES } from './messages/report.js';

export type { Lang, Params } from './messages/kit.js';

/** What a file's first bytes say it is (read/decode.ts sniffs the kind), in words. */
const KINDS: Record<string, readonly [string, string]> = {
  zip: [' ZIP 压缩包或 Office 文档（docx/xlsx）', 'a ZIP archive or an Office document (docx/xlsx)'],
  pdf: [' PDF 文件', 'a PDF file'],
  ole: ['旧版 Office 文档（doc/xls）', 'an old Office document (doc/xls)'],
  jpeg: [' JPEG 图片', 'a JPEG picture'],
  png: [' PNG 图片', 'a PNG picture'],
  gif: [' GIF 图片', 'a GIF picture'],
  rar: [' RAR 压缩包', 'a RAR archive'],
  '7z': [' 7z 压缩包', 'a 7z archive'],
};

/** A format named in a sentence: DOCX, XLSX … as they are; a file inside an archive in words. */
const formatWord = (format: string | number | undefined, lang: Lang): string =>
  format === 'archiveEntry'
    ? lang === 'zh'
      ? '压缩包中的文件'
      : 'file inside the archive'
    : lang === 'zh'
      ? s(format)
      : `${s(format)} file`;

/** The first `p.listed` items of a list passed as numbered parameters, each worded by `item(k)`. */
const listedVersions = (p: Params, item: (k: number) => string, separator: string): string =>
  Array.from({ length: Math.max(0, Number(p.listed) || 0) }, (_, k) => item(k)).join(separator);

const DATA_MESSAGES = {
  // ── files ────────────────────────────────────────────────────────────────
  'file.empty': {
    zh: () => '文件是空的。请用 `lifelong-week template --format yaml` 生成模板后填写。',
    en: () => 'The file is empty. Generate a template with `lifelong-week template --format yaml` and fill it in.',
  },
  'file.emptyDocument': {
    zh: () => '文件是空的（0 字节），可能上传或复制没有完成。请让报送单位重新发送。',
    en: () => 'The file is empty (0 bytes); the upload or copy may have failed. Ask for it again.',
  },
  'file.binary': {
    zh: (p) => `这不是文本文件（看起来是${KINDS[s(p.kind)]?.[0] ?? '二进制内容'}），无法按 ${s(p.format)} 读取。请确认文件扩展名是否正确。`,
    en: (p) =>
      `This is not a text file (looks like ${KINDS[s(p.kind)]?.[1] ?? 'binary data'}); it cannot be read as ${s(p.format)}. Check the file extension.`,
  },
  'file.outOfMemory': {
    zh: (p) =>
      `读这个文件所需的内存超过了 ${s(p.limit)} MB 的上限，已停止读取（其余文件照常检查）。文件可能已损坏或是特意构造的；请让报送单位重新导出后再发送。内存充足的电脑可用环境变量 LIFELONG_WEEK_WORKER_MB 调高上限。`,
    en: (p) =>
      `Reading this file needed more than the ${s(p.limit)} MB memory limit; it was stopped (the other files are checked as usual). It may be damaged or crafted: ask the sender to export it again. LIFELONG_WEEK_WORKER_MB raises the limit on a machine with more memory.`,
  },
  'file.tooLarge': {
    zh: (p) => `文件过大（${s(p.size)}），超过 ${s(p.limit)} 的上限，已拒绝读取。一份统计表不会这么大，请检查是否选错了文件。`,
    en: (p) => `The file is too large (${s(p.size)}, limit ${s(p.limit)}) and was not read. Check that this is the right file.`,
  },
  'file.unsupported': {
    zh: (p) =>
      `不是能读取的格式（${s(p.ext) || '无扩展名'}），未检查。能读取的有：YAML/JSON、Word（.docx、.doc）、Excel（.xlsx）、PDF、邮件（.eml）、zip 压缩包和图片。`,
    en: (p) =>
      `Not a readable format (${s(p.ext) || 'no extension'}); not checked. Readable: YAML/JSON, Word (.docx, .doc), Excel (.xlsx), PDF, mail (.eml), zip and images.`,
  },
  'file.note': {
    zh: (p) => `说明或笔记类文件（${s(p.ext)}），不是统计表，未检查。`,
    en: (p) => `A note (${s(p.ext)}), not the form; not checked.`,
  },
  'file.hidden': {
    zh: () => '系统或临时文件（以「.」或「~$」开头），未检查。',
    en: () => 'A system or temporary file (starts with “.” or “~$”); not checked.',
  },
  'file.corrupt': {
    zh: (p) => `${formatWord(p.format, 'zh')} 文件已损坏或不完整，无法打开。请让报送单位重新发送。`,
    en: (p) => `The ${formatWord(p.format, 'en')} is damaged or incomplete. Ask the sender to send it again.`,
  },
  'file.corruptMail': {
    zh: () => '邮件文件已损坏或不完整，无法打开。请让报送单位重新发送。',
    en: () => 'The mail file is damaged or incomplete. Ask the sender to send it again.',
  },
  'file.zipBomb': {
    zh: (p) => `${formatWord(p.format, 'zh')} 文件解压后异常巨大（疑似“压缩炸弹”），为保护电脑已拒绝读取。请让报送单位重新保存后再发送。`,
    en: (p) => `The ${formatWord(p.format, 'en')} inflates to an abnormal size (a zip bomb?); it was refused.`,
  },
  'file.unsafeXml': {
    zh: (p) => `${s(p.format)} 文件内部含有不允许的 XML 声明（DOCTYPE），为安全起见已拒绝读取。`,
    en: (p) => `The ${s(p.format)} file contains a DOCTYPE declaration; refused for safety.`,
  },
  'file.noFormTable': {
    zh: () => '这个 Word 文件里没有统计表的表格（可能是工作方案、总结或其他材料），没有读取数据。',
    en: () => 'This Word file has no statistics table (a plan, a summary or something else); no data was read.',
  },
  'file.notOurPdf': {
    zh: () => '这个 PDF 不是本工具生成的统计表（可能是盖章扫描件），其中没有可读取的数据。',
    en: () => 'This PDF was not made by this tool (perhaps a stamped scan); it holds no readable data.',
  },
  'own.blankTemplate': {
    zh: () => '这是一份空白模板，还没有填写内容。',
    en: () => 'This is a blank template; nothing has been filled in.',
  },
  'own.staleCopy': {
    zh: () => '表格中的内容已被修改，与文件内嵌的数据不一致；以表格中看到的内容为准。',
    en: () => 'The table was edited after the file was made; what the table shows is used.',
  },
  'file.archiveUnsupported': {
    zh: (p) => `${s(p.ext)} 压缩包无法打开（需要额外软件）。请联系报送单位改用 zip 压缩包，或直接发送文件。`,
    en: (p) => `${s(p.ext)} archives cannot be opened here. Ask the sender for a zip or the files themselves.`,
  },
  'file.needsLibreOffice': {
    zh: (p) =>
      `这种格式需要 LibreOffice 才能读取（本机没有安装）。请让报送单位另存为 ${s(p.ask)} 后重新发送，或在装有 LibreOffice 的电脑上检查。`,
    en: (p) => `This format needs LibreOffice, which is not installed here. Ask for a ${s(p.ask)} file.`,
  },
  'zip.unsafeName': {
    zh: () => '压缩包中的这个文件名试图指向压缩包以外的位置（如「../」或绝对路径），为安全起见没有解压。',
    en: () => 'This entry name points outside the archive (“../” or an absolute path); not extracted.',
  },
  'zip.encrypted': {
    zh: () => '压缩包中的这个文件设置了密码，无法读取。请让报送单位发送不加密的文件。',
    en: () => 'This entry is password-protected and cannot be read.',
  },
  'mail.notMail': {
    zh: () => '这不是一封可以读取的邮件（.eml）。',
    en: () => 'This is not a readable mail (.eml).',
  },
  'mail.noDate': {
    zh: (p) => `邮件没有可识别的发送时间${p.header ? `（「${s(p.header)}」）` : ''}，按文件时间判断是否逾期。`,
    en: (p) => `The mail has no readable Date${p.header ? ` (“${s(p.header)}”)` : ''}; the file time is used for lateness.`,
  },
  'mail.noAttachments': {
    zh: () => '邮件没有附件。',
    en: () => 'The mail has no attachments.',
  },
  'mail.omitted': {
    zh: () => '邮件附件过多或过大，这个附件没有读取。',
    en: () => 'Too many or too large attachments; this one was not read.',
  },
  'file.tooDeep': {
    zh: () => '邮件或压缩包层层嵌套过深，里面的内容没有继续读取。',
    en: () => 'Mails or archives are nested too deeply; the inner ones were not read.',
  },
  'inbox.superseded': {
    zh: (p) => `${s(p.unit)}另有更晚的报送「${s(p.by)}」，本文件已被取代，未计入。`,
    en: (p) => `${s(p.unit)} sent a later version (“${s(p.by)}”); this one is superseded.`,
  },
  'inbox.late': {
    zh: (p) => `收到时间 ${s(p.at)} 晚于截止时间 ${s(p.deadline)}，属逾期报送。`,
    en: (p) => `Received ${s(p.at)}, after the deadline ${s(p.deadline)}: late.`,
  },
  'inbox.noUnit': {
    zh: () => '无法判断是哪个单位报送的（内容、文件名、邮件主题和发件人都没有写明名册中的单位）。',
    en: () => 'Cannot tell which unit sent this (nothing names a roster unit).',
  },
  'file.readFailed': {
    zh: (p) => `无法读取：${FS_REASONS_ZH[s(p.reason)] ?? `系统错误 ${s(p.reason)}`}。`,
    en: (p) => `Could not read it: ${FS_REASONS_EN[s(p.reason)] ?? `system error ${s(p.reason)}`}.`,
  },
  'file.brokenLink': {
    zh: () => '这是一个快捷方式（符号链接），它指向的文件已不存在。',
    en: () => 'A symbolic link whose target no longer exists.',
  },
  'file.folderLink': {
    zh: () => '这是指向另一个文件夹的快捷方式（符号链接），没有进入检查；如需检查请直接指定那个文件夹。',
    en: () => 'A symbolic link to a folder; not followed. Name that folder directly to check it.',
  },
  'file.duplicate': {
    zh: (p) => `与「${s(p.of)}」是同一个文件（快捷方式或重复指定），只检查一次。`,
    en: (p) => `The same file as “${s(p.of)}” (a link or named twice); checked once.`,
  },
  // ── syntax ───────────────────────────────────────────────────────────────
  'yaml.syntax': {
    zh: (p) => `YAML 格式错误：${s(p.detail)}。请检查这一行的缩进、冒号（用半角「:」且后面留一个空格）和引号。`,
    en: (p) => `YAML syntax error: ${s(p.detail)}. Check the indentation, the colon (“: ”) and quotes on this line.`,
  },
  'yaml.unclosedQuote': {
    zh: (p) => `这一行的引号 ${s(p.quote)} 没有配对：开头有引号，结尾没有。请在内容末尾补上 ${s(p.quote)}，或去掉开头的引号。`,
    en: (p) => `The quote ${s(p.quote)} on this line is never closed. Close it or remove it.`,
  },
  'yaml.quoteFixed': {
    zh: (p) => `这一行开头的引号 ${s(p.quote)} 没有配对，已去掉它按原文读取。`,
    en: (p) => `The opening quote ${s(p.quote)} is never closed; it was dropped and the text read as typed.`,
  },
  'yaml.badIndent': {
    zh: () => '缩进不对：同一组里的各项要用同样多的空格缩进（模板里是两个空格），且「项目: 内容」要写在同一行。',
    en: () => 'Bad indentation: items of one group must be indented alike, each “label: value” on one line.',
  },
  'yaml.tabFixed': {
    zh: () => '这一行用 Tab 键缩进，已按两个空格读取。YAML 只认空格，建议改为空格。',
    en: () => 'This line is indented with a Tab; read as two spaces. Use spaces.',
  },
  'yaml.colonFixed': {
    zh: (p) => `「${s(p.key)}」后面的冒号应为半角「:」并留一个空格，已按此读取。`,
    en: (p) => `After “${s(p.key)}” write a half-width colon and a space (“: ”); read as such.`,
  },
  'yaml.colonMissing': {
    zh: (p) => `「${s(p.key)}」后面缺少冒号，已按「${s(p.key)}: 内容」读取。`,
    en: (p) => `No colon after “${s(p.key)}”; read as “${s(p.key)}: value”.`,
  },
  'yaml.hashKept': {
    zh: (p) => `「${s(p.key)}」的内容中有「#」，已连同后面的文字一起读取（在 YAML 中「 #」后面通常是注释）。如果那是注释，请另起一行写。`,
    en: (p) => `The value of “${s(p.key)}” contains “#”; the text after it was kept (YAML would treat it as a comment).`,
  },
  'yaml.noColon': {
    zh: (p) =>
      `这一行「${s(p.text)}」不是「项目: 内容」的格式。如果是上一项内容的续行，请在上一项冒号后写「|」并把各行缩进；如果是说明文字，请在行首加「#」。`,
    en: (p) => `The line “${s(p.text)}” is not “label: value”. Indent it under the previous item with “|”, or start it with “#”.`,
  },
  'yaml.multipleDocuments': {
    zh: () => '文件里有多个 YAML 文档（用「---」分隔）。一个文件只填一份统计表。',
    en: () => 'The file holds several YAML documents (separated by “---”). Put one form per file.',
  },
  'yaml.aliasBomb': {
    zh: () => '文件中的 YAML 别名（& 与 *）展开后过大，已拒绝读取。统计表不需要使用别名，请直接填写内容。',
    en: () => 'The YAML aliases (& and *) expand too far; the file was rejected. The form needs no aliases.',
  },
  'json.syntax': {
    zh: (p) => `JSON 格式错误：${s(p.detail)}。请检查逗号、引号和括号是否成对。`,
    en: (p) => `JSON syntax error: ${s(p.detail)}. Check commas, quotes and brackets.`,
  },
  'doc.notMapping': {
    zh: () => '文件内容应是「项目名称: 填写内容」的形式，每行一项。请参照模板填写。',
    en: () => 'The file should hold “label: value” lines. Follow the template.',
  },
  // ── keys ─────────────────────────────────────────────────────────────────
  'key.unknown': {
    zh: (p) => `统计表中没有「${s(p.key)}」这一项。${p.suggestion ? `是不是「${s(p.suggestion)}」？` : `可填写的项目见模板。`}`,
    en: (p) =>
      `The form has no item “${s(p.key)}”.${p.suggestion ? ` Did you mean “${s(p.suggestion)}”?` : ' See the template for the items.'}`,
  },
  'key.duplicate': {
    zh: (p) => `「${s(p.label)}」填写了两次（另一处在第 ${s(p.otherLine)} 行）。请只保留一处。`,
    en: (p) => `“${s(p.label)}” is given twice (also on line ${s(p.otherLine)}). Keep one.`,
  },
  'key.outsideGroup': {
    zh: (p) => `「${s(p.label)}」应写在「${s(p.group)}」下面（缩进两格）。已按「${s(p.group)}」读取。`,
    en: (p) => `“${s(p.label)}” belongs under “${s(p.group)}”; read as such.`,
  },
  'key.notText': {
    zh: () => '项目名称应是文字。',
    en: () => 'Item names must be text.',
  },
  'grid.unknownLabel': {
    zh: (p) =>
      `表格中的「${s(p.text)}」不是统计表上的项目，这一行没有读取。${p.suggestion ? `是不是「${s(p.suggestion)}」？` : '请按统计表原样填写项目名称。'}`,
    en: (p) =>
      `“${s(p.text)}” in the table is not an item of the form; the row was not read.${p.suggestion ? ` Did you mean “${s(p.suggestion)}”?` : ''}`,
  },
  'group.valueBeforeItems': {
    zh: (p) => `「${s(p.group)}」是分组名称，冒号后不应填写内容（「${s(p.value)}」没有读取）；请把内容填到下面相应的项目中。`,
    en: (p) => `“${s(p.group)}” is a group: nothing goes after its colon (“${s(p.value)}” was not read).`,
  },
  'grid.labelGuessed': {
    zh: (p) => `表格中的项目名「${s(p.text)}」与统计表不完全一致，已按「${s(p.label)}」读取，请核对。`,
    en: (p) => `The table’s label “${s(p.text)}” differs from the form; read as “${s(p.label)}”.`,
  },
  'group.notMapping': {
    zh: (p) => `「${s(p.group)}」下面应逐项填写（每项一行，缩进两格），而不是直接写内容。`,
    en: (p) => `Under “${s(p.group)}”, give each item on its own indented line.`,
  },
  // ── values ───────────────────────────────────────────────────────────────
  required: {
    zh: (p) => `「${s(p.label)}」未填写。${s(p.hint)}${p.example ? `，例如：${s(p.example).replace(/[。.]$/, '')}` : ''}。`,
    en: (p) => `“${s(p.label)}” is missing. ${s(p.hintEn || p.hint)}${p.example ? `, e.g. ${s(p.example).replace(/[。.]$/, '')}` : ''}.`,
  },
  'value.notText': {
    zh: () => '这里应填写一段文字，而不是列表或分项。',
    en: () => 'This should be text, not a list or a mapping.',
  },
  'default.used': {
    zh: (p) => `未填写，已使用默认值「${s(p.value)}」。如不对请补填。`,
    en: (p) => `Not given; the default “${s(p.value)}” was used. Fill it in if that is wrong.`,
  },
  'year.invalid': {
    zh: (p) => `「${s(p.text)}」不是年份。请填写四位数年份，如 ${s(p.year)}。`,
    en: (p) => `“${s(p.text)}” is not a year. Write four digits, e.g. ${s(p.year)}.`,
  },
  'year.mismatch': {
    zh: (p) => `年度「${s(p.value)}」与本次活动周（${s(p.year)} 年）不符。请改为 ${s(p.year)}，或确认用的是本年度的模板。`,
    en: (p) => `Year ${s(p.value)} does not match this campaign (${s(p.year)}).`,
  },
  'count.invalid': {
    zh: (p) => `「${s(p.text)}」不是一个数量。请填写整数，如「36」或「1.2万」。`,
    en: (p) => `“${s(p.text)}” is not a count. Write a whole number, e.g. 36 or “1.2万”.`,
  },
  'count.vague': {
    zh: (p) => `「${s(p.text)}」不是具体数字。请填写统计到的实际数量。`,
    en: (p) => `“${s(p.text)}” is not a number. Give the actual count.`,
  },
  'count.approximate': {
    zh: (p) => `「${s(p.text)}」是约数，已按 ${s(p.value)} 计算。如有准确数字，请改填准确数字。`,
    en: (p) => `“${s(p.text)}” is approximate; read as ${s(p.value)}. Give the exact figure if you have it.`,
  },
  'count.negative': {
    zh: (p) => `数量不能为负数（「${s(p.text)}」）。`,
    en: (p) => `A count cannot be negative (“${s(p.text)}”).`,
  },
  'count.fraction': {
    zh: (p) => `「${s(p.text)}」不是整数。活动数和人数应填整数。`,
    en: (p) => `“${s(p.text)}” is not a whole number.`,
  },
  'count.rounded': {
    zh: (p) => `「${s(p.text)}」换算后不是整数，已取整为 ${s(p.value)}。`,
    en: (p) => `“${s(p.text)}” is not whole; rounded to ${s(p.value)}.`,
  },
  'percent.invalid': {
    zh: (p) => `「${s(p.text)}」不是百分比。请填写 0 到 100 之间的数，如「98%」。`,
    en: (p) => `“${s(p.text)}” is not a percentage. Write a number from 0 to 100, e.g. 98%.`,
  },
  'percent.outOfRange': {
    zh: (p) => `满意度「${s(p.text)}」超出 0–100% 的范围。`,
    en: (p) => `“${s(p.text)}” is outside 0–100%.`,
  },
  'percent.fraction': {
    zh: (p) => `「${s(p.text)}」像是小数写法，已按 ${s(p.value)}% 读取。请直接写百分数，如「${s(p.value)}%」。`,
    en: (p) => `“${s(p.text)}” looks like a fraction; read as ${s(p.value)}%. Write it as a percentage.`,
  },
  'percent.approximate': {
    zh: (p) => `「${s(p.text)}」不是确切数值，已按 ${s(p.value)}% 读取。`,
    en: (p) => `“${s(p.text)}” is not exact; read as ${s(p.value)}%.`,
  },
  'percent.low': {
    zh: (p) => `群众满意度只有 ${s(p.value)}%，请核对是否填错。`,
    en: (p) => `Satisfaction is only ${s(p.value)}%; please check.`,
  },
  'date.invalid': {
    zh: (p) => `无法识别「${s(p.text)}」中的日期。请写成「${s(p.year)}年11月15日至11月21日」这样的起止日期。`,
    en: (p) => `Cannot read the dates in “${s(p.text)}”. Write e.g. ${s(p.year)}-11-15 ~ ${s(p.year)}-11-21.`,
  },
  'date.vague': {
    zh: (p) => `「${s(p.text)}」不是具体日期。请写明起止日期，如「${s(p.year)}年11月15日至11月21日」。`,
    en: (p) => `“${s(p.text)}” is not an exact date. Give start and end dates.`,
  },
  'date.notReal': {
    zh: (p) => `日期「${s(p.date)}」不存在，请核对月份和日期。`,
    en: (p) => `The date ${s(p.date)} does not exist.`,
  },
  'date.endBeforeStart': {
    zh: (p) => `结束日期 ${s(p.end)} 早于开始日期 ${s(p.start)}，请核对。`,
    en: (p) => `The end date ${s(p.end)} is before the start date ${s(p.start)}.`,
  },
  'date.outsideWindow': {
    zh: (p) => `活动时间 ${s(p.start)} 至 ${s(p.end)} 不在本届活动周期间（${s(p.windowStart)} 至 ${s(p.windowEnd)}）内，请核对。`,
    en: (p) => `The period ${s(p.start)}–${s(p.end)} is outside the campaign window (${s(p.windowStart)}–${s(p.windowEnd)}).`,
  },
  'date.afterDeadline': {
    zh: (p) => `活动结束日期 ${s(p.end)} 晚于报送截止日期 ${s(p.deadline)}，请核对。`,
    en: (p) => `The end date ${s(p.end)} is after the reporting deadline ${s(p.deadline)}.`,
  },
  'unit.unknown': {
    zh: (p) => `「${s(p.text)}」不在本次报送名册中。${p.suggestion ? `是不是「${s(p.suggestion)}」？` : ''}名册中的单位：${s(p.roster)}。`,
    en: (p) => `“${s(p.text)}” is not in the roster.${p.suggestion ? ` Did you mean “${s(p.suggestion)}”?` : ''} Roster: ${s(p.roster)}.`,
  },
  'department.otherUnit': {
    zh: (p) => `盖章单位「${s(p.department)}」看起来属于「${s(p.other)}」，而举办县区是「${s(p.district)}」，请核对。`,
    en: (p) => `The stamping body “${s(p.department)}” seems to belong to ${s(p.other)}, but the unit is ${s(p.district)}.`,
  },
  'contacts.noPhone': {
    zh: (p) => `联系人「${s(p.name)}」没有电话。请在姓名后写上手机号或带区号的座机号。`,
    en: (p) => `Contact “${s(p.name)}” has no phone number.`,
  },
  'contacts.noName': {
    zh: (p) => `电话 ${s(p.phone)} 前没有联系人姓名。请写成「姓名 电话」。`,
    en: (p) => `Phone ${s(p.phone)} has no contact name before it.`,
  },
  'contacts.badPhone': {
    zh: (p) => `「${s(p.phone)}」不是有效的电话号码。手机号为 11 位（1 开头），座机请带区号，如「0791-86771234」。`,
    en: (p) => `“${s(p.phone)}” is not a valid phone number: 11-digit mobile, or a landline with area code (0791-86771234).`,
  },
  // The contacts as read, echoed under the answer (fill and the browser form).
  'fill.contactsShown': { zh: (p) => `${s(p.count)} 位联系人：${s(p.shown)}`, en: (p) => `${s(p.count)} contacts: ${s(p.shown)}` },
  'contacts.invalid': {
    zh: () => '联系人应写成「姓名 电话」，多人用「；」分隔，或按模板逐人填写姓名和电话。',
    en: () => 'Write contacts as “name phone”, separated by “；”, or as a list of “姓名”/“电话”.',
  },
  'participants.belowActivities': {
    zh: (p) => `参加活动人数（${s(p.participants)}）少于活动数量（${s(p.activities)}），平均每场不到 1 人，请核对。`,
    en: (p) => `Participants (${s(p.participants)}) are fewer than activities (${s(p.activities)}).`,
  },
  'participants.implausible': {
    zh: (p) => `参加活动人数 ${s(p.participants)} 人次超过一个县区的人口规模（${s(p.limit)}），请核对是否多写了位数。`,
    en: (p) => `${s(p.participants)} participants exceeds a county’s population order (${s(p.limit)}). Check the digits.`,
  },
  'participants.perActivity': {
    zh: (p) => `平均每场活动 ${s(p.average)} 人次，明显偏高，请核对活动数量和参加人数。`,
    en: (p) => `${s(p.average)} participants per activity is implausibly high.`,
  },
  internal: {
    zh: (p) => `程序内部错误（这是本工具的缺陷，请把此文件发给维护人员）：${s(p.detail)}`,
    en: (p) => `Internal error (a bug in this tool; please report it with this file): ${s(p.detail)}`,
  },

  // ── fetch and remind (the mailbox) ───────────────────────────────────────
  'mailbox.noHost': {
    zh: () => '不知道要连接哪台邮件服务器。请用 --imap 指定（如 --imap imap.163.com），或在活动配置的 mailbox: 中写上 host。',
    en: () => 'No mail server known. Give one with --imap (e.g. --imap imap.163.com) or as host under mailbox: in the campaign.',
  },
  'mailbox.noSmtpHost': {
    zh: () => '不知道用哪台服务器发信。请用 --smtp 指定（如 --smtp smtp.163.com），或在活动配置 mailbox: 的 smtp: 中写上 host。',
    en: () => 'No SMTP server known. Give one with --smtp (e.g. --smtp smtp.163.com) or under mailbox.smtp in the campaign.',
  },
  'mailbox.badHost': {
    zh: (p) => `「${s(p.text)}」不是有效的服务器地址。请写成「服务器名」或「服务器名:端口」，如 imap.163.com 或 imap.163.com:993。`,
    en: (p) => `“${s(p.text)}” is not a server address. Write HOST or HOST:PORT, e.g. imap.163.com:993.`,
  },
  'mailbox.badDate': {
    zh: (p) => `${s(p.option)} 后面的日期「${s(p.text)}」看不懂。请写成 YYYY-MM-DD，如 2023-11-01。`,
    en: (p) => `The date “${s(p.text)}” after ${s(p.option)} is not a date. Write YYYY-MM-DD, e.g. 2023-11-01.`,
  },
  'mailbox.untilBeforeSince': {
    zh: (p) => `--until ${s(p.until)} 早于开始日期 ${s(p.since)}，这样一封邮件也收不到。请检查日期。`,
    en: (p) => `--until ${s(p.until)} is before the start ${s(p.since)}: nothing could match.`,
  },
  'mailbox.badTimeout': {
    zh: (p) => `--timeout 后面应是秒数（如 30），收到「${s(p.text)}」。`,
    en: (p) => `--timeout takes seconds (e.g. 30), not “${s(p.text)}”.`,
  },
  'mailbox.folderIsFile': {
    zh: (p) => `「${s(p.folder)}」是一个文件，不是文件夹。请指定收件箱文件夹，如 lifelong-week fetch 收件箱/。`,
    en: (p) => `“${s(p.folder)}” is a file; name the inbox folder.`,
  },
  'mailbox.folderFailed': {
    zh: (p) => `无法建立文件夹「${s(p.folder)}」（${s(p.code)}）。请换一个位置。`,
    en: (p) => `Cannot create the folder “${s(p.folder)}” (${s(p.code)}).`,
  },
  'mailbox.noPassword': {
    zh: (p) =>
      `需要邮箱 ${s(p.user)} 的密码（163、126、QQ 邮箱请用「授权码」，不是网页登录密码）。请在终端窗口中运行本命令以便输入（输入时不显示），或先设置环境变量 ${s(p.env)}。`,
    en: (p) =>
      `The password (for 163/126/QQ: the client authorisation code) of ${s(p.user)} is needed. Run this in a terminal to type it, or set ${s(p.env)}.`,
  },
  'mailbox.passwordPrompt': {
    zh: (p) => `请输入邮箱 ${s(p.user)} 的密码或授权码（不显示）：`,
    en: (p) => `Password or authorisation code for ${s(p.user)} (hidden):`,
  },
  'mailbox.insecureWarning': {
    zh: (p) =>
      `警告：已按 --insecure 关闭证书检查，无法确认「${s(p.host)}」就是真正的邮件服务器。只在您信任的网络里、确认服务器可信时这样做。`,
    en: (p) =>
      `Warning: --insecure turns certificate checks off; nothing proves “${s(p.host)}” is the real server. Use it only on a network you trust.`,
  },
  'mailbox.hostNotFound': {
    zh: (p) => `找不到邮件服务器「${s(p.host)}」。请检查服务器地址是否写对（如 imap.163.com、smtp.163.com），以及电脑能否上网。`,
    en: (p) => `The mail server “${s(p.host)}” was not found. Check the address (e.g. imap.163.com) and the network.`,
  },
  'mailbox.refused': {
    zh: (p) =>
      `${s(p.host)} 的 ${s(p.port)} 端口拒绝连接。请检查端口：${p.protocol === 'smtp' ? '发信一般用 465（加密）；587 或 25 端口请加 --starttls' : '收信一般用 993（加密）；143 端口请加 --starttls'}。`,
    en: (p) =>
      `${s(p.host)} refused a connection on port ${s(p.port)}. Check the port: ${p.protocol === 'smtp' ? '465 (TLS), or 587/25 with --starttls' : '993 (TLS), or 143 with --starttls'}.`,
  },
  'mailbox.tlsMismatch': {
    zh: (p) =>
      `与 ${s(p.host)}:${s(p.port)} 建立加密连接失败，端口和加密方式可能不匹配：${p.protocol === 'smtp' ? '465 端口直接加密，587 或 25 端口请加 --starttls' : '993 端口直接加密，143 端口请加 --starttls'}。`,
    en: (p) =>
      `The encrypted connection to ${s(p.host)}:${s(p.port)} failed; the port and --starttls may not match (${p.protocol === 'smtp' ? '465 TLS; 587/25 STARTTLS' : '993 TLS; 143 STARTTLS'}).`,
  },
  'mailbox.badCert': {
    zh: (p) =>
      `服务器「${s(p.host)}」的安全证书没有通过检查（${s(p.reason)}），为安全起见没有继续。可能是服务器地址写错了、网络被拦截，或服务器用的是自签名证书。请先核对服务器地址；只有确认服务器可信时，才可以加 --insecure 跳过检查。`,
    en: (p) =>
      `The certificate of “${s(p.host)}” was refused (${s(p.reason)}). Check the address; add --insecure only if you trust the server.`,
  },
  'mailbox.authFailed': {
    zh: (p) =>
      `邮箱 ${s(p.user)} 登录被拒绝：用户名或密码不对。${p.authCode ? '163、126、yeah.net 和 QQ 邮箱在这里要用「授权码」，不是网页登录密码：请在网页邮箱的「设置 › POP3/SMTP/IMAP」中开启 IMAP/SMTP 服务并获取授权码。' : '请核对登录名（--user）和密码；有的邮箱要先在网页上开启 IMAP/SMTP 服务。'}然后重新运行并输入，或重新设置环境变量 LIFELONG_WEEK_IMAP_PASSWORD。`,
    en: (p) =>
      `Login to ${s(p.user)} was refused: wrong user or password.${p.authCode ? ' 163, 126, yeah.net and QQ mail want the client authorisation code (“授权码”), not the web password: switch IMAP/SMTP on in the web mail settings and get one.' : ' Check --user and the password; some providers need IMAP/SMTP switched on first.'}`,
  },
  'mailbox.unsafeLogin': {
    zh: (p) =>
      `服务器 ${s(p.host)} 拒绝打开邮件夹（Unsafe Login）。请在网页邮箱「设置 › POP3/SMTP/IMAP」中确认 IMAP 服务已开启，稍后再试；仍不行请联系邮箱客服。`,
    en: (p) =>
      `${s(p.host)} refused to open the folder (Unsafe Login). Check that IMAP is switched on in the web mail settings and try again later.`,
  },
  'mailbox.timeout': {
    zh: (p) =>
      `连接 ${s(p.host)}:${s(p.port)} 超时（${s(p.seconds)} 秒没有回应）。请检查网络、服务器地址和端口，稍后再试；网络慢时可加 --timeout 60。`,
    en: (p) =>
      `${s(p.host)}:${s(p.port)} did not answer within ${s(p.seconds)} s. Check the network, address and port; on a slow line try --timeout 60.`,
  },
  'mailbox.dropped': {
    zh: (p) => `与 ${s(p.host)} 的连接中断了。请检查网络后重新运行。`,
    en: (p) => `The connection to ${s(p.host)} dropped. Check the network and run again.`,
  },
  'mailbox.serverError': {
    zh: (p) => `邮件服务器 ${s(p.host)} 返回错误：${s(p.detail)}。请稍后再试；仍不行请把这条信息发给邮箱管理员。`,
    en: (p) => `The mail server ${s(p.host)} answered with an error: ${s(p.detail)}.`,
  },
  'mailbox.noFolder': {
    zh: (p) =>
      `邮箱里没有「${s(p.name)}」这个文件夹。现有的文件夹：${s(p.list)}。请用 --mailbox 指定其中之一（中文名直接写，如 --mailbox 已发送）。`,
    en: (p) => `There is no folder “${s(p.name)}”. Folders: ${s(p.list)}. Name one with --mailbox.`,
  },
  'mailbox.stateBroken': {
    zh: (p) =>
      `收取记录「${s(p.file)}」无法读取（${s(p.reason)}），没有收取。请把它改名保存一份后删除，再重新运行：已经存在的邮件不会重复保存。`,
    en: (p) =>
      `The fetch state “${s(p.file)}” cannot be read (${s(p.reason)}). Move it aside and run again: mails already saved are not saved twice.`,
  },
  'mailbox.recordBroken': {
    zh: (p) => `「${s(p.file)}」无法读取（${s(p.reason)}），没有收取。请修正这个文件（每行写「文件名: 收到时间」）后重新运行。`,
    en: (p) => `“${s(p.file)}” cannot be read (${s(p.reason)}). Fix it (one “file: time” per line) and run again.`,
  },
  'fetch.summary': {
    zh: (p) =>
      `邮箱 ${s(p.user)} 的「${s(p.mailbox)}」中，${s(p.since)} 起${p.until ? `至 ${s(p.until)}` : ''}共 ${s(p.found)} 封邮件：新收 ${s(p.fresh)} 封，已有 ${s(p.had)} 封，保存在「${s(p.folder)}」。邮箱中的邮件没有任何改动（未读的仍是未读）。`,
    en: (p) =>
      `${s(p.found)} mail(s) in “${s(p.mailbox)}” of ${s(p.user)} since ${s(p.since)}${p.until ? ` until ${s(p.until)}` : ''}: ${s(p.fresh)} new, ${s(p.had)} already saved, in “${s(p.folder)}”. Nothing in the mailbox was changed.`,
  },
  'fetch.fromWhom': { zh: () => '新邮件来自：', en: () => 'New mail from:' },
  'fetch.moreSenders': { zh: (p) => `……另有 ${s(p.n)} 个发件人`, en: (p) => `…and ${s(p.n)} more sender(s)` },
  'fetch.next': {
    zh: (p) => `下一步：lifelong-week validate ${s(p.folder)}    # 按名册核对各单位的报送`,
    en: (p) => `Next: lifelong-week validate ${s(p.folder)}    # check the units against the roster`,
  },
  'fetch.interrupted': {
    zh: (p) => `收取已中断。本次已完整保存 ${s(p.saved)} 封新邮件；重新运行同一命令会接着收取，不会重复。`,
    en: (p) => `Interrupted. ${s(p.saved)} new mail(s) were saved whole; run the same command again to go on.`,
  },
  'fetch.resume': {
    zh: (p) => `本次已完整保存 ${s(p.saved)} 封新邮件；重新运行同一命令会接着收取，不会重复。`,
    en: (p) => `${s(p.saved)} new mail(s) were saved whole; run again to go on.`,
  },
  'fetch.writeFailed': {
    zh: (p) =>
      `无法在「${s(p.folder)}」中保存邮件（${s(p.code) === 'ENOSPC' ? '磁盘已满' : s(p.code) === 'EACCES' || s(p.code) === 'EPERM' ? '没有写入权限' : s(p.code)}）。没有留下写了一半的文件；已完整保存 ${s(p.saved)} 封。腾出空间或换一个文件夹后重新运行，会接着收取。`,
    en: (p) =>
      `Cannot save mail in “${s(p.folder)}” (${s(p.code)}). Nothing half-written is left; ${s(p.saved)} mail(s) were saved. Free space or pick another folder and run again.`,
  },
  'remind.piece.form': { zh: () => '统计表（Word 电子版）', en: () => 'the statistics form (Word file)' },
  'remind.piece.stampedScan': { zh: () => '盖章后的扫描件（PDF）', en: () => 'the stamped scan (PDF)' },
  'remind.piece.workPlan': { zh: () => '活动周工作方案', en: () => 'the work plan' },
  'remind.piece.workSummary': { zh: () => '活动周工作总结', en: () => 'the work summary' },
  'remind.subject.missing': {
    zh: (p) => `【催报】请报送${s(p.year)}年全民终身学习活动周材料（${s(p.unit)}）`,
    en: (p) => `Reminder: please send the ${s(p.year)} lifelong-learning week materials (${s(p.unit)})`,
  },
  'remind.subject.fix': {
    zh: (p) => `【请补正】${s(p.year)}年全民终身学习活动周报送材料（${s(p.unit)}）`,
    en: (p) => `Please complete or correct the ${s(p.year)} lifelong-learning week materials (${s(p.unit)})`,
  },
  'remind.subject.late': {
    zh: (p) => `【情况说明】${s(p.year)}年全民终身学习活动周材料逾期报送（${s(p.unit)}）`,
    en: (p) => `The ${s(p.year)} lifelong-learning week materials arrived late (${s(p.unit)})`,
  },
  'remind.opening': {
    zh: (p) =>
      `根据${s(p.issuer)}《关于举办${s(p.year)}年${s(p.city)}全民终身学习活动周的通知》要求，各单位应于${s(p.deadline)}前将活动周工作方案、工作总结和《${s(p.year)}年全民终身学习活动开展情况统计表》的 Word 电子版及盖章后的扫描件（PDF）报送至 ${s(p.mailbox)}。经核对截至${s(p.today)}收到的材料，贵单位的报送情况如下：`,
    en: (p) =>
      `As the notice of ${s(p.issuer)} asks, each unit sends its work plan, work summary and the ${s(p.year)} statistics form (Word file and stamped PDF scan) to ${s(p.mailbox)} by ${s(p.deadline)}. Checking what had arrived by ${s(p.today)}, we found:`,
  },
  'remind.missing': {
    zh: (p) => `尚未收到贵单位的报送材料：${s(p.pieces)}。`,
    en: (p) => `Nothing has arrived from your unit yet: ${s(p.pieces)}.`,
  },
  'remind.templates': {
    zh: () => '随信附上已预填贵单位名称的统计表模板（Word 和 YAML 各一份），填写、盖章、扫描后连同工作方案和工作总结一并发送即可。',
    en: () => 'The form templates with your unit already filled in (Word and YAML) are attached.',
  },
  'remind.invalid': {
    zh: (p) => `统计表「${s(p.file)}」有 ${s(p.count)} 处需要更正，请修改后重新发送：`,
    en: (p) => `The form “${s(p.file)}” has ${s(p.count)} error(s) to correct before sending it again:`,
  },
  'remind.where': {
    zh: (p) => `（${s(p.in)}第 ${s(p.line)} 行）`,
    en: (p) => ` (${s(p.in) ? `${s(p.in)} ` : ''}line ${s(p.line)})`,
  },
  'remind.wholeFile': { zh: () => '整个文件', en: () => 'the whole file' },
  'remind.pieces': {
    zh: (p) => `统计表已收到，但还缺少：${s(p.pieces)}，请补充发送。`,
    en: (p) => `The form has arrived, but these are still missing: ${s(p.pieces)}.`,
  },
  'remind.ambiguous': {
    zh: () =>
      '贵单位报送了内容不同的几份统计表，从收到时间和文件名都无法判断以哪一份为准，目前均未计入全市合计。请回复确认以哪一份为准（或在文件名中写明「修改版」后重新发送）：',
    en: () =>
      'Your unit sent forms with different contents, and neither the times nor the names tell which is final; none is counted yet. Please tell us which one counts (or resend it named “修改版”):',
  },
  'remind.unusable': {
    zh: () => '以下收到的文件无法打开或无法读取，请另存为 Word、PDF 或 zip 压缩包后重新发送：',
    en: () => 'These files could not be opened or read; please send them again as Word, PDF or zip:',
  },
  'remind.late': {
    zh: (p) => `贵单位的材料于 ${s(p.at)} 收到，晚于${s(p.deadline)}的截止时间，已按逾期报送登记；如有特殊情况，请来电说明。`,
    en: (p) =>
      `Your materials arrived on ${s(p.at)}, after the deadline (${s(p.deadline)}); they are recorded as late. If there was a reason, please call us.`,
  },
  'remind.daysLeft': {
    zh: (p) => `报送截止时间为${s(p.deadline)}（还有 ${s(p.days)} 天），请在截止前发送至 ${s(p.mailbox)}。`,
    en: (p) => `The deadline is ${s(p.deadline)} (${s(p.days)} day(s) left); please send to ${s(p.mailbox)} before then.`,
  },
  'remind.dueToday': {
    zh: (p) => `今天（${s(p.deadline)}）是报送截止日，请于今天 24 时前发送至 ${s(p.mailbox)}。`,
    en: (p) => `Today (${s(p.deadline)}) is the deadline: please send to ${s(p.mailbox)} before midnight.`,
  },
  'remind.overdue': {
    zh: (p) => `报送截止时间${s(p.deadline)}已过 ${s(p.days)} 天，请尽快发送至 ${s(p.mailbox)}。`,
    en: (p) => `The deadline (${s(p.deadline)}) passed ${s(p.days)} day(s) ago; please send to ${s(p.mailbox)} as soon as possible.`,
  },
  'remind.contacts': { zh: (p) => `如有疑问，请联系：${s(p.contacts)}。`, en: (p) => `Questions: ${s(p.contacts)}.` },
  'remind.thanks': { zh: () => '感谢支持与配合！', en: () => 'Thank you for your help.' },
  'remind.footer': {
    zh: () => '（本邮件根据收到的材料逐项核对后生成。如贵单位已经发送，请忽略本邮件，或回复告知发送时间，以便我们查收。）',
    en: () =>
      '(Written after checking every file received. If you have already sent it, please ignore this mail or tell us when you sent it.)',
  },
  'remind.noAddress': {
    zh: (p) => `无邮箱，请电话联系${s(p.phones) ? `：${s(p.phones)}` : '（名册和报送材料中都没有电话）'}`,
    en: (p) => `no e-mail address; please call${s(p.phones) ? `: ${s(p.phones)}` : ' (no phone number known)'}`,
  },
  'remind.nothing': {
    zh: () => '所有单位都已按时报送、内容有效、材料齐全，不需要催报。',
    en: () => 'Every unit sent a valid, complete report on time: nobody to remind.',
  },
  'remind.listHead': {
    zh: (p) => `需要催报或补正的单位（${s(p.count)} 个，截止 ${s(p.deadline)}）：`,
    en: (p) => `Units to remind (${s(p.count)}, deadline ${s(p.deadline)}):`,
  },
  'remind.reason.missing': { zh: () => '未报送', en: () => 'missing' },
  'remind.reason.invalid': { zh: (p) => `有误（${s(p.count)} 处）`, en: (p) => `invalid (${s(p.count)})` },
  'remind.reason.late': { zh: () => '逾期', en: () => 'late' },
  'remind.reason.ambiguous': { zh: () => '版本不明', en: () => 'versions unclear' },
  'remind.reason.pieces': { zh: (p) => `缺${s(p.pieces)}`, en: (p) => `lacks ${s(p.pieces)}` },
  'remind.reason.unusable': { zh: (p) => `${s(p.count)} 个文件无法使用`, en: (p) => `${s(p.count)} unusable file(s)` },
  'remind.draftsWritten': {
    zh: (p) =>
      `已生成 ${s(p.count)} 封催报邮件草稿（.eml，可用 Foxmail、Outlook、Thunderbird 打开，核对后发送）：${s(p.folder)}\n直接发送：lifelong-week remind ${s(p.inbox)} --send`,
    en: (p) =>
      `Wrote ${s(p.count)} draft(s) (.eml, opens in Foxmail, Outlook, Thunderbird) in ${s(p.folder)}\nTo send them: lifelong-week remind ${s(p.inbox)} --send`,
  },
  'remind.confirm': {
    zh: (p) => `确认从 ${s(p.from)} 通过 ${s(p.host)} 发送以上 ${s(p.count)} 封催报邮件吗？`,
    en: (p) => `Send these ${s(p.count)} reminder(s) from ${s(p.from)} through ${s(p.host)}?`,
  },
  'remind.needYes': {
    zh: () => '发送前需要确认：请在终端窗口中运行，或加 --yes 表示确认发送。',
    en: () => 'Sending needs a confirmation: run this in a terminal, or add --yes.',
  },
  'remind.cancelled': { zh: () => '已取消，没有发送任何邮件。', en: () => 'Cancelled; nothing was sent.' },
  'remind.sent': { zh: (p) => `已发送：${s(p.unit)} → ${s(p.to)}`, en: (p) => `Sent: ${s(p.unit)} → ${s(p.to)}` },
  'remind.sendFailed': {
    zh: (p) => `发送失败：${s(p.unit)} → ${s(p.to)}（${s(p.reason)}）。其他单位照常发送；稍后重新运行 --send 会只补发没有发出的。`,
    en: (p) => `Failed: ${s(p.unit)} → ${s(p.to)} (${s(p.reason)}). The others still go; run --send again later for the rest.`,
  },
  'remind.alreadySent': {
    zh: (p) => `今天已因同样的原因给 ${s(p.unit)} 发过催报邮件（${s(p.at)}），这次不再发送（确需再发请加 --force）。`,
    en: (p) => `${s(p.unit)} was already reminded today for the same reasons (${s(p.at)}); not sent again (use --force).`,
  },
  'remind.skippedNoAddress': {
    zh: (p) => `未发送：${s(p.unit)} 没有邮箱，请电话联系${s(p.phones) ? `（${s(p.phones)}）` : ''}。`,
    en: (p) => `Not sent: ${s(p.unit)} has no e-mail address; please call${s(p.phones) ? ` (${s(p.phones)})` : ''}.`,
  },
  'remind.sendSummary': {
    zh: (p) => `发送完成：成功 ${s(p.sent)} 封，失败 ${s(p.failed)} 封，未发送 ${s(p.skipped)} 封。发送记录保存在 ${s(p.log)}。`,
    en: (p) => `Done: ${s(p.sent)} sent, ${s(p.failed)} failed, ${s(p.skipped)} not sent. Log: ${s(p.log)}.`,
  },
  'remind.sentLogBroken': {
    zh: (p) => `发送记录「${s(p.file)}」无法读取（${s(p.reason)}），为避免重复催报，没有发送。请修正或改名后重试。`,
    en: (p) => `The sent log “${s(p.file)}” cannot be read (${s(p.reason)}); nothing was sent.`,
  },
  // ── the clerk's path (fill, validate, template) ─────────────────────────

  'prompt.yesNo': {
    zh: () => '请回答「是」或「否」（也可以输入 y 或 n），直接回车用括号里的默认回答。',
    en: () => 'Answer yes or no (y or n); Enter takes the default in brackets.',
  },
  'district.pinyinAmbiguous': {
    zh: (p) => `「${s(p.name)}」可以指 ${s(p.units)}，请写出单位名称（或更长的拼音）。`,
    en: (p) => `“${s(p.name)}” could be ${s(p.units)}; write the unit's name (or more of its pinyin).`,
  },
  // ── the centre: received times, verdicts, own files ──────────────────────
  'inbox.timeUnknown': {
    zh: (p) =>
      `收到时间不明（文件时间 ${s(p.copied)} 是复制时间，不是收到时间），未据此判断是否逾期。如需记录实际收到时间，请在收件箱文件夹的「${s(p.record)}」中写一行，例如：${s(p.file)}: 2023-11-28T10:15:00+08:00`,
    en: (p) =>
      `Received time unknown (the file time ${s(p.copied)} is the time of a copy); lateness not judged. To record the real time, add a line to “${s(p.record)}” in the inbox folder, e.g. ${s(p.file)}: 2023-11-28T10:15:00+08:00`,
  },
  'inbox.corrected': {
    zh: (p) => `按时报送（${s(p.first)}），截止后更正（${s(p.at)} 收到更正版），不算逾期。`,
    en: (p) => `Reported on time (${s(p.first)}) and corrected after the deadline (${s(p.at)}): not late.`,
  },
  // The first `listed` versions (roster.ts) come as path0, activities0, participants0, path1, …;
  // `count` is how many there are, `more` how many the list leaves out.
  'inbox.ambiguous': {
    zh: (p) => {
      const versions = listedVersions(
        p,
        (k) => `${s(p[`path${k}`])}（${s(p[`activities${k}`])} 场，${s(p[`participants${k}`])} 人次）`,
        '；',
      );
      return Number(p.count) > 2
        ? `${s(p.unit)}有 ${s(p.count)} 个内容不同的版本，收到时间和文件名都无法判断哪个是最终版：${versions}${Number(p.more) > 0 ? `等 ${s(p.count)} 份` : ''}。均未计入，请向该单位确认以哪一份为准，删去其余各份或在文件名中写明「修改版」。`
        : `${s(p.unit)}有两个内容不同的版本，收到时间和文件名都无法判断哪个是最终版：${versions}。两份都未计入，请向该单位确认以哪一份为准，删去另一份或在文件名中写明「修改版」。`;
    },
    en: (p) => {
      const versions = listedVersions(
        p,
        (k) => `${s(p[`path${k}`])} (${s(p[`activities${k}`])} activities, ${s(p[`participants${k}`])} participants)`,
        '; ',
      );
      return Number(p.count) > 2
        ? `${s(p.unit)} sent ${s(p.count)} different versions and nothing tells which is final: ${versions}${Number(p.more) > 0 ? ` and ${s(p.more)} more` : ''}. None is counted; ask the unit which one counts.`
        : `${s(p.unit)} sent two different versions and nothing tells which is final: ${versions}. Neither is counted; ask the unit which one counts.`;
    },
  },
  'inbox.ownFile': {
    zh: () => '本工具自己的记录文件（收件记录或状态文件），不是报送材料。',
    en: () => 'One of this tool’s own files (the received-time record or a state file), not a submission.',
  },
  'inbox.ownOutput': {
    zh: () => '本工具生成的汇总结果（汇总表、全市统计表或简报），不是报送材料，已放在一边；汇总结果请不要放进收件箱文件夹。',
    en: () => 'An output of this tool (the city workbook, report or summary), set aside; keep outputs out of the inbox folder.',
  },
  'inbox.themeDiffers': {
    zh: (p) => `活动主题写的是「${s(p.value)}」，与今年的活动主题「${s(p.theme)}」不同，请核对是否沿用了往年的表格。`,
    en: (p) => `The theme “${s(p.value)}” differs from this year’s “${s(p.theme)}”; check it is not last year’s form.`,
  },
  // ── forms units really make: text PDFs, traditional characters, vague periods, winmail.dat ──
  'pdf.textNotForm': {
    zh: (p) =>
      `这个 PDF 有文字层（不是扫描件），但读不出统计表：只找到 ${s(p.found)} 个统计表的项目名（至少要 5 个）。请让报送单位另发 Word 版统计表（.docx），或用本工具生成的 PDF。`,
    en: (p) =>
      `This PDF has a text layer (it is not a scan) but does not read as the form: only ${s(p.found)} of the form's labels were found (5 needed). Ask for the Word form (.docx) or a PDF made by this tool.`,
  },
  'pdf.textAsScan': {
    zh: () => '这个 PDF 有文字层，名称写明是盖章扫描件，按盖章扫描件记录；其中不是统计表的表格，没有读取数据。',
    en: () =>
      'This PDF has a text layer; its name says it is the stamped scan, so it is recorded as such. It holds no form table; no data was read.',
  },
  'pdf.locked': {
    zh: () => 'PDF 设置了打开密码，无法读取。请让报送单位发送没有密码的文件。',
    en: () => 'The PDF is password-protected and cannot be read. Ask for a copy without a password.',
  },
  'text.traditional': {
    zh: (p) => `文中有繁体字（如「${s(p.original)}」），已按简体「${s(p.folded)}」读取；原文件内容不变。`,
    en: (p) => `Traditional characters (e.g. “${s(p.original)}”) were read as simplified (“${s(p.folded)}”); the file itself is unchanged.`,
  },
  'date.vagueWithExact': {
    zh: (p) => `活动时间写的是大致时段「${s(p.text)}」，旁边写了具体日期，已按具体日期 ${s(p.start)} 至 ${s(p.end)} 读取，请核对。`,
    en: (p) => `活动时间 gives a vague period “${s(p.text)}” with exact dates beside it; read as ${s(p.start)} to ${s(p.end)}.`,
  },
  'mail.winmail': {
    zh: () =>
      'winmail.dat 是 Outlook 用“RTF 格式”发邮件时把附件打包成的文件，本工具无法从中取出附件。请让报送单位在 Outlook 中把邮件格式改为“HTML”或“纯文本”（文件 → 选项 → 邮件 → 撰写邮件），或把统计表压缩成 zip 后重新发送。',
    en: () =>
      'winmail.dat is how Outlook packs attachments when it sends a mail in Rich Text format; its attachments cannot be taken out here. Ask the sender to switch Outlook to HTML or plain text (File → Options → Mail → Compose messages) or zip the form and send it again.',
  },
  'mail.winmailUnpacked': {
    zh: (p) => `winmail.dat 是 Outlook 用“RTF 格式”发信时打包附件的文件；已从中取出 ${s(p.count)} 个附件并逐一检查。`,
    en: (p) => `winmail.dat packs the attachments of an Outlook Rich Text mail; ${s(p.count)} attachment(s) were taken out and checked.`,
  },
  // ── stamped scans: the seal and the figures ─────────────────────────────
  'scan.sealFound': {
    zh: (p) => `有公章（第 ${s(p.page)} 页，距页面左上角 ${s(p.x)} mm、${s(p.y)} mm，直径${p.estimated ? '约' : ''} ${s(p.diameter)} mm）`,
    en: (p) =>
      `seal found (page ${s(p.page)}, ${s(p.x)} mm, ${s(p.y)} mm from the top left, ${p.estimated ? 'about ' : ''}${s(p.diameter)} mm across)`,
  },
  'scan.noSeal': {
    zh: (p) => `未见公章：彩色扫描件（共 ${s(p.pages)} 页）上没有找到红色圆形公章。请单位在打印的统计表上加盖公章后重新扫描发送。`,
    en: (p) =>
      `No seal: the colour scan (${s(p.pages)} page(s)) shows no round red official seal. Ask the unit to stamp the printed form and scan it again.`,
  },
  'scan.grayscale': {
    zh: () => '无法判断是否盖章：这是灰度扫描件，公章的红色已经丢失。请单位用「彩色」模式重新扫描盖章后的统计表。',
    en: () =>
      'Cannot tell whether it is stamped: a grayscale scan has lost the red of the seal. Ask the unit for a colour scan of the stamped form.',
  },
  'scan.noColour': {
    zh: () =>
      '无法判断是否盖章：扫描件上没有任何彩色（可能是灰度扫描，也可能没有盖章）。请单位确认已盖章，并用「彩色」模式重新扫描后发送。',
    en: () =>
      'Cannot tell whether it is stamped: the scan has no colour at all (a grayscale scan, or no seal). Ask the unit to check the seal and send a colour scan.',
  },
  'scan.bilevel': {
    zh: (p) =>
      `无法判断是否盖章：这是黑白扫描件（${s(p.encoding)}），红色已经丢失，公章和文字分不开。请单位用「彩色」模式重新扫描盖章后的统计表。`,
    en: (p) =>
      `Cannot tell whether it is stamped: a black-and-white scan (${s(p.encoding)}) has lost the red. Ask the unit for a colour scan of the stamped form.`,
  },
  'scan.notScanned': {
    zh: () =>
      '无法判断是否盖章：这个 PDF 里没有扫描图像，是从电子文档直接导出的，不是盖章后的扫描件。请单位打印统计表、加盖公章、扫描后发送。',
    en: () =>
      'Cannot tell whether it is stamped: this PDF holds no scanned pictures (exported from a document, not a scan). Ask the unit to print, stamp, scan and send it.',
  },
  'scan.undecodable': {
    zh: (p) => `无法判断是否盖章：扫描件的图像格式（${s(p.encoding)}）本工具读不了。请单位把扫描件另存为 JPG 图片或普通 PDF 后发送。`,
    en: (p) =>
      `Cannot tell whether it is stamped: the scan's picture format (${s(p.encoding)}) cannot be read. Ask for a JPG or an ordinary PDF.`,
  },
  'scan.figuresMatch': {
    zh: () => '扫描件与电子版一致',
    en: () => 'scan matches the electronic form',
  },
  'scan.figureDiffers': {
    zh: (p) =>
      `扫描件与电子版有出入：「${s(p.label)}」电子版为「${s(p.electronic)}」，扫描件第 ${s(p.page)} 页为「${s(p.scan)}」。可能扫描的是修改前的打印稿，请人工核对；如电子版是最终稿，请单位重新扫描盖章后的最终稿。`,
    en: (p) =>
      `Scan differs from the electronic form: “${s(p.label)}” is “${s(p.electronic)}” electronically, “${s(p.scan)}” on page ${s(p.page)} of the scan. Perhaps an older printout was scanned: check by hand.`,
  },
  'scan.ocrMissing': {
    zh: (p) =>
      `提示：未安装文字识别组件，扫描件上的数字没有与电子版核对（公章已检查）。如需核对，运行：ONNXRUNTIME_NODE_INSTALL=skip npm install --prefix ${s(p.dir)} ${s(p.package)}（约 340 MB，离线运行；Windows 见 README「启用文字识别」），然后重新检查。`,
    en: (p) =>
      `Note: the OCR add-on is not installed, so the scans' figures were not compared (seals were checked). To compare them, run: ONNXRUNTIME_NODE_INSTALL=skip npm install --prefix ${s(p.dir)} ${s(p.package)} (about 340 MB, works offline; Windows: README, “启用文字识别”), then check again.`,
  },
  'scan.figuresUnchecked': {
    zh: (p) => `扫描件无法核对：${s(p.why)}`,
    en: (p) => `Scan not compared: ${s(p.whyEn)}`,
  },
  // ── serve: the form and the roll call in the browser ─────────────────────
  'serve.nav.form': { zh: () => '填报', en: () => 'Fill in' },
  'serve.nav.summary': { zh: () => '汇总', en: () => 'Roll call' },
  'serve.skip': { zh: () => '跳到正文', en: () => 'Skip to content' },
  'serve.offline': {
    zh: () => '本页面只在您自己的电脑上运行，填写的内容不会发送到别处。',
    en: () => 'This page runs on your own computer; nothing is sent anywhere else.',
  },
  'serve.required': { zh: () => '必填', en: () => 'required' },
  'serve.optional': { zh: () => '选填', en: () => 'optional' },
  'serve.example': { zh: (p) => `例如：${s(p.example)}`, en: (p) => `e.g. ${s(p.example)}` },
  'serve.defaultValue': { zh: (p) => `不填则使用：${s(p.value)}`, en: (p) => `Left empty: ${s(p.value)}` },
  'serve.unit.search': {
    zh: () => '输入名称、别名、拼音或拼音首字母筛选（如 qsh），再从列表中选择',
    en: () => 'Type a name, alias, pinyin or initials (e.g. qsh), then pick from the list',
  },
  'serve.unit.none': {
    zh: (p) => `没有匹配的单位：「${s(p.q)}」。请换个写法，或删去文字查看完整名单。`,
    en: (p) => `No unit matches “${s(p.q)}”. Try another spelling, or clear the text for the whole list.`,
  },
  'serve.unit.stamp': { zh: (p) => `盖章单位：${s(p.department)}`, en: (p) => `Stamping body: ${s(p.department)}` },
  'serve.unit.count': { zh: (p) => `${s(p.n)} 个单位`, en: (p) => `${s(p.n)} unit(s)` },
  'serve.contacts.hint': {
    zh: () => '每行一位：姓名 电话（可以一次粘贴多行）',
    en: () => 'One per line: name phone (you can paste several lines)',
  },
  'serve.missing.title': { zh: (p) => `还有 ${s(p.n)} 项没有填好：`, en: (p) => `${s(p.n)} item(s) still to do:` },
  'serve.missing.empty': { zh: () => '未填写', en: () => 'missing' },
  'serve.missing.error': { zh: () => '有误', en: () => 'has an error' },
  'serve.missing.none': { zh: () => '全部填好了，可以生成文件。', en: () => 'Everything is filled in; you can make the files.' },
  'serve.warnings.count': {
    zh: (p) => `另有 ${s(p.n)} 条提醒，请核对（不影响生成）。`,
    en: (p) => `Also ${s(p.n)} warning(s) to check (they do not block the files).`,
  },
  'serve.error.prefix': { zh: () => '错误：', en: () => 'Error: ' },
  'serve.warning.prefix': { zh: () => '提醒：', en: () => 'Note: ' },
  'serve.draft.restored': {
    zh: (p) => `已恢复上次未完成的填写（${s(p.time)} 保存）。`,
    en: (p) => `Your unfinished form was restored (saved ${s(p.time)}).`,
  },
  'serve.draft.saved': { zh: (p) => `草稿已保存（${s(p.time)}）`, en: (p) => `Draft saved (${s(p.time)})` },
  'serve.draft.server': {
    zh: (p) => `草稿同时保存在：${s(p.path)}（命令行 lifelong-week fill --resume 也能继续）`,
    en: (p) => `The draft is also saved at ${s(p.path)} (lifelong-week fill --resume continues it too)`,
  },
  'serve.draft.offline': {
    zh: () => '本地服务没有响应：草稿只保存在浏览器中。',
    en: () => 'The local server did not answer: the draft is kept in the browser only.',
  },
  'serve.clear': { zh: () => '清空重填', en: () => 'Start again' },
  'serve.clear.confirm': {
    zh: () => '清空所有已填写的内容吗？（草稿也会删除）',
    en: () => 'Clear everything you filled in? (The draft is removed too.)',
  },
  'serve.open.label': {
    zh: () => '打开已有的统计表继续填写（YAML、Word 或 PDF，本工具生成的或手工填写的）',
    en: () => 'Continue from an existing form (YAML, Word or PDF, ours or filled by hand)',
  },
  'serve.open.done': {
    zh: (p) => `已从「${s(p.name)}」读入 ${s(p.n)} 项，请核对标出的问题。`,
    en: (p) => `Read ${s(p.n)} item(s) from “${s(p.name)}”; check the marked problems.`,
  },
  'serve.open.failed': {
    zh: (p) => `无法从「${s(p.name)}」读取统计表：${s(p.why)}`,
    en: (p) => `Cannot read a form from “${s(p.name)}”: ${s(p.why)}`,
  },
  'serve.generate': { zh: () => '生成 YAML、Word 和 PDF', en: () => 'Make the YAML, Word and PDF files' },
  'serve.generate.busy': { zh: () => '正在生成……', en: () => 'Working…' },
  'serve.generate.force': { zh: () => '覆盖已有的同名文件', en: () => 'Overwrite files of the same name' },
  'serve.generate.blocked': {
    zh: () => '还有未填或有误的项目（见上方清单），改好后才能生成。',
    en: () => 'Some items are missing or wrong (see the list above); fix them first.',
  },
  'serve.generate.done': { zh: (p) => `已生成（保存在 ${s(p.dir)}）：`, en: (p) => `Written (in ${s(p.dir)}):` },
  'serve.generate.exists': {
    zh: (p) => `文件「${s(p.name)}」已存在，未覆盖，也没有生成其他文件。要替换它，请勾选「覆盖已有的同名文件」后再生成。`,
    en: (p) => `“${s(p.name)}” already exists; nothing was written. Tick “Overwrite files of the same name” to replace it.`,
  },
  'serve.generate.invalid': { zh: () => '内容有误，未生成任何文件：', en: () => 'There are errors; nothing was written:' },
  'serve.generate.glyph': {
    zh: (p) =>
      `未生成任何文件：PDF 所用的字体无法显示「${s(p.label)}」中的「${s(p.char)}」（U+${s(p.code)}），打印出来会是空白方框。请改用常用字或删去表情符号。`,
    en: (p) =>
      `Nothing was written: the PDF’s font cannot draw “${s(p.char)}” (U+${s(p.code)}) in ${s(p.label)}. Use a common character instead.`,
  },
  'serve.generate.failed': { zh: (p) => `未生成任何文件：${s(p.why)}`, en: (p) => `Nothing was written: ${s(p.why)}` },
  'serve.download': { zh: (p) => `下载 ${s(p.name)}`, en: (p) => `Download ${s(p.name)}` },
  'serve.server.gone': {
    zh: () =>
      '无法连接本机的 lifelong-week serve（是否已关闭？）。填写的内容仍保存在浏览器中，重新运行 lifelong-week serve 后刷新本页即可继续。',
    en: () => 'Cannot reach lifelong-week serve (was it stopped?). Your answers are kept in the browser; start it again and reload.',
  },
  'serve.summary.title': { zh: (p) => `报送情况汇总：${s(p.folder)}`, en: (p) => `Roll call: ${s(p.folder)}` },
  'serve.summary.none': {
    zh: () => '启动时没有指定收件箱文件夹。要查看汇总，请运行：lifelong-week serve 收件箱文件夹',
    en: () => 'No inbox folder was given. Run: lifelong-week serve INBOX-FOLDER',
  },
  'serve.summary.loading': { zh: () => '正在读取收件箱……', en: () => 'Reading the inbox…' },
  'serve.summary.updated': {
    zh: (p) => `已更新：${s(p.time)}（共 ${s(p.files)} 个文件；文件夹有变化时几秒内自动刷新）`,
    en: (p) => `Updated ${s(p.time)} (${s(p.files)} files; refreshes within seconds when the folder changes)`,
  },
  'serve.summary.counts': {
    zh: (p) => `${s(p.total)} 个单位：按时有效 ${s(p.onTime)}，逾期 ${s(p.late)}，有误 ${s(p.invalid)}，未报送 ${s(p.missing)}`,
    en: (p) => `${s(p.total)} units: valid on time ${s(p.onTime)}, late ${s(p.late)}, invalid ${s(p.invalid)}, missing ${s(p.missing)}`,
  },
  'serve.col.unit': { zh: () => '单位', en: () => 'Unit' },
  'serve.col.status': { zh: () => '状态', en: () => 'Status' },
  'serve.col.form': { zh: () => '统计表', en: () => 'Form' },
  'serve.col.stampedScan': { zh: () => '盖章扫描件', en: () => 'Stamped scan' },
  'serve.col.workPlan': { zh: () => '工作方案', en: () => 'Work plan' },
  'serve.col.workSummary': { zh: () => '工作总结', en: () => 'Work summary' },
  'serve.col.received': { zh: () => '收到时间', en: () => 'Received' },
  'serve.col.contacts': { zh: () => '联系人', en: () => 'Contacts' },
  'serve.col.chase': { zh: () => '需要催办', en: () => 'To chase' },
  'serve.status.valid': { zh: () => '有效', en: () => 'valid' },
  'serve.status.invalid': { zh: () => '有误', en: () => 'invalid' },
  'serve.status.missing': { zh: () => '未报送', en: () => 'missing' },
  'serve.yes': { zh: () => '有', en: () => 'yes' },
  'serve.no': { zh: () => '缺', en: () => 'no' },
  'serve.detail.files': { zh: () => '文件', en: () => 'Files' },
  'serve.detail.problems': { zh: () => '问题及修改方法', en: () => 'Problems and how to fix them' },
  'serve.detail.noProblems': { zh: () => '没有问题。', en: () => 'No problems.' },
  'serve.detail.values': { zh: () => '填报内容（采用的报送文件）', en: () => 'Values (from the submission that counts)' },
  'serve.detail.noFiles': { zh: () => '收件箱中没有这个单位的文件。', en: () => 'No file from this unit in the inbox.' },
  'serve.detail.where': { zh: (p) => `第 ${s(p.line)} 行`, en: (p) => `line ${s(p.line)}` },
  'serve.detail.open': {
    zh: (p) => `查看 ${s(p.unit)} 的文件、问题和填报内容`,
    en: (p) => `Show files, problems and values of ${s(p.unit)}`,
  },
  'serve.totals.title': { zh: () => '全市合计（只计有效的报送）', en: () => 'City totals (valid submissions only)' },
  'serve.totals.units': { zh: () => '已报送单位', en: () => 'Units reporting' },
  'serve.totals.activities': { zh: () => '活动数量', en: () => 'Activities' },
  'serve.totals.participants': { zh: () => '参加人数（人次）', en: () => 'Participants' },
  'serve.totals.satisfaction': { zh: () => '平均满意度', en: () => 'Mean satisfaction' },
  'serve.chart.participants': { zh: () => '各单位参加活动人数（人次）', en: () => 'Participants per unit' },
  'serve.chart.activities': { zh: () => '各单位活动数量', en: () => 'Activities per unit' },
  'serve.chart.satisfaction': { zh: () => '各单位群众满意度（%）', en: () => 'Satisfaction per unit (%)' },
  'serve.chart.pieces': { zh: () => '材料收齐情况（单位数）', en: () => 'Pieces received (units)' },
  'serve.chart.empty': { zh: () => '还没有有效的报送。', en: () => 'No valid submission yet.' },
  'serve.workbook': { zh: () => '下载全市汇总表（Excel）', en: () => 'Download the city workbook (Excel)' },
  'serve.cityDocx': { zh: () => '下载全市统计表（Word）', en: () => 'Download the city form (Word)' },
  'serve.cityPdf': { zh: () => '下载全市统计表（PDF）', en: () => 'Download the city form (PDF)' },
  'serve.cityNone': {
    zh: () => '还没有有效的报送，无法生成全市统计表。',
    en: () => 'No valid submission yet: the city form cannot be made.',
  },
  'serve.print': { zh: () => '打印', en: () => 'Print' },
  'serve.reminders': { zh: () => '下载催报邮件草稿（.eml）', en: () => 'Download reminder drafts (.eml)' },
  'serve.reminders.note': {
    zh: () =>
      '催报邮件草稿打包为 zip：每个需要催报或补正的单位一封（.eml），可用 Foxmail、Outlook、Thunderbird 打开，核对后再发送。本页面不会发送任何邮件；要直接发送，请在命令行运行 lifelong-week remind 收件箱文件夹 --send（发送前会要求确认）。',
    en: () =>
      'The reminder drafts come as a zip: one .eml per unit to remind, to open in Foxmail, Outlook or Thunderbird, check and send. This page never sends mail; to send from the command line, run lifelong-week remind INBOX --send (it asks first).',
  },
  'serve.reminders.zipName': { zh: (p) => `催报邮件草稿-${s(p.day)}.zip`, en: (p) => `reminder-drafts-${s(p.day)}.zip` },
  'serve.scans.pending': { zh: (p) => `正在检查 ${s(p.n)} 个扫描件上的公章……`, en: (p) => `Checking the seal on ${s(p.n)} scan(s)…` },
  'serve.detail.chase': { zh: () => '需要催办（可直接复制发送）', en: () => 'To chase (ready to paste)' },
  'serve.detail.scan': { zh: () => '盖章扫描件', en: () => 'Stamped scan' },
  'serve.detail.noChase': { zh: () => '不需要催办。', en: () => 'Nothing to chase.' },
  'serve.upload.label': {
    zh: () => '把收到的文件拖到这里，保存到收件箱（或点击选择文件）',
    en: () => 'Drop received files here to save them into the inbox (or click to choose)',
  },
  'serve.upload.saved': { zh: (p) => `已保存到收件箱：${s(p.name)}`, en: (p) => `Saved into the inbox: ${s(p.name)}` },
  'serve.upload.renamed': {
    zh: (p) => `已保存到收件箱：${s(p.name)}（同名文件已存在，未覆盖，改名保存）`,
    en: (p) => `Saved into the inbox as ${s(p.name)} (a file of that name exists and was kept)`,
  },
  'serve.upload.refused': { zh: (p) => `未保存「${s(p.name)}」：${s(p.why)}`, en: (p) => `“${s(p.name)}” was not saved: ${s(p.why)}` },
  'serve.upload.tooMany': {
    zh: (p) => `一次最多上传 ${s(p.limit)} 个文件，其余未上传。`,
    en: (p) => `At most ${s(p.limit)} files at a time; the rest were not uploaded.`,
  },
  'serve.upload.badName': {
    zh: () => '文件名不能使用（空名、隐藏文件或含有不允许的字符）。请改名后再上传。',
    en: () => 'The file name cannot be used (empty, hidden or with forbidden characters). Rename it first.',
  },
  'serve.http.badHost': {
    zh: () => '拒绝访问：请求的主机名不是本服务的地址（防止 DNS 重绑定攻击）。请使用 lifelong-week serve 打印的地址。',
    en: () => 'Refused: the Host is not this server’s address (DNS rebinding protection). Use the address lifelong-week serve printed.',
  },
  'serve.http.badOrigin': {
    zh: () => '拒绝：这个请求来自其他网站（防止跨站请求伪造）。',
    en: () => 'Refused: the request comes from another site (CSRF protection).',
  },
  'serve.http.badToken': {
    zh: () => '拒绝访问：缺少或错误的访问码。请使用 lifelong-week serve 打印的完整地址（含 token=…）。',
    en: () => 'Refused: missing or wrong access token. Use the full address lifelong-week serve printed (with token=…).',
  },
  'serve.http.notFound': { zh: () => '没有这个页面或文件。', en: () => 'No such page or file.' },
  'serve.http.badId': { zh: () => '文件编号不正确。', en: () => 'Invalid file id.' },
  'serve.http.tooLarge': {
    zh: (p) => `文件过大（上限 ${s(p.limit)}），未保存。`,
    en: (p) => `Too large (limit ${s(p.limit)}); nothing was saved.`,
  },
  'serve.http.tooMany': { zh: () => '上传太频繁，请稍后再试。', en: () => 'Too many uploads; try again shortly.' },
  'serve.http.badRequest': { zh: () => '请求格式不正确。', en: () => 'Malformed request.' },
  'serve.http.noInbox': { zh: () => '启动时没有指定收件箱文件夹。', en: () => 'No inbox folder was given.' },
  'serve.http.internal': {
    zh: (p) => `处理请求时出错（服务仍在运行）：${s(p.detail)}`,
    en: (p) => `Error while handling the request (the server keeps running): ${s(p.detail)}`,
  },
  'serve.cli.listening': {
    zh: (p) => `填报页面已启动：${s(p.url)}\n在浏览器中打开这个地址（本机之外无法访问）。按 Ctrl+C 停止。`,
    en: (p) => `Serving at ${s(p.url)}\nOpen it in a browser (not reachable from other computers). Ctrl+C stops it.`,
  },
  'serve.cli.listeningLan': {
    zh: (p) =>
      `填报页面已启动，办公室网络中的同事可以用下面的地址访问（地址中含访问码，请只发给需要的人）：\n${s(p.urls)}\n按 Ctrl+C 停止。`,
    en: (p) =>
      `Serving on the office network; colleagues can open (the address carries an access token, share it only with those who need it):\n${s(p.urls)}\nCtrl+C stops it.`,
  },
  'serve.cli.inbox': {
    zh: (p) => `汇总页面跟随收件箱文件夹：${s(p.folder)}`,
    en: (p) => `The roll call follows the inbox folder ${s(p.folder)}`,
  },
  'serve.cli.output': { zh: (p) => `生成的文件保存到：${s(p.dir)}`, en: (p) => `Files are written to ${s(p.dir)}` },
  'serve.cli.notFolder': {
    zh: (p) => `「${s(p.path)}」不是文件夹。汇总页面需要收件箱文件夹：lifelong-week serve 收件箱文件夹`,
    en: (p) => `“${s(p.path)}” is not a folder. The roll call needs the inbox folder.`,
  },
  'serve.cli.badPort': {
    zh: (p) => `端口「${s(p.port)}」不正确，应为 0 到 65535 之间的整数（0 表示自动选择）。`,
    en: (p) => `Invalid port “${s(p.port)}”: a whole number from 0 to 65535 (0 picks a free one).`,
  },
  'serve.cli.portBusy': {
    zh: (p) => `端口 ${s(p.port)} 已被占用（可能已经有一个 lifelong-week serve 在运行）。请关闭它，或用 --port 换一个端口。`,
    en: (p) => `Port ${s(p.port)} is in use (another lifelong-week serve?). Stop it or choose another with --port.`,
  },
  'serve.cli.badHost': {
    zh: (p) => `无法在地址「${s(p.host)}」上启动：${s(p.reason)}`,
    en: (p) => `Cannot listen on “${s(p.host)}”: ${s(p.reason)}`,
  },
  'serve.cli.noPage': {
    zh: (p) => `网页文件缺失（${s(p.path)}），无法启动。请在工具所在文件夹运行 npm run build（或重新运行 npm ci）后再试。`,
    en: (p) => `The web page's files are missing (${s(p.path)}). Run npm run build (or npm ci again) in the tool's folder, then try again.`,
  },
  'serve.cli.stopped': { zh: () => '已停止填报服务。', en: () => 'Server stopped.' },
  'serve.cli.openFailed': {
    zh: (p) => `无法自动打开浏览器，请手动打开：${s(p.url)}`,
    en: (p) => `Could not open a browser; open ${s(p.url)} yourself.`,
  },
} satisfies Record<string, Entry>;

/**
 * What the browser page formats (serve's 填报 and 汇总, src/web/): the data messages above (the
 * checks' problems and the page's own sentences), the campaign's checks (the page carries the
 * campaign's schema), the roll call's part (seals, figures) and the report's (the names of fates and
 * pieces) — not the command line's help and progress, the interview's prompts or the renderers'
 * sentences, which stay out of the page's script (bench/serve.mjs weighs it;
 * test/serve/bundle.test.ts checks nothing it names is missing).
 */
export const PAGE_MESSAGES = { ...DATA_MESSAGES, ...CAMPAIGN_MESSAGES, ...ROLL_MESSAGES, ...REPORT_MESSAGES } satisfies Record<
  string,
  Entry
>;
export type PageCode = keyof typeof PAGE_MESSAGES;

/**
 * The one catalogue: the page's part and the command line's parts (src/core/messages/). Joined in a
 * call marked pure, so that a bundle which formats with the page's part only (`formatPageMessage`)
 * leaves the other parts out (a bundler keeps a bare object spread, in case a getter runs).
 */
export const MESSAGES = /* @__PURE__ */ (() =>
  ({ ...PAGE_MESSAGES, ...RENDER_MESSAGES, ...FILL_MESSAGES, ...CLI_MESSAGES }) satisfies Record<string, Entry>)();

export type MessageCode = keyof typeof MESSAGES;

/** A sentence of the page's part of the catalogue (the same entries as `formatMessage` gives). */
export function formatPageMessage(code: PageCode, params: Params | undefined, lang: Lang): string {
  const entry: Entry = PAGE_MESSAGES[code];
  return entry[lang](params ?? {});
}

/** File-system error codes in words a clerk understands. */
const FS_REASONS_ZH: Record<string, string> = {
  EACCES: '没有读取权限',
  EPERM: '没有读取权限',
  ENOENT: '文件已被删除或移动',
  EISDIR: '这是一个文件夹',
  EIO: '磁盘读取出错',
  EBUSY: '文件正被其他程序占用',
  ELOOP: '快捷方式循环指向自己',
};
const FS_REASONS_EN: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'the file was deleted or moved',
  EISDIR: 'it is a folder',
  EIO: 'a disk read error',
  EBUSY: 'the file is in use by another program',
  ELOOP: 'a link that points to itself',
};

/** Whether a text (such as a schema issue's message) names a catalogue entry. */
export const isMessageCode = (text: string): text is MessageCode => Object.hasOwn(MESSAGES, text);

export function formatMessage(code: MessageCode, params: Params | undefined, lang: Lang): string {
  const entry: Entry = MESSAGES[code];
  return entry[lang](params ?? {});
}
