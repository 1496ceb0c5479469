/** What users read for fates, pieces and unit statuses: one list, for the terminal report and the workbook. */
import type { AttachmentKind } from '../read/index.js';
import type { Fate } from '../inbox/check.js';

export const FATE_ZH: Record<Fate, string> = {
  submission: '报送文件',
  superseded: '已被新版本取代',
  attachment: '附件',
  'not-a-submission': '不是报送文件',
  unreadable: '无法读取',
  unsafe: '已拒绝（不安全）',
  unsupported: '未检查',
  container: '邮件或压缩包',
};

/** The pieces the notice asks for besides the form (「四、其他事项」), and photos. */
export const ATTACHMENT_ZH: Record<AttachmentKind, string> = {
  stampedScan: '盖章扫描件',
  workPlan: '工作方案',
  workSummary: '工作总结',
  photo: '活动照片',
  other: '其他',
};

export const STATUS_ZH = { valid: '有效', invalid: '有误', missing: '未报送', unreadable: '收到文件，无法读取', ambiguous: '版本不明' } as const;
