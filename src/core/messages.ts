/**
 * The message catalogue: every sentence a user reads about their data, in Chinese and English.
 * Each entry says where the problem is (the report adds file, line and label) and what to do.
 * Tests assert the codes; the sentences may be polished without touching them.
 */
import type { Params } from './problem.js';

export type Lang = 'zh' | 'en';
type Template = (p: Params) => string;

const s = (v: string | number | undefined) => (v === undefined ? '' : String(v));

export const MESSAGES = {
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
    zh: (p) => `这不是文本文件（看起来是${p.kind ? (/^[A-Za-z0-9]/.test(s(p.kind)) ? ` ${s(p.kind)}` : s(p.kind)) : '二进制内容'}），无法按 ${s(p.format)} 读取。请确认文件扩展名是否正确。`,
    en: (p) => `This is not a text file (looks like ${s(p.kind) || 'binary data'}); it cannot be read as ${s(p.format)}. Check the file extension.`,
  },
  'file.tooLarge': {
    zh: (p) => `文件过大（${s(p.size)}），超过 ${s(p.limit)} 的上限，已拒绝读取。一份统计表不会这么大，请检查是否选错了文件。`,
    en: (p) => `The file is too large (${s(p.size)}, limit ${s(p.limit)}) and was not read. Check that this is the right file.`,
  },
  'file.unsupported': {
    zh: (p) => `不是能读取的格式（${s(p.ext) || '无扩展名'}），未检查。能读取的有：YAML/JSON、Word（.docx、.doc）、Excel（.xlsx）、PDF、邮件（.eml）、zip 压缩包和图片。`,
    en: (p) => `Not a readable format (${s(p.ext) || 'no extension'}); not checked. Readable: YAML/JSON, Word (.docx, .doc), Excel (.xlsx), PDF, mail (.eml), zip and images.`,
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
    zh: (p) => `${s(p.format)} 文件已损坏或不完整，无法打开。请让报送单位重新发送。`,
    en: (p) => `The ${s(p.format)} file is damaged or incomplete. Ask the sender to send it again.`,
  },
  'file.zipBomb': {
    zh: (p) => `${s(p.format)} 文件解压后异常巨大（疑似“压缩炸弹”），为保护电脑已拒绝读取。请让报送单位重新保存后再发送。`,
    en: (p) => `The ${s(p.format)} file inflates to an abnormal size (a zip bomb?); it was refused.`,
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
    zh: (p) => `这种格式需要 LibreOffice 才能读取（本机没有安装）。请让报送单位另存为 ${s(p.ask)} 后重新发送，或在装有 LibreOffice 的电脑上检查。`,
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
    zh: (p) => `这一行「${s(p.text)}」不是「项目: 内容」的格式。如果是上一项内容的续行，请在上一项冒号后写「|」并把各行缩进；如果是说明文字，请在行首加「#」。`,
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
    en: (p) => `The form has no item “${s(p.key)}”.${p.suggestion ? ` Did you mean “${s(p.suggestion)}”?` : ' See the template for the items.'}`,
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
    zh: (p) => `表格中的「${s(p.text)}」不是统计表上的项目，这一行没有读取。${p.suggestion ? `是不是「${s(p.suggestion)}」？` : '请按统计表原样填写项目名称。'}`,
    en: (p) => `“${s(p.text)}” in the table is not an item of the form; the row was not read.${p.suggestion ? ` Did you mean “${s(p.suggestion)}”?` : ''}`,
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
    en: (p) => `“${s(p.text)}” is not a count. Write a whole number, e.g. 36 or 1.2万.`,
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
    zh: (p) =>
      `「${s(p.text)}」不在本次报送名册中。${p.suggestion ? `是不是「${s(p.suggestion)}」？` : ''}名册中的单位：${s(p.roster)}。`,
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
  'contacts.invalid': {
    zh: () => '联系人应写成「姓名 电话」，多人用「；」分隔，或按模板逐人填写姓名和电话。',
    en: () => 'Write contacts as “name phone”, separated by “；”, or as a list of 姓名/电话.',
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
  // ── forms units really make: text PDFs, traditional characters, vague periods, winmail.dat ──
  'pdf.textNotForm': {
    zh: (p) => `这个 PDF 有文字层（不是扫描件），但读不出统计表：只找到 ${s(p.found)} 个统计表的项目名（至少要 5 个）。请让报送单位另发 Word 版统计表（.docx），或用本工具生成的 PDF。`,
    en: (p) => `This PDF has a text layer (it is not a scan) but does not read as the form: only ${s(p.found)} of the form's labels were found (5 needed). Ask for the Word form (.docx) or a PDF made by this tool.`,
  },
  'pdf.textAsScan': {
    zh: () => '这个 PDF 有文字层，名称写明是盖章扫描件，按盖章扫描件记录；其中不是统计表的表格，没有读取数据。',
    en: () => 'This PDF has a text layer; its name says it is the stamped scan, so it is recorded as such. It holds no form table; no data was read.',
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
    en: (p) => `seal found (page ${s(p.page)}, ${s(p.x)} mm, ${s(p.y)} mm from the top left, ${p.estimated ? 'about ' : ''}${s(p.diameter)} mm across)`,
  },
  'scan.noSeal': {
    zh: (p) => `未见公章：彩色扫描件（共 ${s(p.pages)} 页）上没有找到红色圆形公章。请单位在打印的统计表上加盖公章后重新扫描发送。`,
    en: (p) => `No seal: the colour scan (${s(p.pages)} page(s)) shows no round red official seal. Ask the unit to stamp the printed form and scan it again.`,
  },
  'scan.grayscale': {
    zh: () => '无法判断是否盖章：这是灰度扫描件，公章的红色已经丢失。请单位用「彩色」模式重新扫描盖章后的统计表。',
    en: () => 'Cannot tell whether it is stamped: a grayscale scan has lost the red of the seal. Ask the unit for a colour scan of the stamped form.',
  },
  'scan.noColour': {
    zh: () => '无法判断是否盖章：扫描件上没有任何彩色（可能是灰度扫描，也可能没有盖章）。请单位确认已盖章，并用「彩色」模式重新扫描后发送。',
    en: () => 'Cannot tell whether it is stamped: the scan has no colour at all (a grayscale scan, or no seal). Ask the unit to check the seal and send a colour scan.',
  },
  'scan.bilevel': {
    zh: (p) => `无法判断是否盖章：这是黑白扫描件（${s(p.encoding)}），红色已经丢失，公章和文字分不开。请单位用「彩色」模式重新扫描盖章后的统计表。`,
    en: (p) => `Cannot tell whether it is stamped: a black-and-white scan (${s(p.encoding)}) has lost the red. Ask the unit for a colour scan of the stamped form.`,
  },
  'scan.notScanned': {
    zh: () => '无法判断是否盖章：这个 PDF 里没有扫描图像，是从电子文档直接导出的，不是盖章后的扫描件。请单位打印统计表、加盖公章、扫描后发送。',
    en: () => 'Cannot tell whether it is stamped: this PDF holds no scanned pictures (exported from a document, not a scan). Ask the unit to print, stamp, scan and send it.',
  },
  'scan.undecodable': {
    zh: (p) => `无法判断是否盖章：扫描件的图像格式（${s(p.encoding)}）本工具读不了。请单位把扫描件另存为 JPG 图片或普通 PDF 后发送。`,
    en: (p) => `Cannot tell whether it is stamped: the scan's picture format (${s(p.encoding)}) cannot be read. Ask for a JPG or an ordinary PDF.`,
  },
  'scan.figuresMatch': {
    zh: () => '扫描件与电子版一致',
    en: () => 'scan matches the electronic form',
  },
  'scan.figureDiffers': {
    zh: (p) => `扫描件与电子版有出入：「${s(p.label)}」电子版为「${s(p.electronic)}」，扫描件第 ${s(p.page)} 页为「${s(p.scan)}」。可能扫描的是修改前的打印稿，请人工核对；如电子版是最终稿，请单位重新扫描盖章后的最终稿。`,
    en: (p) => `Scan differs from the electronic form: “${s(p.label)}” is “${s(p.electronic)}” electronically, “${s(p.scan)}” on page ${s(p.page)} of the scan. Perhaps an older printout was scanned: check by hand.`,
  },
  'scan.ocrMissing': {
    zh: (p) => `提示：未安装文字识别组件，扫描件上的数字没有与电子版核对（公章已检查）。如需核对，在本工具的文件夹里运行：npm install --no-save ${s(p.package)}（约 340 MB，离线运行），然后重新检查。`,
    en: (p) => `Note: the OCR add-on is not installed, so the scans' figures were not compared (seals were checked). To compare them, run in the tool's folder: npm install --no-save ${s(p.package)} (about 340 MB, works offline), then check again.`,
  },
  'scan.figuresUnchecked': {
    zh: (p) => `扫描件无法核对：${s(p.why)}`,
    en: (p) => `Scan not compared: ${s(p.whyEn)}`,
  },
} satisfies Record<string, { zh: Template; en: Template }>;

export type MessageCode = keyof typeof MESSAGES;

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

export function formatMessage(code: MessageCode, params: Params | undefined, lang: Lang): string {
  const entry: { zh: Template; en: Template } = MESSAGES[code];
  return entry[lang](params ?? {});
}
