// Figures for the README's 性能 table: validate a generated inbox of 1,000 mixed files (YAML, our DOCX and PDF, a
// hand-made Word form, XLSX, EML with attachments, ZIP) in one process — wall time and peak RSS —
// and 10,000 (with --large) to show how the cost grows. Reports only; never gates the tests.
//   node bench/inbox.mjs [--large]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'lifelong-week');
const measure = join(root, 'bench', 'measure.mjs');
const work = mkdtempSync(join(tmpdir(), 'lw-bench-inbox-'));

// Templates: our own DOCX and PDF rendered from the sample; office files made by LibreOffice, when present.
const sampleYaml = readFileSync(join(root, 'fixtures', 'sample', '东湖区.yaml'));
spawnSync(process.execPath, [bin, 'render', join(root, 'fixtures', 'sample', '东湖区.yaml'), '-o', work], { stdio: 'ignore' });
const ours = readdirSync(work);
const ownDocx = readFileSync(join(work, ours.find((f) => f.endsWith('.docx'))));
const ownPdf = readFileSync(join(work, ours.find((f) => f.endsWith('.pdf'))));
const office = join(root, 'fixtures', 'office');
const pick = (ext) => (existsSync(office) ? readdirSync(office).find((f) => f.endsWith(ext)) : undefined);
const foreignDocx = pick('.docx') ? readFileSync(join(office, pick('.docx'))) : ownDocx;
const xlsx = pick('.xlsx') ? readFileSync(join(office, pick('.xlsx'))) : undefined;

const units = ['东湖区', '西湖区', '青云谱区', '青山湖区', '新建区', '红谷滩区', '南昌县', '安义县', '进贤县', '经开区', '高新区', '湾里管理局'];
function mail(unit, i, attachments) {
  const boundary = `----=_lw_${i}`;
  const parts = attachments.map(
    ([name, bytes, type]) =>
      `--${boundary}\r\nContent-Type: ${type}; name*=UTF-8''${encodeURIComponent(name)}\r\nContent-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(name)}\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(bytes).toString('base64').replace(/.{76}/g, '$&\r\n')}\r\n`,
  );
  return Buffer.from(
    `From: =?UTF-8?B?${Buffer.from(`${unit}教体局`).toString('base64')}?= <unit${i}@example.cn>\r\nTo: jxedusqjy@163.com\r\nSubject: =?UTF-8?B?${Buffer.from(`${unit}活动周材料报送`).toString('base64')}?=\r\nDate: Tue, 28 Nov 2023 10:${String(i % 60).padStart(2, '0')}:00 +0800\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n--${boundary}\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n请查收。\r\n${parts.join('')}--${boundary}--\r\n`,
  );
}

function generate(dir, n) {
  for (let i = 0; i < n; i++) {
    const unit = units[i % units.length];
    const name = `${String(i).padStart(5, '0')}-${unit}`;
    switch (i % 7) {
      case 0: writeFileSync(join(dir, `${name}.yaml`), Buffer.from(sampleYaml.toString().replaceAll('东湖区', unit))); break;
      case 1: writeFileSync(join(dir, `${name}.docx`), ownDocx); break;
      case 2: writeFileSync(join(dir, `${name}.pdf`), ownPdf); break;
      case 3: writeFileSync(join(dir, `${name}统计表.docx`), foreignDocx); break;
      case 4: writeFileSync(join(dir, `${name}.${xlsx ? 'xlsx' : 'yaml'}`), xlsx ?? sampleYaml); break;
      case 5: writeFileSync(join(dir, `${name}.eml`), mail(unit, i, [[`${unit}统计表.docx`, foreignDocx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'], ['盖章扫描件.pdf', ownPdf, 'application/pdf']])); break;
      case 6: writeFileSync(join(dir, `${name}.zip`), zipSync({ [`${unit}.yaml`]: new Uint8Array(sampleYaml), [`${unit}.docx`]: new Uint8Array(ownDocx) })); break;
    }
  }
}

const sizes = process.env.BENCH_INBOX_SIZES
  ? process.env.BENCH_INBOX_SIZES.split(',').map(Number)
  : process.argv.includes('--large')
    ? [1000, 10000]
    : [1000];
// BENCH_INBOX_NODE_FLAGS: extra V8 flags for the measured process (e.g. --expose-gc for experiments).
const nodeFlags = (process.env.BENCH_INBOX_NODE_FLAGS ?? '').split(' ').filter(Boolean);
const rows = [];
try {
  for (const n of sizes) {
    const dir = mkdtempSync(join(work, `n${n}-`));
    generate(dir, n);
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [...nodeFlags, measure, 'validate', '--json', dir], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const rss = Number(/__maxrss_kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
    const report = JSON.parse(r.stdout);
    rows.push([`validate an inbox of ${n.toLocaleString()} mixed files (${report.files.length.toLocaleString()} incl. mail/zip parts)`, `${(ms / 1000).toFixed(2)} s, ${(ms / report.files.length).toFixed(1)} ms/file, peak RSS ${rss.toFixed(0)} MB`, n === 1000 ? '≤ 10 s' : 'linear, memory flat']);
    rmSync(dir, { recursive: true, force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const width = Math.max(...rows.map((r) => r[0].length));
for (const [what, value, target] of rows) console.log(`${what.padEnd(width)}  ${value}   (target ${target})`);
