/**
 * Where to connect: `--imap HOST[:PORT]` / `--smtp HOST[:PORT]`, else the campaign's `mailbox:`
 * section, else the provider's well-known servers for the campaign's address (163, 126, yeah.net,
 * QQ…). Pure.
 */
import type { Campaign } from '../campaign/campaign.js';

/** Providers the centres use, by the address's domain: IMAP and SMTP hosts (README, 「从报送邮箱收取邮件」). */
const PROVIDERS: Record<string, { imap: string; smtp: string; authCode: boolean }> = {
  '163.com': { imap: 'imap.163.com', smtp: 'smtp.163.com', authCode: true },
  '126.com': { imap: 'imap.126.com', smtp: 'smtp.126.com', authCode: true },
  'yeah.net': { imap: 'imap.yeah.net', smtp: 'smtp.yeah.net', authCode: true },
  'qq.com': { imap: 'imap.qq.com', smtp: 'smtp.qq.com', authCode: true },
  'foxmail.com': { imap: 'imap.qq.com', smtp: 'smtp.qq.com', authCode: true },
  'sina.com': { imap: 'imap.sina.com', smtp: 'smtp.sina.com', authCode: true },
  'aliyun.com': { imap: 'imap.aliyun.com', smtp: 'smtp.aliyun.com', authCode: false },
};

export interface Endpoint {
  host: string;
  port: number;
  /** TLS from the first byte (993, 465); else STARTTLS. */
  secure: boolean;
}

export interface ImapSettings extends Endpoint {
  user: string;
  mailbox: string;
}

export type HostParse = { ok: true; host: string; port?: number } | { ok: false };

/** `imap.163.com`, `imap.163.com:993`, `127.0.0.1:1143`, `[::1]:993`. */
export function parseHostPort(text: string): HostParse {
  const m = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(text.trim());
  if (!m) return { ok: false };
  const port = m[2] === undefined ? undefined : Number(m[2]);
  if (port !== undefined && (port < 1 || port > 65535)) return { ok: false };
  const host = m[1]!.replace(/^\[|\]$/g, '');
  return port === undefined ? { ok: true, host } : { ok: true, host, port };
}

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/** Does this mailbox's provider want a 授权码 (client authorisation code) instead of the web password? */
export function wantsAuthCode(host: string, user: string): boolean {
  const h = host.toLowerCase();
  return Object.values(PROVIDERS).some((p) => p.authCode && (h === p.imap || h === p.smtp)) || Boolean(PROVIDERS[domainOf(user)]?.authCode);
}

export type Resolved<T> = { ok: true; value: T } | { ok: false; problem: 'badHost' | 'noHost'; text?: string };

export function imapSettings(
  opts: { imap?: string | undefined; user?: string | undefined; mailbox?: string | undefined; starttls?: boolean | undefined },
  campaign: Campaign,
): Resolved<ImapSettings> {
  const server = campaign.mailServer;
  let host: string | undefined;
  let port: number | undefined;
  if (opts.imap !== undefined) {
    const parsed = parseHostPort(opts.imap);
    if (!parsed.ok) return { ok: false, problem: 'badHost', text: opts.imap };
    host = parsed.host;
    port = parsed.port;
  } else if (server?.host) {
    host = server.host;
    port = server.port;
  } else host = PROVIDERS[domainOf(campaign.mailbox)]?.imap;
  if (!host) return { ok: false, problem: 'noHost' };
  const starttls = opts.starttls ?? (opts.imap === undefined ? server?.starttls : undefined) ?? false;
  return {
    ok: true,
    value: {
      host,
      port: port ?? (starttls ? 143 : 993),
      secure: !starttls,
      user: opts.user ?? server?.user ?? campaign.mailbox,
      mailbox: opts.mailbox ?? server?.mailbox ?? 'INBOX',
    },
  };
}

export function smtpSettings(
  opts: { smtp?: string | undefined; user?: string | undefined; starttls?: boolean | undefined },
  campaign: Campaign,
): Resolved<Endpoint & { user: string }> {
  const server = campaign.mailServer?.smtp;
  let host: string | undefined;
  let port: number | undefined;
  if (opts.smtp !== undefined) {
    const parsed = parseHostPort(opts.smtp);
    if (!parsed.ok) return { ok: false, problem: 'badHost', text: opts.smtp };
    host = parsed.host;
    port = parsed.port;
  } else if (server) {
    host = server.host;
    port = server.port;
  } else host = PROVIDERS[domainOf(campaign.mailbox)]?.smtp;
  if (!host) return { ok: false, problem: 'noHost' };
  const starttls = opts.starttls ?? (opts.smtp === undefined ? server?.starttls : undefined) ?? false;
  return {
    ok: true,
    value: { host, port: port ?? (starttls ? 587 : 465), secure: !starttls, user: opts.user ?? campaign.mailServer?.user ?? campaign.mailbox },
  };
}

/** `imap.163.com:993`: how the state file names the server. */
export const serverId = (e: Endpoint) => `${e.host.toLowerCase()}:${e.port}`;

/** Remove every occurrence of a secret from a text that may be shown (a server's error, say). */
export function scrub(text: string, secret: string | undefined): string {
  return secret && secret.length >= 1 ? text.split(secret).join('******') : text;
}
