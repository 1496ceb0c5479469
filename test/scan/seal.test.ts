/**
 * The seal on stamped scans (docs/scans.md), on the scans of fixtures/scans/ that
 * scripts/make-scan-fixtures.mjs makes the way units make them. Every verdict is asserted with its
 * measure: where the seal is and how large, or why there is none, or why nothing can be said.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, rgb } from 'pdf-lib';
import { checkScan, type ScanCheck } from '../../src/scan/check.js';
import { findSeals, isReddish } from '../../src/scan/seal.js';
import { placements, statedDpi } from '../../src/scan/images.js';
import { fixture, tempDir } from '../helpers.js';

const scan = (name: string) => new Uint8Array(readFileSync(fixture('scans', name)));
const check = (name: string) => checkScan(scan(name), name);
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The seal the generator draws: 4.2 cm, centred about 106 mm from the left and 66 mm from the top of page 1. */
function expectCountySeal(result: ScanCheck, at = { x: 106, y: 66 }, tolerance = 6) {
  expect(result.seal).toBe('found');
  expect(result.seals).toHaveLength(1);
  const [seal] = result.seals;
  expect(seal!.page).toBe(1);
  expect(seal!.scaleKnown).toBe(true);
  expect(seal!.diameterMm).toBeGreaterThanOrEqual(41);
  expect(seal!.diameterMm).toBeLessThanOrEqual(43);
  expect(Math.abs(seal!.xMm - at.x)).toBeLessThanOrEqual(tolerance);
  expect(Math.abs(seal!.yMm - at.y)).toBeLessThanOrEqual(tolerance);
}

describe('有公章: the seal is found, at its place and true size', () => {
  it('red, over 「教育行政部门（盖章）」, uneven ink, 1.2° rotation, JPEG in a PDF of 2 pages', async () => {
    const r = await check('东湖区-盖章扫描件.pdf');
    expect(r.pages).toBe(2);
    expectCountySeal(r);
  });
  it('dark red on the Word road (LibreOffice PDF), −1.8°', async () =>
    expectCountySeal(await check('东湖区-盖章扫描件-深红-Word版.pdf'), { x: 102, y: 71 }));
  it('orange-red', async () => expectCountySeal(await check('东湖区-盖章扫描件-橙红.pdf'), { x: 109, y: 65 }));
  it('faint and uneven (a dry ink pad)', async () => expectCountySeal(await check('东湖区-盖章扫描件-淡印.pdf')));
  it('lying over the figures', async () => expectCountySeal(await check('东湖区-盖章扫描件-压数字.pdf'), { x: 118, y: 152 }));
  it('a scan of an older printout still carries its seal', async () => expectCountySeal(await check('东湖区-盖章扫描件-旧版.pdf')));
  it('lossless Flate images, two strips on one page', async () => expectCountySeal(await check('东湖区-盖章扫描件-无损分条.pdf')));
  it('a scan sent as a JPEG picture (150 dpi in its header)', async () => {
    const bytes = scan('东湖区-盖章扫描件.jpg');
    expect(statedDpi(bytes)).toBe(150);
    expectCountySeal(await checkScan(bytes, '东湖区-盖章扫描件.jpg'));
  });
  it('a phone photo (perspective, uneven light, no resolution): found, size estimated', async () => {
    const r = await check('东湖区-统计表-手机拍照.jpg');
    expect(r.seal).toBe('found');
    expect(r.seals[0]!.scaleKnown).toBe(false);
    expect(r.seals[0]!.diameterMm).toBeGreaterThan(30);
    expect(r.seals[0]!.diameterMm).toBeLessThan(50);
  });
});

describe('未见公章: a colour scan with no seal', () => {
  it('the form scanned in colour, never stamped', async () => {
    const r = await check('东湖区-扫描件-未盖章.pdf');
    expect(r).toMatchObject({ seal: 'notFound', seals: [], pages: 1 });
  });
  it('red pen marks are not seals: underline, red words, a hand-drawn 4 cm circle, an ellipse', async () => {
    const r = await check('东湖区-扫描件-未盖章-红笔.pdf');
    expect(r.seal).toBe('notFound');
    // The circle is of seal size and nearly closed, but not round enough with the underline it
    // touches, and has nothing red inside; the ellipse is not round; the words are too small.
    const reasons = (r.rejected ?? []).map((c) => c.rejected);
    expect(reasons).toContain('notRound');
    expect(reasons).toContain('size');
    expect(r.rejected!.every((c) => c.page === 1)).toBe(true);
  });
  it('a hand-drawn circle on its own: round, ring closed, but nothing red inside', () => {
    // 150 dpi page; a 40 mm circle stroked 0.5 mm, nothing else red.
    const pxPerMm = 150 / 25.4;
    const w = 600;
    const h = 600;
    const data = new Uint8Array(w * h * 4).fill(250);
    const r = 20 * pxPerMm;
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const d = Math.hypot(x - 300, y - 300);
        if (Math.abs(d - r) <= 1.5) data.set([210, 30, 40, 255], (y * w + x) * 4);
      }
    const [c] = findSeals({ width: w, height: h, data }, pxPerMm);
    expect(c).toMatchObject({ isSeal: false, rejected: 'nothingInside' });
    expect(c!.ringCoverage).toBeGreaterThan(0.95);
    // Measured at the ring's outer edge, as the 4.2 cm of the rules is.
    expect(Math.abs(c!.diameterMm - 40.25)).toBeLessThanOrEqual(0.6);
  });
  it('an activity photo with a red banner is not a seal', async () => {
    const r = await check('活动照片-开幕式.jpg');
    expect(r.seal).toBe('notFound');
  });
});

describe('无法判断: the red is gone, or there is no scan', () => {
  it('a grayscale scan: no colour at all', async () => {
    const r = await check('东湖区-盖章扫描件-灰度.pdf');
    expect(r).toMatchObject({ seal: 'unknown', reason: 'noColour' });
  });
  it('a black-and-white scan (1 bit): the seal is as black as the text', async () => {
    const r = await check('东湖区-盖章扫描件-黑白.pdf');
    expect(r).toMatchObject({ seal: 'unknown', reason: 'bilevel', encoding: '1 bit' });
  });

  /** A one-page PDF whose page draws one image XObject with the given filter. */
  async function pdfWithImage(filter: string, extra: Record<string, unknown> = {}): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    const stream = doc.context.stream(new Uint8Array(64), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: 1240,
      Height: 1754,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 1,
      Filter: filter,
      ...extra,
    });
    page.node.setXObject(PDFName.of('Im0'), doc.context.register(stream));
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream('q 595 0 0 842 0 0 cm /Im0 Do Q')));
    return doc.save();
  }
  it('CCITT and JBIG2 images are black and white by construction', async () => {
    expect(await checkScan(await pdfWithImage('CCITTFaxDecode'), 'fax.pdf')).toMatchObject({
      seal: 'unknown',
      reason: 'bilevel',
      encoding: 'CCITT',
    });
    expect(await checkScan(await pdfWithImage('JBIG2Decode'), 'jbig2.pdf')).toMatchObject({
      seal: 'unknown',
      reason: 'bilevel',
      encoding: 'JBIG2',
    });
  });
  it('a one-channel (DeviceGray) scan is grayscale for sure: the red is gone', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    const w = 124;
    const h = 175;
    const gray = new Uint8Array(w * h).fill(235);
    for (let x = 10; x < 110; x++) gray[40 * w + x] = 30; // a printed line
    const stream = doc.context.flateStream(gray, {
      Type: 'XObject',
      Subtype: 'Image',
      Width: w,
      Height: h,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 8,
    });
    page.node.setXObject(PDFName.of('Im0'), doc.context.register(stream));
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream('q 595 0 0 842 0 0 cm /Im0 Do Q')));
    expect(await checkScan(await doc.save(), 'gray.pdf')).toMatchObject({ seal: 'unknown', reason: 'grayscale', pages: 1 });
  });
  it('JPEG 2000 is named, not guessed at', async () => {
    expect(await checkScan(await pdfWithImage('JPXDecode', { BitsPerComponent: 8, ColorSpace: 'DeviceRGB' }), 'jpx.pdf')).toMatchObject({
      seal: 'unknown',
      reason: 'undecodable',
      encoding: 'JPEG 2000',
    });
  });
  it('a PDF exported from a document (text, no picture) is not a scan', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    page.drawText('2023 Statistics', { x: 50, y: 800, size: 18 });
    page.drawCircle({ x: 300, y: 600, size: 60, borderColor: rgb(0.9, 0.1, 0.1), borderWidth: 3 });
    const r = await checkScan(await doc.save(), 'exported.pdf');
    expect(r).toMatchObject({ seal: 'unknown', reason: 'notScanned', pages: 1 });
  });
  it('a damaged file is undecodable, never an exception', async () => {
    const r = await checkScan(new TextEncoder().encode('%PDF-1.7\nnot really'), 'broken.pdf');
    expect(r).toMatchObject({ seal: 'unknown', reason: 'undecodable' });
    expect(await checkScan(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2]), 'cut.jpg')).toMatchObject({
      seal: 'unknown',
      reason: 'undecodable',
    });
  });
});

describe('the pieces', () => {
  it('reddish: red, dark red, orange-red and faint red; not paper, black, blue, yellow or brown', () => {
    expect(isReddish(220, 20, 26)).toBe(true);
    expect(isReddish(148, 13, 20)).toBe(true);
    expect(isReddish(242, 97, 31)).toBe(true);
    expect(isReddish(239, 180, 175)).toBe(true);
    expect(isReddish(250, 247, 238)).toBe(false);
    expect(isReddish(30, 30, 30)).toBe(false);
    expect(isReddish(40, 60, 200)).toBe(false);
    expect(isReddish(240, 220, 40)).toBe(false);
    expect(isReddish(120, 90, 60)).toBe(false);
  });
  it('image placement follows q/Q and cm', () => {
    const placed = placements('q 595 0 0 421 0 421 cm /Strip0 Do Q q 595 0 0 421 0 0 cm /Strip1 Do Q');
    expect(placed).toEqual([
      { name: 'Strip0', m: [595, 0, 0, 421, 0, 421] },
      { name: 'Strip1', m: [595, 0, 0, 421, 0, 0] },
    ]);
  });
  it('results are cached by the file hash: the second read does not decode again', async () => {
    const dir = tempDir('lw-scan-cache-');
    dirs.push(dir);
    const first = await checkScan(scan('东湖区-盖章扫描件-橙红.pdf'), 'a.pdf', { cacheDir: join(dir, 'scans') });
    expect(first.ms).toBeGreaterThan(0);
    expect(readdirSync(join(dir, 'scans')).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    const again = await checkScan(scan('东湖区-盖章扫描件-橙红.pdf'), 'renamed.pdf', { cacheDir: join(dir, 'scans') });
    expect(again.ms).toBeUndefined();
    expect(again.seals).toEqual(first.seals);
    // A damaged cache entry is read again, not trusted.
    const entry = readdirSync(join(dir, 'scans')).find((f) => f.endsWith('.json'))!;
    writeFileSync(join(dir, 'scans', entry), '{"version":1,');
    const healed = await checkScan(scan('东湖区-盖章扫描件-橙红.pdf'), 'a.pdf', { cacheDir: join(dir, 'scans') });
    expect(healed.seals).toEqual(first.seals);
  });
  it('a cache folder that cannot be written only costs time', async () => {
    const dir = tempDir('lw-scan-cache-');
    dirs.push(dir);
    writeFileSync(join(dir, 'file'), '');
    const r = await checkScan(scan('东湖区-扫描件-未盖章.pdf'), 'x.pdf', { cacheDir: join(dir, 'file', 'scans') });
    expect(r.seal).toBe('notFound');
    expect(existsSync(join(dir, 'file', 'scans'))).toBe(false);
    mkdirSync(join(dir, 'ok'));
  });
});
