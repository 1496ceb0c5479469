// `npm run bench`: the figures of the README's 性能 table, measured on this machine. Targets are printed
// beside each figure; this script reports, it does not fail (timing never gates the tests).
//   - cold start of `--help` and of a single-file `validate`, as a ratio to a bare `node -e 0`
//   - validating 1,000 generated YAML submissions in one process (and 10,000 with --large)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UNITS } from './roster.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'lifelong-week');
const measure = join(root, 'bench', 'measure.mjs');
const runs = Number(process.env.BENCH_RUNS ?? 21);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function time(args, n = runs) {
  const xs = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}`);
    xs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(xs);
}
function timeWithRss(args) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [measure, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const rss = Number(/__maxrss_kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { ms, rssMb: rss / 1024, status: r.status, stdout: r.stdout };
}

const rows = [];
const row = (what, value, target) => rows.push({ what, value, target });

// Cold starts.
const sample = join(root, 'fixtures', 'sample', '东湖区.yaml');
const bare = time(['-e', '0']);
const help = time([bin, '--help']);
const one = time([bin, 'validate', sample]);
const oneDocx = time([bin, 'validate', join(root, 'fixtures', 'office', 'word-form.docx')]);
row('node -e 0 (baseline)', `${bare.toFixed(1)} ms`, '');
row('lifelong-week --help', `${help.toFixed(1)} ms = ${(help / bare).toFixed(2)}× node`, '≤ 2×');
row('validate one YAML file', `${one.toFixed(1)} ms = ${(one / bare).toFixed(2)}× node`, '≤ 2×');
row('validate one DOCX file (a Word form)', `${oneDocx.toFixed(1)} ms = ${(oneDocx / bare).toFixed(2)}× node`, '');

// Batches of generated submissions: every unit, varied numbers, dates and spellings.
const template = readFileSync(sample, 'utf8');
const units = UNITS;
function generate(dir, n) {
  for (let i = 0; i < n; i++) {
    const unit = units[i % units.length];
    const text = template
      .replaceAll('东湖区', unit)
      .replace('全区参与活动的数量: 36', `全区参与活动的数量: ${20 + (i % 50)}`)
      .replace('参加活动人数: 1.2万人次', `参加活动人数: ${(1 + (i % 30) / 10).toFixed(1)}万人次`)
      .replace('2023年11月15日至11月21日', `2023年11月${10 + (i % 9)}日至11月${20 + (i % 9)}日`)
      .replace('群众满意度: 98%', `群众满意度: ${90 + (i % 10)}%`);
    writeFileSync(join(dir, `${String(i).padStart(5, '0')}-${unit}.yaml`), text);
  }
}
const sizes = process.argv.includes('--large') ? [1000, 10000] : [1000];
for (const n of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'lw-bench-'));
  try {
    generate(dir, n);
    const r = timeWithRss(['validate', '--json', '--no-units', dir]);
    const report = JSON.parse(r.stdout);
    if (report.summary.valid !== n) throw new Error(`expected ${n} valid, got ${JSON.stringify(report.summary)}`);
    row(
      `validate ${n.toLocaleString()} YAML files (--json)`,
      `${(r.ms / 1000).toFixed(2)} s, peak RSS ${r.rssMb.toFixed(0)} MB`,
      n === 1000 ? '≤ 3 s' : 'linear',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const width = Math.max(...rows.map((r) => r.what.length));
const printRows = () => {
  console.log(`lifelong-week benchmarks (${process.version}, ${new Date().toISOString().slice(0, 10)}, median of ${runs} cold runs)\n`);
  for (const r of rows) console.log(`${r.what.padEnd(width)}  ${r.value}${r.target ? `   (target ${r.target})` : ''}`);
};
printRows();

// Rendering and the inbox: their own scripts, so each can also be run alone.
console.log('\n— render —');
spawnSync(process.execPath, [join(root, 'bench', 'render.mjs')], { cwd: root, stdio: 'inherit' });
console.log('\n— inbox —');
spawnSync(process.execPath, [join(root, 'bench', 'inbox.mjs'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });

// Merging: its own script, so it can also be run alone.
console.log('\n— merge —');
spawnSync(process.execPath, [join(root, 'bench', 'merge.mjs')], { cwd: root, stdio: 'inherit' });

// Fetching from a local dovecot (the mailbox): its own script; skips where dovecot is absent.
console.log('\n— fetch —');
spawnSync(process.execPath, [join(root, 'bench', 'fetch.mjs')], { cwd: root, stdio: 'inherit' });
// Stamped scans: the seal per page, OCR per page, accuracy, footprint; its own script.
console.log('\n— scans —');
spawnSync(process.execPath, [join(root, 'bench', 'scans.mjs')], { cwd: root, stdio: 'inherit' });
// The browser form and roll call (serve): its own script, so it can also be run alone.
console.log('\n— serve —');
spawnSync(process.execPath, [join(root, 'bench', 'serve.mjs')], { cwd: root, stdio: 'inherit' });
