/**
 * The roll call as `remind` needs it: one case per roster unit that must be written to. This is the
 * only place that reads validate's structures (file results and unit statuses); when the verdict
 * model changes, this adapter is what follows it. Pure.
 */
import type { Campaign } from '../campaign/campaign.js';
import type { Lang } from '../core/messages.js';
import type { UnitStatus } from '../inbox/roster.js';
import { issueOut } from '../report/issues.js';
import { chaseBlocks, scanRequest, type ScanRequest } from '../report/verdict.js';
import type { FileResult } from '../inbox/check.js';

export type Piece = 'form' | 'stampedScan' | 'workPlan' | 'workSummary';
export const PIECES: readonly Piece[] = ['form', 'stampedScan', 'workPlan', 'workSummary'];

export type Reason = 'missing' | 'invalid' | 'late' | 'pieces' | 'unusable' | 'ambiguous' | 'scan';

export interface CaseError {
  file: string;
  /** 「活动参与情况 › 参加活动人数」 */
  label?: string;
  /** The catalogue's sentence: what is wrong and how to fix it. */
  message: string;
  line?: number;
  in?: string;
  code: string;
}

export interface UnitCase {
  name: string;
  department: string;
  reasons: Reason[];
  /** The submission that counts (for `invalid` and `late`). */
  source: string | null;
  receivedAt: string | null;
  errors: CaseError[];
  missingPieces: Piece[];
  /** Files from the unit that could not be used (unreadable, refused, a format not read). */
  unusable: string[];
  /** Where to write: the roster's address, else the sender of the unit's latest mail. */
  email: string | null;
  emailFrom: 'roster' | 'mail' | null;
  /** For a phone call: the roster's contacts, else those on the unit's form. */
  phones: Array<{ name: string; phone: string }>;
  /** For a unit whose versions cannot be ordered: the chase list's own lines (each version and its figures). */
  versions: string[];
  /** When scans were checked: what to ask of the stamped scan (the seal, a colour scan, the final form). */
  scan: ScanRequest | null;
}

type Contact = { name?: unknown; phone?: unknown };
const contactsOf = (list: unknown): Array<{ name: string; phone: string }> =>
  Array.isArray(list)
    ? (list as Contact[])
        .filter((c) => c && typeof c.phone === 'string' && c.phone)
        .map((c) => ({ name: typeof c.name === 'string' ? c.name : '', phone: c.phone as string }))
    : [];

/** Every unit to remind, in roster order; units valid, on time and complete are left out. */
export function unitCases(results: readonly FileResult[], units: readonly UnitStatus[], campaign: Campaign, lang: Lang): UnitCase[] {
  const byPath = new Map(results.map((r) => [r.path, r]));
  // The chase list's words for what only it can say (which versions a unit sent), from the one verdict model.
  const chase = new Map(chaseBlocks(results, units, campaign, lang).map((b) => [b.unit, b.lines]));
  const out: UnitCase[] = [];
  for (const u of units) {
    const roster = campaign.roster.find((r) => r.name === u.name);
    const reasons: Reason[] = [];
    if (u.status === 'missing') reasons.push('missing');
    if (u.status === 'invalid') reasons.push('invalid');
    if (u.late) reasons.push('late');
    const missingPieces = u.status === 'missing' ? [...PIECES] : PIECES.filter((p) => !u.pieces[p]);
    if (u.status !== 'missing' && missingPieces.length) reasons.push('pieces');
    if (u.unusable.length) reasons.push('unusable');
    const scan = scanRequest(u, u.scan ? byPath.get(u.scan.file)?.scan?.encoding : undefined);
    if (scan) reasons.push('scan');
    // Two versions that nothing orders: neither counts until the unit says which is final.
    if (u.status === 'ambiguous') reasons.unshift('ambiguous');
    if (!reasons.length) continue;

    const source = u.source ? byPath.get(u.source) : undefined;
    const errors: CaseError[] =
      u.status === 'invalid' && source
        ? source.problems
            .filter((p) => p.severity === 'error')
            .map((p) => {
              const i = issueOut(p, lang);
              return {
                file: source.path,
                code: i.code,
                message: i.message,
                ...(i.label ? { label: i.label } : {}),
                ...(i.line ? { line: i.line } : {}),
                ...(i.in ? { in: i.in } : {}),
              };
            })
        : [];

    // The unit's latest mail: its sender is who to answer.
    const mine = results.filter((r) => r.unit === u.name && r.mail?.from?.address);
    mine.sort((a, b) => Date.parse(b.receivedAt ?? '') - Date.parse(a.receivedAt ?? ''));
    const sender = mine[0]?.mail?.from?.address ?? null;
    const email = roster?.email ?? sender;

    const rosterContacts = contactsOf((roster as { contacts?: unknown } | undefined)?.contacts);
    const phones = rosterContacts.length ? rosterContacts : contactsOf(u.data?.contacts);

    out.push({
      name: u.name,
      department: roster?.department ?? u.name,
      reasons,
      source: u.source,
      receivedAt: u.receivedAt,
      errors,
      missingPieces,
      unusable: [...u.unusable],
      email: email ?? null,
      emailFrom: roster?.email ? 'roster' : sender ? 'mail' : null,
      phones,
      versions: u.status === 'ambiguous' ? (chase.get(u.name) ?? []) : [],
      scan,
    });
  }
  return out;
}
