/**
 * `--check-scans`: where scan results are cached (by file hash, shared by validate, merge and serve,
 * so a scan is read once), from the environment the user runs in.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ScanCheckOptions } from '../inbox/check.js';

/** `LIFELONG_WEEK_CACHE`, else the platform's cache folder (XDG on Linux, LOCALAPPDATA on Windows). */
export function scanCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LIFELONG_WEEK_CACHE) return join(env.LIFELONG_WEEK_CACHE, 'scans');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'lifelong-week', 'scans');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'lifelong-week', 'scans');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'lifelong-week', 'scans');
}

/**
 * `true` (`--check-scans`): the seal, and the figures when the OCR add-on is installed. `'seal'` (what
 * `remind` and `serve` do unasked): the seal only — a fraction of a second a page — with the figures
 * where an earlier `--check-scans` left them in the cache.
 */
export function scanOptions(checkScans: boolean | 'seal' | undefined, env: NodeJS.ProcessEnv = process.env): ScanCheckOptions | undefined {
  if (!checkScans) return undefined;
  return { cacheDir: scanCacheDir(env), ocr: checkScans === true };
}
