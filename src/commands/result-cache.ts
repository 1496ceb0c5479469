/**
 * Where `validate`, `merge` and `remind` keep what each file of an inbox gave (inbox/cache.ts): one
 * cache file per inbox in the user's cache folder, beside the scan cache (`LIFELONG_WEEK_CACHE`, else
 * the platform's). `LIFELONG_WEEK_NO_CACHE=1` reads every file afresh and keeps nothing.
 */
import { realpath, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Campaign } from '../campaign/campaign.js';
import type { ScanCheckOptions } from '../inbox/check.js';
import type { ResultCache } from '../inbox/cache.js';
import { scanCacheDir } from './scans.js';

export function inboxCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(dirname(scanCacheDir(env)), 'inbox');
}

/**
 * The cache of the inbox the paths name, or none: only for folders (a single file is read at once
 * anyway), and not while scans are checked (their own cache keeps the slow part).
 */
export async function openInboxCache(
  paths: readonly string[],
  campaign: Campaign,
  scans: ScanCheckOptions | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ResultCache | undefined> {
  if (env.LIFELONG_WEEK_NO_CACHE && env.LIFELONG_WEEK_NO_CACHE !== '0') return undefined;
  if (scans) return undefined;
  const folders = await Promise.all(
    paths.map((p) =>
      stat(p)
        .then((s) => s.isDirectory())
        .catch(() => false),
    ),
  );
  if (!folders.some(Boolean)) return undefined;
  const { cacheFileFor, cacheFingerprint, openResultCache } = await import('../inbox/cache.js');
  const resolved = await Promise.all(paths.map((p) => realpath(p).catch(() => resolve(p))));
  return openResultCache(cacheFileFor(inboxCacheDir(env), resolved), cacheFingerprint(campaign, scans));
}
