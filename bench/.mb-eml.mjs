import { readFileSync, readdirSync } from 'node:fs';
import { readEml } from './.eml-mb.mjs';
const dir = process.argv[2];
const files = readdirSync(dir).filter(f => f.endsWith('.eml')).map(f => readFileSync(dir + '/' + f));
for (let round = 0; round < 4; round++) {
  const t = performance.now();
  for (const b of files) await readEml(b);
  console.log(round, ((performance.now() - t) / files.length).toFixed(2), 'ms/mail');
}
