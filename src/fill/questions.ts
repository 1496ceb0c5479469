/**
 * The interview's questions, derived from the one form definition (`FIELDS`): no field is listed
 * here. Each field is one question: its label is the question, its hint and example are shown, and
 * its default comes from the campaign or the roster (`FieldSpec.default`).
 */
import type { Campaign } from '../campaign/campaign.js';
import type { Lang } from '../core/messages.js';
import { say } from '../core/say.js';
import { exampleFor, FIELDS, type Field } from '../form/definition.js';
import { displayValue, formatPeriodCanonical } from '../form/display.js';
import { findUnit } from '../normalize/unit.js';

/** Normalised answers by field id (`participation.participantCount` → 12000). */
import type { Values } from '../template/submission-yaml.js';
export type { Values };

/**
 * The order questions are asked in: the form's order, except that 举办县区 comes first — it names
 * the draft and gives 教育行政部门（盖章） its default (the same reason `validateRaw` reads it first).
 */
export function questionOrder(): readonly Field[] {
  const district = FIELDS.filter((f) => f.kind === 'unit');
  return [...district, ...FIELDS.filter((f) => f.kind !== 'unit')];
}

/** How a question is asked. */
export type AskStyle = 'unit' | 'contacts' | 'multiline' | 'line';

export function askStyle(field: Field): AskStyle {
  switch (field.kind) {
    case 'unit':
      return 'unit';
    case 'contacts':
      return 'contacts';
    case 'longText':
      return 'multiline';
    default:
      return 'line';
  }
}

/**
 * What Enter accepts: the current answer when there is one, else the field's default — the campaign
 * year and theme, the unit's department from the roster, and for 活动时间 the campaign's activity window.
 */
export function defaultText(field: Field, campaign: Campaign, values: Values): string | undefined {
  const current = values[field.id];
  if (current !== undefined) return displayValue(field, current);
  switch (field.default) {
    case 'campaign.year':
      return String(campaign.year);
    case 'campaign.theme':
      return campaign.theme;
    case 'roster.department': {
      const district = values['district'];
      return typeof district === 'string' ? findUnit(district, campaign)?.department : undefined;
    }
  }
  if (field.kind === 'dateRange') return formatPeriodCanonical(campaign.window);
  return undefined;
}

/** 「[5/24] 组织领导 › 下发活动文件的部门」 (the label is the form's own, in either language). */
export function questionTitle(field: Field, position: number, total: number, lang: Lang): string {
  const optional = field.required ? '' : say(lang, 'fill.optional');
  return `[${position}/${total}] ${field.labelPath}${optional}`;
}

/** The hint and the example, shown above the prompt. */
export function questionHelp(field: Field, lang: Lang, year: number): string {
  const example = exampleFor(field, year);
  return say(lang, 'fill.example', { hint: field.hint, example, hintEn: field.hintEn });
}

/** An answer that means "back to the previous question": `<` (half- or full-width). */
export function isBack(text: string): boolean {
  return /^\s*[<＜]\s*$/.test(text);
}
