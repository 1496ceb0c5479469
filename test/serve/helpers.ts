/** Shared by the serve tests, the screenshot script and the bench: start `serve`, launch Debian's chromium. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from '../helpers.js';
import { CHROMIUM_ARGS } from '../../scripts/screenshots.mjs';

export const CHROMIUM = process.env.LIFELONG_WEEK_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumMissing = existsSync(CHROMIUM) ? undefined : `chromium not found at ${CHROMIUM} (Debian: apt-get install chromium)`;

export interface Served {
  url: string;
  child: ChildProcess;
  stdout: () => string;
  stop(): Promise<number | null>;
}

/** The built CLI's `serve`, on 127.0.0.1 and a free port; resolves when it printed its address. */
export function startServe(args: string[], env: Record<string, string>): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], {
    env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', LIFELONG_WEEK_TODAY: '2023-11-20', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out} ${err}`)), 20_000);
    const onData = () => {
      const m = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve({
        url: m[0],
        child,
        stdout: () => out + err,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGINT');
          return exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.once('exit', () => reject(new Error(`serve exited: ${out} ${err}`)));
  });
}

/** Debian's chromium through playwright-core (nothing downloaded), with a fresh profile removed by `close`. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'lw-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1100, height: 900 },
    locale: 'zh-CN',
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
