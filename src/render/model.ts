/**
 * The printed form as both renderers see it: page furniture and the table rows, derived from the one
 * form definition (`src/form/definition.ts`) — no field or label is listed here.
 *
 * The table follows the notice's annex: three columns (group label merged vertically over its rows,
 * item label, value); fields outside a group (举办县区, 联系人及电话, 主办单位及协办单位, 其他) are single
 * rows whose label spans the two label columns. `year` (placement 'meta') is only in the title, and
 * `department` (placement 'header') is the 「教育行政部门（盖章）：」 line above the table.
 */
import { TEMPLATE_PREFILLED } from '../read/template-prefilled.js';
import { FIELDS, FURNITURE, getPath, type Field } from '../form/definition.js';
import { displayValue } from '../form/display.js';
import type { Submission } from '../form/schema.js';
import type { Campaign } from '../campaign/campaign.js';

export interface FormRow {
  readonly field: Field;
  /** The value as printed (`displayValue`), '' on a blank template. */
  readonly text: string;
  /** On a blank template: how many lines of room to leave for writing by hand. */
  readonly blankLines: number;
  /** For a row inside a group: its position, so renderers can merge the group label. */
  readonly group?: { readonly key: string; readonly label: string; readonly index: number; readonly size: number };
}

export interface FormModel {
  readonly year: number;
  readonly annexLabel: string;
  readonly title: string;
  readonly stampLine: string;
  /** The department after the stamp line; '' leaves the line blank to fill by hand. */
  readonly department: string;
  readonly rows: readonly FormRow[];
  readonly footnote: string;
  /** Lines under the footnote (the city report's note of who is and is not included); usually none. */
  readonly notes: readonly string[];
  /** The district, for file metadata; '' on a template without one. */
  readonly district: string;
}

/** Lines of writing room for a paragraph field on a blank template (the form then runs to two pages). */
export const BLANK_LONG_TEXT_LINES = 4;

/**
 * What a blank template prints already: the unit it is made for (`template --district`) and the
 * campaign's theme, which every unit shares (the notice's 「让学习成为一种生活方式」).
 */
function templateText(field: Field, campaign: Campaign, opts: { district?: string }): string {
  if (!TEMPLATE_PREFILLED.has(field.id)) return '';
  if (field.id === 'district') return opts.district ?? '';
  if (field.id === 'content.theme') return campaign.theme;
  return '';
}

/**
 * Lines of room on a blank template, to write by pen: numbers and dates one line, short texts two,
 * paragraphs (活动内容, 活动成效, 其他) `BLANK_LONG_TEXT_LINES`.
 */
function blankRoom(field: Field): number {
  if (field.kind === 'longText') return BLANK_LONG_TEXT_LINES;
  if (field.kind === 'text' || field.kind === 'contacts') return 2;
  return 1;
}

export function buildModel(
  data: Submission | null,
  campaign: Campaign,
  opts: { department?: string; district?: string; notes?: readonly string[] } = {},
): FormModel {
  const groupSizes = new Map<string, number>();
  for (const f of FIELDS) if (f.group) groupSizes.set(f.group.key, (groupSizes.get(f.group.key) ?? 0) + 1);
  const seen = new Map<string, number>();
  const rows: FormRow[] = [];
  for (const field of FIELDS) {
    if (field.placement !== 'row') continue;
    const text = data ? displayValue(field, getPath(data, field.id)) : templateText(field, campaign, opts);
    // A blank form is filled by hand: every row needs room to write in by pen.
    const blankLines = data || text !== '' ? 0 : blankRoom(field);
    if (field.group) {
      const index = seen.get(field.group.key) ?? 0;
      seen.set(field.group.key, index + 1);
      rows.push({
        field,
        text,
        blankLines,
        group: { key: field.group.key, label: field.group.label, index, size: groupSizes.get(field.group.key)! },
      });
    } else rows.push({ field, text, blankLines });
  }
  return {
    year: campaign.year,
    annexLabel: FURNITURE.annexLabel,
    title: FURNITURE.title(campaign.year),
    stampLine: FURNITURE.stampLine,
    department: data?.department ?? opts.department ?? '',
    rows,
    footnote: FURNITURE.footnote,
    notes: opts.notes ?? [],
    district: data?.district ?? opts.district ?? '',
  };
}

/**
 * The date written into the files' metadata. Never the clock: identical input must give identical
 * bytes (docs/rendering.md, "Determinism"). A filled form is dated by the end of its activity period, a template by the
 * campaign's deadline; midnight in the campaign's time zone.
 */
export function documentDate(data: Submission | null, campaign: Campaign): Date {
  const day = data?.content.period.end ?? campaign.deadline;
  const d = new Date(`${day}T00:00:00${campaign.timezone}`);
  return Number.isNaN(d.getTime()) ? new Date(`${campaign.deadline}T00:00:00+08:00`) : d;
}

/** Document metadata shared by DOCX and PDF (Title/Subject/Keywords). */
export function documentInfo(model: FormModel, campaign: Campaign) {
  const unit = model.district || model.department;
  return {
    title: unit ? `${model.title}（${unit}）` : model.title,
    subject: `${campaign.city}${campaign.year}年全民终身学习活动周报送材料`,
    keywords: ['全民终身学习活动周', '统计表', String(campaign.year), ...(model.district ? [model.district] : [])],
    creator: 'lifelong-week',
  };
}

/**
 * The file name the notice's reports are sent under, without extension:
 * 「2023年全民终身学习活动开展情况统计表（东湖区）」 (docs/rendering.md, "Shared model"). The title's space between the year
 * and 年 is a typographic one of the annex and is left out of file names.
 */
export function outputBaseName(data: Submission | null, campaign: Campaign, opts: { department?: string } = {}): string {
  const base = FURNITURE.title(campaign.year).replace(/\s+/g, '');
  const unit = data?.district ?? opts.department ?? '';
  return unit ? `${base}（${unit}）` : `${base}（模板）`;
}

/**
 * Widths of the two label columns in twips (1/1440 in), shared by the DOCX and the PDF; the value
 * column takes the rest of the type area (docs/rendering.md, "The table"). Each is as narrow as its
 * labels allow on one line at 小四 with Word's cell margins (2 × 108 twips): the group column holds
 * 「活动主题与内容」 (7 em = 1,680 twips), the item column 「全区参与活动的数量」 and 「下发活动文件的部门」
 * (9 em = 2,160); longer labels such as 「出席活动（开幕式）的领导」 wrap. So the value column gets 4,544 of
 * the 8,844 twips, about 19 characters a line (it had 17 with 1,960 + 2,640).
 * (The first try at these widths made LibreOffice here set Latin-heavy values in more lines than the
 * page plan counts — 9 pages for 4 tables — because it drew Times New Roman in DejaVu Serif, far
 * wider; with Times or a face of its metrics the plan holds: test/render/tools.ts.)
 */
export const LABEL_COLUMNS_TWIPS = [1900, 2400] as const;

/** A blank template's file name: 「2023年全民终身学习活动开展情况统计表（东湖区空白模板）」. */
export function templateBaseName(campaign: Campaign, unitName?: string): string {
  return `${FURNITURE.title(campaign.year).replace(/\s+/g, '')}（${unitName ?? ''}空白模板）`;
}
