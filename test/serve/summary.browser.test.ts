/**
 * 汇总 in a real browser on a copy of fixtures/inbox: the same units, statuses, pieces and totals as
 * `validate --json`; a file added to the folder changes its unit without a reload; a file dropped
 * on the page lands in the folder.
 */
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cli, fixture, tempDir } from '../helpers.js';
import { chromiumMissing, launchChromium, startServe, type Served } from './helpers.js';

interface Unit {
  name: string;
  status: string;
  late: boolean;
  pieces: Record<string, boolean>;
}

const sample = (unit: string) =>
  readFileSync(fixture('sample', '东湖区.yaml'), 'utf8')
    .replace(/东湖区/g, unit)
    .replace(/东湖/g, unit.slice(0, 2));

describe.skipIf(chromiumMissing)(`serve: 汇总 in chromium${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  let dir: string;
  let inbox: string;
  let served: Served;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    dir = tempDir('lw-serve-summary-');
    inbox = join(dir, '收件箱');
    cpSync(fixture('inbox'), inbox, { recursive: true, preserveTimestamps: true });
    served = await startServe([inbox, '-o', join(dir, 'out')], { HOME: dir });
    browser = await launchChromium();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const rows = async () =>
    page.locator('#rollcall tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        name: tr.getAttribute('data-unit'),
        status: tr.getAttribute('data-status'),
        late: tr.classList.contains('late'),
        pieces: [...tr.querySelectorAll('td.yes, td.no')].map((td) => td.classList.contains('yes')),
      })),
    );

  it('shows the roll call validate --json gives: units, statuses, late, pieces, totals', async () => {
    const v = cli(['validate', '--json', inbox]);
    const report = JSON.parse(v.stdout) as { units: Unit[]; summary: { units: { validOnTime: number; missing: number } } };
    await page.goto(`${served.url}summary`);
    await page.waitForSelector('body[data-version]');
    expect(await rows()).toEqual(
      report.units.map((u) => ({
        name: u.name,
        status: u.status,
        late: u.late,
        pieces: [u.pieces.form, u.pieces.stampedScan, u.pieces.workPlan, u.pieces.workSummary],
      })),
    );
    const counts = await page.locator('#counts').innerText();
    expect(counts).toContain(`按时有效 ${report.summary.units.validOnTime}`);
    expect(counts).toContain(`未报送 ${report.summary.units.missing}`);
    // City totals as merge computes them.
    const { totals } = await import('../../src/merge/model.js');
    const t = totals(report.units as never);
    expect(await page.locator('[data-total="participants"]').innerText()).toBe(t.participants.toLocaleString('en-US'));
    expect(await page.locator('[data-total="activities"]').innerText()).toBe(t.activities.toLocaleString('en-US'));
    // Four server-drawn charts, with the units' names.
    expect(await page.locator('#charts svg').count()).toBe(4);
    expect(await page.locator('#charts svg').first().textContent()).toContain('东湖区');
  });

  it('opens a unit: its files, every problem with the field label, its values', async () => {
    await page.click('tr[data-unit="高新区"] .unit-link');
    const detail = page.locator('#detail');
    await expect.poll(() => detail.isVisible(), { timeout: 15_000 }).toBe(true);
    const text = await detail.innerText();
    expect(text).toContain('高新区报送材料.eml');
    expect(text).toMatch(/错误：/);
    expect(text).toMatch(/›|活动|人数|联系人/);
    await page.click('tr[data-unit="东湖区"] .unit-link');
    expect(await page.locator('#detail .values').innerText()).toContain('举办县区');
  });

  it('fits a 980-px window: the roll call scrolls nowhere sideways, the chase in a few words, its full lines in the detail', async () => {
    await page.setViewportSize({ width: 980, height: 900 });
    await page.goto(`${served.url}summary`);
    await page.waitForSelector('body[data-version]');
    const widths = (await page.evaluate(
      `({ page: document.documentElement.scrollWidth, window: window.innerWidth, table: document.getElementById('rollcall').scrollWidth, frame: document.querySelector('.table-wrap').clientWidth })`,
    )) as { page: number; window: number; table: number; frame: number };
    expect(widths.page).toBeLessThanOrEqual(widths.window);
    expect(widths.table).toBeLessThanOrEqual(widths.frame);
    // 高新区: the chase in a few words in the table; the chase list's own lines (each error with its label) in the detail.
    expect(await page.locator('tr[data-unit="高新区"] td.chase').innerText()).toMatch(/^2 处错误要改；缺工作方案、工作总结/);
    await page.click('tr[data-unit="高新区"] .unit-link');
    const lines = await page.locator('#detail .chase-lines').innerText();
    expect(lines).toContain('统计表有 2 处需要更正，改好后请重新发送');
    expect(lines).toContain('「活动参与情况 › 参加活动人数」');
    await page.click('tr[data-unit="高新区"] .unit-link');
    await page.setViewportSize({ width: 1100, height: 900 });
  });

  it('shows the seal of each stamped scan as validate --check-scans finds it, once checked', async () => {
    // The seal alone (no OCR add-on in this run), with a cache of its own.
    const v = cli(['validate', '--json', '--check-scans', inbox], {
      env: { LIFELONG_WEEK_CACHE: join(dir, 'cache'), LIFELONG_WEEK_OCR_DIR: join(dir, 'no-ocr') },
    });
    const report = JSON.parse(v.stdout) as { units: Array<{ name: string; scan?: { seal: string } }> };
    const sealed = report.units.filter((u) => u.scan);
    expect(sealed.length).toBeGreaterThan(0);
    await expect
      .poll(
        () =>
          page
            .locator('#rollcall tbody tr[data-seal]')
            .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-unit'), tr.getAttribute('data-seal')])),
        { timeout: 60_000 },
      )
      .toEqual(sealed.map((u) => [u.name, u.scan!.seal]));
    // The sample's scans have no colour: 「无法判断」 under the mark, and what to ask for in the detail.
    expect(await page.locator('tr[data-unit="东湖区"] .seal').innerText()).toBe('无法判断');
    expect(await page.locator('tr[data-unit="东湖区"] td.chase').innerText()).toBe('要彩色扫描件');
    await page.click('tr[data-unit="东湖区"] .unit-link');
    expect(await page.locator('#detail').innerText()).toContain('请用「彩色」模式重新扫描盖章后的统计表发送');
    await page.click('tr[data-unit="东湖区"] .unit-link');
    expect(await page.locator('#updated').innerText()).not.toContain('正在检查');
  });

  it('offers the reminder drafts remind writes (.eml in a zip), and sends nothing', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#reminders')]);
    expect(download.suggestedFilename()).toBe('催报邮件草稿-2023-11-20.zip');
    const zip = join(dir, 'drafts.zip');
    await download.saveAs(zip);
    const { unzipSync } = await import('fflate');
    const entries = unzipSync(readFileSync(zip));
    // The same drafts as the command writes from the same folder on the same day.
    const r = cli(['remind', inbox, '-o', join(dir, 'remind')], { env: { LIFELONG_WEEK_TODAY: '2023-11-20', HOME: dir } });
    expect(r.code, r.stderr).toBe(0);
    const written = readdirSync(join(dir, 'remind')).sort();
    expect(
      Object.keys(entries)
        .map((n) => n)
        .sort(),
    ).toEqual(written);
    const { simpleParser } = await import('mailparser');
    for (const name of written) {
      const fromPage = await simpleParser(Buffer.from(entries[name]!));
      const fromCli = await simpleParser(readFileSync(join(dir, 'remind', name)));
      expect(fromPage.subject).toBe(fromCli.subject);
      expect(fromPage.text).toBe(fromCli.text);
      expect(fromPage.attachments.map((a) => a.filename)).toEqual(fromCli.attachments.map((a) => a.filename));
    }
    expect(await page.locator('#reminders-note').innerText()).toContain('本页面不会发送任何邮件');
  });

  it('follows the folder: a file added by hand changes its unit without a reload', async () => {
    const before = Number(await page.getAttribute('body', 'data-version'));
    expect(await page.getAttribute('tr[data-unit="青云谱区"]', 'data-status')).toBe('missing');
    writeFileSync(join(inbox, '青云谱区统计表.yaml'), sample('青云谱区'));
    await page.waitForSelector('tr[data-unit="青云谱区"][data-status="valid"]', { timeout: 10_000 });
    expect(Number(await page.getAttribute('body', 'data-version'))).toBeGreaterThan(before);
  });

  it('saves a file dropped on the page into the folder (never overwriting) and shows it', async () => {
    const content = sample('湾里管理局');
    const drop = async (name: string) => {
      // A DataTransfer built in the page, as the browser makes one for a drop from the desktop.
      const data = await page.evaluateHandle(
        `(() => { const dt = new DataTransfer(); dt.items.add(new File([${JSON.stringify(content)}], ${JSON.stringify(name)}, { type: 'application/yaml' })); return dt; })()`,
      );
      await page.dispatchEvent('#dropzone', 'dragover', { dataTransfer: data });
      await page.dispatchEvent('#dropzone', 'drop', { dataTransfer: data });
    };
    await drop('湾里管理局统计表.yaml');
    await expect.poll(() => page.locator('#upload-log li').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('#upload-log li').first().innerText()).toContain('已保存到收件箱：湾里管理局统计表.yaml');
    expect(readFileSync(join(inbox, '湾里管理局统计表.yaml'), 'utf8')).toBe(content);
    await page.waitForSelector('tr[data-unit="湾里管理局"][data-status="valid"]', { timeout: 10_000 });
    // The same name again: kept under a new name, the first one untouched.
    await drop('湾里管理局统计表.yaml');
    await expect.poll(() => page.locator('#upload-log li').count(), { timeout: 15_000 }).toBe(2);
    expect(existsSync(join(inbox, '湾里管理局统计表（2）.yaml'))).toBe(true);
    // No temporary file of the atomic write is left behind.
    expect(readdirSync(inbox).filter((n) => n.startsWith('.') && n !== '.DS_Store')).toEqual([]);
  });

  it('says why when the server refuses the roll call, and shows the roll call once it answers again', async () => {
    const other = await browser.context.newPage();
    try {
      // A refusal as the server words it (here: the access token a colleague's browser lost).
      const refusal = { ok: false, status: 401, code: 'serve.http.badToken', message: '拒绝访问：缺少或错误的访问码。' };
      await other.route('**/api/rollcall*', (route) =>
        route.fulfill({ status: 401, contentType: 'application/json; charset=utf-8', body: JSON.stringify(refusal) }),
      );
      await other.goto(`${served.url}summary`);
      await expect.poll(() => other.locator('#updated').innerText(), { timeout: 15_000 }).toBe(refusal.message);
      expect(await other.getAttribute('body', 'data-version')).toBeNull();
      await other.unroute('**/api/rollcall*');
      await other.waitForSelector('body[data-version]', { timeout: 30_000 });
      expect(await other.locator('#updated').innerText()).toMatch(/^已更新：/);
      expect(await other.locator('#rollcall tbody tr').count()).toBeGreaterThan(10);
    } finally {
      await other.close();
    }
  });

  it('downloads the city workbook and the city report', async () => {
    for (const [sel, ext] of [
      ['#workbook', '.xlsx'],
      ['#city-docx', '.docx'],
      ['#city-pdf', '.pdf'],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(sel)]);
      expect(download.suggestedFilename().endsWith(ext)).toBe(true);
      const path = join(dir, `download${ext}`);
      await download.saveAs(path);
      expect(readFileSync(path).length).toBeGreaterThan(1000);
    }
  });
});
