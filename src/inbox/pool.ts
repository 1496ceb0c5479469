/**
 * Reading a large inbox on every core: the files are shared out to worker threads, each running
 * the same `checkFiles` on its share, and the results come back in the order of the files. Parsing
 * Word, Excel and mail is CPU work, so two cores nearly halve a 1,000-file inbox (bench/inbox.mjs).
 * Small batches stay on the main thread: a worker costs ~50 ms to start.
 */
import type { Campaign } from '../campaign/campaign.js';
import { error } from '../core/problem.js';
import { checkFiles, type FileResult, type InputFile, type ScanCheckOptions } from './check.js';

/** A file as a worker receives it: no closures, the path to read from. */
export interface Task {
  id: number;
  path: string;
  source: string;
  size: number;
  mtime?: Date;
  preset?: InputFile['preset'];
}

/** Below this many files the batch is read on the main thread. */
const PARALLEL_FROM = 48;

export async function readAll(
  inputs: readonly InputFile[],
  campaign: Campaign,
  opts: { onFile?: () => void; threads?: number; scans?: ScanCheckOptions } = {},
): Promise<FileResult[]> {
  const parallel =
    inputs.length >= PARALLEL_FROM && inputs.every((f) => f.source) && import.meta.url.endsWith('.js') && !import.meta.url.includes('/src/');
  // Loaded only for a large batch: a single-file check must start as fast as a bare `node`.
  const threads = parallel
    ? Math.min(opts.threads ?? Number(process.env.LIFELONG_WEEK_THREADS ?? (await import('node:os')).availableParallelism()), 8)
    : 1;
  const workerUrl = new URL('./check-worker.js', import.meta.url);
  if (!parallel || threads < 2) {
    const out: FileResult[] = [];
    for (const input of inputs) {
      out.push(...(await checkFiles([input], campaign, opts.scans ? { scans: opts.scans } : {})));
      opts.onFile?.();
    }
    return out;
  }
  const tasks: Task[] = inputs.map((f, id) => ({
    id,
    path: f.path,
    source: f.source!,
    size: f.size,
    ...(f.mtime ? { mtime: f.mtime } : {}),
    ...(f.preset ? { preset: f.preset } : {}),
  }));
  const { Worker } = await import('node:worker_threads');
  const results: FileResult[][] = new Array(tasks.length);
  let next = 0;
  /**
   * One lane of work: a worker fed one file at a time. A worker that dies (a hostile file that
   * exhausts its memory limit) costs only the file it was reading, which is listed as unreadable;
   * a fresh worker takes over the rest.
   */
  const lane = () =>
    new Promise<void>((resolve) => {
      let current: Task | undefined;
      const start = () => {
        const worker = new Worker(workerUrl, { workerData: { campaign, ...(opts.scans ? { scans: opts.scans } : {}) }, resourceLimits: { maxOldGenerationSizeMb: 768 } });
        const feed = () => {
          if (next >= tasks.length) {
            current = undefined;
            void worker.terminate().then(() => resolve());
            return;
          }
          current = tasks[next++]!;
          worker.postMessage(current);
        };
        worker.on('message', (msg: { id: number; results: FileResult[] }) => {
          results[msg.id] = msg.results;
          opts.onFile?.();
          feed();
        });
        worker.on('error', (e) => {
          if (current) {
            results[current.id] = [
              { path: current.path, format: 'other', fate: 'unreadable', problems: [error('internal', { detail: e instanceof Error ? e.message : String(e) })] },
            ];
            opts.onFile?.();
            current = undefined;
          }
          start();
        });
        feed();
      };
      start();
    });
  await Promise.all(Array.from({ length: Math.min(threads, tasks.length) }, lane));
  return results.flat();
}
