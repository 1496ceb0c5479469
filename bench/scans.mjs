// Figures for the stamped-scan check (docs/scans.md), on the scans of fixtures/scans/:
//   - seal check: milliseconds per page (decode + look), per scan kind; target ≤ 500 ms a page
//   - OCR (the optional @gutenye/ocr-node): seconds per page and peak RSS at 150 and 200 dpi
//   - accuracy: compared fields read right / all compared fields, with and without a seal over them
//   - install footprint: node_modules with and without the OCR add-on
// Reports only; never gates the tests. OCR parts are skipped (and say so) where the add-on is absent.
//   node bench/scans.mjs            (BENCH_SCANS_OCR=0 to skip the OCR runs: they take a minute)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const scans = join(root, 'fixtures', 'scans');
const work = mkdtempSync(join(tmpdir(), 'lw-bench-scans-'));
const rows = [];
const row = (what, value, target = '') => rows.push({ what, value, target });

try {
  // The scan modules, bundled from src like the CLI (libraries stay in node_modules).
  const entry = join(work, 'entry.ts');
  writeFileSync(
    entry,
    `export { checkScan, judgePages } from ${JSON.stringify(join(root, 'src/scan/check.ts'))};
export { pdfPages, imageFilePage } from ${JSON.stringify(join(root, 'src/scan/images.ts'))};
export { compareFigures, COMPARED_FIELDS } from ${JSON.stringify(join(root, 'src/scan/compare.ts'))};
export { loadOcr } from ${JSON.stringify(join(root, 'src/scan/ocr.ts'))};
export { NANCHANG_2023 } from ${JSON.stringify(join(root, 'src/campaign/campaign.ts'))};
export { readYamlText } from ${JSON.stringify(join(root, 'src/read/yaml.ts'))};
export { validateRaw } from ${JSON.stringify(join(root, 'src/validate/validate.ts'))};`,
  );
  const bundle = join(root, 'dist', '.bench-scans.mjs');
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: bundle,
    packages: 'external',
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const m = await import(pathToFileURL(bundle).href);

  // ── the seal: decode + look, per page ──
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const name of readdirSync(scans).sort()) {
    const bytes = new Uint8Array(readFileSync(join(scans, name)));
    const times = [];
    let verdict;
    let pages = 1;
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      const r = await m.checkScan(bytes, name);
      times.push(performance.now() - t0);
      verdict = r.seal + (r.reason ? ` (${r.reason})` : r.seals[0] ? ` ⌀${r.seals[0].diameterMm} mm` : '');
      pages = Math.max(1, r.pages);
    }
    row(`seal: ${name}`, `${(median(times) / pages).toFixed(0)} ms/page → ${verdict}`, '≤ 500 ms/page');
  }

  // ── OCR ──
  const ocrInstalled = (await m.loadOcr()) !== undefined;
  if (!ocrInstalled) row('OCR', 'not installed: see README, 启用文字识别 (skipped)');
  else if (process.env.BENCH_SCANS_OCR === '0') row('OCR', 'skipped (BENCH_SCANS_OCR=0)');
  else {
    // One page per child process, so peak RSS is the OCR's own. 200 dpi: the 150 dpi scan
    // rasterised again by pdftoppm (same content, the pixel count of a 200 dpi scan).
    const child = join(work, 'ocr-one.mjs');
    writeFileSync(
      child,
      `import { readFileSync } from 'node:fs';
const m = await import(${JSON.stringify(pathToFileURL(bundle).href)});
const [file, dpi] = process.argv.slice(2);
const bytes = new Uint8Array(readFileSync(file));
const page = file.endsWith('.pdf') ? (await m.pdfPages(bytes, { maxPages: 1 }))[0] : await m.imageFilePage(bytes, file);
const engine = await m.loadOcr();
const t0 = performance.now();
const items = await engine.read(page.raster, 1);
const s = (performance.now() - t0) / 1000;
process.stdout.write(JSON.stringify({ s, lines: items.length, width: page.raster.width, height: page.raster.height, rssMb: process.resourceUsage().maxRSS / 1024 }));`,
    );
    const one = (file) => {
      const r = spawnSync(process.execPath, [child, file], { cwd: root, encoding: 'utf8' });
      return r.status === 0 ? JSON.parse(r.stdout) : undefined;
    };
    const at150 = one(join(scans, '东湖区-盖章扫描件.pdf'));
    if (at150)
      row(
        'OCR 150 dpi (A4, 1 page)',
        `${at150.s.toFixed(1)} s/page, peak RSS ${at150.rssMb.toFixed(0)} MB (${at150.width}×${at150.height})`,
        '',
      );
    let png200;
    try {
      execFileSync('pdftoppm', ['-r', '200', '-f', '1', '-l', '1', '-png', join(scans, '东湖区-盖章扫描件.pdf'), join(work, 'p200')]);
      png200 = join(
        work,
        readdirSync(work).find((f) => f.startsWith('p200')),
      );
    } catch {
      row('OCR 200 dpi', 'skipped: pdftoppm (poppler-utils) not installed');
    }
    if (png200) {
      const at200 = one(png200);
      if (at200)
        row(
          'OCR 200 dpi (A4, 1 page)',
          `${at200.s.toFixed(1)} s/page, peak RSS ${at200.rssMb.toFixed(0)} MB (${at200.width}×${at200.height})`,
          '',
        );
    }
    // Accuracy over the compared fields, against the electronic form each scan was printed from.
    const electronic = m.validateRaw(
      m.readYamlText(readFileSync(join(root, 'fixtures/sample/东湖区.yaml'), 'utf8'), 'yaml'),
      m.NANCHANG_2023,
    ).data;
    const total = m.COMPARED_FIELDS.length;
    // The older printout differs in 4 fields on purpose: a detected difference is a field read right.
    const changed = new Set(['contacts', 'participation.activityCount', 'participation.participantCount', 'reach.satisfaction']);
    const cases = [
      ['no seal over the figures (seal on the stamp line)', '东湖区-盖章扫描件.pdf', false],
      ['no seal over the figures (Word road, dark red)', '东湖区-盖章扫描件-深红-Word版.pdf', false],
      ['older printout, 4 fields changed', '东湖区-盖章扫描件-旧版.pdf', true],
      ['seal lying over the figures', '东湖区-盖章扫描件-压数字.pdf', false],
      ['phone photo', '东湖区-统计表-手机拍照.jpg', false],
    ];
    for (const [what, name, older] of cases) {
      const scan = await m.checkScan(new Uint8Array(readFileSync(join(scans, name))), name, { ocr: true });
      const check = m.compareFigures(scan.ocr.items, electronic, m.NANCHANG_2023);
      const right = check.same.length + (older ? check.diffs.filter((d) => changed.has(d.field)).length : 0);
      const wrong = older ? check.diffs.filter((d) => !changed.has(d.field)).length : check.diffs.length;
      row(
        `accuracy: ${what}`,
        `${right}/${total} read right, ${wrong} false difference(s), ${check.unread.length} unread${scan.pages > 1 ? ` (${scan.ocr.pages} pages)` : ''}`,
        'no false difference',
      );
    }
  }

  // ── footprint ──
  const du = (p) => (existsSync(p) ? Number(execFileSync('du', ['-sk', p], { encoding: 'utf8' }).split('\t')[0]) / 1024 : 0);
  const nm = join(root, 'node_modules');
  const addOn = ['@gutenye', 'onnxruntime-node', 'onnxruntime-common', 'sharp', '@img', 'js-clipper', '@techstark'].reduce(
    (s, p) => s + du(join(nm, p)),
    0,
  );
  const all = du(nm);
  row(
    'node_modules (npm ci)',
    ocrInstalled
      ? `${(all - addOn).toFixed(0)} MB without OCR, ${all.toFixed(0)} MB with it (+${addOn.toFixed(0)} MB)`
      : `${all.toFixed(0)} MB (OCR add-on not installed)`,
  );
  row('scan decoders (jpeg-js, pngjs)', `${(du(join(nm, 'jpeg-js')) + du(join(nm, 'pngjs'))).toFixed(1)} MB`);
} finally {
  rmSync(work, { recursive: true, force: true });
  rmSync(join(root, 'dist', '.bench-scans.mjs'), { force: true });
}

const w = Math.max(...rows.map((r) => r.what.length));
console.log('\nStamped scans (bench/scans.mjs)');
for (const r of rows) console.log(`  ${r.what.padEnd(w)}  ${r.value}${r.target ? `   [target ${r.target}]` : ''}`);
