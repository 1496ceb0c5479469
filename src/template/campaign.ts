/**
 * The campaign in force as a commented YAML file: what the city centre copies and edits for next
 * year or another city, then passes with `--campaign` (docs/campaign.md, "A campaign file"). Read back by `read/campaign.ts`.
 */
import { stringify } from 'yaml';
import type { Campaign } from '../campaign/campaign.js';

export function campaignYaml(campaign: Campaign): string {
  // The file's own shape: the server settings, when there are any, live under `mailbox:`.
  const { mailServer, ...rest } = campaign;
  const body = stringify({ ...rest, mailbox: mailServer ?? rest.mailbox }, { lineWidth: 0, flowCollectionPadding: true }).trimEnd();
  return [
    `# ${campaign.year} 年${campaign.city}全民终身学习活动周：活动配置（lifelong-week --campaign 本文件）`,
    '# 换年度或换城市时复制本文件修改：',
    '#   year 年度；city 城市；issuer 发通知的教育局；receiver 收报送材料的单位；theme 活动主题；',
    '#   window 活动期（start 开始、end 结束，YYYY-MM-DD）；deadline 报送截止日（当天 24 时前算按时）；timezone 时区；',
    '#   noticeDate 通知印发日期（可选，fetch 从这天起收取邮件）；',
    '#   mailbox 报送邮箱，或写成 { address 邮箱, host IMAP 服务器, port 端口, user 登录名, mailbox 文件夹, starttls, smtp: { host, port } }（不写密码）；',
    '#   contacts 通知上的联系人；roster 报送单位名册（name 名称、kind 类型：district 区 / county 县 /',
    '#   zone 开发区 / administration 管理局 / city 市，department 盖章单位，aliases 其他写法，email 催报邮件发往的邮箱（可选），',
    '#   contacts 该单位的联系人 [{ name: 姓名, phone: 电话 }]，催报名单里印出，让每个单位都有电话可打）。',
    body,
    '',
  ].join('\n');
}
