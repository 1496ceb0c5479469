/**
 * What users read for fates, pieces and unit statuses: one list, from the message catalogue, for the
 * terminal report, the workbook and the page. The workbook is a Chinese document, so it takes the
 * Chinese tables below; the terminal report asks in the user's language. From the page's part of the
 * catalogue (the page shows these names too).
 */
import { formatPageMessage, type Lang } from '../core/messages.js';
import type { AttachmentKind } from '../read/index.js';
import type { Fate } from '../inbox/check.js';
import type { UnitStatus } from '../inbox/roster.js';

const FATES: readonly Fate[] = [
  'submission',
  'superseded',
  'attachment',
  'not-a-submission',
  'unreadable',
  'unsafe',
  'unsupported',
  'container',
];
const fateCode = (fate: Fate) => (fate === 'not-a-submission' ? 'fate.notASubmission' : (`fate.${fate}` as const));

/** A file's fate in words: 报送文件, 已被新版本取代, 附件 … */
export const fateName = (fate: Fate, lang: Lang): string => formatPageMessage(fateCode(fate), undefined, lang);

/** The pieces the notice asks for besides the form (「四、其他事项」), and photos. */
const ATTACHMENTS: readonly AttachmentKind[] = ['stampedScan', 'workPlan', 'workSummary', 'photo', 'other'];
export const attachmentName = (kind: AttachmentKind, lang: Lang): string => formatPageMessage(`attachment.${kind}`, undefined, lang);

type Status = UnitStatus['status'];
const STATUSES: readonly Status[] = ['valid', 'invalid', 'missing', 'unreadable', 'ambiguous'];
export const statusName = (status: Status, lang: Lang): string => formatPageMessage(`status.${status}`, undefined, lang);

export const FATE_ZH = Object.fromEntries(FATES.map((f) => [f, fateName(f, 'zh')])) as Record<Fate, string>;
export const ATTACHMENT_ZH = Object.fromEntries(ATTACHMENTS.map((k) => [k, attachmentName(k, 'zh')])) as Record<AttachmentKind, string>;
export const STATUS_ZH = Object.fromEntries(STATUSES.map((s) => [s, statusName(s, 'zh')])) as Record<Status, string>;
