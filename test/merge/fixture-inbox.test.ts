/**
 * merge over the sample inbox (fixtures/inbox, outcome in fixtures/inbox.expected.json): the roster
 * in the workbook is the expected one, the totals are the valid units' sums, every file and every
 * part of a mail or an archive is in 文件清单, and the exit code is the expected one.
 */
import { cpSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/core/io.js';
import { runMerge } from '../../src/commands/merge.js';
import { fixture, tempDir } from '../helpers.js';
import { readWorkbook } from './xlsx.js';

interface Expected {
  files: Array<{ path: string; mtime?: string }>;
  units: Array<{
    name: string;
    status: 'valid' | 'invalid' | 'missing' | 'unreadable';
    late: boolean;
    data?: { activityCount?: number; participantCount?: number };
  }>;
  summary: { exitCode: number };
}
const expected = JSON.parse(readFileSync(fixture('inbox.expected.json'), 'utf8')) as Expected;
const STATUS = { valid: '有效', invalid: '有误', missing: '未报送', unreadable: '收到 1 个文件，均无法读取为统计表' } as const;

describe('merge fixtures/inbox', () => {
  let code: number;
  let wb: ReturnType<typeof readWorkbook>;
  beforeAll(async () => {
    // A copy with the intended file times (git keeps none): scripts/inbox-times.mjs does the same.
    const inbox = join(tempDir('lw-merge-fixture-'), 'inbox');
    cpSync(fixture('inbox'), inbox, { recursive: true });
    for (const f of expected.files) if (f.mtime) utimesSync(join(inbox, ...f.path.split('/')), new Date(f.mtime), new Date(f.mtime));
    const out = join(inbox, '..', 'out');
    const io: Io = { lang: 'zh', color: false, out: () => undefined, err: () => undefined };
    code = await runMerge(inbox, { format: 'xlsx', output: out, progress: false }, io);
    wb = readWorkbook(readFileSync(join(out, '南昌市2023年全民终身学习活动周汇总.xlsx')));
  }, 60_000);

  it('报送情况 matches the expected roll-call', () => {
    const rows = wb.sheets[1]!.rows.slice(1);
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual(
      expected.units.map((u) => [u.name, u.late ? `${STATUS[u.status]}（逾期）` : STATUS[u.status], u.status === 'valid' ? '是' : '否']),
    );
  });

  it('totals are the sums of the valid units', () => {
    const s = wb.sheets[0]!;
    const valid = expected.units.filter((u) => u.status === 'valid');
    const totals = s.rows[1 + expected.units.length]!;
    expect(totals[0]).toBe('合计');
    expect(totals[s.rows[0]!.indexOf('全区参与活动的数量')]).toBe(valid.reduce((n, u) => n + (u.data?.activityCount ?? 0), 0));
    expect(totals[s.rows[0]!.indexOf('参加活动人数')]).toBe(valid.reduce((n, u) => n + (u.data?.participantCount ?? 0), 0));
  });

  it('every file, and every part of a mail or an archive, is in 文件清单', () => {
    const listed = new Set(wb.sheets[3]!.rows.slice(1).map((r) => r[0]));
    expect(expected.files.map((f) => f.path).filter((p) => !listed.has(p))).toEqual([]);
  });

  it('exits as expected', () => expect(code).toBe(expected.summary.exitCode));
});
