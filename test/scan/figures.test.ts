/**
 * Does the scan say what the Word form says? Real OCR (`@gutenye/ocr-node`, the optional add-on) on
 * the generated scans, compared with the electronic 东湖区 form. Skips visibly where the add-on is
 * not installed (`.ci/run` installs it). Nothing is mocked.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NANCHANG_2023 } from '../../src/campaign/campaign.js';
import { readYamlText } from '../../src/read/yaml.js';
import { validateRaw } from '../../src/validate/validate.js';
import { checkScan } from '../../src/scan/check.js';
import { compareFigures, figuresLine, COMPARED_FIELDS } from '../../src/scan/compare.js';
import { loadOcr, splitLine, withoutRed } from '../../src/scan/ocr.js';
import { fixture } from '../helpers.js';

const installed = (await loadOcr()) !== undefined;
if (!installed) console.warn('跳过文字识别测试：未安装 @gutenye/ocr-node（见 README「启用文字识别」）');

const electronic = validateRaw(readYamlText(readFileSync(fixture('sample', '东湖区.yaml'), 'utf8'), 'yaml'), NANCHANG_2023).data;
const figuresOf = async (name: string) => {
  const scan = await checkScan(new Uint8Array(readFileSync(fixture('scans', name))), name, { ocr: true });
  expect(scan.ocr?.engine).toBe('@gutenye/ocr-node@1.4.8');
  return compareFigures(scan.ocr!.items, electronic, NANCHANG_2023);
};

describe.skipIf(!installed)('scan vs electronic form (real OCR)', () => {
  it('a scan of an older printout: exactly the changed figures differ, with both values and the page', async () => {
    const check = await figuresOf('东湖区-盖章扫描件-旧版.pdf');
    expect(check.status).toBe('differ');
    expect(check.diffs.map((d) => [d.label, d.electronic, d.scan, d.page])).toEqual([
      ['联系人及电话', '079186771234、13907912345', '079186771235、13907912345', 1],
      ['活动参与情况 › 全区参与活动的数量', '36', '32', 1],
      ['活动参与情况 › 参加活动人数', '12000', '9800', 1],
      ['活动的群众性 › 群众满意度', '98%', '96%', 2],
    ]);
    expect(check.same).toEqual(expect.arrayContaining(['举办县区', '活动主题与内容 › 活动时间']));
    expect(figuresLine(check)).toMatch(
      /^有出入：联系人及电话 电子版「079186771234、13907912345」、扫描件第 1 页「079186771235、13907912345」；/,
    );
  }, 300_000);

  it('the stamped final form: 扫描件与电子版一致 (a name under the seal may be unread, never different)', async () => {
    const check = await figuresOf('东湖区-盖章扫描件.pdf');
    expect(check.diffs).toEqual([]);
    expect(check.status).toBe('match');
    // Every number and the date are read and equal.
    expect(check.same).toEqual(
      expect.arrayContaining([
        '活动参与情况 › 全区参与活动的数量',
        '活动参与情况 › 参加活动人数',
        '活动的群众性 › 群众满意度',
        '活动主题与内容 › 活动时间',
        '联系人及电话',
      ]),
    );
    expect(figuresLine(check)).toMatch(/^扫描件与电子版一致/);
  }, 300_000);

  it('a seal lying over the figures: red dropped first, no false difference', async () => {
    const check = await figuresOf('东湖区-盖章扫描件-压数字.pdf');
    expect(check.diffs).toEqual([]);
    // Every compared field is accounted for: equal, or (under the seal) not read.
    expect(check.same.length + check.unread.length).toBe(COMPARED_FIELDS.length);
  }, 300_000);
});

describe('the pieces (no OCR needed)', () => {
  it('a label and its value read as one line are split at the box ends', () => {
    const parts = splitLine('参加活动人数 12000', { x: 438, y: 921, width: 290, height: 24 }, 1);
    expect(parts.map((p) => p.text)).toEqual(['参加活动人数', '12000']);
    expect(parts[0]!.x).toBe(438);
    expect(parts[1]!.x + parts[1]!.width).toBeCloseTo(728, 5);
  });
  it('red ink is turned white; black text under it stays', () => {
    const r = { width: 3, height: 1, data: new Uint8Array([220, 20, 26, 255, 20, 20, 20, 255, 250, 247, 238, 255]) };
    expect([...withoutRed(r).data]).toEqual([255, 255, 255, 255, 20, 20, 20, 255, 250, 247, 238, 255]);
  });
  it('without text or without an electronic form: 无法核对, with why', () => {
    expect(compareFigures([], electronic, NANCHANG_2023)).toMatchObject({ status: 'unchecked', why: 'noText' });
    expect(compareFigures([{ text: '参加活动人数 9800', x: 0, y: 0, width: 100, height: 10, page: 1 }], null, NANCHANG_2023)).toMatchObject(
      { status: 'unchecked', why: 'noElectronic' },
    );
  });
  it('compared fields come from the one form definition: unit, department, numbers, period, contacts', () => {
    expect(COMPARED_FIELDS.map((f) => f.id)).toEqual([
      'department',
      'district',
      'contacts',
      'participation.activityCount',
      'participation.participantCount',
      'content.period',
      'reach.satisfaction',
    ]);
  });
});
