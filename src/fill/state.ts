/**
 * The interview as a state machine: the answers so far, the questions still to ask (a queue of
 * field ids) and where we are in it. Pure and immutable: every step returns a new state, which
 * the command saves as the draft, so an interrupted interview resumes exactly where it stopped.
 *
 *   asking queue[pos] ──answer──▶ pos+1 ──…──▶ pos = queue.length: the summary
 *        ▲  └──── back (`<`) ◀──┘                 │ pick a field to edit
 *        └──────────── queue = [field] ◀──────────┘
 */
import type { Campaign } from '../campaign/campaign.js';
import { FIELDS, fieldById, type Field, type FieldId } from '../form/definition.js';
import { findUnit } from '../normalize/unit.js';
import { questionOrder, type Values } from './questions.js';

export interface InterviewState {
  readonly values: Values;
  /** Field ids to ask, in order. */
  readonly queue: readonly FieldId[];
  /** Index of the current question in `queue`; `queue.length` means the summary. */
  readonly pos: number;
}

/** A new interview over `ask` (default: every question), with answers already known in `values`. */
export function startInterview(values: Values = {}, ask?: readonly FieldId[]): InterviewState {
  const queue =
    ask ??
    questionOrder()
      .map((f) => f.id)
      .filter((id) => values[id] === undefined);
  return { values: { ...values }, queue: [...queue], pos: 0 };
}

export function currentField(state: InterviewState): Field | undefined {
  const id = state.queue[state.pos];
  return id === undefined ? undefined : fieldById(id);
}

export const atSummary = (state: InterviewState) => state.pos >= state.queue.length;

/** Record the answer to the current question (`undefined`: an optional field left empty) and move on. */
export function answer(state: InterviewState, value: unknown, campaign: Campaign): InterviewState {
  const field = currentField(state);
  if (!field) return state;
  const values: Record<string, unknown> = { ...state.values };
  const previous = values[field.id];
  if (value === undefined) delete values[field.id];
  else values[field.id] = value;
  let queue = state.queue;
  // A different unit: a department that was the old unit's default follows it, and is asked again.
  if (field.kind === 'unit' && previous !== undefined && previous !== value) {
    const oldDepartment = findUnit(String(previous), campaign)?.department;
    const department = FIELDS.find((f) => f.default === 'roster.department')?.id ?? '';
    if (department && values[department] === oldDepartment) {
      delete values[department];
      if (!queue.slice(state.pos + 1).includes(department))
        queue = [...queue.slice(0, state.pos + 1), department, ...queue.slice(state.pos + 1)];
    }
  }
  return { values, queue, pos: state.pos + 1 };
}

/** Back to the previous question; `moved` is false on the first one. */
export function back(state: InterviewState): { state: InterviewState; moved: boolean } {
  if (state.pos === 0) return { state, moved: false };
  return { state: { ...state, pos: state.pos - 1 }, moved: true };
}

/** From the summary: ask one field again, then return to the summary. */
export function edit(state: InterviewState, id: FieldId): InterviewState {
  return { values: state.values, queue: [id], pos: 0 };
}
