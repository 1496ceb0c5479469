/**
 * `remind` on the sample inbox: drafts as .eml (parsed back with mailparser), exactly the units and
 * problems `validate` reports, and `--send` to a real SMTP server on loopback (the smtp-server
 * package) whose received mails are parsed back.
 */
import { cpSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliAsync, expectNoStackTrace, fixture, tempDir } from '../helpers.js';

const expected = JSON.parse(readFileSync(fixture('inbox.expected.json'), 'utf8')) as { files: Array<{ path: string; mtime?: string }> };
const TODAY = '2023-11-29';
const SMTP_PASSWORD = 'smtp-授权码-Q7';

/** The sample inbox with its story's file times, in a temp folder. */
function sampleInbox(root: string): string {
  const dir = join(root, '收件箱');
  cpSync(fixture('inbox'), dir, { recursive: true });
  for (const f of expected.files) if (f.mtime && !f.path.includes('!')) utimesSync(join(dir, f.path), new Date(f.mtime), new Date(f.mtime));
  return dir;
}

interface ValidateUnit {
  name: string;
  status: 'valid' | 'invalid' | 'missing';
  late: boolean;
  source: string | null;
  pieces: Record<string, boolean>;
  unusable: string[];
  scan?: { seal: string; reason?: string };
}

describe('remind: drafts from the same roll call as validate', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  // The scan cache of each test in its own folder: what remind says never depends on an earlier run.
  const envIn = (root: string) => ({ LIFELONG_WEEK_TODAY: TODAY, LIFELONG_WEEK_CACHE: join(root, 'cache') });

  it('writes one polite draft per unit to remind, naming exactly what validate reported', async () => {
    const root = tempDir('lw-remind-');
    dirs.push(root);
    const env = envIn(root);
    const inbox = sampleInbox(root);
    // The seal as remind looks at it (validate's --check-scans without the OCR add-on: the seal only).
    const v = cli(['validate', inbox, '--json', '--check-scans'], { env: { ...env, LIFELONG_WEEK_OCR_DIR: join(root, 'no-ocr') } });
    const report = JSON.parse(v.stdout) as {
      units: ValidateUnit[];
      files: Array<{ path: string; issues: Array<{ severity: string; label?: string; message: string }> }>;
    };
    // The sample's scans are all without colour: each of those units is asked for a colour scan.
    const scanAsked = report.units.filter((u) => u.scan && u.scan.seal !== 'found');
    expect(scanAsked.map((u) => u.name).sort()).toEqual(['东湖区', '新建区', '西湖区', '青山湖区', '高新区'].sort());
    const toRemind = report.units.filter(
      (u) => u.status !== 'valid' || u.late || Object.values(u.pieces).some((p) => !p) || u.unusable.length || scanAsked.includes(u),
    );
    rmSync(join(root, 'cache'), { recursive: true, force: true });

    const r = cli(['remind', inbox, '-o', join(root, '草稿')], { env, cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`需要催报或补正的单位（${toRemind.length} 个`);
    const drafts = readdirSync(join(root, '草稿')).sort();
    expect(drafts).toEqual(toRemind.map((u) => `催报-${u.name}.eml`).sort());

    const mails = new Map<string, ParsedMail>();
    for (const u of toRemind) mails.set(u.name, await simpleParser(readFileSync(join(root, '草稿', `催报-${u.name}.eml`))));
    for (const u of toRemind) {
      const m = mails.get(u.name)!;
      const text = m.text!;
      expect(m.from?.value[0]?.address).toBe('jxedusqjy@163.com');
      expect(m.headers.get('x-unsent')).toBe('1');
      expect(text).toMatch(/^.+(教育体育局|教育事业发展中心|教体办)：/);
      expect(text).toContain('报送截止时间为2023年11月30日（还有 1 天）');
      expect(text).toContain('万梦婷（市社区教育指导中心） 19979136126');
      if (u.status === 'missing') {
        expect(m.subject).toBe(`【催报】请报送2023年全民终身学习活动周材料（${u.name}）`);
        expect(text).toContain('尚未收到贵单位的报送材料');
        // Prefilled templates: the DOCX (a zip) and the YAML with the unit filled in.
        const names = m.attachments.map((a) => a.filename);
        expect(names).toEqual([
          `2023年全民终身学习活动开展情况统计表（${u.name}空白模板）.docx`,
          `2023年全民终身学习活动开展情况统计表（${u.name}空白模板）.yaml`,
        ]);
        expect(m.attachments[0]!.content.subarray(0, 2).toString()).toBe('PK');
        expect(m.attachments[1]!.content.toString('utf8')).toMatch(new RegExp(`举办县区: ${u.name}`));
      } else expect(m.attachments).toEqual([]);
      if (u.status === 'invalid') {
        // Every error of the counted form, with its file, label and the fix.
        const errors = report.files.find((f) => f.path === u.source)!.issues.filter((i) => i.severity === 'error');
        expect(errors.length).toBeGreaterThan(0);
        expect(text).toContain(`统计表「${u.source}」有 ${errors.length} 处需要更正`);
        for (const e of errors) {
          expect(text).toContain(`「${e.label}」`);
          expect(text).toContain(e.message);
        }
      }
      if (u.late) expect(text).toContain('晚于2023年11月30日的截止时间');
      for (const f of u.unusable) expect(text).toContain(f);
      if (scanAsked.includes(u)) {
        expect(m.subject).toBe(`【请补正】2023年全民终身学习活动周报送材料（${u.name}）`);
        expect(text).toMatch(
          /盖章扫描件「[^」]+」是(灰度扫描件|不带任何彩色的扫描件（灰度或黑白）)，公章的红色已经看不出来，无法确认是否盖章：请用「彩色」模式重新扫描盖章后的统计表发送。/,
        );
      } else expect(text).not.toContain('彩色');
    }
    // 东湖区 sent everything in time; only its scan is asked for again.
    expect(r.stdout).toMatch(/东湖区：扫描件：要彩色扫描件 → dhqjyj@163\.com/);
    // 高新区's two errors, as the notice's labels.
    expect(mails.get('高新区')!.text).toContain('「活动参与情况 › 参加活动人数」');
    // Addresses: the sender of the unit's latest mail; none → phone numbers in the list.
    const gxq = mails.get('高新区')!.to;
    expect(gxq && !Array.isArray(gxq) ? gxq.value[0]!.address : '').toBe('gxqjyzx@163.com');
    expect(r.stdout).toMatch(/青云谱区：未报送 → 无邮箱，请电话联系/);
    expect(r.stdout).toMatch(/西湖区：.*无邮箱，请电话联系：刘晓燕 0791-86512345/);

    // Drafts are never overwritten without --force.
    const again = cli(['remind', inbox, '-o', join(root, '草稿')], { env, cwd: root });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已存在');
    expect(expectNoStackTrace(again.stderr)).toBe(true);
    expect(cli(['remind', inbox, '-o', join(root, '草稿'), '--force'], { env, cwd: root }).code).toBe(0);
  });

  it('uses the roster email of the campaign before the sender; says so when nobody needs reminding', () => {
    const root = tempDir('lw-remind-');
    dirs.push(root);
    const env = envIn(root);
    const inbox = sampleInbox(root);
    const campaign = readFileSync(fixture('campaign', 'nanchang-2024.yaml'), 'utf8')
      .replace('year: 2024', 'year: 2023')
      .replace('window: { start: "2024-10-01", end: "2024-11-15" }', 'window: { start: "2023-11-01", end: "2023-11-30" }')
      .replace('deadline: "2024-11-20"', 'deadline: "2023-11-30"')
      .replace('theme: 学习新思想 奋进新征程', 'theme: 让学习成为一种生活方式')
      .replace(
        'aliases: [南昌高新区, 南昌高新技术产业开发区] }',
        'aliases: [南昌高新区, 南昌高新技术产业开发区], email: gxq-office@example.cn }',
      )
      .replace('mailbox: jxedusqjy@163.com', 'mailbox: { address: jxedusqjy@163.com, host: imap.163.com, smtp: { host: smtp.163.com } }');
    writeFileSync(join(root, 'campaign.yaml'), campaign);
    const r = cli(['remind', inbox, '--campaign', join(root, 'campaign.yaml'), '--json', '-o', join(root, 'out')], { env });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { reminders: Array<{ unit: string; to: string | null; toSource: string | null }> };
    expect(out.reminders.find((x) => x.unit === '高新区')).toMatchObject({ to: 'gxq-office@example.cn', toSource: 'roster' });
    expect(out.reminders.find((x) => x.unit === '进贤县')).toMatchObject({ to: 'jxxjtj@163.com', toSource: 'mail' });

    // A roster of one unit that sent everything in time: nobody to remind, nothing written.
    const one = campaign.replace(
      /roster:\n(?:  - .*\n)+/,
      'roster:\n  - { name: 东湖区, kind: district, department: 东湖区教育体育局, aliases: [东湖, 南昌市东湖区] }\n',
    );
    expect(one).not.toContain('西湖区');
    writeFileSync(join(root, 'one.yaml'), one);
    const only = join(root, 'only');
    cpSync(join(inbox, '东湖区材料.eml'), join(only, '东湖区材料.eml'));
    // Its mail's scan is without colour; a colour scan with the seal, sent afterwards, settles it (a seal on any scan counts).
    cpSync(fixture('scans', '东湖区-盖章扫描件.pdf'), join(only, '东湖区盖章扫描件（彩色）.pdf'));
    const none = cli(['remind', only, '--campaign', join(root, 'one.yaml'), '-o', join(root, 'none')], { env });
    expect(none.code, none.stderr).toBe(0);
    expect(none.stdout).toContain('所有单位都已按时报送、内容有效、材料齐全，不需要催报。');
    expect(readdirSync(root)).not.toContain('none');
  });

  it('asks for the seal when the colour scan has none, naming the file; in English without Chinese words but the names', async () => {
    const root = tempDir('lw-remind-');
    dirs.push(root);
    const env = envIn(root);
    const inbox = join(root, 'inbox');
    cpSync(fixture('inbox', '东湖区材料.eml'), join(inbox, '东湖区材料.eml'));
    cpSync(fixture('scans', '东湖区-扫描件-未盖章.pdf'), join(inbox, '东湖区扫描件.pdf'));
    const one = join(root, 'one.yaml');
    writeFileSync(
      one,
      readFileSync(fixture('campaign', 'nanchang-2024.yaml'), 'utf8')
        .replace('year: 2024', 'year: 2023')
        .replace('window: { start: "2024-10-01", end: "2024-11-15" }', 'window: { start: "2023-11-01", end: "2023-11-30" }')
        .replace('deadline: "2024-11-20"', 'deadline: "2023-11-30"')
        .replace('theme: 学习新思想 奋进新征程', 'theme: 让学习成为一种生活方式')
        .replace(
          /roster:\n(?:  - .*\n)+/,
          'roster:\n  - { name: 东湖区, kind: district, department: 东湖区教育体育局, aliases: [东湖, 南昌市东湖区] }\n',
        ),
    );
    const r = cli(['remind', inbox, '--campaign', one, '-o', join(root, 'zh')], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('东湖区：扫描件：扫描件未见公章 → dhqjyj@163.com');
    const zh = (await simpleParser(readFileSync(join(root, 'zh', '催报-东湖区.eml')))).text!;
    // The mail's grayscale scan and the colour one without a seal: the colour one is judged (it could show the seal).
    expect(zh).toContain('一、盖章扫描件「东湖区扫描件.pdf」上没有看到公章：请在打印的统计表上加盖公章，用彩色模式扫描后重新发送。');

    const en = cli(['remind', inbox, '--campaign', one, '-o', join(root, 'en'), '--lang', 'en'], { env });
    expect(en.code, en.stderr).toBe(0);
    const mail = await simpleParser(readFileSync(join(root, 'en', '催报-东湖区.eml')));
    expect(mail.text).toContain(
      '1. No seal on the stamped scan “东湖区扫描件.pdf”: stamp the printed form, scan it in colour and send it again.',
    );
    // Chinese only in names (units, departments, people, files) and in the centre's own name.
    const names = [
      '东湖区教育体育局',
      '东湖区扫描件',
      '东湖区',
      '南昌市社区教育指导中心',
      '市社区教育指导中心',
      '南昌市教育局',
      '南昌市',
      '万梦婷',
      '万 翾',
    ];
    let rest = `${mail.subject}\n${mail.text}\n${en.stdout}`;
    for (const n of names) rest = rest.split(n).join('');
    expect(rest.match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g) ?? []).toEqual([]);
  });
});

describe('remind --send to a real SMTP server on loopback', () => {
  let server: SMTPServer;
  let port = 0;
  const received: Array<{ from: string; to: string[]; raw: Buffer }> = [];
  let refuse = new Set<string>();
  const dirs: string[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      authMethods: ['PLAIN', 'LOGIN'],
      onAuth(auth, _session, cb) {
        if (auth.password === SMTP_PASSWORD) cb(null, { user: auth.username });
        else cb(new Error('535 Authentication failed'));
      },
      onRcptTo(address, _session, cb) {
        if (refuse.has(address.address)) cb(new Error('550 mailbox unavailable'));
        else cb();
      },
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks),
          });
          cb();
        });
      },
      logger: false,
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
  });
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  const send = (inbox: string, extra: string[] = [], password = SMTP_PASSWORD) =>
    cliAsync(['remind', inbox, '--send', '--yes', '--smtp', `127.0.0.1:${port}`, '--starttls', '--insecure', ...extra], {
      LIFELONG_WEEK_TODAY: TODAY,
      LIFELONG_WEEK_SMTP_PASSWORD: password,
      LIFELONG_WEEK_CACHE: join(inbox, '..', 'cache'),
    });

  it('sends the same mails as the drafts, keeps a sent log, does not remind twice the same day, reports a failed unit and sends the rest', async () => {
    const root = tempDir('lw-send-');
    dirs.push(root);
    const inbox = sampleInbox(root);
    // Drafts first: the sent mails must be these very bytes.
    expect(
      cli(['remind', inbox, '-o', join(root, 'drafts')], { env: { LIFELONG_WEEK_TODAY: TODAY, LIFELONG_WEEK_CACHE: join(root, 'cache') } })
        .code,
    ).toBe(0);

    received.length = 0;
    refuse = new Set(['ayxjtj@126.com']);
    const r = await send(inbox);
    expect(r.code).toBe(1); // one unit failed
    expect(r.stderr).toContain('发送失败：安义县 → ayxjtj@126.com');
    expect(r.stderr).toContain('未发送：青云谱区 没有邮箱，请电话联系');
    expect(r.stdout).toContain('已发送：高新区 → gxqjyzx@163.com');
    const to = received.map((m) => m.to[0]).sort();
    expect(to).toEqual(['dhqjyj@163.com', 'gxqjyzx@163.com', 'jxxjtj@163.com', 'qshsqxy@126.com']);
    for (const m of received) {
      const unit = (
        { 'dhqjyj@163.com': '东湖区', 'gxqjyzx@163.com': '高新区', 'jxxjtj@163.com': '进贤县', 'qshsqxy@126.com': '青山湖区' } as Record<
          string,
          string
        >
      )[m.to[0]!]!;
      const draft = readFileSync(join(root, 'drafts', `催报-${unit}.eml`));
      expect(m.raw.toString('utf8').replace(/\r\n/g, '\n').trim()).toBe(draft.toString('utf8').replace(/\r\n/g, '\n').trim());
      const parsed = await simpleParser(m.raw);
      expect(parsed.subject).toContain(unit);
      expect(m.from).toBe('jxedusqjy@163.com');
    }
    const log = JSON.parse(readFileSync(join(inbox, '.lifelong-week-remind.json'), 'utf8'));
    expect(log.sent.map((s: { unit: string }) => s.unit).sort()).toEqual(['东湖区', '进贤县', '青山湖区', '高新区'].sort());

    // The same day, the same reasons: only the failed one goes now.
    received.length = 0;
    refuse = new Set();
    const again = await send(inbox);
    expect(again.code, again.stderr).toBe(0);
    expect(received.map((m) => m.to[0])).toEqual(['ayxjtj@126.com']);
    expect(again.stderr).toContain('今天已因同样的原因给 高新区 发过催报邮件');
    // --force sends again.
    received.length = 0;
    expect((await send(inbox, ['--force'])).code).toBe(0);
    expect(received).toHaveLength(5);
  });

  it('a wrong password sends nothing and says 授权码 for NetEase; no terminal and no --yes asks for confirmation', async () => {
    const root = tempDir('lw-send-');
    dirs.push(root);
    const inbox = sampleInbox(root);
    received.length = 0;
    const r = await send(inbox, ['--user', 'jxedusqjy@163.com'], 'not-the-password');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('登录被拒绝');
    expect(r.stderr).toContain('授权码');
    expect(r.stderr + r.stdout).not.toContain('not-the-password');
    expect(received).toHaveLength(0);
    expect(expectNoStackTrace(r.stderr)).toBe(true);

    const noYes = await cliAsync(['remind', inbox, '--send', '--smtp', `127.0.0.1:${port}`, '--starttls', '--insecure'], {
      LIFELONG_WEEK_TODAY: TODAY,
      LIFELONG_WEEK_SMTP_PASSWORD: SMTP_PASSWORD,
    });
    expect(noYes.code).toBe(2);
    expect(noYes.stderr).toContain('--yes');
    expect(received).toHaveLength(0);
  });
});

describe('what a reminder asks of the stamped scan (pure: the words from the scan check)', () => {
  it('names every field that differs from the electronic form and asks for a scan of the final form; asks for the seal too when there is none', async () => {
    const { NANCHANG_2023 } = await import('../../src/campaign/campaign.js');
    const { scanRequest, scanLines, chaseBrief } = await import('../../src/report/verdict.js');
    const { reminderText } = await import('../../src/mailbox/reminder.js');
    const diffs = [
      { field: 'participation.participantCount', label: '活动参与情况 › 参加活动人数', electronic: '12000', scan: '9800', page: 1 },
      { field: 'reach.satisfaction', label: '活动的群众性 › 群众满意度', electronic: '98%', scan: '96%', page: 2 },
    ];
    const scan = (seal: 'found' | 'notFound') => ({
      file: '东湖区材料.eml!东湖区盖章扫描件.pdf',
      seal,
      seals: [],
      figuresCheck: { status: 'differ' as const, diffs, same: [], unread: [] },
    });
    const request = scanRequest({ status: 'valid', scan: scan('found') })!;
    expect(request).toMatchObject({ file: '东湖区盖章扫描件.pdf', ask: null });
    const unitCase = {
      name: '东湖区',
      department: '东湖区教育体育局',
      reasons: ['scan' as const],
      source: '东湖区材料.eml!东湖区统计表.docx',
      receivedAt: null,
      errors: [],
      missingPieces: [],
      unusable: [],
      email: 'dhqjyj@163.com',
      emailFrom: 'mail' as const,
      phones: [],
      versions: [],
      scan: request,
    };
    const mail = reminderText(unitCase, NANCHANG_2023, new Date('2023-11-29T02:00:00Z'), 'zh');
    expect(mail.subject).toBe('【请补正】2023年全民终身学习活动周报送材料（东湖区）');
    expect(mail.body).toContain(
      [
        '一、盖章扫描件「东湖区盖章扫描件.pdf」与统计表电子版有 2 处不一致，可能扫描的是修改前的打印稿：',
        '    1. 「活动参与情况 › 参加活动人数」：电子版为「12000」，扫描件第 1 页为「9800」',
        '    2. 「活动的群众性 › 群众满意度」：电子版为「98%」，扫描件第 2 页为「96%」',
        '    请核对：如电子版是最终稿，请打印最终稿、加盖公章、扫描后重新发送；如扫描件是对的，请改正电子版后重新发送。',
      ].join('\n'),
    );
    // No seal and older figures: both asked, the seal first.
    const both = scanLines(scanRequest({ status: 'valid', scan: scan('notFound') })!, 'zh');
    expect(both.lines).toEqual([
      '盖章扫描件「东湖区盖章扫描件.pdf」上没有看到公章：请在打印的统计表上加盖公章，用彩色模式扫描后重新发送。',
      '盖章扫描件「东湖区盖章扫描件.pdf」与统计表电子版有 2 处不一致，可能扫描的是修改前的打印稿：',
    ]);
    // The table's few words (serve's 汇总).
    const unit = {
      name: '东湖区',
      status: 'valid',
      late: false,
      pieces: { form: true, wordForm: true, stampedScan: true, workPlan: true, workSummary: true },
      unusable: [],
      received: [],
      versions: [],
      receivedAt: null,
      receivedFrom: null,
      scan: scan('notFound'),
    };
    expect(chaseBrief(unit as never, NANCHANG_2023, 'zh')).toBe('扫描件未见公章；扫描件与电子版 2 处不一致');
    expect(chaseBrief(unit as never, NANCHANG_2023, 'en')).toBe('no seal on the scan; scan differs in 2 place(s)');
    const en = reminderText(unitCase, NANCHANG_2023, new Date('2023-11-29T02:00:00Z'), 'en');
    expect(en.body).toContain('1. “活动参与情况 › 参加活动人数”: “12000” in the electronic form, “9800” on the scan (page 1)');
  });
});
