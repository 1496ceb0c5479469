/**
 * `validate --check-scans` and `merge --check-scans` end to end with the built CLI in a temp inbox:
 * what the centre sees per unit (terminal, --json) and in the workbook's 报送情况 sheet.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, expectNoStackTrace, fixture, tempDir } from '../helpers.js';
import { readWorkbook } from '../merge/xlsx.js';
import { checkScan } from '../../src/scan/check.js';
import { loadOcr } from '../../src/scan/ocr.js';

const ocrInstalled = (await loadOcr()) !== undefined;
if (!ocrInstalled)
  console.warn(
    '文字识别组件未安装：只检查公章，「扫描件核对」应为「无法核对」（装上 @gutenye/ocr-node@1.4.8 后会核对，见 README「启用文字识别」）',
  );

let dir: string;
let inbox: string;
let env: Record<string, string>;

beforeAll(() => {
  dir = tempDir('lw-scan-cli-');
  inbox = join(dir, 'inbox');
  mkdirSync(inbox);
  env = { LIFELONG_WEEK_CACHE: join(dir, 'cache') };
  copyFileSync(fixture('sample', '东湖区.yaml'), join(inbox, '东湖区.yaml'));
  copyFileSync(fixture('sample', '西湖区.yaml'), join(inbox, '西湖区.yaml'));
  copyFileSync(fixture('sample', '青山湖区.json'), join(inbox, '青山湖区.json'));
  copyFileSync(fixture('scans', '东湖区-盖章扫描件-淡印.pdf'), join(inbox, '东湖区盖章扫描件.pdf'));
  copyFileSync(fixture('scans', '东湖区-盖章扫描件-灰度.pdf'), join(inbox, '西湖区盖章扫描件.pdf'));
  copyFileSync(fixture('scans', '东湖区-扫描件-未盖章-红笔.pdf'), join(inbox, '青山湖区扫描件.pdf'));
  // A phone photo named like a photo: it shows a seal, so it is the scan.
  copyFileSync(fixture('scans', '东湖区-统计表-手机拍照.jpg'), join(inbox, '东湖区照片.jpg'));
  copyFileSync(fixture('scans', '活动照片-开幕式.jpg'), join(inbox, '东湖区活动照片.jpg'));
});

// Reading a scan's text takes seconds a page: read the scans once here, into the cache the CLI
// shares (by file hash), so each CLI run below is quick — which is also what the cache is for.
beforeAll(async () => {
  for (const name of ['东湖区盖章扫描件.pdf', '西湖区盖章扫描件.pdf', '青山湖区扫描件.pdf', '东湖区照片.jpg'])
    await checkScan(new Uint8Array(readFileSync(join(inbox, name))), name, { cacheDir: join(dir, 'cache', 'scans'), ocr: true });
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validate --check-scans', () => {
  let json: {
    files: Array<{
      path: string;
      attachment?: string;
      scan?: { seal: string; reason?: string; seals: Array<{ page: number; diameterMm: number }> };
      issues: Array<{ code: string; severity: string; message: string }>;
    }>;
    units: Array<{ name: string; scan?: { seal: string; file: string; reason?: string } }>;
  };
  beforeAll(() => {
    const r = cli(['validate', inbox, '--check-scans', '--json'], { env });
    expect(expectNoStackTrace(r.stderr)).toBe(true);
    json = JSON.parse(r.stdout);
  }, 120_000);

  it('per unit: 有公章, 无法判断 (grayscale), 未见公章 (only pen marks), nothing for units that sent no scan', () => {
    const unit = (name: string) => json.units.find((u) => u.name === name)!;
    expect(unit('东湖区').scan).toMatchObject({ seal: 'found' });
    expect(unit('西湖区').scan).toMatchObject({ seal: 'unknown', reason: 'noColour', file: '西湖区盖章扫描件.pdf' });
    expect(unit('青山湖区').scan).toMatchObject({ seal: 'notFound', file: '青山湖区扫描件.pdf' });
    expect(unit('新建区').scan).toBeUndefined();
  });

  it('per file: the seal with page and diameter; a warning (提醒, never an error) that says what to ask for', () => {
    const file = (p: string) => json.files.find((f) => f.path === p)!;
    expect(file('东湖区盖章扫描件.pdf').scan!.seals[0]).toMatchObject({ page: 1 });
    expect(file('东湖区盖章扫描件.pdf').issues).toEqual([]);
    // With OCR, 西湖区 and 青山湖区 (who sent 东湖区's scans) also get 有出入 per differing field.
    const seal = <T extends { code: string }>(issues: T[]) => issues.filter((i) => i.code !== 'scan.figureDiffers');
    const gray = seal(file('西湖区盖章扫描件.pdf').issues);
    expect(gray.map((i) => [i.code, i.severity])).toEqual([['scan.noColour', 'warning']]);
    const differs = file('西湖区盖章扫描件.pdf').issues.filter((i) => i.code === 'scan.figureDiffers');
    if (ocrInstalled) {
      expect(differs.length).toBeGreaterThan(0);
      expect(differs.every((i) => i.severity === 'warning')).toBe(true);
    } else expect(differs).toEqual([]);
    expect(gray[0]!.message).toContain('彩色');
    const pen = seal(file('青山湖区扫描件.pdf').issues);
    expect(pen.map((i) => [i.code, i.severity])).toEqual([['scan.noSeal', 'warning']]);
    expect(pen[0]!.message).toContain('加盖公章后重新扫描');
  });

  it('a photo with a seal is the scan; an activity photo stays a photo and is not judged', () => {
    const photo = json.files.find((f) => f.path === '东湖区照片.jpg')!;
    expect(photo.attachment).toBe('stampedScan');
    expect(photo.scan!.seal).toBe('found');
    const activity = json.files.find((f) => f.path === '东湖区活动照片.jpg')!;
    expect(activity.attachment).toBe('photo');
    expect(activity.scan).toBeUndefined();
    expect(activity.issues).toEqual([]);
  });

  it('the terminal roll call says it in words; results were cached for the rerun', () => {
    const r = cli(['validate', inbox, '--check-scans'], { env });
    expect(r.stdout).toMatch(/东湖区\s+有效.*✔ 有公章/);
    expect(r.stdout).toMatch(/西湖区\s+有效.*✔ 无法判断/);
    expect(r.stdout).toMatch(/青山湖区\s+有效.*✔ 未见公章/);
    expect(r.stdout).toMatch(/东湖区盖章扫描件\.pdf.*有公章（第 1 页，距页面左上角 \d+ mm、\d+ mm，直径 4[123] mm）/);
    expect(r.stdout).toContain('无法判断是否盖章：扫描件上没有任何彩色');
    if (!ocrInstalled) expect(r.stdout).toContain('npm install --prefix');
    if (!ocrInstalled) expect(r.stdout).toContain('@gutenye/ocr-node@1.4.8');
    expect(readdirSync(join(dir, 'cache', 'scans')).filter((f) => f.endsWith('.json')).length).toBe(5);
  }, 120_000);

  it('in English too', () => {
    const r = cli(['--lang', 'en', 'validate', inbox, '--check-scans'], { env });
    expect(r.stdout).toMatch(/东湖区\s+valid.*✔ sealed/);
    expect(r.stdout).toContain('Cannot tell whether it is stamped');
  }, 120_000);

  it('without --check-scans nothing is judged (the pieces are listed as before)', () => {
    const r = cli(['validate', inbox, '--json'], { env });
    const plain = JSON.parse(r.stdout) as typeof json;
    expect(plain.files.some((f) => f.scan)).toBe(false);
    expect(plain.units.some((u) => u.scan)).toBe(false);
  }, 60_000);
});

describe('merge --check-scans', () => {
  it('报送情况 gains 公章 and 扫描件核对 columns', () => {
    const out = join(dir, 'out');
    const r = cli(['merge', inbox, '-o', out, '--check-scans'], { env });
    expect(expectNoStackTrace(r.stderr)).toBe(true);
    const wb = readWorkbook(
      readFileSync(
        join(
          out,
          readdirSync(out).find((f) => f.endsWith('.xlsx'))!,
        ),
      ),
    );
    const s = wb.sheets[1]!;
    expect(s.rows[0]!.slice(-2)).toEqual(['公章', '扫描件核对']);
    const row = (unit: string) => s.rows.find((x) => x[0] === unit)!;
    const seal = s.rows[0]!.indexOf('公章');
    expect(String(row('东湖区')[seal])).toMatch(/^有公章（第 1 页，直径 4[123] mm）$/);
    expect(row('西湖区')[seal]).toBe('无法判断（扫描件无彩色，请要彩色扫描件）');
    expect(row('青山湖区')[seal]).toBe('未见公章');
    expect(row('新建区')[seal]).toBeUndefined();
    const figures = s.rows[0]!.indexOf('扫描件核对');
    if (ocrInstalled) {
      // 西湖区 sent 东湖区's (grayscale) scan: its unit, department and figures differ from 西湖区's Word file.
      expect(String(row('西湖区')[figures])).toMatch(/^有出入：.*举办县区 电子版「西湖区」、扫描件第 1 页「东湖区」/);
      expect(String(row('东湖区')[figures])).toMatch(/^扫描件与电子版一致/);
    } else {
      expect(row('东湖区')[figures]).toBe('无法核对：未安装文字识别组件');
    }
  }, 120_000);
});

describe('a photo of the form without a seal (JPEG attached to a mail, named like any phone picture)', () => {
  let photoDir: string;
  beforeAll(async () => {
    photoDir = join(dir, 'photo-inbox');
    mkdirSync(photoDir);
    copyFileSync(fixture('sample', '东湖区.yaml'), join(photoDir, '东湖区.yaml'));
    copyFileSync(fixture('scans', '活动照片-开幕式.jpg'), join(photoDir, '东湖区活动照片.jpg'));
    // The phone photo of the form with its seal taken away (the red turned to paper): an unstamped form photographed.
    const jpeg = await import('jpeg-js');
    const { withoutRed } = await import('../../src/scan/ocr.js');
    const decoded = jpeg.decode(readFileSync(fixture('scans', '东湖区-统计表-手机拍照.jpg')), { useTArray: true, formatAsRGBA: true });
    const plain = withoutRed({ width: decoded.width, height: decoded.height, data: decoded.data });
    writeFileSync(
      join(photoDir, '东湖区IMG_2041.jpg'),
      jpeg.encode({ width: plain.width, height: plain.height, data: Buffer.from(plain.data) }, 88).data,
    );
  });
  type Out = {
    files: Array<{ path: string; attachment?: string; scan?: { seal: string }; issues: Array<{ code: string; message: string }> }>;
  };
  const run = (extra: Record<string, string>) => {
    const r = cli(['validate', photoDir, '--check-scans', '--json'], {
      env: { LIFELONG_WEEK_CACHE: join(dir, `cache-photo-${Object.keys(extra).length}`), ...extra },
    });
    expect(expectNoStackTrace(r.stderr)).toBe(true);
    return JSON.parse(r.stdout) as Out;
  };

  it('without the OCR add-on: it stays a photo, and the report says nobody can tell whether it is the form', () => {
    const out = run({ LIFELONG_WEEK_OCR_DIR: join(dir, 'no-ocr') });
    const photo = out.files.find((f) => f.path === '东湖区IMG_2041.jpg')!;
    expect(photo.attachment).toBe('photo');
    expect(photo.issues.map((i) => i.code)).toEqual(['roll.photo.cannotTell']);
    expect(photo.issues[0]!.message).toContain('无法判断是不是统计表的照片');
    // An activity photo (people, a hall) is not paper: nothing to say about it.
    expect(out.files.find((f) => f.path === '东湖区活动照片.jpg')!.issues).toEqual([]);
  }, 120_000);

  it.skipIf(!ocrInstalled)(
    'with the OCR add-on: its title and labels make it the stamped scan, and 未见公章 is said',
    () => {
      const out = run({});
      const photo = out.files.find((f) => f.path === '东湖区IMG_2041.jpg')!;
      expect(photo.attachment).toBe('stampedScan');
      expect(photo.scan?.seal).toBe('notFound');
      expect(photo.issues.map((i) => i.code)).toContain('scan.noSeal');
      expect(out.files.find((f) => f.path === '东湖区活动照片.jpg')!.attachment).toBe('photo');
    },
    600_000,
  );
});
