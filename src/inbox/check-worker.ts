/** A worker thread of `pool.ts`: reads the files it is sent, one at a time, and sends back the results. */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { Campaign } from '../campaign/campaign.js';
import { checkFiles, type ScanCheckOptions } from './check.js';
import type { Task } from './pool.js';

const { campaign, scans } = workerData as { campaign: Campaign; scans?: ScanCheckOptions };

parentPort!.on('message', async (task: Task) => {
  const results = await checkFiles(
    [{ path: task.path, size: task.size, load: () => readFile(task.source), ...(task.mtime ? { mtime: task.mtime } : {}), ...(task.preset ? { preset: task.preset } : {}) }],
    campaign,
    scans ? { scans } : {},
  );
  parentPort!.postMessage({ id: task.id, results });
});
