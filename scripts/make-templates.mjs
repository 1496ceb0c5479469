// Regenerates templates/: the blank forms the city centre hands out (YAML to fill in, Word to fill
// by hand, a fillable PDF) and the campaign in force as YAML, to copy for next year. All made by
// the built CLI from the one form definition; test/templates.test.ts fails when they are stale.
//   npm run build && node scripts/make-templates.mjs
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (...args) => {
  const r = spawnSync(process.execPath, [`${root}bin/lifelong-week`, ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('template', '--format', 'yaml,docx,pdf', '--fillable', '-o', 'templates', '--force');
run('template', '--format', 'campaign', '-o', 'templates/campaign-2023-nanchang.yaml', '--force');
