/** Shared test helpers: run the built CLI in a temp dir, read fixtures. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'lifelong-week');
export const fixture = (...parts: string[]) => join(ROOT, 'fixtures', ...parts);
export const readFixture = (...parts: string[]) => readFileSync(fixture(...parts));

/** The tool's caches (scans, inbox results) go to the test file's temporary folder (setup-temp.ts), never the user's. */
const cacheEnv = (): Record<string, string> =>
  process.env.LIFELONG_WEEK_CACHE ? { LIFELONG_WEEK_CACHE: process.env.LIFELONG_WEEK_CACHE } : {};

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the built CLI as a user would: a child process, no TTY, Chinese unless the env says otherwise. */
export function cli(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8', ...cacheEnv(), ...opts.env },
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export const tempDir = (prefix = 'lw-') => mkdtempSync(join(tmpdir(), prefix));

/** No user ever sees a JavaScript stack trace. */
export function expectNoStackTrace(text: string): boolean {
  return !/\n\s+at .+:\d+:\d+\)?/.test(text) && !/TypeError|ReferenceError|SyntaxError: /.test(text);
}

/**
 * The built CLI without blocking this process, for tests whose own servers (IMAP, SMTP) run in it.
 * A bare environment: PATH, HOME and a UTF-8 locale, plus `env`.
 */
export function cliAsync(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8', ...cacheEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
