/**
 * The roll-call of the roster (docs/inbox.md, "Attribution to units" and "Revisions and lateness"): which unit each file belongs to, which of several
 * submissions counts, who is late, which pieces arrived. Pure: file results in, unit statuses out.
 *
 * - A unit is named by the content first (举办县区), then the file name, the mail's subject, the
 *   sender; parts of a mail with no name of their own belong to the mail's unit.
 * - Several submissions from one unit: the latest wins (the mail's Date, else the file's time); the
 *   others become `superseded`, never dropped.
 * - Late: received after the deadline day ends in the campaign's time zone (docs/inbox.md, "Revisions and lateness").
 */
import { deadlineInstant, type Campaign, type RosterUnit } from '../campaign/campaign.js';
import { warning } from '../core/problem.js';
import { isoInZone } from '../core/clock.js';
import { foldWidth } from '../core/text.js';
import type { FileResult } from './check.js';

export interface Pieces {
  /** The 统计表 itself (in any format this tool reads). */
  form: boolean;
  /** 盖章后的扫描件 (PDF or picture). */
  stampedScan: boolean;
  workPlan: boolean;
  workSummary: boolean;
}

export interface UnitStatus {
  name: string;
  status: 'valid' | 'invalid' | 'missing';
  late: boolean;
  /** The submission that counts. */
  source: string | null;
  receivedAt: string | null;
  pieces: Pieces;
  /** Every file attributed to the unit. */
  files: string[];
  /** Files from the unit that could not be used (unreadable, refused, unsupported): worth a call even when "missing". */
  unusable: string[];
  data: Record<string, unknown> | null;
}

/** The roster unit whose name or alias appears in a text (the longest wins: 「红谷滩新区」 over 「新区」). */
export function unitInText(text: string | undefined, campaign: Campaign): RosterUnit | undefined {
  if (!text) return undefined;
  const folded = foldWidth(text).replace(/\s+/g, '');
  let best: { unit: RosterUnit; length: number } | undefined;
  for (const unit of campaign.roster)
    for (const name of [unit.name, ...unit.aliases, unit.department])
      if (name.length >= 2 && folded.includes(name) && (!best || name.length > best.length)) best = { unit, length: name.length };
  return best?.unit;
}

const stripExt = (path: string) => path.slice(path.lastIndexOf('!') + 1).replace(/\.[^.]+$/, '');

/** Attribute, resolve revisions and lateness in place; return the roster's statuses in roster order. */
export function rollCall(files: FileResult[], campaign: Campaign): UnitStatus[] {
  const deadline = deadlineInstant(campaign);
  const byPath = new Map(files.map((f) => [f.path, f]));

  // 1. Units: content, then the file's own name, the mail (subject, sender), the container's name.
  const mailUnit = (f: FileResult) =>
    unitInText(f.mail?.subject, campaign) ?? unitInText(f.mail?.from?.name, campaign) ?? unitInText(f.mail?.from?.address, campaign);
  for (const f of files) {
    if (f.unit) continue;
    // Unusable files are attributed too: the centre must know who sent something it cannot use.
    if (f.fate === 'not-a-submission' && !f.parent) continue;
    let unit = unitInText(stripExt(f.path), campaign) ?? mailUnit(f);
    for (let parent = f.parent; !unit && parent; parent = byPath.get(parent)?.parent) {
      const container = byPath.get(parent);
      unit = unitInText(stripExt(parent), campaign) ?? campaign.roster.find((u) => u.name === container?.unit);
    }
    if (unit) f.unit = unit.name;
    else if (f.fate === 'submission') f.problems.push(warning('inbox.noUnit'));
  }
  // A mail whose form names its unit lends that unit to its other parts (the scan, the plan).
  for (const f of files) {
    if (f.unit || !f.parent || f.fate !== 'attachment') continue;
    const sibling = files.find((g) => g.parent === f.parent && g.fate === 'submission' && g.unit);
    if (sibling?.unit) f.unit = sibling.unit;
  }

  // A mail or archive whose parts all belong to one unit belongs to it too.
  for (const f of files) {
    if (f.unit || f.fate !== 'container') continue;
    const units = new Set(files.filter((g) => g.parent === f.path && g.unit).map((g) => g.unit));
    if (units.size === 1) f.unit = [...units][0];
  }

  // 2. Revisions: the latest submission of each unit counts.
  const time = (f: FileResult) => (f.receivedAt ? Date.parse(f.receivedAt) : -Infinity);
  const statuses: UnitStatus[] = [];
  for (const unit of campaign.roster) {
    const mine = files.filter((f) => f.unit === unit.name);
    const submissions = mine.filter((f) => f.fate === 'submission');
    // Latest first; on a tie the one listed later (a later name, a later attachment) wins.
    const ordered = submissions.map((f, i) => ({ f, i })).sort((a, b) => time(b.f) - time(a.f) || b.i - a.i).map((x) => x.f);
    const winner = ordered[0];
    for (const older of ordered.slice(1)) {
      older.fate = 'superseded';
      older.supersededBy = winner!.path;
      older.problems.push(warning('inbox.superseded', { unit: unit.name, by: winner!.path }));
    }
    const late = winner?.receivedAt !== undefined && Date.parse(winner.receivedAt) > deadline.getTime();
    if (winner && late)
      winner.problems.push(
        warning('inbox.late', { at: localTime(winner.receivedAt!, campaign.timezone), deadline: `${campaign.deadline} 24:00` }),
      );
    const has = (kind: string) => mine.some((f) => f.fate === 'attachment' && f.attachment === kind);
    statuses.push({
      name: unit.name,
      status: winner ? (winner.status === 'valid' ? 'valid' : 'invalid') : 'missing',
      late,
      source: winner?.path ?? null,
      receivedAt: winner?.receivedAt ?? null,
      pieces: { form: submissions.length > 0, stampedScan: has('stampedScan'), workPlan: has('workPlan'), workSummary: has('workSummary') },
      files: mine.map((f) => f.path),
      unusable: mine.filter((f) => f.fate === 'unreadable' || f.fate === 'unsafe' || f.fate === 'unsupported').map((f) => f.path),
      data: winner?.data ?? null,
    });
  }
  return statuses;
}

/** 2023-11-28T02:15:00Z → 「2023-11-28 10:15」 in the campaign's zone. */
export function localTime(iso: string, timezone: string): string {
  return isoInZone(new Date(iso), timezone).slice(0, 16).replace('T', ' ');
}

