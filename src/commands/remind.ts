/**
 * `lifelong-week remind [收件箱/]`: one reminder (催报邮件) per unit that is missing, late, invalid or
 * lacks one of the four pieces, from the same roll call as `validate`. By default the mails are
 * written as `.eml` drafts (Foxmail, Outlook and Thunderbird open them); `--send` sends the very
 * same bytes over SMTP after a confirmation, keeping a sent log in the inbox folder so that a unit is
 * not reminded twice the same day for the same reasons.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Campaign } from '../campaign/campaign.js';
import { isoInZone, today as todayOf } from '../core/clock.js';
import { UsageError } from '../core/errors.js';
import { writeFileAtomic, writeFilesAtomic, type Io, type OutputFile } from '../core/io.js';
import { lazy } from '../core/lazy.js';
import { safePart } from '../mailbox/names.js';
import { reminderText, pieceName } from '../mailbox/reminder.js';
import { unitCases, type UnitCase } from '../mailbox/roll-call.js';
import { smtpSettings } from '../mailbox/server.js';
import { explainServerError, obtainPassword, PASSWORD_ENV, say, SMTP_PASSWORD_ENV } from './mail-shared.js';
import { loadCampaign } from './shared.js';
import { readInbox } from './validate.js';

export interface RemindOptions {
  output?: string;
  send?: boolean;
  smtp?: string;
  starttls?: boolean;
  user?: string;
  timeout?: string;
  insecure?: boolean;
  yes?: boolean;
  force?: boolean;
  json?: boolean;
  campaign?: string;
}

/** Mail building and sending, loaded only by `remind` (CommonJS builds: quicker to load). */
const mailComposer = lazy<typeof import('nodemailer/lib/mail-composer').default>('nodemailer/lib/mail-composer');
const nodemailerLib = lazy<typeof import('nodemailer')>('nodemailer');

export const SENT_LOG = '.lifelong-week-remind.json';

interface SentEntry {
  unit: string;
  day: string;
  reasons: string;
  to: string;
  messageId: string;
  sentAt: string;
}

export interface Draft {
  unit: UnitCase;
  subject: string;
  body: string;
  to: string | null;
  file: string;
  bytes: Uint8Array;
  messageId: string;
  /** Same unit, same day, same reasons: the fingerprint the sent log keeps. */
  fingerprint: string;
  attachments: string[];
}

/** What the reminder is about, stable across runs: the reasons, the pieces, the errors. */
function fingerprint(c: UnitCase): string {
  const key = JSON.stringify([c.reasons, c.missingPieces, c.errors.map((e) => [e.file, e.code, e.label ?? '']), c.unusable]);
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

const phonesText = (c: UnitCase) => c.phones.map((p) => `${p.name} ${p.phone}`.trim()).join('；');

/** The reasons in a few words, for the terminal list. */
function reasonsText(c: UnitCase, lang: Io['lang']): string {
  const parts = c.reasons.map((r) => {
    if (r === 'invalid') return say(lang, 'remind.reason.invalid', { count: c.errors.length });
    if (r === 'pieces') return say(lang, 'remind.reason.pieces', { pieces: c.missingPieces.map((p) => pieceName(p, lang)).join('、') });
    if (r === 'unusable') return say(lang, 'remind.reason.unusable', { count: c.unusable.length });
    if (r === 'scan') {
      const what = [
        ...(c.scan?.ask ? [say(lang, `roll.brief.${c.scan.ask}`)] : []),
        ...(c.scan?.diffs.length ? [say(lang, 'roll.brief.final', { n: c.scan.diffs.length })] : []),
      ];
      return say(lang, 'roll.remind.reason.scan', { what: what.join(lang === 'zh' ? '，' : ', ') });
    }
    return say(lang, `remind.reason.${r}`);
  });
  return parts.join(lang === 'zh' ? '；' : '; ');
}

/** The mail as bytes (built once: the draft and the sent mail are the same). */
async function composeMail(
  c: UnitCase,
  text: { subject: string; body: string },
  campaign: Campaign,
  now: Date,
  attachments: Array<{ filename: string; content: Buffer }>,
  messageId: string,
): Promise<Uint8Array> {
  const MailComposer = mailComposer();
  const mail = new MailComposer({
    from: { name: campaign.receiver, address: campaign.mailbox },
    ...(c.email ? { to: { name: c.department, address: c.email } } : {}),
    subject: text.subject,
    text: text.body,
    date: now,
    messageId,
    attachments,
    // Outlook opens a mail with this header as a draft to send, not as a received mail.
    headers: { 'X-Unsent': '1', 'X-Mailer': 'lifelong-week' },
    baseBoundary: createHash('sha256').update(messageId).digest('hex').slice(0, 24),
  } as ConstructorParameters<typeof MailComposer>[0]);
  const built = await mail.compile().build();
  return new Uint8Array(built.buffer, built.byteOffset, built.byteLength);
}

export async function buildDrafts(cases: UnitCase[], campaign: Campaign, now: Date, io: Io): Promise<Draft[]> {
  const { lang } = io;
  const day = isoInZone(now, campaign.timezone).slice(0, 10);
  const drafts: Draft[] = [];
  let templates: { yaml: (u: string) => string; docx: (u: string) => Promise<Uint8Array>; base: (u: string) => string } | undefined;
  for (const c of cases) {
    const text = reminderText(c, campaign, now, lang);
    const attachments: Array<{ filename: string; content: Buffer }> = [];
    if (c.reasons.includes('missing')) {
      templates ??= await templateMakers(campaign);
      attachments.push(
        { filename: `${templates.base(c.name)}.docx`, content: Buffer.from(await templates.docx(c.name)) },
        { filename: `${templates.base(c.name)}.yaml`, content: Buffer.from(templates.yaml(c.name), 'utf8') },
      );
    }
    const print = fingerprint(c);
    const messageId = `<remind-${day}-${createHash('sha256').update(`${c.name}\u0000${print}`).digest('hex').slice(0, 16)}@lifelong-week>`;
    const bytes = await composeMail(c, text, campaign, now, attachments, messageId);
    drafts.push({
      unit: c,
      subject: text.subject,
      body: text.body,
      to: c.email,
      file: `催报-${safePart(c.name, 20)}.eml`,
      bytes,
      messageId,
      fingerprint: print,
      attachments: attachments.map((a) => a.filename),
    });
  }
  return drafts;
}

async function templateMakers(campaign: Campaign) {
  const [{ yamlTemplate }, { renderDocx }, { templateBaseName }] = await Promise.all([
    import('../template/blank-yaml.js'),
    import('../render/docx.js'),
    import('../render/model.js'),
  ]);
  const unitOf = (name: string) => campaign.roster.find((u) => u.name === name)!;
  return {
    yaml: (name: string) => yamlTemplate(campaign, { unit: unitOf(name), schemaRef: 'submission.schema.json' }),
    docx: (name: string) => renderDocx(null, campaign, { department: unitOf(name).department }),
    base: (name: string) => templateBaseName(campaign, name),
  };
}

/** The list printed before anything is written or sent. */
function listText(drafts: Draft[], campaign: Campaign, lang: Io['lang']): string {
  const lines = [say(lang, 'remind.listHead', { count: drafts.length, deadline: campaign.deadline })];
  for (const d of drafts) {
    const to = d.to ?? say(lang, 'remind.noAddress', { phones: phonesText(d.unit) });
    const via = d.unit.emailFrom === 'mail' ? say(lang, 'roll.remind.fromMail') : '';
    lines.push(`  · ${d.unit.name}${lang === 'zh' ? '：' : ': '}${reasonsText(d.unit, lang)} → ${to}${d.to ? via : ''}`);
  }
  return lines.join('\n');
}

export async function runRemind(folderArg: string | undefined, opts: RemindOptions, io: Io): Promise<number> {
  const { lang } = io;
  const folder = folderArg ?? '收件箱';
  const campaign = await loadCampaign(opts.campaign, lang);
  const info = await stat(folder).catch(() => undefined);
  if (!info) throw new UsageError(say(lang, 'roll.remind.noInbox', { folder }));
  if (!info.isDirectory()) throw new UsageError(say(lang, 'mailbox.folderIsFile', { folder }));

  // The same roll call as validate: the same files, the same readers, the same verdicts.
  // The seal of every stamped scan is looked at (cached by file hash): a reminder asks for the seal, a
  // colour scan or a scan of the final form; the figures come from an earlier `--check-scans`.
  const { results, units: called } = await readInbox([folder], campaign, io, { progress: false, checkScans: 'seal' });
  const units = called ?? [];
  const cases = unitCases(results, units, campaign, lang);
  const now = todayOf(process.env, campaign.timezone);
  if (!cases.length) {
    if (opts.json) io.out(JSON.stringify({ reminders: [] }, null, 2));
    else io.out(say(lang, 'remind.nothing'));
    return 0;
  }
  const drafts = await buildDrafts(cases, campaign, now, io);
  if (!opts.json) io.out(listText(drafts, campaign, lang));

  if (!opts.send) {
    const dir = opts.output ?? '催报邮件';
    if ((await stat(dir).catch(() => undefined))?.isFile()) throw new UsageError(say(lang, 'mailbox.folderIsFile', { folder: dir }));
    const outputs: OutputFile[] = drafts.map((d) => ({ path: join(dir, d.file), data: d.bytes }));
    await writeFilesAtomic(outputs, { force: Boolean(opts.force), lang });
    if (opts.json) io.out(JSON.stringify({ reminders: drafts.map((d) => jsonOf(d, join(dir, d.file), 'draft')) }, null, 2));
    else io.out(say(lang, 'remind.draftsWritten', { count: drafts.length, folder: dir, inbox: folder }));
    return 0;
  }
  return sendAll(drafts, folder, campaign, now, opts, io);
}

function jsonOf(d: Draft, file: string | null, status: string, error?: string) {
  return {
    unit: d.unit.name,
    department: d.unit.department,
    reasons: d.unit.reasons,
    missingPieces: d.unit.missingPieces,
    errors: d.unit.errors,
    unusable: d.unit.unusable,
    source: d.unit.source,
    to: d.to,
    toSource: d.unit.emailFrom,
    phones: d.unit.phones,
    subject: d.subject,
    attachments: d.attachments,
    messageId: d.messageId,
    file,
    status,
    ...(error ? { error } : {}),
  };
}

async function sendAll(drafts: Draft[], folder: string, campaign: Campaign, now: Date, opts: RemindOptions, io: Io): Promise<number> {
  const { lang } = io;
  const resolved = smtpSettings(opts, campaign);
  if (!resolved.ok)
    throw new UsageError(
      resolved.problem === 'badHost' ? say(lang, 'mailbox.badHost', { text: resolved.text ?? '' }) : say(lang, 'mailbox.noSmtpHost'),
    );
  const smtp = resolved.value;
  const timeoutSeconds = opts.timeout !== undefined ? Number(opts.timeout) : 30;
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0)
    throw new UsageError(say(lang, 'mailbox.badTimeout', { text: opts.timeout ?? '' }));

  // The sent log: read first, so a broken one stops everything before a mail goes.
  const logPath = join(folder, SENT_LOG);
  let log: { version: 1; sent: SentEntry[] } = { version: 1, sent: [] };
  try {
    const parsed = JSON.parse(await readFile(logPath, 'utf8')) as { version?: number; sent?: SentEntry[] };
    if (parsed.version !== 1 || !Array.isArray(parsed.sent)) throw new Error('unexpected shape');
    log = { version: 1, sent: parsed.sent };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new UsageError(say(lang, 'remind.sentLogBroken', { file: logPath, reason: e instanceof Error ? e.message : String(e) }));
  }
  const day = isoInZone(now, campaign.timezone).slice(0, 10);
  const results: Array<ReturnType<typeof jsonOf>> = [];
  const toSend: Draft[] = [];
  for (const d of drafts) {
    if (!d.to) {
      results.push(jsonOf(d, null, 'no-address'));
      io.err(say(lang, 'remind.skippedNoAddress', { unit: d.unit.name, phones: phonesText(d.unit) }));
      continue;
    }
    const before = log.sent.find((s) => s.unit === d.unit.name && s.day === day && s.reasons === d.fingerprint);
    if (before && !opts.force) {
      results.push(jsonOf(d, null, 'already-sent'));
      io.err(
        say(lang, 'remind.alreadySent', { unit: d.unit.name, at: isoInZone(new Date(before.sentAt), campaign.timezone).slice(11, 16) }),
      );
      continue;
    }
    toSend.push(d);
  }
  if (!toSend.length) {
    if (opts.json) io.out(JSON.stringify({ reminders: results }, null, 2));
    io.out(say(lang, 'remind.sendSummary', { sent: 0, failed: 0, skipped: results.length, log: logPath }));
    return 0;
  }

  if (!opts.yes) {
    const interactive = Boolean(process.stdin.isTTY && process.stderr.isTTY);
    if (!interactive) throw new UsageError(say(lang, 'remind.needYes'));
    const { confirm } = await import('@inquirer/prompts');
    const ok = await confirm(
      { message: say(lang, 'remind.confirm', { count: toSend.length, from: campaign.mailbox, host: smtp.host }), default: false },
      { output: process.stderr },
    ).catch(() => false);
    if (!ok) {
      io.out(say(lang, 'remind.cancelled'));
      return 0;
    }
  }
  const password = await obtainPassword(lang, smtp.user, process.env, [SMTP_PASSWORD_ENV, PASSWORD_ENV]);
  if (opts.insecure) io.err(say(lang, 'mailbox.insecureWarning', { host: smtp.host }));
  const ctx = { lang, host: smtp.host, port: smtp.port, user: smtp.user, protocol: 'smtp' as const, password, timeoutSeconds };
  const nodemailer = nodemailerLib();
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: !smtp.secure,
    auth: { user: smtp.user, pass: password },
    tls: { rejectUnauthorized: !opts.insecure },
    connectionTimeout: timeoutSeconds * 1000,
    greetingTimeout: timeoutSeconds * 1000,
    socketTimeout: Math.max(timeoutSeconds * 2, 60) * 1000,
    logger: false,
  });
  try {
    // A wrong password or host stops here, before any unit is written to.
    await transport.verify();
  } catch (e) {
    transport.close();
    throw explainServerError(e, ctx);
  }
  let sent = 0;
  let failed = 0;
  try {
    for (const d of toSend) {
      try {
        await transport.sendMail({ envelope: { from: campaign.mailbox, to: [d.to!] }, raw: Buffer.from(d.bytes) });
        sent++;
        log.sent.push({
          unit: d.unit.name,
          day,
          reasons: d.fingerprint,
          to: d.to!,
          messageId: d.messageId,
          sentAt: new Date().toISOString(),
        });
        // Written after each mail: an interrupted run never forgets what went.
        await writeFileAtomic(logPath, `${JSON.stringify(log, null, 1)}\n`, { force: true, lang });
        results.push(jsonOf(d, null, 'sent'));
        if (!opts.json) io.out(say(lang, 'remind.sent', { unit: d.unit.name, to: d.to! }));
      } catch (e) {
        if (e instanceof UsageError) throw e;
        failed++;
        const reason = explainServerError(e, ctx).message;
        results.push(jsonOf(d, null, 'failed', reason));
        io.err(say(lang, 'remind.sendFailed', { unit: d.unit.name, to: d.to!, reason }));
      }
    }
  } finally {
    transport.close();
  }
  if (opts.json) io.out(JSON.stringify({ reminders: results }, null, 2));
  else io.out(say(lang, 'remind.sendSummary', { sent, failed, skipped: drafts.length - toSend.length, log: logPath }));
  return failed ? 1 : 0;
}
