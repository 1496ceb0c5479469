/**
 * --city-report: the city's own 统计表, rendered with the DOCX/PDF renderer and read back like any
 * submission — at the province, where the city is a unit of the roster, it validates and merges.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NANCHANG_2023, campaignSchema } from '../../src/campaign/campaign.js';
import type { Io } from '../../src/core/io.js';
import { runMerge } from '../../src/commands/merge.js';
import { rollCall } from '../../src/inbox/roster.js';
import { cityReport } from '../../src/merge/city.js';
import { checkFiles, type InputFile } from '../../src/inbox/check.js';
import { tempDir } from '../helpers.js';
import { EXPECTED, buildInbox, setTime } from './inbox.js';
import { readWorkbook } from './xlsx.js';

const io = (): Io & { text: () => string } => {
  const lines: string[] = [];
  return { lang: 'zh', color: false, out: (t) => void lines.push(t), err: (t) => void lines.push(t), text: () => lines.join('\n') };
};

/** The province one level up: the same form, cities as its roster. */
const PROVINCE = campaignSchema.parse({
  ...NANCHANG_2023,
  city: '江西省',
  issuer: '江西省教育厅',
  receiver: '江西省社区教育指导中心',
  mailbox: 'province@example.cn',
  roster: [
    { name: '南昌市', kind: 'district', department: '南昌市教育局', aliases: ['南昌'] },
    { name: '九江市', kind: 'district', department: '九江市教育局', aliases: ['九江'] },
  ],
});

const input = (path: string): InputFile => ({
  path,
  size: statSync(path).size,
  load: async () => readFileSync(path),
  mtime: statSync(path).mtime,
});

describe('city report', () => {
  let inbox: string;
  let units: ReturnType<typeof rollCall> = [];
  const unitOf = (name: string) => units.find((u) => u.name === name)!;
  let out: string;
  let expected: ReturnType<typeof cityReport>;
  beforeAll(async () => {
    inbox = buildInbox();
    out = join(tempDir('lw-city-'), 'out');
    const code = await runMerge(inbox, { format: 'xlsx', cityReport: true, output: out, progress: false }, io());
    expect(code).toBe(1);
    const files = readdirSync(inbox).map((name) => input(join(inbox, name)));
    const results = await checkFiles(files, NANCHANG_2023);
    units = rollCall(results, NANCHANG_2023);
    expected = cityReport(units, NANCHANG_2023);
  }, 60_000);

  it('is the city: issuer as department, summed counts, weighted satisfaction, spanning period, merged texts', () => {
    expect(expected.ok).toBe(true);
    if (!expected.ok) return;
    const d = expected.data;
    expect(d).toMatchObject({ year: 2023, district: '南昌市', department: '南昌市教育局' });
    expect(d.contacts).toEqual([
      { name: '万梦婷', phone: '19979136126' },
      { name: '万 翾', phone: '17770022118' },
    ]);
    expect(d.participation.activityCount).toBe(EXPECTED.activities);
    expect(d.participation.participantCount).toBe(EXPECTED.participants);
    expect(d.reach.satisfaction).toBe(Math.round(EXPECTED.satisfactionWeighted * 10) / 10);
    expect(d.content.period).toMatchObject({ ...EXPECTED.period, text: '2023年11月8日至11月28日' });
    // The shared theme once; the units' texts under their names, in roster order, without the invalid unit.
    expect(d.content.theme).toBe('让学习成为一种生活方式');
    expect(d.leadership.documentIssuer).toBe(
      '东湖区：东湖区教育体育局；西湖区：西湖区教育体育局；青云谱区：青云谱区教育体育局；南昌县：南昌县教育体育局',
    );
    expect(d.content.description.split('\n').map((p) => p.slice(0, p.indexOf('：')))).toEqual(EXPECTED.units);
    expect(d.content.description).not.toContain('新建区');
    // Every unit wrote 「无」 under 其他: the city says 「无」 once.
    expect(d.other).toBe('无');
  });

  it('writes the DOCX and PDF named after the city', () => {
    expect(readdirSync(out).sort()).toEqual([
      '2023年全民终身学习活动开展情况统计表（南昌市）.docx',
      '2023年全民终身学习活动开展情况统计表（南昌市）.pdf',
      '南昌市2023年全民终身学习活动周汇总.xlsx',
    ]);
  });

  it('reads back at the province as a valid submission with the same data (DOCX and PDF)', async () => {
    if (!expected.ok) throw new Error('no city report');
    for (const ext of ['docx', 'pdf']) {
      const [r] = await checkFiles([input(join(out, `2023年全民终身学习活动开展情况统计表（南昌市）.${ext}`))], PROVINCE);
      expect(r!.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(r).toMatchObject({ fate: 'submission', status: 'valid', unit: '南昌市' });
      expect(r!.data).toEqual(expected.data);
    }
  });

  it('merges at the province: the same tool one level up', async () => {
    const provinceInbox = join(tempDir('lw-province-'), '省收件箱');
    const { mkdirSync, copyFileSync } = await import('node:fs');
    mkdirSync(provinceInbox);
    copyFileSync(join(out, '2023年全民终身学习活动开展情况统计表（南昌市）.docx'), join(provinceInbox, '南昌市统计表.docx'));
    setTime(join(provinceInbox, '南昌市统计表.docx'), '2023-11-30T18:00:00+08:00');
    const campaignFile = join(provinceInbox, '..', 'province.json');
    writeFileSync(campaignFile, JSON.stringify(PROVINCE));
    const provinceOut = join(provinceInbox, '..', 'out');
    const code = await runMerge(provinceInbox, { format: 'xlsx', output: provinceOut, campaign: campaignFile, progress: false }, io());
    expect(code).toBe(1); // 九江市 is missing
    const wb = readWorkbook(readFileSync(join(provinceOut, '江西省2023年全民终身学习活动周汇总.xlsx')));
    const rows = wb.sheets[0]!.rows;
    expect(rows[1]!.slice(0, 3)).toEqual(['南昌市', '有效', '是']);
    expect(rows[2]!.slice(0, 3)).toEqual(['九江市', '未报送', '否']);
    expect(rows[3]![rows[0]!.indexOf('参加活动人数')]).toBe(EXPECTED.participants);
  });

  it('says under the table who is counted and who is not, in the PDF’s text and the DOCX', async () => {
    const { spawnSync } = await import('node:child_process');
    const { unzipSync } = await import('fflate');
    const docx = new TextDecoder().decode(
      unzipSync(readFileSync(join(out, '2023年全民终身学习活动开展情况统计表（南昌市）.docx')))['word/document.xml']!,
    );
    const texts = [docx.replace(/<[^>]+>/g, '')];
    const pdftotext = spawnSync('pdftotext', ['-v']);
    if (pdftotext.error) console.warn('pdftotext not installed: the PDF text is not checked (apt-get install poppler-utils)');
    else
      texts.push(
        spawnSync('pdftotext', [join(out, '2023年全民终身学习活动开展情况统计表（南昌市）.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(
          /\s+/g,
          '',
        ),
      );
    for (const t of texts) {
      expect(t.replace(/\s+/g, '')).toContain(`本表合计名册12个单位中的${EXPECTED.units.length}个`);
      for (const unit of EXPECTED.units) expect(t).toContain(unit);
      expect(t).toContain('未计入');
      expect(t).toMatch(/未报送：[^。；]*安义县/);
      expect(t).toMatch(/有误未计入：新建区/);
    }
  });

  it('「其他」 holds the centre’s own text, never the units’ notes unless asked', () => {
    const units = [{ ...unitOf('东湖区'), data: { ...unitOf('东湖区').data!, other: '本表为修改版，请以此为准。' } }];
    const plain = cityReport(units, NANCHANG_2023);
    const given = cityReport(units, NANCHANG_2023, { other: '全市开幕式在八一广场举行。' });
    const merged = cityReport(units, NANCHANG_2023, { unitsOther: true });
    expect(plain.ok && plain.data.other).toBe('无');
    expect(given.ok && given.data.other).toBe('全市开幕式在八一广场举行。');
    expect(merged.ok && merged.data.other).toContain('东湖区：本表为修改版');
    expect(plain.ok && plain.notes.join('')).toContain('本表合计名册 1 个单位中的 1 个：东湖区。');
  });

  it('validates at the city itself too: 举办县区 may be the campaign’s city', async () => {
    for (const ext of ['docx', 'pdf']) {
      const [r] = await checkFiles([input(join(out, `2023年全民终身学习活动开展情况统计表（南昌市）.${ext}`))], NANCHANG_2023);
      expect(r!.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(r).toMatchObject({ status: 'valid', data: { district: '南昌市', department: '南昌市教育局' } });
    }
  });

  it('no valid unit: no city report, said plainly', async () => {
    expect(cityReport([], NANCHANG_2023)).toEqual({ ok: false, reason: 'noValidUnits' });
  });
});
