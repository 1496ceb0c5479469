/**
 * The interview loop: asks the current question through the injected `Prompter`, checks the answer
 * (`checkAnswer`: the normalisers and rules of `validate`), steps the state machine and saves the
 * draft after every step. No file or terminal access of its own: the command passes `out` and `save`.
 */
import type { Campaign } from '../campaign/campaign.js';
import { say } from '../core/say.js';
import { formatMessage, type Lang } from '../core/messages.js';
import { emptyRaw, type Problem } from '../core/problem.js';
import { fieldById, type Field, type FieldId } from '../form/definition.js';
import { displayValue, formatContacts } from '../form/display.js';
import type { Contact, Submission } from '../form/schema.js';
import type { Choice, Prompter } from '../prompt/index.js';
import { validateRaw } from '../validate/validate.js';
import { checkAnswer } from './answer.js';
import type { GlyphCheck } from './glyphs.js';
import { matchUnits, pinyinMatches } from './pinyin.js';
import { askStyle, defaultText, isBack, questionHelp, questionOrder, questionTitle, type Values } from './questions.js';
import { answer, atSummary, back, currentField, edit, type InterviewState } from './state.js';
import { summaryTable } from './summary.js';

export interface InterviewContext {
  prompter: Prompter;
  campaign: Campaign;
  lang: Lang;
  out(text: string): void;
  /** Persist the state (the draft); called after every answer, every step back and every edit. */
  save(state: InterviewState): Promise<void>;
  /** Terminal width for the summary. */
  columns?: number;
  /** Terminal height: a longer summary is shown a screenful at a time. */
  rows?: number;
  /** Skip the confirmation at the summary (`--yes`). */
  yes?: boolean;
  /** Characters the PDF cannot print (`fontGlyphCheck`): checked at every answer and again at the summary. */
  glyphs?: GlyphCheck;
}

export interface Finished {
  state: InterviewState;
  submission: Submission;
  /** Warnings the whole-form check still reports (shown in the summary). */
  problems: Problem[];
}

export const BACK = Symbol('back');
type Asked = { value: unknown } | typeof BACK;

/** The whole-form check, through `validateRaw` itself, on the answers as `display.ts` writes them. */
export function checkValues(values: Values, campaign: Campaign) {
  const raw = emptyRaw();
  for (const field of questionOrder()) {
    const value = values[field.id];
    if (value === undefined) continue;
    raw.entries.set(field.id, { value: field.kind === 'count' || field.kind === 'year' ? value : displayValue(field, value) });
  }
  return validateRaw(raw, campaign);
}

export async function runInterview(initial: InterviewState, ctx: InterviewContext): Promise<Finished> {
  const { lang, campaign } = ctx;
  let state = initial;
  const total = () => state.queue.length;
  for (;;) {
    if (atSummary(state)) {
      const result = checkValues(state.values, campaign);
      ctx.out('');
      await showPaged(summaryTable(state.values, campaign, lang, ctx.columns), ctx);
      const errors = result.problems.filter((p) => p.severity === 'error');
      const warnings = result.problems.filter((p) => p.severity === 'warning');
      // Answers kept from a file or a draft were not checked against the font when typed.
      const unprintable: Array<{ id: string; message: string }> = [];
      if (ctx.glyphs)
        for (const field of questionOrder())
          for (const message of await ctx.glyphs(field, state.values[field.id])) unprintable.push({ id: field.id, message });
      for (const p of warnings) ctx.out(`⚠ ${p.field ? `${fieldById(p.field).labelPath}：` : ''}${formatMessage(p.code, p.params, lang)}`);
      if (errors.length > 0 || !result.submission || unprintable.length > 0) {
        for (const p of errors) ctx.out(`✗ ${p.field ? `${fieldById(p.field).labelPath}：` : ''}${formatMessage(p.code, p.params, lang)}`);
        for (const u of unprintable) ctx.out(`✗ ${u.message}`);
        const ids = [
          ...new Set([...errors.map((p) => p.field), ...unprintable.map((u) => u.id)].filter((id): id is FieldId => Boolean(id))),
        ];
        ctx.out(say(lang, 'fill.someItemsStillNeed'));
        state = { values: state.values, queue: ids, pos: 0 };
        await ctx.save(state);
        if (ids.length > 0) continue;
        throw new Error(`the answers do not validate: ${errors.map((p) => p.code).join(', ')}`);
      }
      if (ctx.yes) return { state, submission: result.submission, problems: result.problems };
      const choice = await ctx.prompter.select<'write' | 'edit'>({
        message: say(lang, 'fill.everythingCorrect'),
        choices: [
          { name: say(lang, 'fill.yesWriteYamlWord'), value: 'write' },
          { name: say(lang, 'fill.changeItem'), value: 'edit' },
        ],
      });
      if (choice === 'write') return { state, submission: result.submission, problems: result.problems };
      const id = await ctx.prompter.search<FieldId | ''>({
        message: say(lang, 'fill.whichItemTypeNumber'),
        source: (term) => itemChoices(term, state.values, lang),
      });
      // '' is the disabled 「没有匹配的项目」 line, which cannot be chosen.
      if (id !== '') state = edit(state, id);
      await ctx.save(state);
      continue;
    }

    const field = currentField(state)!;
    ctx.out('');
    ctx.out(questionTitle(field, state.pos + 1, total(), lang));
    ctx.out(questionHelp(field, lang, ctx.campaign.year));
    const asked = await ask(field, state, ctx);
    if (asked === BACK) {
      const stepped = back(state);
      if (!stepped.moved) ctx.out(say(lang, 'fill.firstQuestion'));
      state = stepped.state;
    } else state = answer(state, asked.value, campaign);
    await ctx.save(state);
  }
}

/**
 * The items to change, filtered by what was typed: its number (「21」), part of its label
 * (「文字报道」, 「报道」) or of its value. Numbers match first, then labels, then values.
 */
export function itemChoices(term: string, values: Values, lang: Lang): Choice<FieldId | ''>[] {
  const q = term.trim().replace(/[．。.、]$/, '');
  const all = questionOrder().map((f, i) => ({ f, n: i + 1, text: displayValue(f, values[f.id]) }));
  const rank = ({ f, n, text }: (typeof all)[number]): number | undefined => {
    if (q === '') return 0;
    if (/^\d+$/.test(q)) return String(n) === q ? 0 : String(n).startsWith(q) ? 1 : undefined;
    if (f.label === q) return 0;
    if (f.labelPath.includes(q)) return 1;
    if (pinyinMatches(q, [f.label])) return 2;
    if (text.includes(q)) return 3;
    return undefined;
  };
  const hits = all
    .map((item) => ({ item, r: rank(item) }))
    .filter((h): h is { item: (typeof all)[number]; r: number } => h.r !== undefined)
    .sort((a, b) => a.r - b.r || a.item.n - b.item.n);
  if (hits.length === 0) return [{ name: say(lang, 'fill.noItemMatches', { q }), value: '', disabled: say(lang, 'fill.typeNumberLabel') }];
  return hits.map(({ item }) => ({ name: `${String(item.n).padStart(2)}. ${item.f.labelPath}：${short(item.text)}`, value: item.f.id }));
}

/**
 * A table taller than the terminal, shown a screenful at a time (the review is ~60 lines; a
 * 40-line window scrolled its top away): Enter shows the next part.
 */
async function showPaged(text: string, ctx: InterviewContext): Promise<void> {
  const lines = text.split('\n');
  const room = ctx.rows !== undefined && !ctx.yes ? Math.max(10, ctx.rows - 4) : Infinity;
  if (lines.length <= room) return ctx.out(text);
  const pages = Math.ceil(lines.length / room);
  for (let p = 0; p < pages; p++) {
    ctx.out(lines.slice(p * room, (p + 1) * room).join('\n'));
    if (p + 1 < pages) await ctx.prompter.input({ message: say(ctx.lang, 'fill.pageEnterNextPage', { p: p + 1, pages }) });
  }
}

const short = (text: string) => {
  const line = text.replace(/\s*\n\s*/g, ' ');
  return line.length > 30 ? `${line.slice(0, 29)}…` : line || '—';
};

/** Ask one field until the answer passes (or the user goes back). */
async function ask(field: Field, state: InterviewState, ctx: InterviewContext): Promise<Asked> {
  const { prompter, lang, campaign } = ctx;
  const canGoBack = state.pos > 0;
  const fallback = defaultText(field, campaign, state.values);
  const backHint = canGoBack ? say(lang, 'fill.typeGoBack') : '';

  if (askStyle(field) === 'unit') {
    let picked: string | typeof BACK = '';
    // '' is the "nothing matches" line, which the list never lets anybody pick; asked again if it were.
    while (picked === '')
      picked = await prompter.search<string | typeof BACK>({
        message: say(lang, 'fill.typeFilterAliasesPinyin', { label: field.label }),
        source: (term) => unitChoices(term, campaign, canGoBack, lang, state.values[field.id] as string | undefined),
      });
    if (picked === BACK) return BACK;
    return { value: checkAnswer(field, picked, campaign, state.values, lang).value };
  }

  if (askStyle(field) === 'contacts') return askContacts(field, state, ctx, backHint);

  const check = refusals(field, state.values, ctx);
  for (;;) {
    const message = `${field.label}${backHint}`;
    const text =
      askStyle(field) === 'multiline'
        ? await prompter.multiline({ message, ...(fallback !== undefined ? { default: fallback } : {}), check })
        : await prompter.input({ message, ...(fallback !== undefined ? { default: fallback } : {}), check });
    if (isBack(text)) return BACK;
    const accepted = await judge(field, text, state.values, ctx);
    if (accepted) return accepted;
  }
}

/** The reasons an answer is refused, for the prompt to show before it closes (see `judge`). */
function refusals(field: Field, values: Values, ctx: InterviewContext, allowEmpty = false) {
  return async (text: string): Promise<string[]> => {
    if (isBack(text) || (allowEmpty && text.trim() === '')) return [];
    const checked = checkAnswer(field, text, ctx.campaign, values, ctx.lang);
    if (checked.errors.length > 0) return checked.errors;
    return ctx.glyphs ? ctx.glyphs(field, checked.value) : [];
  };
}

/** Check one answer; print errors, the read-back and warnings; `undefined` means ask again. */
async function judge(field: Field, text: string, values: Values, ctx: InterviewContext): Promise<{ value: unknown } | undefined> {
  const { lang } = ctx;
  const checked = checkAnswer(field, text, ctx.campaign, values, lang);
  const unprintable = checked.errors.length === 0 && ctx.glyphs ? await ctx.glyphs(field, checked.value) : [];
  if (checked.errors.length > 0 || unprintable.length > 0) {
    for (const e of [...checked.errors, ...unprintable]) ctx.out(`  ✗ ${e}`);
    return undefined;
  }
  if (checked.echo) ctx.out(`  ✓ ${checked.echo}`);
  if (checked.warnings.length > 0) {
    for (const w of checked.warnings) ctx.out(`  ⚠ ${w}`);
    const keep = await ctx.prompter.confirm({ message: say(lang, 'fill.keepAnswer'), default: true });
    if (!keep) return undefined;
  }
  return { value: checked.empty ? undefined : checked.value };
}

/**
 * The roster filtered by what was typed: a name, an alias or the department; the name's pinyin or
 * its initials (`qingshan`, `qsh`). Nothing matching is said plainly and nothing can be picked: a
 * typo must never choose a unit (and its 盖章 default) by itself.
 */
export function unitChoices(
  term: string,
  campaign: Campaign,
  canGoBack: boolean,
  lang: Lang,
  current?: string,
): Choice<string | typeof BACK>[] {
  const q = term.trim();
  const matches = matchUnits(q, campaign);
  if (matches.length === 0)
    return [
      {
        name: say(lang, 'fill.noUnitMatches', { q }),
        value: '',
        disabled: say(lang, 'fill.tryAnotherSpellingClear'),
      },
    ];
  const units = matches.map((u) => ({
    name: u.name === current ? `${u.name} ${say(lang, 'fill.current')}` : u.name,
    value: u.name as string | typeof BACK,
    description: `${say(lang, 'fill.stampingBody')}：${u.department}${u.aliases.length ? `；${say(lang, 'fill.also')} ${u.aliases.join('、')}` : ''}`,
  }));
  if (current && q === '') units.sort((a, b) => Number(b.value === current) - Number(a.value === current));
  return canGoBack ? [...units, { name: say(lang, 'fill.back'), value: BACK }] : units;
}

/** Several contacts: one per answer, until an empty answer; `<` takes back the last one given. */
async function askContacts(field: Field, state: InterviewState, ctx: InterviewContext, backHint: string): Promise<Asked> {
  const { prompter, lang } = ctx;
  const existing = state.values[field.id] as Contact[] | undefined;
  /** Each answer's contacts (one answer may name several). */
  const given: Contact[][] = [];
  // The draft keeps the contacts given so far: stopped at 「再添加一位联系人」 (Ctrl+C), they are not
  // lost, and resumed they are this question's default.
  const keep = () => ctx.save(given.length > 0 ? { ...state, values: { ...state.values, [field.id]: given.flat() } } : state);
  let again: string | undefined = existing ? formatContacts(existing) : undefined;
  for (;;) {
    const count = given.flat().length;
    const first = given.length === 0;
    const message = first ? say(lang, 'fill.contactNamePhone', { backHint }) : say(lang, 'fill.anotherContactNamePhone', { count });
    const text = await prompter.input({
      message,
      ...(again !== undefined ? { default: again } : {}),
      check: refusals(field, state.values, ctx, !first),
    });
    again = undefined;
    if (isBack(text)) {
      if (first) return BACK;
      // Back to the contact just given: asked again, with it as the default.
      again = formatContacts(given.pop()!);
      await keep();
      continue;
    }
    if (!first && text.trim() === '') return { value: given.flat() };
    const accepted = await judge(field, text, state.values, ctx);
    if (accepted?.value) {
      given.push(accepted.value as Contact[]);
      await keep();
    }
  }
}
