/**
 * Every DOCX that arrives — made by this tool, or the city's Word form filled in Word, WPS or
 * LibreOffice — through one path: the safe ZIP reader (real-byte limits: a zip bomb is refused, not
 * inflated), the safe XML parser (no DOCTYPE), the table grid (`docx-grid.ts`) and the one label
 * matcher (`grid.ts`).
 *
 * Files this tool made also carry a machine-readable copy (customXml part and chunked custom
 * properties, `form/embedded.ts`). **The visible table is the truth** (docs/inbox.md, 'The embedded copy and "the table is the truth"'): the copy's
 * typed value is used only where it prints exactly as the cell reads; a cell edited in Word wins and
 * is reported.
 */
import { TEMPLATE_PREFILLED } from './template-prefilled.js';
import { emptyRaw, error, rawWithProblem, warning, type RawSubmission } from '../core/problem.js';
import { FIELDS, getPath } from '../form/definition.js';
import { displayValue } from '../form/display.js';
import { CONTINUED_VALUE_STYLE, EMBED_NAMESPACE, LAYOUT_BREAK_STYLE, EMBED_PROPERTY, decodeEmbedded } from '../form/embedded.js';
import { docxToForm, OWN_STYLE_IDS, type OwnStyles } from './docx-grid.js';
import { matchGrid, type FormDocument } from './grid.js';
import { UnsafeXmlError, parseXmlTree } from './xml.js';
import { readZip } from './zip.js';

export interface DocxContent {
  document: FormDocument;
  /** Made by this tool (either carrier of the embedded copy is present). */
  ours: boolean;
  /** The embedded copy (unvalidated), or null. */
  embedded: unknown | null;
  /** `dc:title` of docProps/core.xml: tells a 工作方案 from a 工作总结 when the name does not. */
  title?: string;
}

export type DocxRead = { ok: true; content: DocxContent } | { ok: false; kind: 'unsafe' | 'unreadable'; raw: RawSubmission };

const PARTS =
  /^(word\/document\.xml|word\/styles\.xml|word\/header\d*\.xml|docProps\/core\.xml|docProps\/custom\.xml|customXml\/item\d+\.xml)$/;

const unescape = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()]!,
  );

function failed(
  kind: 'unsafe' | 'unreadable',
  code: 'file.zipBomb' | 'file.corrupt' | 'file.unsafeXml',
  params: Record<string, string>,
): DocxRead {
  return { ok: false, kind, raw: rawWithProblem(error(code, params)) };
}

/**
 * The ids of our own styles (「表格内容（接上页）」: a value split between pages goes on without a line
 * break; 「排版换行」: a line break that is layout): each one's own id, and whatever id an office suite
 * gave it when it saved the file again (LibreOffice writes 「Style14」 and keeps the name). styles.xml
 * is small; a broken one only costs the name lookup.
 */
function ownStyles(stylesXml: Uint8Array | undefined): OwnStyles {
  const text = stylesXml ? new TextDecoder().decode(stylesXml) : '';
  if (!text.includes(CONTINUED_VALUE_STYLE.name) && !text.includes(LAYOUT_BREAK_STYLE.name)) return OWN_STYLE_IDS;
  const continued = new Set(OWN_STYLE_IDS.continued);
  const layoutBreak = new Set(OWN_STYLE_IDS.layoutBreak);
  for (const m of text.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = /\bw:styleId="([^"]*)"/.exec(m[1]!)?.[1];
    const name = /<w:name\b[^>]*\bw:val="([^"]*)"/.exec(m[2]!)?.[1];
    if (!id || !name) continue;
    const named = unescape(name);
    if (named === CONTINUED_VALUE_STYLE.name) continued.add(unescape(id));
    if (named === LAYOUT_BREAK_STYLE.name) layoutBreak.add(unescape(id));
  }
  return { continued, layoutBreak };
}

export async function readDocxContent(bytes: Uint8Array): Promise<DocxRead> {
  const zip = await readZip(bytes, undefined, { only: (name) => PARTS.test(name) });
  if (!zip.ok)
    return zip.error === 'too-large' || zip.error === 'too-many-entries'
      ? failed('unsafe', 'file.zipBomb', { format: 'Word' })
      : failed('unreadable', 'file.corrupt', { format: 'Word' });
  const parts = new Map<string, Uint8Array>();
  for (const entry of zip.entries) {
    if ('bytes' in entry) parts.set(entry.name, entry.bytes);
    else if (entry.error === 'too-large' || entry.error === 'ratio') return failed('unsafe', 'file.zipBomb', { format: 'Word' });
  }
  const documentXml = parts.get('word/document.xml');
  if (!documentXml) return failed('unreadable', 'file.corrupt', { format: 'Word' });
  let document: FormDocument;
  try {
    const headers = [...parts.keys()]
      .filter((n) => /^word\/header\d*\.xml$/.test(n))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .map((n) => parseXmlTree(parts.get(n)!).documentElement);
    document = docxToForm(parseXmlTree(documentXml).documentElement, ownStyles(parts.get('word/styles.xml')), headers);
  } catch (e) {
    return e instanceof UnsafeXmlError
      ? failed('unsafe', 'file.unsafeXml', { format: 'Word' })
      : failed('unreadable', 'file.corrupt', { format: 'Word' });
  }
  const text = (name: string) => (parts.has(name) ? new TextDecoder().decode(parts.get(name)) : '');

  // The embedded copy: the customXml part first, else the chunked custom properties.
  let ours = false;
  let embedded: unknown | null = null;
  for (const name of [...parts.keys()].filter((n) => n.startsWith('customXml/')).sort()) {
    const xml = text(name);
    if (!xml.includes(EMBED_NAMESPACE)) continue;
    ours = true;
    const m = /<submission\b[^>]*>([\s\S]*)<\/submission>/.exec(xml);
    if (m) embedded = decodeEmbedded(unescape(m[1]!));
    if (embedded !== null) break;
  }
  const props = new Map<string, string>();
  const re = /<property\b[^>]*\bname="([^"]*)"[^>]*>\s*<vt:lpwstr>([\s\S]*?)<\/vt:lpwstr>/g;
  for (let m: RegExpExecArray | null; (m = re.exec(text('docProps/custom.xml')));) props.set(unescape(m[1]!), unescape(m[2]!));
  if (props.has(EMBED_PROPERTY)) ours = true;
  if (embedded === null) {
    const chunks: string[] = [];
    for (let i = 1; props.has(`${EMBED_PROPERTY}.${i}`); i++) chunks.push(props.get(`${EMBED_PROPERTY}.${i}`)!);
    if (chunks.length > 0) embedded = decodeEmbedded(chunks.join(''));
  }
  const title = /<dc:title>([\s\S]*?)<\/dc:title>/.exec(text('docProps/core.xml'))?.[1];
  return { ok: true, content: { document, ours, embedded, ...(title ? { title: unescape(title).trim() } : {}) } };
}

/** The raw values: the table's cell texts, with the embedded copy's typed value where it prints the same. */
export function docxRaw(content: DocxContent): RawSubmission {
  const raw = emptyRaw();
  matchGrid(content.document, raw);
  if (content.embedded === null) return raw;
  for (const field of FIELDS) {
    const typed = getPath(content.embedded, field.id);
    const entry = raw.entries.get(field.id);
    if (typed === undefined || !entry) continue;
    const cell = String(entry.value ?? '').trim();
    let printed: string | undefined;
    try {
      printed = displayValue(field, typed).trim();
    } catch {
      printed = undefined;
    }
    if (printed === cell) raw.entries.set(field.id, { ...entry, value: typed });
    else raw.problems.push(warning('own.staleCopy', undefined, { field: field.id, ...(entry.loc ? { loc: entry.loc } : {}) }));
  }
  return raw;
}

/** A blank template: none of the table's value cells has anything in it but what templates print. */
export function isBlankForm(raw: RawSubmission): boolean {
  return FIELDS.filter((f) => f.placement === 'row' && !TEMPLATE_PREFILLED.has(f.id)).every(
    (f) => String(raw.entries.get(f.id)?.value ?? '').trim() === '',
  );
}
