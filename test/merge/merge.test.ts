/**
 * merge end to end, in process: a small inbox → the workbook read back (sheet names, merged header
 * cells, frozen panes, numbers as numbers, text never a formula, totals = the valid units' sum,
 * every file in 文件清单), CSV and JSON, overwrite protection, exit codes.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import type { Io } from '../../src/core/io.js';
import { runMerge, type MergeOptions } from '../../src/commands/merge.js';
import { FIELDS } from '../../src/form/definition.js';
import { NANCHANG_2023 } from '../../src/campaign/campaign.js';
import { cli, tempDir } from '../helpers.js';
import { EXPECTED, ODD_FILES, UNITS, buildInbox, type UnitSpec } from './inbox.js';
import { readWorkbook } from './xlsx.js';

const TITLE = '南昌市2023年全民终身学习活动周汇总';

function captureIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { lang: 'zh', color: false, stdout, stderr, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
}

async function merge(inbox: string, opts: Partial<MergeOptions> = {}) {
  const io = captureIo();
  const out = opts.output ?? join(tempDir('lw-merge-out-'), 'out');
  const code = await runMerge(inbox, { format: 'xlsx', progress: false, ...opts, output: out }, io);
  return { code, out, io, text: io.stdout.join('\n') };
}

describe('merge: the workbook read back', () => {
  let run: Awaited<ReturnType<typeof merge>>;
  let wb: ReturnType<typeof readWorkbook>;
  let inbox: string;
  beforeAll(async () => {
    inbox = buildInbox();
    run = await merge(inbox, { format: 'xlsx,csv,json' });
    wb = readWorkbook(readFileSync(join(run.out, `${TITLE}.xlsx`)));
  });

  it('names the file after the campaign and writes the six sheets in order', () => {
    expect(readdirSync(run.out).sort()).toEqual([`${TITLE}.csv`, `${TITLE}.json`, `${TITLE}.xlsx`]);
    expect(wb.names).toEqual(['汇总', '报送情况', '问题清单', '文件清单', '填报内容', '简报']);
  });

  it('填报内容: two header rows from the form definition, groups merged over their fields', () => {
    const s = wb.sheets[4]!;
    const [top, bottom] = [s.rows[0]!, s.rows[1]!];
    const fields = FIELDS.filter((f) => f.kind !== 'year' && f.id !== 'district');
    expect(top.length).toBe(fields.length + 3);
    expect(top.slice(0, 3)).toEqual(['举办县区', '报送状态', '计入合计']);
    // Every group label once in the top row, merged across exactly its fields; its fields below it.
    const letter = (i: number) => String.fromCharCode(65 + (i % 26)).padStart(i >= 26 ? 2 : 1, 'A');
    fields.forEach((f, k) => {
      const col = k + 3;
      if (!f.group) {
        expect(top[col]).toBe(f.label);
        expect(s.merges).toContain(`${letter(col)}1:${letter(col)}2`);
      } else expect(bottom[col]).toBe(f.label);
    });
    for (const g of new Set(fields.filter((f) => f.group).map((f) => f.group!.label))) {
      const first = fields.findIndex((f) => f.group?.label === g) + 3;
      const n = fields.filter((f) => f.group?.label === g).length;
      expect(top[first]).toBe(g);
      expect(s.merges).toContain(`${letter(first)}1:${letter(first + n - 1)}1`);
    }
  });

  it('freezes the header rows and the unit column; widths and wrapped rows tall enough', () => {
    const s = wb.sheets[4]!;
    expect(s.pane).toMatchObject({ xSplit: '1', ySplit: '2', state: 'frozen', topLeftCell: 'B3' });
    expect(wb.sheets[0]!.pane).toMatchObject({ xSplit: '1', ySplit: '1', state: 'frozen', topLeftCell: 'B2' });
    expect(wb.sheets[1]!.pane).toMatchObject({ ySplit: '1', xSplit: '1', state: 'frozen' });
    expect(wb.sheets[2]!.pane).toMatchObject({ ySplit: '1', state: 'frozen' });
    expect(s.cols.length).toBe(s.rows[0]!.length);
    const description = s.rows[1]!.indexOf('活动内容');
    expect(s.cols[description]!.width).toBeGreaterThan(s.cols[s.rows[1]!.indexOf('参加活动人数')]!.width);
    // 东湖区's 活动内容 has four lines: its row is at least four lines tall, and the cell wraps.
    expect(s.heights.get(3)).toBeGreaterThanOrEqual(4 * 15);
    expect(wb.styles).toContain('wrapText="1"');
  });

  it('one row per roster unit in roster order, 未报送 for the missing, then the totals', () => {
    const s = wb.sheets[0]!;
    const names = NANCHANG_2023.roster.map((u) => u.name);
    expect(s.rows.slice(1, 13).map((r) => r[0])).toEqual(names);
    const status = Object.fromEntries(s.rows.slice(1, 13).map((r) => [r[0], r[1]]));
    expect(status).toMatchObject({
      东湖区: '有效',
      西湖区: '有效',
      青云谱区: '有效（逾期）',
      新建区: '有误',
      南昌县: '有效',
      安义县: '未报送',
    });
    const counted = Object.fromEntries(s.rows.slice(1, 13).map((r) => [r[0], r[2]]));
    expect(counted).toMatchObject({ 东湖区: '是', 青云谱区: '是', 新建区: '否', 安义县: '否' });
    expect(s.rows[13]![0]).toBe('合计');
    expect(s.rows[14]![0]).toBe('平均');
    expect(s.rows.length).toBe(15);
  });

  it('numbers are numbers; totals are formulas over the counted rows, with their values cached', () => {
    const s = wb.sheets[0]!;
    const col = (label: string) => s.rows[0]!.indexOf(label);
    const [acts, people, sat] = [col('全区参与活动的数量'), col('参加活动人数'), col('群众满意度')];
    const letter = (i: number) => String.fromCharCode(65 + i);
    // Number cells carry no type attribute and no formula.
    const dong = s.cells.get(`${letter(people)}2`)!;
    expect(dong).toMatchObject({ type: undefined, value: 12000, formula: false });
    expect(s.cells.get(`${letter(sat)}2`)!.value).toBeCloseTo(0.98);
    const rows = s.rows.slice(1, 13).filter((r) => EXPECTED.units.includes(String(r[0])));
    expect(rows).toHaveLength(4);
    const sum = (i: number) => rows.reduce((n, r) => n + Number(r[i]), 0);
    const totals = s.rows[13]!;
    expect(totals[acts]).toBe(sum(acts));
    expect(totals[acts]).toBe(EXPECTED.activities);
    expect(totals[people]).toBe(EXPECTED.participants);
    expect(totals[sat] as number).toBeCloseTo(Math.round(EXPECTED.satisfactionWeighted * 100) / 10000, 6);
    expect(s.rows[14]![sat] as number).toBeCloseTo(Math.round(EXPECTED.satisfactionMean * 100) / 10000, 6);
    expect(s.cells.get(`${letter(acts)}14`)).toMatchObject({ formula: true, value: EXPECTED.activities });
    expect(s.xml).toContain(`<f>SUMIFS(${letter(acts)}2:${letter(acts)}13,C2:C13,"是")</f>`);
    // The later revision of 南昌县 counts, not the draft.
    expect(s.rows[1 + NANCHANG_2023.roster.findIndex((u) => u.name === '南昌县')]![acts]).toBe(40);
  });

  it('text is never a formula: 「=HYPERLINK(…)」 is a shared string; formulas only in the totals rows', () => {
    const s = wb.sheets[4]!;
    const xi = NANCHANG_2023.roster.findIndex((u) => u.name === '西湖区') + 3;
    const featured = s.rows[1]!.indexOf('有特色的活动');
    const cell = s.cells.get(`${String.fromCharCode(65 + featured)}${xi}`)!;
    expect(cell.value).toBe(UNITS[1]!.featured);
    expect(cell.type).toBe('s');
    for (const [i, sheet] of wb.sheets.entries()) {
      const formulaRows = new Set([...sheet.cells.values()].filter((c) => c.formula).map((c) => Number(/\d+/.exec(c.ref)![0])));
      expect([...formulaRows].sort()).toEqual(i === 0 ? [14, 15] : i === 4 ? [15, 16] : []);
    }
  });

  it('prints: A4 landscape fitted to the width, title in the header, page numbers in the footer', () => {
    for (const sheet of wb.sheets) {
      expect(sheet.xml).toContain('<pageSetUpPr fitToPage="1"/>');
      expect(sheet.xml).toMatch(/<pageSetup paperSize="9" orientation="(landscape|portrait)" fitToWidth="1" fitToHeight="0"\/>/);
      expect(sheet.xml).toContain(`<oddHeader>&amp;C&amp;&quot;宋体,Bold&quot;&amp;12${TITLE}`);
      expect(sheet.xml).toContain('<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>');
    }
    expect(wb.workbookXml).toContain(`'汇总'!$A:$A,'汇总'!$1:$1`);
  });

  it('报送情况: the verdict, whether it counts, the four pieces, times with their evidence, source', () => {
    const s = wb.sheets[1]!;
    expect(s.rows[0]).toEqual([
      '单位',
      '结论',
      '计入合计',
      '统计表',
      '盖章扫描件',
      '工作方案',
      '工作总结',
      '收到时间',
      '时间依据',
      '按时版本收到',
      '采用的文件',
      '收到的文件',
      '联系人',
    ]);
    const row = (unit: string) => s.rows.find((r) => r[0] === unit)!;
    expect(row('东湖区').slice(0, 7)).toEqual(['东湖区', '有效', '是', '缺 Word（只有 YAML）', '有', '缺', '缺']);
    expect(row('东湖区')[10]).toBe('东湖区.yaml');
    expect(row('青云谱区')[1]).toBe('有效（逾期）');
    expect(row('安义县').slice(0, 7)).toEqual(['安义县', '未报送', '否', '缺', '缺', '缺', '缺']);
    expect(row('南昌县')[10]).toBe('南昌县（修改稿）.yaml');
    // Received time: a real date cell showing the campaign zone's wall clock.
    const serial = row('东湖区')[7] as number;
    expect(new Date(Math.round((serial - 25569) * 86400000)).toISOString()).toBe('2023-11-28T10:00:00.000Z');
  });

  it('问题清单: one problem per row with file, unit, label path, severity, message; filterable', () => {
    const s = wb.sheets[2]!;
    expect(s.rows[0]).toEqual(['文件', '单位', '项目', '严重程度', '说明', '位置']);
    const xin = s.rows.find((r) => r[0] === '新建区.yaml' && r[3] === '错误')!;
    expect(xin[1]).toBe('新建区');
    expect(xin[2]).toBe('活动参与情况 › 参加活动人数');
    expect(String(xin[4])).toContain('很多');
    expect(s.merges).toEqual([]);
    expect(s.xml).toMatch(/<autoFilter ref="A1:F\d+"\/>/);
    expect(wb.workbookXml).toContain('_xlnm._FilterDatabase');
  });

  it('文件清单: every file, including the odd ones, with its fate', () => {
    const s = wb.sheets[3]!;
    const listed = s.rows.slice(1).map((r) => r[0]);
    const onDisk = readdirSync(inbox);
    expect([...listed].sort()).toEqual([...onDisk].sort());
    const fate = Object.fromEntries(s.rows.slice(1).map((r) => [r[0], r[2]]));
    expect(fate['南昌县（初稿）.yaml']).toBe('已被新版本取代');
    expect(fate[ODD_FILES[0]!]).toBe('附件');
    expect(fate[ODD_FILES[2]!]).toBe('未检查');
  });

  it('the same inbox gives the same workbook bytes (no clock in the file)', async () => {
    const again = await merge(inbox);
    expect(Buffer.compare(readFileSync(join(again.out, `${TITLE}.xlsx`)), readFileSync(join(run.out, `${TITLE}.xlsx`)))).toBe(0);
  });

  it('CSV: BOM, CRLF, one header row of label paths, the formula-like text escaped', () => {
    const csv = readFileSync(join(run.out, `${TITLE}.csv`), 'utf8');
    expect(csv.startsWith('\uFEFF举办县区,报送状态,计入合计,')).toBe(true);
    expect(csv).toContain('活动参与情况 › 参加活动人数');
    expect(
      csv
        .replace(/"[^"]*"/g, '')
        .split('\n')
        .every((l, i, all) => i === all.length - 1 || l.endsWith('\r')),
    ).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(csv).toMatch(/\r\n合计,计入 4 个单位,4,(,)*[^\r]*106,40000,/);
  });

  it('JSON: the validate report plus the totals', () => {
    const json = JSON.parse(readFileSync(join(run.out, `${TITLE}.json`), 'utf8'));
    expect(json.units).toHaveLength(12);
    expect(json.totals).toMatchObject({
      unitsReporting: 4,
      activities: EXPECTED.activities,
      participants: EXPECTED.participants,
      unitsMissing: 7,
      unitsInvalid: 1,
      unitsLate: 1,
    });
    expect(json.files.map((f: { path: string }) => f.path).sort()).toEqual(readdirSync(inbox).sort());
  });

  it('terminal: roster table, totals, who to chase with the mailbox, where the files went; exit 1', () => {
    expect(run.code).toBe(1);
    expect(run.text).toContain('报送情况（名册 12 个单位');
    expect(run.text).toContain('全市合计（计入的 4 个单位）：活动 106 场，参加 40,000 人次');
    expect(run.text).toContain('jxedusqjy@163.com');
    // The chase list: grouped 未报送 → 有误 → 缺材料 → 逾期, each block the unit, whom to call, what to do.
    const chase = run.text.slice(run.text.indexOf('催报名单'), run.text.indexOf('已生成'));
    const heads = [...chase.matchAll(/^【(.+?)】/gm)].map((m) => m[1]);
    expect(heads).toEqual(['未报送', '有误', '缺材料']);
    expect(chase).toMatch(/安义县（安义县教育体育局.*）\n  尚未收到统计表和材料/);
    expect(chase).toContain('名册里没有联系电话');
    expect(chase).toMatch(/新建区（新建区教育体育局　\S+ \d+[^）]*）\n  统计表有 1 处需要更正[^\n]*\n  - 「活动参与情况 › 参加活动人数」/);
    expect(chase).toMatch(/青云谱区（[^）]+）\n(  .*\n)*  统计表 2023-12-01 08:15 收到，晚于截止时间/);
    // Never a path on the centre's PC.
    expect(chase).not.toContain(run.out);
    expect(chase).not.toContain(inbox);
    expect(run.text).toContain(join(run.out, `${TITLE}.xlsx`));
  });
});

describe('merge: outputs', () => {
  it('refuses to overwrite any output without --force, and writes none of them', async () => {
    const inbox = buildInbox(UNITS.slice(0, 2), false);
    const out = join(tempDir('lw-merge-out-'), 'out');
    mkdirSync(out);
    // Only the CSV is in the way: the workbook must not be written either.
    writeFileSync(join(out, `${TITLE}.csv`), 'mine');
    await expect(merge(inbox, { output: out, format: 'xlsx,csv' })).rejects.toThrow(UsageError);
    await expect(merge(inbox, { output: out, format: 'xlsx,csv' })).rejects.toThrow(/已存在.*\n.*汇总\.csv/);
    expect(readdirSync(out)).toEqual([`${TITLE}.csv`]);
    expect(readFileSync(join(out, `${TITLE}.csv`), 'utf8')).toBe('mine');
    const forced = await merge(inbox, { output: out, format: 'xlsx,csv', force: true });
    expect(readFileSync(join(out, `${TITLE}.csv`), 'utf8')).toMatch(/^\uFEFF举办县区/);
    expect(forced.code).toBe(1);
    // Atomic writes leave no temporary files behind.
    expect(readdirSync(out).sort()).toEqual([`${TITLE}.csv`, `${TITLE}.xlsx`]);
  });

  it('refuses an unknown format before reading anything', async () => {
    await expect(merge(buildInbox(UNITS.slice(0, 1), false), { format: 'xlsx,ods' })).rejects.toThrow(/ods/);
  });

  it('exits 0 when all twelve units are valid and on time', async () => {
    const all: UnitSpec[] = NANCHANG_2023.roster.map((u, i) => ({
      unit: u.name,
      activities: 10 + i,
      participants: 1000 * (i + 1),
      satisfaction: 90 + (i % 10),
      period: '2023年11月15日至11月21日',
      at: '2023-11-29T12:00:00+08:00',
    }));
    const run = await merge(buildInbox(all, false));
    expect(run.text).toContain('全市合计（计入的 12 个单位）');
    expect(run.code).toBe(0);
    expect(existsSync(join(run.out, `${TITLE}.xlsx`))).toBe(true);
    expect(statSync(join(run.out, `${TITLE}.xlsx`)).size).toBeGreaterThan(5000);
  });
});

describe('merge from the command line (built CLI)', () => {
  it('is wired: writes the workbook to -o, no progress bar without a terminal, exit 1 with units missing', () => {
    const inbox = buildInbox(UNITS.slice(0, 2), false);
    const out = join(tempDir('lw-merge-cli-'), 'out');
    const r = cli(['merge', inbox, '-o', out, '--format', 'xlsx,csv']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('已生成：');
    expect(r.stderr).not.toContain('读取 [');
    expect(readdirSync(out).sort()).toEqual([`${TITLE}.csv`, `${TITLE}.xlsx`]);
    const again = cli(['merge', inbox, '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已存在');
  });

  it('shows its options in help', () => {
    const r = cli(['merge', '--help']);
    for (const opt of ['--output', '--format', '--city-report', '--force']) expect(r.stdout).toContain(opt);
  });
});
