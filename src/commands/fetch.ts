/**
 * `lifelong-week fetch [收件箱/]`: copy the campaign's mails from the centre's IMAP mailbox into the
 * inbox folder, as the exact bytes the server holds (README, 「从报送邮箱收取邮件」).
 *
 * - Read-only: the folder is opened with EXAMINE and bodies fetched with BODY.PEEK[]; nothing is
 *   flagged, moved or deleted.
 * - NetEase: the RFC 2971 ID command is sent after LOGIN and before EXAMINE.
 * - Each mail is written atomically (a temporary file, fsync, a no-clobber link) with the server's
 *   INTERNALDATE as its file time, then recorded in `.lifelong-week-fetch.json` and 收件记录.yaml.
 *   A rerun, an interrupted run or a rebuilt mailbox (new UIDVALIDITY) saves every mail once.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, mkdir, open, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import type { Campaign } from '../campaign/campaign.js';
import { isoInZone } from '../core/clock.js';
import { InterruptedError, UsageError } from '../core/errors.js';
import { writeFileAtomic, type Io } from '../core/io.js';
import { progressBar } from './progress.js';
import { displayName, mailBaseName, rawHeader, withSuffix } from '../mailbox/names.js';
import { mergeRecord, plainRecordKeys, RECORD_FILE, RECORD_HEADER, recordLines } from '../mailbox/record.js';
import { imapSettings, scrub, serverId, type ImapSettings } from '../mailbox/server.js';
import { emptyState, parseState, STATE_FILE, StateIndex, stateText, uidRanges, type MailboxKey } from '../mailbox/state.js';
import { decodeMailboxName } from '../mailbox/utf7.js';
import { lazy } from '../core/lazy.js';
import { packageRoot } from '../paths.js';
import { explainServerError, obtainPassword, PASSWORD_ENV, say } from './mail-shared.js';
import { loadCampaign } from './shared.js';

export interface FetchOptions {
  imap?: string;
  user?: string;
  mailbox?: string;
  starttls?: boolean;
  insecure?: boolean;
  since?: string;
  until?: string;
  timeout?: string;
  json?: boolean;
  campaign?: string;
  /** Draw the progress bar (default: when standard error is a terminal). */
  progress?: boolean;
}

/** One mail in the summary and in `--json`. */
export interface FetchedMail {
  uid: number;
  messageId: string | null;
  file: string;
  from: string;
  subject: string;
  /** The server's INTERNALDATE. */
  date: string;
  status: 'new' | 'already-had';
}

/** Temporary files of an interrupted run start so: the tool's own, removed by the next run. */
const TEMP_PREFIX = '.lifelong-week-tmp-';
/** Write the state and the record at least this often (mails), and at the end. */
const FLUSH_EVERY = 50;

/** The IMAP library, loaded only when `fetch` connects (its CommonJS build loads in about half the time of its ESM one). */
const imapflow = lazy<typeof import('imapflow')>('imapflow');

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

function parseDay(text: string, option: string, lang: Io['lang']): string {
  const s = text
    .trim()
    .replace(/[./年月]/g, '-')
    .replace(/日$/, '');
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const iso = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : '';
  const d = new Date(`${iso}T00:00:00Z`);
  if (!dayPattern.test(iso) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso)
    throw new UsageError(say(lang, 'mailbox.badDate', { option, text }));
  return iso;
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** What the tool tells the server about itself (RFC 2971); NetEase refuses EXAMINE without it. */
export function clientInfo(): Record<string, string> {
  return { name: 'lifelong-week', version: version(), vendor: 'lifelong-week' };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function sameBytes(path: string, hash: string): Promise<boolean> {
  try {
    return sha256(await readFile(path)) === hash;
  } catch {
    return false;
  }
}

let tempCounter = 0;

/**
 * Put one mail into the folder under `base.eml` (or `base-2.eml`…): written to a temporary file,
 * synced, given its received time, then linked under the first free name (a link never replaces a
 * file that appeared meanwhile) and the temporary name removed. A file already there with the same
 * bytes is this mail, saved by a run that stopped before recording it: adopted, not doubled.
 */
async function saveMail(
  folder: string,
  base: string,
  bytes: Uint8Array,
  hash: string,
  received: Date,
  taken: ReadonlySet<string>,
): Promise<{ file: string; adopted: boolean }> {
  for (let n = 1; n < 1000; n++) {
    const name = withSuffix(base, n);
    if (taken.has(name)) continue;
    const path = join(folder, name);
    if (await stat(path).catch(() => undefined)) {
      if (await sameBytes(path, hash)) return { file: name, adopted: true };
      continue;
    }
    const tmp = join(folder, `${TEMP_PREFIX}${process.pid}-${(tempCounter++).toString(36)}.eml`);
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (e) {
      await handle.close().catch(() => undefined);
      await rm(tmp, { force: true });
      throw e;
    } finally {
      await handle.close().catch(() => undefined);
    }
    try {
      await utimes(tmp, received, received);
      try {
        await link(tmp, path);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        // File systems without hard links (a FAT USB stick): checked just above, then renamed.
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
        await rename(tmp, path);
        return { file: name, adopted: false };
      }
      return { file: name, adopted: false };
    } finally {
      await rm(tmp, { force: true });
    }
  }
  throw new Error(`no free name for ${base}`);
}

interface Found {
  uid: number;
  internalDate: Date;
  messageId: string | null;
  from: string;
  fromName?: string;
  fromAddress?: string;
  subject: string;
}

export async function runFetch(folderArg: string | undefined, opts: FetchOptions, io: Io): Promise<number> {
  const { lang } = io;
  const folder = folderArg ?? '收件箱';
  const campaign = await loadCampaign(opts.campaign, lang);
  const resolved = imapSettings(opts, campaign);
  if (!resolved.ok)
    throw new UsageError(
      resolved.problem === 'badHost' ? say(lang, 'mailbox.badHost', { text: resolved.text ?? '' }) : say(lang, 'mailbox.noHost'),
    );
  const settings = resolved.value;
  settings.mailbox = decodeMailboxName(settings.mailbox);
  const since = parseDay(opts.since ?? campaign.noticeDate ?? campaign.window.start, '--since', lang);
  const until = opts.until !== undefined ? parseDay(opts.until, '--until', lang) : undefined;
  if (until && until < since) throw new UsageError(say(lang, 'mailbox.untilBeforeSince', { since, until }));
  const timeoutSeconds = opts.timeout !== undefined ? Number(opts.timeout) : 30;
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0)
    throw new UsageError(say(lang, 'mailbox.badTimeout', { text: opts.timeout ?? '' }));

  // The folder: made when missing; a file in its place is a usage error.
  const info = await stat(folder).catch(() => undefined);
  if (info && !info.isDirectory()) throw new UsageError(say(lang, 'mailbox.folderIsFile', { folder }));
  try {
    await mkdir(folder, { recursive: true });
  } catch (e) {
    throw new UsageError(say(lang, 'mailbox.folderFailed', { folder, code: (e as NodeJS.ErrnoException).code ?? String(e) }), { cause: e });
  }
  // Temporary files of a run that was killed: never half a mail left behind.
  for (const name of await readdir(folder)) if (name.startsWith(TEMP_PREFIX)) await rm(join(folder, name), { force: true });

  const statePath = join(folder, STATE_FILE);
  const recordPath = join(folder, RECORD_FILE);
  const index = new StateIndex(await loadState(statePath, lang));
  const recordText = await readFile(recordPath, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return '';
    throw new UsageError(say(lang, 'mailbox.recordBroken', { file: recordPath, reason: e.code ?? String(e) }));
  });
  // Plain `file: time` lines are read and appended to without a YAML parser; anything else a person
  // wrote is merged through the parser, keeping their comments.
  const recordKeys = plainRecordKeys(recordText);
  if (!recordKeys) {
    const recordCheck = mergeRecord(recordText, []);
    if (!recordCheck.ok) throw new UsageError(say(lang, 'mailbox.recordBroken', { file: recordPath, reason: recordCheck.reason }));
  }

  const password = await obtainPassword(lang, settings.user, process.env, [PASSWORD_ENV]);
  if (opts.insecure) io.err(say(lang, 'mailbox.insecureWarning', { host: settings.host }));

  const ctx = { lang, host: settings.host, port: settings.port, user: settings.user, protocol: 'imap' as const, password, timeoutSeconds };
  const { ImapFlow } = imapflow();
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.secure ? {} : { doSTARTTLS: true }),
    auth: { user: settings.user, pass: password },
    clientInfo: clientInfo(),
    logger: false,
    disableAutoIdle: true,
    disableAutoEnable: false,
    tls: { rejectUnauthorized: !opts.insecure },
    connectionTimeout: timeoutSeconds * 1000,
    greetingTimeout: timeoutSeconds * 1000,
    socketTimeout: Math.max(timeoutSeconds * 2, 60) * 1000,
  } as ConstructorParameters<typeof ImapFlow>[0]);
  // Errors also arrive as events (a dropped socket): the awaited command reports them.
  client.on('error', () => undefined);

  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
    client.close();
  };
  process.once('SIGINT', onSigint);

  const pendingRecord: Array<[string, string]> = [];
  const mails: FetchedMail[] = [];
  let savedNew = 0;
  let sinceFlush = 0;
  let stateDirty = false;
  let currentRecord = recordText;
  const flush = async () => {
    if (stateDirty) await writeFileAtomic(statePath, stateText(index.state), { force: true, lang });
    stateDirty = false;
    if (pendingRecord.length) {
      let next: string | undefined;
      if (recordKeys) {
        const lines = recordLines(pendingRecord, recordKeys);
        if (lines) next = `${currentRecord.trim() ? currentRecord.replace(/\n?$/, '\n') : RECORD_HEADER}${lines}`;
      } else {
        const merged = mergeRecord(currentRecord, pendingRecord);
        if (merged.ok && merged.added > 0) next = merged.text;
      }
      if (next !== undefined) {
        await writeFileAtomic(recordPath, next, { force: true, lang });
        currentRecord = next;
      }
      pendingRecord.length = 0;
    }
    sinceFlush = 0;
  };

  let stage: 'connect' | 'open' | 'fetch' = 'connect';
  const inflight = new Set<Promise<void>>();
  const bar = progressBar(0, false, lang, 'progress.fetching');
  let progress = bar;
  try {
    await client.connect();
    // RFC 2971 ID after LOGIN, before the folder is opened (163/126/yeah.net answer `NO SELECT
    // Unsafe Login` without it); imapflow's own ID before LOGIN is not always repeated after it.
    await (client as unknown as { run(cmd: string, arg: unknown): Promise<unknown> }).run('ID', clientInfo());
    stage = 'open';
    let box;
    try {
      box = await client.mailboxOpen(settings.mailbox, { readOnly: true });
    } catch (e) {
      if (interrupted) throw e;
      const names = await client.list().then(
        (list) => list.map((m) => (m.path.toUpperCase() === 'INBOX' ? 'INBOX' : m.path)),
        () => [] as string[],
      );
      const exact = names.find((n) => n === settings.mailbox);
      if (!exact)
        throw new UsageError(say(lang, 'mailbox.noFolder', { name: settings.mailbox, list: names.join('、') || '—' }), { cause: e });
      throw e;
    }
    const key: MailboxKey = {
      server: serverId(settings),
      user: settings.user,
      mailbox: settings.mailbox,
      uidValidity: String(box.uidValidity),
    };

    // Days in the campaign's zone: 「11 月 1 日起」 means Beijing midnight, whatever this computer's zone.
    const query: Record<string, unknown> = { since: new Date(`${since}T00:00:00${campaign.timezone}`) };
    if (until) query.before = new Date(Date.parse(`${until}T00:00:00${campaign.timezone}`) + 86_400_000);
    const uids = box.exists > 0 ? (await client.search(query, { uid: true })) || [] : [];
    const wanted = uids.filter((uid) => !index.has(key, uid));
    const known = uids.filter((uid) => index.has(key, uid));
    for (const uid of known) {
      const m = index.state.mails.find(
        (s) => s.uid === uid && s.uidValidity === key.uidValidity && s.server === key.server && s.mailbox === key.mailbox,
      );
      if (m)
        mails.push({
          uid,
          messageId: m.messageId,
          file: m.file,
          from: m.from ?? '',
          subject: m.subject ?? '',
          date: m.internalDate,
          status: 'already-had',
        });
    }

    stage = 'fetch';
    progress = progressBar(wanted.length, opts.progress ?? Boolean(process.stderr.isTTY), lang, 'progress.fetching');
    const taken = new Set(index.files);
    // Files are written a few at a time while the next mails arrive: each write waits for its own
    // fsync, so several in flight keep the disk and the connection busy together.
    const byHash = new Map<string, Promise<{ file: string; adopted: boolean }>>();
    let failure: unknown;
    const record = (msgUid: number, found: Found, hash: string, size: number, date: string, file: string, isNew: boolean) => {
      taken.add(file);
      index.add({
        ...key,
        uid: msgUid,
        messageId: found.messageId,
        sha256: hash,
        file,
        internalDate: date,
        size,
        fetchedAt: new Date().toISOString(),
        from: found.from,
        subject: found.subject,
      });
      stateDirty = true;
      pendingRecord.push([file, date]);
      mails.push({
        uid: msgUid,
        messageId: found.messageId,
        file,
        from: found.from,
        subject: found.subject,
        date,
        status: isNew ? 'new' : 'already-had',
      });
      if (isNew) savedNew++;
      progress.tick();
      sinceFlush++;
    };
    for (const range of chunk(uidRanges(wanted), 200)) {
      for await (const msg of client.fetch(
        range.join(','),
        { uid: true, source: true, internalDate: true, envelope: true },
        { uid: true },
      )) {
        if (interrupted || failure) break;
        if (!msg.source) continue;
        const bytes = new Uint8Array(msg.source.buffer, msg.source.byteOffset, msg.source.byteLength);
        const hash = sha256(bytes);
        const internal = msg.internalDate instanceof Date ? msg.internalDate : new Date(String(msg.internalDate ?? Date.now()));
        const envelope = msg.envelope;
        const rawFrom = rawHeader(bytes, 'from');
        const rawSubject = rawHeader(bytes, 'subject');
        const first = envelope?.from?.[0];
        // Raw GBK names and subjects (no RFC 2047) come out of the envelope as U+FFFD: re-read them.
        const sender = first
          ? { address: first.address, name: rawFrom !== undefined ? (displayName(rawFrom) ?? first.name) : first.name }
          : undefined;
        const found: Found = {
          uid: msg.uid,
          internalDate: internal,
          messageId: envelope?.messageId ?? null,
          from: sender ? (sender.name ? `${sender.name} <${sender.address ?? ''}>` : (sender.address ?? '')) : '',
          ...(sender?.name ? { fromName: sender.name } : {}),
          ...(sender?.address ? { fromAddress: sender.address } : {}),
          subject: (rawSubject !== undefined && !/=\?/.test(rawSubject) ? rawSubject : envelope?.subject) ?? '',
        };
        const date = isoInZone(internal, campaign.timezone);
        const uid = msg.uid;
        const before = index.sameContent(found.messageId, hash);
        if (
          before &&
          (await stat(join(folder, before.file)).then(
            (s) => s.isFile(),
            () => false,
          ))
        ) {
          // The same mail under another UID or UIDVALIDITY (a rebuilt mailbox): one copy is enough.
          record(uid, found, hash, bytes.byteLength, date, before.file, false);
        } else {
          const same = byHash.get(hash);
          const base = mailBaseName({
            received: internal,
            timezone: campaign.timezone,
            fromName: found.fromName,
            fromAddress: found.fromAddress,
            subject: found.subject,
          });
          const job = same ? same.then((r) => ({ file: r.file, adopted: true })) : saveMail(folder, base, bytes, hash, internal, taken);
          if (!same) byHash.set(hash, job);
          const done: Promise<void> = job.then(
            (saved) => record(uid, found, hash, bytes.byteLength, date, saved.file, !saved.adopted),
            (e: unknown) => {
              failure ??= e;
            },
          );
          const tracked = done.finally(() => inflight.delete(tracked));
          inflight.add(tracked);
          if (inflight.size >= 8) await Promise.race(inflight);
        }
        if (sinceFlush >= FLUSH_EVERY) await flush();
      }
      if (interrupted || failure) break;
    }
    await Promise.all(inflight);
    if (failure) throw failure;
    await flush();
    if (interrupted) throw new InterruptedError();
    await client.logout().catch(() => undefined);
  } catch (e) {
    progress.end();
    // What was saved is recorded before anything is reported: the next run goes on from there.
    await Promise.allSettled([...inflight]);
    const flushed = await flush().then(
      () => true,
      () => false,
    );
    client.close();
    if (interrupted || e instanceof InterruptedError) {
      io.err(say(lang, 'fetch.interrupted', { saved: savedNew, folder }));
      throw new InterruptedError();
    }
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'EIO')
      throw new UsageError(say(lang, 'fetch.writeFailed', { folder, code, saved: savedNew, recorded: flushed ? 1 : 0 }), { cause: e });
    const explained = explainServerError(e, ctx);
    if (stage === 'fetch' && savedNew > 0) explained.message += `\n${say(lang, 'fetch.resume', { saved: savedNew })}`;
    throw explained;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
  progress.end();

  mails.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid - b.uid));
  const fresh = mails.filter((m) => m.status === 'new');
  if (opts.json) {
    io.out(
      JSON.stringify(
        {
          server: key4(settings),
          user: settings.user,
          mailbox: settings.mailbox,
          folder,
          since,
          ...(until ? { until } : {}),
          summary: { found: mails.length, new: fresh.length, alreadyHad: mails.length - fresh.length },
          mails,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  io.out(summaryText(mails, fresh, settings, folder, since, until, campaign, lang));
  return 0;
}

const key4 = (s: ImapSettings) => `${s.host}:${s.port}`;

function chunk<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

async function loadState(path: string, lang: Io['lang']) {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
    throw new UsageError(say(lang, 'mailbox.stateBroken', { file: path, reason: (e as NodeJS.ErrnoException).code ?? String(e) }));
  }
  const parsed = parseState(text);
  if (!parsed.ok) throw new UsageError(say(lang, 'mailbox.stateBroken', { file: path, reason: parsed.reason }));
  return parsed.state;
}

function summaryText(
  mails: FetchedMail[],
  fresh: FetchedMail[],
  s: ImapSettings,
  folder: string,
  since: string,
  until: string | undefined,
  campaign: Campaign,
  lang: Io['lang'],
): string {
  const lines = [
    say(lang, 'fetch.summary', {
      found: mails.length,
      fresh: fresh.length,
      had: mails.length - fresh.length,
      mailbox: s.mailbox,
      user: s.user,
      since,
      until: until ?? '',
      folder,
    }),
  ];
  if (fresh.length) {
    // Who wrote: one line per sender, with how many mails.
    const bySender = new Map<string, number>();
    for (const m of fresh) bySender.set(m.from || '—', (bySender.get(m.from || '—') ?? 0) + 1);
    const shown = [...bySender.entries()].slice(0, 30);
    lines.push(say(lang, 'fetch.fromWhom'), ...shown.map(([from, n]) => `  · ${scrub(from, undefined)}${n > 1 ? `（${n}）` : ''}`));
    if (bySender.size > shown.length) lines.push(`  ${say(lang, 'fetch.moreSenders', { n: bySender.size - shown.length })}`);
  }
  lines.push(say(lang, 'fetch.next', { folder: folder.includes(' ') ? `"${folder}"` : folder, campaign: campaign.city }));
  return lines.join('\n');
}
