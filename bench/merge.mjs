// Figures for the README's 性能 table: `merge` over a generated inbox of 1,000 and 10,000 mixed files (YAML with
// varied figures, our DOCX and PDF, mails with a form and a scan, ZIPs, photos, notes; file times
// spread around the deadline so there are revisions and late units) — wall time and peak RSS of
// the built CLI writing the workbook, CSV and JSON — and the workbook write alone for 3,000 rows.
// Reports only; never gates the tests.
//   node bench/merge.mjs            (BENCH_MERGE_SIZES=1000,10000 by default)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';
import { build } from 'esbuild';
import { UNITS } from './roster.mjs';
import { inboxTemplates, mail as inboxMail } from './inbox-gen.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'lifelong-week');
const measure = join(root, 'bench', 'measure.mjs');
const work = mkdtempSync(join(tmpdir(), 'lw-bench-merge-'));
const sizes = (process.env.BENCH_MERGE_SIZES ?? '1000,10000').split(',').map(Number);
const formats = process.env.BENCH_MERGE_FORMATS ?? 'xlsx,csv,json';

// Our own DOCX and PDF rendered from the sample, as the inbox bench makes them.
const templates = inboxTemplates(root);
const sampleYaml = templates.sampleYaml.toString('utf8');
const { ownDocx, ownPdf } = templates;
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, ...new Array(2000).fill(0x20), 0xff, 0xd9]);

const units = UNITS;
const yaml = (unit, i) =>
  sampleYaml
    .replaceAll('东湖区', unit)
    .replace('全区参与活动的数量: 36', `全区参与活动的数量: ${20 + (i % 50)}`)
    .replace('参加活动人数: 1.2万人次', `参加活动人数: ${(1 + (i % 30) / 10).toFixed(1)}万人次`)
    .replace('2023年11月15日至11月21日', `2023年11月${10 + (i % 9)}日至11月${20 + (i % 9)}日`)
    .replace('群众满意度: 98%', `群众满意度: ${90 + (i % 10)}%`);

/** A mail dated around the deadline (revisions and late units). */
const mail = (unit, i, attachments) =>
  inboxMail(unit, i, attachments, new Date(Date.UTC(2023, 10, 20 + (i % 12), 2, i % 60)).toUTCString().replace('GMT', '+0000'));

function generate(dir, n) {
  for (let i = 0; i < n; i++) {
    const unit = units[i % units.length];
    const name = `${String(i).padStart(5, '0')}-${unit}`;
    let file;
    switch (i % 8) {
      case 0:
      case 1:
        file = `${name}.yaml`;
        writeFileSync(join(dir, file), yaml(unit, i));
        break;
      case 2:
        file = `${name}.docx`;
        writeFileSync(join(dir, file), ownDocx);
        break;
      case 3:
        file = `${name}.pdf`;
        writeFileSync(join(dir, file), ownPdf);
        break;
      case 4:
        file = `${name}.eml`;
        writeFileSync(
          join(dir, file),
          mail(unit, i, [
            [`${unit}统计表.yaml`, Buffer.from(yaml(unit, i)), 'application/octet-stream'],
            ['盖章扫描件.jpg', jpeg, 'image/jpeg'],
          ]),
        );
        break;
      case 5:
        file = `${name}.zip`;
        writeFileSync(
          join(dir, file),
          zipSync({ [`${unit}.yaml`]: new Uint8Array(Buffer.from(yaml(unit, i))), [`${unit}工作总结.docx`]: new Uint8Array(ownDocx) }),
        );
        break;
      case 6:
        file = `${name}活动照片.jpg`;
        writeFileSync(join(dir, file), jpeg);
        break;
      case 7:
        file = `${name}说明.txt`;
        writeFileSync(join(dir, file), '材料说明。\n');
        break;
    }
    // Spread around the deadline (2023-11-30, +08:00): revisions resolve by time, some are late.
    const t = new Date(Date.UTC(2023, 10, 20 + (i % 12), i % 24, i % 60));
    utimesSync(join(dir, file), t, t);
  }
}

const rows = [];
try {
  for (const n of sizes) {
    const dir = mkdtempSync(join(work, `n${n}-`));
    const out = mkdtempSync(join(work, `out${n}-`));
    generate(dir, n);
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [measure, 'merge', dir, '-o', out, '--format', formats], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`merge exited ${r.status}: ${r.stderr}`);
    if (process.env.BENCH_DEBUG) console.error(r.stdout.slice(-3000), r.stderr.slice(-3000));
    if (!existsSync(join(out, '南昌市2023年全民终身学习活动周汇总.xlsx')) && formats.includes('xlsx'))
      throw new Error(`merge wrote no workbook: ${r.stderr.slice(-2000)}`);
    const rss = Number(/__maxrss_kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
    const parts = Number(/检查 (\d+) 个文件/.exec(r.stdout)?.[1] ?? NaN);
    rows.push([
      `merge ${n.toLocaleString()} mixed files (${parts.toLocaleString()} incl. mail/zip parts) → ${formats.replaceAll(',', '+')}`,
      `${(ms / 1000).toFixed(2)} s, ${(ms / parts).toFixed(2)} ms/file, peak RSS ${rss.toFixed(0)} MB`,
      n === 1000 ? '≤ 12 s' : 'linear',
    ]);
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }

  // The workbook alone: 3,000 file rows (文件清单) and as many problems (问题清单), in this process.
  const entry = join(work, 'entry.ts');
  writeFileSync(
    entry,
    `export { mergeTables } from ${JSON.stringify(join(root, 'src/merge/model.ts'))};\nexport { workbookBytes } from ${JSON.stringify(join(root, 'src/merge/workbook.ts'))};\nexport { NANCHANG_2023 } from ${JSON.stringify(join(root, 'src/campaign/campaign.ts'))};\n`,
  );
  // Bundled beside node_modules so its bare imports (write-excel-file, fflate) resolve.
  const cache = join(root, 'node_modules', '.cache', 'lw-bench-merge');
  mkdirSync(cache, { recursive: true });
  const bundle = join(cache, 'wb.mjs');
  await build({
    entryPoints: [entry],
    outfile: bundle,
    bundle: true,
    format: 'esm',
    platform: 'node',
    external: ['write-excel-file', 'fflate', '@xmldom/xmldom', 'yaml'],
    nodePaths: [join(root, 'node_modules')],
    logLevel: 'error',
  });
  const { mergeTables, workbookBytes, NANCHANG_2023 } = await import(pathToFileURL(bundle).href);
  const results = Array.from({ length: 3000 }, (_, i) => ({
    path: `收件箱/${String(i).padStart(5, '0')}-${units[i % 12]}${i % 3 ? '.yaml' : '.eml!统计表.docx'}`,
    format: i % 3 ? 'yaml' : 'docx',
    fate: i % 5 ? 'submission' : 'superseded',
    status: i % 7 ? 'valid' : 'invalid',
    unit: units[i % 12],
    receivedAt: new Date(Date.UTC(2023, 10, 20 + (i % 12), i % 24)).toISOString(),
    problems:
      i % 7
        ? []
        : [
            {
              severity: 'error',
              code: 'required',
              params: { label: '活动参与情况 › 参加活动人数', hint: '', hintEn: '', example: '36' },
              field: 'participation.participantCount',
            },
          ],
  }));
  const roll = units.map((name) => ({
    name,
    status: 'missing',
    late: false,
    timing: 'none',
    source: null,
    receivedAt: null,
    receivedFrom: null,
    firstReceivedAt: null,
    fileTime: null,
    pieces: { form: false, wordForm: false, stampedScan: false, workPlan: false, workSummary: false },
    files: [],
    unusable: [],
    received: [],
    versions: [],
    included: false,
    contacts: [],
    data: null,
  }));
  const tables = mergeTables(results, roll, NANCHANG_2023, 'zh');
  await workbookBytes(tables, NANCHANG_2023); // warm-up: module load
  const times = [];
  let size = 0;
  for (let k = 0; k < 5; k++) {
    const t0 = process.hrtime.bigint();
    size = (await workbookBytes(tables, NANCHANG_2023)).byteLength;
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const median = [...times].sort((a, b) => a - b)[2];
  rows.push([
    `workbook write, 3,000 rows (文件清单) + ${tables.issues.length} problems`,
    `${median.toFixed(0)} ms (median of 5), ${(size / 1024).toFixed(0)} KB`,
    '',
  ]);
} finally {
  rmSync(work, { recursive: true, force: true });
}
const width = Math.max(...rows.map((r) => r[0].length));
for (const [what, value, target] of rows) console.log(`${what.padEnd(width)}  ${value}${target ? `   (target ${target})` : ''}`);
