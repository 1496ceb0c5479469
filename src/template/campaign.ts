/**
 * The campaign in force as a commented YAML file: what the city centre copies and edits for next
 * year or another city, then passes with `--campaign` (docs/campaign.md, "A campaign file"). Read back by `read/campaign.ts`.
 */
import { stringify } from 'yaml';
import type { Campaign } from '../campaign/campaign.js';

export function campaignYaml(campaign: Campaign): string {
  const body = stringify(campaign, { lineWidth: 0, flowCollectionPadding: true }).trimEnd();
  return [
    `# ${campaign.year} 年${campaign.city}全民终身学习活动周：活动配置（lifelong-week --campaign 本文件）`,
    '# 换年度或换城市时复制本文件修改：',
    '#   year 年度；city 城市；issuer 发通知的教育局；receiver 收报送材料的单位；theme 活动主题；',
    '#   window 活动期（start 开始、end 结束，YYYY-MM-DD）；deadline 报送截止日（当天 24 时前算按时）；timezone 时区；',
    '#   mailbox 报送邮箱；contacts 通知上的联系人；roster 报送单位名册（name 名称、kind 类型：district 区 / county 县 /',
    '#   zone 开发区 / administration 管理局 / city 市，department 盖章单位，aliases 其他写法）。',
    body,
    '',
  ].join('\n');
}
