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

export function scanOptions(checkScans: boolean | undefined): ScanCheckOptions | undefined {
  return checkScans ? { cacheDir: scanCacheDir(), ocr: true } : undefined;
}
