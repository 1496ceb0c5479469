/**
 * The one validation: a reader's raw shape → normalised data + located problems. Every format goes
 * through here, and so does every answer typed in `fill` (via `normalizeField`).
 */
import { type Campaign } from '../campaign/campaign.js';
import type { MessageCode } from '../core/messages.js';
import { error, warning, type Params, type Problem, type RawSubmission } from '../core/problem.js';
import { exampleFor, FIELDS, fieldById, setPath, type Field } from '../form/definition.js';
import { submissionSchema, type Submission } from '../form/schema.js';
import { isEmpty, scalarText, type Normalized } from '../normalize/common.js';
import { normalizeContacts } from '../normalize/contacts.js';
import { normalizeCount } from '../normalize/count.js';
import { normalizePeriod } from '../normalize/date.js';
import { normalizePercent } from '../normalize/percent.js';
import { normalizeText } from '../normalize/text.js';
import { findUnit, normalizeUnit, unitMentioned } from '../normalize/unit.js';

/**
 * Above this many 人次 a single county-level unit's figure is beyond its population order (the most
 * populous unit in the 2023 roster, 南昌县, has about a million residents); most likely extra digits.
 */
export const PARTICIPANT_LIMIT = 2_000_000;
/** More than this many 人次 per activity on average is implausible for community-education events. */
export const PER_ACTIVITY_LIMIT = 20_000;

export interface ValidationResult {
  /** Normalised values by id, nested as the form's groups; partial when there are errors. */
  data: Record<string, unknown>;
  /** The text the user wrote, by field id, where it differs from the normalised value. */
  originals: Record<string, string>;
  problems: Problem[];
  /** Present only when there is no error: the typed submission. */
  submission?: Submission;
  /** The roster unit, when 举办县区 resolved. */
  unit?: string;
}

function normalizeYear(raw: unknown, campaign: Campaign): Normalized<number> {
  const text = scalarText(raw);
  if (text === undefined) return { problems: [{ severity: 'error', code: 'value.notText' }] };
  if (text === null) return { problems: [] };
  const m = /^(\d{4})\s*年?(度)?$/.exec(text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
  if (!m) return { problems: [{ severity: 'error', code: 'year.invalid', params: { text, year: campaign.year } }] };
  const year = Number(m[1]);
  if (year !== campaign.year)
    return { problems: [{ severity: 'error', code: 'year.mismatch', params: { value: year, year: campaign.year } }] };
  return { value: year, problems: [] };
}

/** Normalise one field's raw value with the same rules `validate` applies (used by `fill` too). */
export function normalizeField(field: Field, raw: unknown, campaign: Campaign): Normalized<unknown> {
  switch (field.kind) {
    case 'year':
      return normalizeYear(raw, campaign);
    case 'text':
    case 'longText':
      return normalizeText(raw);
    case 'unit':
      return normalizeUnit(raw, campaign);
    case 'contacts':
      return normalizeContacts(raw);
    case 'count':
      return normalizeCount(raw);
    case 'percent':
      return normalizePercent(raw);
    case 'dateRange':
      return normalizePeriod(raw, campaign.year);
  }
}

/** Cross-field rules on the period (docs/form.md, "Rules across fields"; the window and the inclusive deadline: docs/campaign.md). */
export function periodProblems(period: { start: string; end: string }, campaign: Campaign): Array<[MessageCode, Params]> {
  const out: Array<[MessageCode, Params]> = [];
  const { start, end } = period;
  if (end > campaign.deadline) out.push(['date.afterDeadline', { end, deadline: campaign.deadline }]);
  if (start < campaign.window.start || (end > campaign.window.end && end <= campaign.deadline))
    out.push(['date.outsideWindow', { start, end, windowStart: campaign.window.start, windowEnd: campaign.window.end }]);
  return out;
}

/** Participation plausibility (docs/form.md, "Rules across fields": warn when implausible, e.g. above the unit's population order). */
export function participationProblems(activities: number | undefined, participants: number | undefined): Array<[MessageCode, Params]> {
  const out: Array<[MessageCode, Params]> = [];
  if (participants === undefined) return out;
  if (participants > PARTICIPANT_LIMIT) {
    out.push(['participants.implausible', { participants, limit: PARTICIPANT_LIMIT.toLocaleString('en-US') }]);
    return out;
  }
  if (activities !== undefined && activities > 0) {
    if (participants < activities) out.push(['participants.belowActivities', { participants, activities }]);
    else if (participants / activities > PER_ACTIVITY_LIMIT)
      out.push(['participants.perActivity', { average: Math.round(participants / activities) }]);
  }
  return out;
}

export function validateRaw(raw: RawSubmission, campaign: Campaign): ValidationResult {
  const problems: Problem[] = [...raw.problems];
  const data: Record<string, unknown> = {};
  const originals: Record<string, string> = {};
  const values = new Map<string, unknown>();
  // A file that could not be parsed has nothing more to say: one error, not twenty "missing".
  const unparsed = raw.entries.size === 0 && raw.problems.some((p) => p.severity === 'error');
  if (unparsed) return { data, originals, problems };

  // A group written as one line (「组织领导: 东湖区教育体育局」) already has its error; its fields' "missing" would be noise.
  const brokenGroups = new Set(raw.problems.filter((p) => p.code === 'group.notMapping').map((p) => String(p.params?.group)));
  const suggested = new Set(
    raw.problems.filter((p) => p.code === 'key.unknown' && p.params?.suggestion).map((p) => String(p.params!.suggestion)),
  );
  const locFor = (field: Field) => raw.entries.get(field.id)?.loc ?? (field.group ? raw.groupLocs.get(field.group.key) : undefined);
  const at = (field: Field) => {
    const loc = locFor(field);
    return { field: field.id, ...(loc ? { loc } : {}) };
  };

  // 举办县区 first: the department's default comes from the roster unit.
  const ordered = [fieldById('district'), ...FIELDS.filter((f) => f.id !== 'district')];
  for (const field of ordered) {
    const entry = raw.entries.get(field.id);
    if (!entry || isEmpty(entry.value)) {
      const fallback = defaultFor(field, campaign, values.get('district') as string | undefined);
      if (fallback !== undefined) {
        values.set(field.id, fallback);
        // The year is printed in the title, not asked on the form: filling it in is not news.
        if (field.kind !== 'year') problems.push(warning('default.used', { value: String(fallback) }, at(field)));
      } else if (field.required && !(field.group && brokenGroups.has(field.group.label))) {
        // A mistyped key already said 「是不是「参加活动人数」？」: "missing" on top would say it twice.
        if (!suggested.has(field.label))
          problems.push(
            error(
              'required',
              { label: field.labelPath, hint: field.hint, hintEn: field.hintEn, example: exampleFor(field, campaign.year) },
              at(field),
            ),
          );
      }
      continue;
    }
    const result = normalizeField(field, entry.value, campaign);
    for (const { item, ...p } of result.problems) {
      const itemLoc = item !== undefined ? entry.itemLocs?.[item] : undefined;
      problems.push({ ...p, ...at(field), ...(itemLoc ? { loc: itemLoc } : {}) });
    }
    if (result.value !== undefined) values.set(field.id, result.value);
    if (result.original !== undefined) originals[field.id] = result.original;
  }

  // Cross-field rules.
  const period = values.get('content.period') as { start: string; end: string } | undefined;
  if (period)
    for (const [code, params] of periodProblems(period, campaign)) problems.push(warning(code, params, at(fieldById('content.period'))));
  for (const [code, params] of participationProblems(
    values.get('participation.activityCount') as number | undefined,
    values.get('participation.participantCount') as number | undefined,
  ))
    problems.push(warning(code, params, at(fieldById('participation.participantCount'))));
  // Last year's form copied over keeps last year's theme: worth a look, not an error.
  const themeField = FIELDS.find((f) => f.default === 'campaign.theme');
  const theme = themeField ? values.get(themeField.id) : undefined;
  const bare = (t: string) => t.replace(/[\s「」“”"'《》]/g, '');
  if (themeField && typeof theme === 'string' && raw.entries.has(themeField.id) && bare(theme) !== bare(campaign.theme))
    problems.push(warning('inbox.themeDiffers', { value: theme, theme: campaign.theme }, at(themeField)));
  const district = values.get('district') as string | undefined;
  const department = values.get('department') as string | undefined;
  if (district && department) {
    const other = unitMentioned(department, campaign);
    if (other && other.name !== district)
      problems.push(warning('department.otherUnit', { department, other: other.name, district }, at(fieldById('department'))));
  }

  for (const field of FIELDS) if (values.has(field.id)) setPath(data, field.id, values.get(field.id));
  const result: ValidationResult = { data, originals, problems: sortProblems(problems) };
  if (district) result.unit = district;
  if (!problems.some((p) => p.severity === 'error')) {
    const parsed = submissionSchema.safeParse(data);
    if (parsed.success) result.submission = parsed.data;
    else
      result.problems.push(error('internal', { detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }));
  }
  return result;
}

function defaultFor(field: Field, campaign: Campaign, district: string | undefined): unknown {
  switch (field.default) {
    case 'campaign.year':
      return campaign.year;
    case 'campaign.theme':
      return campaign.theme;
    case 'roster.department':
      if (district === campaign.city) return campaign.issuer;
      return district ? findUnit(district, campaign)?.department : undefined;
    default:
      return undefined;
  }
}

/** In reading order: by position in the file, then by form order (a missing field has no line). */
function sortProblems(problems: Problem[]): Problem[] {
  const order = new Map(FIELDS.map((f, i) => [f.id, i]));
  return problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        (a.p.loc?.line ?? Infinity) - (b.p.loc?.line ?? Infinity) ||
        (a.p.loc?.column ?? 0) - (b.p.loc?.column ?? 0) ||
        (a.p.field ? order.get(a.p.field)! : -1) - (b.p.field ? order.get(b.p.field)! : -1) ||
        a.i - b.i,
    )
    .map(({ p }) => p);
}
