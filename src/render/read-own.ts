/**
 * Reading back the DOCX and PDF files this tool wrote (issue 3, item 6), so `validate` and `import`
 * accept them and `read(render(x))` gives `x`.
 *
 * - DOCX: the visible table (cell text by field label) and the embedded copy (customXml part, else
 *   the chunked custom properties). **The table is the truth** (rendering.md): a clerk may edit a
 *   cell in Word and leave the embedded copy stale; `docxValues` keeps an embedded value only where
 *   it prints exactly as the cell reads.
 * - PDF: the attached `submission.json`, and the AcroForm field values of a fillable template a
 *   clerk filled in.
 *
 * Both return null for a file this tool did not make, so the caller can fall back to its generic
 * readers. Heavy libraries are loaded lazily.
 */
import { FIELDS, FURNITURE, getPath, type Field } from '../form/definition.js';
import { displayValue } from '../form/display.js';
import { EMBED_ATTACHMENT, EMBED_NAMESPACE, EMBED_PROPERTY, decodeEmbedded } from './embedded.js';

export interface OwnDocx {
  /** The embedded copy's data (unvalidated), or null when the file carries none (a blank template). */
  embedded: unknown | null;
  /** Field id → the text of its value cell, paragraphs joined with '\n'. */
  table: Map<string, string>;
  /** The text after 「教育行政部门（盖章）：」, when there is any. */
  department?: string;
  /** The year in the title 「2023 年全民终身学习活动开展情况统计表」. */
  year?: number;
}

export interface OwnPdf {
  embedded: unknown | null;
  /** Field id → value of the AcroForm text fields (fillable templates only). */
  fields?: Map<string, string>;
}

// ---------------------------------------------------------------------------------------------
// DOCX

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(parseInt(e.slice(1), 10))
        : XML_ENTITIES[e]!,
  );
}

/** Labels compare without spaces and with half-width parentheses made full-width (form.md). */
const normLabel = (s: string) => s.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');

interface Cell {
  text: string;
}
interface Block {
  kind: 'p' | 'tbl';
  text?: string;
  rows?: Cell[][];
}

/**
 * The body of word/document.xml as top-level paragraphs and tables (cells as text). A small tag
 * walker: WordprocessingML text lives only in `w:t`, with `w:tab`/`w:br` for tabs and breaks; Word's
 * own edits (split runs, proofing marks, bookmarks) do not change what it yields.
 */
export function parseBody(xml: string): Block[] {
  const blocks: Block[] = [];
  const tag = /<(\/?)([A-Za-z][\w.-]*:[\w.-]+|[A-Za-z][\w.-]*)((?:\s[^>]*?)?)(\/?)>|([^<]+)/g;
  let tblDepth = 0;
  let rows: Cell[][] = [];
  let row: Cell[] | null = null;
  let cellParas: string[] | null = null;
  let para: string | null = null;
  let inText = false;
  let inDeleted = 0;
  for (let m: RegExpExecArray | null; (m = tag.exec(xml)); ) {
    const [, close, name, , selfClose, text] = m;
    if (text !== undefined) {
      if (inText && para !== null && inDeleted === 0) para += unescapeXml(text);
      continue;
    }
    const opening = !close;
    switch (name) {
      case 'w:tbl':
        if (opening) {
          tblDepth++;
          if (tblDepth === 1) rows = [];
        } else {
          tblDepth--;
          if (tblDepth === 0) blocks.push({ kind: 'tbl', rows });
        }
        break;
      case 'w:tr':
        if (tblDepth === 1) {
          if (opening) row = [];
          else if (row) {
            rows.push(row);
            row = null;
          }
        }
        break;
      case 'w:tc':
        if (tblDepth === 1) {
          if (opening) cellParas = [];
          else if (cellParas && row) {
            row.push({ text: cellParas.join('\n') });
            cellParas = null;
          }
        }
        break;
      case 'w:p':
        if (selfClose) {
          if (tblDepth === 1 && cellParas) cellParas.push('');
          else if (tblDepth === 0) blocks.push({ kind: 'p', text: '' });
        } else if (opening) para = '';
        else if (para !== null) {
          if (tblDepth === 1 && cellParas) cellParas.push(para);
          else if (tblDepth === 0) blocks.push({ kind: 'p', text: para });
          para = null;
        }
        break;
      case 'w:t':
        inText = opening && !selfClose;
        break;
      case 'w:del':
      case 'w:delText':
        // Tracked deletions are not part of the visible text.
        if (name === 'w:del' && !selfClose) inDeleted += opening ? 1 : -1;
        break;
      case 'w:tab':
        if (para !== null && opening && inDeleted === 0) para += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (para !== null && opening && inDeleted === 0) para += '\n';
        break;
    }
  }
  return blocks;
}

/** Field id of a label cell's text, preferring a field of `group` when labels repeat. */
function fieldOfLabel(text: string, group: string | undefined): Field | undefined {
  const norm = normLabel(text);
  if (norm === '') return undefined;
  const candidates = FIELDS.filter((f) => f.placement === 'row' && normLabel(f.label) === norm);
  return candidates.find((f) => f.group?.label === group) ?? candidates[0];
}

/** Field id → value cell text, from the rows of the form's table. */
export function tableValues(rows: Cell[][]): Map<string, string> {
  const out = new Map<string, string>();
  const groupLabels = new Set(FIELDS.flatMap((f) => (f.group ? [normLabel(f.group.label)] : [])));
  let group: string | undefined;
  for (const cells of rows) {
    for (let i = 0; i < cells.length - 1; i++) {
      const norm = normLabel(cells[i]!.text);
      if (groupLabels.has(norm)) {
        group = FIELDS.find((f) => f.group && normLabel(f.group.label) === norm)?.group?.label;
        continue;
      }
      const field = fieldOfLabel(cells[i]!.text, group);
      if (field && !out.has(field.id)) {
        out.set(field.id, cells[cells.length - 1]!.text);
        break;
      }
    }
  }
  return out;
}

function customPropertyValues(xml: string): Map<string, string> {
  const props = new Map<string, string>();
  const re = /<property\b[^>]*\bname="([^"]*)"[^>]*>\s*<vt:lpwstr>([\s\S]*?)<\/vt:lpwstr>/g;
  for (let m: RegExpExecArray | null; (m = re.exec(xml)); ) props.set(unescapeXml(m[1]!), unescapeXml(m[2]!));
  return props;
}

export async function readOwnDocx(bytes: Uint8Array): Promise<OwnDocx | null> {
  const { unzipSync, strFromU8 } = await import('fflate');
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => /^(word\/document\.xml|docProps\/custom\.xml|customXml\/item\d+\.xml)$/.test(f.name) });
  } catch {
    return null;
  }
  const text = (path: string) => (files[path] ? strFromU8(files[path]!) : undefined);
  const document = text('word/document.xml');
  if (document === undefined) return null;

  // Ours if either carrier is present: the custom property marker or the customXml namespace.
  let embedded: unknown | null = null;
  let ours = false;
  for (const path of Object.keys(files).filter((p) => p.startsWith('customXml/')).sort()) {
    const xml = text(path)!;
    if (!xml.includes(EMBED_NAMESPACE)) continue;
    ours = true;
    const m = /<submission\b[^>]*>([\s\S]*)<\/submission>/.exec(xml);
    if (m) embedded = decodeEmbedded(unescapeXml(m[1]!));
    if (embedded !== null) break;
  }
  const props = customPropertyValues(text('docProps/custom.xml') ?? '');
  if (props.has(EMBED_PROPERTY)) ours = true;
  if (embedded === null) {
    const parts: string[] = [];
    for (let i = 1; props.has(`${EMBED_PROPERTY}.${i}`); i++) parts.push(props.get(`${EMBED_PROPERTY}.${i}`)!);
    if (parts.length > 0) embedded = decodeEmbedded(parts.join(''));
  }
  if (!ours) return null;

  const blocks = parseBody(document);
  const table = new Map<string, string>();
  for (const b of blocks) if (b.kind === 'tbl') for (const [k, v] of tableValues(b.rows!)) if (!table.has(k)) table.set(k, v);

  const result: OwnDocx = { embedded, table };
  for (const b of blocks) {
    if (b.kind !== 'p') continue;
    const t = b.text!;
    if (normLabel(t).startsWith(normLabel(FURNITURE.stampLine)) && result.department === undefined) {
      const rest = t.slice(t.indexOf('：') + 1).replace(/[_＿]/g, '').trim();
      if (rest !== '') result.department = rest;
    }
    const year = /^\s*(\d{4})\s*年全民终身学习活动开展情况统计表/.exec(t);
    if (year && result.year === undefined) result.year = Number(year[1]);
  }
  return result;
}

/**
 * The raw values of an own DOCX, table first (rendering.md: "on import, the visible table is the
 * truth"): a field takes the embedded (typed) value only when that value prints exactly as its cell
 * reads; otherwise the cell text, to be normalised like any typed text, and the field is listed in
 * `stale` when the embedded copy disagreed.
 */
export function docxValues(own: OwnDocx): { values: Map<string, unknown>; stale: string[] } {
  const values = new Map<string, unknown>();
  const stale: string[] = [];
  const embedded = own.embedded;
  for (const field of FIELDS) {
    const emb = embedded === null ? undefined : getPath(embedded, field.id);
    let shown: string | undefined;
    if (field.placement === 'row') shown = own.table.get(field.id);
    else if (field.placement === 'header') shown = own.department;
    else if (field.id === 'year' && own.year !== undefined) shown = String(own.year);
    if (shown === undefined) {
      if (emb !== undefined) values.set(field.id, emb);
      continue;
    }
    let printed: string | undefined;
    try {
      printed = emb === undefined ? undefined : displayValue(field, emb);
    } catch {
      printed = undefined;
    }
    if (printed !== undefined && printed === shown) values.set(field.id, emb);
    else {
      if (emb !== undefined) stale.push(field.id);
      if (shown !== '') values.set(field.id, shown);
    }
  }
  return { values, stale };
}

// ---------------------------------------------------------------------------------------------
// PDF

export async function readOwnPdf(bytes: Uint8Array): Promise<OwnPdf | null> {
  const lib = (await import('pdf-lib/dist/pdf-lib.esm.min.js')) as typeof import('pdf-lib');
  const { PDFDocument, PDFName, PDFDict, PDFArray, PDFRawStream, PDFString, PDFHexString, PDFTextField, decodePDFRawStream } = lib;
  let doc: import('pdf-lib').PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  } catch {
    return null;
  }
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  const marker = info instanceof PDFDict ? info.get(PDFName.of('LifelongWeek')) : undefined;
  if (!marker && doc.getCreator() !== 'lifelong-week') return null;

  // /Root /Names /EmbeddedFiles: a name tree of file specifications (pdf-lib has no getter).
  let embedded: unknown | null = null;
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const visit = (node: import('pdf-lib').PDFDict | undefined) => {
    if (!node || embedded !== null) return;
    const arr = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (arr) {
      for (let i = 0; i + 1 < arr.size(); i += 2) {
        const key = arr.lookup(i);
        const name = key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : '';
        if (name !== EMBED_ATTACHMENT) continue;
        const spec = arr.lookup(i + 1, PDFDict);
        const stream = spec.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
        if (stream instanceof PDFRawStream) {
          const data = decodePDFRawStream(stream).decode();
          embedded = decodeEmbedded(new TextDecoder().decode(data));
        }
      }
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i++) visit(kids.lookup(i, PDFDict));
  };
  visit(tree);

  const result: OwnPdf = { embedded };
  const fields = doc.getForm().getFields();
  if (fields.length > 0) {
    const map = new Map<string, string>();
    for (const f of fields) if (f instanceof PDFTextField) map.set(f.getName(), f.getText() ?? '');
    result.fields = map;
  }
  return result;
}
