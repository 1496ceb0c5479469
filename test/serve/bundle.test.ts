/**
 * The pure core bundles for the browser: the page's script is built with esbuild for the browser
 * platform and holds no `node:` import, none of the DOCX/PDF renderers, no font and no reader.
 */
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { ROOT } from '../helpers.js';
// @ts-expect-error: a plain .mjs build script without types
import { browserBuild } from '../../scripts/browser-build.mjs';

describe('serve: the browser bundle', () => {
  it('builds for the browser from the core, without node:, renderers, readers or fonts', async () => {
    const result = await build(
      browserBuild({ absWorkingDir: ROOT, write: false, metafile: true, outdir: 'out', minify: false }) as Parameters<typeof build>[0],
    );
    expect(result.errors).toEqual([]);
    const js = result.outputFiles!.map((f) => f.text).join('\n');
    expect(js).not.toMatch(/["']node:[a-z_/]+["']/);
    expect(js).not.toMatch(/\brequire\(/);
    const inputs = Object.keys(result.metafile!.inputs);
    // What the page is made of: the form, the normalisers, the rules, fill's search.
    for (const core of [
      'src/form/definition.ts',
      'src/validate/validate.ts',
      'src/fill/answer.ts',
      'src/fill/pinyin.ts',
      'src/normalize/count.ts',
    ])
      expect(inputs, core).toContain(core);
    // What it must not pull in.
    const forbidden = inputs.filter(
      (p) =>
        /^src\/(render|read|merge|commands|serve|inbox)\//.test(p) ||
        /node_modules\/(docx|pdf-lib|@pdf-lib|@expo-google-fonts|fflate|yauzl|mailparser|@xmldom|word-extractor|write-excel-file|yaml)\//.test(
          p,
        ),
    );
    expect(forbidden).toEqual([]);
    expect(js).not.toMatch(/\.ttf|NotoSerif/);
  });

  it('fails the build when something reaches a node: module', async () => {
    const r = build(
      browserBuild({
        absWorkingDir: ROOT,
        write: false,
        outdir: 'out',
        entryPoints: { bad: 'src/core/io.ts' },
        logLevel: 'silent',
      }) as Parameters<typeof build>[0],
    );
    await expect(r).rejects.toThrow(/browser bundle must stay pure/);
  });
});
