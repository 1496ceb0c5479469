/**
 * The DOCX package: docx's parts, plus the embedded customXml copy of the data, zipped with
 * deterministic bytes (docs/rendering.md, "Embedded data copy" and "Determinism": identical bytes
 * for identical input).
 *
 * docx 9 stamps `new Date()` into docProps/core.xml and zips with the clock in every entry. We take
 * its parts before they are zipped (`Packer.compiler`, a static docx 9.15 keeps for `Packer.pack`),
 * rewrite the dates from the data, add the customXml part and zip once, with Node's native deflate.
 * That used to be: docx zips with fflate (pure JS), we unzip and zip again with fflate: ~60 ms of a
 * cold render. Should a docx release move its compiler, we fall back to that road (same bytes).
 */
import type { Submission } from '../form/schema.js';
import { EMBED_NAMESPACE, encodeEmbedded } from '../form/embedded.js';
import { zipFiles } from './zip-write.js';

type Docx = typeof import('docx');
type Parts = Map<string, string | Uint8Array>;

const CUSTOM_XML = 'customXml/item1.xml';
const CUSTOM_XML_PROPS = 'customXml/itemProps1.xml';
const CUSTOM_XML_RELS = 'customXml/_rels/item1.xml.rels';
const REL_CUSTOM_XML = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';
const REL_CUSTOM_XML_PROPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps';
/** A fixed datastore id: the part is identified by its namespace, not by this GUID. */
const DATASTORE_ID = '{6C1F0E2A-5B7D-4E0C-9A3B-2F8D1C4E7A10}';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function customXmlParts(data: Submission): Record<string, string> {
  return {
    [CUSTOM_XML]:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<submission xmlns="${EMBED_NAMESPACE}">${escapeXml(encodeEmbedded(data))}</submission>`,
    [CUSTOM_XML_PROPS]:
      '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
      `<ds:datastoreItem ds:itemID="${DATASTORE_ID}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">` +
      `<ds:schemaRefs><ds:schemaRef ds:uri="${EMBED_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
    [CUSTOM_XML_RELS]:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${REL_CUSTOM_XML_PROPS}" Target="itemProps1.xml"/></Relationships>`,
  };
}

/** W3CDTF without milliseconds, as Word writes it. */
const w3cdtf = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * docx's parts before zipping. `compiler` is how `Packer.pack` itself gets them (docx
 * src/export/packer/packer.ts); `viaPacker` forces the public road (tests check both agree).
 */
export async function documentParts(docx: Docx, doc: InstanceType<Docx['Document']>, viaPacker = false): Promise<Parts> {
  const compiler = (docx.Packer as unknown as { compiler?: { compile(file: unknown, prettify?: unknown, overrides?: unknown[]): Parts } })
    .compiler;
  if (!viaPacker && typeof compiler?.compile === 'function') return compiler.compile(doc, undefined, []);
  const { unzipSync } = await import('fflate');
  const packed = await docx.Packer.toBuffer(doc);
  return new Map(Object.entries(unzipSync(new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength))));
}

/**
 * The finished package: core.xml dates from the data, the customXml copy of the data (filled forms),
 * [Content_Types].xml first as Office writes it, the other parts in path order, and every entry dated
 * `day` at noon (an MS-DOS local time field, written from the date itself so no time zone enters).
 */
/**
 * The fonts the document names, with the fallback a standard Chinese Windows or WPS has when the
 * office font is missing (`w:altName`, ECMA-376 §17.8.3.1): 方正小标宋简体 → 宋体, 仿宋_GB2312 → 仿宋.
 * Word substitutes by altName and charset 86 (GB2312) rather than by its own guess.
 */
export interface FontEntry {
  name: string;
  altName: string;
  /**
   * The PANOSE class (10 bytes, hex) of the face to fall back on: with the name and altName both
   * missing, Word picks the installed font nearest to it.
   */
  panose?: string;
  family: 'roman' | 'modern' | 'script' | 'swiss' | 'auto';
  pitch: 'fixed' | 'variable';
  charset?: string;
}

function fontTable(fonts: readonly FontEntry[]): string {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const entries = fonts
    .map(
      (f) =>
        `<w:font w:name="${escapeXml(f.name)}"><w:altName w:val="${escapeXml(f.altName)}"/>${f.panose ? `<w:panose1 w:val="${f.panose}"/>` : ''}<w:charset w:val="${f.charset ?? '86'}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="${W}">${entries}</w:fonts>`;
}

export function finishPackage(
  parts: Parts,
  data: Submission | null,
  date: Date,
  day: string,
  fonts: readonly FontEntry[] = [],
): Uint8Array {
  const decoder = new TextDecoder();
  const text = (path: string) => {
    const v = parts.get(path);
    return v === undefined ? '' : typeof v === 'string' ? v : decoder.decode(v);
  };
  const files = new Map(parts);
  files.set(
    'docProps/core.xml',
    text('docProps/core.xml')
      .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${w3cdtf(date)}$2`)
      .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${w3cdtf(date)}$2`),
  );
  if (fonts.length > 0 && files.has('word/fontTable.xml')) files.set('word/fontTable.xml', fontTable(fonts));
  if (data) {
    for (const [path, content] of Object.entries(customXmlParts(data))) files.set(path, content);
    files.set(
      'word/_rels/document.xml.rels',
      text('word/_rels/document.xml.rels').replace(
        '</Relationships>',
        `<Relationship Id="rIdLwSubmission" Type="${REL_CUSTOM_XML}" Target="../${CUSTOM_XML}"/></Relationships>`,
      ),
    );
    let types = text('[Content_Types].xml');
    if (!/Extension="xml"/.test(types))
      types = types.replace('</Types>', '<Default Extension="xml" ContentType="application/xml"/></Types>');
    files.set(
      '[Content_Types].xml',
      types.replace(
        '</Types>',
        `<Override PartName="/${CUSTOM_XML_PROPS}" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>`,
      ),
    );
  }
  const order = [...files.keys()].sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return zipFiles(
    order.map((path) => ({ path, data: files.get(path)! })),
    { year: y, month: m, day: d, hour: 12 },
  );
}
