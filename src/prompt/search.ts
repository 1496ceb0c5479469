/**
 * The list filtered as the user types (举办县区, 修改哪一项). Built on `@inquirer/core` like
 * `lines.ts`, because `@inquirer/search` asks its source for the list asynchronously and answers
 * Enter with the list it drew last: text and Enter arriving in one burst (a paste, a fast typist)
 * picked the first unit of the unfiltered list (东湖区) while the screen, redrawn a moment later,
 * confirmed the unit typed (南昌县).
 *
 * The rule here: the list is a pure function of the text on the line, computed when the key
 * arrives, and Enter picks from the list for the line as it is at that moment; the line printed
 * after the answer is drawn from the very choice returned. What the screen confirms is what the
 * caller gets, whatever the timing of the keys.
 */
import type { Lang } from '../core/messages.js';
import { say } from '../core/say.js';

export interface SearchConfig<T> {
  message: string;
  source: (term: string) => readonly Choice<T>[];
  pageSize: number;
  lang: Lang;
}

/** One entry of a list to choose from (select and search). */
export interface Choice<T> {
  /** What the list shows. */
  name: string;
  value: T;
  description?: string;
  /** Shown but not selectable (「没有匹配的单位」); the text says why. */
  disabled?: string;
}

type Inquirer = typeof import('@inquirer/core');
type RunSearch = <T>(config: SearchConfig<T>, context?: { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream }) => Promise<T>;

const selectable = <T>(c: Choice<T> | undefined): c is Choice<T> => c !== undefined && !c.disabled;

export function makeSearchPrompt(core: Inquirer): RunSearch {
  const { createPrompt, useKeypress, usePrefix, useRef, useState, usePagination, makeTheme, isEnterKey, isUpKey, isDownKey, isTabKey } =
    core;
  const prompt = createPrompt<unknown, SearchConfig<unknown>>((config, done) => {
    const theme = makeTheme({});
    const [status, setStatus] = useState<'idle' | 'done'>('idle');
    const [, setTick] = useState(0);
    const s = useRef({
      term: '',
      choices: config.source('') as readonly Choice<unknown>[],
      active: -1,
      picked: undefined as Choice<unknown> | undefined,
      tick: 0,
    }).current;
    const firstSelectable = () => s.choices.findIndex((c) => selectable(c));
    if (s.active === -1) s.active = firstSelectable();
    const prefix = usePrefix({ status, theme });
    const redraw = () => setTick(++s.tick);
    /** The list for exactly this text, the pointer back on its first item. */
    const refilter = (term: string) => {
      if (term === s.term) return;
      s.term = term;
      s.choices = config.source(term);
      s.active = firstSelectable();
    };

    useKeypress((key, rl) => {
      if (status === 'done') return;
      if (isEnterKey(key)) {
        // readline has already emptied its line for this Enter: `s.term` is the text the list was
        // filtered by at the last key (kept in step on every key, never waiting for a redraw).
        const choice = s.choices[s.active];
        if (!selectable(choice)) {
          rl.write(s.term); // readline clears the line on Enter: give the text back
          return redraw();
        }
        s.picked = choice;
        setStatus('done');
        done(choice.value);
        return;
      }
      if (isUpKey(key) || isDownKey(key)) {
        rl.clearLine(0);
        rl.write(s.term);
        const step = isUpKey(key) ? -1 : 1;
        for (let next = s.active + step; next >= 0 && next < s.choices.length; next += step)
          if (selectable(s.choices[next])) {
            s.active = next;
            break;
          }
        return redraw();
      }
      if (isTabKey(key)) {
        rl.clearLine(0);
        const choice = s.choices[s.active];
        rl.write(selectable(choice) ? choice.name.replace(/\s*[（(].*$/, '') : s.term);
      }
      refilter(rl.line);
      redraw();
    });

    const message = theme.style.message(config.message, status);
    if (status === 'done') return `${prefix} ${message} ${theme.style.answer(s.picked?.name ?? '')}`;
    const page = usePagination({
      items: s.choices as Choice<unknown>[],
      active: Math.max(0, s.active),
      renderItem({ item, isActive }) {
        if (item.disabled) return theme.style.help(`- ${item.name} ${item.disabled}`);
        return isActive ? theme.style.highlight(`❯ ${item.name}`) : `  ${item.name}`;
      },
      pageSize: config.pageSize,
      loop: false,
    });
    const description = s.choices[s.active]?.description;
    const help = say(config.lang, 'prompt.typeFilterNavigateSelect');
    return [
      `${prefix} ${message} ${s.term}`,
      [page, ' ', ...(description ? [theme.style.help(description)] : []), theme.style.help(help)].join('\n'),
    ];
  });
  return prompt as RunSearch;
}
