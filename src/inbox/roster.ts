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
import { RECORD_FILE } from './check.js';
import { warning, type Problem } from '../core/problem.js';
import { isoInZone } from '../core/clock.js';
import { foldWidth } from '../core/text.js';
import type { FileResult, ReceivedFrom } from './check.js';
import { foldTextSync } from '../read/traditional.js';
import { compareFigures, figuresLine, type FiguresCheck } from '../scan/compare.js';

export interface Pieces {
  /** The 统计表 itself (in any format this tool reads). */
  form: boolean;
  /** The 统计表 as a Word file (.docx/.doc), as the notice asks; a YAML, PDF or XLSX alone is not. */
  wordForm: boolean;
  /** 盖章后的扫描件 (PDF or picture). */
  stampedScan: boolean;
  workPlan: boolean;
  workSummary: boolean;
}

/**
 * - `valid` / `invalid`: the counted form is valid or has errors;
 * - `unreadable`: files arrived from the unit but none could be read as its form (never plain 未报送);
 * - `ambiguous`: two different forms whose order nothing tells: neither counts until the unit says;
 * - `missing`: nothing arrived.
 */
export type UnitState = 'valid' | 'invalid' | 'unreadable' | 'ambiguous' | 'missing';

/**
 * - `onTime` / `late`: by the counted form's received time;
 * - `corrected`: on time, then corrected after the deadline (「按时报送，截止后更正」, not late);
 * - `unknown`: the only time is a copy's (never lateness from it);
 * - `none`: no form.
 */
export type Timing = 'onTime' | 'late' | 'corrected' | 'unknown' | 'none';

/** A file from the unit that is not its form, and why (the problem says it in the user's language). */
export interface UnusableFile {
  path: string;
  fate: FileResult['fate'];
  format: FileResult['format'];
  /** For a piece (scan, plan…): which one. */
  attachment?: string;
  problem?: Problem;
  /** The problem in the reader's words (filled by the report, `--json`). */
  reason?: string;
}

/** One of two forms that cannot be ordered: its key figures, so the centre can ask which is final. */
export interface Version {
  path: string;
  receivedAt: string | null;
  receivedFrom: ReceivedFrom | null;
  activities: number | null;
  participants: number | null;
}

/**
 * A roster unit's verdict: the one model every output derives from (roll call, every sheet, `--json`,
 * the chase list, `remind`). Pure data; the words are in `inbox/verdict.ts`.
 */
export interface UnitStatus {
  name: string;
  status: UnitState;
  /** True only when the counted form was received after the deadline (and not a correction). */
  late: boolean;
  timing: Timing;
  /** The submission that counts. */
  source: string | null;
  receivedAt: string | null;
  /** How `receivedAt` is known; `copy` when the form's only time is a copy's (then `receivedAt` is null). */
  receivedFrom: ReceivedFrom | null;
  /** For `corrected`: when the on-time version arrived. */
  firstReceivedAt: string | null;
  /** The copy time, for people, when the received time is unknown. */
  fileTime: string | null;
  pieces: Pieces;
  /** Every file attributed to the unit. */
  files: string[];
  /** Files from the unit that could not be used (unreadable, refused, unsupported): worth a call even when "missing". */
  unusable: string[];
  /** For `unreadable`: every file received and why none is the form. */
  received: UnusableFile[];
  /** For `ambiguous`: the versions that cannot be ordered. */
  versions: Version[];
  /** Counted in the city's totals (a valid form, on time or not). */
  included: boolean;
  /** Whom to call: the roster's contacts, else the form's 联系人. */
  contacts: Array<{ name: string; phone: string }>;
  data: Record<string, unknown> | null;
  /** With `--check-scans`: what the unit's stamped scan shows (the best of several: a seal anywhere counts). */
  scan?: UnitScan;
}

export interface UnitScan {
  /** The scan this verdict comes from. */
  file: string;
  seal: import('../scan/check.js').SealStatus;
  reason?: import('../scan/check.js').UnknownReason;
  seals: import('../scan/check.js').SealOnPage[];
  /** The figures check, in one line for the 报送情况 sheet (扫描件与电子版一致 / 有出入：… / 无法核对：…). */
  figures?: string;
  /** The figures check in detail (each differing field: label, electronic value, scan value, page). */
  figuresCheck?: import('../scan/compare.js').FiguresCheck;
}

const SEAL_RANK = { found: 0, notFound: 1, unknown: 2 } as const;

/** The unit's scan verdict: a seal on any of its scans counts; else a colour scan without one; else why not. */
export function unitScan(files: readonly FileResult[]): UnitScan | undefined {
  const scans = files.filter((f) => f.fate === 'attachment' && f.attachment === 'stampedScan' && f.scan);
  // Among sealed scans, one measured at its true scale (a scanner's) before a photo's estimate.
  const exact = (f: FileResult) => (f.scan!.seals.some((s) => s.scaleKnown) ? 0 : 1);
  const best = [...scans].sort((a, b) => SEAL_RANK[a.scan!.seal] - SEAL_RANK[b.scan!.seal] || exact(a) - exact(b))[0];
  if (!best) return undefined;
  const s = best.scan!;
  return { file: best.path, seal: s.seal, ...(s.reason ? { reason: s.reason } : {}), seals: s.seals };
}

/** The roster unit whose name or alias appears in a text (the longest wins: 「红谷滩新区」 over 「新区」). */
export function unitInText(text: string | undefined, campaign: Campaign): RosterUnit | undefined {
  if (!text) return undefined;
  // A name in traditional characters (灣裡管理局統計表.docx) names its unit too (commands call
  // `prepareFolding` on the paths first).
  const folded = foldWidth(foldTextSync(text)).replace(/\s+/g, '');
  let best: { unit: RosterUnit; length: number } | undefined;
  for (const unit of campaign.roster)
    for (const name of [unit.name, ...unit.aliases, unit.department])
      if (name.length >= 2 && folded.includes(name) && (!best || name.length > best.length)) best = { unit, length: name.length };
  return best?.unit;
}

/** Versions a unit's ambiguity warning names before 「等 N 份」. */
export const AMBIGUOUS_LISTED = 5;

const stripExt = (path: string) => path.slice(path.lastIndexOf('!') + 1).replace(/\.[^.]+$/, '');

/** Attribute, resolve revisions and lateness in place; return the roster's statuses in roster order. */
export function rollCall(files: FileResult[], campaign: Campaign, opts: { record?: ReadonlyMap<string, string> } = {}): UnitStatus[] {
  const deadline = deadlineInstant(campaign);
  settleReceivedTimes(files, campaign, opts.record);
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
  // Each container's parts, in file order (looked up per part below, not searched for in every file).
  const parts = new Map<string, FileResult[]>();
  for (const f of files)
    if (f.parent) {
      const list = parts.get(f.parent);
      if (list) list.push(f);
      else parts.set(f.parent, [f]);
    }
  // A mail whose form names its unit lends that unit to its other parts (the scan, the plan).
  for (const f of files) {
    if (f.unit || !f.parent || f.fate !== 'attachment') continue;
    const sibling = parts.get(f.parent)!.find((g) => g.fate === 'submission' && g.unit);
    if (sibling?.unit) f.unit = sibling.unit;
  }

  // A mail or archive whose parts all belong to one unit belongs to it too.
  for (const f of files) {
    if (f.unit || f.fate !== 'container') continue;
    const units = new Set((parts.get(f.path) ?? []).filter((g) => g.unit).map((g) => g.unit));
    if (units.size === 1) f.unit = [...units][0];
  }

  // 2. Revisions: ordered by the best evidence; a correction after an on-time form is not late.
  const statuses: UnitStatus[] = [];
  for (const unit of campaign.roster) {
    const mine = files.filter((f) => f.unit === unit.name);
    const submissions = mine.filter((f) => f.fate === 'submission');
    // Each version's key is read once here (the times and names do not change while they are compared).
    const indexed = submissions.map((f, i) => ({ ...versionKey(f), i }));
    // Latest first; on a tie the one listed later (a later name, a later attachment) wins.
    indexed.sort((a, b) => -compareVersions(a, b).order || b.i - a.i);
    const ordered = indexed.map((x) => x.f);
    let winner = ordered[0];
    const versions: Version[] = [];
    if (indexed.slice(1).some((g) => compareVersions(indexed[0]!, g).ambiguous)) {
      // Nothing orders them and they say different things: the unit must say which is final.
      const tied = indexed.filter((g) => !compareVersions(indexed[0]!, g).order).map((g) => g.f);
      for (const f of tied) versions.push(versionOf(f));
      // Each version's warning names the first few, not all: a unit that sent many would otherwise
      // make the report grow with the square of its files. The unit's `versions` lists them all.
      // Each listed version as its own parameters (path0, activities0, participants0, …): the catalogue
      // words the list in the reader's language.
      const listed = versions.slice(0, AMBIGUOUS_LISTED);
      const params: Record<string, string | number> = {
        unit: unit.name,
        listed: listed.length,
        count: versions.length,
        more: Math.max(0, versions.length - AMBIGUOUS_LISTED),
      };
      listed.forEach((v, k) => {
        params[`path${k}`] = v.path;
        params[`activities${k}`] = v.activities ?? '?';
        params[`participants${k}`] = v.participants ?? '?';
      });
      for (const f of tied) f.problems.push(warning('inbox.ambiguous', { ...params }));
      winner = undefined;
    }
    if (winner)
      for (const older of ordered.slice(1)) {
        older.fate = 'superseded';
        older.supersededBy = winner.path;
        older.problems.push(warning('inbox.superseded', { unit: unit.name, by: winner.path }));
      }
    const known = winner?.receivedAt !== undefined && winner?.receivedFrom !== 'copy';
    const after = (f: FileResult) =>
      f.receivedAt !== undefined && f.receivedFrom !== 'copy' && Date.parse(f.receivedAt) > deadline.getTime();
    const onTimeBefore = winner ? ordered.slice(1).filter((f) => f.receivedAt !== undefined && f.receivedFrom !== 'copy' && !after(f)) : [];
    let timing: Timing = !winner ? 'none' : !known ? 'unknown' : !after(winner) ? 'onTime' : onTimeBefore.length ? 'corrected' : 'late';
    const late = timing === 'late';
    const at = winner?.receivedAt ? localTime(winner.receivedAt, campaign.timezone) : '';
    if (winner && late) winner.problems.push(warning('inbox.late', { at, deadline: `${campaign.deadline} 24:00` }));
    if (winner && timing === 'corrected')
      winner.problems.push(
        warning('inbox.corrected', { at, first: localTime(onTimeBefore.map((f) => f.receivedAt!).sort()[0]!, campaign.timezone) }),
      );
    if (winner && timing === 'unknown')
      winner.problems.push(
        warning('inbox.timeUnknown', {
          copied: winner.fileTime ? localTime(winner.fileTime, campaign.timezone) : '',
          file: winner.path.split('!')[0]!,
          record: RECORD_FILE,
        }),
      );
    const has = (kind: string) => mine.some((f) => f.fate === 'attachment' && f.attachment === kind);
    const received = mine.filter((f) => f.fate !== 'container' && f.fate !== 'submission' && f.fate !== 'superseded');
    const status: UnitState = winner
      ? winner.status === 'valid'
        ? 'valid'
        : 'invalid'
      : versions.length
        ? 'ambiguous'
        : received.length
          ? 'unreadable'
          : 'missing';
    if (status === 'missing' && mine.length === 0) timing = 'none';
    const formContacts = Array.isArray(winner?.data?.contacts)
      ? (winner!.data!.contacts as Array<{ name?: string; phone?: string }>).map((c) => ({ name: c.name ?? '', phone: c.phone ?? '' }))
      : [];
    statuses.push({
      name: unit.name,
      status,
      late,
      timing,
      source: winner?.path ?? null,
      receivedAt: winner && known ? winner.receivedAt! : null,
      receivedFrom: winner?.receivedFrom ?? null,
      firstReceivedAt: timing === 'corrected' ? onTimeBefore.map((f) => f.receivedAt!).sort()[0]! : null,
      fileTime: winner?.fileTime ?? null,
      pieces: {
        form: submissions.length > 0,
        wordForm: submissions.some((f) => f.format === 'docx' || f.format === 'doc'),
        stampedScan: has('stampedScan'),
        workPlan: has('workPlan'),
        workSummary: has('workSummary'),
      },
      files: mine.map((f) => f.path),
      unusable: mine.filter((f) => f.fate === 'unreadable' || f.fate === 'unsafe' || f.fate === 'unsupported').map((f) => f.path),
      received: status === 'unreadable' ? received.map(unusableOf) : [],
      versions,
      included: status === 'valid',
      contacts: unit.contacts.length ? unit.contacts.map((c) => ({ ...c })) : formContacts.filter((c) => c.name || c.phone),
      data: winner?.data ?? null,
    });
    const scan = unitScan(mine);
    if (scan) {
      statuses[statuses.length - 1]!.scan = scan;
      const file = byPath.get(scan.file);
      if (file?.scan?.ocr) {
        const check: FiguresCheck = file.scan.ocr.engine
          ? compareFigures(file.scan.ocr.items, winner?.data ?? null, campaign)
          : { status: 'unchecked', why: 'noOcr', diffs: [], same: [], unread: [] };
        scan.figuresCheck = check;
        scan.figures = figuresLine(check);
        for (const d of check.diffs)
          file.problems.push(
            warning('scan.figureDiffers', { label: d.label, electronic: d.electronic, scan: d.scan, page: d.page ?? '?' }),
          );
      }
    }
  }
  // The forms' texts were for this roll call's comparisons: let them go with it.
  dataTexts = new WeakMap();
  return statuses;
}

const unusableOf = (f: FileResult): UnusableFile => {
  const problem = f.problems.find((p) => p.severity === 'error') ?? f.problems[0];
  return {
    path: f.path,
    fate: f.fate,
    format: f.format,
    ...(f.attachment ? { attachment: f.attachment } : {}),
    ...(problem ? { problem } : {}),
  };
};

const figure = (f: FileResult, group: string, key: string) => {
  const v = (f.data?.[group] as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'number' ? v : null;
};

const versionOf = (f: FileResult): Version => ({
  path: f.path,
  receivedAt: f.receivedFrom === 'copy' ? null : (f.receivedAt ?? null),
  receivedFrom: f.receivedFrom ?? null,
  activities: figure(f, 'participation', 'activityCount'),
  participants: figure(f, 'participation', 'participantCount'),
});

/** Words in a file name or mail subject that mark a later version, or an earlier one. */
const LATER = /修改|更正|订正|修订|定稿|终稿|最终|重发|补发|新版|更新|第[二三四2-4]版|v[2-9]\b/i;
const EARLIER = /初稿|草稿|旧版|原稿|第一版/;

export function revisionMark(f: Pick<FileResult, 'path' | 'mail'>): number {
  const text = `${f.path} ${f.mail?.subject ?? ''}`;
  return (LATER.test(text) ? 1 : 0) - (EARLIER.test(text) ? 1 : 0);
}

/** A form with what orders it as a version, read off the file once (a unit's versions are compared with each other many times). */
interface VersionKey {
  f: FileResult;
  dated: boolean;
  timed: boolean;
  time: number;
  mark: number;
}

function versionKey(f: FileResult): VersionKey {
  return {
    f,
    dated: f.receivedAt !== undefined && (f.receivedFrom === 'record' || f.receivedFrom === 'mail'),
    timed: f.receivedAt !== undefined && f.receivedFrom !== 'copy',
    time: f.receivedAt !== undefined ? Date.parse(f.receivedAt) : NaN,
    mark: revisionMark(f),
  };
}

/**
 * Which of two forms is the later version: > 0 when `a` is. Dated evidence (the record, the mail's
 * Date) orders two forms by time; a file time is weaker than a name that says 修改版/更正/定稿/重发; a
 * copy time says nothing. Forms that nothing orders but that say the same are a tie, not a conflict.
 */
function compareVersions(a: VersionKey, b: VersionKey): { order: number; ambiguous: boolean } {
  const byTime = a.timed && b.timed ? Math.sign(a.time - b.time) : 0;
  const byName = a.mark - b.mark;
  if (a.dated && b.dated && byTime) return { order: byTime, ambiguous: false };
  if (byName) return { order: Math.sign(byName), ambiguous: false };
  if (byTime) return { order: byTime, ambiguous: false };
  const same = a.f.data === b.f.data || dataText(a.f) === dataText(b.f);
  return { order: 0, ambiguous: !same };
}

/**
 * A form's data as text, made once per form and roll call: a unit's versions are compared with each
 * other many times. Emptied when a roll call ends, so the report does not keep a second copy of
 * every form.
 */
let dataTexts = new WeakMap<object, string>();
function dataText(f: FileResult): string {
  if (!f.data) return 'null';
  let text = dataTexts.get(f.data);
  if (text === undefined) dataTexts.set(f.data, (text = JSON.stringify(f.data)));
  return text;
}

/**
 * File times that are the times of a copy (a clone, a USB stick, a download from web mail): many
 * loose files within seconds of each other, later than every mail's Date or after the deadline.
 * Those files (and what is inside them) get `receivedFrom: 'copy'` and lose `receivedAt`; the time is
 * kept as `fileTime`. A time in the folder's record replaces any of them.
 */
export function settleReceivedTimes(files: FileResult[], campaign: Campaign, record: ReadonlyMap<string, string> = new Map()): void {
  const deadline = deadlineInstant(campaign).getTime();
  const top = (path: string) => path.split('!')[0]!;
  const loose = files.filter((f) => !f.parent && f.receivedFrom === 'file' && f.receivedAt);
  const times = loose.map((f) => Date.parse(f.receivedAt!)).sort((x, y) => x - y);
  let best = { from: 0, count: 0 };
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j]! - times[i]! > COPY_WINDOW_MS) i++;
    if (j - i + 1 > best.count) best = { from: i, count: j - i + 1 };
  }
  const copied = new Set<string>();
  if (best.count >= 3 && best.count * 2 >= loose.length) {
    const start = times[best.from]!;
    const end = times[best.from + best.count - 1]!;
    const mails = files.filter((f) => f.receivedFrom === 'mail' && f.receivedAt).map((f) => Date.parse(f.receivedAt!));
    const latestMail = mails.length ? Math.max(...mails) : undefined;
    if ((latestMail !== undefined && start > latestMail) || start > deadline)
      for (const f of loose) {
        const t = Date.parse(f.receivedAt!);
        if (t >= start && t <= end) copied.add(f.path);
      }
  }
  for (const f of files) {
    const recorded = record.get(f.path) ?? record.get(top(f.path));
    if (recorded && !Number.isNaN(Date.parse(recorded))) {
      // The server's time (or the centre's own note) beats a Date header the sender's PC wrote.
      f.receivedAt = isoInZone(new Date(recorded), campaign.timezone);
      f.receivedFrom = 'record';
      continue;
    }
    if (copied.has(top(f.path)) && f.receivedFrom === 'file') {
      f.fileTime = f.receivedAt;
      delete f.receivedAt;
      f.receivedFrom = 'copy';
    }
  }
}

/** Files written within this span of each other by one copy (a slow USB stick takes a few seconds). */
const COPY_WINDOW_MS = 30_000;

/** 2023-11-28T02:15:00Z → 「2023-11-28 10:15」 in the campaign's zone. */
export function localTime(iso: string, timezone: string): string {
  return isoInZone(new Date(iso), timezone).slice(0, 16).replace('T', ' ');
}
