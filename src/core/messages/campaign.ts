/** The catalogue's part for the campaign file's reader: where a campaign file is wrong and how. */
import { s, type Entry } from './kit.js';

export const CAMPAIGN_MESSAGES = {
  'campaign.notTextFileExpected': { zh: () => '不是文本文件（应为 YAML 或 JSON）。', en: () => 'Not a text file (expected YAML or JSON).' },
  'campaign.line': { zh: (p) => `第 ${s(p.line)} 行`, en: (p) => `line ${s(p.line)}` },
  'campaign.keyGivenTwice': { zh: () => '同一个键写了两次', en: () => 'a key is given twice' },
  'campaign.colon': { zh: () => '：', en: () => ': ' },
  'campaign.yamlAliasesExpandToo': { zh: () => 'YAML 别名展开过大。', en: () => 'YAML aliases expand too far.' },
  'campaign.wholeFile': { zh: () => '（整个文件）', en: () => '(whole file)' },
  'campaign.missing': { zh: (p) => `缺少「${s(p.path)}」这一项`, en: (p) => `“${s(p.path)}” is missing` },
  // the campaign schema's own checks (src/campaign/campaign.ts names these codes)
  'campaign.date': {
    zh: () => '日期应写成 YYYY-MM-DD（如 2023-11-30），且必须是存在的日期',
    en: () => 'a real date written YYYY-MM-DD (e.g. 2023-11-30)',
  },
  'campaign.timezone': { zh: () => '时区应写成 +08:00 这样的格式', en: () => 'time zone must look like +08:00' },
  'campaign.email': { zh: () => '不是有效的邮箱地址', en: () => 'not a valid e-mail address' },
  'campaign.emptyRoster': { zh: () => '名册至少要有一个单位', en: () => 'the roster needs at least one unit' },
  'campaign.host': { zh: () => '服务器名只能含字母、数字、点和连字符（如 imap.163.com）', en: () => 'a host name such as imap.163.com' },
  'campaign.noticeAfterDeadline': {
    zh: (p) => `通知日期 ${s(p.notice)} 晚于报送截止日期 ${s(p.deadline)}`,
    en: (p) => `the notice date ${s(p.notice)} is after the deadline ${s(p.deadline)}`,
  },
  'campaign.windowOrder': { zh: () => '活动期的结束日期早于开始日期', en: () => 'the window ends before it starts' },
  'campaign.deadlineBeforeWindow': {
    zh: (p) => `报送截止日期 ${s(p.deadline)} 早于活动开始日期 ${s(p.start)}`,
    en: (p) => `the deadline ${s(p.deadline)} is before the window starts (${s(p.start)})`,
  },
  'campaign.windowYear': {
    zh: (p) => `日期 ${s(p.date)} 不在年度 ${s(p.year)} 内`,
    en: (p) => `${s(p.date)} is not in the year ${s(p.year)}`,
  },
  'campaign.phone': {
    zh: (p) => `「${s(p.phone)}」不是有效的电话号码（手机 11 位，座机带区号）`,
    en: (p) => `“${s(p.phone)}” is not a valid phone number`,
  },
  'campaign.duplicateUnit': { zh: (p) => `名册中「${s(p.name)}」出现了两次`, en: (p) => `“${s(p.name)}” appears twice in the roster` },
  'campaign.aliasClash': {
    zh: (p) => `别名「${s(p.name)}」同时属于「${s(p.other)}」和「${s(p.unit)}」`,
    en: (p) => `the alias “${s(p.name)}” belongs to both ${s(p.other)} and ${s(p.unit)}`,
  },
  'campaign.unknownKey': { zh: (p) => `不认识的项「${s(p.keys)}」${s(p.near)}`, en: (p) => `unknown key “${s(p.keys)}”${s(p.near)}` },
  'campaign.didYouMean': { zh: (p) => `，是不是「${s(p.near)}」？`, en: (p) => `; did you mean “${s(p.near)}”?` },
  'campaign.badValue': { zh: (p) => `取值不对（${s(p.detail)}）`, en: (p) => `${s(p.detail)}` },
} satisfies Record<string, Entry>;
