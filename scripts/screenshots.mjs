// Screenshots of `lifelong-week serve`'s two pages for docs/ and the README, taken in Debian's
// chromium through playwright-core: the 填报 page continued from fixtures/sample/东湖区.yaml with
// one answer being corrected, and the 汇总 page on a copy of fixtures/inbox with 东湖区 opened.
//   node scripts/screenshots.mjs [output-folder]     (default: docs/)
// The serve tests call `takeScreenshots` too, so the script keeps working.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'lifelong-week');
/** The window the pages are made to fit (a laptop's browser beside another window). */
export const WIDTH = 980;
/** How every chromium of the tests, the benches and this script runs: headless, offline, nothing synced. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function serve(args, env) {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], {
    env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', LIFELONG_WEEK_TODAY: '2023-11-20', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 20_000);
    child.stdout.on('data', () => {
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[0],
        /** What serve has printed so far, and whether it is still running: said when a page never comes. */
        log: () => `${out}${child.exitCode !== null ? `\n(serve exited with ${child.exitCode})` : ''}`,
        stop: () => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill('SIGINT')))),
      });
    });
  });
}

/** Take both screenshots into `outDir`; returns their paths. */
export async function takeScreenshots(outDir, { executablePath = '/usr/bin/chromium' } = {}) {
  const { chromium } = await import('playwright-core');
  const work = mkdtempSync(join(tmpdir(), 'lw-shots-'));
  const profile = join(work, 'profile');
  const inbox = join(work, '收件箱');
  cpSync(join(root, 'fixtures', 'inbox'), inbox, { recursive: true, preserveTimestamps: true });
  mkdirSync(join(work, 'out'));
  mkdirSync(outDir, { recursive: true });
  const served = await serve([inbox, '-o', join(work, 'out')], { HOME: work });
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: WIDTH, height: 900 },
      locale: 'zh-CN',
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    // Room for a loaded machine (CI runs the test files two at a time, each with its own programs):
    // the steps take 10–30 s there, 2 minutes is far beyond that.
    page.setDefaultTimeout(120_000);
    await page.goto(served.url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.setInputFiles('#open-file', join(root, 'fixtures', 'sample', '东湖区.yaml'));
    await page.waitForSelector('#notice p');
    await page.fill('#in-reach-satisfaction', '');
    await page.click('#in-reach-satisfaction');
    await page.keyboard.type('120%');
    await page.fill('#in-participation-participantCount', '');
    await page.click('#in-participation-participantCount');
    await page.keyboard.type('1.2万人次');
    await page.evaluate('document.fonts.ready');
    const form = join(outDir, 'serve-form.png');
    await page.locator('main').screenshot({ path: form });
    await page.goto(`${served.url}summary`);
    await page.waitForSelector('body[data-version]');
    // The seal of each scan checked (the page fills it in after the roll call).
    await page.waitForFunction(() => !/正在检查/.test(document.getElementById('updated')?.textContent ?? ''), undefined, {
      timeout: 120_000,
    });
    await page.click('tr[data-unit="高新区"] .unit-link');
    await page.waitForSelector('#detail:not([hidden])');
    await page.evaluate('document.fonts.ready');
    const summary = join(outDir, 'serve-summary.png');
    await page.locator('main').screenshot({ path: summary });
    return [form, summary];
  } catch (e) {
    // A page that never came: say what serve printed, so a hang and a crash can be told apart.
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n--- serve printed ---\n${served.log()}`, { cause: e });
  } finally {
    await context?.close().catch(() => undefined);
    await served.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? join(root, 'docs');
  for (const p of await takeScreenshots(out)) console.log(p);
}
