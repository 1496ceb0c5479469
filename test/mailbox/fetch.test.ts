/**
 * `fetch` against a real IMAP server: Debian's dovecot started by the test on 127.0.0.1 (free ports,
 * throwaway config, certificate made now), messages from fixtures/inbox/*.eml. Skips with a visible
 * reason where dovecot is not installed (`.ci/run` installs it).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { parse } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dovecotMissing, startDovecot, type Dovecot } from '../../scripts/lib/dovecot.mjs';
import { BIN, cli, cliAsync, expectNoStackTrace, fixture, tempDir } from '../helpers.js';

const missing = dovecotMissing();
if (missing) console.warn(`SKIPPED fetch tests against a real IMAP server: ${missing}`);

const PASSWORD = 'secret-授权码-Xy9';
const USER = 'jxedusqjy@163.com';
/** The sample inbox's mails, with the time each reached the mailbox (fixtures/inbox.README.md). */
const MAILS: Array<[string, string]> = [
  ['东湖区材料.eml', '2023-11-28T16:42:10+08:00'],
  ['青山湖区.eml', '2023-11-29T17:30:00+08:00'],
  ['安义县活动周材料.eml', '2023-12-02T11:20:00+08:00'],
  ['进贤县统计表修改版.eml', '2023-11-29T10:05:33+08:00'],
  ['高新区报送材料.eml', '2023-11-30T16:08:45+08:00'],
];

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const emls = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort();

describe.skipIf(Boolean(missing))('fetch from a real IMAP server (dovecot)', () => {
  let server: Dovecot;
  const dirs: string[] = [];
  const env = () => ({ LIFELONG_WEEK_IMAP_PASSWORD: PASSWORD });
  const base = () => ['--imap', `127.0.0.1:${server.port}`, '--user', USER, '--insecure'];
  const fetchTo = (dir: string, ...args: string[]) => cli(['fetch', dir, ...base(), ...args], { env: env() });
  const newDir = () => {
    const d = tempDir('lw-fetch-');
    dirs.push(d);
    return join(d, '收件箱');
  };

  /** Flags and count of every message, as another client sees them (read-only). */
  async function snapshot(mailbox = 'INBOX') {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: server.port,
      secure: true,
      tls: { rejectUnauthorized: false },
      auth: { user: USER, pass: PASSWORD },
      logger: false,
    });
    await client.connect();
    try {
      const box = await client.mailboxOpen(mailbox, { readOnly: true });
      const out: Record<number, { flags: string[]; body: string }> = {};
      if (box.exists)
        for await (const m of client.fetch('1:*', { uid: true, flags: true, source: true }, { uid: true }))
          out[m.uid] = { flags: [...(m.flags ?? [])].sort(), body: sha(m.source!) };
      return { exists: box.exists, uidValidity: String(box.uidValidity), messages: out };
    } finally {
      await client.logout();
    }
  }

  beforeAll(async () => {
    server = await startDovecot({ users: [{ user: USER, password: PASSWORD }] });
    for (const [i, [name, at]] of MAILS.entries())
      server.addMessage(USER, readFileSync(fixture('inbox', name)), { date: new Date(at), seen: i % 2 === 0 });
    // A mail from before the campaign: not fetched by default.
    server.addMessage(USER, Buffer.from('From: a@b.cn\r\nSubject: old\r\nMessage-ID: <old@b.cn>\r\n\r\nold\r\n'), {
      date: new Date('2023-10-01T09:00:00+08:00'),
    });
    // A Chinese folder (modified UTF-7 on the server).
    server.addMessage(USER, readFileSync(fixture('inbox', '东湖区材料.eml')), {
      date: new Date('2023-11-28T16:42:10+08:00'),
      folder: '&XfJT0ZAB-',
    });
  });
  afterAll(async () => {
    await server?.cleanup();
  });
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('saves the exact bytes of every campaign mail, read-only, after sending ID between LOGIN and EXAMINE', async () => {
    const before = await snapshot();
    const dir = newDir();
    const r = fetchTo(dir, '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toEqual({ found: 5, new: 5, alreadyHad: 0 });
    const after = await snapshot();
    // Nothing changed on the server: the same count, the same flags (unread mails still unread).
    expect(after).toEqual(before);
    expect(Object.values(before.messages).some((m) => !m.flags.includes('\\Seen'))).toBe(true);

    // Each file is BODY[] as the server holds it, its time the INTERNALDATE.
    const files = emls(dir);
    expect(files).toHaveLength(5);
    const serverHashes = new Set(Object.values(before.messages).map((m) => m.body));
    for (const f of files) expect(serverHashes.has(sha(readFileSync(join(dir, f))))).toBe(true);
    for (const m of out.mails) {
      expect(m.status).toBe('new');
      expect(statSync(join(dir, m.file)).mtime.getTime()).toBe(Date.parse(m.date));
      expect(MAILS.map(([, at]) => at)).toContain(m.date);
    }
    // Names: time, sender, subject; raw GBK headers (青山湖区) decoded, not mojibake.
    expect(files.join('\n')).toMatch(/^20231128-1642-东湖区教体局张敏-东湖区2023年全民终身学习活动周材料报送\.eml$/m);
    expect(files.join('\n')).toContain('青山湖区');
    expect(files.join('\n')).not.toContain('\ufffd');

    // The state file and the received-time record.
    const state = JSON.parse(readFileSync(join(dir, '.lifelong-week-fetch.json'), 'utf8'));
    expect(state.mails).toHaveLength(5);
    for (const m of state.mails) {
      expect(m).toMatchObject({ server: `127.0.0.1:${server.port}`, user: USER, mailbox: 'INBOX', uidValidity: before.uidValidity });
      expect(m.sha256).toBe(sha(readFileSync(join(dir, m.file))));
    }
    const record = parse(readFileSync(join(dir, '收件记录.yaml'), 'utf8'));
    expect(record).toEqual(Object.fromEntries(out.mails.map((m: { file: string; date: string }) => [m.file, m.date])));

    // dovecot's log shows the ID the logged-in session sent; its raw log the order of commands.
    expect(server.log()).toMatch(new RegExp(`imap\\(${USER.replace('.', '\\.')}\\).*ID sent: name=lifelong-week`));
    const session = server.commandsSent(USER).find((s) => s.includes('BODY.PEEK[]') && !s.includes('(FLAGS'))!;
    expect(session).toBeDefined();
    const commands = session
      .split('\n')
      .map((l) => l.replace(/^\S+ \S+ /, ''))
      .filter(Boolean);
    const id = commands.findIndex((c) => c.startsWith('ID ('));
    const examine = commands.findIndex((c) => c.startsWith('EXAMINE'));
    expect(id).toBeGreaterThanOrEqual(0);
    expect(id).toBeLessThan(examine);
    expect(commands.some((c) => /^(SELECT|STORE|UID STORE|EXPUNGE|COPY|MOVE|UID MOVE|UID COPY|DELETE|APPEND)\b/.test(c))).toBe(false);
    expect(commands.filter((c) => /BODY\[/.test(c))).toEqual([]);

    // The password is nowhere: not on screen, not in any file written.
    for (const text of [
      r.stdout,
      r.stderr,
      readFileSync(join(dir, '.lifelong-week-fetch.json'), 'utf8'),
      readFileSync(join(dir, '收件记录.yaml'), 'utf8'),
    ])
      expect(text).not.toContain(PASSWORD);
  });

  it('reruns fetch nothing new; one more mail is one new; a rebuilt mailbox (new UIDVALIDITY) doubles nothing', async () => {
    const dir = newDir();
    expect(fetchTo(dir).code).toBe(0);
    const again = fetchTo(dir, '--json');
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).summary).toEqual({ found: 5, new: 0, alreadyHad: 5 });

    const extra = readFileSync(fixture('inbox-parts', 'utf8-rfc2231.eml'));
    server.addMessage(USER, extra, { date: new Date('2023-11-30T09:00:00+08:00') });
    const one = fetchTo(dir, '--json');
    expect(JSON.parse(one.stdout).summary).toEqual({ found: 6, new: 1, alreadyHad: 5 });
    expect(emls(dir)).toHaveLength(6);
    const text = fetchTo(dir);
    expect(text.stdout).toContain('新收 0 封');
    expect(text.stdout).toContain(`下一步：lifelong-week validate ${dir}`);

    // Rebuild the mailbox: every UID comes back under a new UIDVALIDITY.
    const oldValidity = (await snapshot()).uidValidity;
    await server.stop();
    server.dropIndexes(USER);
    await server.start();
    expect((await snapshot()).uidValidity).not.toBe(oldValidity);
    const rebuilt = fetchTo(dir, '--json');
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(JSON.parse(rebuilt.stdout).summary).toEqual({ found: 6, new: 0, alreadyHad: 6 });
    expect(emls(dir)).toHaveLength(6);
  });

  it('--since/--until choose by received day; the default starts at the campaign; a Chinese folder name works', () => {
    const dir = newDir();
    const all = fetchTo(dir, '--since', '2023-09-01', '--json');
    expect(JSON.parse(all.stdout).mails.some((m: { subject: string }) => m.subject === 'old')).toBe(true);
    const dir2 = newDir();
    const some = JSON.parse(fetchTo(dir2, '--since', '2023-11-29', '--until', '2023-11-29', '--json').stdout);
    expect(some.mails.map((m: { date: string }) => m.date.slice(0, 10))).toEqual(['2023-11-29', '2023-11-29']);
    const dir3 = newDir();
    const sent = fetchTo(dir3, '--mailbox', '已发送', '--json');
    expect(sent.code, sent.stderr).toBe(0);
    expect(JSON.parse(sent.stdout)).toMatchObject({ mailbox: '已发送', summary: { new: 1 } });
    const bad = fetchTo(newDir(), '--since', '11月1日');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('YYYY-MM-DD');
  });

  it('killed mid-fetch, then run again: every mail exactly once, nothing half-written', async () => {
    // 120 more mails of ~60 KB so the run takes long enough to be killed part-way.
    const pad = 'x'.repeat(76);
    for (let i = 0; i < 120; i++) {
      const body = Array.from({ length: 800 }, () => pad).join('\r\n');
      server.addMessage(
        USER,
        Buffer.from(
          `From: 测试 <t${i}@example.cn>\r\nSubject: 批量 ${i}\r\nMessage-ID: <bulk-${i}@example.cn>\r\nDate: Wed, 29 Nov 2023 10:00:00 +0800\r\n\r\n${body}\r\n`,
        ),
        { date: new Date(Date.parse('2023-11-29T10:00:00+08:00') + i * 1000) },
      );
    }
    const dir = newDir();
    const child = spawn(process.execPath, [BIN, 'fetch', dir, ...base()], {
      env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', ...env() },
      stdio: 'ignore',
    });
    const started = Date.now();
    while (Date.now() - started < 30_000) {
      if (existsSync(dir) && emls(dir).length >= 15) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const partial = emls(dir).length;
    expect(partial).toBeGreaterThan(0);

    const r = fetchTo(dir, '--json');
    expect(r.code, r.stderr).toBe(0);
    const total = (await snapshot()).exists - 1; // the October mail is outside the campaign
    const files = emls(dir);
    expect(files).toHaveLength(total);
    // Each Message-ID once (the file content is the key), no temporary file left.
    const hashes = files.map((f) => sha(readFileSync(join(dir, f))));
    expect(new Set(hashes).size).toBe(files.length);
    expect(readdirSync(dir).filter((f) => f.startsWith('.lifelong-week-tmp'))).toEqual([]);
    expect(JSON.parse(r.stdout).summary.found).toBe(total);
  });

  it('a connection dropped mid-fetch is exit 2 in plain words; the rerun saves every mail once', async () => {
    // A TCP relay that cuts both sides after 200 KB from the server: the line drops mid-transfer.
    let relayed = 0;
    const relay: Server = createServer((client) => {
      const upstream = connect(server.port, '127.0.0.1');
      upstream.on('data', (d: Buffer) => {
        relayed += d.length;
        if (relayed > 200_000) {
          upstream.destroy();
          client.destroy();
        } else client.write(d);
      });
      client.on('data', (d: Buffer) => upstream.write(d));
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
    });
    await new Promise<void>((r) => relay.listen(0, '127.0.0.1', () => r()));
    const relayPort = (relay.address() as { port: number }).port;
    const dir = newDir();
    try {
      const child = spawn(
        process.execPath,
        [BIN, 'fetch', dir, '--imap', `127.0.0.1:${relayPort}`, '--user', USER, '--insecure', '--timeout', '10'],
        { env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', ...env() } },
      );
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const code = await new Promise<number | null>((r) => child.once('exit', r));
      expect(code, stderr).toBe(2);
      expect(stderr).toContain('连接中断');
      // Cut before the first mail was saved, or after some: either way it says to run it again.
      expect(stderr).toMatch(/重新运行同一命令会接着收取|请检查网络后重新运行/);
      expect(expectNoStackTrace(stderr)).toBe(true);
    } finally {
      relay.close();
    }
    const partial = emls(dir).length;
    const r = fetchTo(dir, '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.summary.new).toBe(out.summary.found - partial);
    const files = emls(dir);
    expect(files).toHaveLength(out.summary.found);
    expect(new Set(files.map((f) => sha(readFileSync(join(dir, f))))).size).toBe(files.length);
    expect(readdirSync(dir).filter((f) => f.startsWith('.lifelong-week-tmp'))).toEqual([]);
  });

  it('a full disk stops with exit 2 and nothing half-written; with room again the rerun saves every mail once', async (ctx) => {
    // A small tmpfs stands for the full disk (root only, where mounting is allowed).
    const root = tempDir('lw-fetch-full-');
    dirs.push(root);
    const mnt = join(root, 'disk');
    mkdirSync(mnt);
    const mounted = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=260k', 'tmpfs', mnt]).status === 0;
    if (!mounted) {
      console.warn('SKIPPED the full-disk fetch test: needs root and permission to mount a tmpfs');
      ctx.skip();
      return;
    }
    try {
      const dir = join(mnt, '收件箱');
      const full = await cliAsync(['fetch', dir, ...base(), '--until', '2023-12-31'], env());
      expect(full.code, full.stderr).toBe(2);
      expect(full.stderr).toContain('磁盘已满');
      expect(expectNoStackTrace(full.stderr)).toBe(true);
      // Only whole mails: each saved file is one of the server's messages.
      const serverHashes = new Set(Object.values((await snapshot()).messages).map((m) => m.body));
      for (const f of emls(dir)) expect(serverHashes.has(sha(readFileSync(join(dir, f))))).toBe(true);
      expect(readdirSync(dir).filter((f) => f.startsWith('.lifelong-week-tmp') || f.endsWith('.tmp'))).toEqual([]);
      expect(spawnSync('mount', ['-o', 'remount,size=64m', mnt]).status).toBe(0);
      const r = await cliAsync(['fetch', dir, ...base(), '--until', '2023-12-31', '--json'], env());
      expect(r.code, r.stderr).toBe(0);
      const files = emls(dir);
      expect(files).toHaveLength(JSON.parse(r.stdout).summary.found);
      expect(new Set(files.map((f) => sha(readFileSync(join(dir, f))))).size).toBe(files.length);
    } finally {
      spawnSync('umount', [mnt]);
    }
  });

  it('Ctrl+C stops cleanly with exit 130 and says how to go on', async () => {
    const dir = newDir();
    const child = spawn(process.execPath, [BIN, 'fetch', dir, ...base()], {
      env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', ...env() },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const started = Date.now();
    while (Date.now() - started < 30_000 && !(existsSync(dir) && emls(dir).length >= 3)) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGINT');
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(130);
    expect(stderr).toContain('重新运行同一命令会接着收取');
    expect(expectNoStackTrace(stderr)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('.lifelong-week-tmp'))).toEqual([]);
  });

  it('failures are plain Chinese with exit 2: password (with the 授权码 hint), certificate, folder, host, port, timeout', async () => {
    const dir = newDir();
    const wrong = cli(['fetch', dir, ...base()], { env: { LIFELONG_WEEK_IMAP_PASSWORD: 'wrong-password-123' } });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('登录被拒绝');
    expect(wrong.stderr).toContain('授权码');
    expect(wrong.stderr + wrong.stdout).not.toContain('wrong-password-123');

    const cert = cli(['fetch', dir, '--imap', `127.0.0.1:${server.port}`, '--user', USER], { env: env() });
    expect(cert.code).toBe(2);
    expect(cert.stderr).toContain('证书');
    expect(cert.stderr).toContain('--insecure');

    const warn = fetchTo(dir);
    expect(warn.stderr).toContain('警告：已按 --insecure 关闭证书检查');

    const folder = fetchTo(dir, '--mailbox', '不存在的文件夹');
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('没有「不存在的文件夹」这个文件夹');
    expect(folder.stderr).toContain('INBOX');
    expect(folder.stderr).toContain('已发送');

    const host = cli(['fetch', dir, '--imap', 'no-such-host.invalid', '--user', USER, '--timeout', '5'], { env: env() });
    expect(host.code).toBe(2);
    expect(host.stderr).toMatch(/找不到邮件服务器|超时/);

    const tls = cli(['fetch', dir, '--imap', `127.0.0.1:${server.plainPort}`, '--user', USER, '--insecure', '--timeout', '5'], {
      env: env(),
    });
    expect(tls.code).toBe(2);
    expect(tls.stderr).toMatch(/--starttls|超时/);

    // STARTTLS on the plain port works.
    const starttls = cli(['fetch', dir, '--imap', `127.0.0.1:${server.plainPort}`, '--starttls', '--user', USER, '--insecure'], {
      env: env(),
    });
    expect(starttls.code, starttls.stderr).toBe(0);

    // A server that accepts and never greets.
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (silent.address() as { port: number }).port;
      const t0 = Date.now();
      const slow = cli(['fetch', dir, '--imap', `127.0.0.1:${port}`, '--user', USER, '--timeout', '1', '--insecure'], { env: env() });
      expect(slow.code).toBe(2);
      expect(slow.stderr).toContain('超时');
      expect(Date.now() - t0).toBeLessThan(20_000);
    } finally {
      silent.close();
    }

    const noPassword = cli(['fetch', dir, ...base()]);
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('LIFELONG_WEEK_IMAP_PASSWORD');
    for (const r of [wrong, cert, folder, host, tls, noPassword]) {
      expect(expectNoStackTrace(r.stderr)).toBe(true);
      expect(r.stderr + r.stdout).not.toContain(PASSWORD);
    }
  });
});
