/**
 * A module loaded on first use, synchronously. Each subcommand is one bundle (scripts/build.mjs), so
 * a top-level import of, say, node:child_process would be paid by every run of the command, even
 * one that only checks a YAML file; this defers it to the code path that needs it.
 */
import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

export function lazy<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireHere(id) as T);
}
