/**
 * The interview loop: asks the current question through the injected `Prompter`, checks the answer
 * (`checkAnswer`: the normalisers and rules of `validate`), steps the state machine and saves the
 * draft after every step. No file or terminal access of its own: the command passes `out` and `save`.
 */
import type { Campaign } from '../campaign/campaign.js';
import { t } from '../core/lang.js';
import { formatMessage, type Lang } from '../core/messages.js';
import { emptyRaw, type Problem } from '../core/problem.js';
import { fieldById, type Field } from '../form/definition.js';
import { displayValue, formatContacts } from '../form/display.js';
import type { Contact, Submission } from '../form/schema.js';
import type { Choice, Prompter } from '../prompt/index.js';
import { validateRaw } from '../validate/validate.js';
import { checkAnswer } from './answer.js';
import type { GlyphCheck } from './glyphs.js';
import { matchUnits } from './pinyin.js';
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
      ctx.out(summaryTable(state.values, campaign, lang, ctx.columns));
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
        const ids = [...new Set([...errors.map((p) => p.field), ...unprintable.map((u) => u.id)].filter((id): id is string => Boolean(id)))];
        ctx.out(t(lang, '还有项目需要补填，请继续回答。', 'Some items still need an answer.'));
        state = { values: state.values, queue: ids, pos: 0 };
        await ctx.save(state);
        if (ids.length > 0) continue;
        throw new Error(`the answers do not validate: ${errors.map((p) => p.code).join(', ')}`);
      }
      if (ctx.yes) return { state, submission: result.submission, problems: result.problems };
      const choice = await ctx.prompter.select<'write' | 'edit'>({
        message: t(lang, '以上内容是否正确？', 'Is everything correct?'),
        choices: [
          { name: t(lang, '正确，生成 YAML、Word 和 PDF 文件', 'Yes: write the YAML, Word and PDF files'), value: 'write' },
          { name: t(lang, '修改某一项', 'Change an item'), value: 'edit' },
        ],
      });
      if (choice === 'write') return { state, submission: result.submission, problems: result.problems };
      const id = await ctx.prompter.select<string>({
        message: t(lang, '修改哪一项？', 'Which item?'),
        choices: questionOrder().map((f) => ({ name: `${f.labelPath}：${short(displayValue(f, state.values[f.id]))}`, value: f.id })),
      });
      state = edit(state, id);
      await ctx.save(state);
      continue;
    }

    const field = currentField(state)!;
    ctx.out('');
    ctx.out(questionTitle(field, state.pos + 1, total(), lang));
    ctx.out(questionHelp(field, lang));
    const asked = await ask(field, state, ctx);
    if (asked === BACK) {
      const stepped = back(state);
      if (!stepped.moved) ctx.out(t(lang, '  已经是第一题了。', '  This is the first question.'));
      state = stepped.state;
    } else state = answer(state, asked.value, campaign);
    await ctx.save(state);
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
  const backHint = canGoBack ? t(lang, '（输入 < 返回上一题）', ' (type < to go back)') : '';

  if (askStyle(field) === 'unit') {
    let picked: string | typeof BACK = '';
    // '' is the "nothing matches" line, which the list never lets anybody pick; asked again if it were.
    while (picked === '')
      picked = await prompter.search<string | typeof BACK>({
      message: t(lang, `${field.label}（输入名称筛选，别名、拼音或拼音首字母也可以）`, `${field.label} (type to filter; aliases and pinyin work)`),
      source: (term) => unitChoices(term, campaign, canGoBack, lang, state.values[field.id] as string | undefined),
    });
    if (picked === BACK) return BACK;
    return { value: checkAnswer(field, picked, campaign, state.values, lang).value };
  }

  if (askStyle(field) === 'contacts') return askContacts(field, state, ctx, backHint);

  for (;;) {
    const message = `${field.label}${backHint}`;
    const text =
      askStyle(field) === 'multiline'
        ? await prompter.multiline({ message, ...(fallback !== undefined ? { default: fallback } : {}) })
        : await prompter.input({ message, ...(fallback !== undefined ? { default: fallback } : {}) });
    if (isBack(text)) return BACK;
    const accepted = await judge(field, text, state.values, ctx);
    if (accepted) return accepted;
  }
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
    const keep = await ctx.prompter.confirm({ message: t(lang, '仍然使用这个答案吗？', 'Keep this answer?'), default: true });
    if (!keep) return undefined;
  }
  return { value: checked.empty ? undefined : checked.value };
}

/**
 * The roster filtered by what was typed: a name, an alias or the department; the name's pinyin or
 * its initials (`qingshan`, `qsh`). Nothing matching is said plainly and nothing can be picked: a
 * typo must never choose a unit (and its 盖章 default) by itself.
 */
export function unitChoices(term: string, campaign: Campaign, canGoBack: boolean, lang: Lang, current?: string): Choice<string | typeof BACK>[] {
  const q = term.trim();
  const matches = matchUnits(q, campaign);
  if (matches.length === 0)
    return [
      {
        name: t(lang, `没有匹配的单位：「${q}」`, `No unit matches “${q}”`),
        value: '',
        disabled: t(lang, '（请换个写法，或删去文字查看完整名单）', '(try another spelling, or clear the text for the whole list)'),
      },
    ];
  const units = matches.map((u) => ({
    name: u.name === current ? `${u.name} ${t(lang, '（当前）', '(current)')}` : u.name,
    value: u.name as string | typeof BACK,
    description: `${t(lang, '盖章单位', 'stamping body')}：${u.department}${u.aliases.length ? `；${t(lang, '又称', 'also')} ${u.aliases.join('、')}` : ''}`,
  }));
  if (current) units.sort((a, b) => Number(b.value === current) - Number(a.value === current));
  return canGoBack ? [...units, { name: t(lang, '← 返回上一题', '← Back'), value: BACK }] : units;
}

/** Several contacts: one per answer, until an empty answer. */
async function askContacts(field: Field, state: InterviewState, ctx: InterviewContext, backHint: string): Promise<Asked> {
  const { prompter, lang } = ctx;
  const existing = state.values[field.id] as Contact[] | undefined;
  const contacts: Contact[] = [];
  for (;;) {
    const first = contacts.length === 0;
    const message = first
      ? t(lang, `第 1 位联系人（姓名 电话）${backHint}`, `Contact 1 (name phone)${backHint}`)
      : t(lang, `再添加一位联系人（姓名 电话；直接回车结束，共 ${contacts.length} 位）`, `Another contact (name phone; Enter to finish, ${contacts.length} so far)`);
    const text = await prompter.input({ message, ...(first && existing ? { default: formatContacts(existing) } : {}) });
    if (first && isBack(text)) return BACK;
    if (!first && text.trim() === '') return { value: contacts };
    const accepted = await judge(field, text, state.values, ctx);
    if (accepted?.value) contacts.push(...(accepted.value as Contact[]));
  }
}
