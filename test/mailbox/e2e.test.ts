/**
 * The mailbox loop end to end, with the built CLI: fetch from a real dovecot → validate → remind.
 * The reminders name exactly the units and the problems that validate reported.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dovecotMissing, startDovecot, type Dovecot } from '../../scripts/lib/dovecot.mjs';
import { cli, fixture, tempDir } from '../helpers.js';

const missing = dovecotMissing();
if (missing) console.warn(`SKIPPED the fetch → validate → remind test: ${missing}`);

const USER = 'jxedusqjy@163.com';
const PASSWORD = 'e2e-授权码';

describe.skipIf(Boolean(missing))('fetch → validate → remind', () => {
  let server: Dovecot;
  let root: string;
  beforeAll(async () => {
    root = tempDir('lw-loop-');
    server = await startDovecot({ users: [{ user: USER, password: PASSWORD }] });
    const mails: Array<[string, string]> = [
      ['东湖区材料.eml', '2023-11-28T16:42:10+08:00'],
      ['青山湖区.eml', '2023-11-29T17:30:00+08:00'],
      ['安义县活动周材料.eml', '2023-12-02T11:20:00+08:00'],
      ['进贤县统计表修改版.eml', '2023-11-29T10:05:33+08:00'],
      ['高新区报送材料.eml', '2023-11-30T16:08:45+08:00'],
    ];
    for (const [name, at] of mails) server.addMessage(USER, readFileSync(fixture('inbox', name)), { date: new Date(at) });
  });
  afterAll(async () => {
    await server?.cleanup();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('reminds exactly the units validate calls missing, invalid, late or incomplete, with the same errors', () => {
    const inbox = join(root, '收件箱');
    const env = { LIFELONG_WEEK_IMAP_PASSWORD: PASSWORD, LIFELONG_WEEK_TODAY: '2023-12-04', LIFELONG_WEEK_CACHE: join(root, 'cache') };
    const f = cli(['fetch', inbox, '--imap', `127.0.0.1:${server.port}`, '--insecure'], { env });
    expect(f.code, f.stderr).toBe(0);
    expect(f.stdout).toContain('新收 5 封');

    // remind looks at the seal of every stamped scan: validate here does the same (the seal alone, no OCR add-on).
    const v = cli(['validate', inbox, '--json', '--check-scans'], { env: { ...env, LIFELONG_WEEK_OCR_DIR: join(root, 'no-ocr') } });
    expect(v.code).toBe(1);
    const report = JSON.parse(v.stdout) as {
      units: Array<{
        name: string;
        status: string;
        late: boolean;
        source: string | null;
        pieces: Record<string, boolean>;
        unusable: string[];
        scan?: { seal: string };
      }>;
      files: Array<{ path: string; issues: Array<{ severity: string; label?: string; message: string }> }>;
    };
    // The fetched mails were attributed as the hand-saved ones are.
    expect(report.units.find((u) => u.name === '高新区')).toMatchObject({ status: 'invalid', late: false });
    expect(report.units.find((u) => u.name === '安义县')).toMatchObject({ status: 'valid', late: true });
    expect(report.units.find((u) => u.name === '东湖区')).toMatchObject({
      status: 'valid',
      late: false,
      pieces: { form: true, stampedScan: true, workPlan: true, workSummary: true },
    });

    const r = cli(['remind', inbox, '--json', '-o', join(root, '催报')], { env, cwd: root });
    expect(r.code, r.stderr).toBe(0);
    const reminders = JSON.parse(r.stdout).reminders as Array<{
      unit: string;
      reasons: string[];
      errors: Array<{ label?: string; message: string; file: string }>;
      source: string | null;
      to: string | null;
    }>;

    const expectedUnits = report.units.filter(
      (u) =>
        u.status !== 'valid' ||
        u.late ||
        Object.values(u.pieces).some((p) => !p) ||
        u.unusable.length ||
        (u.scan && u.scan.seal !== 'found'),
    );
    expect(reminders.map((x) => x.unit)).toEqual(expectedUnits.map((u) => u.name));
    // 东湖区 sent everything on time; its scan has no colour, so only a colour scan is asked for.
    expect(reminders.find((x) => x.unit === '东湖区')!.reasons).toEqual(['scan']);
    for (const u of expectedUnits) {
      const x = reminders.find((y) => y.unit === u.name)!;
      expect(x.reasons.includes('missing')).toBe(u.status === 'missing');
      expect(x.reasons.includes('invalid')).toBe(u.status === 'invalid');
      expect(x.reasons.includes('late')).toBe(u.late);
      const errors =
        u.status === 'invalid' ? report.files.find((file) => file.path === u.source)!.issues.filter((i) => i.severity === 'error') : [];
      expect(x.errors.map((e) => [e.label, e.message])).toEqual(errors.map((e) => [e.label, e.message]));
    }
    // The senders of the fetched mails are the addresses.
    expect(reminders.find((x) => x.unit === '高新区')!.to).toBe('gxqjyzx@163.com');
    expect(reminders.find((x) => x.unit === '安义县')!.to).toBe('ayxjtj@126.com');
  });
});
