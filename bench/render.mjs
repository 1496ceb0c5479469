// Figures for the README's 性能 table: DOCX+PDF of the sample submission in one cold process — wall
// time (target ≤ 0.7 s), peak RSS, PDF size (target ≤ 150 KB) — and LibreOffice converting the
// same DOCX to PDF as a baseline measured in the same run (target: ours ≥ 3× faster).
// Reports only; timing never gates the tests.
//
//   node bench/render.mjs            (BENCH_RUNS=5 by default)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 5);
const work = mkdtempSync(join(tmpdir(), 'lw-bench-render-'));
const sample = join(root, 'fixtures', 'sample', '东湖区.yaml');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

/** The built CLI renders DOCX+PDF of the sample into `out` and prints maxRSS on exit (bench/measure.mjs). */
function renderCommand() {
  const cli = (out) => [join(root, 'bench', 'measure.mjs'), 'render', sample, '--format', 'docx,pdf', '-o', out, '--force'];
  return { how: 'lifelong-week render (built CLI)', args: cli };
}

function findFile(dir, ext) {
  const name = readdirSync(dir).find((f) => f.endsWith(ext));
  if (!name) throw new Error(`no ${ext} written in ${dir}`);
  return join(dir, name);
}

const cmd = renderCommand();
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

// The same with a 2,000-character 活动内容 (still a tidy document: docs/rendering.md, "Pagination and 「（续表）」"): more pages, and
// the DOCX splits its table where the PDF breaks.
const longYaml = join(work, '东湖区-长.yaml');
const paragraph = '社区大讲堂围绕健康养生、反诈宣传、家庭教育、法律常识等主题开展系列讲座，邀请高校教师和社区能人授课，居民踊跃参与。';
writeFileSync(
  longYaml,
  readFileSync(sample, 'utf8').replace(/  活动内容: \|\n(?:    .*\n)+/, `  活动内容: ${paragraph.repeat(40).slice(0, 2000)}\n`),
);
const longTimes = [];
let longPages = 0;
for (let i = 0; i < runs; i++) {
  const out = mkdtempSync(join(work, 'long-'));
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(root, 'bin', 'lifelong-week'), 'render', longYaml, '-o', out, '--force'], {
    cwd: root,
    encoding: 'utf8',
  });
  longTimes.push(ms(t0));
  if (r.status !== 0) throw new Error(`render (long) failed (${r.status}): ${r.stderr}`);
  longPages = (readFileSync(findFile(out, '.pdf'), 'latin1').match(/\/Type \/Page\b/g) ?? []).length;
}

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
  [`the same with a 2,000-character 活动内容 (${longPages} pages)`, `${median(longTimes).toFixed(0)} ms`, ''],
  ['LibreOffice DOCX→PDF (baseline)', hasSoffice ? `${lo.toFixed(0)} ms` : 'soffice not installed', ''],
  ['ours vs LibreOffice', hasSoffice ? `${(lo / ours).toFixed(1)}× faster` : '—', '≥ 3×'],
];
const w = Math.max(...rows.map((r) => r[0].length));
for (const [what, value, target] of rows) console.log(`${what.padEnd(w)}  ${value}${target ? `   (target ${target})` : ''}`);
