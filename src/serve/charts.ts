/**
 * Charts for the 汇总 page, drawn on the server as SVG (no charting library, no script in the
 * page): horizontal bars per unit, so long Chinese unit names stay readable and the chart prints.
 * Presentation attributes only (no `style`), so the strict Content-Security-Policy allows them.
 */
import type { FieldId } from '../form/definition.js';
import { num, validUnits } from '../merge/totals.js';
import type { UnitStatus } from '../inbox/roster.js';

export const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface Bar {
  label: string;
  value: number;
  /** Shown after the bar (defaults to the value). */
  text?: string;
}

const ROW = 26;
const LABEL_WIDTH = 110;
const WIDTH = 520;

/** A horizontal bar chart with a title; `max` fixes the scale (percentages), else the largest value. */
export function barChart(title: string, bars: readonly Bar[], opts: { max?: number; empty: string; colour?: string }): string {
  const height = 34 + Math.max(1, bars.length) * ROW + 6;
  const max = opts.max ?? Math.max(1, ...bars.map((b) => b.value));
  const room = WIDTH - LABEL_WIDTH - 70;
  const rows = bars.map((b, i) => {
    const y = 34 + i * ROW;
    const w = Math.max(b.value > 0 ? 2 : 0, Math.round((b.value / max) * room));
    const text = b.text ?? b.value.toLocaleString('en-US');
    return (
      `<text x="${LABEL_WIDTH - 8}" y="${y + 16}" text-anchor="end" font-size="13" fill="#222">${escapeXml(b.label)}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${w}" height="16" rx="2" fill="${opts.colour ?? '#2f6db5'}"><title>${escapeXml(`${b.label}：${text}`)}</title></rect>` +
      `<text x="${LABEL_WIDTH + w + 6}" y="${y + 16}" font-size="12" fill="#333">${escapeXml(text)}</text>`
    );
  });
  const body =
    bars.length === 0 ? `<text x="${LABEL_WIDTH}" y="52" font-size="13" fill="#666">${escapeXml(opts.empty)}</text>` : rows.join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(title)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">` +
    `<title>${escapeXml(title)}</title>` +
    `<text x="0" y="18" font-size="15" font-weight="bold" fill="#111">${escapeXml(title)}</text>${body}</svg>`
  );
}

export interface ChartTitles {
  participants: string;
  activities: string;
  satisfaction: string;
  pieces: string;
  empty: string;
  pieceNames: { form: string; stampedScan: string; workPlan: string; workSummary: string };
}

/** The four charts of the roll call: participants, activities, satisfaction (valid units only) and pieces received. */
export function rollCallCharts(
  units: readonly UnitStatus[],
  titles: ChartTitles,
): Record<'participants' | 'activities' | 'satisfaction' | 'pieces', string> {
  // The units the totals count (merge/totals.ts), so the charts and the totals never disagree.
  const valid = validUnits(units);
  const series = (id: FieldId) =>
    valid
      .map((u) => ({ label: u.name, value: num(u.data, id) }))
      .filter((b): b is { label: string; value: number } => b.value !== undefined)
      .sort((a, b) => b.value - a.value);
  const pieces = (['form', 'stampedScan', 'workPlan', 'workSummary'] as const).map((k) => ({
    label: titles.pieceNames[k],
    value: units.filter((u) => u.pieces[k]).length,
    text: `${units.filter((u) => u.pieces[k]).length} / ${units.length}`,
  }));
  return {
    participants: barChart(titles.participants, series('participation.participantCount'), { empty: titles.empty }),
    activities: barChart(titles.activities, series('participation.activityCount'), { empty: titles.empty, colour: '#3c8d5a' }),
    satisfaction: barChart(
      titles.satisfaction,
      series('reach.satisfaction').map((b) => ({ ...b, text: `${b.value}%` })),
      { max: 100, empty: titles.empty, colour: '#c47f17' },
    ),
    pieces: barChart(titles.pieces, pieces, { max: Math.max(1, units.length), empty: titles.empty, colour: '#7a4bb0' }),
  };
}
