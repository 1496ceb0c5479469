/**
 * A file of the inbox read where it is checked (the main thread's own share, or a worker's: pool.ts),
 * synchronously — the thread has nothing else to do meanwhile — with the SHA-256 of its bytes, by
 * which the result cache (cache.ts) knows it again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function readSource(path: string): { bytes: Uint8Array; hash: string } {
  const bytes = readFileSync(path);
  return { bytes, hash: createHash('sha256').update(bytes).digest('hex') };
}
