/** The catalogue's part for validate's report: the file list, the roll-call table and its words. */
import { s, type Entry } from './kit.js';

export const REPORT_MESSAGES = {
  // how the items of a sentence are joined
  'punct.list': { zh: () => '、', en: () => ', ' },
  'punct.comma': { zh: () => '，', en: () => ', ' },
  'punct.semicolon': { zh: () => '；', en: () => '; ' },
  // a file's fate
  'fate.submission': { zh: () => '报送文件', en: () => 'submission' },
  'fate.superseded': { zh: () => '已被新版本取代', en: () => 'superseded by a newer version' },
  'fate.attachment': { zh: () => '附件', en: () => 'attachment' },
  'fate.notASubmission': { zh: () => '不是报送文件', en: () => 'not a submission' },
  'fate.unreadable': { zh: () => '无法读取', en: () => 'unreadable' },
  'fate.unsafe': { zh: () => '已拒绝（不安全）', en: () => 'refused (unsafe)' },
  'fate.unsupported': { zh: () => '未检查', en: () => 'not checked' },
  'fate.container': { zh: () => '邮件或压缩包', en: () => 'mail or archive' },
  // the pieces besides the form (the notice, 「四、其他事项」) and photos
  'attachment.stampedScan': { zh: () => '盖章扫描件', en: () => 'stamped scan' },
  'attachment.workPlan': { zh: () => '工作方案', en: () => 'work plan' },
  'attachment.workSummary': { zh: () => '工作总结', en: () => 'work summary' },
  'attachment.photo': { zh: () => '活动照片', en: () => 'activity photo' },
  'attachment.other': { zh: () => '其他', en: () => 'other' },
  // a roster unit's status
  'status.valid': { zh: () => '有效', en: () => 'valid' },
  'status.invalid': { zh: () => '有误', en: () => 'invalid' },
  'status.missing': { zh: () => '未报送', en: () => 'missing' },
  'status.unreadable': { zh: () => '收到文件，无法读取', en: () => 'received, unreadable' },
  'status.ambiguous': { zh: () => '版本不明', en: () => 'version unclear' },
  // the roll-call table
  'report.col.unit': { zh: () => '单位', en: () => 'Unit' },
  'report.col.verdict': { zh: () => '结论', en: () => 'Verdict' },
  'report.col.form': { zh: () => '统计表', en: () => 'Form' },
  'report.col.scan': { zh: () => '扫描件', en: () => 'Scan' },
  'report.col.plan': { zh: () => '方案', en: () => 'Plan' },
  'report.col.summary': { zh: () => '总结', en: () => 'Summary' },
  'report.col.received': { zh: () => '收到时间', en: () => 'Received' },
  'report.col.evidence': { zh: () => '时间依据', en: () => 'Evidence' },
  'report.col.fileUsed': { zh: () => '采用的文件', en: () => 'File used' },
  'report.time.unknown': { zh: () => '不明', en: () => 'unknown' },
  'report.from.record': { zh: () => '记', en: () => 'R' },
  'report.from.mail': { zh: () => '邮', en: () => 'M' },
  'report.from.file': { zh: () => '文', en: () => 'F' },
  'report.from.copy': { zh: () => '?', en: () => '?' },
  'report.from.legend': {
    zh: () => '  收到时间：邮＝邮件时间，记＝收件记录，文＝文件时间',
    en: () => '  Received: M = mail Date, R = record, F = file time',
  },
  'report.roster': {
    zh: (p) => `报送情况（名册 ${s(p.count)} 个单位，截止 ${s(p.deadline)}）`,
    en: (p) => `Roster (${s(p.count)} units, deadline ${s(p.deadline)})`,
  },
  'report.version': {
    zh: (p) => `${s(p.activities)} 场 ${s(p.participants)} 人次`,
    en: (p) => `${s(p.activities)} activities, ${s(p.participants)} participants`,
  },
  'report.unitNote': { zh: (p) => `${s(p.unit)}：${s(p.note)}`, en: (p) => `${s(p.unit)}: ${s(p.note)}` },
  // the roll call's closing line
  'report.roll.ok': { zh: (p) => `${s(p.count)} 个单位有效且未逾期`, en: (p) => `${s(p.count)} unit(s) valid and not late` },
  'report.roll.missing': { zh: (p) => `未报送：${s(p.units)}`, en: (p) => `missing: ${s(p.units)}` },
  'report.roll.unreadable': { zh: (p) => `收到文件但无法读取：${s(p.units)}`, en: (p) => `files unreadable: ${s(p.units)}` },
  'report.roll.invalid': { zh: (p) => `有误：${s(p.units)}`, en: (p) => `invalid: ${s(p.units)}` },
  'report.roll.late': { zh: (p) => `逾期：${s(p.units)}`, en: (p) => `late: ${s(p.units)}` },
  'report.roll.corrected': { zh: (p) => `按时报送、截止后更正：${s(p.units)}`, en: (p) => `corrected after the deadline: ${s(p.units)}` },
  'report.roll.unknown': { zh: (p) => `收到时间不明：${s(p.units)}`, en: (p) => `received time unknown: ${s(p.units)}` },
  'report.sentence': { zh: (p) => `${s(p.parts)}。`, en: (p) => `${s(p.parts)}.` },
  // the file list
  'report.checked': {
    zh: (p) => `检查 ${s(p.files)} 个文件（${s(p.year)} 年${s(p.city)}全民终身学习活动周）`,
    en: (p) => `Checked ${s(p.files)} file(s) (${s(p.city)} ${s(p.year)})`,
  },
  'report.hidden': {
    zh: (p) => `– 另有 ${s(p.count)} 个系统、临时或本工具自己的文件，未检查：${s(p.paths)}`,
    en: (p) => `– ${s(p.count)} system, temporary or own file(s) not checked: ${s(p.paths)}`,
  },
  'report.total.valid': { zh: (p) => `${s(p.count)} 份有效`, en: (p) => `${s(p.count)} valid` },
  'report.total.invalid': { zh: (p) => `${s(p.count)} 份有误`, en: (p) => `${s(p.count)} invalid` },
  'report.total.rejected': { zh: (p) => `${s(p.count)} 个无法读取或已拒绝`, en: (p) => `${s(p.count)} unreadable or refused` },
  'report.total.unchecked': { zh: (p) => `${s(p.count)} 个未检查`, en: (p) => `${s(p.count)} unchecked` },
  'report.total': {
    zh: (p) => `合计：${s(p.files)} 个文件，${s(p.parts)}；${s(p.errors)} 个错误，${s(p.warnings)} 条提醒。`,
    en: (p) => `Total: ${s(p.files)} file(s), ${s(p.parts)}; ${s(p.errors)} error(s), ${s(p.warnings)} warning(s).`,
  },
  'report.advice.centre': {
    zh: (p) => `有 ${s(p.count)} 个单位需要联系。运行 lifelong-week merge <收件箱文件夹> 可得到可直接发送的催报名单和全市汇总表。`,
    en: (p) =>
      `${s(p.count)} unit(s) to contact. Run lifelong-week merge <inbox folder> for a chase list ready to send and the city workbook.`,
  },
  'report.advice.clerk': { zh: () => '请按提示修改有误的文件后重新检查。', en: () => 'Fix the files with errors and check again.' },
  'report.file.attachment': { zh: (p) => `附件：${s(p.kind)}`, en: (p) => `attachment: ${s(p.kind)}` },
  'report.file.warnings': { zh: (p) => `（${s(p.count)} 条提醒）`, en: (p) => ` (${s(p.count)} warning(s))` },
  'report.file.errors': { zh: (p) => `（${s(p.errors)} 个错误${s(p.warnings)}）`, en: (p) => ` (${s(p.errors)} error(s)${s(p.warnings)})` },
  'report.file.andWarnings': { zh: (p) => `，${s(p.count)} 条提醒`, en: (p) => `, ${s(p.count)} warning(s)` },
  'report.severity.error': { zh: () => '错误', en: () => 'error' },
  'report.severity.warning': { zh: () => '提醒', en: () => 'warning' },
  'report.where.line': {
    zh: (p) => `${s(p.path)} ${s(p.in)}第 ${s(p.line)} 行${s(p.column)}`,
    en: (p) => `${s(p.path)}${s(p.in)}:${s(p.line)}${s(p.column)}`,
  },
  'report.where.in': { zh: (p) => `${s(p.in)}`, en: (p) => ` (${s(p.in)})` },
  'report.where.column': { zh: (p) => `第 ${s(p.column)} 列`, en: (p) => `:${s(p.column)}` },
  'report.place.table': { zh: () => '表格', en: () => 'table' },
  'report.place.tableN': { zh: (p) => `表格${s(p.n)}`, en: (p) => `table ${s(p.n)}` },
  'report.place.paragraph': { zh: () => '段落', en: () => 'paragraph' },
} satisfies Record<string, Entry>;
