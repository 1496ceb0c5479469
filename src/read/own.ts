/**
 * Reading back the DOCX and PDF files this tool wrote (docs/inbox.md, 'The embedded copy and "the table is the truth"'), so `validate` and `import`
 * accept them and `read(render(x))` gives `x`.
 *
 * - DOCX: the visible table (cell text by field label) and the embedded copy, through the one DOCX
 *   path every Word file takes (`read/docx.ts`, which also applies "the table is the truth").
 * - PDF: the attached `submission.json`, and the AcroForm field values of a fillable template a
 *   clerk filled in.
 *
 * Both return null for a file this tool did not make, so the caller can fall back to its generic
 * readers. Heavy libraries are loaded lazily.
 */
import { FIELDS, isFieldId, type FieldId } from '../form/definition.js';
import { EMBED_ATTACHMENT, decodeEmbedded } from '../form/embedded.js';

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
  fields?: Map<FieldId, string>;
}

// ---------------------------------------------------------------------------------------------
// DOCX

export async function readOwnDocx(bytes: Uint8Array): Promise<OwnDocx | null> {
  // One DOCX path for ours and everybody else's: safe unzip, safe XML, table grid, label matcher.
  const { readDocxContent } = await import('./docx.js');
  const { matchGrid } = await import('./grid.js');
  const { emptyRaw } = await import('../core/problem.js');
  const read = await readDocxContent(bytes);
  if (!read.ok || !read.content.ours) return null;
  const raw = emptyRaw();
  matchGrid(read.content.document, raw);
  const table = new Map<string, string>();
  const result: OwnDocx = { embedded: read.content.embedded, table };
  for (const field of FIELDS) {
    const value = raw.entries.get(field.id)?.value;
    if (value === undefined) continue;
    if (field.placement === 'row') table.set(field.id, String(value));
    else if (field.placement === 'header' && String(value).trim() !== '') result.department = String(value);
    else if (field.id === 'year') result.year = Number(value);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// PDF

export async function readOwnPdf(bytes: Uint8Array): Promise<OwnPdf | null> {
  const inspected = await inspectPdf(bytes);
  return inspected.loaded ? inspected.own : null;
}

/**
 * Load a PDF once and say what it is: ours (with its data), and whether it has any text at all —
 * a PDF whose pages draw only images is a scan (the stamped 盖章扫描件 the notice asks for).
 */
export async function inspectPdf(bytes: Uint8Array): Promise<{ loaded: false } | { loaded: true; own: OwnPdf | null; hasText: boolean }> {
  const lib = (await import('pdf-lib/dist/pdf-lib.esm.min.js')) as typeof import('pdf-lib');
  const { PDFDocument, PDFName, PDFDict } = lib;
  let doc: import('pdf-lib').PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
  } catch {
    return { loaded: false };
  }
  let hasText = false;
  try {
    const fontsOf = (resources: import('pdf-lib').PDFDict | undefined, depth: number): boolean => {
      if (!resources) return false;
      const fonts = resources.lookupMaybe(PDFName.of('Font'), PDFDict);
      if (fonts && fonts.keys().length > 0) return true;
      if (depth > 2) return false;
      const xobjects = resources.lookupMaybe(PDFName.of('XObject'), PDFDict);
      for (const key of xobjects?.keys() ?? []) {
        const x = xobjects!.lookup(key);
        const dict = (x as { dict?: import('pdf-lib').PDFDict }).dict;
        if (dict && fontsOf(dict.lookupMaybe(PDFName.of('Resources'), PDFDict), depth + 1)) return true;
      }
      return false;
    };
    hasText = doc.getPages().some((page) => fontsOf(page.node.Resources(), 0));
  } catch {
    hasText = false;
  }
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  const marker = info instanceof PDFDict ? info.get(PDFName.of('LifelongWeek')) : undefined;
  if (!marker && doc.getCreator() !== 'lifelong-week') return { loaded: true, own: null, hasText };
  return { loaded: true, own: ownPdfContent(lib, doc), hasText };
}

function ownPdfContent(lib: typeof import('pdf-lib'), doc: import('pdf-lib').PDFDocument): OwnPdf {
  const { PDFName, PDFDict, PDFArray, PDFRawStream, PDFString, PDFHexString, PDFTextField, decodePDFRawStream } = lib;

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
    const map = new Map<FieldId, string>();
    // Our fillable template names each field by its id; any other field is not ours to read.
    for (const f of fields) if (f instanceof PDFTextField && isFieldId(f.getName())) map.set(f.getName() as FieldId, f.getText() ?? '');
    result.fields = map;
  }
  return result;
}
