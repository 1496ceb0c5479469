// Figures for `serve`: page weight of 填报 (JS+CSS, gzip), typing → message under the field (in
// chromium), server start → first page, and a 1,000-file folder: first roll call, then one added
// file → the updated roll call (incremental: only that file is read again). Reports only.
//   node bench/serve.mjs
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS } from '../scripts/screenshots.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'lifelong-week');
const chromiumPath = process.env.LIFELONG_WEEK_CHROMIUM ?? '/usr/bin/chromium';
const rows = [];
const row = (what, value, target) => rows.push({ what, value, target });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const work = mkdtempSync(join(tmpdir(), 'lw-bench-serve-'));

function get(url) {
  return new Promise((resolve, reject) => {
    request(url, { agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

function serve(args) {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], {
    env: { PATH: process.env.PATH, HOME: work, LANG: 'C.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m && !child.url) {
        child.url = m[0];
        resolve({ url: m[0], started, stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGINT'))) });
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

try {
  // ── page weight ──────────────────────────────────────────────────────────────
  const js = readFileSync(join(root, 'dist', 'web', 'app.js'));
  const css = readFileSync(join(root, 'dist', 'web', 'app.css'));
  const jsGz = gzipSync(js, { level: 9 }).length;
  const cssGz = gzipSync(css, { level: 9 }).length;
  row(
    '填报 page weight, JS + CSS (gzip)',
    `${((jsGz + cssGz) / 1024).toFixed(1)} KB (JS ${(jsGz / 1024).toFixed(1)} + CSS ${(cssGz / 1024).toFixed(1)}; raw ${((js.length + css.length) / 1024).toFixed(0)} KB)`,
    '≤ 150 KB',
  );

  // ── server start → first page ───────────────────────────────────────────────
  const starts = [];
  let html = 0;
  for (let i = 0; i < 5; i++) {
    const s = await serve([]);
    const r = await get(s.url);
    starts.push(performance.now() - s.started);
    html = gzipSync(r.body, { level: 9 }).length;
    await s.stop();
  }
  row(
    'server start → first page (填报)',
    `${median(starts).toFixed(0)} ms (median of 5; page HTML ${(html / 1024).toFixed(1)} KB gzip)`,
    '≤ 0.5 s',
  );

  // ── typing → message (chromium) ────────────────────────────────────────────
  if (existsSync(chromiumPath)) {
    const { chromium } = await import('playwright-core');
    const s = await serve([]);
    const context = await chromium.launchPersistentContext(join(work, 'profile'), {
      executablePath: chromiumPath,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    try {
      const page = await context.newPage();
      await page.goto(s.url);
      await page.waitForSelector('body[data-ready="true"]');
      // One key at a time into 参加活动人数, alternating between a value that reads and one that does not;
      // measured in the page from the key event to the next frame with the message in place.
      const times = await page.evaluate(async () => {
        const input = document.getElementById('in-participation-participantCount');
        const box = document.getElementById('msg-participation-participantCount');
        const out = [];
        for (let i = 0; i < 60; i++) {
          const text = i % 2 ? '1.2万人次' : '很多人';
          const t0 = performance.now();
          input.value = text;
          input.dispatchEvent(new InputEvent('input', { bubbles: true, data: text.slice(-1), inputType: 'insertText' }));
          await new Promise((r) => requestAnimationFrame(() => r()));
          if (!box.textContent) throw new Error('no message');
          out.push(performance.now() - t0);
        }
        return out;
      });
      const check = await page.getAttribute('body', 'data-check-ms');
      row(
        'typing → message under the field',
        `${median(times).toFixed(1)} ms to the next frame (median of 60; the check itself ${check} ms)`,
        '≤ 50 ms',
      );
    } finally {
      await context.close();
      await s.stop();
    }
  } else row('typing → message under the field', `skipped: no chromium at ${chromiumPath}`, '≤ 50 ms');

  // ── a 1,000-file folder ────────────────────────────────────────────────────
  const inbox = join(work, 'inbox');
  mkdirSync(inbox);
  const sample = readFileSync(join(root, 'fixtures', 'sample', '东湖区.yaml'), 'utf8');
  spawnSync(process.execPath, [bin, 'render', join(root, 'fixtures', 'sample', '东湖区.yaml'), '-o', work], { stdio: 'ignore' });
  const rendered = readdirSync(work).filter((f) => /\.(docx|pdf)$/.test(f));
  const units = ['东湖区', '西湖区', '青云谱区', '青山湖区', '新建区', '红谷滩区', '南昌县', '安义县', '进贤县', '经开区', '高新区'];
  for (let i = 0; i < 1000; i++) {
    const unit = units[i % units.length];
    const kind = i % 3;
    const name = `${String(i).padStart(4, '0')}-${unit}`;
    if (kind === 0 || rendered.length < 2) writeFileSync(join(inbox, `${name}.yaml`), sample.replaceAll('东湖区', unit));
    else {
      const f = rendered[kind - 1];
      writeFileSync(join(inbox, `${name}${f.slice(f.lastIndexOf('.'))}`), readFileSync(join(work, f)));
    }
  }
  const s = await serve([inbox]);
  let state;
  for (;;) {
    state = JSON.parse((await get(`${s.url}api/rollcall`)).body.toString());
    if (state.version) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const first = performance.now() - s.started;
  const waiting = get(`${s.url}api/rollcall?after=${state.version}&wait=20000`);
  const t0 = performance.now();
  writeFileSync(join(inbox, '湾里管理局统计表.yaml'), sample.replaceAll('东湖区', '湾里管理局').replaceAll('东湖', '湾里'));
  const next = JSON.parse((await waiting).body.toString());
  const added = performance.now() - t0;
  const unit = next.units.find((u) => u.name === '湾里管理局');
  row('1,000-file folder: start → first roll call', `${(first / 1000).toFixed(2)} s (${state.summary.files} files)`, '—');
  row(
    '  one added file → updated roll call',
    `${added.toFixed(0)} ms (files read again: ${next.reread}; 湾里管理局 now ${unit.status})`,
    '≤ 1 s',
  );
  await s.stop();
} finally {
  rmSync(work, { recursive: true, force: true });
}

const width = Math.max(...rows.map((r) => r.what.length));
for (const r of rows) console.log(`${r.what.padEnd(width)}  ${r.value}${r.target ? `   (target ${r.target})` : ''}`);
