/**
 * The one prompt module: everything interactive goes through a `Prompter`, so tests script the
 * answers by mocking this module (changesets' pattern) and nothing else knows about
 * `@inquirer/prompts`, which loads only when `createPrompter` runs (it is external to the bundle).
 *
 * Ctrl+C inside a prompt becomes `InterruptedError` (exit 130); the caller keeps the draft.
 */
import { InterruptedError } from '../core/errors.js';
import { formatMessage, type Lang, type MessageCode } from '../core/messages.js';
import { say } from '../core/say.js';
import { editText, editorCommand } from './editor.js';
import { EDITOR_REQUEST, makeLinesPrompt } from './lines.js';
import { makeSearchPrompt, type Choice } from './search.js';

export type { Choice };

/** Why an answer is refused before its prompt closes (empty: accepted); see `LinesConfig.check`. */
export type AnswerCheck = (answer: string) => Promise<readonly string[]> | readonly string[];

export interface Prompter {
  /**
   * One answer, ended by Enter; an empty answer gives `default` when there is one. Lines pasted
   * together (one burst) are all kept, joined by line breaks.
   */
  input(opts: { message: string; default?: string; check?: AnswerCheck }): Promise<string>;
  /**
   * Several lines, typed (or pasted) and ended by an empty line; `:e` on the first line opens
   * `$VISUAL`/`$EDITOR` when one is set. An empty first line keeps `default`.
   */
  multiline(opts: { message: string; default?: string; check?: AnswerCheck }): Promise<string>;
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
  /** The terminal (tests pass streams); standard input and output otherwise. */
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Runs the editor (tests replace it); `editText` otherwise. */
  edit?: typeof editText;
}

/** 是/否, y/n, yes/no, 好/对/不: the answer to a yes-or-no question; undefined when it is neither. */
export function readYesNo(text: string): boolean | undefined {
  const a = text.trim().toLowerCase();
  if (/^(是|是的|好|对|确定|y|yes)$/.test(a)) return true;
  if (/^(否|不|不是|不要|取消|n|no)$/.test(a)) return false;
  return undefined;
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

/** Inquirer's key hints (「↑↓ navigate」), said in the user's language. */
const KEYS: Record<string, MessageCode> = { navigate: 'prompt.key.navigate', select: 'prompt.key.select', search: 'prompt.key.search' };

export async function createPrompter(opts: PrompterOptions): Promise<Prompter> {
  const [inquirer, core] = await Promise.all([import('@inquirer/prompts'), import('@inquirer/core')]);
  const lines = makeLinesPrompt(core);
  const searchPrompt = makeSearchPrompt(core);
  const context = { ...(opts.input ? { input: opts.input } : {}), ...(opts.output ? { output: opts.output } : {}) };
  const keysHelpTip = (keys: [string, string][]) =>
    keys.map(([key, action]) => `${key} ${KEYS[action] ? say(opts.lang, KEYS[action]) : action}`).join(' • ');
  const theme = { style: { keysHelpTip } };
  const editor = editorCommand(opts.env);
  const edit = opts.edit ?? editText;

  return {
    input: (o) =>
      guard(
        async () =>
          (await lines(
            {
              message: o.message,
              ...(o.default !== undefined && o.default !== '' ? { default: o.default } : {}),
              multiline: false,
              editor: false,
              lang: opts.lang,
              ...(o.check ? { check: o.check } : {}),
            },
            context,
          )) as string,
      ),
    async multiline(o) {
      const multiLineDefault = Boolean(o.default && o.default.includes('\n'));
      if (multiLineDefault)
        opts.write(
          `${say(opts.lang, 'prompt.currentTextEnterKeeps')}\n${o
            .default!.split('\n')
            .map((l) => `    ${l}`)
            .join('\n')}`,
        );
      opts.write(say(opts.lang, 'prompt.severalLines', { editor: editor ? say(opts.lang, 'prompt.severalLinesEditor', { editor }) : '' }));
      for (;;) {
        const answer = await guard(() =>
          lines(
            {
              message: o.message,
              ...(o.default !== undefined && o.default !== '' ? { default: o.default } : {}),
              multiline: true,
              editor: Boolean(editor),
              lang: opts.lang,
              ...(o.check ? { check: o.check } : {}),
            },
            context,
          ),
        );
        if (answer !== EDITOR_REQUEST) return answer;
        opts.write(say(opts.lang, 'prompt.openingSaveCloseGo', { editor: editor ?? '' }));
        const edited = await edit(editor!, o.default ?? '');
        if (!edited.ok) {
          opts.write(say(opts.lang, 'prompt.editorFailedNothingWas', { reason: edited.reason }));
          continue;
        }
        if (edited.text.trim() === '') {
          opts.write(say(opts.lang, 'prompt.editorReturnedNothingType'));
          continue;
        }
        opts.write(
          `${say(opts.lang, 'prompt.fromEditor')}\n${edited.text
            .split('\n')
            .map((l) => `    ${l}`)
            .join('\n')}`,
        );
        return edited.text;
      }
    },
    select: <T>(o: { message: string; choices: readonly Choice<T>[]; default?: T }) =>
      guard(() =>
        inquirer.select<T>(
          {
            message: o.message,
            choices: o.choices.map((c) => ({
              name: c.name,
              value: c.value,
              ...(c.description ? { description: c.description } : {}),
              ...(c.disabled ? { disabled: c.disabled } : {}),
            })),
            ...(o.default !== undefined ? { default: o.default } : {}),
            pageSize: 12,
            theme,
          },
          context,
        ),
      ),
    search: <T>(o: { message: string; source: (term: string) => readonly Choice<T>[] }) =>
      guard(() => searchPrompt<T>({ message: o.message, source: o.source, pageSize: 12, lang: opts.lang }, context)),
    // Yes or no, typed: 是/否 as well as y/n. Inquirer's confirm read only y/n, so a clerk typing 「否」
    // got the default (是) — shown, and acted on. Anything else is refused on the line.
    confirm: async (o) => {
      const yes = say(opts.lang, 'prompt.yes');
      const no = say(opts.lang, 'prompt.no');
      const text = await guard(
        async () =>
          (await lines(
            {
              message: `${o.message}${say(opts.lang, 'prompt.yesNoHint')}`,
              default: o.default === false ? no : yes,
              multiline: false,
              editor: false,
              lang: opts.lang,
              check: (answer) => (readYesNo(answer) === undefined ? [formatMessage('prompt.yesNo', {}, opts.lang)] : []),
            },
            context,
          )) as string,
      );
      return readYesNo(text)!;
    },
    note: (text) => opts.write(text),
  };
}
