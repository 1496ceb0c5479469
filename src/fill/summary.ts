/**
 * The end of the interview in the terminal: the answers in the form's own layout (the same
 * `buildModel` rows the DOCX and PDF are drawn from: group label merged over its rows, ungrouped
 * labels spanning both label columns, the department on the stamp line), and the next steps of
 * the notice (「四、其他事项」) with the days left before the deadline.
 */
import { deadlineInstant, type Campaign } from '../campaign/campaign.js';
import { say } from '../core/say.js';
import type { Lang } from '../core/messages.js';
import { FIELDS, setPath } from '../form/definition.js';
import type { Submission } from '../form/schema.js';
import { breakLines } from '../render/layout.js';
import { isoInZone } from '../core/clock.js';
import { displayWidth } from '../report/width.js';
import { buildModel, type FormRow } from '../render/model.js';
import type { Values } from './questions.js';

/** Terminal columns (report/width.ts): East Asian wide and full-width characters take two. */
export const termWidth = displayWidth;

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - termWidth(text)));
const wrap = (text: string, width: number) => breakLines(text, width, termWidth);

/** Nested data for the renderers' model, from answers by id (partial answers leave blank cells). */
export function nestValues(values: Values): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const f of FIELDS) if (values[f.id] !== undefined) setPath(data, f.id, values[f.id]);
  return data;
}

/** The form as a box-drawn table `columns` wide. */
export function summaryTable(values: Values, campaign: Campaign, lang: Lang, columns = 100): string {
  const model = buildModel(nestValues(values) as unknown as Submission, campaign);
  const groupWidth = Math.max(...model.rows.map((r) => (r.group ? termWidth(r.group.label) : 0)));
  const itemWidth = 20;
  const valueWidth = Math.max(24, columns - groupWidth - itemWidth - 10);
  const spanWidth = groupWidth + 3 + itemWidth;

  const grouped = (r: FormRow | undefined) => Boolean(r?.group);
  const rule = (above: FormRow | undefined, below: FormRow | undefined): string => {
    const [l, r, mid] = !above ? ['┌', '┐', '┬'] : !below ? ['└', '┘', '┴'] : ['├', '┤', '┼'];
    if (above?.group && below?.group && above.group.key === below.group.key)
      return `│ ${' '.repeat(groupWidth)} ├${'─'.repeat(itemWidth + 2)}┼${'─'.repeat(valueWidth + 2)}┤`;
    const up = grouped(above);
    const down = grouped(below);
    const j = up && down ? '┼' : up ? '┴' : down ? '┬' : '─';
    return `${l}${'─'.repeat(groupWidth + 2)}${j}${'─'.repeat(itemWidth + 2)}${mid}${'─'.repeat(valueWidth + 2)}${r}`;
  };

  const out = [
    model.annexLabel,
    `${' '.repeat(Math.max(0, Math.floor((spanWidth + valueWidth + 7 - termWidth(model.title)) / 2)))}${model.title}`,
    `${model.stampLine}${model.department}`,
  ];
  model.rows.forEach((row, i) => {
    out.push(rule(model.rows[i - 1], row));
    const valueLines = wrap(row.text || say(lang, 'fill.empty'), valueWidth);
    if (row.group) {
      const groupLines = row.group.index === 0 ? wrap(row.group.label, groupWidth) : [];
      const itemLines = wrap(row.field.label, itemWidth);
      const n = Math.max(groupLines.length, itemLines.length, valueLines.length);
      for (let k = 0; k < n; k++)
        out.push(
          `│ ${pad(groupLines[k] ?? '', groupWidth)} │ ${pad(itemLines[k] ?? '', itemWidth)} │ ${pad(valueLines[k] ?? '', valueWidth)} │`,
        );
    } else {
      const labelLines = wrap(row.field.label, spanWidth);
      const n = Math.max(labelLines.length, valueLines.length);
      for (let k = 0; k < n; k++) out.push(`│ ${pad(labelLines[k] ?? '', spanWidth)} │ ${pad(valueLines[k] ?? '', valueWidth)} │`);
    }
  });
  out.push(rule(model.rows[model.rows.length - 1], undefined));
  out.push(model.footnote);
  return out.join('\n');
}

/** The calendar day of `now` in the campaign's time zone (YYYY-MM-DD). */
export function campaignDay(now: Date, campaign: Campaign): string {
  return isoInZone(now, campaign.timezone).slice(0, 10);
}

/** Whole days from today to the deadline day (0: today is the last day; negative: passed). */
export function daysLeft(now: Date, campaign: Campaign): number {
  if (now.getTime() > deadlineInstant(campaign).getTime()) {
    const late = Math.round((Date.parse(campaignDay(now, campaign)) - Date.parse(campaign.deadline)) / 86_400_000);
    return -Math.max(1, late);
  }
  return Math.round((Date.parse(campaign.deadline) - Date.parse(campaignDay(now, campaign))) / 86_400_000);
}

export function deadlineNotice(now: Date, campaign: Campaign, lang: Lang): string {
  const days = daysLeft(now, campaign);
  if (days > 0) return say(lang, 'fill.deadlineDaySLeft', { deadline: campaign.deadline, days });
  if (days === 0) return say(lang, 'fill.deadlineTodaySendToday', { deadline: campaign.deadline });
  const contacts = campaign.contacts.map((c) => `${c.name}${c.org ? `（${c.org}）` : ''} ${c.phone}`).join('；');
  return say(lang, 'fill.noteDeadlinePassedDay', {
    deadline: campaign.deadline,
    value: -days,
    receiver: campaign.receiver,
    contacts: contacts ? say(lang, 'fill.inParentheses', { text: contacts }) : '',
  });
}

/** What the notice asks for once the form is filled: print, stamp, scan, e-mail both files. */
export function nextStepsText(
  files: { yaml: string; docx: string; pdf?: string },
  department: string,
  campaign: Campaign,
  now: Date,
  lang: Lang,
): string {
  // The notice asks for four pieces: 工作方案, 工作总结 and the 统计表 as a Word file and as a
  // stamped scan (「四、其他事项」); the city's own check reports each one that is missing.
  const steps = [
    files.pdf ? say(lang, 'fill.step.print', { pdf: files.pdf }) : say(lang, 'fill.step.renderPdf', { yaml: files.yaml }),
    say(lang, 'fill.step.stamp', { department }),
    say(lang, 'fill.step.scan'),
    say(lang, 'fill.step.pieces'),
    say(lang, 'fill.step.send', { deadline: campaign.deadline, mailbox: campaign.mailbox, docx: files.docx }),
  ];
  return [
    say(lang, 'fill.nextSteps'),
    ...steps.map((s, i) => `  ${i + 1}. ${s}`),
    deadlineNotice(now, campaign, lang),
    say(lang, 'fill.changeLaterEditThen', { yaml: files.yaml }),
  ].join('\n');
}
