/**
 * The 汇总 page's view of the inbox: read once, then only what changed is read again; the roll call
 * is the one `validate` computes from the same files.
 */
import { cpSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NANCHANG_2023 } from '../../src/campaign/campaign.js';
import { InboxWatcher } from '../../src/serve/inbox.js';
import { cli, fixture, tempDir } from '../helpers.js';

describe('serve: following the inbox', () => {
  let dir: string;
  let watcher: InboxWatcher;
  beforeEach(async () => {
    dir = tempDir('lw-serve-inbox-');
    cpSync(fixture('sample'), dir, { recursive: true });
    watcher = new InboxWatcher(dir, NANCHANG_2023, 'zh', 60_000);
    await watcher.start();
  });
  afterEach(() => {
    watcher.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the roll call validate --json gives', () => {
    const report = JSON.parse(cli(['validate', '--json', dir]).stdout) as { units: unknown[]; summary: unknown };
    const state = watcher.current()!;
    expect(state.report.units).toEqual(report.units);
    expect(state.report.summary).toEqual(report.summary);
    expect(state.reread).toBe(3);
  });

  it('keeps what it read in the result cache validate and merge use: one cache file for the inbox, validate finds it', () => {
    const inboxCaches = () => readdirSync(join(process.env.LIFELONG_WEEK_CACHE!, 'inbox')).filter((f) => !f.startsWith('.'));
    const before = inboxCaches();
    expect(before.length).toBeGreaterThan(0); // the watcher's first reading wrote it
    const report = JSON.parse(cli(['validate', '--json', dir]).stdout) as { units: unknown[] };
    expect(inboxCaches()).toEqual(before); // validate took that file, it did not start another
    expect(watcher.current()!.report.units).toEqual(report.units);
  });

  it('calls the roll as validate does: a received-time record (收件记录.yaml) counts there too', async () => {
    writeFileSync(join(dir, '收件记录.yaml'), '东湖区.yaml: 2023-12-03T09:00:00+08:00\n');
    await watcher.rescan();
    const report = JSON.parse(cli(['validate', '--json', dir]).stdout) as {
      units: Array<{ name: string; late: boolean; receivedFrom?: string }>;
    };
    const state = watcher.current()!;
    expect(report.units.find((u) => u.name === '东湖区')).toMatchObject({ late: true, receivedFrom: 'record' });
    expect(state.report.units).toEqual(report.units);
  });

  it('reads again only the file that was added, changed or removed', async () => {
    const v1 = watcher.current()!.version;
    writeFileSync(join(dir, '南昌县.yaml'), readFileSync(fixture('sample', '东湖区.yaml'), 'utf8').replace(/东湖区/g, '南昌县'));
    await watcher.rescan();
    let state = watcher.current()!;
    expect(state.version).toBe(v1 + 1);
    expect(state.reread).toBe(1);
    expect(state.units.find((u) => u.name === '南昌县')!.status).toBe('valid');

    // Nothing changed: no new version, nothing read.
    await watcher.rescan();
    expect(watcher.current()!.version).toBe(v1 + 1);

    // Changed content (a broken count) with a new time: only that file.
    writeFileSync(
      join(dir, '南昌县.yaml'),
      readFileSync(join(dir, '南昌县.yaml'), 'utf8').replace('全区参与活动的数量: 36', '全区参与活动的数量: 很多'),
    );
    utimesSync(join(dir, '南昌县.yaml'), new Date(), new Date(Date.now() + 5000));
    await watcher.rescan();
    state = watcher.current()!;
    expect(state.reread).toBe(1);
    expect(state.units.find((u) => u.name === '南昌县')!.status).toBe('invalid');

    unlinkSync(join(dir, '南昌县.yaml'));
    await watcher.rescan();
    state = watcher.current()!;
    expect(state.reread).toBe(0);
    expect(state.units.find((u) => u.name === '南昌县')!.status).toBe('missing');
  });

  it('wakes a waiting page as soon as the folder changed', async () => {
    const v = watcher.current()!.version;
    const waiting = watcher.waitFor(v, 10_000);
    writeFileSync(join(dir, '安义县.yaml'), readFileSync(fixture('sample', '东湖区.yaml'), 'utf8').replace(/东湖区/g, '安义县'));
    void watcher.rescan();
    const t0 = Date.now();
    expect((await waiting)!.version).toBe(v + 1);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('keeps going when a file is hostile or broken: it is listed, the others are read', async () => {
    cpSync(fixture('inbox-parts', 'bomb.docx'), join(dir, '炸弹.docx'));
    cpSync(fixture('inbox-parts', 'truncated.zip'), join(dir, '截断.zip'));
    writeFileSync(join(dir, '乱码.yaml'), Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00]));
    await watcher.rescan();
    const state = watcher.current()!;
    const fate = (p: string) => state.report.files.find((f) => f.path === p)?.fate;
    expect(fate('炸弹.docx')).toBe('unsafe');
    expect(fate('截断.zip')).toBe('unreadable');
    expect(fate('乱码.yaml')).toBeDefined();
    expect(state.units.find((u) => u.name === '东湖区')!.status).toBe('valid');
  });
});

describe('serve: the seal of each stamped scan, after the roll call is first shown', () => {
  let dir: string;
  let cache: string;
  let watcher: InboxWatcher | undefined;
  afterEach(() => {
    watcher?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });

  it('shows the roll call at once, then the seals one scan at a time, as validate --check-scans finds them', async () => {
    dir = tempDir('lw-serve-scans-');
    cache = tempDir('lw-serve-scans-cache-');
    cpSync(fixture('sample'), dir, { recursive: true });
    cpSync(fixture('scans', '东湖区-盖章扫描件.pdf'), join(dir, '东湖区盖章扫描件.pdf'));
    cpSync(fixture('scans', '东湖区-扫描件-未盖章.pdf'), join(dir, '西湖区盖章扫描件.pdf'));
    watcher = new InboxWatcher(dir, NANCHANG_2023, 'zh', 60_000, { cacheDir: cache, ocr: false });
    const started = watcher.start();
    const first = (await watcher.waitFor(0, 60_000))!;
    // First the roll call, the scans listed but not yet judged.
    expect(first.scansPending).toBe(2);
    expect(first.units.find((u) => u.name === '东湖区')!.pieces.stampedScan).toBe(true);
    expect(first.units.some((u) => u.scan)).toBe(false);
    await started;
    const done = watcher.current()!;
    expect(done.scansPending).toBe(0);
    expect(done.version).toBe(first.version + 2);
    expect(done.reread).toBe(0);
    const v = cli(['validate', '--json', '--check-scans', dir], {
      env: { LIFELONG_WEEK_CACHE: join(cache, 'cli'), LIFELONG_WEEK_OCR_DIR: join(cache, 'no-ocr') },
    });
    const report = JSON.parse(v.stdout) as { units: Array<{ name: string; scan?: { seal: string } }> };
    const seals = (units: Array<{ name: string; scan?: { seal: string } }>) =>
      units.filter((u) => u.scan).map((u) => [u.name, u.scan!.seal]);
    expect(seals(done.units)).toEqual([
      ['东湖区', 'found'],
      ['西湖区', 'notFound'],
    ]);
    expect(seals(done.units)).toEqual(seals(report.units));
  }, 120_000);
});
