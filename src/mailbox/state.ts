/**
 * What `fetch` has saved, kept in the inbox folder as `.lifelong-week-fetch.json` (the tool's own
 * file: validate and merge never read it as a submission). Each saved mail is keyed by server, user,
 * folder, UIDVALIDITY and UID, with its Message-ID and the SHA-256 of its bytes: a rerun fetches only
 * UIDs it has not seen, and a rebuilt mailbox (a new UIDVALIDITY) doubles nothing because the same
 * Message-ID and bytes are recognised. Pure: text in, text out.
 */

export const STATE_FILE = '.lifelong-week-fetch.json';

export interface SavedMail {
  server: string;
  user: string;
  mailbox: string;
  uidValidity: string;
  uid: number;
  messageId: string | null;
  sha256: string;
  /** Relative to the inbox folder, `/` separators. */
  file: string;
  /** The server's INTERNALDATE (ISO 8601 with the campaign's offset). */
  internalDate: string;
  size: number;
  fetchedAt: string;
  /** For the summary of a later run: 「东湖区教体局 <dh@example.cn>」. */
  from?: string;
  subject?: string;
}

export interface FetchState {
  version: 1;
  mails: SavedMail[];
}

export const emptyState = (): FetchState => ({ version: 1, mails: [] });

export type StateParse = { ok: true; state: FetchState } | { ok: false; reason: string };

export function parseState(text: string): StateParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  const v = value as Partial<FetchState> | null;
  if (!v || typeof v !== 'object' || v.version !== 1 || !Array.isArray(v.mails)) return { ok: false, reason: 'unexpected shape' };
  const mails = v.mails.filter(
    (m): m is SavedMail =>
      Boolean(m) &&
      typeof m.server === 'string' &&
      typeof m.uid === 'number' &&
      typeof m.sha256 === 'string' &&
      typeof m.file === 'string' &&
      typeof m.uidValidity === 'string',
  );
  return { ok: true, state: { version: 1, mails } };
}

export const stateText = (state: FetchState): string => `${JSON.stringify(state, null, 1)}\n`;

export interface MailboxKey {
  server: string;
  user: string;
  mailbox: string;
  uidValidity: string;
}

const keyOf = (k: MailboxKey) => JSON.stringify([k.server.toLowerCase(), k.user.toLowerCase(), k.mailbox, k.uidValidity]);
const contentKey = (messageId: string | null, sha256: string) => `${messageId ?? ''}\u0000${sha256}`;

/** The state with lookups: which UIDs of this mailbox are saved, which contents are on disk. */
export class StateIndex {
  private readonly uids = new Map<string, Set<number>>();
  private readonly contents = new Map<string, SavedMail>();
  private readonly hashes = new Map<string, SavedMail>();
  readonly files = new Set<string>();

  constructor(readonly state: FetchState) {
    for (const m of state.mails) this.index(m);
  }

  private index(m: SavedMail): void {
    const k = keyOf(m);
    let set = this.uids.get(k);
    if (!set) this.uids.set(k, (set = new Set()));
    set.add(m.uid);
    this.contents.set(contentKey(m.messageId, m.sha256), m);
    this.hashes.set(m.sha256, m);
    this.files.add(m.file);
  }

  has(key: MailboxKey, uid: number): boolean {
    return this.uids.get(keyOf(key))?.has(uid) ?? false;
  }

  /** A mail with the same Message-ID and the same bytes saved before (under any key). */
  sameContent(messageId: string | null, sha256: string): SavedMail | undefined {
    return this.contents.get(contentKey(messageId, sha256)) ?? this.hashes.get(sha256);
  }

  add(m: SavedMail): void {
    this.state.mails.push(m);
    this.index(m);
  }

  /** Saved mails whose file is gone from the folder (deleted by hand): fetched again. */
  forget(files: ReadonlySet<string>): void {
    this.state.mails = this.state.mails.filter((m) => !files.has(m.file));
    this.uids.clear();
    this.contents.clear();
    this.hashes.clear();
    this.files.clear();
    for (const m of this.state.mails) this.index(m);
  }
}

/** `1,2,3,5,7,8,9` → `1:3,5,7:9`: a UID set short enough for one command line. */
export function uidRanges(uids: readonly number[]): string[] {
  const sorted = [...new Set(uids)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}:${sorted[j]}`);
    i = j + 1;
  }
  return parts;
}
