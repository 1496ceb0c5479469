/**
 * The layer order of docs/architecture.md, enforced: every import (static, dynamic or `export … from`)
 * in src/ goes to the same layer or one below, never up and never in a circle, and the pure core
 * imports no Node built-in, so it bundles for the browser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

/** Bottom to top. A path ending in '/' is a folder (everything below it); others are single files. */
export const LAYERS: ReadonlyArray<{ name: string; pure?: boolean; paths: readonly string[] }> = [
  {
    name: 'core',
    pure: true,
    paths: [
      'src/core/messages.ts',
      'src/core/messages/',
      'src/core/errors.ts',
      'src/core/lang.ts',
      'src/core/say.ts',
      'src/core/clock.ts',
      'src/core/text.ts',
    ],
  },
  // A problem names the field it belongs to (`FieldId`), so it sits with the form, not below it.
  { name: 'form and campaign', pure: true, paths: ['src/form/', 'src/campaign/', 'src/core/problem.ts'] },
  { name: 'normalise', pure: true, paths: ['src/normalize/'] },
  { name: 'rules', pure: true, paths: ['src/validate/'] },
  { name: 'platform', paths: ['src/core/io.ts', 'src/core/lazy.ts', 'src/paths.ts'] },
  { name: 'readers and the scan check', paths: ['src/read/', 'src/scan/'] },
  { name: 'inbox', paths: ['src/inbox/'] },
  { name: 'reports, merge and the mailbox', paths: ['src/report/', 'src/merge/', 'src/mailbox/'] },
  { name: 'renderers', paths: ['src/render/', 'src/template/'] },
  { name: 'interview', paths: ['src/fill/', 'src/prompt/'] },
  // The page's own code, bundled for the browser: the pure core and the interview's pure helpers, no Node built-in.
  { name: 'browser page', pure: true, paths: ['src/web/'] },
  { name: 'commands and the local server', paths: ['src/commands/', 'src/serve/', 'src/cli.ts', 'src/bin.ts'] },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [path] : [];
  });
}

/** The layer of a file: the most specific path that names it (a file beats its folder). */
export function layerOf(file: string): number | undefined {
  let best: { index: number; length: number } | undefined;
  LAYERS.forEach((layer, index) => {
    for (const p of layer.paths) {
      const hit = p.endsWith('/') ? file.startsWith(p) : file === p;
      if (hit && (!best || p.length > best.length)) best = { index, length: p.length };
    }
  });
  return best?.index;
}

/** Every module specifier a file imports, with its line, comments skipped. */
export function importsOf(text: string): Array<{ spec: string; line: number }> {
  const found: Array<{ spec: string; line: number }> = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/\/\/[^\n]*/g, '');
  const re =
    /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
  for (const m of code.matchAll(re)) {
    found.push({ spec: (m[1] ?? m[2] ?? m[3])!, line: code.slice(0, m.index).split('\n').length });
  }
  return found;
}

const NODE_BUILTINS = new Set(builtinModules);
const isBuiltin = (spec: string) => spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]!);

interface Edge {
  from: string;
  to: string;
  line: number;
}

function graph(files: readonly string[]): { edges: Edge[]; builtins: Edge[] } {
  const edges: Edge[] = [];
  const builtins: Edge[] = [];
  for (const file of files) {
    for (const { spec, line } of importsOf(readFileSync(join(ROOT, file), 'utf8'))) {
      if (spec.startsWith('.')) {
        const to = relative(ROOT, normalize(join(ROOT, dirname(file), spec))).replace(/\.js$/, '.ts');
        edges.push({ from: file, to, line });
      } else if (isBuiltin(spec)) builtins.push({ from: file, to: spec, line });
    }
  }
  return { edges, builtins };
}

/** Imports that go up a layer. */
export function upward(edges: readonly Edge[]): string[] {
  return edges.flatMap(({ from, to, line }) => {
    const a = layerOf(from);
    const b = layerOf(to);
    return a !== undefined && b !== undefined && b > a ? [`${from}:${line} → ${to} (${LAYERS[a]!.name} → ${LAYERS[b]!.name})`] : [];
  });
}

/** Circles of files (Tarjan's strongly connected components of more than one file, or a self-import). */
export function circles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let counter = 0;
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('layers (docs/architecture.md)', () => {
  const files = sourceFiles('src');
  const { edges, builtins } = graph(files);

  it('every source file belongs to a layer', () => {
    expect(files.filter((f) => layerOf(f) === undefined)).toEqual([]);
  });

  it('no import goes up a layer', () => {
    expect(upward(edges)).toEqual([]);
  });

  it('no files import each other in a circle', () => {
    expect(circles(edges)).toEqual([]);
  });

  it('the pure core imports no Node built-in', () => {
    const impure = builtins.filter((e) => LAYERS[layerOf(e.from) ?? -1]?.pure).map((e) => `${e.from}:${e.line} → ${e.to}`);
    expect(impure).toEqual([]);
  });

  it('the checks catch what they are for', () => {
    // An import from the form up into the renderers is refused, as is a circle.
    const made: Edge[] = [{ from: 'src/form/labels.ts', to: 'src/render/docx.ts', line: 9 }];
    expect(upward(made)).toEqual(['src/form/labels.ts:9 → src/render/docx.ts (form and campaign → renderers)']);
    expect(circles([...made, { from: 'src/render/docx.ts', to: 'src/form/labels.ts', line: 1 }])).toEqual([
      ['src/form/labels.ts', 'src/render/docx.ts'],
    ]);
    expect(
      importsOf(
        "// import x from '../render/a.js'\nconst m = await import('../render/b.js');\nexport { y } from './c.js';\nimport z from \"../d.js\";",
      ).map((i) => i.spec),
    ).toEqual(['../render/b.js', './c.js', '../d.js']);
  });
});
