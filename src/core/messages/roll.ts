/** The catalogue's part for the roll call: verdicts, the chase list, reminders and the scan check as the centre reads them. */
import { s, type Entry } from './kit.js';

export const ROLL_MESSAGES = {
  // ── the verdict's words (report/verdict.ts) ─────────────────────────────
  'roll.group.missing': { zh: () => '未报送', en: () => 'Not reported' },
  'roll.group.invalid': { zh: () => '有误', en: () => 'With errors' },
  'roll.group.pieces': { zh: () => '缺材料', en: () => 'Pieces missing' },
  'roll.group.late': { zh: () => '逾期', en: () => 'Late' },
  'roll.evidence.record': { zh: () => '收件记录', en: () => 'record' },
  'roll.evidence.mail': { zh: () => '邮件时间', en: () => 'mail Date' },
  'roll.evidence.file': { zh: () => '文件时间', en: () => 'file time' },
  'roll.evidence.copy': { zh: () => '不明（复制时间）', en: () => 'unknown (copy time)' },
  'roll.verdict.missing': { zh: () => '未报送', en: () => 'not reported' },
  'roll.verdict.unreadable': { zh: () => '无法读取', en: () => 'unreadable' },
  'roll.verdict.unreadableLong': {
    zh: (p) => `收到 ${s(p.n)} 个文件，均无法读取为统计表`,
    en: (p) => `${s(p.n)} file(s) received, none readable as the form`,
  },
  'roll.verdict.ambiguous': { zh: () => '版本不明', en: () => 'versions unclear' },
  'roll.verdict.ambiguousLong': {
    zh: (p) => `收到 ${s(p.n)} 个内容不同的版本，无法判断以哪个为准`,
    en: (p) => `${s(p.n)} different versions; cannot tell which counts`,
  },
  'roll.verdict.valid': { zh: () => '有效', en: () => 'valid' },
  'roll.verdict.invalid': { zh: () => '有误', en: () => 'invalid' },
  'roll.verdict.late': { zh: (p) => `${s(p.base)}（逾期）`, en: (p) => `${s(p.base)} (late)` },
  'roll.verdict.corrected': { zh: () => '按时，截止后更正', en: () => 'on time, corrected' },
  'roll.verdict.correctedLong': {
    zh: (p) => `按时报送，截止后更正${p.stillInvalid ? '（更正版仍有误）' : ''}`,
    en: (p) => `on time, corrected after the deadline${p.stillInvalid ? ' (still invalid)' : ''}`,
  },
  'roll.verdict.timeUnknown': { zh: (p) => `${s(p.base)}（时间不明）`, en: (p) => `${s(p.base)} (time unknown)` },
  'roll.verdict.timeUnknownLong': {
    zh: (p) => `${s(p.base)}（收到时间不明：文件时间是复制时间）`,
    en: (p) => `${s(p.base)} (received time unknown: the file time is a copy's)`,
  },
  'roll.piece.wordForm': { zh: () => '统计表的 Word 文件（.docx）', en: () => 'the form as a Word file (.docx)' },
  'roll.piece.wordShort': { zh: () => 'Word 版', en: () => 'Word file' },
  'roll.piece.stampedScan': { zh: () => '盖章扫描件', en: () => 'stamped scan' },
  'roll.piece.workPlan': { zh: () => '工作方案', en: () => 'work plan' },
  'roll.piece.workSummary': { zh: () => '工作总结', en: () => 'work summary' },
  'roll.piece.broken': { zh: (p) => `${s(p.piece)}（收到的文件打不开，请重新发送）`, en: (p) => `${s(p.piece)} (the file sent is broken)` },

  // ── what to ask of a unit whose files are not its form ──────────────────
  'roll.ask.winmail': {
    zh: (p) =>
      `「${s(p.name)}」是 Outlook 以 RTF 格式发信时把附件打包成的文件，打不开：请在 Outlook 中改用 HTML 或纯文本格式，重新发送统计表（.docx）`,
    en: (p) => `“${s(p.name)}” is Outlook’s rich-text wrapper (winmail.dat): resend in HTML or plain-text format with the form as .docx`,
  },
  'roll.ask.scanOnly': {
    zh: (p) => `「${s(p.name)}」是盖章扫描件，只能看不能汇总：请同时发送统计表的 Word 文件（.docx）`,
    en: (p) => `“${s(p.name)}” is the stamped scan: also send the form as a Word file (.docx)`,
  },
  'roll.ask.notForm': {
    zh: (p) => `「${s(p.name)}」是${s(p.what)}，不是统计表：请发送填好的统计表（.docx）`,
    en: (p) => `“${s(p.name)}” is the ${s(p.what)}, not the form: send the filled form (.docx)`,
  },
  'roll.what.workPlan': { zh: () => '工作方案', en: () => 'work plan' },
  'roll.what.workSummary': { zh: () => '工作总结', en: () => 'work summary' },
  'roll.what.photo': { zh: () => '活动照片', en: () => 'activity photo' },
  'roll.ask.archive': {
    zh: (p) => `「${s(p.name)}」是 ${s(p.kind)} 压缩包，无法打开：请把统计表（.docx）直接作为附件发送，或改用 .zip 压缩`,
    en: (p) => `“${s(p.name)}” is a ${s(p.kind)} archive: send the form (.docx) as a plain attachment or in a .zip`,
  },
  'roll.ask.format': {
    zh: (p) => `「${s(p.name)}」的格式无法读取：请在 Word 或 WPS 中「另存为」Word 文档（.docx）后重新发送`,
    en: (p) => `“${s(p.name)}” is in a format that cannot be read: save it as .docx and resend`,
  },
  'roll.ask.unreadable': {
    zh: (p) => `「${s(p.name)}」无法读取${p.reason ? `（${s(p.reason)}）` : ''}：请重新发送统计表的 Word 文件（.docx）`,
    en: (p) => `“${s(p.name)}” cannot be read${p.reason ? ` (${s(p.reason)})` : ''}: resend the form as .docx`,
  },

  // ── the chase list (report/verdict.ts) ──────────────────────────────────
  'roll.error.written': { zh: (p) => `（填的是「${s(p.written)}」）`, en: (p) => ` (it says “${s(p.written)}”)` },
  'roll.error.hint': {
    zh: (p) => `应填写：${s(p.hint)}，例如「${s(p.example)}」。`,
    en: (p) => ` Write: ${s(p.hint)}, e.g. “${s(p.example)}”.`,
  },
  'roll.error.line': {
    zh: (p) => `「${s(p.label)}」${s(p.shown)}：${s(p.message)}${s(p.hint)}`,
    en: (p) => `${s(p.label)}${s(p.shown)}: ${s(p.message)}${s(p.hint)}`,
  },
  'roll.who.noPhone': {
    zh: () => '（名册里没有联系电话：请在活动配置的 roster 中为该单位写 contacts）',
    en: () => ' (no phone in the roster: add contacts to the campaign file)',
  },
  'roll.chase.missing': {
    zh: (p) => `尚未收到统计表和材料，请尽快发送至 ${s(p.mailbox)}（截止 ${s(p.deadline)}）。`,
    en: (p) => `Nothing received yet; send the form and pieces to ${s(p.mailbox)} by ${s(p.deadline)}.`,
  },
  'roll.chase.unreadable': { zh: (p) => `${s(p.long)}：`, en: (p) => `${s(p.long)}:` },
  'roll.chase.ambiguous': { zh: (p) => `${s(p.long)}，请确认以哪一份为准：`, en: (p) => `${s(p.long)}; which one counts?` },
  'roll.chase.version': {
    zh: (p) => `「${s(p.name)}」${p.at ? `（${s(p.at)} 收到）` : ''}：活动 ${s(p.activities)} 场，参加 ${s(p.participants)} 人次`,
    en: (p) => `“${s(p.name)}”${p.at ? ` (received ${s(p.at)})` : ''}: ${s(p.activities)} activities, ${s(p.participants)} participants`,
  },
  'roll.chase.invalid': {
    zh: (p) => `统计表有 ${s(p.n)} 处需要更正，改好后请重新发送：`,
    en: (p) => `The form has ${s(p.n)} error(s); correct and resend:`,
  },
  'roll.chase.pieces': { zh: (p) => `还缺：${s(p.list)}，请补发。`, en: (p) => `Still missing: ${s(p.list)}.` },
  'roll.chase.late': {
    zh: (p) => `统计表 ${s(p.at)} 收到，晚于截止时间 ${s(p.deadline)} 24:00（逾期，已计入）。`,
    en: (p) => `Received ${s(p.at)}, after the deadline ${s(p.deadline)} (late, counted).`,
  },
  'roll.chase.nobody': {
    zh: () => '所有单位均已按时报送，材料齐全且有效，无需催报。',
    en: () => 'Every unit reported on time with everything valid: nobody to chase.',
  },
  'roll.chase.heading': { zh: (p) => `【${s(p.group)}】${s(p.n)} 个单位`, en: (p) => `[${s(p.group)}] ${s(p.n)} unit(s)` },
  'roll.chase.footer': {
    zh: (p) => `报送邮箱：${s(p.mailbox)}　截止：${s(p.deadline)}`,
    en: (p) => `Mailbox: ${s(p.mailbox)}  deadline: ${s(p.deadline)}`,
  },

  // ── the stamped scan: what to ask for (chase list, reminders) ───────────
  'roll.scan.seal': {
    zh: (p) => `盖章扫描件「${s(p.file)}」上没有看到公章：请在打印的统计表上加盖公章，用彩色模式扫描后重新发送。`,
    en: (p) => `No seal on the stamped scan “${s(p.file)}”: stamp the printed form, scan it in colour and send it again.`,
  },
  'roll.scan.colour': {
    zh: (p) =>
      `盖章扫描件「${s(p.file)}」是${s(p.kind)}，公章的红色已经看不出来，无法确认是否盖章：请用「彩色」模式重新扫描盖章后的统计表发送。`,
    en: (p) =>
      `The stamped scan “${s(p.file)}” is ${s(p.kind)}: the red of the seal is lost, so the seal cannot be seen. Scan the stamped form again in colour and send it.`,
  },
  'roll.scan.kind.grayscale': { zh: () => '灰度扫描件', en: () => 'a grayscale scan' },
  'roll.scan.kind.noColour': { zh: () => '不带任何彩色的扫描件（灰度或黑白）', en: () => 'a scan without any colour' },
  'roll.scan.kind.bilevel': {
    zh: (p) => `黑白扫描件${p.encoding ? `（${s(p.encoding)}）` : ''}`,
    en: (p) => `a black-and-white scan${p.encoding ? ` (${s(p.encoding)})` : ''}`,
  },
  'roll.scan.scanned': {
    zh: (p) => `「${s(p.file)}」是由电子文档直接导出的 PDF，不是盖章后的扫描件：请打印统计表、加盖公章，扫描后发送。`,
    en: (p) => `“${s(p.file)}” is a PDF exported from a document, not a scan of the stamped form: print, stamp, scan and send it.`,
  },
  'roll.scan.readable': {
    zh: (p) =>
      `盖章扫描件「${s(p.file)}」的图像格式${p.encoding ? `（${s(p.encoding)}）` : ''}打不开：请另存为 JPG 图片或普通 PDF 后重新发送。`,
    en: (p) =>
      `The stamped scan “${s(p.file)}” uses a picture format${p.encoding ? ` (${s(p.encoding)})` : ''} that cannot be opened: send it as JPG or an ordinary PDF.`,
  },
  'roll.scan.final': {
    zh: (p) => `盖章扫描件「${s(p.file)}」与统计表电子版有 ${s(p.n)} 处不一致，可能扫描的是修改前的打印稿：`,
    en: (p) =>
      `The stamped scan “${s(p.file)}” differs from the electronic form in ${s(p.n)} place(s); perhaps an older printout was scanned:`,
  },
  'roll.scan.diff': {
    zh: (p) => `「${s(p.label)}」：电子版为「${s(p.electronic)}」，扫描件${p.page ? `第 ${s(p.page)} 页` : ''}为「${s(p.scan)}」`,
    en: (p) =>
      `“${s(p.label)}”: “${s(p.electronic)}” in the electronic form, “${s(p.scan)}” on the scan${p.page ? ` (page ${s(p.page)})` : ''}`,
  },
  'roll.scan.finalAsk': {
    zh: () => '请核对：如电子版是最终稿，请打印最终稿、加盖公章、扫描后重新发送；如扫描件是对的，请改正电子版后重新发送。',
    en: () =>
      'Please check: if the electronic form is final, print it, stamp it and send a new scan; if the scan is right, correct the electronic form and send it again.',
  },

  'roll.photo.cannotTell': {
    zh: () =>
      '这张照片拍的像是一页纸质文件，但上面没有看到公章；未安装文字识别组件，无法判断是不是统计表的照片，暂按活动照片计。如果是统计表，请单位改发盖章后的扫描件（PDF）；要自动识别，见 README「启用文字识别」。',
    en: () =>
      'This photo looks like a sheet of paper but shows no seal; without the OCR add-on nobody can tell whether it is the form, so it counts as an activity photo. If it is the form, ask for a scan of the stamped form (PDF); to read such photos automatically, install the OCR add-on (see the README).',
  },

  // ── one line in a table (serve's 汇总): the chase in a few words ─────────
  'roll.brief.missing': { zh: () => '未收到任何材料', en: () => 'nothing received' },
  'roll.brief.unreadable': { zh: (p) => `${s(p.n)} 个文件打不开，请重发`, en: (p) => `${s(p.n)} file(s) unreadable: resend` },
  'roll.brief.ambiguous': { zh: (p) => `${s(p.n)} 个版本，问哪份为准`, en: (p) => `${s(p.n)} versions: which is final?` },
  'roll.brief.invalid': { zh: (p) => `${s(p.n)} 处错误要改`, en: (p) => `${s(p.n)} error(s) to fix` },
  'roll.brief.pieces': { zh: (p) => `缺${s(p.list)}`, en: (p) => `lacks ${s(p.list)}` },
  'roll.brief.late': { zh: () => '逾期（已计入）', en: () => 'late (counted)' },
  'roll.brief.seal': { zh: () => '扫描件未见公章', en: () => 'no seal on the scan' },
  'roll.brief.colour': { zh: () => '要彩色扫描件', en: () => 'needs a colour scan' },
  'roll.brief.scanned': { zh: () => '要盖章后的扫描件', en: () => 'needs a scan of the stamped form' },
  'roll.brief.readable': { zh: () => '扫描件打不开', en: () => 'scan cannot be opened' },
  'roll.brief.final': { zh: (p) => `扫描件与电子版 ${s(p.n)} 处不一致`, en: (p) => `scan differs in ${s(p.n)} place(s)` },
  'roll.brief.more': { zh: () => '详情见单位', en: () => 'details: open the unit' },
  'roll.seal.found': { zh: () => '有公章', en: () => 'sealed' },
  'roll.seal.notFound': { zh: () => '未见公章', en: () => 'no seal' },
  'roll.seal.unknown': { zh: () => '无法判断', en: () => 'cannot tell' },
  'serve.summary.campaign': {
    zh: (p) => `${s(p.year)} 年${s(p.city)}全民终身学习活动周`,
    en: (p) => `Lifelong-learning week ${s(p.year)}, ${s(p.city)}`,
  },
  'roll.seal.foundAt': {
    zh: (p) => `有公章（第 ${s(p.page)} 页，直径${p.estimated ? '约' : ''} ${s(p.diameter)} mm）`,
    en: (p) => `sealed (page ${s(p.page)}, ${p.estimated ? 'about ' : ''}${s(p.diameter)} mm across)`,
  },
  'roll.seal.unknownWhy': { zh: (p) => `无法判断（${s(p.why)}）`, en: (p) => `cannot tell (${s(p.why)})` },
  'roll.seal.why.grayscale': { zh: () => '灰度扫描，请要彩色扫描件', en: () => 'grayscale scan: ask for a colour scan' },
  'roll.seal.why.noColour': { zh: () => '扫描件无彩色，请要彩色扫描件', en: () => 'no colour in the scan: ask for a colour scan' },
  'roll.seal.why.bilevel': { zh: () => '黑白扫描，请要彩色扫描件', en: () => 'black-and-white scan: ask for a colour scan' },
  'roll.seal.why.notScanned': { zh: () => '不是扫描件，请要盖章后的扫描件', en: () => 'not a scan: ask for a scan of the stamped form' },
  'roll.seal.why.undecodable': { zh: () => '图像格式读不了', en: () => 'the picture format cannot be read' },
  'roll.seal.pending': { zh: () => '正在检查公章', en: () => 'checking the seal' },
  'roll.figures.match': { zh: () => '扫描件与电子版一致', en: () => 'scan matches the electronic form' },
  'roll.figures.unread': { zh: (p) => `（未读出：${s(p.list)}）`, en: (p) => ` (not read: ${s(p.list)})` },
  'roll.figures.differ': { zh: (p) => `有出入：${s(p.list)}`, en: (p) => `differs: ${s(p.list)}` },
  'roll.figures.diff': {
    zh: (p) => `${s(p.label)} 电子版「${s(p.electronic)}」、扫描件${p.page ? `第 ${s(p.page)} 页` : ''}「${s(p.scan)}」`,
    en: (p) => `${s(p.label)}: “${s(p.electronic)}” electronic, “${s(p.scan)}” on the scan${p.page ? ` (page ${s(p.page)})` : ''}`,
  },
  'roll.figures.unchecked': { zh: (p) => `无法核对：${s(p.why)}`, en: (p) => `not compared: ${s(p.why)}` },
  'roll.figures.why.noText': { zh: () => '扫描件上没有读出统计表的项目', en: () => 'no item of the form was read on the scan' },
  'roll.figures.why.noElectronic': { zh: () => '没有可比对的电子版统计表', en: () => 'no electronic form to compare with' },
  'roll.figures.why.noOcr': { zh: () => '未安装文字识别组件', en: () => 'the OCR add-on is not installed' },

  // ── reminders (mailbox/reminder.ts, commands/remind.ts) ─────────────────
  'roll.remind.salutation': { zh: (p) => `${s(p.department)}：`, en: (p) => `${s(p.department)}:` },
  'roll.remind.section': { zh: (p) => `${s(p.numeral)}、${s(p.title)}`, en: (p) => `${s(p.n)}. ${s(p.title)}` },
  'roll.remind.error': {
    zh: (p) => `${s(p.i)}. 「${s(p.label)}」${s(p.where)}：${s(p.message)}`,
    en: (p) => `${s(p.i)}. “${s(p.label)}”${s(p.where)}: ${s(p.message)}`,
  },
  'roll.remind.errorWhole': {
    zh: (p) => `${s(p.i)}. ${s(p.whole)}${s(p.where)}：${s(p.message)}`,
    en: (p) => `${s(p.i)}. ${s(p.whole)}${s(p.where)}: ${s(p.message)}`,
  },
  'roll.remind.contact': {
    zh: (p) => `${s(p.name)}${p.org ? `（${s(p.org)}）` : ''} ${s(p.phone)}`,
    en: (p) => `${s(p.name)}${p.org ? ` (${s(p.org)})` : ''} ${s(p.phone)}`,
  },
  'roll.remind.scanSection': {
    zh: () => '盖章扫描件需要重新发送：',
    en: () => 'The stamped scan needs to be sent again:',
  },
  'roll.remind.fromMail': { zh: () => '（来信地址）', en: () => ' (from their mail)' },
  'roll.remind.reason.scan': { zh: (p) => `扫描件：${s(p.what)}`, en: (p) => `scan: ${s(p.what)}` },
  'roll.remind.noInbox': {
    zh: (p) => `找不到收件箱文件夹「${s(p.folder)}」。请先运行 lifelong-week fetch ${s(p.folder)} 收取邮件，或指定存放邮件的文件夹。`,
    en: (p) => `The inbox folder “${s(p.folder)}” does not exist. Run lifelong-week fetch first, or name the folder that holds the mails.`,
  },
} satisfies Record<string, Entry>;
