/**
 * What `fetch` and `remind --send` share: the password (environment or a masked prompt, never shown),
 * and the mail servers' failures said in plain words (exit 2). The IMAP and SMTP libraries are
 * loaded by the commands themselves, only when they connect.
 */
import { InterruptedError, UsageError } from '../core/errors.js';
import { formatMessage, type Lang, type MessageCode } from '../core/messages.js';
import type { Params } from '../core/problem.js';
import { scrub, wantsAuthCode } from '../mailbox/server.js';

export const PASSWORD_ENV = 'LIFELONG_WEEK_IMAP_PASSWORD';
export const SMTP_PASSWORD_ENV = 'LIFELONG_WEEK_SMTP_PASSWORD';

export const say = (lang: Lang, code: MessageCode, params?: Params) => formatMessage(code, params, lang);

/**
 * The password or 授权码: from the environment, else asked on a terminal with the characters masked.
 * Without either, a usage error that names the variable (the value itself is never printed).
 */
export async function obtainPassword(
  lang: Lang,
  user: string,
  env: NodeJS.ProcessEnv,
  names: readonly string[],
  interactive = Boolean(process.stdin.isTTY && process.stderr.isTTY),
): Promise<string> {
  for (const name of names) {
    const value = env[name];
    if (value) return value;
  }
  if (!interactive) throw new UsageError(say(lang, 'mailbox.noPassword', { user, env: names[names.length - 1]! }));
  const { password } = await import('@inquirer/prompts');
  try {
    return await password({ message: say(lang, 'mailbox.passwordPrompt', { user }), mask: '*' }, { output: process.stderr });
  } catch (e) {
    if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) throw new InterruptedError();
    throw e;
  }
}

const TLS_CERT_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'HOSTNAME_MISMATCH',
]);

/** Walk an error and its causes (libraries wrap the socket's error). */
function causes(e: unknown): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    out.push(cur as Record<string, unknown>);
    const next = (cur as { cause?: unknown; _err?: unknown }).cause ?? (cur as { _err?: unknown })._err;
    cur = next;
  }
  return out;
}

export interface ServerContext {
  lang: Lang;
  host: string;
  port: number;
  user: string;
  /** `imap` or `smtp`: which port and option advice fits. */
  protocol: 'imap' | 'smtp';
  password?: string;
  timeoutSeconds: number;
}

/**
 * A connection failure as a plain-language usage error: wrong host, refused port, TLS mismatch,
 * refused certificate, wrong password (with the 授权码 hint for NetEase and QQ), timeout. Anything
 * else is said with the server's own words, the password scrubbed out.
 */
export function explainServerError(e: unknown, ctx: ServerContext): UsageError {
  const { lang, host, port, user } = ctx;
  const chain = causes(e);
  const codes = chain.map((c) => String(c.code ?? ''));
  const text = chain.map((c) => `${String(c.message ?? '')} ${String(c.response ?? '')} ${String(c.responseText ?? '')}`).join(' ');
  const has = (code: string) => codes.includes(code);
  const mk = (code: MessageCode, params: Params = {}) =>
    new UsageError(say(lang, code, { host, port, user, protocol: ctx.protocol, ...params }), { cause: e });
  if (has('ENOTFOUND') || has('EAI_AGAIN') || has('EAI_NONAME')) return mk('mailbox.hostNotFound');
  if (has('ECONNREFUSED')) return mk('mailbox.refused');
  const certCode = codes.find((c) => TLS_CERT_CODES.has(c));
  if (certCode) return mk('mailbox.badCert', { reason: certCode });
  if (
    codes.some((c) => c.startsWith('ERR_SSL_') || c === 'EPROTO') ||
    /wrong version number|packet length too long|unknown protocol/i.test(text) ||
    has('ClosedAfterConnectTLS')
  )
    return mk('mailbox.tlsMismatch');
  if (chain.some((c) => c.authenticationFailed === true) || has('EAUTH') || /AUTHENTICATIONFAILED|authentication failed|535/i.test(text))
    return mk('mailbox.authFailed', { authCode: wantsAuthCode(host, user) ? 1 : 0 });
  if (/Unsafe Login/i.test(text)) return mk('mailbox.unsafeLogin');
  if (codes.some((c) => /TIMEOUT|ETIMEDOUT|ETIMEOUT/i.test(c)) || /timed? ?out/i.test(text))
    return mk('mailbox.timeout', { seconds: ctx.timeoutSeconds });
  if (has('ECONNRESET') || has('EPIPE') || has('NoConnection') || has('EConnectionClosed') || has('ClosedAfterConnectText'))
    return mk('mailbox.dropped');
  const detail = scrub(
    chain
      .map((c) => String(c.responseText ?? c.response ?? c.message ?? ''))
      .filter(Boolean)
      .join('；')
      .slice(0, 300),
    ctx.password,
  );
  return mk('mailbox.serverError', { detail: detail || String(codes.find(Boolean) ?? '') });
}
