/** The inbox result cache in process (src/inbox/cache.ts): what is kept, when it counts, when it is ignored. */
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFileFor, cacheFingerprint, openResultCache } from '../src/inbox/cache.js';
import type { FileResult, InputFile } from '../src/inbox/check.js';
import { readSource } from '../src/inbox/read-source.js';
import { NANCHANG_2023 } from '../src/campaign/campaign.js';
import { tempDir } from './helpers.js';

const when = new Date('2023-11-27T09:30:00+08:00');

function inbox() {
  const dir = tempDir();
  const cacheDir = join(dir, 'cache');
  const folder = join(dir, 'inbox');
  mkdirSync(folder);
  const file = join(folder, '东湖区.yaml');
  writeFileSync(file, '举办县区: 东湖区\n');
  utimesSync(file, when, when);
  const input = (): InputFile => ({
    path: '东湖区.yaml',
    size: readFileSync(file).length,
    mtime: when,
    source: file,
    load: async () => readFileSync(file),
  });
  const result: FileResult = {
    path: '东湖区.yaml',
    format: 'yaml',
    fate: 'submission',
    status: 'valid',
    unit: '东湖区',
    mail: { date: new Date('2023-11-28T02:00:00Z'), subject: '报送' },
    problems: [{ severity: 'warning', code: 'default.used', params: { label: '年份' } } as FileResult['problems'][number]],
  };
  return { cacheFile: cacheFileFor(cacheDir, [folder]), file, input, result };
}

describe('the inbox result cache', () => {
  const fp = cacheFingerprint(NANCHANG_2023, undefined);

  it('gives back, in the next run, what a file gave, Dates and all', () => {
    const { cacheFile, file, input, result } = inbox();
    const first = openResultCache(cacheFile, fp);
    expect(first.lookup(input())).toBeUndefined();
    first.store(input(), readSource(file).hash!, [result]);
    first.save();
    const second = openResultCache(cacheFile, fp);
    const hit = second.lookup(input());
    expect(hit).toEqual([result]);
    expect(hit![0]!.mail!.date).toBeInstanceOf(Date);
    expect(second.stats.hits).toBe(1);
    second.save();
    // Kept for the run after that too.
    expect(openResultCache(cacheFile, fp).lookup(input())).toEqual([result]);
  });

  it('is ignored when the readers, the tool, the campaign or the time zone differ (another fingerprint)', () => {
    const { cacheFile, file, input, result } = inbox();
    const c = openResultCache(cacheFile, fp);
    c.store(input(), readSource(file).hash!, [result]);
    c.save();
    expect(cacheFingerprint({ ...NANCHANG_2023, year: NANCHANG_2023.year + 1 }, undefined)).not.toBe(fp);
    expect(openResultCache(cacheFile, 'another build').lookup(input())).toBeUndefined();
  });

  it('misses when the file changed: content (same size and time), size or time', () => {
    const { cacheFile, file, input, result } = inbox();
    const c = openResultCache(cacheFile, fp);
    c.store(input(), readSource(file).hash!, [result]);
    c.save();
    writeFileSync(file, '举办县区: 西湖区\n');
    utimesSync(file, when, when);
    expect(openResultCache(cacheFile, fp).lookup(input())).toBeUndefined();
    writeFileSync(file, '举办县区: 东湖区\n');
    utimesSync(file, when, when);
    expect(openResultCache(cacheFile, fp).lookup(input())).toEqual([result]);
    expect(openResultCache(cacheFile, fp).lookup({ ...input(), mtime: new Date(when.getTime() + 1000) })).toBeUndefined();
    expect(openResultCache(cacheFile, fp).lookup({ ...input(), path: '其他.yaml' })).toBeUndefined();
  });

  it('does not keep results that depend on the machine (LibreOffice missing, a read that failed, a reader bug)', () => {
    const { cacheFile, file, input, result } = inbox();
    const c = openResultCache(cacheFile, fp);
    c.store(input(), readSource(file).hash!, [
      { ...result, problems: [{ severity: 'warning', code: 'file.needsLibreOffice', params: {} } as FileResult['problems'][number]] },
    ]);
    c.save();
    expect(openResultCache(cacheFile, fp).lookup(input())).toBeUndefined();
  });

  it('a damaged cache file is an empty cache, and is replaced', () => {
    const { cacheFile, file, input, result } = inbox();
    const c = openResultCache(cacheFile, fp);
    c.store(input(), readSource(file).hash!, [result]);
    c.save();
    const good = readFileSync(cacheFile);
    for (const bad of [
      Buffer.from('LWCACHE1 garbage LWCACHE1'),
      good.subarray(0, good.length - 3),
      Buffer.concat([good.subarray(0, 8), Buffer.alloc(good.length - 8, 0x41)]),
    ]) {
      writeFileSync(cacheFile, bad);
      const d = openResultCache(cacheFile, fp);
      expect(d.lookup(input())).toBeUndefined();
      d.store(input(), readSource(file).hash!, [result]);
      d.save();
      expect(openResultCache(cacheFile, fp).lookup(input())).toEqual([result]);
    }
  });
});
