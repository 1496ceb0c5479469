// A real IMAP server for tests and benchmarks: Debian's dovecot-imapd started on 127.0.0.1 on free
// ports with a throwaway configuration in a temporary folder (README, 「测试」
// section): passwd-file users with {PLAIN} passwords, maildir in the temporary folder, a
// self-signed certificate made now with openssl, and `imap_id_log = *` so the log shows the RFC 2971
// ID a client sent. Works as root (CI) and as an ordinary user.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DOVECOT = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'].find((p) => existsSync(p));

/** Why the mail-server tests cannot run here, or undefined when they can. */
export function dovecotMissing() {
  if (!DOVECOT) return 'dovecot (Debian package dovecot-imapd) is not installed: `apt-get install dovecot-imapd`';
  if (spawnSync('openssl', ['version']).status !== 0) return 'openssl is not installed (needed for the test certificate)';
  return undefined;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForPort(port, ms = 10_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const ok = await new Promise((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await sleep(50);
  }
  throw new Error(`dovecot did not listen on ${port}`);
}

let seq = 0;

/**
 * Start dovecot. `users`: [{ user, password }]. Returns { host, port (IMAPS), plainPort (143-style,
 * STARTTLS), dir, log(), addMessage(user, bytes, { date, seen, folder }), mailFiles(user, folder),
 * dropIndexes(user), stop(), start() }.
 */
export async function startDovecot({ users = [{ user: 'centre', password: 'secret-授权码-123' }] } = {}) {
  if (!DOVECOT) throw new Error(dovecotMissing());
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'lw-dovecot-'));
  chmodSync(dir, 0o755);
  const uid = root ? 65534 : process.getuid();
  const gid = root ? 65534 : process.getgid();
  const me = root ? undefined : execFileSync('id', ['-un'], { encoding: 'utf8' }).trim();
  for (const sub of ['run', 'state', 'mail', 'home', 'rawlog', ...users.map((u) => `rawlog/${u.user}`)])
    mkdirSync(join(dir, sub), { recursive: true });
  if (root) for (const sub of ['mail', 'home', 'rawlog', ...users.map((u) => `rawlog/${u.user}`)]) chownSync(join(dir, sub), uid, gid);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-nodes',
      '-newkey',
      'rsa:2048',
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  chmodSync(join(dir, 'key.pem'), 0o644);
  writeFileSync(
    join(dir, 'users'),
    users.map((u) => `${u.user}:{PLAIN}${u.password}:${uid}:${gid}::${join(dir, 'home', u.user)}::\n`).join(''),
  );
  const plainPort = await freePort();
  const port = await freePort();
  const conf = join(dir, 'dovecot.conf');
  writeFileSync(
    conf,
    `# throwaway test configuration (scripts/lib/dovecot.mjs)
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = lw-test-${process.pid}-${seq++}
log_path = ${dir}/dovecot.log
info_log_path = ${dir}/dovecot.log
ssl = yes
ssl_cert = <${dir}/cert.pem
ssl_key = <${dir}/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_verbose = yes
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/users
}
mail_location = maildir:${dir}/mail/%u
first_valid_uid = 1
first_valid_gid = 1
default_login_user = ${root ? 'dovenull' : me}
default_internal_user = ${root ? 'dovecot' : me}
imap_id_log = *
protocol imap {
  mail_max_userip_connections = 50
  # Every command a logged-in client sends, in order (proves ID comes before EXAMINE).
  rawlog_dir = ${dir}/rawlog/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${plainPort}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${port}
    ssl = yes
  }
}
service anvil {
  chroot =
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
`,
  );
  let pid;
  const start = async () => {
    // The daemon keeps inherited pipes open: no pipes, the log says what went wrong.
    const r = spawnSync(DOVECOT, ['-c', conf], { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`dovecot did not start (exit ${r.status}):\n${log()}`);
    const pidFile = join(dir, 'run', 'master.pid');
    for (let i = 0; i < 200 && !existsSync(pidFile); i++) await sleep(25);
    await sleep(20);
    pid = Number(readFileSync(pidFile, 'utf8'));
    await waitForPort(port);
    await waitForPort(plainPort);
  };
  const stop = async () => {
    if (!pid) return;
    try {
      process.kill(pid, 'SIGTERM');
    } catch {}
    const end = Date.now() + 10_000;
    while (alive(pid) && Date.now() < end) await sleep(50);
    if (alive(pid)) process.kill(pid, 'SIGKILL');
    pid = undefined;
  };
  const log = () => (existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : '');
  const maildir = (user, folder = 'INBOX') => join(dir, 'mail', user, folder === 'INBOX' ? '' : `.${folder}`);
  const own = (path) => {
    if (root) chownSync(path, uid, gid);
  };
  const ensureMaildir = (user, folder) => {
    const base = maildir(user, folder);
    for (const p of [join(dir, 'mail', user), base, join(base, 'cur'), join(base, 'new'), join(base, 'tmp')]) {
      if (!existsSync(p)) {
        mkdirSync(p, { recursive: true });
        own(p);
      }
    }
    if (folder !== 'INBOX') {
      const subs = join(dir, 'mail', user, 'subscriptions');
      writeFileSync(subs, `${existsSync(subs) ? readFileSync(subs, 'utf8') : ''}${folder}\n`);
      own(subs);
    }
    return base;
  };
  let counter = 0;
  /**
   * Deliver a message as a maildir file: the file's time is the server's INTERNALDATE; `seen`
   * marks it read (`:2,S`). Folder names are the server's (modified UTF-7 for Chinese).
   */
  const addMessage = (user, bytes, { date = new Date(), seen = false, folder = 'INBOX' } = {}) => {
    const base = ensureMaildir(user, folder);
    const name = `${Math.floor(date.getTime() / 1000)}.M${counter++}P${process.pid}.lw-test,S=${bytes.length}:2,${seen ? 'S' : ''}`;
    const tmp = join(base, 'tmp', name);
    writeFileSync(tmp, bytes);
    utimesSync(tmp, date, date);
    own(tmp);
    const final = join(base, 'cur', name);
    // rename keeps the time.
    execFileSync('mv', [tmp, final]);
    return final;
  };
  const mailFiles = (user, folder = 'INBOX') => {
    const base = maildir(user, folder);
    return existsSync(join(base, 'cur')) ? [...readdirSync(join(base, 'cur')), ...readdirSync(join(base, 'new'))].sort() : [];
  };
  /** A rebuilt mailbox: with the server stopped, drop the uid list and indexes (new UIDVALIDITY). */
  const dropIndexes = (user, folder = 'INBOX') => {
    const base = maildir(user, folder);
    for (const f of readdirSync(base)) if (f === 'dovecot-uidlist' || f.startsWith('dovecot.index')) rmSync(join(base, f), { force: true });
  };
  /** What the clients of `user` sent after login, all sessions, oldest first (dovecot's rawlog `.in` files). */
  const commandsSent = (user) => {
    const d = join(dir, 'rawlog', user);
    return readdirSync(d)
      .filter((f) => f.endsWith('.in'))
      .sort()
      .map((f) => readFileSync(join(d, f), 'latin1'));
  };
  const cleanup = async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  };
  await start();
  for (const u of users) ensureMaildir(u.user, 'INBOX');
  return {
    host: '127.0.0.1',
    port,
    plainPort,
    dir,
    users,
    log,
    commandsSent,
    addMessage,
    mailFiles,
    dropIndexes,
    start,
    stop,
    cleanup,
    certFile: join(dir, 'cert.pem'),
    statOf: (p) => statSync(p),
  };
}
