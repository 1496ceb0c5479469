/**
 * The README's set-up works as written: after `npm ci` (done: this test runs on the built checkout),
 * its `npm link` step gives a `lifelong-week` command that runs from any folder, and the commands the
 * tool's hints print then work as printed — also under `npx lifelong-week …`, the README's way
 * without `npm link`. `npm link` goes to a temporary npm prefix (never the machine's global one),
 * offline, without scripts (the checkout is built already).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

const dirs: string[] = [];
const temp = (p: string) => {
  const d = tempDir(p);
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** The commands in the code blocks of the README's set-up section. */
const setupCommands = () => {
  const section = readme.slice(readme.indexOf('## 第一次使用'), readme.indexOf('\n## ', readme.indexOf('## 第一次使用') + 5));
  return [...section.matchAll(/```bash\n([\s\S]*?)```/g)].flatMap((m) =>
    m[1]!
      .split('\n')
      .map((l) => l.replace(/#.*$/, '').trim())
      .filter(Boolean),
  );
};

const run = (cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }) =>
  spawnSync(cmd, args, {
    cwd: opts.cwd,
    env: { ...process.env, LANG: 'C.UTF-8', ...opts.env },
    encoding: 'utf8',
    timeout: 120_000,
    input: '',
  });

/** The built files other tests use, with their modification times: a rebuild under them changes these. */
const builtFiles = () =>
  ['bin.js', 'cmd-serve.js', 'cmd-validate.js', join('web', 'app.js'), join('web', 'app.css')].map((f) => {
    const path = join(ROOT, 'dist', f);
    return `${f} ${existsSync(path) ? statSync(path).mtimeMs : 'missing'}`;
  });

const npm = spawnSync('npm', ['--version'], { encoding: 'utf8' }).status === 0;
if (!npm) console.warn('README set-up test skipped: npm is not on the PATH');

describe.skipIf(!npm)('the README set-up', () => {
  it('is npm ci, npm link, then lifelong-week --version', () => {
    expect(setupCommands()).toEqual(['npm ci', 'npm link', 'lifelong-week --version']);
    expect(readme).toContain('PowerShell');
    expect(readme).toContain('npx lifelong-week');
  });

  it('npm link gives a lifelong-week command that works from any folder, and its hints run as printed', () => {
    const prefix = temp('lw-npm-prefix-');
    const env = {
      npm_config_prefix: prefix,
      npm_config_offline: 'true',
      npm_config_ignore_scripts: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
    };
    const link = run('npm', ['link'], { cwd: ROOT, env });
    expect(link.status, link.stderr).toBe(0);
    const bin = join(prefix, process.platform === 'win32' ? '' : 'bin');
    expect(existsSync(join(bin, 'lifelong-week'))).toBe(true);
    const PATH = `${bin}${delimiter}${process.env.PATH ?? ''}`;
    const elsewhere = temp('lw-clerk-folder-');
    const version = run('lifelong-week', ['--version'], { cwd: elsewhere, env: { PATH } });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    // Without a terminal, fill names the template command; run exactly that.
    const fill = run('lifelong-week', ['fill'], { cwd: elsewhere, env: { PATH } });
    expect(fill.status).toBe(2);
    const hint = /(lifelong-week template [^；\n]*\.yaml)/.exec(fill.stderr)?.[1];
    expect(hint, fill.stderr).toBe('lifelong-week template --format yaml -o 本单位.yaml');
    const [cmd, ...args] = hint!.split(' ');
    const template = run(cmd!, args, { cwd: elsewhere, env: { PATH } });
    expect(template.status, template.stderr).toBe(0);
    expect(existsSync(join(elsewhere, '本单位.yaml'))).toBe(true);
  }, 120_000);

  it('without npm link, npx lifelong-week in the tool’s folder works and its hints say npx lifelong-week', () => {
    const out = temp('lw-npx-');
    // Without scripts: on its first run in a checkout (a fresh clone), npx installs the folder as a
    // package and runs its `prepare`, i.e. `npm run build`, which empties and rewrites dist/ while the
    // other test files run the built CLI and serve pages from it. The checkout is built already.
    const env = { npm_config_offline: 'true', npm_config_ignore_scripts: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
    const built = builtFiles();
    const fill = run('npx', ['--no', 'lifelong-week', 'fill'], { cwd: ROOT, env });
    expect(fill.status).toBe(2);
    expect(fill.stderr).toContain('npx lifelong-week template --format yaml -o 本单位.yaml');
    const template = run('npx', ['--no', 'lifelong-week', 'template', '--format', 'yaml', '-o', join(out, '本单位.yaml')], {
      cwd: ROOT,
      env,
    });
    expect(template.status, template.stderr).toBe(0);
    expect(existsSync(join(out, '本单位.yaml'))).toBe(true);
    // The built CLI the other test files use was left as it was (not rebuilt under them).
    expect(builtFiles()).toEqual(built);
  }, 120_000);
});
