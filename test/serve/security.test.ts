/**
 * serve is a server: wrong Host (DNS rebinding), foreign Origin (CSRF), a missing token when it
 * listens beyond loopback, a path-traversal id, an oversized or hostile upload — each refused with
 * the right status and nothing written. Servers listen on 127.0.0.1, on a free port.
 */
import { request } from 'node:http';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NANCHANG_2023 } from '../../src/campaign/campaign.js';
import { startServer, safeUploadName, isLoopbackHost, type RunningServer } from '../../src/serve/server.js';
import { needsToken } from '../../src/commands/serve.js';
import { ROOT, cli, fixture, tempDir } from '../helpers.js';
import { startServe } from './helpers.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent: false,
        host: '127.0.0.1',
        port,
        path,
        method: opts.method ?? 'GET',
        headers: { Host: `127.0.0.1:${port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) =>
      e.code === 'EPIPE' || e.code === 'ECONNRESET' ? resolve({ status: 413, headers: {}, body: '' }) : reject(e),
    );
    if (opts.body) req.end(opts.body);
    else req.end();
  });
}

const listing = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

describe('serve: safety', () => {
  let dir: string;
  let inbox: string;
  let home: string;
  let server: RunningServer;
  let port: number;
  const origin = () => `http://127.0.0.1:${port}`;

  beforeAll(async () => {
    dir = tempDir('lw-serve-safety-');
    inbox = join(dir, 'inbox');
    home = join(dir, 'home');
    mkdirSync(home);
    cpSync(fixture('inbox'), inbox, { recursive: true });
    server = await startServer({
      campaign: NANCHANG_2023,
      lang: 'zh',
      host: '127.0.0.1',
      port: 0,
      inbox,
      outDir: join(dir, 'out'),
      home,
      assetsDir: join(ROOT, 'dist', 'web'),
      now: () => new Date('2023-11-20T12:00:00+08:00'),
      uploadsPerMinute: 3,
    });
    port = server.port;
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers its own pages with a strict Content-Security-Policy', async () => {
    const r = await call(port, '/');
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
    expect(r.body).not.toMatch(/<script(?![^>]*(type="application\/json"|src="\/assets\/app\.js"))/);
    expect(r.body).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/); // nothing from elsewhere
  });

  it('refuses a foreign Host (DNS rebinding) with 421, also with the right port', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`]) {
      const r = await call(port, '/', { headers: { Host: host } });
      expect(r.status, host).toBe(421);
      expect(r.body).toContain('DNS');
    }
    expect((await call(port, '/', { headers: { Host: `localhost:${port}` } })).status).toBe(200);
  });

  it('refuses a state-changing request from a foreign Origin (CSRF) with 403, writing nothing', async () => {
    const before = listing(dir);
    const body = JSON.stringify({ texts: { district: '东湖区' } });
    for (const headers of [{ Origin: 'http://evil.example' }, { Origin: `http://127.0.0.1:${port + 1}` }, {}] as Array<
      Record<string, string>
    >) {
      expect(
        (await call(port, '/api/draft', { method: 'PUT', headers: { ...headers, 'Content-Type': 'application/json' }, body })).status,
      ).toBe(403);
      expect(
        (await call(port, '/api/upload', { method: 'POST', headers: { ...headers, 'X-File-Name': 'x.yaml' }, body: 'a: 1' })).status,
      ).toBe(403);
      expect((await call(port, '/api/generate', { method: 'POST', headers, body })).status).toBe(403);
    }
    expect(listing(dir)).toEqual(before);
    // From the page itself it works.
    const ok = await call(port, '/api/draft', { method: 'PUT', headers: { Origin: origin(), 'Content-Type': 'application/json' }, body });
    expect(ok.status).toBe(200);
    expect(readdirSync(join(home, '.lifelong-week', 'drafts'))).toEqual(['2023-东湖区.yaml']);
  });

  it('addresses files by ids only: a traversal id is 400, an unknown id 404', async () => {
    for (const id of ['..%2F..%2Fetc%2Fpasswd', '../../etc/passwd', '%2e%2e%2fpackage.json', 'abc']) {
      const r = await call(port, `/api/inbox/${id}`);
      expect([400, 404], id).toContain(r.status);
      expect(r.body).not.toContain('root:');
    }
    expect((await call(port, '/api/inbox/0123456789abcdef0123')).status).toBe(404);
    expect((await call(port, '/api/output/0123456789abcdef01234567')).status).toBe(404);
  });

  it('refuses an oversized upload with 413 and a hostile one with 422; bad names with 400; nothing written', async () => {
    await call(port, '/api/rollcall'); // the inbox has been read
    const before = listing(inbox);
    const big = await call(port, '/api/upload', {
      method: 'POST',
      headers: { Origin: origin(), 'X-File-Name': encodeURIComponent('大文件.docx'), 'Content-Length': String(60 * 1024 * 1024) },
      body: Buffer.alloc(1024),
    });
    expect(big.status).toBe(413);
    const bomb = await call(port, '/api/upload', {
      method: 'POST',
      headers: { Origin: origin(), 'X-File-Name': encodeURIComponent('炸弹.docx') },
      body: readFileSync(fixture('inbox-parts', 'bomb.docx')),
    });
    expect(bomb.status).toBe(422);
    expect(JSON.parse(bomb.body).message).toContain('未保存');
    for (const name of ['../../逃出.yaml', '.hidden.yaml', '收件记录.yaml', '']) {
      const r = await call(port, '/api/upload', {
        method: 'POST',
        headers: { Origin: origin(), 'X-File-Name': encodeURIComponent(name) },
        body: 'a: 1',
      });
      if (name === '../../逃出.yaml') {
        // Only the last segment is used: it lands inside the inbox, never outside.
        expect(r.status).toBe(201);
        expect(JSON.parse(r.body).name).toBe('逃出.yaml');
        rmSync(join(inbox, '逃出.yaml'));
      } else expect(r.status, name).toBe(400);
    }
    expect(listing(inbox)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['home', 'inbox']);
  });

  it('limits how many uploads a minute it takes (429), saving none beyond', async () => {
    const before = listing(inbox);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await call(port, '/api/upload', {
        method: 'POST',
        headers: { Origin: origin(), 'X-File-Name': encodeURIComponent(`说明${i}.txt`) },
        body: '请查收。',
      });
      statuses.push(r.status);
    }
    // The oversized and hostile uploads above counted too: at most three a minute in this server.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(3);
    expect(statuses.every((s) => s === 201 || s === 429)).toBe(true);
    const saved = statuses.filter((s) => s === 201).length;
    expect(listing(inbox).length).toBe(before.length + saved);
  });

  it('keeps serving after a request that fails', async () => {
    const bad = await call(port, '/api/generate', { method: 'POST', headers: { Origin: origin() }, body: '{not json' });
    expect(bad.status).toBe(400);
    expect((await call(port, '/')).status).toBe(200);
  });

  it('upload names are reduced to a plain last segment', () => {
    expect(safeUploadName(encodeURIComponent('a/b/..\\c.docx'))).toBe('c.docx');
    expect(safeUploadName(encodeURIComponent('..'))).toBeUndefined();
    expect(safeUploadName('%E0%A4%A')).toBeUndefined();
  });
});

describe('serve: the access token beyond loopback', () => {
  let dir: string;
  let server: RunningServer;

  beforeAll(async () => {
    dir = tempDir('lw-serve-token-');
    // Listening on 127.0.0.1 (tests never open a port to the network), with the token the command
    // requires for --host 0.0.0.0.
    server = await startServer({
      campaign: NANCHANG_2023,
      lang: 'zh',
      host: '127.0.0.1',
      port: 0,
      outDir: dir,
      home: dir,
      assetsDir: join(ROOT, 'dist', 'web'),
      now: () => new Date(),
      token: 'secret-token-1234567890',
    });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is required for --host 0.0.0.0 and any non-loopback address', () => {
    expect(needsToken('0.0.0.0')).toBe(true);
    expect(needsToken('192.168.1.20')).toBe(true);
    expect(needsToken('::')).toBe(true);
    expect(needsToken('127.0.0.1')).toBe(false);
    expect(needsToken('localhost')).toBe(false);
    expect(isLoopbackHost('::1')).toBe(true);
  });

  it('refuses every request without it (401), takes it from the printed URL into a same-site cookie', async () => {
    const port = server.port;
    for (const path of ['/', '/summary', '/assets/app.js', '/api/draft']) expect((await call(port, path)).status, path).toBe(401);
    expect((await call(port, '/?token=wrong-token-000000000000')).status).toBe(401);
    const first = await call(port, '/?token=secret-token-1234567890');
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']).split(';')[0]!;
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await call(port, '/', { headers: { Cookie: cookie } })).status).toBe(200);
    expect(server.urls[0]).toContain('token=secret-token-1234567890');
  });
});

describe('serve: the command', () => {
  it('is listed in --help and refuses a missing folder plainly', () => {
    expect(cli(['--help']).stdout).toContain('serve');
    const r = cli(['serve', '/no/such/folder']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是文件夹');
  });

  it('--open starts the system browser with the address', async () => {
    const dir = tempDir('lw-serve-open-');
    try {
      const fake = join(dir, 'bin');
      mkdirSync(fake);
      writeFileSync(join(fake, 'xdg-open'), `#!/bin/sh\necho "$1" > "${join(dir, 'opened.txt')}"\n`, { mode: 0o755 });
      const served = await startServe(['--open', '-o', dir], { HOME: dir, PATH: `${fake}:${process.env.PATH ?? ''}` });
      await expect.poll(() => existsSync(join(dir, 'opened.txt')), { timeout: 10_000 }).toBe(true);
      expect(readFileSync(join(dir, 'opened.txt'), 'utf8').trim()).toBe(served.url);
      await served.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('speaks English with --lang en (the form keeps its own Chinese labels)', async () => {
    const dir = tempDir('lw-serve-en-');
    try {
      const served = await startServe(['--lang', 'en', '-o', dir], { HOME: dir });
      const port = Number(new URL(served.url).port);
      const page = (await call(port, '/')).body;
      expect(page).toContain('lang="en"');
      expect(page).toContain('Make the YAML, Word and PDF files');
      expect(page).toContain('Total attendance (person-times)');
      expect(page).toContain('参加活动人数');
      expect(served.stdout()).toContain('Serving at http://127.0.0.1:');
      const refused = await call(port, '/api/draft', { method: 'PUT', headers: { Origin: 'http://evil.example' }, body: '{}' });
      expect(JSON.parse(refused.body).message).toMatch(/^Refused: the request comes from another site/);
      await served.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--no-check-scans: the roll call never judges the stamped scans (none pending, no seal)', async () => {
    const dir = tempDir('lw-serve-noscans-');
    try {
      cpSync(fixture('sample'), join(dir, 'inbox'), { recursive: true });
      cpSync(fixture('scans', '东湖区-盖章扫描件.pdf'), join(dir, 'inbox', '东湖区盖章扫描件.pdf'));
      const served = await startServe([join(dir, 'inbox'), '-o', dir, '--no-check-scans'], {
        HOME: dir,
        LIFELONG_WEEK_CACHE: join(dir, 'cache'),
      });
      const port = Number(new URL(served.url).port);
      let body = JSON.parse((await call(port, '/api/rollcall')).body) as {
        version: number;
        scansPending?: number;
        units?: Array<{ name: string; scan?: unknown; pieces: { stampedScan: boolean } }>;
      };
      for (let i = 0; !body.version && i < 100; i++) {
        await new Promise((r) => setTimeout(r, 200));
        body = JSON.parse((await call(port, '/api/rollcall')).body) as typeof body;
      }
      expect(body.units!.find((u) => u.name === '东湖区')!.pieces.stampedScan).toBe(true);
      expect(body.scansPending ?? 0).toBe(0);
      expect(body.units!.some((u) => u.scan)).toBe(false);
      await served.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops on Ctrl+C with exit 130, also with a page waiting for news', async () => {
    const dir = tempDir('lw-serve-stop-');
    try {
      cpSync(fixture('sample'), join(dir, 'inbox'), { recursive: true });
      const served = await startServe([join(dir, 'inbox'), '-o', dir], { HOME: dir });
      const port = Number(new URL(served.url).port);
      expect((await call(port, '/api/rollcall')).status).toBe(200);
      const waiting = call(port, '/api/rollcall?after=999').catch(() => undefined); // a long poll in flight
      await new Promise((r) => setTimeout(r, 200));
      expect(await served.stop()).toBe(130);
      await waiting;
      expect(served.stdout()).toContain('已停止填报服务');
      expect(served.stdout()).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
