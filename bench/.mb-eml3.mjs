import { readFileSync, readdirSync } from 'node:fs';
import { readEml } from './.eml-orig.mjs';
const dir = process.argv[2];
let files = readdirSync(dir).filter(f => f.endsWith('.eml')).map(f => readFileSync(dir + '/' + f));
if (process.argv[3]) files = files.map(b => Buffer.from(b.toString('latin1').replace(/\r?\n\r?\n([A-Za-z0-9+\/=]{60,}\r?\n)+/g, '\r\n\r\nAAAA\r\n'), 'latin1'));
console.log(files[0].length);
for (let round = 0; round < 3; round++) {
  const t = performance.now();
  for (const b of files) await readEml(b);
  console.log(round, ((performance.now() - t) / files.length).toFixed(2), 'ms/mail');
}
