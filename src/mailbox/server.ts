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

/**
 * One server from, in order: the command-line option (`HOST[:PORT]`), the campaign's `mailbox:`
 * section, the provider of the campaign's address. The campaign's STARTTLS choice counts only for
 * its own server; the port defaults to the protocol's (`ports.tls` or `ports.starttls`).
 */
function endpoint(
  option: string | undefined,
  starttlsOption: boolean | undefined,
  server: { host?: string | undefined; port?: number | undefined; starttls?: boolean | undefined } | undefined,
  providerHost: string | undefined,
  ports: { tls: number; starttls: number },
): Resolved<Endpoint> {
  let host: string | undefined;
  let port: number | undefined;
  if (option !== undefined) {
    const parsed = parseHostPort(option);
    if (!parsed.ok) return { ok: false, problem: 'badHost', text: option };
    host = parsed.host;
    port = parsed.port;
  } else if (server?.host) {
    host = server.host;
    port = server.port;
  } else host = providerHost;
  if (!host) return { ok: false, problem: 'noHost' };
  const starttls = starttlsOption ?? (option === undefined ? server?.starttls : undefined) ?? false;
  return { ok: true, value: { host, port: port ?? (starttls ? ports.starttls : ports.tls), secure: !starttls } };
}

export function imapSettings(
  opts: { imap?: string | undefined; user?: string | undefined; mailbox?: string | undefined; starttls?: boolean | undefined },
  campaign: Campaign,
): Resolved<ImapSettings> {
  const server = campaign.mailServer;
  const found = endpoint(opts.imap, opts.starttls, server, PROVIDERS[domainOf(campaign.mailbox)]?.imap, { tls: 993, starttls: 143 });
  if (!found.ok) return found;
  return {
    ok: true,
    value: { ...found.value, user: opts.user ?? server?.user ?? campaign.mailbox, mailbox: opts.mailbox ?? server?.mailbox ?? 'INBOX' },
  };
}

export function smtpSettings(
  opts: { smtp?: string | undefined; user?: string | undefined; starttls?: boolean | undefined },
  campaign: Campaign,
): Resolved<Endpoint & { user: string }> {
  const found = endpoint(opts.smtp, opts.starttls, campaign.mailServer?.smtp, PROVIDERS[domainOf(campaign.mailbox)]?.smtp, {
    tls: 465,
    starttls: 587,
  });
  if (!found.ok) return found;
  return { ok: true, value: { ...found.value, user: opts.user ?? campaign.mailServer?.user ?? campaign.mailbox } };
}

/** `imap.163.com:993`: how the state file names the server. */
export const serverId = (e: Endpoint) => `${e.host.toLowerCase()}:${e.port}`;

/** Remove every occurrence of a secret from a text that may be shown (a server's error, say). */
export function scrub(text: string, secret: string | undefined): string {
  return secret && secret.length >= 1 ? text.split(secret).join('******') : text;
}
