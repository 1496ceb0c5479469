/**
 * Comments cite the notice or the project's own `docs/`, never a file outside the repository: every
 * `docs/….md` a source, test, bench or script file names exists, and none points outside.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(`${dir}/${e.name}`) : /\.(ts|mjs)$/.test(e.name) ? [`${dir}/${e.name}`] : [],
  );
}

describe('citations in comments', () => {
  const all = ['src', 'test', 'bench', 'scripts'].flatMap(files);

  it('name only docs that exist', () => {
    const missing: string[] = [];
    for (const file of all)
      for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(/\bdocs\/([\w-]+\.md)/g))
        if (!existsSync(join(ROOT, 'docs', m[1]!))) missing.push(`${file} → docs/${m[1]}`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('never point outside the repository or to an issue number', () => {
    const outside = all.filter((file) => /\.\.\/shared\/|\/work\/shared|\b[Ii]ssue #?\d+\b/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(outside).toEqual([]);
  });
});
