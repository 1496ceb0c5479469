/** The script that makes docs/serve-form.png and docs/serve-summary.png keeps working (into a temp folder here). */
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { CHROMIUM, chromiumMissing } from './helpers.js';
import { takeScreenshots } from '../../scripts/screenshots.mjs';

describe.skipIf(chromiumMissing)(`serve: screenshots for docs/${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  const dir = tempDir('lw-shots-test-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes both pages as PNG pictures', async () => {
    const paths = (await takeScreenshots(dir, { executablePath: CHROMIUM })) as string[];
    expect(paths.map((p) => p.slice(dir.length + 1))).toEqual(['serve-form.png', 'serve-summary.png']);
    for (const p of paths) {
      const png = readFileSync(p);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      // Width × height from the IHDR chunk: the whole page, not an empty frame.
      expect(png.readUInt32BE(16)).toBeGreaterThan(800);
      expect(png.readUInt32BE(20)).toBeGreaterThan(1500);
    }
  }, 240_000);
});
