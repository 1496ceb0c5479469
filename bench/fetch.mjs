// Figures for `fetch`: 1,000 mails of ~100 KB each (a form and a scan as base64 attachments) in a
// local dovecot (scripts/lib/dovecot.mjs, started and stopped here) — the built CLI's first run
// (wall time, peak RSS), a rerun with nothing new, and, measured in the same run against the same
// server, the raw IMAP transfer: one client fetching every BODY.PEEK[] and discarding it.
// Reports only; never gates the tests. Skips with a reason where dovecot is not installed.
//   node bench/fetch.mjs        (BENCH_FETCH_MAILS=1000 by default)
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImapFlow } from 'imapflow';
import { dovecotMissing, startDovecot } from '../scripts/lib/dovecot.mjs';
import { UNITS } from './roster.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const measure = join(root, 'bench', 'measure.mjs');
const count = Number(process.env.BENCH_FETCH_MAILS ?? 1000);
const USER = 'jxedusqjy@163.com';
const PASSWORD = 'bench-授权码';

const missing = dovecotMissing();
if (missing) {
  console.log(`fetch: skipped (${missing})`);
  process.exit(0);
}

const units = UNITS;
const b64 = (buf) => buf.toString('base64').replace(/.{76}/g, '$&\r\n');
const encWord = (s) => `=?UTF-8?B?${Buffer.from(s).toString('base64')}?=`;

function mail(i) {
  const unit = units[i % units.length];
  const boundary = `----=_lw_bench_${i}`;
  const date = new Date(Date.parse('2023-11-20T09:00:00+08:00') + i * 600_000);
  return Buffer.from(
    [
      `From: ${encWord(`${unit}教体局`)} <u${i % units.length}@163.com>`,
      `To: ${USER}`,
      `Subject: ${encWord(`${unit}2023年全民终身学习活动周材料报送（第${i}封）`)}`,
      `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
      `Message-ID: <bench-${i}@lifelong-week.test>`,
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      b64(Buffer.from(`${unit}的统计表和盖章扫描件见附件。`)),
      `--${boundary}`,
      `Content-Type: application/pdf; name="${encWord(`${unit}统计表（盖章）.pdf`)}"`,
      'Content-Transfer-Encoding: base64',
      `Content-Disposition: attachment; filename="${encWord(`${unit}统计表（盖章）.pdf`)}"`,
      '',
      b64(randomBytes(74_000)),
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
}

const server = await startDovecot({ users: [{ user: USER, password: PASSWORD }] });
const work = mkdtempSync(join(tmpdir(), 'lw-bench-fetch-'));
try {
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const m = mail(i);
    bytes += m.length;
    server.addMessage(USER, m, { date: new Date(Date.parse('2023-11-20T09:00:00+08:00') + i * 600_000) });
  }

  // The raw transfer: the same server, one client, every message's BODY.PEEK[] read and dropped.
  const raw = async () => {
    const t = process.hrtime.bigint();
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: server.port,
      secure: true,
      tls: { rejectUnauthorized: false },
      auth: { user: USER, pass: PASSWORD },
      logger: false,
    });
    await client.connect();
    await client.mailboxOpen('INBOX', { readOnly: true });
    let n = 0;
    for await (const m of client.fetch('1:*', { uid: true, source: true, internalDate: true, envelope: true }, { uid: true }))
      n += m.source ? 1 : 0;
    await client.logout();
    if (n !== count) throw new Error(`raw transfer read ${n} of ${count}`);
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  await raw(); // dovecot builds its index on first access: not part of either figure
  const rawMs = await raw();

  const run = (dir) => {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [measure, 'fetch', dir, '--imap', `127.0.0.1:${server.port}`, '--insecure', '--json'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      env: { ...process.env, LIFELONG_WEEK_IMAP_PASSWORD: PASSWORD },
    });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0) throw new Error(`fetch exited ${r.status}: ${r.stderr}`);
    const rss = Number(/__maxrss_kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
    const cpu = Number(/__cpu_ms=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
    return { ms, rss, cpu, summary: JSON.parse(r.stdout).summary };
  };
  const inbox = join(work, '收件箱');
  const first = run(inbox);
  if (first.summary.new !== count) throw new Error(`expected ${count} new, got ${JSON.stringify(first.summary)}`);
  const saved = readdirSync(inbox).filter((f) => f.endsWith('.eml')).length;
  const again = run(inbox);
  if (again.summary.new !== 0) throw new Error(`rerun fetched ${again.summary.new}`);

  const mb = (bytes / 1024 / 1024).toFixed(0);
  // The machine's load shows in every wall time: a bare node start, for scale.
  const t0 = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  const bare = Number(process.hrtime.bigint() - t0) / 1e6;
  const rows = [
    [`raw IMAP transfer of ${count} mails (${mb} MB, one client)`, `${(rawMs / 1000).toFixed(2)} s`, ''],
    [
      `fetch ${count} mails (~${Math.round(bytes / count / 1024)} KB each), first run`,
      `${(first.ms / 1000).toFixed(2)} s = ${(first.ms / rawMs).toFixed(2)}× raw (CPU ${(first.cpu / 1000).toFixed(2)} s), peak RSS ${first.rss.toFixed(0)} MB, ${saved} files`,
      '≤ 2× raw',
    ],
    [
      'fetch again, nothing new',
      `${(again.ms / 1000).toFixed(2)} s (CPU ${(again.cpu / 1000).toFixed(2)} s), peak RSS ${again.rss.toFixed(0)} MB`,
      '< 1 s',
    ],
    ['node -e 0 (machine load, for scale)', `${bare.toFixed(0)} ms`, ''],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [what, value, target] of rows) console.log(`${what.padEnd(width)}  ${value}${target ? `   (target ${target})` : ''}`);
} finally {
  await server.cleanup();
  rmSync(work, { recursive: true, force: true });
}
