// Git keeps no file times, but "received" for a loose file in the inbox is its file time. After a
// checkout, put the intended times back from fixtures/inbox.expected.json (each top-level file has
// an `mtime`) before validating the folder:
//   node scripts/inbox-times.mjs [folder]        (default fixtures/inbox; a copy works the same)
// or, from a test: `await applyInboxTimes(copyOfTheFolder)`.
import { readFile, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const INBOX = fileURLToPath(new URL('../fixtures/inbox/', import.meta.url));
export const EXPECTED = fileURLToPath(new URL('../fixtures/inbox.expected.json', import.meta.url));

/** Sets every on-disk file's mtime (and atime) to the `mtime` the expected outcome gives it. Returns how many. */
export async function applyInboxTimes(folder = INBOX, expected) {
  const spec = expected ?? JSON.parse(await readFile(EXPECTED, 'utf8'));
  let n = 0;
  for (const file of spec.files) {
    if (!file.mtime) continue;
    const t = new Date(file.mtime);
    await utimes(join(folder, ...file.path.split('/')), t, t);
    n++;
  }
  return n;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const n = await applyInboxTimes(process.argv[2] ?? INBOX);
  console.log(`inbox: set the time of ${n} files`);
}
