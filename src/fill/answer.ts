/**
 * One typed answer → its verdict, with exactly the normalisers and rules `validate` applies
 * (`normalizeField`, `periodProblems`, `participationProblems`), so an answer the interview accepts
 * is one `validate` accepts. Messages come from the catalogue.
 */
import type { Campaign } from '../campaign/campaign.js';
import { formatPageMessage, type Lang, type MessageCode, type PageCode } from '../core/messages.js';
import type { Params } from '../core/problem.js';
import type { Field } from '../form/definition.js';
import { exampleFor } from '../form/definition.js';
import { displayValue, formatContacts, formatPeriodCanonical } from '../form/display.js';
import type { Contact, Period } from '../form/schema.js';
import { unitMentioned } from '../normalize/unit.js';
import { normalizeField, participationProblems, periodProblems } from '../validate/validate.js';
import type { Values } from './questions.js';

export interface Checked {
  /** The normalised value; absent when the answer was refused or left empty. */
  value?: unknown;
  /** An optional field left empty: accepted, with no value. */
  empty: boolean;
  /** Catalogue messages: the question is asked again. */
  errors: string[];
  /** Catalogue messages: the user confirms or answers again. */
  warnings: string[];
  /** How the answer was read, when that differs from what was typed: 「1.2万人次 → 12000 人次」. */
  echo?: string;
}

/** A measure word the user typed after a count (「36场」「1.2万人次」), echoed after the number. */
const MEASURE = /(人次|人|场次|场|项|个|次|篇|条)\s*$/;

function readBack(field: Field, value: unknown, text: string, lang: Lang): string {
  switch (field.kind) {
    case 'count': {
      const unit = MEASURE.exec(text)?.[1];
      return unit ? `${value as number} ${unit}` : String(value);
    }
    case 'dateRange': {
      const p = value as Period;
      if (lang === 'zh') return formatPeriodCanonical(p);
      return p.start === p.end ? p.start : `${p.start} to ${p.end}`;
    }
    case 'contacts': {
      const list = value as Contact[];
      const shown = formatContacts(list);
      if (list.length === 1 || shown === text) return shown;
      return formatPageMessage('fill.contactsShown', { count: list.length, shown }, lang);
    }
    default:
      return displayValue(field, value);
  }
}

export function checkAnswer(field: Field, text: string, campaign: Campaign, values: Values, lang: Lang): Checked {
  // The page's part of the catalogue: this runs in the browser form too. The checks' codes are data
  // messages (test/serve/bundle.test.ts finds every code the page's sources name in that part).
  const say = (code: MessageCode, params?: Params) => formatPageMessage(code as PageCode, params, lang);
  const typed = text.replace(/\r\n?/g, '\n').trim();
  if (typed === '') {
    if (!field.required) return { empty: true, errors: [], warnings: [] };
    return {
      empty: false,
      errors: [say('required', { label: field.labelPath, hint: field.hint, example: exampleFor(field, campaign.year) })],
      warnings: [],
    };
  }
  const result = normalizeField(field, typed, campaign);
  const errors = result.problems.filter((p) => p.severity === 'error').map((p) => say(p.code, p.params));
  const warnings = result.problems.filter((p) => p.severity === 'warning').map((p) => say(p.code, p.params));
  if (errors.length > 0 || result.value === undefined) return { empty: false, errors, warnings: [] };
  const value = result.value;

  // The cross-field rules of `validateRaw`, against the answers given so far.
  const cross: Array<[MessageCode, Params]> = [];
  if (field.kind === 'dateRange') cross.push(...periodProblems(value as Period, campaign));
  if (field.id === 'participation.participantCount')
    cross.push(...participationProblems(values['participation.activityCount'] as number | undefined, value as number));
  if (field.id === 'participation.activityCount' && values['participation.participantCount'] !== undefined)
    cross.push(...participationProblems(value as number, values['participation.participantCount'] as number));
  if (field.id === 'department' && typeof values['district'] === 'string') {
    const other = unitMentioned(value as string, campaign);
    if (other && other.name !== values['district'])
      cross.push(['department.otherUnit', { department: value as string, other: other.name, district: values['district'] }]);
  }
  warnings.push(...cross.map(([code, params]) => say(code, params)));

  // Texts are kept as typed; only values that are read (numbers, dates, names) are echoed.
  const shown = field.kind === 'text' || field.kind === 'longText' ? typed : readBack(field, value, typed, lang);
  return { value, empty: false, errors: [], warnings, ...(shown !== typed ? { echo: `${typed} → ${shown}` } : {}) };
}
