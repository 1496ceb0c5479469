/**
 * 汇总 in the browser: the roll call of the inbox as `validate --json` computes it (the server sends
 * the same report), one row per roster unit; a unit's files, problems and values on click; the city
 * totals; the server-drawn charts; upload by dropping files. The page follows the folder by long
 * polling: the server answers as soon as its view of the folder changes.
 */
import { FIELDS, getPath } from '../form/definition.js';
import { displayValue } from '../form/display.js';
import type { PageConfig } from './config.js';
import { ATTACHMENT_ZH, FATE_ZH } from '../report/names.js';
import { api, el, localTimeText, sayer } from './dom.js';

/** 「2023-11-28T16:42:10+08:00」 → 「2023-11-28 16:42」: already in the campaign's zone, shown as is. */
const campaignTime = (iso: string) => iso.slice(0, 16).replace('T', ' ');

interface Issue {
  severity: 'error' | 'warning';
  label?: string;
  message: string;
  line?: number;
  in?: string;
}
interface FileOut {
  path: string;
  format: string;
  fate: string;
  status?: string;
  unit?: string;
  attachment?: string;
  issues: Issue[];
  scan?: { pages: number; encoding?: string };
}
interface Unit {
  name: string;
  /** valid, invalid, missing, unreadable, ambiguous… as `validate --json` says. */
  status: string;
  late: boolean;
  /** The one verdict (report/verdict.ts), in the page's language: what the roll call, the sheets and the chase list say. */
  verdict?: { short: string; long: string };
  /** What to ask of the unit, or null: the chase list's own lines. */
  chase?: { lines: string[]; who?: string } | null;
  /** The chase in a few words, for the table (the full lines are in the unit's detail). */
  brief: string;
  /** What the unit's stamped scan shows, when the seal was checked. */
  scan?: {
    file: string;
    seal: 'found' | 'notFound' | 'unknown';
    reason?: 'grayscale' | 'noColour' | 'bilevel' | 'notScanned' | 'undecodable';
    seals: Array<{ page: number; xMm: number; yMm: number; diameterMm: number; scaleKnown: boolean }>;
    figuresCheck?: {
      status: 'match' | 'differ' | 'unchecked';
      diffs: Array<{ label: string; electronic: string; scan: string; page?: number }>;
      unread: string[];
      why?: 'noText' | 'noElectronic' | 'noOcr';
    };
  };
  contacts?: Array<{ name: string; phone: string }>;
  source: string | null;
  receivedAt: string | null;
  pieces: { form: boolean; stampedScan: boolean; workPlan: boolean; workSummary: boolean };
  files: string[];
  unusable: string[];
  data: Record<string, unknown> | null;
}
interface RollCall {
  ok: boolean;
  version: number;
  /** A refusal's reason, in the page's language. */
  message?: string;
  loading?: boolean;
  updatedAt?: string;
  /** Files whose scans still wait for the seal check. */
  scansPending?: number;
  summary?: {
    files: number;
    units?: { total: number; validOnTime: number; valid: number; invalid: number; missing: number; late: number };
  };
  units?: Unit[];
  files?: FileOut[];
  fileIds?: Record<string, string>;
  charts?: Record<string, string>;
  totals?: { unitsReporting: number; activities: number; participants: number; satisfactionMean: number | null };
}

const MAX_FILES_PER_DROP = 20;
/**
 * How long one look at the roll call may take before the page asks again: the server holds a look
 * up to 20 s when nothing changed (long polling), and a loaded machine may take a while more.
 */
const LOOK_MS = 60_000;

export function startSummary(config: PageConfig): void {
  if (!config.inbox) return;
  const { lang, campaign } = config;
  const say = sayer(lang);
  let data: RollCall | undefined;
  let selected: string | undefined;
  const tbody = document.querySelector('#rollcall tbody')!;
  const detail = document.getElementById('detail')!;

  const contactsOf = (u: Unit) => {
    const list = u.data ? getPath(u.data, 'contacts') : undefined;
    // A unit that sent nothing: the roster's own contacts, where the campaign lists them.
    const roster = (campaign.roster.find((r) => r.name === u.name) as { contacts?: unknown } | undefined)?.contacts;
    const contacts = Array.isArray(list) ? list : u.contacts?.length ? u.contacts : Array.isArray(roster) ? roster : [];
    return (contacts as Array<{ name: string; phone: string }>).map((c) => `${c.name} ${c.phone}`).join('；');
  };
  // The chase in a few words (the one verdict's brief, report/verdict.ts); the full lines are in the unit's detail.
  const chaseOf = (u: Unit) => u.brief ?? '';

  /** 有公章 / 未见公章 / 无法判断 under the scan's mark; 「正在检查公章」 while the check runs. */
  const sealNote = (u: Unit) => {
    if (!u.pieces.stampedScan) return undefined;
    if (u.scan) return el('span', { class: `seal seal-${u.scan.seal}` }, say(`roll.seal.${u.scan.seal}`));
    return data?.scansPending ? el('span', { class: 'seal seal-pending' }, say('roll.seal.pending')) : undefined;
  };
  /** One contact a line, the phone kept whole. */
  const contactCell = (u: Unit) => {
    const text = contactsOf(u);
    return el('td', { class: 'contacts' }, ...(text ? text.split('；').map((c) => el('div', {}, c)) : []));
  };

  const renderTable = () => {
    const rows = (data?.units ?? []).map((u) => {
      const button = el(
        'button',
        {
          type: 'button',
          class: 'unit-link',
          'aria-label': say('serve.detail.open', { unit: u.name }),
          'aria-expanded': String(selected === u.name),
        },
        u.name,
      );
      button.addEventListener('click', () => {
        selected = selected === u.name ? undefined : u.name;
        renderTable();
        renderDetail();
      });
      const mark = (ok: boolean, note?: HTMLElement) =>
        el('td', { class: ok ? 'yes' : 'no' }, ok ? `✓ ${say('serve.yes')}` : `✗ ${say('serve.no')}`, ...(note ? [el('br'), note] : []));
      const time = u.receivedAt ? campaignTime(u.receivedAt) : '';
      return el(
        'tr',
        {
          'data-unit': u.name,
          'data-status': u.status,
          ...(u.scan ? { 'data-seal': u.scan.seal } : {}),
          class: `status-${u.status}${u.late ? ' late' : ''}${selected === u.name ? ' selected' : ''}`,
        },
        el('th', { scope: 'row' }, button),
        el(
          'td',
          { class: 'status', ...(u.verdict ? { title: u.verdict.long } : {}) },
          u.verdict?.short ?? say(`serve.status.${u.status as 'valid' | 'invalid' | 'missing'}`),
        ),
        mark(u.pieces.form),
        mark(u.pieces.stampedScan, sealNote(u)),
        mark(u.pieces.workPlan),
        mark(u.pieces.workSummary),
        // Date over time: the column stays narrow.
        el('td', { class: 'time' }, ...(time ? [time.slice(0, 10), el('br'), time.slice(11)] : [])),
        contactCell(u),
        el('td', { class: 'chase' }, chaseOf(u)),
      );
    });
    tbody.replaceChildren(...rows);
  };

  /** The scan check in words: the seal (page, place, size) and the figures compared with the electronic form. */
  const scanDetail = (u: Unit): HTMLElement[] => {
    const scan = u.scan;
    if (!scan) return [];
    const seal = scan.seals[0];
    const file = data?.files?.find((f) => f.path === scan.file);
    const sealText =
      scan.seal === 'found' && seal
        ? say('scan.sealFound', {
            page: seal.page,
            x: seal.xMm,
            y: seal.yMm,
            diameter: seal.diameterMm,
            ...(seal.scaleKnown ? {} : { estimated: 1 }),
          })
        : scan.seal === 'notFound'
          ? say('scan.noSeal', { pages: file?.scan?.pages ?? 1 })
          : say(`scan.${scan.reason ?? 'undecodable'}`, { encoding: file?.scan?.encoding ?? '?' });
    const out: HTMLElement[] = [el('p', { class: `seal-line seal-${scan.seal}` }, `${scan.file}${lang === 'zh' ? '：' : ': '}${sealText}`)];
    const f = scan.figuresCheck;
    if (f?.status === 'match')
      out.push(
        el(
          'p',
          {},
          say('roll.figures.match') +
            (f.unread.length ? say('roll.figures.unread', { list: f.unread.join(lang === 'zh' ? '、' : ', ') }) : ''),
        ),
      );
    if (f?.status === 'differ')
      out.push(
        el(
          'ul',
          { class: 'figures' },
          ...f.diffs.map((d) =>
            el(
              'li',
              { class: 'warning' },
              say('roll.scan.diff', { label: d.label, electronic: d.electronic, scan: d.scan, page: d.page ?? '' }),
            ),
          ),
        ),
      );
    if (f?.status === 'unchecked')
      out.push(el('p', {}, say('roll.figures.unchecked', { why: say(`roll.figures.why.${f.why ?? 'noText'}`) })));
    return out;
  };

  const renderDetail = () => {
    const u = data?.units?.find((x) => x.name === selected);
    if (!u) {
      detail.hidden = true;
      detail.replaceChildren();
      return;
    }
    const files = (data?.files ?? []).filter((f) => u.files.includes(f.path));
    const fileItems = files.map((f) => {
      const id = data?.fileIds?.[f.path];
      const name = id ? el('a', { href: `/api/inbox/${id}`, download: '' }, f.path) : el('span', {}, f.path);
      const state =
        lang === 'zh'
          ? [
              FATE_ZH[f.fate as keyof typeof FATE_ZH] ?? f.fate,
              f.status ? say(`serve.status.${f.status as 'valid' | 'invalid'}`) : '',
              f.attachment ? ATTACHMENT_ZH[f.attachment as keyof typeof ATTACHMENT_ZH] : '',
            ]
              .filter(Boolean)
              .join(' · ')
          : [f.fate, f.status, f.attachment].filter(Boolean).join(' · ');
      return el('li', { 'data-path': f.path }, name, el('span', { class: 'fate' }, lang === 'en' ? ` (${state})` : ` （${state}）`));
    });
    const problems = files.flatMap((f) =>
      f.issues.map((i) =>
        el(
          'li',
          { class: i.severity },
          el('strong', {}, i.severity === 'error' ? say('serve.error.prefix') : say('serve.warning.prefix')),
          i.label ? el('span', { class: 'label' }, `${i.label}${lang === 'zh' ? '：' : ': '}`) : '',
          i.message,
          el(
            'span',
            { class: 'where' },
            ` — ${f.path}${i.line ? ` ${i.in ? `${i.in}${lang === 'zh' ? '' : ' '}` : ''}${say('serve.detail.where', { line: i.line })}` : ''}`,
          ),
        ),
      ),
    );
    const values = u.data
      ? FIELDS.map((field) => {
          const v = getPath(u.data!, field.id);
          return el('tr', {}, el('th', { scope: 'row' }, field.labelPath), el('td', {}, v === undefined ? '' : displayValue(field, v)));
        })
      : [];
    const chase = u.chase?.lines ?? [];
    const scan = scanDetail(u);
    detail.replaceChildren(
      el('h2', {}, u.name),
      el('h3', {}, say('serve.detail.chase')),
      chase.length ? el('div', { class: 'chase-lines' }, ...chase.map((l) => el('p', {}, l))) : el('p', {}, say('serve.detail.noChase')),
      ...(scan.length ? [el('h3', {}, say('serve.detail.scan')), ...scan] : []),
      el('h3', {}, say('serve.detail.files')),
      fileItems.length ? el('ul', { class: 'files' }, ...fileItems) : el('p', {}, say('serve.detail.noFiles')),
      el('h3', {}, say('serve.detail.problems')),
      problems.length ? el('ul', { class: 'problems' }, ...problems) : el('p', {}, say('serve.detail.noProblems')),
      ...(values.length ? [el('h3', {}, say('serve.detail.values')), el('table', { class: 'values' }, el('tbody', {}, ...values))] : []),
    );
    detail.hidden = false;
  };

  const renderTotals = () => {
    const t = data?.totals;
    const dl = document.querySelector('#totals dl')!;
    if (!t) return;
    const item = (k: 'units' | 'activities' | 'participants' | 'satisfaction', v: string) => [
      el('dt', {}, say(`serve.totals.${k}`)),
      el('dd', { 'data-total': k }, v),
    ];
    dl.replaceChildren(
      ...item('units', `${t.unitsReporting} / ${campaign.roster.length}`),
      ...item('activities', t.activities.toLocaleString('en-US')),
      ...item('participants', t.participants.toLocaleString('en-US')),
      ...item('satisfaction', t.satisfactionMean === null ? '—' : `${t.satisfactionMean}%`),
    );
    const charts = document.getElementById('charts')!;
    // Server-drawn SVG from the roll call's numbers and the roster's names (escaped on the server).
    charts.innerHTML = Object.values(data?.charts ?? {})
      .map((svg) => `<figure class="chart">${svg}</figure>`)
      .join('');
  };

  const render = () => {
    if (!data || data.loading) return;
    const s = data.summary?.units;
    document.getElementById('updated')!.textContent =
      say('serve.summary.updated', { time: localTimeText(data.updatedAt!), files: data.summary?.files ?? 0 }) +
      (data.scansPending ? ` ${say('serve.scans.pending', { n: data.scansPending })}` : '');
    if (s)
      document.getElementById('counts')!.textContent = say('serve.summary.counts', {
        total: s.total,
        onTime: s.validOnTime,
        late: s.late,
        invalid: s.invalid,
        missing: s.missing,
      });
    renderTable();
    renderDetail();
    renderTotals();
    document.body.dataset['version'] = String(data.version);
  };

  const follow = async () => {
    let after = -1;
    /** The last look got no roll call: the status line says why until one comes. */
    let failed = false;
    for (;;) {
      const next = await api<RollCall>(`/api/rollcall${after >= 0 ? `?after=${after}` : ''}`, {}, LOOK_MS);
      if (!next || !next.ok || typeof next.version !== 'number') {
        // No answer (stopped, or nothing within LOOK_MS), or a refusal in the server's own words (a
        // missing access token, an error): said on the page and asked again a little later, never in
        // a loop of requests as fast as the server refuses them.
        document.getElementById('updated')!.textContent = next?.message ?? say('serve.server.gone');
        failed = true;
        await new Promise((r) => setTimeout(r, 3000));
        continue;
      }
      if (next.loading) {
        await new Promise((r) => setTimeout(r, 300));
        continue;
      }
      if (next.version !== data?.version || failed) {
        data = next;
        failed = false;
        render();
      }
      after = next.version;
    }
  };

  // ── upload ──────────────────────────────────────────────────────────────────
  const log = document.getElementById('upload-log')!;
  const upload = async (files: File[]) => {
    if (files.length > MAX_FILES_PER_DROP)
      log.append(el('li', { class: 'error' }, say('serve.upload.tooMany', { limit: MAX_FILES_PER_DROP })));
    for (const file of files.slice(0, MAX_FILES_PER_DROP)) {
      const answer = await api<{ ok: boolean; message: string }>('/api/upload', {
        method: 'POST',
        headers: { 'X-File-Name': encodeURIComponent(file.name), 'Content-Type': 'application/octet-stream' },
        body: await file.arrayBuffer(),
      });
      log.append(el('li', { class: answer?.ok ? 'ok' : 'error' }, answer?.message ?? say('serve.server.gone')));
    }
  };
  const zone = document.getElementById('dropzone')!;
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    void upload([...(e.dataTransfer?.files ?? [])]);
  });
  const picker = document.getElementById('upload-file') as HTMLInputElement;
  picker.addEventListener('change', () => {
    void upload([...(picker.files ?? [])]).then(() => (picker.value = ''));
  });
  document.getElementById('print')!.addEventListener('click', () => window.print());

  void follow();
}
