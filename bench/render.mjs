// Figures for issue 3 ("Figures"): DOCX+PDF of the sample submission in one cold process — wall
// time (target ≤ 0.7 s), peak RSS, PDF size (target ≤ 150 KB) — and LibreOffice converting the
// same DOCX to PDF as a baseline measured in the same run (target: ours ≥ 3× faster).
// Reports only; timing never gates the tests.
//
//   node bench/render.mjs            (BENCH_RUNS=5 by default)
//
// It times `lifelong-week render` when the built CLI has that command; otherwise it bundles a
// small runner of src/render with esbuild (a dev dependency) and times that, on the same sample.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 5);
const work = mkdtempSync(join(tmpdir(), 'lw-bench-render-'));
const sample = join(root, 'fixtures', 'sample', '东湖区.yaml');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

/** The command that renders DOCX+PDF of the sample into `out`, and prints maxRSS on exit. */
async function renderCommand() {
  // The CLI counts only when it really renders (its `render --help` exists before the command does).
  const cli = (out) => [join(root, 'bench', 'measure.mjs'), 'render', sample, '--format', 'docx,pdf', '-o', out, '--force'];
  const probeOut = mkdtempSync(join(work, 'probe-'));
  const probe = spawnSync(process.execPath, cli(probeOut), { cwd: root, encoding: 'utf8' });
  if (probe.status === 0 && readdirSync(probeOut).some((f) => f.endsWith('.pdf')))
    return { how: 'lifelong-week render (built CLI)', args: cli };
  // Fallback: a runner bundled from the sources (external packages stay in node_modules, as in dist/).
  const entry = join(work, 'entry.ts');
  writeFileSync(
    entry,
    `import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NANCHANG_2023 } from ${JSON.stringify(join(root, 'src/campaign/campaign.ts'))};
import { DONGHU } from ${JSON.stringify(join(root, 'test/render/samples.ts'))};
const out = process.argv[2];
process.on('exit', () => process.stderr.write('\\n__maxrss_kb=' + process.resourceUsage().maxRSS + '\\n'));
const [{ renderDocx }, { renderPdf }] = await Promise.all([
  import(${JSON.stringify(join(root, 'src/render/docx.ts'))}),
  import(${JSON.stringify(join(root, 'src/render/pdf.ts'))}),
]);
const [docx, pdf] = await Promise.all([renderDocx(DONGHU, NANCHANG_2023), renderPdf(DONGHU, NANCHANG_2023)]);
writeFileSync(join(out, '东湖区.docx'), docx);
writeFileSync(join(out, '东湖区.pdf'), pdf);
`,
  );
  // Inside node_modules so the bundle resolves the external packages from the project.
  const outfile = join(root, 'node_modules', '.cache', 'lifelong-week-bench', 'render-runner.mjs');
  const { build } = await import('esbuild');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    minify: true,
    logLevel: 'warning',
  });
  return { how: 'src/render bundled with esbuild (no render command in dist/ yet)', args: (out) => [outfile, out] };
}

function findFile(dir, ext) {
  const name = readdirSync(dir).find((f) => f.endsWith(ext));
  if (!name) throw new Error(`no ${ext} written in ${dir}`);
  return join(dir, name);
}

const cmd = await renderCommand();
const times = [];
let rssKb = 0;
let pdfBytes = 0;
let docxBytes = 0;
let docxFile = '';
for (let i = 0; i < runs; i++) {
  const out = mkdtempSync(join(work, 'out-'));
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, cmd.args(out), { cwd: root, encoding: 'utf8' });
  const t = ms(t0);
  if (r.status !== 0) throw new Error(`render failed (${r.status}): ${r.stderr}`);
  times.push(t);
  rssKb = Math.max(rssKb, Number(/__maxrss_kb=(\d+)/.exec(r.stderr)?.[1] ?? 0));
  pdfBytes = statSync(findFile(out, '.pdf')).size;
  docxFile = findFile(out, '.docx');
  docxBytes = statSync(docxFile).size;
}
const ours = median(times);

// LibreOffice baseline: one warm-up creates its profile, then timed conversions of the same DOCX.
let lo = NaN;
const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice'], { stdio: 'ignore' }).status === 0;
if (hasSoffice) {
  const profile = `file://${join(work, 'lo-profile')}`;
  const fontsConf = join(work, 'fonts.conf');
  const fontDir = dirname(join(root, 'node_modules', '@expo-google-fonts', 'noto-serif-sc', '400Regular', 'x'));
  writeFileSync(
    fontsConf,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${fontDir}</dir><cachedir>${join(work, 'fc')}</cachedir></fontconfig>`,
  );
  const convert = () => {
    const out = mkdtempSync(join(work, 'lo-'));
    const t0 = process.hrtime.bigint();
    const r = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, docxFile], {
      encoding: 'utf8',
      env: { ...process.env, FONTCONFIG_FILE: fontsConf },
    });
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
    return ms(t0);
  };
  convert();
  lo = median(Array.from({ length: Math.max(3, Math.min(runs, 5)) }, convert));
}

const rows = [
  ['how', cmd.how, ''],
  [`DOCX+PDF of the sample, cold process (median of ${runs})`, `${ours.toFixed(0)} ms`, '≤ 700 ms'],
  ['peak RSS', `${(rssKb / 1024).toFixed(0)} MB`, ''],
  ['PDF size', `${(pdfBytes / 1024).toFixed(1)} KB`, '≤ 150 KB'],
  ['DOCX size', `${(docxBytes / 1024).toFixed(1)} KB`, ''],
  ['LibreOffice DOCX→PDF (baseline)', hasSoffice ? `${lo.toFixed(0)} ms` : 'soffice not installed', ''],
  ['ours vs LibreOffice', hasSoffice ? `${(lo / ours).toFixed(1)}× faster` : '—', '≥ 3×'],
];
const w = Math.max(...rows.map((r) => r[0].length));
for (const [what, value, target] of rows) console.log(`${what.padEnd(w)}  ${value}${target ? `   (target ${target})` : ''}`);
