/**
 * The text prompt of the interview: one line, or several lines ended by an empty line. Built on
 * `@inquirer/core` (loaded lazily with the rest of inquirer) because `@inquirer/input` ends at the
 * first Enter and drops whatever else arrived with it: a clerk pasting two lines from Word lost the
 * second one, and nothing typed may be lost.
 *
 * The rule: lines that arrive in one burst (a paste: keys with no pause after an Enter) belong to the
 * same answer. An Enter only counts as "done" (or, in several-line mode, an empty line as "end")
 * when no further key follows it within `BURST_MS`; a person does not type the next key 60 ms after
 * Enter, a terminal pasting does. So nothing pasted is ever dropped, and nothing typed is ever taken
 * as the answer to another question.
 */
import type { Lang } from '../core/messages.js';
import { say } from '../core/say.js';

/** How long after an Enter a following key still belongs to the same paste. */
export const BURST_MS = 60;

/** What the prompt returns besides text: the user asked for `$EDITOR`. */
export const EDITOR_REQUEST = Symbol('editor');

export interface LinesConfig {
  message: string;
  default?: string;
  /** Several lines, ended by an empty line; otherwise one answer ends at Enter (pasted lines kept). */
  multiline: boolean;
  /** `:e` on the first line opens the editor (only offered when `$VISUAL`/`$EDITOR` is set). */
  editor: boolean;
  /** Lines already written (after coming back from the editor, say). */
  lines?: readonly string[];
  lang: Lang;
  /**
   * Checks the answer before the prompt closes: the reasons it is refused (empty: accepted). A
   * refused answer stays on the line to be corrected, with the reasons under it, so the screen never
   * shows 「✔ … 很多」 for an answer that is then refused.
   */
  check?: (answer: string) => Promise<readonly string[]> | readonly string[];
}

/** The lines shown while typing (a long paste shows its last lines, so the prompt fits the screen). */
const SHOWN_LINES = 8;

const isEditorRequest = (line: string) => /^\s*[:：]\s*[eE]\s*$/.test(line);
const isBackLine = (line: string) => /^\s*[<＜]\s*$/.test(line);

type Inquirer = typeof import('@inquirer/core');
type RunLines = (
  config: LinesConfig,
  context?: { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream },
) => Promise<string | typeof EDITOR_REQUEST>;

/** The prompt, made from the core the other prompts use. */
export function makeLinesPrompt(core: Inquirer): RunLines {
  const { createPrompt, useKeypress, usePrefix, useRef, useState, useEffect, makeTheme, isEnterKey, isBackspaceKey, isTabKey } = core;
  const prompt = createPrompt<string | typeof EDITOR_REQUEST, LinesConfig>((config, done) => {
    const theme = makeTheme({});
    const [status, setStatus] = useState<'idle' | 'done'>('idle');
    const [, setTick] = useState(0);
    const s = useRef({
      /** Finished lines of this answer. */
      lines: [...(config.lines ?? [])] as string[],
      /** The line being typed (readline's own buffer, copied after every key). */
      current: '',
      /** An Enter waiting to learn whether more keys follow (a paste) or not (the user pressed it). */
      pending: undefined as { line: string; key: string; timer: NodeJS.Timeout } | undefined,
      final: undefined as string | undefined,
      /** Why the last answer was refused (shown under the input until the next key). */
      refused: [] as readonly string[],
      checking: false,
      tick: 0,
    }).current;
    const prefix = usePrefix({ status, theme });
    const redraw = () => setTick(++s.tick);
    const close = (answer: string | typeof EDITOR_REQUEST) => {
      s.final = answer === EDITOR_REQUEST ? '' : answer;
      setStatus('done');
      done(answer);
    };
    /** The rl of the last key, to put a refused one-line answer back on the line. */
    let lineEditor: { write(text: string): void; line: string } | undefined;
    const finish = (answer: string | typeof EDITOR_REQUEST, typed?: string) => {
      if (answer === EDITOR_REQUEST || !config.check || isBackLine(answer)) return close(answer);
      s.checking = true;
      void Promise.resolve(config.check(answer)).then((reasons) => {
        s.checking = false;
        if (reasons.length === 0) return close(answer);
        s.refused = reasons;
        if (!config.multiline && typed !== undefined) {
          // The answer goes back on the line to be corrected (its earlier pasted lines above it).
          const parts = typed.split('\n');
          s.lines = parts.slice(0, -1);
          s.current = parts[parts.length - 1] ?? '';
          lineEditor?.write(s.current);
        }
        redraw();
      });
    };

    /** The Enter was pressed, not pasted: decide what it means. */
    const enter = (line: string) => {
      const first = s.lines.length === 0;
      if (first && isBackLine(line)) return finish(line.trim());
      if (first && config.editor && isEditorRequest(line)) return finish(EDITOR_REQUEST);
      if (!config.multiline) {
        const all = [...s.lines, line];
        const text = all.join('\n');
        return finish(text.trim() === '' && config.default !== undefined ? config.default : text, text);
      }
      if (line !== '') {
        s.lines.push(line);
        return redraw();
      }
      if (first) return finish(config.default ?? '');
      // Blank lines inside a paste are dropped here as the form drops them, so what this prompt
      // shows as the answer is what is printed.
      return finish(s.lines.filter((l) => l.trim() !== '').join('\n'));
    };

    useEffect(
      () => () => {
        if (s.pending) clearTimeout(s.pending.timer);
      },
      [],
    );

    useKeypress((key, rl) => {
      if (status === 'done' || s.checking) return;
      lineEditor = rl;
      if (s.refused.length > 0 && !isEnterKey(key)) s.refused = [];
      if (s.pending) {
        // A carriage return and a line feed together are one line break.
        if (key.name === 'enter' && s.pending.key === 'return') return;
        // More keys right after an Enter: the Enter was inside a paste, so it is a line break.
        clearTimeout(s.pending.timer);
        s.lines.push(s.pending.line);
        s.pending = undefined;
      }
      if (isEnterKey(key)) {
        const line = s.current;
        s.current = '';
        s.pending = {
          line,
          key: key.name,
          timer: setTimeout(() => {
            if (!s.pending) return;
            s.pending = undefined;
            enter(line);
          }, BURST_MS),
        };
        return;
      }
      if (isBackspaceKey(key) && s.current === '' && rl.line === '' && s.lines.length > 0) {
        // Backspace on an empty line goes back into the line above.
        const previous = s.lines.pop()!;
        rl.write(previous);
        s.current = rl.line;
        return redraw();
      }
      if (isTabKey(key) && s.current === '' && s.lines.length === 0 && config.default && !config.default.includes('\n')) {
        rl.clearLine(0);
        rl.write(config.default);
      }
      s.current = rl.line;
      redraw();
    });

    const message = theme.style.message(config.message, status);
    if (status === 'done') {
      const text = s.final ?? '';
      if (!text.includes('\n')) return `${prefix} ${message} ${theme.style.answer(text)}`;
      return `${prefix} ${message}\n${text
        .split('\n')
        .map((l) => `    ${theme.style.answer(l)}`)
        .join('\n')}`;
    }
    const label = (n: number) => say(config.lang, 'prompt.line', { n });
    // A several-line default is listed above the several-line input; a one-line answer shows its first line.
    const def = config.default ?? '';
    const defaultLines = def.split('\n');
    const shownDefault =
      defaultLines.length === 1
        ? def
        : config.multiline
          ? ''
          : `${defaultLines[0]} …${say(config.lang, 'prompt.lines', { length: defaultLines.length })}`;
    const showDefault = shownDefault !== '' && s.lines.length === 0 && s.current === '';
    const head = `${prefix} ${message}${showDefault ? ` ${theme.style.defaultAnswer(shownDefault)}` : ''}`;
    const held = s.lines.slice(-SHOWN_LINES);
    const hidden = s.lines.length - held.length;
    const body = [
      ...(hidden > 0 ? [say(config.lang, 'prompt.moreLinesAbove', { hidden })] : []),
      ...held.map((l, i) => `    ${String(hidden + i + 1).padStart(2)}│ ${l}`),
    ];
    const refused = s.refused.map((r) => theme.style.error(`✗ ${r}`)).join('\n');
    if (config.multiline || s.lines.length > 0) {
      const cursorLine = `  ${label(s.lines.length + 1)} › ${s.current}`;
      return refused ? [[head, ...body, cursorLine].join('\n'), refused] : [head, ...body, cursorLine].join('\n');
    }
    return refused ? [`${head} ${s.current}`, refused] : `${head} ${s.current}`;
  });
  return prompt as RunLines;
}
