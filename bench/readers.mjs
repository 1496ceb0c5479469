// Per-class read time for the forms units really make (fixtures/readers/, scripts/make-reader-fixtures.mjs):
// each file read through the same reader `validate` uses, in one process — the first read (which
// loads what the class needs lazily: pdf.js, OpenCC, mail, zip) and the median of 7 more.
//   node bench/readers.mjs
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'lw-bench-readers-'));
try {
  const out = join(work, 'read.mjs');
  await build({
    entryPoints: [join(root, 'src', 'read', 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: out,
    logLevel: 'warning',
  });
  // Resolve the external packages from the project.
  const code = readFileSync(out, 'utf8');
  const { writeFileSync } = await import('node:fs');
  const local = join(root, 'bench', `.readers-${process.pid}.mjs`);
  writeFileSync(local, code);
  try {
    const { readerFor } = await import(pathToFileURL(local).href);
    const inbox = join(root, 'fixtures', 'readers', 'inbox');
    const classes = [
      ['top-level table (.docx)', '东湖区统计表.docx'],
      ['text box, DrawingML + VML (.docx)', '西湖区统计表.docx'],
      ['1×1 frame table (.docx)', '青云谱区统计表.docx'],
      ['layout table (.docx)', '青山湖区统计表.docx'],
      ['page header (.docx)', '新建区统计表.docx'],
      ['after a section break (.docx)', '红谷滩区报送材料.docx'],
      ['paragraphs (.docx)', '南昌县统计表.docx'],
      ['paragraphs (.doc)', '安义县统计表.doc'],
      ['text PDF of the table', '进贤县统计表.pdf'],
      ['text PDF of the paragraphs', '高新区统计表（打印版）.pdf'],
      ['traditional characters (.docx)', '灣裡管理局統計表.docx'],
      ['winmail.dat in a mail (.eml → .dat → .docx)', '经开区统计表.eml'],
    ];
    const readAll = async (name, bytes) => {
      const o = await readerFor(name).read(bytes, name);
      if (o.kind === 'container') for (const c of o.children) if (c.bytes) await readAll(c.name, c.bytes);
      return o.kind;
    };
    console.log('class'.padEnd(46), 'first read', ' median of 7', '  outcome');
    for (const [what, name] of classes) {
      const bytes = new Uint8Array(readFileSync(join(inbox, name)));
      let t = performance.now();
      const kind = await readAll(name, bytes);
      const first = performance.now() - t;
      const xs = [];
      for (let i = 0; i < 7; i++) {
        t = performance.now();
        await readAll(name, bytes);
        xs.push(performance.now() - t);
      }
      xs.sort((a, b) => a - b);
      console.log(what.padEnd(46), `${first.toFixed(1)} ms`.padStart(10), `${xs[3].toFixed(1)} ms`.padStart(12), ` ${kind}`);
    }
  } finally {
    rmSync(local, { force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
