/**
 * The one-page summary for a leader (简报): each unit's verdict, activities, participants,
 * satisfaction and rank, who is not included, and the figures the charts draw. Pure: the units'
 * verdicts in, rows out; `render/leader-pdf.ts` draws the page and `workbook.ts` writes the same rows
 * as the 简报 sheet, so the two never disagree.
 */
import type { Campaign } from '../campaign/campaign.js';
import type { UnitStatus } from '../inbox/roster.js';
import { verdictOf } from '../report/verdict.js';
import { num, type Totals } from './totals.js';

export interface LeaderRow {
  unit: string;
  verdict: string;
  included: boolean;
  activities: number | null;
  participants: number | null;
  /** 0–100. */
  satisfaction: number | null;
  /** By participants among the included units (1 = most); null when not included. */
  rank: number | null;
  /** How many of the four pieces arrived (the form as Word, the stamped scan, the plan, the summary). */
  pieces: number;
}

export interface LeaderSummary {
  title: string;
  subtitle: string;
  headline: string;
  rows: LeaderRow[];
  /** 「未报送：青云谱区；有误未计入：高新区」 — empty when every unit is included. */
  excluded: string;
  /** Units that sent each piece. */
  piecesReceived: Array<{ label: string; count: number }>;
  unitCount: number;
}

export const PIECE_LABELS = ['统计表（Word）', '盖章扫描件', '工作方案', '工作总结'] as const;

const nf = (n: number) => n.toLocaleString('en-US');

export function leaderTitle(campaign: Campaign): string {
  return `${campaign.city}${campaign.year}年全民终身学习活动周简报`;
}

export function leaderSummary(units: readonly UnitStatus[], totals: Totals, campaign: Campaign): LeaderSummary {
  const rows: LeaderRow[] = units.map((u) => ({
    unit: u.name,
    verdict: verdictOf(u, campaign, 'zh').short,
    included: u.included,
    activities: u.included ? (num(u.data, 'participation.activityCount') ?? null) : null,
    participants: u.included ? (num(u.data, 'participation.participantCount') ?? null) : null,
    satisfaction: u.included ? (num(u.data, 'reach.satisfaction') ?? null) : null,
    rank: null,
    pieces: [u.pieces.wordForm, u.pieces.stampedScan, u.pieces.workPlan, u.pieces.workSummary].filter(Boolean).length,
  }));
  const ranked = rows.filter((r) => r.included && r.participants !== null).sort((a, b) => b.participants! - a.participants!);
  ranked.forEach((r, i) => {
    // Equal figures share a rank.
    r.rank = i > 0 && ranked[i - 1]!.participants === r.participants ? ranked[i - 1]!.rank : i + 1;
  });
  const why = (u: UnitStatus) =>
    u.status === 'missing' ? '未报送' : u.status === 'unreadable' ? '文件无法读取' : u.status === 'ambiguous' ? '版本不明' : '有误未计入';
  const groups = new Map<string, string[]>();
  for (const u of units.filter((x) => !x.included)) groups.set(why(u), [...(groups.get(why(u)) ?? []), u.name]);
  const sat = totals.satisfactionWeighted === null ? '—' : `${totals.satisfactionWeighted.toFixed(1)}%`;
  return {
    title: leaderTitle(campaign),
    subtitle: `截止 ${campaign.deadline}　名册 ${units.length} 个单位，计入合计 ${totals.unitsReporting} 个　${campaign.receiver}`,
    headline: `全市共开展活动 ${nf(totals.activities)} 场，参加 ${nf(totals.participants)} 人次，群众满意度 ${sat}（按人次加权）。`,
    rows,
    excluded: [...groups].map(([w, names]) => `${w}：${names.join('、')}`).join('；'),
    piecesReceived: PIECE_LABELS.map((label, i) => ({
      label,
      count: units.filter((u) => [u.pieces.wordForm, u.pieces.stampedScan, u.pieces.workPlan, u.pieces.workSummary][i]).length,
    })),
    unitCount: units.length,
  };
}
