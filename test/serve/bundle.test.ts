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

  it('carries the page’s part of the catalogue: every sentence it can show, not the command line’s or the interview’s', async () => {
    const result = await build(
      browserBuild({ absWorkingDir: ROOT, write: false, outdir: 'out', minify: false }) as Parameters<typeof build>[0],
    );
    const js = result.outputFiles!.map((f) => f.text).join('\n');
    const { MESSAGES, PAGE_MESSAGES } = await import('../../src/core/messages.js');
    const all = Object.keys(MESSAGES);
    const page = new Set(Object.keys(PAGE_MESSAGES));
    // Codes the script names (the checks' problems, the page's sentences), whole or as a prefix (`scan.${reason}`).
    const named = [...js.matchAll(/["'`]([a-z][A-Za-z]*(?:\.[A-Za-z0-9]+)+)["'`]/g)].map((m) => m[1]!).filter((c) => all.includes(c));
    const prefixes = [...js.matchAll(/`([a-z][A-Za-z]*(?:\.[A-Za-z0-9]+)*\.)\$\{/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(100);
    expect(named.filter((c) => !page.has(c))).toEqual([]);
    for (const prefix of prefixes)
      expect(
        all.filter((c) => c.startsWith(prefix) && !page.has(c)),
        prefix,
      ).toEqual([]);
    // The rest stays out: the command line's help and progress, the interview's prompts, the renderers' sentences.
    const { CLI_MESSAGES } = await import('../../src/core/messages/cli.js');
    const { FILL_MESSAGES } = await import('../../src/core/messages/fill.js');
    const { RENDER_MESSAGES } = await import('../../src/core/messages/render.js');
    const outside = [CLI_MESSAGES, FILL_MESSAGES, RENDER_MESSAGES].flatMap((part) => Object.keys(part));
    expect(outside.filter((c) => js.includes(`'${c}'`) || js.includes(`"${c}"`))).toEqual([]);
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
