/**
 * 填报 in the browser: each field checked as it is typed with exactly the normalisers and rules of
 * `validate` and `fill` (`checkAnswer`, which calls `normalizeField` and the cross-field rules), the
 * unit picked with `fill`'s search (`matchUnits`: names, aliases, pinyin, initials), the draft kept
 * in the browser and on the server (the draft file `fill --resume` reads), and the files made on
 * the server by the same renderers.
 */
import type { Campaign, RosterUnit } from '../campaign/campaign.js';
import type { Lang } from '../core/messages.js';
import { FIELDS, fieldById, type Field, type FieldId } from '../form/definition.js';
import { checkAnswer, type Checked } from '../fill/answer.js';
import { matchUnits } from '../fill/pinyin.js';
import { defaultText, questionOrder } from '../fill/questions.js';
import { findUnit } from '../normalize/unit.js';
import type { PageConfig } from './config.js';
import { api, el, localTimeText, sayer } from './dom.js';

interface IssueOut {
  severity: 'error' | 'warning';
  field?: string;
  label?: string;
  message: string;
}

const domId = (id: string) => id.replace(/\./g, '-');

export function startForm(config: PageConfig): void {
  const { campaign, lang } = config;
  const say = sayer(lang);
  const storeKey = `lifelong-week:form:${campaign.city}:${campaign.year}`;
  const inputs = new Map<FieldId, HTMLInputElement | HTMLTextAreaElement>();
  for (const f of FIELDS) inputs.set(f.id, document.getElementById(`in-${domId(f.id)}`) as HTMLInputElement | HTMLTextAreaElement);
  const touched = new Set<string>();
  let showAll = false;
  let autoDepartment: string | undefined;
  let verdicts = new Map<string, Checked>();

  const texts = () => Object.fromEntries([...inputs].map(([id, input]) => [id, input.value]));
  const setTexts = (values: Record<string, string>) => {
    for (const [id, input] of inputs) input.value = values[id] ?? '';
  };

  // ── defaults: the campaign's year, theme and window; the unit's department ────
  const applyDefaults = () => {
    for (const f of FIELDS) {
      if (f.kind === 'unit' || f.default === 'roster.department') continue;
      const input = inputs.get(f.id)!;
      const fallback = defaultText(f, campaign, {});
      if (input.value.trim() === '' && fallback !== undefined) input.value = fallback;
    }
    syncDepartment();
  };
  const syncDepartment = () => {
    const unit = findUnit(inputs.get('district')!.value, campaign);
    const department = inputs.get('department')!;
    const current = department.value.trim();
    if (unit && (current === '' || current === autoDepartment)) {
      department.value = unit.department;
      autoDepartment = unit.department;
    }
  };

  // ── checking ────────────────────────────────────────────────────────────────
  const checkAll = () => {
    const started = performance.now();
    // Pass 1: every value on its own; pass 2: the cross-field rules against the others.
    const values: Record<string, unknown> = {};
    for (const f of FIELDS) {
      const c = checkAnswer(f, inputs.get(f.id)!.value, campaign, {}, lang);
      if (c.value !== undefined) values[f.id] = c.value;
    }
    verdicts = new Map(FIELDS.map((f) => [f.id, checkAnswer(f, inputs.get(f.id)!.value, campaign, values, lang)]));
    for (const f of FIELDS) render(f);
    renderMissing();
    document.body.dataset['checkMs'] = (performance.now() - started).toFixed(2);
  };

  const render = (f: Field) => {
    const c = verdicts.get(f.id)!;
    const input = inputs.get(f.id)!;
    const box = document.getElementById(`msg-${domId(f.id)}`)!;
    const empty = input.value.trim() === '';
    const show = !empty || touched.has(f.id) || showAll;
    const lines: HTMLElement[] = [];
    if (show) {
      for (const e of c.errors) lines.push(el('p', { class: 'error' }, say('serve.error.prefix'), e));
      for (const w of c.warnings) lines.push(el('p', { class: 'warning' }, say('serve.warning.prefix'), w));
      if (c.echo && c.errors.length === 0) lines.push(el('p', { class: 'echo' }, `✓ ${c.echo}`));
    }
    const key = lines.map((l) => l.className + l.textContent).join('|');
    if (box.dataset['key'] !== key) {
      box.replaceChildren(...lines);
      box.dataset['key'] = key;
    }
    const invalid = show && c.errors.length > 0;
    if (invalid) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    input.closest('.field')?.classList.toggle('has-error', invalid);
  };

  const missingSection = document.getElementById('missing')!;
  const renderMissing = () => {
    const todo = questionOrder().filter((f) => (verdicts.get(f.id)?.errors.length ?? 0) > 0);
    const warnings = FIELDS.reduce((n, f) => n + (verdicts.get(f.id)?.warnings.length ?? 0), 0);
    const title = missingSection.querySelector('h2')!;
    const list = missingSection.querySelector('ul')!;
    title.textContent = todo.length ? say('serve.missing.title', { n: todo.length }) : say('serve.missing.none');
    missingSection.classList.toggle('done', todo.length === 0);
    const items = todo.map((f) => {
      const empty = inputs.get(f.id)!.value.trim() === '';
      const a = el('a', { href: `#in-${domId(f.id)}` }, f.labelPath);
      a.addEventListener('click', (e) => {
        e.preventDefault();
        inputs.get(f.id)!.focus();
      });
      return el('li', {}, a, `${lang === 'en' ? ': ' : '：'}${empty ? say('serve.missing.empty') : say('serve.missing.error')}`);
    });
    if (warnings > 0) items.push(el('li', { class: 'warning' }, say('serve.warnings.count', { n: warnings })));
    list.replaceChildren(...items);
  };

  // ── the draft ───────────────────────────────────────────────────────────────
  const draftStatus = document.getElementById('draft-status')!;
  let serverTimer: number | undefined;
  // The browser copy is written at every change, synchronously (a few KB): a tab closed right after
  // the last key keeps that key too. The server copy follows 0.8 s after the last key.
  const saveDraft = () => {
    const savedAt = new Date().toISOString();
    try {
      localStorage.setItem(storeKey, JSON.stringify({ texts: texts(), savedAt }));
    } catch {
      // private mode or a full storage: the server draft still keeps it
    }
    draftStatus.textContent = say('serve.draft.saved', { time: localTimeText(savedAt) });
    window.clearTimeout(serverTimer);
    serverTimer = window.setTimeout(async () => {
      const answer = await api<{ ok: boolean; path?: string }>('/api/draft', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ texts: texts() }),
      });
      if (answer?.ok && answer.path) draftStatus.title = say('serve.draft.server', { path: answer.path });
      else draftStatus.textContent = say('serve.draft.offline');
    }, 800);
  };

  const notice = document.getElementById('notice')!;
  const tell = (text: string, kind: 'info' | 'error' = 'info') => {
    notice.replaceChildren(el('p', { class: kind }, text));
  };

  const restore = async () => {
    let stored: { texts?: Record<string, string>; savedAt?: string } | undefined;
    try {
      stored = JSON.parse(localStorage.getItem(storeKey) ?? 'null') ?? undefined;
    } catch {
      stored = undefined;
    }
    if (stored?.texts && Object.values(stored.texts).some((v) => v.trim() !== '')) {
      setTexts(stored.texts);
      autoDepartment = findUnit(stored.texts['district'] ?? '', campaign)?.department;
      tell(say('serve.draft.restored', { time: localTimeText(stored.savedAt ?? new Date().toISOString()) }));
      return;
    }
    // The form starts with or without it: a server that does not answer within a minute holds nothing back.
    const server = await api<{ ok: boolean; draft: { texts: Record<string, string>; savedAt: string; path: string } | null }>(
      '/api/draft',
      {},
      60_000,
    );
    if (server?.draft) {
      setTexts(server.draft.texts);
      autoDepartment = findUnit(server.draft.texts['district'] ?? '', campaign)?.department;
      tell(say('serve.draft.restored', { time: localTimeText(server.draft.savedAt) }));
    }
  };

  // ── the unit picker (fill's search) ────────────────────────────────────────
  const unitInput = inputs.get('district') as HTMLInputElement;
  const list = document.getElementById(`list-${domId('district')}`) as HTMLUListElement;
  let options: RosterUnit[] = [];
  let active = -1;
  const closeList = () => {
    list.hidden = true;
    unitInput.setAttribute('aria-expanded', 'false');
    unitInput.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const showList = () => {
    options = matchUnits(unitInput.value, campaign);
    if (findUnit(unitInput.value, campaign)?.name === unitInput.value && document.activeElement !== unitInput) return closeList();
    const items =
      options.length === 0
        ? [
            el(
              'li',
              { class: 'none', role: 'option', 'aria-disabled': 'true', id: 'unit-none' },
              say('serve.unit.none', { q: unitInput.value.trim() }),
            ),
          ]
        : options.map((u, i) =>
            el(
              'li',
              { role: 'option', id: `unit-opt-${i}`, 'aria-selected': String(i === active), 'data-unit': u.name },
              el('span', { class: 'unit-name' }, u.name),
              el(
                'span',
                { class: 'unit-desc' },
                say('serve.unit.stamp', { department: u.department }) + (u.aliases.length ? `；${u.aliases.join('、')}` : ''),
              ),
            ),
          );
    list.replaceChildren(...items);
    list.hidden = false;
    unitInput.setAttribute('aria-expanded', 'true');
    if (active >= 0) unitInput.setAttribute('aria-activedescendant', `unit-opt-${active}`);
    else unitInput.removeAttribute('aria-activedescendant');
  };
  const pick = (unit: RosterUnit) => {
    unitInput.value = unit.name;
    closeList();
    touched.add('district');
    changed();
  };
  unitInput.addEventListener('focus', () => showList());
  unitInput.addEventListener('input', () => {
    active = -1;
    showList();
  });
  unitInput.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (list.hidden) showList();
      if (options.length === 0) return;
      // Up from no choice goes to the last unit (not the one before it), down to the first.
      if (active < 0) active = e.key === 'ArrowDown' ? 0 : options.length - 1;
      else active = (active + (e.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length;
      showList();
      document.getElementById(`unit-opt-${active}`)?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter') {
      if (!list.hidden && options.length > 0) {
        e.preventDefault();
        pick(options[Math.max(0, active)]!);
      }
    } else if (e.key === 'Escape') closeList();
  });
  list.addEventListener('mousedown', (e) => {
    const li = (e.target as HTMLElement).closest('li[data-unit]');
    if (!li) return;
    e.preventDefault();
    const unit = campaign.roster.find((u) => u.name === li.getAttribute('data-unit'));
    if (unit) pick(unit);
  });
  unitInput.addEventListener('blur', () => window.setTimeout(closeList, 100));

  // ── typing ─────────────────────────────────────────────────────────────────
  const changed = () => {
    syncDepartment();
    checkAll();
    saveDraft();
  };
  for (const [id, input] of inputs) {
    input.addEventListener('input', changed);
    input.addEventListener('blur', () => {
      touched.add(id);
      render(fieldById(id));
    });
  }

  // ── open an existing file ──────────────────────────────────────────────────
  const openInput = document.getElementById('open-file') as HTMLInputElement;
  openInput.addEventListener('change', async () => {
    const file = openInput.files?.[0];
    if (!file) return;
    const answer = await api<{ ok: boolean; texts?: Record<string, string>; message: string }>('/api/open', {
      method: 'POST',
      headers: { 'X-File-Name': encodeURIComponent(file.name), 'Content-Type': 'application/octet-stream' },
      body: await file.arrayBuffer(),
    });
    openInput.value = '';
    if (!answer) return tell(say('serve.server.gone'), 'error');
    if (!answer.ok || !answer.texts) return tell(answer.message, 'error');
    setTexts(answer.texts);
    autoDepartment = undefined;
    applyDefaults();
    for (const id of Object.keys(answer.texts)) touched.add(id);
    changed();
    tell(answer.message);
  });

  document.getElementById('clear')!.addEventListener('click', async () => {
    if (!window.confirm(say('serve.clear.confirm'))) return;
    try {
      localStorage.removeItem(storeKey);
    } catch {
      // nothing stored
    }
    await api('/api/draft', { method: 'DELETE' });
    setTexts({});
    touched.clear();
    showAll = false;
    autoDepartment = undefined;
    applyDefaults();
    checkAll();
    notice.replaceChildren();
    document.getElementById('result')!.replaceChildren();
  });

  // ── the files ──────────────────────────────────────────────────────────────
  const form = document.getElementById('form') as HTMLFormElement;
  const result = document.getElementById('result')!;
  const button = document.getElementById('generate') as HTMLButtonElement;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    showAll = true;
    checkAll();
    const first = questionOrder().find((f) => (verdicts.get(f.id)?.errors.length ?? 0) > 0);
    if (first) {
      result.replaceChildren(el('p', { class: 'error' }, say('serve.generate.blocked')));
      inputs.get(first.id)!.focus();
      return;
    }
    button.disabled = true;
    const label = button.textContent;
    button.textContent = say('serve.generate.busy');
    try {
      const answer = await api<{
        ok: boolean;
        message?: string;
        problems?: IssueOut[];
        dir?: string;
        files?: Array<{ kind: string; name: string; url: string }>;
        nextSteps?: string;
        daysLeft?: number;
      }>('/api/generate', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ texts: texts(), force: (document.getElementById('force') as HTMLInputElement).checked }),
      });
      if (!answer) return void result.replaceChildren(el('p', { class: 'error' }, say('serve.server.gone')));
      if (!answer.ok) {
        const items = (answer.problems ?? []).map((p) => el('li', {}, p.label ? `${p.label}：` : '', p.message));
        return void result.replaceChildren(
          el('p', { class: 'error' }, answer.message ?? ''),
          ...(items.length ? [el('ul', {}, ...items)] : []),
        );
      }
      const links = (answer.files ?? []).map((f) =>
        el(
          'li',
          {},
          el('a', { href: f.url, download: f.name, class: `download download-${f.kind}` }, say('serve.download', { name: f.name })),
        ),
      );
      result.replaceChildren(
        el('p', { class: 'ok' }, say('serve.generate.done', { dir: answer.dir ?? '' })),
        el('ul', { class: 'files' }, ...links),
        el('pre', { class: 'next-steps', 'data-days-left': String(answer.daysLeft ?? '') }, answer.nextSteps ?? ''),
      );
      try {
        localStorage.removeItem(storeKey);
      } catch {
        // nothing stored
      }
      draftStatus.textContent = '';
    } finally {
      button.disabled = false;
      button.textContent = label;
    }
  });

  void (async () => {
    await restore();
    applyDefaults();
    checkAll();
    document.body.dataset['ready'] = 'true';
  })();
}

export type { Lang, Campaign };
