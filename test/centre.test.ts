/**
 * The centre's path on an inbox as people really get it: a plain copy (`cp -r`, a USB stick, a
 * download), so every file time is the time of the copy. Received times say their evidence, copy
 * times never make a unit late, revisions are ordered by the best evidence, a correction after the
 * deadline is not lateness, and every output says the same verdict.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, fixture } from './helpers.js';
import { readWorkbook } from './merge/xlsx.js';

const TITLE = '南昌市2023年全民终身学习活动周汇总';
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lw-centre-'));
  made.push(dir);
  return dir;
}

/** The sample inbox copied as `cp -r` does: every file's time is now. */
function copiedInbox(): string {
  const dir = join(scratch(), '收件箱');
  cpSync(fixture('inbox'), dir, { recursive: true });
  const now = new Date();
  const touch = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) touch(join(d, e.name));
      else utimesSync(join(d, e.name), now, now);
    }
  };
  touch(dir);
  return dir;
}

interface Unit {
  name: string;
  status: string;
  late: boolean;
  timing: string;
  source: string | null;
  receivedFrom: string | null;
  firstReceivedAt: string | null;
  included: boolean;
  versions: Array<{ path: string; activities: number | null }>;
  received: Array<{ path: string; reason?: string }>;
  data: { participation?: { activityCount: number; participantCount: number } } | null;
  verdict: { short: string; long: string; group: string | null };
  chase: { group: string; lines: string[]; who: string } | null;
}
const json = (args: string[], cwd?: string) => {
  const r = cli(['validate', '--json', ...args], cwd ? { cwd } : {});
  return JSON.parse(r.stdout) as { units: Unit[]; files: Array<{ path: string; fate: string; issues: Array<{ code: string }> }> };
};
const unit = (units: Unit[], name: string) => units.find((u) => u.name === name)!;

describe('a plain copy of the inbox (every file time = now)', () => {
  const inbox = copiedInbox();
  const report = json([inbox]);

  it('never makes a unit late from a copy time: the time is 「不明」 and says how to record the real one', () => {
    for (const u of report.units) if (u.receivedFrom === 'copy') expect(u).toMatchObject({ late: false, timing: 'unknown' });
    expect(report.units.filter((u) => u.late).map((u) => u.name)).toEqual(['安义县']); // its mail's Date is 12-02
    expect(unit(report.units, '西湖区')).toMatchObject({ status: 'valid', timing: 'unknown', receivedFrom: 'copy' });
    const xihu = report.files.find((f) => f.path === '西湖区统计表.docx')!;
    expect(xihu.issues.map((i) => i.code)).toContain('inbox.timeUnknown');
    const text = cli(['validate', inbox]).stdout;
    expect(text).toContain('收到时间不明（文件时间');
    expect(text).toContain('收件记录.yaml');
    expect(text).not.toMatch(/收到时间 20\d\d-\d\d-\d\d \d\d:\d\d 晚于截止时间.*(西湖区|南昌县|经开区)/);
  }, 180_000);

  it('进贤县’s corrected form (修改版, mailed 11-29) counts, not the loose draft', () => {
    expect(unit(report.units, '进贤县')).toMatchObject({ status: 'valid', source: '进贤县统计表修改版.eml!进贤县统计表（修改版）.docx' });
    expect(unit(report.units, '进贤县').data?.participation).toMatchObject({ activityCount: 24, participantCount: 5600 });
    expect(report.files.find((f) => f.path === '进贤县统计表.docx')!.fate).toBe('superseded');
  }, 180_000);

  it('merge gives the city 270 activities and 90,300 participants', () => {
    const out = scratch();
    const r = cli(['merge', inbox, '-o', out, '--format', 'json']);
    expect(r.stdout).toContain('活动 270 场，参加 90,300 人次');
    const totals = (
      JSON.parse(readFileSync(join(out, `${TITLE}.json`), 'utf8')) as { totals: { activities: number; participants: number } }
    ).totals;
    expect(totals).toMatchObject({ activities: 270, participants: 90_300 });
  }, 180_000);
});

describe('received-time evidence', () => {
  it('收件记录.yaml gives the time (and is not a submission); a record after the deadline makes the unit late', () => {
    const inbox = copiedInbox();
    writeFileSync(
      join(inbox, '收件记录.yaml'),
      '# 中心手工记录\n西湖区统计表.docx: 2023-12-01T09:00:00+08:00\n南昌县统计表.doc: "2023-11-30T23:10:00+08:00"\n',
    );
    const report = json([inbox]);
    expect(unit(report.units, '西湖区')).toMatchObject({ late: true, timing: 'late', receivedFrom: 'record' });
    expect(unit(report.units, '南昌县')).toMatchObject({ late: false, timing: 'onTime', receivedFrom: 'record' });
    expect(report.files.find((f) => f.path === '收件记录.yaml')).toMatchObject({ fate: 'not-a-submission' });
    // remind reads the inbox the same way: the record makes 西湖区 late there too.
    const drafts = join(scratch(), '草稿');
    const r = cli(['remind', inbox, '-o', drafts], { env: { LIFELONG_WEEK_TODAY: '2023-12-02' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/西湖区：逾期/);
  }, 180_000);

  it('a correction after the deadline of an on-time form is 「按时报送，截止后更正」, not late; the workbook shows both times', () => {
    const inbox = copiedInbox();
    // 高新区 sent an invalid form by mail on 11-30; the centre asked, it sent a corrected one on 12-03.
    const yaml = readFileSync(join(inbox, '经开区', '经开区统计表.yaml'), 'utf8').replaceAll('经开区', '高新区');
    writeFileSync(join(inbox, '高新区统计表（更正）.yaml'), yaml);
    writeFileSync(join(inbox, '收件记录.yaml'), '高新区统计表（更正）.yaml: 2023-12-03T10:00:00+08:00\n');
    const report = json([inbox]);
    expect(unit(report.units, '高新区')).toMatchObject({
      status: 'valid',
      late: false,
      timing: 'corrected',
      source: '高新区统计表（更正）.yaml',
      included: true,
    });
    expect(unit(report.units, '高新区').verdict.long).toBe('按时报送，截止后更正');
    expect(unit(report.units, '高新区').firstReceivedAt).toBe('2023-11-30T16:08:45+08:00');
    const out = scratch();
    cli(['merge', inbox, '-o', out]);
    const status = readWorkbook(readFileSync(join(out, `${TITLE}.xlsx`))).sheets[1]!;
    const row = status.rows.find((r) => r[0] === '高新区')!;
    const header = status.rows[0]!;
    expect(row[header.indexOf('结论')]).toBe('按时报送，截止后更正');
    expect(typeof row[header.indexOf('收到时间')]).toBe('number');
    expect(typeof row[header.indexOf('按时版本收到')]).toBe('number');
  }, 180_000);

  it('two different versions nothing can order: both named with their figures, neither counted, and remind asks which is final', async () => {
    const inbox = copiedInbox();
    const yaml = readFileSync(join(inbox, '经开区', '经开区统计表.yaml'), 'utf8');
    writeFileSync(join(inbox, '经开区', '经开区活动周统计.yaml'), yaml.replace(/(全区参与活动的数量:\s*)\d+/, '$133'));
    const report = json([inbox]);
    const jk = unit(report.units, '经开区');
    expect(jk).toMatchObject({ status: 'ambiguous', included: false, source: null });
    expect(jk.versions.map((v) => v.activities).sort()).toEqual([20, 20, 33]);
    expect(jk.chase?.group).toBe('invalid');
    expect(jk.chase?.lines.join('\n')).toMatch(/活动 33 场/);
    // remind says the same: the unit is asked which version is final, with each version's figures.
    const drafts = join(scratch(), '草稿');
    const r = cli(['remind', inbox, '-o', drafts], { env: { LIFELONG_WEEK_TODAY: '2023-11-25' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/经开区：版本不明/);
    const { simpleParser } = await import('mailparser');
    const mail = await simpleParser(readFileSync(join(drafts, '催报-经开区.eml')));
    expect(mail.text).toContain('无法判断以哪一份为准');
    expect(mail.text).toMatch(/活动 33 场/);
  }, 180_000);
});

describe('one verdict: terminal, sheets, JSON and chase list say the same', () => {
  const inbox = copiedInbox();
  const out = scratch();
  const merged = cli(['merge', inbox, '-o', out, '--format', 'xlsx,json'], { env: { COLUMNS: '120' } });
  const data = JSON.parse(readFileSync(join(out, `${TITLE}.json`), 'utf8')) as { units: Unit[] };
  const wb = readWorkbook(readFileSync(join(out, `${TITLE}.xlsx`)));
  const terminal = cli(['validate', inbox], { env: { COLUMNS: '80' } }).stdout;

  it('each unit: JSON verdict = 汇总 = 报送情况 = terminal row = chase group', () => {
    const summary = wb.sheets[0]!;
    const status = wb.sheets[1]!;
    const chase = merged.stdout.slice(merged.stdout.indexOf('催报名单'), merged.stdout.indexOf('已生成'));
    for (const u of data.units) {
      const s = summary.rows.find((r) => r[0] === u.name)!;
      const st = status.rows.find((r) => r[0] === u.name)!;
      expect(s[1]).toBe(u.verdict.short);
      expect(s[2]).toBe(u.included ? '是' : '否');
      expect(st[1]).toBe(u.verdict.long);
      expect(st[2]).toBe(u.included ? '是' : '否');
      expect(terminal).toMatch(new RegExp(`^  ${u.name}\\s+${u.verdict.short.replace(/[()（）]/g, '.')}\\s`, 'm'));
      if (u.chase) {
        expect(chase).toContain(`${u.name}（`);
        const heading = chase.lastIndexOf('【', chase.indexOf(`\n${u.name}（`));
        expect(chase.slice(heading + 1, chase.indexOf('】', heading))).toBe(
          { missing: '未报送', invalid: '有误', pieces: '缺材料', late: '逾期' }[u.chase.group],
        );
      } else expect(chase).not.toContain(`\n${u.name}（`);
    }
  }, 180_000);

  it('a unit that sent only what cannot be read is never plain 未报送: each file and what to ask for', () => {
    const wanli = data.units.find((u) => u.name === '湾里管理局')!;
    expect(wanli.verdict.long).toBe('收到 1 个文件，均无法读取为统计表');
    expect(wanli.received.map((f) => f.path)).toEqual(['湾里管理局材料.rar']);
    expect(wanli.received[0]!.reason).toMatch(/\.rar 压缩包无法打开/);
    expect(wanli.chase!.group).toBe('missing');
    expect(wanli.chase!.lines.join('\n')).toContain('「湾里管理局材料.rar」是 RAR 压缩包，无法打开：请把统计表（.docx）直接作为附件发送');
    const st = wb.sheets[1]!.rows.find((r) => r[0] === '湾里管理局')!;
    expect(String(st[wb.sheets[1]!.rows[0]!.indexOf('收到的文件')])).toMatch(/^湾里管理局材料\.rar：.*rar/);
    expect(terminal).toContain('湾里管理局：收到 1 个文件，均无法读取为统计表');
  }, 180_000);

  it('the chase list asks for the actual fix, never a path on the centre’s PC, and asks 安义县 to resend the broken plan', () => {
    const chase = merged.stdout.slice(merged.stdout.indexOf('催报名单'), merged.stdout.indexOf('已生成'));
    expect(chase).toContain('「活动参与情况 › 参加活动人数」');
    expect(chase).toContain('「很多」');
    expect(chase).toContain('工作方案（收到的文件打不开，请重新发送）');
    expect(chase).not.toContain(inbox);
    expect(chase).not.toMatch(/\.eml!/);
  }, 180_000);

  it('the roll call fits 80 columns, and 120 with the evidence and the file used; system files take one line', () => {
    const table = (text: string) => text.slice(text.indexOf('报送情况（'), text.indexOf('\n\n', text.indexOf('报送情况（')));
    const width = (line: string) =>
      [...line].reduce(
        (n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1),
        0,
      );
    for (const line of table(terminal).split('\n')) expect(width(line)).toBeLessThanOrEqual(80);
    const wide = cli(['validate', inbox], { env: { COLUMNS: '120' } }).stdout;
    expect(table(wide)).toContain('时间依据');
    for (const line of table(wide).split('\n')) expect(width(line)).toBeLessThanOrEqual(120);
    expect(terminal.split('\n').filter((l) => l.includes('Thumbs.db'))).toHaveLength(1);
    expect(terminal).toMatch(/另有 3 个系统、临时或本工具自己的文件/);
    const summary = cli(['validate', '--summary', inbox]).stdout;
    expect(summary).toContain('报送情况（');
    expect(summary).not.toContain('Thumbs.db');
  }, 180_000);
});

describe('outputs stay out of the inbox', () => {
  it('merge run inside the inbox writes beside it; outputs found in an inbox are set aside; validate’s result is unchanged', () => {
    const inbox = copiedInbox();
    const before = json([inbox]).units.map((u) => [u.name, u.status, u.source, u.late]);
    const r = cli(['merge', '.', '--city-report', '--format', 'xlsx,csv,json'], { cwd: inbox });
    expect(r.stdout).toContain('已生成');
    const parent = join(inbox, '..');
    expect(readdirSync(parent)).toContain(`${TITLE}.xlsx`);
    expect(readdirSync(inbox).some((n) => n.startsWith(TITLE))).toBe(false);
    // An older run wrote into the inbox: its files are the tool's own, never submissions.
    for (const n of readdirSync(parent)) if (n.startsWith(TITLE) || n.includes('（南昌市）')) cpSync(join(parent, n), join(inbox, n));
    const after = json([inbox]);
    expect(after.units.map((u) => [u.name, u.status, u.source, u.late])).toEqual(before);
    for (const f of after.files.filter((x) => x.path.startsWith(TITLE) || x.path.includes('（南昌市）')))
      expect(f).toMatchObject({ fate: 'not-a-submission' });
    // -o inside the inbox is refused with a reason.
    const inside = cli(['merge', inbox, '-o', join(inbox, 'out')]);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain('收件箱');
  }, 180_000);

  it('--force replaces its set and says what else of its own is in the folder', () => {
    const inbox = copiedInbox();
    const out = scratch();
    cli(['merge', inbox, '-o', out, '--format', 'xlsx,csv']);
    const again = cli(['merge', inbox, '-o', out, '--format', 'xlsx', '--force']);
    expect(again.stdout).toContain('还有本工具以前生成的其他文件');
    expect(again.stdout).toContain(`${TITLE}.csv`);
  }, 180_000);
});

describe('the one-page summary for a leader', () => {
  it('one A4 page: every unit with its verdict, figures and rank, who is not included, three charts; the 简报 sheet says the same', () => {
    const inbox = copiedInbox();
    const out = scratch();
    cli(['merge', inbox, '-o', out, '--format', 'xlsx,pdf']);
    const pdf = join(out, '南昌市2023年全民终身学习活动周简报.pdf');
    const wb = readWorkbook(readFileSync(join(out, `${TITLE}.xlsx`)));
    const sheet = wb.sheets[5]!;
    expect(sheet.name).toBe('简报');
    expect(sheet.rows.find((r) => r[0] === '西湖区')!.slice(0, 6)).toEqual(['西湖区', '有效（时间不明）', 52, 25000, 0.975, 1]);
    if (spawnSync('pdfinfo', ['-v']).error) return console.warn('poppler-utils not installed: the summary PDF is not checked');
    expect(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout).toMatch(/Pages:\s+1\n/);
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('全市共开展活动 270 场，参加 90,300 人次');
    expect(text).toMatch(/未计入合计：未报送：青云谱区；有误未计入：高新区；文件无法读取：湾里管理局/);
    for (const title of ['各单位参加人数（人次）', '各单位活动数量（场）', '收到材料的单位数']) expect(text).toContain(title);
    expect(text).toMatch(/西湖区\s+有效（时间不明）\s+52\s+25,000\s+97\.5%\s+1\s/);
  }, 180_000);
});

describe('the campaign’s theme', () => {
  it('a 活动主题 that differs from this year’s (last year’s form copied over) gets a 提醒, not an error', () => {
    const dir = scratch();
    const file = join(dir, '东湖区.yaml');
    writeFileSync(
      file,
      readFileSync(fixture('sample', '东湖区.yaml'), 'utf8').replace(/活动主题: .*/, '活动主题: 全民终身学习 助力城市发展'),
    );
    const r = cli(['validate', '--json', file]);
    const issues = (
      JSON.parse(r.stdout) as { files: Array<{ status: string; issues: Array<{ code: string; severity: string; message: string }> }> }
    ).files[0]!;
    expect(issues.status).toBe('valid');
    const theme = issues.issues.find((i) => i.code === 'inbox.themeDiffers')!;
    expect(theme.severity).toBe('warning');
    expect(theme.message).toContain('让学习成为一种生活方式');
  });
});

// LibreOffice Calc converts the workbook (Debian: libreoffice-calc-nogui; .ci/run installs it).
const soffice = spawnSync('soffice', ['--version']).error || !existsSync('/usr/lib/libreoffice/program/libsclo.so') ? undefined : 'soffice';
describe.skipIf(!soffice)('the workbook as LibreOffice prints it', () => {
  if (!soffice)
    console.warn('LibreOffice Calc not installed: the printed workbook is not checked (apt-get install libreoffice-calc-nogui)');
  const inbox = copiedInbox();
  const out = scratch();
  cli(['merge', inbox, '-o', out]);
  const xlsx = join(out, `${TITLE}.xlsx`);

  it('汇总 of 12 units on at most 2 A4 pages, every unit name whole, page header and numbers', () => {
    const profile = `-env:UserInstallation=file://${scratch()}`;
    spawnSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', out, xlsx], { timeout: 120_000 });
    const pdf = join(out, `${TITLE}.pdf`);
    const pages = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.split('\f');
    const summaryPages = pages.filter((p) => /活动周汇总\s+汇总/.test(p));
    expect(summaryPages.length).toBeGreaterThanOrEqual(1);
    expect(summaryPages.length).toBeLessThanOrEqual(2);
    const text = summaryPages.join('\n');
    for (const name of ['东湖区', '青云谱区', '湾里管理局', '经开区教育事业发展中心']) expect(text).toContain(name);
    expect(text).toMatch(/第 1 页，共 \d+ 页/);
    expect(text).toContain('计入合计');
  }, 180_000);

  it('the totals are formulas: edit a unit’s cell and LibreOffice recomputes them', async () => {
    const { unzipSync, zipSync } = await import('fflate');
    const files = unzipSync(readFileSync(xlsx));
    const dec = new TextDecoder();
    let sheet = dec.decode(files['xl/worksheets/sheet1.xml']);
    const wb = readWorkbook(readFileSync(xlsx));
    const col = wb.sheets[0]!.rows[0]!.indexOf('全区参与活动的数量');
    const letter = String.fromCharCode(65 + col);
    // 东湖区 is row 2: 36 → 100; drop the cached totals so LibreOffice must compute them.
    sheet = sheet.replace(new RegExp(`(<c r="${letter}2"[^>]*><v>)36(</v>)`), '$1100$2').replace(/(<f>[^<]*<\/f>)<v>[^<]*<\/v>/g, '$1');
    files['xl/worksheets/sheet1.xml'] = new TextEncoder().encode(sheet);
    const edited = join(out, 'edited.xlsx');
    writeFileSync(edited, zipSync(files));
    spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${scratch()}`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1',
        '--outdir',
        out,
        edited,
      ],
      { timeout: 120_000 },
    );
    const csv = readFileSync(join(out, 'edited.csv'), 'utf8').split(/\r?\n/);
    const total = csv.find((l) => l.startsWith('"合计"'))!.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    expect(Number(total[col]!.replace(/[",]/g, ''))).toBe(270 - 36 + 100);
  }, 180_000);
});
