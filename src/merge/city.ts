/**
 * The city's own 统计表 for the province (docs/campaign.md, "What the city needs back"): the same form, one level up.
 *
 * - 举办县区 = the city, 教育行政部门（盖章） = the campaign's issuer (南昌市教育局), contacts = the
 *   campaign's contacts (市社区教育指导中心).
 * - Counts are summed over the valid units; 群众满意度 is weighted by 参加活动人数 (the share of all
 *   participants who were satisfied), rounded to one decimal.
 * - 活动时间 spans every unit's period.
 * - Texts are merged under the units' names, in roster order: short ones on one line
 *   「东湖区：…；西湖区：…」, long ones (kind longText) one paragraph per unit.
 *
 * Built directly as a `Submission` (the unit normaliser resolves only roster units, and the city is
 * not one of its own units), then checked against the schema so the renderer gets typed data.
 */
import type { Campaign } from '../campaign/campaign.js';
import { FIELDS, getPath, setPath, type Field } from '../form/definition.js';
import { formatPeriodCanonical } from '../form/display.js';
import { submissionSchema, type Contact, type Period, type Submission } from '../form/schema.js';
import type { UnitStatus } from '../inbox/roster.js';
import { totals, validUnits } from './model.js';

/** Lines of one unit's text made into one run: a line that ends without punctuation gets 「；」. */
export function oneParagraph(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.reduce((acc, line, i) => (i === 0 ? line : /[；;。.，,、：:！!？?]$/.test(acc) ? acc + line : `${acc}；${line}`), '');
}

const strip = (s: string) => s.replace(/[；;。.，,\s]+$/, '');

/** 「东湖区：…；西湖区：…」, or one paragraph per unit for long texts. */
export function mergeTexts(entries: ReadonlyArray<{ unit: string; text: string }>, long: boolean): string {
  const parts = entries.map((e) => `${e.unit}：${strip(oneParagraph(e.text))}`);
  return long ? parts.map((p) => (/[。！？!?]$/.test(p) ? p : `${p}。`)).join('\n') : parts.join('；');
}

/** Texts that say nothing (「无」) are left out of the merge; if every unit said nothing, the city says 「无」. */
const NOTHING = /^(无|没有|暂无|—+|-+|\/)$/;

function mergedField(field: Field, units: readonly UnitStatus[]): string | undefined {
  const entries = units.map((u) => ({ unit: u.name, text: String(getPath(u.data, field.id) ?? '').trim() })).filter((e) => e.text !== '');
  const meaningful = entries.filter((e) => !NOTHING.test(e.text));
  if (meaningful.length === 0) return entries.length ? '无' : undefined;
  // A theme every unit shares is the city's theme as it stands, not twelve copies of it.
  const distinct = new Set(meaningful.map((e) => e.text));
  if (field.default === 'campaign.theme' && distinct.size === 1 && meaningful.length === entries.length) return meaningful[0]!.text;
  return mergeTexts(meaningful, field.kind === 'longText');
}

export type CityReport =
  | { ok: true; data: Submission; notes: string[]; included: string[]; excluded: Array<{ unit: string; why: string }> }
  | { ok: false; reason: 'noValidUnits' | 'schema'; detail?: string };

export interface CityOptions {
  /** The centre's own text for 「其他」; default 「无」. */
  other?: string;
  /** Fill 「其他」 with the units' own notes instead (as the form's other texts are merged). */
  unitsOther?: boolean;
}

/**
 * Who the figures hold and who they do not, for the lines under the table: the province reads the
 * city's form without the workbook. Words from the one verdict (`report/verdict.ts` words the same
 * states); late units are counted and named.
 */
export function inclusionNotes(
  units: readonly UnitStatus[],
  campaign: Campaign,
): { notes: string[]; included: string[]; excluded: Array<{ unit: string; why: string }> } {
  const included = units.filter((u) => u.included).map((u) => u.name);
  const why = (u: UnitStatus) =>
    u.status === 'missing'
      ? '未报送'
      : u.status === 'unreadable'
        ? '收到的文件无法读取'
        : u.status === 'ambiguous'
          ? '版本不明'
          : '有误未计入';
  const excluded = units.filter((u) => !u.included).map((u) => ({ unit: u.name, why: why(u) }));
  const late = units.filter((u) => u.included && u.late).map((u) => u.name);
  const corrected = units.filter((u) => u.included && u.timing === 'corrected').map((u) => u.name);
  const notes = [
    `本表合计名册 ${units.length} 个单位中的 ${included.length} 个：${included.join('、')}。`,
    ...(excluded.length
      ? [
          `未计入（${excluded.length} 个）：${['未报送', '收到的文件无法读取', '版本不明', '有误未计入']
            .map((w) => [w, excluded.filter((e) => e.why === w).map((e) => e.unit)] as const)
            .filter(([, list]) => list.length)
            .map(([w, list]) => `${w}：${list.join('、')}`)
            .join('；')}。`,
        ]
      : []),
    ...(late.length ? [`逾期报送（已计入）：${late.join('、')}。`] : []),
    ...(corrected.length ? [`按时报送、截止后更正（已计入更正后的数字）：${corrected.join('、')}。`] : []),
    `截止 ${campaign.deadline}，据${campaign.receiver}收件汇总。`,
  ];
  return { notes, included, excluded };
}

export function cityReport(units: readonly UnitStatus[], campaign: Campaign, opts: CityOptions = {}): CityReport {
  const valid = validUnits(units);
  if (valid.length === 0) return { ok: false, reason: 'noValidUnits' };
  const t = totals(units);
  const periods = valid.map((u) => getPath(u.data, 'content.period') as Period);
  const start = periods.map((p) => p.start).sort()[0]!;
  const end = periods
    .map((p) => p.end)
    .sort()
    .at(-1)!;
  // The centre's own contacts; a campaign file without any lends the units' first contacts.
  const contacts: Contact[] = campaign.contacts.length
    ? campaign.contacts.map((c) => ({ name: c.name, phone: c.phone }))
    : valid.map((u) => (getPath(u.data, 'contacts') as Contact[])[0]!).filter(Boolean);

  const data: Record<string, unknown> = {};
  for (const field of FIELDS) {
    switch (field.id) {
      case 'year':
        setPath(data, field.id, campaign.year);
        continue;
      case 'department':
        setPath(data, field.id, campaign.issuer);
        continue;
      case 'district':
        setPath(data, field.id, campaign.city);
        continue;
      case 'contacts':
        setPath(data, field.id, contacts);
        continue;
      case 'other':
        // The centre's own words, not the units' internal notes (「本表为修改版，请以此为准」).
        if (!opts.unitsOther) {
          setPath(data, field.id, opts.other?.trim() || '无');
          continue;
        }
    }
    switch (field.kind) {
      case 'count':
        setPath(data, field.id, field.id === 'participation.activityCount' ? t.activities : t.participants);
        break;
      case 'percent':
        setPath(data, field.id, Math.round((t.satisfactionWeighted ?? 0) * 10) / 10);
        break;
      case 'dateRange':
        setPath(data, field.id, { start, end, text: formatPeriodCanonical({ start, end }) });
        break;
      default: {
        const merged = mergedField(field, valid);
        if (merged !== undefined) setPath(data, field.id, merged);
      }
    }
  }
  const parsed = submissionSchema.safeParse(data);
  if (!parsed.success)
    return { ok: false, reason: 'schema', detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  return { ok: true, data: parsed.data, ...inclusionNotes(units, campaign) };
}
