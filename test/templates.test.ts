/** The blank forms committed under templates/ are what the CLI makes now (regenerate: scripts/make-templates.mjs). */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
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
    const r = cli([
      'validate',
      '--no-units',
      '--campaign',
      join(committed, 'campaign-2023-nanchang.yaml'),
      join(ROOT, 'fixtures', 'sample', '东湖区.yaml'),
    ]);
    expect(r.code).toBe(0);
  });
});

describe('another year’s campaign', () => {
  const campaign2024 = join(ROOT, 'fixtures', 'campaign', 'nanchang-2024.yaml');

  it('its YAML template gives examples of its own year, never 2023', () => {
    const yaml = cli(['template', '--format', 'yaml', '--campaign', campaign2024]).stdout;
    expect(yaml).toContain('例：2024年11月15日至11月21日');
    expect(yaml).not.toMatch(/例：[^\n]*2023/);
  });

  it('a missing 活动时间 is explained with an example of its year', () => {
    const dir = tempDir();
    const file = join(dir, '东湖区.yaml');
    const text = readFileSync(join(ROOT, 'fixtures', 'sample', '东湖区.yaml'), 'utf8')
      .replace(/^(\s*)活动时间:.*$/m, '$1活动时间:')
      .replace(/2023/g, '2024');
    writeFileSync(file, text);
    const r = cli(['validate', '--no-units', '--campaign', campaign2024, file]);
    expect(r.stdout).toContain('例如：2024年11月15日至11月21日');
  });
});
