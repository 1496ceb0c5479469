/**
 * A worker thread of `pool.ts`: reads the batches of files it is sent, one file at a time and
 * synchronously, and sends back each file's results (with the hash of its bytes) as soon as it has them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Campaign } from '../campaign/campaign.js';
import { checkFiles, type ScanCheckOptions } from './check.js';
import type { Task, TaskDone } from './pool.js';
import { readSource } from './read-source.js';

const { campaign, scans, hash: wantHash } = workerData as { campaign: Campaign; scans?: ScanCheckOptions; hash?: boolean };

let work = Promise.resolve();
parentPort!.on('message', (batch: Task[]) => {
  // Batches are read in the order they came, one file at a time.
  work = work.then(async () => {
    const done: TaskDone[] = [];
    for (const task of batch) {
      let hash: string | undefined;
      const load = async () => {
        const read = readSource(task.source, wantHash === true);
        hash = read.hash;
        return read.bytes;
      };
      const results = await checkFiles(
        [
          {
            path: task.path,
            size: task.size,
            load,
            ...(task.mtime ? { mtime: task.mtime } : {}),
            ...(task.preset ? { preset: task.preset } : {}),
          },
        ],
        campaign,
        scans ? { scans } : {},
      );
      done.push({ id: task.id, results, ...(hash ? { hash } : {}) });
    }
    parentPort!.postMessage(done);
  });
});
