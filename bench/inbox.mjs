// Figures for the README's 性能 table: validate a generated inbox of 1,000 mixed files (YAML, our DOCX and PDF, a
// hand-made Word form, XLSX, EML with attachments, ZIP; bench/inbox-gen.mjs), spread over the roster's units as a
// real inbox is — wall time, CPU time, peak RSS — on
// the default threads and on one, against the floor (bench/floor.mjs: read every byte, inflate every zip entry,
// parse every XML part with an event parser, one thread), then again with the result cache warm (the second
// run on the same inbox), and ms/file per kind; 10,000 files with --large to show how the cost grows.
// Reports only; never gates the tests. The floor, default threads and one thread are measured in turn,
// BENCH_INBOX_ROUNDS times (3), and reported as medians with their ranges.
//   node bench/inbox.mjs [--large]
//   BENCH_ROOT=/path/to/another/build node bench/inbox.mjs   (the same figures for another build: A/B)
import { spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KINDS, generateInbox, unitTemplates } from './inbox-gen.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const measured = process.env.BENCH_ROOT ?? root;
const measure = join(measured, 'bench', 'measure.mjs');
const work = mkdtempSync(join(tmpdir(), 'lw-bench-inbox-'));
const cacheDir = join(work, 'cache');

const sizes = process.env.BENCH_INBOX_SIZES
  ? process.env.BENCH_INBOX_SIZES.split(',').map(Number)
  : process.argv.includes('--large')
    ? [1000, 10000]
    : [1000];
// BENCH_INBOX_NODE_FLAGS: extra V8 flags for the measured process (e.g. --expose-gc for experiments).
const nodeFlags = (process.env.BENCH_INBOX_NODE_FLAGS ?? '').split(' ').filter(Boolean);

/** One `validate` in a child process: wall, CPU (all threads), peak RSS, the report. */
function validate(dir, env = {}, args = []) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...nodeFlags, measure, 'validate', '--json', ...args, dir], {
    cwd: measured,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, LIFELONG_WEEK_CACHE: cacheDir, ...env },
  });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const rss = Number(/__maxrss_kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  const cpu = Number(/__cpu_ms=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { ms, cpu, rss, stdout: r.stdout };
}
function floor(dir, top = false) {
  const r = spawnSync(process.execPath, [join(root, 'bench', 'floor.mjs'), dir, ...(top ? ['--top'] : [])], { encoding: 'utf8' });
  return JSON.parse(r.stdout);
}
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const ROUNDS = Number(process.env.BENCH_INBOX_ROUNDS ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
/** The median, and the range when there is more than one value. */
const range = (xs, f) => (xs.length > 1 ? `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})` : f(xs[0]));
/** Wall, CPU, ms/file and peak RSS over rounds: medians with their ranges. */
const spread = (rs) =>
  `${range(
    rs.map((r) => r.ms),
    s,
  )} wall, ${range(
    rs.map((r) => r.cpu),
    s,
  )} CPU, peak RSS ${range(
    rs.map((r) => r.rss),
    (x) => `${x.toFixed(0)} MB`,
  )}`;
const figures = (r, files) => `${s(r.ms)} wall, ${s(r.cpu)} CPU, ${(r.ms / files).toFixed(2)} ms/file, peak RSS ${r.rss.toFixed(0)} MB`;

const rows = [];
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
try {
  const templates = unitTemplates(root);
  for (const n of sizes) {
    const dir = mkdtempSync(join(work, `n${n}-`));
    const names = generateInbox(dir, n, templates);
    rows.push([`— ${n.toLocaleString()} files, load average ${load()} —`, '', '']);
    // The machine's speed drifts between runs (a shared host): the floor and validate are measured in
    // turn, ROUNDS times, and each figure is the median, with the range.
    const rounds = [];
    for (let r = 0; r < ROUNDS; r++) {
      const f = floor(dir);
      const d = validate(dir, { LIFELONG_WEEK_NO_CACHE: '1' });
      const o =
        n <= 1000 || process.env.BENCH_INBOX_ONE_THREAD
          ? validate(dir, { LIFELONG_WEEK_NO_CACHE: '1', LIFELONG_WEEK_THREADS: '1' })
          : undefined;
      rounds.push({ f, d, o, ratio: d.ms / f.ms });
    }
    const bottom = { ...rounds[0].f, ms: median(rounds.map((r) => r.f.ms)) };
    const top = floor(dir, true);
    rows.push([
      `floor: read + inflate every zip entry + parse every XML part (saxes), one thread`,
      `${range(
        rounds.map((r) => r.f.ms),
        s,
      )} (${bottom.files} files, ${bottom.entries} entries, ${bottom.xmlParts} XML parts, mails' attachments included; ${s(top.ms)} without them)`,
      '',
    ]);
    // Every size with the roll call: the files are spread over the roster's units (unitTemplates), and
    // a unit's ambiguity warning names its first few versions, so the report grows with n, not n².
    const plain = rounds[0].d;
    const results = JSON.parse(plain.stdout).files.length;
    rows.push([
      `validate, default threads (${results.toLocaleString()} results; ${ROUNDS} rounds)`,
      `${spread(rounds.map((r) => r.d))} = ${range(
        rounds.map((r) => r.ratio),
        (x) => `${x.toFixed(1)}×`,
      )} the floor of its round`,
      n === 1000 ? '≤ 4× the floor, RSS ≤ 250 MB' : 'linear, memory flat',
    ]);
    if (rounds.some((r) => r.d.stdout !== plain.stdout || (r.o && r.o.stdout !== plain.stdout)))
      rows.push(['!! the reports of the rounds or of one thread differ', '', '']);
    const files = validate(dir, { LIFELONG_WEEK_NO_CACHE: '1' }, ['--no-units']);
    rows.push(['validate --no-units, default threads', figures(files, n), '']);
    if (rounds[0].o) rows.push([`validate, one thread (${ROUNDS} rounds)`, spread(rounds.map((r) => r.o)), n === 1000 ? '≤ 4 s' : '']);
    const cold = validate(dir, {});
    const warm = validate(dir, {});
    if (cold.stdout !== plain.stdout || warm.stdout !== plain.stdout)
      rows.push(['!! the cached report differs from the uncached one', '', '']);
    rows.push([`validate, result cache: first run (writes it)`, figures(cold, n), '']);
    rows.push([
      `validate, result cache: second run (unchanged inbox)`,
      `${figures(warm, n)} = ${(plain.ms / warm.ms).toFixed(1)}× faster`,
      '',
    ]);
    if (n === 1000) {
      // ms/file per kind, one thread, less the start of the process (validate of one YAML file).
      const single = join(work, 'single');
      mkdirSync(single);
      linkSync(join(dir, names[0]), join(single, names[0]));
      const start = Math.min(...[0, 1, 2].map(() => validate(single, { LIFELONG_WEEK_NO_CACHE: '1' }, ['--no-units']).ms));
      KINDS.forEach((kind, k) => {
        const sub = join(work, `kind${k}`);
        mkdirSync(sub);
        const mine = names.filter((_, i) => i % KINDS.length === k);
        for (const f of mine) linkSync(join(dir, f), join(sub, f));
        const r = validate(sub, { LIFELONG_WEEK_NO_CACHE: '1', LIFELONG_WEEK_THREADS: '1' }, ['--no-units']);
        rows.push([`  per file, one thread: ${kind}`, `${((r.ms - start) / mine.length).toFixed(2)} ms`, '']);
      });
    }
    rmSync(dir, { recursive: true, force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const width = Math.max(...rows.map((r) => r[0].length));
for (const [what, value, target] of rows) console.log(`${what.padEnd(width)}  ${value}${target ? `   (target ${target})` : ''}`);
