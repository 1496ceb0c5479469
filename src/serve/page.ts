/**
 * The two pages' HTML, generated from the one form definition: every section, group, label
 * (character-exact), hint, example and required mark of the 填报 page comes from `FORM`. The pages
 * work without a script as far as HTML goes (labels, hints, the roll-call skeleton); the bundled
 * script (`src/web/`) adds the live checks, the unit picker, the draft and the roll call's data.
 * Everything is escaped; the configuration travels as a JSON data block (not executed, so the
 * strict Content-Security-Policy allows it).
 */
import type { Campaign } from '../campaign/campaign.js';
import { formatMessage, type Lang, type MessageCode } from '../core/messages.js';
import { exampleFor, FORM, FURNITURE, fieldById, groupByKey, type Field } from '../form/definition.js';
import { defaultText } from '../fill/questions.js';
import type { PageConfig } from '../web/config.js';
import { escapeXml as esc } from './charts.js';

export type { PageConfig };

/** `participation.participantCount` → `participation-participantCount`: usable in ids and selectors. */
export const domId = (id: string) => id.replace(/\./g, '-');

function fieldHtml(field: Field, campaign: Campaign, lang: Lang): string {
  const m = (code: MessageCode, params?: Record<string, string | number>) => esc(formatMessage(code, params, lang));
  const id = domId(field.id);
  const hint = lang === 'en' ? field.hintEn : field.hint;
  const fallback = defaultText(field, campaign, {});
  const describedBy = `hint-${id} msg-${id}`;
  const common = `id="in-${id}" name="${esc(field.id)}" data-field="${esc(field.id)}" aria-describedby="${describedBy}"${field.required ? ' aria-required="true" required' : ''} autocomplete="off" spellcheck="false"`;
  let control: string;
  if (field.kind === 'unit') {
    control =
      `<div class="combo">` +
      `<input type="text" ${common} role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="list-${id}" placeholder="${m('serve.unit.search')}">` +
      `<ul class="listbox" id="list-${id}" role="listbox" aria-label="${esc(field.label)}" hidden></ul>` +
      `</div>`;
  } else if (field.kind === 'longText' || field.kind === 'contacts') {
    control = `<textarea ${common} rows="${field.kind === 'contacts' ? 3 : 4}"></textarea>`;
  } else {
    control = `<input type="text" ${common}${field.kind === 'count' || field.kind === 'percent' || field.kind === 'year' ? ' inputmode="text"' : ''}>`;
  }
  const required = field.required
    ? `<abbr class="req" title="${m('serve.required')}" aria-hidden="true">*</abbr><span class="sr-only">（${m('serve.required')}）</span>`
    : `<span class="opt">（${m('serve.optional')}）</span>`;
  const extra = field.kind === 'contacts' ? ` ${m('serve.contacts.hint')}。` : '';
  const def =
    fallback !== undefined && field.kind !== 'unit' ? ` <span class="default">${m('serve.defaultValue', { value: fallback })}</span>` : '';
  return (
    `<div class="field kind-${field.kind}" id="field-${id}" data-field="${esc(field.id)}">` +
    `<label for="in-${id}">${esc(field.label)}${required}</label>` +
    `<p class="hint" id="hint-${id}">${esc(hint)}。${extra}<span class="example">${m('serve.example', { example: exampleFor(field, campaign.year) })}</span>${def}</p>` +
    control +
    `<div class="msg" id="msg-${id}" aria-live="polite"></div>` +
    `</div>`
  );
}

function formBody(campaign: Campaign, lang: Lang): string {
  const m = (code: MessageCode, params?: Record<string, string | number>) => esc(formatMessage(code, params, lang));
  const parts: string[] = [];
  for (const item of FORM) {
    if (item.type === 'field') parts.push(fieldHtml(fieldById(item.key), campaign, lang));
    else {
      const legend = lang === 'en' ? `${item.label} (${item.labelEn})` : item.label;
      parts.push(
        `<fieldset class="group" id="group-${item.key}"><legend>${esc(legend)}</legend>` +
          groupByKey(item.key)!
            .fields.map((f) => fieldHtml(f, campaign, lang))
            .join('') +
          `</fieldset>`,
      );
    }
  }
  return (
    `<h1>${esc(FURNITURE.title(campaign.year))}</h1>` +
    `<p class="lead">${m('serve.offline')}</p>` +
    `<div class="tools">` +
    `<label class="open" for="open-file">${m('serve.open.label')}</label>` +
    `<input type="file" id="open-file" accept=".yaml,.yml,.json,.docx,.doc,.pdf,.xlsx">` +
    `<button type="button" id="clear">${m('serve.clear')}</button>` +
    `</div>` +
    `<div id="notice" class="notice" role="status" aria-live="polite"></div>` +
    `<form id="form" novalidate>${parts.join('')}` +
    `<section id="missing" class="missing" aria-live="polite" aria-labelledby="missing-title"><h2 id="missing-title"></h2><ul></ul></section>` +
    `<div class="actions"><label class="force"><input type="checkbox" id="force"> ${m('serve.generate.force')}</label>` +
    `<button type="submit" id="generate" class="primary">${m('serve.generate')}</button></div>` +
    `<div id="result" class="result" role="status" aria-live="polite"></div>` +
    `<p id="draft-status" class="draft-status" aria-live="off"></p>` +
    `</form>` +
    `<p class="footnote">${esc(FURNITURE.footnote)}</p>`
  );
}

function summaryBody(campaign: Campaign, lang: Lang, inbox: boolean): string {
  const m = (code: MessageCode, params?: Record<string, string | number>) => esc(formatMessage(code, params, lang));
  if (!inbox) return `<h1>${m('serve.nav.summary')}</h1><p class="notice">${m('serve.summary.none')}</p>`;
  return (
    `<h1 id="summary-title">${m('serve.summary.campaign', { year: campaign.year, city: campaign.city })} · ${m('serve.nav.summary')}</h1>` +
    `<p id="updated" class="lead" role="status" aria-live="polite">${m('serve.summary.loading')}</p>` +
    `<p id="counts" class="counts"></p>` +
    `<div class="tools no-print">` +
    `<a class="button" id="workbook" href="/api/workbook" download>${m('serve.workbook')}</a>` +
    `<a class="button" id="city-docx" href="/api/city.docx" download>${m('serve.cityDocx')}</a>` +
    `<a class="button" id="city-pdf" href="/api/city.pdf" download>${m('serve.cityPdf')}</a>` +
    `<a class="button" id="reminders" href="/api/reminders.zip" download aria-describedby="reminders-note">${m('serve.reminders')}</a>` +
    `<button type="button" id="print">${m('serve.print')}</button>` +
    `</div>` +
    `<p id="reminders-note" class="footnote no-print">${m('serve.reminders.note')}</p>` +
    `<div class="table-wrap"><table id="rollcall"><caption class="sr-only">${m('serve.nav.summary')}</caption><thead><tr>` +
    (['unit', 'status', 'form', 'stampedScan', 'workPlan', 'workSummary', 'received', 'contacts', 'chase'] as const)
      .map((c) => `<th scope="col" class="col-${c}">${m(`serve.col.${c}`)}</th>`)
      .join('') +
    `</tr></thead><tbody></tbody></table></div>` +
    `<section id="detail" class="detail" aria-live="polite" hidden></section>` +
    `<section id="totals" class="totals"><h2>${m('serve.totals.title')}</h2><dl></dl></section>` +
    `<section id="charts" class="charts"></section>` +
    `<section class="upload no-print"><h2 class="sr-only">${m('serve.upload.label')}</h2>` +
    `<label id="dropzone" class="dropzone" for="upload-file">${m('serve.upload.label')}</label>` +
    `<input type="file" id="upload-file" multiple>` +
    `<ul id="upload-log" class="upload-log" aria-live="polite"></ul></section>`
  );
}

/** One page: the shared chrome (navigation, language, skip link) around the form or the roll call. */
export function pageHtml(config: PageConfig): string {
  const { lang, page, campaign } = config;
  const m = (code: MessageCode) => esc(formatMessage(code, undefined, lang));
  const title = `${page === 'form' ? m('serve.nav.form') : m('serve.nav.summary')} · ${esc(FURNITURE.title(campaign.year))}`;
  const nav = (['form', 'summary'] as const)
    .map(
      (p) =>
        `<a href="/${p === 'form' ? '' : 'summary'}"${p === page ? ' aria-current="page"' : ''}>${m(p === 'form' ? 'serve.nav.form' : 'serve.nav.summary')}</a>`,
    )
    .join('');
  // `<` is escaped so that no value can close the data block.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return (
    `<!doctype html><html lang="${lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${title}</title><link rel="stylesheet" href="/assets/app.css">` +
    `<script type="application/json" id="lw-config">${json}</script>` +
    `<script type="module" src="/assets/app.js"></script></head>` +
    `<body class="page-${page}"><a class="skip" href="#main">${m('serve.skip')}</a>` +
    `<header class="top no-print"><span class="brand">lifelong-week</span><nav aria-label="lifelong-week">${nav}</nav></header>` +
    `<main id="main">${page === 'form' ? formBody(campaign, lang) : summaryBody(campaign, lang, config.inbox)}</main></body></html>`
  );
}

/** A refusal as a small page (or plain text for the API). */
export function refusalHtml(message: string, lang: Lang): string {
  return `<!doctype html><html lang="${lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><title>lifelong-week</title></head><body><p>${esc(message)}</p></body></html>`;
}
