import { readFileSync, readdirSync } from 'node:fs';
import { liftBase64Bodies } from './.eml-mb.mjs';
const dir = process.argv[2];
let files = readdirSync(dir).filter(f => f.endsWith('.eml')).map(f => readFileSync(dir + '/' + f));
for (let round = 0; round < 3; round++) {
  const t = performance.now();
  for (const b of files) liftBase64Bodies(b);
  console.log(round, ((performance.now() - t) / files.length).toFixed(3), 'ms/mail');
}
