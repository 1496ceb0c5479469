/**
 * The inbox as the 汇总 page sees it: read once, then followed. Every few seconds (and at once when
 * the file system reports a change) the folder is listed again and only files whose path, size or
 * modification time changed are read again; the others keep their cached results. The roll call is
 * then recomputed from the cached results exactly as `validate` computes it (`rollCall`,
 * `buildReport`), so the page and `validate --json` agree.
 */
import { watch, type FSWatcher } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Campaign } from '../campaign/campaign.js';
import { processIo } from '../core/io.js';
import type { Lang } from '../core/messages.js';
import type { UnitStatus } from '../inbox/roster.js';
import { buildReport, type ValidationReport } from '../report/validation.js';
import type { FileResult, InputFile, ScanCheckOptions } from '../inbox/check.js';
import { readAll } from '../inbox/pool.js';
import { callRoll, collectFiles } from '../commands/validate.js';
import { openInboxCache } from '../commands/result-cache.js';

interface Cached {
  input: InputFile;
  size: number;
  mtimeMs: number;
  /** Every result the file gave (a mail or an archive gives one per part), before the roll call. */
  results: FileResult[];
  /** Its scans and photos were checked for the seal (the second, slower pass). */
  scanned: boolean;
}

/** A part that the seal check looks at: a stamped scan, or a picture that may be one. */
const needsScanCheck = (r: FileResult) =>
  r.fate === 'attachment' && (r.attachment === 'stampedScan' || (r.attachment === 'photo' && r.format === 'image'));

export interface InboxState {
  version: number;
  /** When the folder was last read (ISO). */
  updatedAt: string;
  report: ValidationReport;
  units: UnitStatus[];
  results: FileResult[];
  /** Top-level files on disk by id (for downloads): never a path from a request. */
  fileIds: Map<string, { path: string; full: string }>;
  /** How many files were read for this version (0 when nothing changed). */
  reread: number;
  /** Scans still waiting for the seal check (shown first without it, then filled in). */
  scansPending: number;
}

/** A stable id for an inbox path: what the page sends back instead of a path. */
export const fileId = (path: string) => createHash('sha256').update(path).digest('hex').slice(0, 20);

export class InboxWatcher {
  private cache = new Map<string, Cached>();
  private state: InboxState | undefined;
  private waiters: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;
  private watcher: FSWatcher | undefined;
  private scanning: Promise<void> | undefined;
  private again = false;
  private closed = false;

  constructor(
    readonly folder: string,
    private readonly campaign: Campaign,
    private readonly lang: Lang,
    private readonly intervalMs = 2000,
    /** The seal check's options (`commands/scans.ts`); none: scans are listed, not checked. */
    private readonly scans?: ScanCheckOptions,
  ) {}

  /** Read the folder once; then follow it. */
  async start(): Promise<void> {
    // Through rescan, like every later look: one reading at a time (an upload during the first one
    // waits for it), and a reading that fails leaves the server running, tried again by the timer.
    await this.rescan();
    if (this.closed) return; // stopped (Ctrl+C) while the folder was first read
    this.timer = setInterval(() => void this.rescan(), this.intervalMs);
    this.timer.unref();
    try {
      this.watcher = watch(this.folder, { recursive: true }, () => void this.rescan());
      this.watcher.on('error', () => this.watcher?.close());
    } catch {
      // Polling alone (a file system without change events): a few seconds instead of at once.
    }
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.watcher?.close();
    for (const w of this.waiters.splice(0)) w();
  }

  current(): InboxState | undefined {
    return this.state;
  }

  /** Resolves when the version is newer than `after`, or after `timeoutMs` (long polling). */
  async waitFor(after: number, timeoutMs: number): Promise<InboxState | undefined> {
    if (this.state && this.state.version > after) return this.state;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.waiters.push(done);
    });
    return this.state;
  }

  /** Look again now (after an upload, or when the file system says something changed). */
  rescan(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.scanning) {
      this.again = true;
      return this.scanning;
    }
    this.scanning = this.scan()
      .catch(() => undefined)
      .finally(() => {
        this.scanning = undefined;
        if (this.again && !this.closed) {
          this.again = false;
          void this.rescan();
        }
      });
    return this.scanning;
  }

  private async scan(): Promise<void> {
    let inputs: InputFile[];
    try {
      inputs = await collectFiles([this.folder], processIo(this.lang), this.campaign);
    } catch {
      inputs = []; // an empty folder (the campaign has just begun) or one that went away
    }
    const changed: InputFile[] = [];
    const seen = new Set<string>();
    for (const input of inputs) {
      seen.add(input.path);
      if (input.preset) continue;
      const hit = this.cache.get(input.path);
      if (!hit || hit.size !== input.size || hit.mtimeMs !== (input.mtime?.getTime() ?? 0)) changed.push(input);
    }
    const removed = [...this.cache.keys()].filter((p) => !seen.has(p));
    if (this.state && changed.length === 0 && removed.length === 0 && inputs.filter((i) => i.preset).length === this.presets) {
      if (this.scans) await this.checkScans(inputs);
      return;
    }
    for (const p of removed) this.cache.delete(p);
    if (changed.length > 0) {
      // One bad file never stops the page: check.ts turns bad input into problems, and the pool
      // turns a worker that died into an unreadable file. The first reading takes what an earlier
      // validate, merge or serve kept of unchanged files (the on-disk result cache, inbox/cache.ts).
      const cache = this.state ? undefined : await openInboxCache([this.folder], this.campaign, undefined);
      const results = await readAll(changed, this.campaign, cache ? { cache } : {});
      cache?.save();
      const byTop = new Map<string, FileResult[]>();
      const changedPaths = new Set(changed.map((c) => c.path));
      for (const r of results) {
        const head = r.path.split('!')[0]!;
        const top = changedPaths.has(r.path)
          ? r.path
          : changedPaths.has(head)
            ? head
            : (changed.find((c) => r.path.startsWith(`${c.path}!`))?.path ?? r.path);
        byTop.set(top, [...(byTop.get(top) ?? []), r]);
      }
      for (const c of changed) {
        const results = byTop.get(c.path) ?? [];
        this.cache.set(c.path, {
          input: c,
          size: c.size,
          mtimeMs: c.mtime?.getTime() ?? 0,
          results,
          scanned: !this.scans || !results.some(needsScanCheck),
        });
      }
    }
    await this.publish(inputs, changed.length);
    // The seal check takes a fraction of a second a page: the roll call is shown first, then the
    // scans are checked file by file and the page updated (a rerun finds them in the scan cache).
    if (this.scans) await this.checkScans(inputs);
  }

  private async checkScans(inputs: InputFile[]): Promise<void> {
    for (const [path, hit] of this.cache) {
      if (hit.scanned) continue;
      // Something changed in the folder: that comes first (the scans go on after it).
      if (this.closed || this.again) return;
      const results = await readAll([hit.input], this.campaign, { scans: this.scans! });
      // The file changed meanwhile: the next look reads it again.
      if (this.cache.get(path) !== hit) continue;
      this.cache.set(path, { ...hit, results, scanned: true });
      await this.publish(inputs, 0);
    }
  }

  private async publish(inputs: InputFile[], reread: number): Promise<void> {
    this.presets = inputs.filter((i) => i.preset).length;
    // The roll call changes results in place (superseded, late): it works on copies of the cache.
    const all: FileResult[] = [];
    for (const input of inputs) {
      if (input.preset) {
        const [r] = await readAll([input], this.campaign);
        if (r) all.push(r);
        continue;
      }
      for (const r of this.cache.get(input.path)?.results ?? []) all.push(structuredClone(r));
    }
    // The roll call exactly as validate calls it (received-time record, traditional names).
    const units = await callRoll([this.folder], all, this.campaign, processIo(this.lang));
    const report = buildReport(all, this.campaign, this.lang, units);
    const fileIds = new Map<string, { path: string; full: string }>();
    for (const input of inputs)
      if (input.source && !input.preset) fileIds.set(fileId(input.path), { path: input.path, full: input.source });
    this.state = {
      version: (this.state?.version ?? 0) + 1,
      updatedAt: new Date().toISOString(),
      report,
      units,
      results: all,
      fileIds,
      reread,
      scansPending: [...this.cache.values()].filter((c) => !c.scanned).length,
    };
    for (const w of this.waiters.splice(0)) w();
  }

  private presets = 0;
}
