/**
 * Long texts in the clerk's own editor (`$VISUAL`, else `$EDITOR`): the text so far
 * goes into a temporary `.txt` file, the editor runs in the terminal (the command may carry its own
 * arguments, `code --wait`), and what is saved is the answer. The file is removed afterwards.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The editor command from the environment, or undefined when none is set. */
export function editorCommand(env: NodeJS.ProcessEnv): string | undefined {
  const command = (env.VISUAL || env.EDITOR || '').trim();
  return command === '' ? undefined : command;
}

export type Edited = { ok: true; text: string } | { ok: false; reason: string };

/** Quote a path for the shell the command runs in (sh, or cmd.exe on Windows). */
function quote(path: string): string {
  return process.platform === 'win32' ? `"${path}"` : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** Run `command FILE` on `initial`; resolves to the saved text (CRLF folded, final newline dropped). */
export async function editText(command: string, initial: string, opts: { stdio?: 'inherit' | 'ignore' } = {}): Promise<Edited> {
  const dir = await mkdtemp(join(tmpdir(), 'lifelong-week-'));
  const file = join(dir, '填写内容.txt');
  try {
    await writeFile(file, initial === '' ? '' : `${initial}\n`, 'utf8');
    const code = await new Promise<number | string>((resolve) => {
      const child = spawn(`${command} ${quote(file)}`, { shell: true, stdio: opts.stdio ?? 'inherit' });
      child.on('error', (e) => resolve(e.message));
      child.on('exit', (status, signal) => resolve(status ?? signal ?? 1));
    });
    if (code !== 0) return { ok: false, reason: typeof code === 'string' ? code : `exit ${code}` };
    const text = (await readFile(file, 'utf8'))
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .replace(/\n+$/, '');
    return { ok: true, text };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
