/**
 * `lifelong-week serve [收件箱/] [--host H] [--port N] [--open] [-o DIR]`: the form (填报) and, with a
 * folder, the roll call (汇总) in the browser, served locally (`src/serve/`). Runs until Ctrl+C,
 * which closes the server and exits 130; every file it writes is written atomically, so nothing is
 * left half-written.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InterruptedError, isUsageError, UsageError } from '../core/errors.js';
import type { Io } from '../core/io.js';
import { formatMessage, type MessageCode } from '../core/messages.js';
import type { Params } from '../core/problem.js';
import { isLoopbackHost, startServer, type RunningServer } from '../serve/server.js';
import { clock } from './fill.js';
import { loadCampaign } from './shared.js';

export interface ServeOptions {
  host?: string;
  port?: string;
  open?: boolean;
  output?: string;
  campaign?: string;
  /** `--no-check-scans`: the roll call without the seal check (a folder of many photos). */
  checkScans?: boolean;
}

export interface ServeDeps {
  env?: NodeJS.ProcessEnv;
  home?: string;
  /** Tests: called with the running server instead of waiting for Ctrl+C. */
  started?: (server: RunningServer) => void;
  /** Tests: resolves to stop the server (instead of SIGINT). */
  stop?: Promise<void>;
}

function openBrowser(url: string): Promise<boolean> {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  return new Promise((resolvePromise) => {
    try {
      const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
      child.once('error', () => resolvePromise(false));
      child.once('spawn', () => {
        child.unref();
        resolvePromise(true);
      });
    } catch {
      resolvePromise(false);
    }
  });
}

/** Beyond loopback (the office network), every request must carry the access token. */
export const needsToken = (host: string) => !isLoopbackHost(host);

export async function runServe(folder: string | undefined, opts: ServeOptions, io: Io, deps: ServeDeps = {}): Promise<number> {
  const { lang } = io;
  const say = (code: MessageCode, params?: Params) => formatMessage(code, params, lang);
  const env = deps.env ?? process.env;
  const campaign = await loadCampaign(opts.campaign, lang);
  let inbox: string | undefined;
  if (folder !== undefined) {
    const info = await stat(folder).catch(() => undefined);
    if (!info?.isDirectory()) throw new UsageError(say('serve.cli.notFolder', { path: folder }));
    inbox = resolve(folder);
  }
  const port = opts.port === undefined ? 8023 : Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(say('serve.cli.badPort', { port: opts.port ?? '' }));
  const host = opts.host ?? '127.0.0.1';
  const token = needsToken(host) ? randomBytes(18).toString('base64url') : undefined;
  // Listening for Ctrl+C before the address is printed: a user (or a script) may press it at once.
  const stopped = deps.stop
    ? deps.stop.then(() => 'stop' as const)
    : new Promise<'interrupt'>((resolvePromise) => {
        process.once('SIGINT', () => resolvePromise('interrupt'));
        process.once('SIGTERM', () => resolvePromise('interrupt'));
      });
  let running: RunningServer;
  try {
    running = await startServer({
      campaign,
      lang,
      host,
      port,
      ...(inbox ? { inbox } : {}),
      outDir: resolve(opts.output ?? '.'),
      home: deps.home ?? homedir(),
      assetsDir: fileURLToPath(new URL('./web/', import.meta.url)),
      now: () => clock(env, campaign),
      ...(token ? { token } : {}),
      // The seal of every stamped scan, after the roll call is first shown (cached by file hash with
      // validate's; the figures where `validate --check-scans` read them).
      ...(opts.checkScans === false ? {} : { scans: (await import('./scans.js')).scanOptions('seal', env)! }),
    });
  } catch (e) {
    if (isUsageError(e)) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(say('serve.cli.portBusy', { port }));
    throw new UsageError(say('serve.cli.badHost', { host, reason: code ?? String(e) }));
  }
  io.out(
    token
      ? say('serve.cli.listeningLan', { urls: running.urls.map((u) => `  ${u}`).join('\n') })
      : say('serve.cli.listening', { url: running.urls[0]! }),
  );
  if (inbox) io.out(say('serve.cli.inbox', { folder: inbox }));
  io.out(say('serve.cli.output', { dir: resolve(opts.output ?? '.') }));
  if (opts.open && !(await openBrowser(running.urls[0]!))) io.err(say('serve.cli.openFailed', { url: running.urls[0]! }));
  deps.started?.(running);

  const how = await stopped;
  await running.close();
  io.err(say('serve.cli.stopped'));
  if (how === 'interrupt') throw new InterruptedError();
  return 0;
}
