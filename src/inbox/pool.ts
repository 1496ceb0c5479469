/**
 * Reading a large inbox on every core: with N threads, N − 1 worker threads are given the files in
 * small batches, each worker reading its files itself (synchronously: one thread has nothing else to
 * do meanwhile) and running the same `checkFiles` on each, while the main thread reads files one at a
 * time from the same queue; the results come back in the order of the files. Parsing Word, Excel
 * and mail is CPU work, so two cores nearly halve a 1,000-file inbox (bench/inbox.mjs). Small
 * batches stay on the main thread: a worker costs ~50 ms to start and more to warm up.
 *
 * Results already known from an earlier run (`cache.ts`: same path, size, time and content) are
 * taken from the cache and not read again.
 */
import type { Campaign } from '../campaign/campaign.js';
import { error } from '../core/problem.js';
import { readerFor, type Format } from '../read/index.js';
import { checkFiles, type FileResult, type InputFile, type ScanCheckOptions } from './check.js';
import type { ResultCache } from './cache.js';

/** A file as a worker receives it: no closures, the path to read from. */
export interface Task {
  id: number;
  path: string;
  source: string;
  size: number;
  mtime?: Date;
  preset?: InputFile['preset'];
}

/** What a worker sends back for one file: its results and the SHA-256 of the bytes it read. */
export interface TaskDone {
  id: number;
  results: FileResult[];
  hash?: string;
}

/**
 * The order files are read in: grouped by the reader their name picks, kinds that share code side by
 * side — a mail carries Word files and PDFs, an archive carries Word files and YAML. With workers,
 * the workers read from the front of the queue while the main thread reads from the back. Each
 * thread then compiles and warms up the code of the few kinds it meets rather than of every kind: on
 * 2 cores that is about a fifth of the CPU time and of the wall time of a 1,000-file inbox
 * (bench/inbox.mjs; docs/inbox.md, "Reading fast, with the same results"). Mails and PDFs, read by
 * the largest parsers from elsewhere, come first: to the workers, whose memory is limited.
 */
const KIND_ORDER: readonly Format[] = ['eml', 'tnef', 'pdf', 'docx', 'doc', 'zip', 'yaml', 'json', 'xlsx', 'image', 'other'];
const kindRank = (path: string) => KIND_ORDER.indexOf(readerFor(path)?.format ?? 'other');

/**
 * The heap a worker may take, in MB: a file that needs more (a hostile one the readers' limits did
 * not catch) ends its worker, not the run, and is listed as unreadable. `LIFELONG_WEEK_WORKER_MB`
 * sets another limit, for a machine with little memory.
 */
const WORKER_MEMORY_MB = Number(process.env.LIFELONG_WEEK_WORKER_MB) > 0 ? Number(process.env.LIFELONG_WEEK_WORKER_MB) : 768;

/** Below this many files the batch is read on the main thread. */
const PARALLEL_FROM = 48;
/** Files per message to a worker: enough to hide the round trip, few enough to share the tail evenly. */
const BATCH_MAX = 8;

export interface ReadOptions {
  onFile?: () => void;
  threads?: number;
  scans?: ScanCheckOptions;
  /** Results of an earlier run, reused where still valid; new results are added to it. */
  cache?: ResultCache;
}

/** Every file's results, in the order of the files (a mail or an archive gives one per part). */
export async function readAll(inputs: readonly InputFile[], campaign: Campaign, opts: ReadOptions = {}): Promise<FileResult[]> {
  return (await readEach(inputs, campaign, opts)).flat();
}

/** The results of each input on its own: `readAll` before flattening. */
export async function readEach(inputs: readonly InputFile[], campaign: Campaign, opts: ReadOptions = {}): Promise<FileResult[][]> {
  const results: FileResult[][] = new Array(inputs.length);
  const todo: number[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const hit = opts.cache?.lookup(inputs[i]!);
    if (hit) {
      results[i] = hit;
      opts.onFile?.();
    } else todo.push(i);
  }
  const done = (i: number, r: FileResult[], hash?: string) => {
    results[i] = r;
    if (hash) opts.cache?.store(inputs[i]!, hash, r);
    opts.onFile?.();
  };
  const parallel =
    todo.length >= PARALLEL_FROM &&
    todo.every((i) => inputs[i]!.source) &&
    import.meta.url.endsWith('.js') &&
    !import.meta.url.includes('/src/');
  // Read grouped by kind (KIND_ORDER), on one thread too: the code of one kind stays warm.
  const rank = new Map(todo.map((i) => [i, kindRank(inputs[i]!.path)]));
  todo.sort((a, b) => rank.get(a)! - rank.get(b)! || a - b);
  // Loaded only for a large batch: a single-file check must start as fast as a bare `node`.
  const cores = todo.length >= PARALLEL_FROM ? (await import('node:os')).availableParallelism() : 1;
  const threads = parallel ? Math.min(opts.threads ?? Number(process.env.LIFELONG_WEEK_THREADS ?? cores), 8) : 1;
  if (todo.length >= PARALLEL_FROM) await setReadingFlags(threads >= cores);
  if (!parallel || threads < 2) {
    let next = 0;
    await readHere(inputs, () => todo[next++], campaign, opts, done);
  } else await readInWorkers(inputs, todo, campaign, opts, threads, done);
  return results;
}

/**
 * Two settings of V8 for a long read, process-wide (the workers started after them share them), each
 * set once, before the first large batch (docs/inbox.md, "Reading fast, with the same results"):
 * - After each full collection V8 lets the heap grow to up to four times what survived before the
 *   next one. A reader makes much garbage and keeps little (10,000 files: 58 MB alive after reading,
 *   a heap of 224 MB): growing by 30 % at most keeps the peak at 10,000 files near 270 MB instead of
 *   near 400 MB, for a few per cent more time.
 * - When the readers take every core: V8 hands a function to its optimising compiler (TurboFan) once
 *   it has run a budget of bytecode, 66 KB by default (`--interrupt-budget`). Reading a thousand files
 *   of a dozen kinds, that compiled about 790 functions, most of them used for a few files more, for
 *   3 s of compiling in a 4 s run: on busy cores, time taken from the readers. Sixteen times the
 *   budget leaves the optimiser the code that stays hot (about 170 compilations, 0.6 s): on 2 cores
 *   the inbox reads in about three quarters of the time. One thread on 2 cores compiles on the idle
 *   core, where the early optimised code is worth more: there the budget stays.
 */
const HEAP_FLAG = '--heap-growing-percent=30';
const BUDGET_FLAG = `--interrupt-budget=${16 * 66 * 1024}`;
const flagsSet = new Set<string>();
async function setReadingFlags(everyCoreReads: boolean): Promise<void> {
  const flags = [HEAP_FLAG, ...(everyCoreReads ? [BUDGET_FLAG] : [])].filter((f) => !flagsSet.has(f));
  // V8 does not refuse a flag it does not know: it prints a line. Both flags are in the V8 of Node
  // 20 to 24 (11.3 to 13.6); another runtime reads at its own pace.
  const v8Major = Number(process.versions.v8.split('.')[0]);
  if (flags.length === 0 || v8Major < 11 || v8Major > 13) return;
  const { setFlagsFromString } = await import('node:v8');
  for (const flag of flags) {
    setFlagsFromString(flag);
    flagsSet.add(flag);
  }
}

/**
 * On this thread, one file after the other, as long as `next` gives one; files on disk are read
 * synchronously and hashed.
 */
async function readHere(
  inputs: readonly InputFile[],
  next: () => number | undefined,
  campaign: Campaign,
  opts: ReadOptions,
  done: (i: number, r: FileResult[], hash?: string) => void,
): Promise<void> {
  const { readSource } = await import('./read-source.js');
  for (let i = next(); i !== undefined; i = next()) {
    const input = inputs[i]!;
    let hash: string | undefined;
    const own: InputFile = input.source
      ? {
          ...input,
          load: async () => {
            const read = readSource(input.source!, opts.cache !== undefined);
            hash = read.hash;
            return read.bytes;
          },
        }
      : input;
    const r = await checkFiles([own], campaign, opts.scans ? { scans: opts.scans } : {});
    done(i, r, hash);
    // Files are read synchronously here: let the event loop run between two, so that `serve` answers
    // its pages while it reads a folder (a batch of 40 files with scans blocked it for seconds), and
    // the workers' answers are taken and their next batches sent.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

async function readInWorkers(
  inputs: readonly InputFile[],
  todo: readonly number[],
  campaign: Campaign,
  opts: ReadOptions,
  threads: number,
  done: (i: number, r: FileResult[], hash?: string) => void,
): Promise<void> {
  const queue: Task[] = todo.map((id) => {
    const f = inputs[id]!;
    return {
      id,
      path: f.path,
      source: f.source!,
      size: f.size,
      ...(f.mtime ? { mtime: f.mtime } : {}),
      ...(f.preset ? { preset: f.preset } : {}),
    };
  });
  const workerUrl = new URL('./check-worker.js', import.meta.url);
  const { Worker } = await import('node:worker_threads');
  // This thread is one of the `threads`: it reads files from the same queue while the workers read
  // theirs, instead of waiting idle beside one more worker (one thread fewer to start, and on 2 cores
  // 10,000 files took 20 s instead of 26–35 s: bench/inbox.mjs).
  const lanes = Math.min(threads - 1, queue.length);
  /** Files of a batch whose worker died: read again one at a time. */
  const suspects: Task[] = [];
  /** Share the tail evenly: batches shrink as the queue empties. */
  const batchSize = () => Math.max(1, Math.min(BATCH_MAX, Math.floor(queue.length / (lanes * 4))));
  /**
   * One lane of work: a worker fed a batch at a time, the next batch sent while it still works on
   * the one before. A worker that dies (a hostile file that exhausts its memory limit) loses the
   * batches it held: they are read again one file per batch by a fresh worker, so the file that
   * kills a worker costs only itself (listed as unreadable) and the others are read.
   */
  const lane = () =>
    new Promise<void>((resolve) => {
      const start = () => {
        const worker = new Worker(workerUrl, {
          workerData: { campaign, hash: opts.cache !== undefined, ...(opts.scans ? { scans: opts.scans } : {}) },
          resourceLimits: { maxOldGenerationSizeMb: WORKER_MEMORY_MB },
        });
        /** Batches sent to this worker and not answered yet, in the order it reads them. */
        const pending: Task[][] = [];
        let finished = false;
        const feed = () => {
          // A suspect goes alone: nothing else in flight, so a death names it.
          if (suspects.length > 0) {
            if (pending.length === 0) {
              const batch = [suspects.shift()!];
              pending.push(batch);
              worker.postMessage(batch);
            }
          } else
            while (pending.length < 2 && queue.length > 0) {
              const batch = queue.splice(0, batchSize());
              pending.push(batch);
              worker.postMessage(batch);
            }
          if (pending.length === 0 && !finished) {
            finished = true;
            void worker.terminate().then(() => resolve());
          }
        };
        worker.on('message', (msg: TaskDone[]) => {
          pending.shift();
          for (const d of msg) done(d.id, d.results, d.hash);
          feed();
        });
        const died = (e: unknown) => {
          if (finished) return;
          finished = true;
          const lost = pending.flat();
          // Read alone, a file that kills its worker again is the one to blame.
          if (lost.length === 1) {
            const [culprit] = lost;
            const outOfMemory = (e as { code?: unknown } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
            done(culprit!.id, [
              {
                path: culprit!.path,
                format: 'other',
                fate: 'unreadable',
                problems: [
                  outOfMemory
                    ? error('file.outOfMemory', { limit: String(WORKER_MEMORY_MB) })
                    : error('internal', { detail: e instanceof Error ? e.message : String(e) }),
                ],
              },
            ]);
          } else suspects.unshift(...lost);
          start();
        };
        worker.on('error', died);
        worker.on('exit', (code) => died(new Error(`worker exited (${code})`)));
        feed();
      };
      start();
    });
  const workers = Array.from({ length: lanes }, lane);
  // One file at a time from the back of the queue, between the workers' batches. A worker's dead
  // batch (`suspects`) is left to the workers: read alone there, it cannot take this thread with it.
  await readHere(inputs, () => queue.pop()?.id, campaign, opts, done);
  await Promise.all(workers);
}
