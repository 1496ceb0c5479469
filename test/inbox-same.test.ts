/**
 * Faster reading changes nothing a user sees: `validate --json` on a generated mixed inbox (our DOCX
 * and PDF, a Word form, XLSX, mails, archives) beside the project's real office, hostile, broken and
 * invalid fixtures gives, byte for byte, the report the readers gave before they were made faster
 * (fixtures/same/validate.json.gz, made by scripts/make-same-fixture.mjs with the build of commit
 * 4347a56, the readers before they were made faster, with today's messages: made again only for the ambiguity warning's capped list) — on worker threads beside the main thread and on one thread, with the result cache cold, warm, damaged, and
 * after a file changed.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, fixture, ROOT, tempDir } from './helpers.js';

process.env.TZ = 'UTC';
const { inboxTemplates, sameInbox } = (await import(join(ROOT, 'bench', 'inbox-gen.mjs'))) as {
  inboxTemplates(root: string): unknown;
  sameInbox(dir: string, root: string, templates: unknown): void;
};

const expected = gunzipSync(readFileSync(fixture('same', 'validate.json.gz'))).toString('utf8');

describe('the report on a mixed inbox is the one the readers gave before', () => {
  const dir = tempDir();
  const inbox = join(dir, 'inbox');
  const cache = join(dir, 'cache');
  const env = (extra: Record<string, string> = {}) => ({ TZ: 'UTC', LIFELONG_WEEK_CACHE: cache, ...extra });
  const validate = (extra: Record<string, string> = {}) => cli(['validate', '--json', inbox], { env: env(extra) });
  const cacheFiles = () => {
    try {
      return readdirSync(join(cache, 'inbox')).filter((f) => f.endsWith('.lwcache'));
    } catch {
      return [];
    }
  };

  beforeAll(() => {
    mkdirSync(inbox);
    sameInbox(inbox, ROOT, inboxTemplates(ROOT));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('on worker threads, without the cache', () => {
    const r = validate({ LIFELONG_WEEK_NO_CACHE: '1' });
    expect(r.stderr).toBe('');
    expect(r.stdout === expected).toBe(true);
    expect(cacheFiles()).toEqual([]);
  });

  it('on three threads (two workers and the main thread sharing the files), without the cache', () => {
    const r = validate({ LIFELONG_WEEK_NO_CACHE: '1', LIFELONG_WEEK_THREADS: '3' });
    expect(r.stderr).toBe('');
    expect(r.stdout === expected).toBe(true);
  });

  it('on one thread, without the cache', () => {
    const r = validate({ LIFELONG_WEEK_NO_CACHE: '1', LIFELONG_WEEK_THREADS: '1' });
    expect(r.stdout === expected).toBe(true);
  });

  it('with the cache: the first run writes it, the next takes every file from it, both the same', () => {
    const first = validate();
    expect(first.stdout === expected).toBe(true);
    expect(cacheFiles()).toHaveLength(1);
    const written = readFileSync(join(cache, 'inbox', cacheFiles()[0]!));
    const second = validate();
    expect(second.stderr).toBe('');
    expect(second.stdout === expected).toBe(true);
    // Nothing changed: the cache was not rewritten.
    expect(readFileSync(join(cache, 'inbox', cacheFiles()[0]!)).equals(written)).toBe(true);
    // And merge, on the same inbox, uses it as validate left it (its roll call is validate's).
    const merged = cli(['merge', inbox, '-o', join(dir, 'out'), '--format', 'json'], { env: env() });
    expect(merged.stderr).not.toMatch(/Error|at .*\.js/);
    const mergedUncached = cli(['merge', inbox, '-o', join(dir, 'out2'), '--format', 'json'], {
      env: env({ LIFELONG_WEEK_NO_CACHE: '1' }),
    });
    expect(merged.stdout.replaceAll(join(dir, 'out'), 'OUT')).toBe(mergedUncached.stdout.replaceAll(join(dir, 'out2'), 'OUT'));
  });

  it('a damaged cache is ignored, never trusted, never fatal', () => {
    const file = join(cache, 'inbox', cacheFiles()[0]!);
    const good = readFileSync(file);
    for (const damage of [
      Buffer.from('这不是缓存'),
      good.subarray(0, Math.floor(good.length / 2)),
      Buffer.concat([good.subarray(0, 200), Buffer.alloc(500, 0xff), good.subarray(700)]),
    ]) {
      writeFileSync(file, damage);
      const r = validate();
      expect(r.stderr).toBe('');
      expect(r.stdout === expected).toBe(true);
    }
    // Rewritten whole by the last run.
    expect(readFileSync(file).subarray(0, 8).toString()).toBe('LWCACHE1');
  });

  it('a changed file is read again; an unchanged one with a new time too', () => {
    const name = readdirSync(inbox).find((f) => f.endsWith('.yaml'))!;
    const path = join(inbox, name);
    const before = readFileSync(path, 'utf8');
    const when = new Date('2023-11-27T09:30:00+08:00');
    // Same size, same time, different content: only the hash tells.
    const changed = before.replace('参加活动人数: 1.2万人次', '参加活动人数: 9.9万人次');
    expect(changed).not.toBe(before);
    expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(before));
    writeFileSync(path, changed);
    utimesSync(path, when, when);
    const cached = validate();
    const fresh = validate({ LIFELONG_WEEK_NO_CACHE: '1' });
    expect(cached.stdout).toBe(fresh.stdout);
    expect(cached.stdout === expected).toBe(false);
    expect(cached.stdout).toContain('99000');
    // The old content back with a new time: the received time follows the file.
    writeFileSync(path, before);
    const later = new Date('2023-11-29T09:30:00+08:00');
    utimesSync(path, later, later);
    const again = validate();
    expect(again.stdout).toBe(validate({ LIFELONG_WEEK_NO_CACHE: '1' }).stdout);
    expect(again.stdout).toContain('2023-11-29T09:30:00+08:00');
    utimesSync(path, when, when);
    expect(validate().stdout === expected).toBe(true);
  });
});
