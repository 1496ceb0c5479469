/**
 * The DOCX package (src/render/docx-package.ts, zip-write.ts): docx's parts zipped once, natively,
 * with fixed dates. Checked with the zip readers users' tools use (fflate here; LibreOffice and the
 * DOCX reader elsewhere) and against docx's own public Packer road.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { documentParts, finishPackage } from '../../src/render/docx-package.js';
import { crc32, zipFiles } from '../../src/render/zip-write.js';
import { DONGHU } from './samples.js';
import { has, tmp } from './tools.js';

describe('zipFiles', () => {
  it('writes a zip that fflate and unzip read back, with the given date on every entry', () => {
    const entries = [
      { path: '[Content_Types].xml', data: '<Types/>' },
      { path: 'word/document.xml', data: '<w:document>'.padEnd(5000, 'x') + '</w:document>' },
      { path: 'media/空.bin', data: new Uint8Array(0) },
      { path: 'random.bin', data: Uint8Array.from({ length: 300 }, (_, i) => (i * 7919) % 251) },
    ];
    const zip = zipFiles(entries, { year: 2023, month: 11, day: 20, hour: 12 });
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(entries.map((e) => e.path));
    for (const e of entries) expect(back[e.path]).toEqual(typeof e.data === 'string' ? new TextEncoder().encode(e.data) : e.data);
    if (has('unzip')) {
      const dir = tmp();
      writeFileSync(join(dir, 'x.zip'), zip);
      const listing = spawnSync('unzip', ['-l', join(dir, 'x.zip')], { encoding: 'utf8' });
      expect(listing.status).toBe(0);
      expect(listing.stdout).toMatch(/2023-11-20 12:00|11-20-2023 12:00/);
      const test = spawnSync('unzip', ['-t', join(dir, 'x.zip')], { encoding: 'utf8' });
      expect(test.stdout).toContain('No errors detected');
    }
  });

  it('crc32 matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('the DOCX package', () => {
  it("docx's compiler and its public Packer give the same parts, hence the same bytes", async () => {
    const docx = await import('docx');
    const doc = new docx.Document({ sections: [{ children: [new docx.Paragraph('活动内容')] }] });
    const direct = await documentParts(docx, doc);
    const packed = await documentParts(docx, doc, true);
    const text = (v: string | Uint8Array | undefined) => (typeof v === 'string' ? v : v ? strFromU8(v) : undefined);
    const date = new Date('2023-11-20T16:00:00Z');
    // core.xml carries docx's clock until finishPackage replaces it; everything else must agree.
    expect([...direct.keys()].sort()).toEqual([...packed.keys()].sort());
    for (const [path, value] of direct) if (path !== 'docProps/core.xml') expect(text(value), path).toBe(text(packed.get(path)));
    const a = finishPackage(direct, DONGHU, date, '2023-11-20');
    const b = finishPackage(packed, DONGHU, date, '2023-11-20');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const files = unzipSync(a);
    expect(Object.keys(files)[0]).toBe('[Content_Types].xml');
    expect(strFromU8(files['docProps/core.xml']!)).toContain('2023-11-20T16:00:00Z');
    expect(strFromU8(files['customXml/item1.xml']!)).toContain(DONGHU.department);
  });
});
