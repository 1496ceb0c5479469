/**
 * The one prompt module: everything interactive goes through a `Prompter`, so tests script the
 * answers by mocking this module (changesets' pattern) and nothing else knows about
 * `@inquirer/prompts`, which loads only when `createPrompter` runs (it is external to the bundle).
 *
 * Ctrl+C inside a prompt becomes `InterruptedError` (exit 130); the caller keeps the draft.
 */
import { InterruptedError } from '../core/errors.js';
import type { Lang } from '../core/messages.js';

export interface Choice<T> {
  /** What the list shows. */
  name: string;
  value: T;
  description?: string;
}

export interface Prompter {
  /** One line of text; an empty answer gives `default` when there is one. */
  input(opts: { message: string; default?: string }): Promise<string>;
  /**
   * Several lines: `$VISUAL`/`$EDITOR` when set, else typed line by line and ended by an empty line.
   * An empty first line keeps `default`.
   */
  multiline(opts: { message: string; default?: string }): Promise<string>;
  select<T>(opts: { message: string; choices: readonly Choice<T>[]; default?: T }): Promise<T>;
  /** A list filtered as the user types; `source(term)` gives the matching choices. */
  search<T>(opts: { message: string; source: (term: string) => readonly Choice<T>[] }): Promise<T>;
  confirm(opts: { message: string; default?: boolean }): Promise<boolean>;
  /** Plain lines between prompts (for the multi-line loop's instructions). */
  note(text: string): void;
}

export interface PrompterOptions {
  lang: Lang;
  env: NodeJS.ProcessEnv;
  /** Where notes go (standard output). */
  write(text: string): void;
}

/** Inquirer throws `ExitPromptError` on Ctrl+C (and `AbortPromptError` when cancelled). */
function isPromptExit(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
}

async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isPromptExit(e)) throw new InterruptedError();
    throw e;
  }
}

const KEYS_ZH: Record<string, string> = { navigate: '上下移动', select: '选择', search: '输入文字筛选' };

export async function createPrompter(opts: PrompterOptions): Promise<Prompter> {
  const inquirer = await import('@inquirer/prompts');
  const zh = opts.lang === 'zh';
  const keysHelpTip = (keys: [string, string][]) =>
    keys.map(([key, action]) => `${key} ${zh ? (KEYS_ZH[action] ?? action) : action}`).join(' • ');
  const theme = { style: { keysHelpTip } };
  const editorCommand = opts.env.VISUAL || opts.env.EDITOR;

  const input = (o: { message: string; default?: string }) =>
    guard(() => inquirer.input({ message: o.message, ...(o.default !== undefined && o.default !== '' ? { default: o.default } : {}) }));

  return {
    input,
    async multiline(o) {
      if (editorCommand) {
        return guard(() =>
          inquirer.editor({
            message: `${o.message}${zh ? `（按回车打开编辑器 ${editorCommand}，保存并关闭后继续）` : ` (Enter opens ${editorCommand}; save and close to go on)`}`,
            ...(o.default ? { default: o.default } : {}),
            file: { postfix: '.txt' },
          }),
        );
      }
      const multiLineDefault = Boolean(o.default && o.default.includes('\n'));
      if (multiLineDefault)
        opts.write(`${zh ? '  现在的内容（直接回车保留）：' : '  Current text (Enter keeps it):'}\n${o.default!.split('\n').map((l) => `    ${l}`).join('\n')}`);
      opts.write(zh ? '  （可输入多行：每行按回车换行，空一行结束。）' : '  (Several lines allowed; an empty line ends the answer.)');
      const lines: string[] = [];
      for (;;) {
        const first = lines.length === 0;
        const line = await input({
          message: first ? o.message : zh ? `  第 ${lines.length + 1} 行` : `  line ${lines.length + 1}`,
          ...(first && o.default && !multiLineDefault ? { default: o.default } : {}),
        });
        if (line.trim() === '') {
          if (first && multiLineDefault) return o.default!;
          break;
        }
        lines.push(line);
        // The default (or `<` for "back") stands alone: no more lines are read after it.
        if (first && (line === o.default || /^\s*[<＜]\s*$/.test(line))) break;
      }
      return lines.join('\n');
    },
    select: <T>(o: { message: string; choices: readonly Choice<T>[]; default?: T }) =>
      guard(() =>
        inquirer.select<T>({
          message: o.message,
          choices: o.choices.map((c) => ({ name: c.name, value: c.value, ...(c.description ? { description: c.description } : {}) })),
          ...(o.default !== undefined ? { default: o.default } : {}),
          pageSize: 12,
          theme,
        }),
      ),
    search: <T>(o: { message: string; source: (term: string) => readonly Choice<T>[] }) =>
      guard(() =>
        inquirer.search<T>({
          message: o.message,
          source: (term) => o.source(term ?? '').map((c) => ({ name: c.name, value: c.value, ...(c.description ? { description: c.description } : {}) })),
          pageSize: 12,
          theme,
        }),
      ),
    confirm: (o) =>
      guard(() =>
        inquirer.confirm({
          message: o.message,
          default: o.default ?? true,
          ...(zh ? { transformer: (v: boolean) => (v ? '是' : '否') } : {}),
        }),
      ),
    note: (text) => opts.write(text),
  };
}
