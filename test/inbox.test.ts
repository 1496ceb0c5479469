/**
 * The whole sample inbox end to end: the built CLI on fixtures/inbox must report exactly
 * what fixtures/inbox.expected.json says — every file's fate (mail and archive parts included),
 * unit, status and piece, and every roster unit's status, lateness, source, pieces and key values.
 */
import { cpSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture, tempDir } from './helpers.js';

interface ExpectedFile {
  path: string;
  fate: string;
  unit?: string;
  status?: string;
  kind?: string;
  receivedAt?: string;
  mtime?: string;
}
interface ExpectedUnit {
  name: string;
  status: string;
  late: boolean;
  source: string | null;
  pieces: Record<string, boolean>;
  data?: Record<string, number>;
}
const expected = JSON.parse(readFileSync(fixture('inbox.expected.json'), 'utf8')) as { files: ExpectedFile[]; units: ExpectedUnit[] };

/** A copy of the inbox with the file times the story gives (git keeps none). */
function inbox(): string {
  const dir = join(tempDir(), '收件箱');
  cpSync(fixture('inbox'), dir, { recursive: true });
  for (const f of expected.files) if (f.mtime && !f.path.includes('!')) utimesSync(join(dir, f.path), new Date(f.mtime), new Date(f.mtime));
  return dir;
}

describe('validate <the sample inbox>', () => {
  const r = cli(['validate', '--json', inbox()]);
  const report = JSON.parse(r.stdout) as {
    files: Array<{
      path: string;
      fate: string;
      unit?: string;
      status?: string;
      attachment?: string;
      receivedAt?: string;
      issues: Array<{ code: string; severity: string }>;
    }>;
    units: Array<{
      name: string;
      status: string;
      late: boolean;
      source: string | null;
      pieces: Record<string, boolean>;
      data: Record<string, Record<string, unknown>> | null;
    }>;
  };

  it('exits 1: not every unit is valid and on time', () => expect(r.code).toBe(1));

  it('lists every file exactly once, parts of mails and archives included', () => {
    expect(report.files.map((f) => f.path).sort()).toEqual(expected.files.map((f) => f.path).sort());
  });

  it.each(expected.files.map((f) => [f.path, f] as const))('%s', (path, want) => {
    const got = report.files.find((f) => f.path === path)!;
    expect({ fate: got.fate, unit: got.unit, status: got.status, kind: got.attachment }).toEqual({
      fate: want.fate,
      unit: want.unit,
      status: want.status,
      kind: want.kind,
    });
    if (want.receivedAt) expect(Date.parse(got.receivedAt!)).toBe(Date.parse(want.receivedAt));
  });

  it.each(expected.units.map((u) => [u.name, u] as const))('unit %s', (name, want) => {
    const got = report.units.find((u) => u.name === name)!;
    expect({ status: got.status, late: got.late, source: got.source, pieces: got.pieces }).toEqual({
      status: want.status,
      late: want.late,
      source: want.source,
      pieces: want.pieces,
    });
    if (want.data) expect(got.data?.participation).toMatchObject(want.data);
  });

  it('lists the roster in roster order', () => expect(report.units.map((u) => u.name)).toEqual(expected.units.map((u) => u.name)));

  it('the invalid unit says why, field by field', () => {
    const gaoxin = report.files.find((f) => f.unit === '高新区' && f.fate === 'submission')!;
    expect(
      gaoxin.issues
        .filter((i) => i.severity === 'error')
        .map((i) => i.code)
        .sort(),
    ).toEqual(['count.vague', 'date.vague']);
  });

  it('the human report shows the roster table and what to chase', () => {
    const text = cli(['validate', inbox()]).stdout;
    expect(text).toContain('报送情况（名册 12 个单位');
    expect(text).toMatch(/未报送：青云谱区；收到文件但无法读取：湾里管理局/);
    expect(text).toMatch(/逾期：安义县/);
  });
});

describe('inbox details', () => {
  it('times are in the campaign’s zone; superseded files say what replaced them; a unit that sent only unusable files says so', () => {
    const dir = join(tempDir(), '收件箱');
    cpSync(fixture('inbox'), dir, { recursive: true });
    for (const f of expected.files)
      if (f.mtime && !f.path.includes('!')) utimesSync(join(dir, f.path), new Date(f.mtime), new Date(f.mtime));
    const report = JSON.parse(cli(['validate', '--json', dir]).stdout) as {
      files: Array<{ path: string; receivedAt?: string; supersededBy?: string; unit?: string; fate: string }>;
      units: Array<{ name: string; status: string; unusable: string[] }>;
      summary: { units: Record<string, number> };
    };
    expect(report.files.find((f) => f.path === '东湖区材料.eml')?.receivedAt).toBe('2023-11-28T16:42:10+08:00');
    expect(report.files.find((f) => f.path === '进贤县统计表.docx')?.supersededBy).toBe(
      '进贤县统计表修改版.eml!进贤县统计表（修改版）.docx',
    );
    expect(report.units.find((u) => u.name === '湾里管理局')).toMatchObject({ status: 'unreadable', unusable: ['湾里管理局材料.rar'] });
    expect(report.summary.units).toEqual({
      total: 12,
      validOnTime: 8,
      valid: 9,
      invalid: 1,
      missing: 1,
      unreadable: 1,
      ambiguous: 0,
      late: 1,
      corrected: 0,
      timeUnknown: 0,
      included: 9,
    });
    expect(cli(['validate', dir]).stdout).toContain('湾里管理局：收到 1 个文件，均无法读取为统计表');
  });
});
