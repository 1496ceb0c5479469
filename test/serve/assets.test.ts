/**
 * The page's script and style are read once, when serve starts: a page opened while the tool's own
 * files are replaced under the running server (an update, or a rebuild, which empties dist/ first)
 * still gets the script and style of the server that answers it, and so its data.
 */
import { request } from 'node:http';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NANCHANG_2023 } from '../../src/campaign/campaign.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { ROOT, tempDir } from '../helpers.js';

function get(port: number, path: string): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request({ agent: false, host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

const start = (dir: string, assetsDir: string, lang: 'zh' | 'en' = 'zh') =>
  startServer({
    campaign: NANCHANG_2023,
    lang,
    host: '127.0.0.1',
    port: 0,
    outDir: join(dir, 'out'),
    home: join(dir, 'home'),
    assetsDir,
    now: () => new Date('2023-11-20T12:00:00+08:00'),
  });

describe('serve: the page’s script and style', () => {
  let dir: string | undefined;
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('are the ones the server started with, also after dist/web was emptied under it (as a rebuild does)', async () => {
    dir = tempDir('lw-serve-assets-');
    const web = join(dir, 'web');
    cpSync(join(ROOT, 'dist', 'web'), web, { recursive: true });
    const js = readFileSync(join(web, 'app.js'));
    const css = readFileSync(join(web, 'app.css'));
    server = await start(dir, web);
    // What scripts/build.mjs does first; a page opened now used to get a 500 for its script and never start.
    rmSync(web, { recursive: true });
    const page = await get(server.port, '/');
    expect(page.status).toBe(200);
    const script = await get(server.port, '/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.type).toContain('text/javascript');
    expect(script.body.equals(js)).toBe(true);
    const style = await get(server.port, '/assets/app.css');
    expect(style.status).toBe(200);
    expect(style.type).toContain('text/css');
    expect(style.body.equals(css)).toBe(true);
    expect((await get(server.port, '/assets/other.js')).status).toBe(404);
  });

  it('missing at start: serve does not start, and says how to build the page (Chinese and English)', async () => {
    dir = tempDir('lw-serve-assets-');
    await expect(start(dir, join(dir, 'no-such-folder'))).rejects.toThrow(/网页文件缺失.*no-such-folder.*npm run build/);
    await expect(start(dir, join(dir, 'no-such-folder'), 'en')).rejects.toThrow(/files are missing.*no-such-folder.*npm run build/);
  });
});
