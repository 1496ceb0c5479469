/** The blank forms committed under templates/ are what the CLI makes now (regenerate: scripts/make-templates.mjs). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cli, tempDir } from './helpers.js';

describe('templates/', () => {
  const dir = tempDir();
  cli(['template', '--format', 'yaml,docx,pdf', '--fillable', '-o', dir]);
  const fresh = cli(['template', '--format', 'campaign']).stdout;
  const committed = join(ROOT, 'templates');

  it.each(readdirSync(dir))('%s is up to date (else: node scripts/make-templates.mjs)', (name) => {
    const a = readFileSync(join(committed, name));
    const b = readFileSync(join(dir, name));
    // The YAML's first line points at the schema relative to where it was written.
    if (name.endsWith('.yaml')) expect(a.toString().split('\n').slice(1)).toEqual(b.toString().split('\n').slice(1));
    else expect(a.equals(b)).toBe(true);
  });

  it('the campaign file is the campaign in force, and reads back as a valid --campaign', () => {
    expect(readFileSync(join(committed, 'campaign-2023-nanchang.yaml'), 'utf8')).toBe(fresh);
    const r = cli(['validate', '--no-units', '--campaign', join(committed, 'campaign-2023-nanchang.yaml'), join(ROOT, 'fixtures', 'sample', '东湖区.yaml')]);
    expect(r.code).toBe(0);
  });
});
