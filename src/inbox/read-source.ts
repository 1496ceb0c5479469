/**
 * A file of the inbox read where it is checked (the main thread's own share, or a worker's: pool.ts),
 * synchronously — the thread has nothing else to do meanwhile — with the SHA-256 of its bytes, by
 * which the result cache (cache.ts) knows it again.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

/** The bytes, and their SHA-256 when asked for (node:crypto is loaded only then: a single file starts faster). */
export function readSource(path: string, hash = true): { bytes: Uint8Array; hash?: string } {
  const bytes = readFileSync(path);
  if (!hash) return { bytes };
  const { createHash } = requireHere('node:crypto') as typeof import('node:crypto');
  return { bytes, hash: createHash('sha256').update(bytes).digest('hex') };
}
