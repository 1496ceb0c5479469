/**
 * A scripted `Prompter` for tests: each prompt takes the next step of the script. Tests replace the
 * one prompt module with it (`vi.mock('../../src/prompt/index.js', …)`), so the real command runs
 * with typed answers and no terminal.
 */
import { InterruptedError } from '../../src/core/errors.js';
import type { Choice, Prompter } from '../../src/prompt/index.js';

/** Simulates Ctrl+C at that prompt. */
export const CTRL_C = Symbol('ctrl-c');
/** Presses Enter on an empty line (the default, if any). */
export const ENTER = '';

export type Step =
  | string // typed into input / multiline (the whole text; '' = Enter)
  | boolean // confirm
  | typeof CTRL_C
  | { search: string } // type a filter into a search prompt, take the first match
  | { pick: string }; // select the choice whose value equals, or whose name contains, this

export interface Transcript {
  /** Every prompt's message and what was answered. */
  asked: Array<{ kind: string; message: string; default?: string | boolean; answer?: unknown }>;
  /** Notes and everything the command printed through `io`. */
  printed: string[];
}

export function scriptedPrompter(steps: Step[], transcript: Transcript): Prompter {
  const queue = [...steps];
  const next = (kind: string, message: string, def?: string | boolean): Step => {
    const step = queue.shift();
    if (step === undefined) throw new Error(`script ran out at ${kind} “${message}”`);
    transcript.asked.push({ kind, message, ...(def !== undefined ? { default: def } : {}), answer: step });
    if (step === CTRL_C) throw new InterruptedError();
    return step;
  };
  const text = (kind: string, o: { message: string; default?: string }) => {
    const step = next(kind, o.message, o.default);
    if (typeof step !== 'string') throw new Error(`expected text for “${o.message}”, script has ${String(step)}`);
    return step === '' && o.default !== undefined ? o.default : step;
  };
  const choose = <T>(message: string, choices: readonly Choice<T>[], step: Step): T => {
    if (typeof step !== 'object' || !('pick' in step)) throw new Error(`expected { pick } for “${message}”`);
    const found = choices.find((c) => c.value === step.pick) ?? choices.find((c) => c.name.includes(step.pick));
    if (!found) throw new Error(`no choice “${step.pick}” in “${message}”: ${choices.map((c) => c.name).join(' | ')}`);
    return found.value;
  };
  return {
    input: async (o) => text('input', o),
    multiline: async (o) => text('multiline', o),
    select: async (o) => choose(o.message, o.choices, next('select', o.message)),
    search: async (o) => {
      const step = next('search', o.message);
      if (typeof step !== 'object' || !('search' in step)) throw new Error(`expected { search } for “${o.message}”`);
      const first = o.source(step.search).find((c) => !c.disabled);
      if (!first) throw new Error(`nothing matches “${step.search}”`);
      return first.value;
    },
    confirm: async (o) => {
      const step = next('confirm', o.message, o.default);
      if (typeof step !== 'boolean') throw new Error(`expected a boolean for “${o.message}”`);
      return step;
    },
    note: (s) => void transcript.printed.push(s),
  };
}

/**
 * Answers to the whole interview, in question order (举办县区 first), as a clerk would type them.
 * Each entry may be several steps (an invalid answer, then a valid one).
 */
export function fullInterview(overrides: Partial<Record<string, Step[]>> = {}): Step[] {
  const answers: Record<string, Step[]> = {
    district: [{ search: '东湖' }],
    year: [ENTER],
    department: [ENTER],
    contacts: ['张敏 0791-86771234', ENTER],
    organizers: ['主办：东湖区教育体育局；协办：东湖区社区教育学院'],
    'leadership.documentIssuer': ['东湖区教育体育局'],
    'leadership.openingLeaders': ['区政府副区长、区教体局局长'],
    'leadership.coordinator': ['东湖区社区教育学院'],
    'leadership.planMaker': ['东湖区教育体育局职成教科'],
    'participation.activityCount': ['36'],
    'participation.participantCount': ['1.2万人次'],
    'participation.featuredActivities': ['「书香东湖」亲子共读、老年智能手机课堂'],
    'content.theme': [ENTER],
    'content.description': ['开幕式暨百姓学习之星分享会；\n社区大讲堂 12 场'],
    'content.outcomes': ['营造了全民终身学习的浓厚氛围。'],
    'content.period': ['11月15日-21日'],
    'reach.scope': ['全区 10 个街道、35 个社区及 6 家企业'],
    'reach.satisfaction': ['98%'],
    'reach.selfAssessment': ['组织有力，成效明显。'],
    'publicity.scope': ['区融媒体中心、微信公众号'],
    'publicity.textReports': ['8 篇'],
    'publicity.mediaReports': ['3 条视频、120 张照片'],
    other: [ENTER],
    ...overrides,
  } as Record<string, Step[]>;
  return Object.values(answers).flat();
}
