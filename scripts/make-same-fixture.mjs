// Writes fixtures/same/validate.json.gz: `validate --json` on the inbox of test/inbox-same.test.ts
// (bench/inbox-gen.mjs, sameInbox), as a known-good build gives it. The test then holds every later
// build to it byte for byte. Regenerate only when a change to a report is intended, and say so:
//   npm run build && node scripts/make-same-fixture.mjs [path/to/bin/lifelong-week]
// It was made with the build of commit 4347a56: main just before the faster readers were merged, with
// the same messages (the readers' speed work was held to c3a6ab4 the same way on its own branch); made again
// when the ambiguity warning came to name only the first few versions (「等 N 份」): only those sentences changed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { inboxTemplates, sameInbox } from '../bench/inbox-gen.mjs';

process.env.TZ = 'UTC';
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = process.argv[2] ?? join(root, 'bin', 'lifelong-week');
const dir = mkdtempSync(join(tmpdir(), 'lw-same-'));
try {
  sameInbox(dir, root, inboxTemplates(root));
  const r = spawnSync(process.execPath, [bin, 'validate', '--json', dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8', TZ: 'UTC', LIFELONG_WEEK_NO_CACHE: '1' },
  });
  if (!r.stdout.startsWith('{')) throw new Error(`validate failed: ${r.stderr}`);
  writeFileSync(join(root, 'fixtures', 'same', 'validate.json.gz'), gzipSync(r.stdout, { level: 9 }));
  console.log(`fixtures/same/validate.json.gz: ${r.stdout.length} bytes of JSON`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
