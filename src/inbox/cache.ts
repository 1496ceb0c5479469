/**
 * What each file of an inbox gave when it was last read, kept for the next `validate`, `merge` or
 * `remind` on the same folder (docs/inbox.md, "The result cache"): a file whose path, size,
 * modification time and content (SHA-256) are unchanged is not parsed again; its results come from
 * the cache, exactly as they were before the roll call.
 *
 * One cache file per inbox (the folders named, resolved), in the user's cache folder — not in the
 * inbox, which may be shared, synchronised or read-only, and where Windows would show it. It holds
 * only what this tool made, for this version of it: a cache written by another build of the readers
 * (the worker bundle's hash), another campaign, another Node version or time zone is ignored as a
 * whole. A damaged or foreign cache file is ignored, never trusted, never fatal; the new one is
 * written beside it and renamed over it (atomic). A cache that cannot be read or written costs
 * only time.
 *
 * Format: `LWCACHE1`, then each file's results (V8's structured-clone serialisation, the same
 * form worker threads send them in), then an index (JSON: the fingerprint and, per file, path, source,
 * size, time, hash and where its results lie), the index length (4 bytes) and `LWCACHE1` again.
 */
import {
  closeSync,
  fstatSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  mkdirSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Campaign } from '../campaign/campaign.js';
import { packageRoot } from '../paths.js';
import type { FileResult, InputFile, ScanCheckOptions } from './check.js';
import { readSource } from './read-source.js';

// Loaded when a cache is used, not when the command starts (the bundle hoists static imports).
const requireHere = createRequire(import.meta.url);
const createHash = (algorithm: string) => (requireHere('node:crypto') as typeof import('node:crypto')).createHash(algorithm);
const v8 = () => requireHere('node:v8') as typeof import('node:v8');

/** Bump when the layout of this file changes. */
const FORMAT = 1;
const MAGIC = Buffer.from('LWCACHE1');
/** Cache files of inboxes not read for this long are removed when another is written. */
const STALE_MS = 90 * 24 * 3600 * 1000;

interface IndexEntry {
  path: string;
  source: string;
  size: number;
  mtimeMs: number;
  hash: string;
  offset: number;
  length: number;
}

interface Index {
  fingerprint: string;
  entries: IndexEntry[];
}

/**
 * Problems that depend on the machine rather than on the file: such results are not kept
 * (LibreOffice installed later, a file that could not be read this time, a reader that failed).
 */
const NOT_KEPT = new Set(['file.needsLibreOffice', 'file.readFailed', 'internal']);

export interface ResultCache {
  /** The results this file gave before, if it is unchanged (path, size, time, content). */
  lookup(input: InputFile): FileResult[] | undefined;
  /** Keep what a file gave (called before the roll call changes results in place). */
  store(input: InputFile, hash: string, results: FileResult[]): void;
  /** Write the cache for the next run (atomic); nothing when nothing changed. */
  save(): void;
  /** Files taken from the cache, and files read, in this run. */
  readonly stats: { hits: number; stored: number };
}

/** Everything besides a file itself that its results depend on. */
export function cacheFingerprint(campaign: Campaign, scans: ScanCheckOptions | undefined): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify([
      FORMAT,
      process.version,
      Intl.DateTimeFormat().resolvedOptions().timeZone,
      process.env.TZ ?? '',
      toolVersion(),
      campaign,
      scans ?? null,
    ]),
  );
  hash.update(readerBuild());
  return hash.digest('hex');
}

function toolVersion(): string {
  try {
    return String((JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: string }).version);
  } catch {
    return '?';
  }
}

/**
 * The readers as built: the worker bundle beside this one holds every reader and the validation
 * (dist/check-worker.js); run from source (the tests), the source files of the reading path.
 */
function readerBuild(): Buffer {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) {
    try {
      return readFileSync(join(dirname(here), 'check-worker.js'));
    } catch {
      return readFileSync(here);
    }
  }
  const hash = createHash('sha256');
  const src = join(dirname(here), '..');
  for (const dir of ['core', 'form', 'campaign', 'normalize', 'validate', 'read', 'inbox']) {
    const files = readdirSync(join(src, dir), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts'))
      .sort();
    for (const f of files) hash.update(f).update(readFileSync(join(src, dir, f)));
  }
  return hash.digest();
}

/** The cache file of an inbox: named by the resolved folders, under `dir`. */
export function cacheFileFor(dir: string, folders: readonly string[]): string {
  const key = createHash('sha256')
    .update(JSON.stringify([...folders].sort()))
    .digest('hex')
    .slice(0, 32);
  return join(dir, `${key}.lwcache`);
}

function readIndex(fd: number, fingerprint: string): Index | undefined {
  const size = fstatSync(fd).size;
  if (size < MAGIC.length * 2 + 4) return undefined;
  const head = Buffer.alloc(MAGIC.length);
  readSync(fd, head, 0, head.length, 0);
  const tail = Buffer.alloc(4 + MAGIC.length);
  readSync(fd, tail, 0, tail.length, size - tail.length);
  if (!head.equals(MAGIC) || !tail.subarray(4).equals(MAGIC)) return undefined;
  const length = tail.readUInt32LE(0);
  if (length > size - tail.length - MAGIC.length) return undefined;
  const json = Buffer.alloc(length);
  readSync(fd, json, 0, length, size - tail.length - length);
  const index = JSON.parse(json.toString('utf8')) as Index;
  if (index.fingerprint !== fingerprint || !Array.isArray(index.entries)) return undefined;
  const end = size - tail.length - length;
  for (const e of index.entries)
    if (
      typeof e.path !== 'string' ||
      typeof e.source !== 'string' ||
      typeof e.hash !== 'string' ||
      ![e.size, e.mtimeMs, e.offset, e.length].every(Number.isFinite) ||
      e.offset < MAGIC.length ||
      e.offset + e.length > end
    )
      return undefined;
  return index;
}

/** The cache in `file` (missing, damaged or out of date: empty), ready to be added to and saved. */
export function openResultCache(file: string, fingerprint: string): ResultCache {
  let fd: number | undefined;
  let old = new Map<string, IndexEntry>();
  try {
    fd = openSync(file, 'r');
    const index = readIndex(fd, fingerprint);
    if (index) old = new Map(index.entries.map((e) => [e.path, e]));
  } catch {
    // no cache yet, or one that cannot be read: start empty
  }
  const tmp = join(dirname(file), `.${process.pid}.${Date.now()}.tmp`);
  let out: number | undefined;
  let offset = MAGIC.length;
  let failed = false;
  const entries: IndexEntry[] = [];
  const stats = { hits: 0, stored: 0 };
  let changed = false;

  const append = (meta: Omit<IndexEntry, 'offset' | 'length'>, blob: Uint8Array) => {
    if (failed) return;
    try {
      if (out === undefined) {
        mkdirSync(dirname(file), { recursive: true });
        out = openSync(tmp, 'w');
        writeSync(out, MAGIC);
      }
      writeSync(out, blob);
      entries.push({ ...meta, offset, length: blob.length });
      offset += blob.length;
    } catch {
      failed = true;
    }
  };

  return {
    stats,
    lookup(input) {
      const e = old.get(input.path);
      if (!e || fd === undefined || input.preset || !input.source) return undefined;
      if (e.source !== resolve(input.source) || e.size !== input.size || e.mtimeMs !== (input.mtime?.getTime() ?? -1)) return undefined;
      try {
        if (readSource(input.source, true).hash !== e.hash) return undefined;
        const blob = Buffer.alloc(e.length);
        if (readSync(fd, blob, 0, e.length, e.offset) !== e.length) return undefined;
        const results = v8().deserialize(blob) as FileResult[];
        if (!Array.isArray(results) || results.length === 0) return undefined;
        append({ path: e.path, source: e.source, size: e.size, mtimeMs: e.mtimeMs, hash: e.hash }, blob);
        stats.hits++;
        return results;
      } catch {
        return undefined;
      }
    },
    store(input, hash, results) {
      changed = true;
      if (!input.source || input.preset || !input.mtime) return;
      if (results.some((r) => r.problems.some((p) => NOT_KEPT.has(p.code)))) return;
      let blob: Buffer;
      try {
        blob = v8().serialize(results);
      } catch {
        return;
      }
      append({ path: input.path, source: resolve(input.source), size: input.size, mtimeMs: input.mtime.getTime(), hash }, blob);
      stats.stored++;
    },
    save() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      // Unchanged: the cache on disk is still exactly right.
      if (!changed && stats.hits === old.size) {
        if (out !== undefined) closeSync(out);
        rmSync(tmp, { force: true });
        return;
      }
      try {
        if (failed) throw new Error('not written');
        if (out === undefined) {
          // Nothing left to keep: no cache.
          rmSync(file, { force: true });
          return;
        }
        const index = Buffer.from(JSON.stringify({ fingerprint, entries } satisfies Index), 'utf8');
        const length = Buffer.alloc(4);
        length.writeUInt32LE(index.length);
        writeSync(out, index);
        writeSync(out, length);
        writeSync(out, MAGIC);
        closeSync(out);
        out = undefined;
        renameSync(tmp, file);
        removeStale(dirname(file), file);
      } catch {
        if (out !== undefined) closeSync(out);
        rmSync(tmp, { force: true });
      }
    },
  };
}

/** Caches of inboxes not read for months, and temporary files left by an interrupted run. */
function removeStale(dir: string, keep: string): void {
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (full === keep || !/\.(lwcache|tmp)$/.test(name)) continue;
    try {
      const age = now - statSync(full).mtimeMs;
      if (age > (name.endsWith('.tmp') ? 24 * 3600 * 1000 : STALE_MS)) rmSync(full, { force: true });
    } catch {
      // gone meanwhile
    }
  }
}
