/**
 * One table from file type to reader (docs/inbox.md, "What arrives, and how each kind is read"). Every
 * reader turns bytes into one outcome; the forms among them into the same raw shape, so nothing
 * downstream knows which format the data came from. Mails and archives are containers whose parts
 * are read in turn by the caller (`inbox/check.ts`).
 */
import { TEMPLATE_PREFILLED } from './template-prefilled.js';
import { error, emptyRaw, rawWithProblem, warning, type RawSubmission } from '../core/problem.js';
import { decodeText, sniff } from './decode.js';
import { readYamlText } from './yaml.js';

export type Format = 'yaml' | 'json' | 'docx' | 'doc' | 'xlsx' | 'pdf' | 'eml' | 'tnef' | 'zip' | 'image' | 'other';

/** The pieces the notice asks for besides the form (「四、其他事项」), and photos. */
export type AttachmentKind = 'stampedScan' | 'workPlan' | 'workSummary' | 'photo' | 'other';

export interface ChildFile {
  name: string;
  bytes?: Uint8Array;
  mtime?: Date;
  /** Listed but not extracted (an unsafe name, an entry over the limits). */
  problem?: { fate: 'unsafe' | 'unreadable'; code: 'zip.unsafeName' | 'file.zipBomb' | 'file.corrupt' | 'zip.encrypted' | 'mail.omitted' };
}

export interface MailMeta {
  date?: Date;
  dateHeader?: string;
  from?: { name?: string; address?: string };
  subject?: string;
}

export type ReaderOutcome =
  | { kind: 'submission'; raw: RawSubmission }
  /** Not data at all (binary bytes behind a text extension, a broken file). */
  | { kind: 'unreadable'; raw: RawSubmission }
  /** Rejected to protect the machine (zip and alias bombs, DOCTYPE). */
  | { kind: 'unsafe'; raw: RawSubmission }
  /** A readable file that is not the form and not one of the pieces (a blank template, a note). */
  | { kind: 'not-a-submission'; raw: RawSubmission }
  /** One of the pieces: the stamped scan, the 工作方案, the 工作总结, a photo. */
  | { kind: 'attachment'; attachment: AttachmentKind; raw: RawSubmission }
  | { kind: 'unsupported'; raw: RawSubmission }
  /** A mail or an archive: its parts are read in turn. */
  | { kind: 'container'; children: ChildFile[]; mail?: MailMeta; raw: RawSubmission };

export interface Reader {
  format: Format;
  /** Largest file worth reading; a bigger one is rejected unread as unsafe. */
  maxBytes: number;
  read(bytes: Uint8Array, name: string): Promise<ReaderOutcome> | ReaderOutcome;
}

/** A hand-written form is a few KB; 1 MiB leaves room for long texts and nothing else. */
export const MAX_TEXT_BYTES = 1024 * 1024;
/** Office files and scans run to a few MB; a mail with all of a unit's materials to tens. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

const withProblem = rawWithProblem;

function unreadable(format: string, bytes: Uint8Array): ReaderOutcome {
  const kind = sniff(bytes)?.id;
  return { kind: 'unreadable', raw: withProblem(error('file.binary', { format, ...(kind ? { kind } : {}) })) };
}

/**
 * What a document that is not the form is, by its name or title (「工作方案」, 「工作总结」, 「扫描件」):
 * the notice asks for the plan and the summary alongside the form.
 */
export function pieceByName(text: string): AttachmentKind | undefined {
  if (/方案|计划/.test(text)) return 'workPlan';
  if (/总结|小结|报告/.test(text)) return 'workSummary';
  if (/盖章|扫描|签章|公章|scan/i.test(text)) return 'stampedScan';
  return undefined;
}

function textReader(format: 'yaml' | 'json'): Reader {
  return {
    format,
    maxBytes: MAX_TEXT_BYTES,
    async read(bytes) {
      const decoded = decodeText(bytes);
      if (!decoded.ok) return unreadable(format.toUpperCase(), bytes);
      // Traditional characters in keys or values (參加活動人數: 1.2萬人次): read as simplified.
      const { foldText, hasTraditionalCandidate } = await import('./traditional.js');
      const folded = hasTraditionalCandidate(decoded.text) ? await foldText(decoded.text) : undefined;
      const raw = readYamlText(folded ?? decoded.text, format);
      if (raw.problems.some((p) => p.code === 'yaml.aliasBomb')) return { kind: 'unsafe', raw };
      if (folded !== undefined) {
        const before = decoded.text.split('\n');
        const after = folded.split('\n');
        const i = Math.max(
          0,
          before.findIndex((l, k) => l !== after[k]),
        );
        raw.problems.push(
          warning('text.traditional', { original: before[i]!.trim().slice(0, 24), folded: (after[i] ?? '').trim().slice(0, 24) }),
        );
      }
      return { kind: 'submission', raw };
    },
  };
}

/** A form-shaped document (DOCX, DOC, XLSX) → submission, a piece, or not a submission. */
async function formOutcome(
  form: import('./grid.js').FormDocument,
  name: string,
  extra: { title?: string; embedded?: unknown | null } = {},
): Promise<ReaderOutcome> {
  const { formTable } = await import('./grid.js');
  const { docxRaw, isBlankForm } = await import('./docx.js');
  let doc = form;
  // Traditional characters anywhere (東湖區, 參加活動人數): read as simplified, and say so.
  const { foldDocument } = await import('./traditional.js');
  const folded = await foldDocument(doc);
  if (!formTable(doc) && doc.paragraphs.length > 0) {
    // The form typed as paragraphs (「举办县区：东湖区」), no table. A 工作方案 or 工作总结 mentions
    // 「活动主题：」「活动时间：」 too: a document named as one stays one, and a typed form must
    // carry most of the form's labels (8 of 23), not a handful.
    const named = pieceByName(`${name} ${extra.title ?? ''}`);
    const { linesToForm } = await import('./paragraphs.js');
    const typed = named === 'workPlan' || named === 'workSummary' ? undefined : linesToForm(doc.paragraphs);
    if (typed && formTable(typed, 8)) doc = { paragraphs: typed.paragraphs, tables: [...doc.tables, ...typed.tables] };
  }
  if (!formTable(doc)) {
    const piece = pieceByName(
      `${name} ${extra.title ?? ''} ${doc.paragraphs
        .slice(0, 3)
        .map((p) => p.text)
        .join(' ')}`,
    );
    if (piece && piece !== 'stampedScan') return { kind: 'attachment', attachment: piece, raw: emptyRaw() };
    return { kind: 'not-a-submission', raw: withProblem(warning('file.noFormTable')) };
  }
  const raw = docxRaw({ document: doc, ours: extra.embedded !== undefined && extra.embedded !== null, embedded: extra.embedded ?? null });
  if (isBlankForm(raw)) return { kind: 'not-a-submission', raw: withProblem(warning('own.blankTemplate')) };
  if (folded) raw.problems.push(folded);
  return { kind: 'submission', raw };
}

const docxReader: Reader = {
  format: 'docx',
  maxBytes: MAX_DOCUMENT_BYTES,
  async read(bytes, name) {
    if (sniff(bytes)?.id !== 'zip') return unreadable('DOCX', bytes);
    const { readDocxContent } = await import('./docx.js');
    const read = await readDocxContent(bytes);
    if (!read.ok) return { kind: read.kind, raw: read.raw };
    return formOutcome(read.content.document, name, {
      ...(read.content.title ? { title: read.content.title } : {}),
      embedded: read.content.embedded,
    });
  },
};

const xlsxReader: Reader = {
  format: 'xlsx',
  maxBytes: MAX_DOCUMENT_BYTES,
  async read(bytes, name) {
    // Old Excel (.xls, WPS .et) is an OLE file: LibreOffice converts it when present.
    if (sniff(bytes)?.id === 'ole') return viaLibreOffice(bytes, name, 'xls', '.xlsx');
    if (sniff(bytes)?.id !== 'zip') return unreadable('XLSX', bytes);
    const { readXlsxForm } = await import('./xlsx.js');
    const read = await readXlsxForm(bytes);
    if (!read.ok) return { kind: read.kind, raw: read.raw };
    return formOutcome(read.doc, name);
  },
};

/**
 * Formats offices save in that only LibreOffice opens (old Excel, RTF or web pages named .doc):
 * converted when `soffice` is on PATH (about a second a file), else listed with what to ask for.
 */
async function viaLibreOffice(bytes: Uint8Array, name: string, from: 'doc' | 'xls', ask: string): Promise<ReaderOutcome> {
  const { convertWithSoffice } = await import('./doc.js');
  const converted = await convertWithSoffice(bytes, from, from === 'doc' ? 'docx' : 'xlsx');
  if (converted) return (from === 'doc' ? docxReader : xlsxReader).read(converted, name);
  return { kind: 'unsupported', raw: withProblem(warning('file.needsLibreOffice', { ask })) };
}

const docReader: Reader = {
  format: 'doc',
  maxBytes: MAX_DOCUMENT_BYTES,
  async read(bytes, name) {
    // A .docx renamed .doc (Word's "save as" habits; WPS's .wps) is read as what it is.
    if (sniff(bytes)?.id === 'zip') return docxReader.read(bytes, name);
    if (sniff(bytes)?.id !== 'ole') {
      // RTF or a web page saved with a .doc name (WPS and online systems do this).
      const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).trimStart();
      if (/^\{\\rtf|^<(!doctype|html|\?xml)/i.test(head)) return viaLibreOffice(bytes, name, 'doc', '.docx');
      return unreadable('Word 97（.doc）', bytes);
    }
    const { readDocForm } = await import('./doc.js');
    const read = await readDocForm(bytes);
    if (!read.ok) return { kind: read.kind, raw: read.raw };
    return formOutcome(read.doc, name);
  },
};

const pdfReader: Reader = {
  format: 'pdf',
  maxBytes: MAX_DOCUMENT_BYTES,
  async read(bytes, name) {
    if (sniff(bytes)?.id !== 'pdf') return unreadable('PDF', bytes);
    const { inspectPdf } = await import('./own.js');
    const inspected = await inspectPdf(bytes).catch(() => ({ loaded: false as const }));
    if (!inspected.loaded) return { kind: 'unreadable', raw: withProblem(error('file.corrupt', { format: 'PDF' })) };
    const { own, hasText } = inspected;
    if (own?.embedded) {
      const { FIELDS, getPath } = await import('../form/definition.js');
      const raw = emptyRaw();
      for (const field of FIELDS) {
        const v = getPath(own.embedded, field.id);
        if (v !== undefined) raw.entries.set(field.id, { value: v });
      }
      return { kind: 'submission', raw };
    }
    if (own?.fields && [...own.fields].some(([id, v]) => v.trim() !== '' && !TEMPLATE_PREFILLED.has(id))) {
      const raw = emptyRaw();
      for (const [id, value] of own.fields) raw.entries.set(id, { value });
      return { kind: 'submission', raw };
    }
    if (own) return { kind: 'not-a-submission', raw: withProblem(warning('own.blankTemplate')) };
    // Not ours. An image-only PDF is the stamped scan the notice asks for (盖章后的扫描件);
    // a PDF with text is named by what its name says, else the scan (offices often print to PDF and stamp).
    const piece = pieceByName(name);
    const scan = (): ReaderOutcome => ({
      kind: 'attachment',
      attachment: piece === 'workPlan' || piece === 'workSummary' ? piece : 'stampedScan',
      raw: emptyRaw(),
    });
    if (!hasText) return scan();
    return readTextPdf(bytes, name, piece, scan);
  },
};

/**
 * A PDF with a text layer that this tool did not make: the form exported from Word, WPS or
 * LibreOffice is read by the position of its text (`positioned.ts`) and validated like any form.
 * Only a PDF with next to no text is a scan; a text PDF that is not the form says why.
 */
async function readTextPdf(
  bytes: Uint8Array,
  name: string,
  piece: AttachmentKind | undefined,
  scan: () => ReaderOutcome,
): Promise<ReaderOutcome> {
  const { readPdfText } = await import('./pdf-text.js');
  let text;
  try {
    text = await readPdfText(bytes);
  } catch (e) {
    const locked = (e as { name?: string }).name === 'PasswordException';
    return { kind: 'unreadable', raw: withProblem(locked ? error('pdf.locked') : error('file.corrupt', { format: 'PDF' })) };
  }
  // A scan with a caption, a page number or an OCR'd stamp line: next to no text.
  if (text.chars < 20) return scan();
  const { positionedToForm } = await import('./positioned.js');
  const { formTable, labelCount } = await import('./grid.js');
  const doc = positionedToForm(text.items);
  // A 工作方案 or 工作总结 exported to PDF may list a few 「活动时间：」 lines: by its name it is one,
  // unless it really carries the form.
  if (formTable(doc, piece === 'workPlan' || piece === 'workSummary' ? 12 : 5)) return formOutcome(doc, name);
  if (piece === 'workPlan' || piece === 'workSummary') return { kind: 'attachment', attachment: piece, raw: emptyRaw() };
  if (piece === 'stampedScan') return { kind: 'attachment', attachment: 'stampedScan', raw: withProblem(warning('pdf.textAsScan')) };
  const found = Math.max(0, ...doc.tables.map(labelCount));
  return { kind: 'not-a-submission', raw: withProblem(warning('pdf.textNotForm', { found })) };
}

const imageReader: Reader = {
  format: 'image',
  maxBytes: MAX_DOCUMENT_BYTES,
  read(_bytes, name) {
    // A scan sent as a picture (盖章扫描件.jpg) is the stamped scan; other pictures are activity photos.
    const piece = pieceByName(name);
    const byName = piece === 'stampedScan' || /统计表/.test(name) ? 'stampedScan' : 'photo';
    return { kind: 'attachment', attachment: byName, raw: emptyRaw() };
  },
};

const emlReader: Reader = {
  format: 'eml',
  maxBytes: MAX_DOCUMENT_BYTES,
  async read(bytes) {
    const { readEml, NotMailError } = await import('./eml.js');
    let mail;
    try {
      mail = await readEml(bytes);
    } catch (e) {
      if (e instanceof NotMailError) return { kind: 'unreadable', raw: withProblem(error('mail.notMail')) };
      return { kind: 'unreadable', raw: withProblem(error('file.corruptMail')) };
    }
    const children: ChildFile[] = mail.attachments
      .filter((a) => !a.inline || !/^image\//.test(a.contentType) || a.bytes.length > 200 * 1024)
      .map((a) => ({ name: a.filename, bytes: a.bytes }));
    for (const o of mail.omitted ?? []) children.push({ name: o.filename, problem: { fate: 'unsafe', code: 'mail.omitted' } });
    const raw = emptyRaw();
    if (!mail.date) raw.problems.push(warning('mail.noDate', { header: mail.dateHeader ?? '' }));
    if (children.length === 0) raw.problems.push(warning('mail.noAttachments'));
    // Header strings are slices of the whole raw mail (attachments included): copy them, so the
    // results of a large inbox do not keep every mail's bytes alive.
    const headers = JSON.parse(
      JSON.stringify({
        ...(mail.dateHeader ? { dateHeader: mail.dateHeader } : {}),
        ...(mail.from ? { from: mail.from } : {}),
        ...(mail.subject ? { subject: mail.subject } : {}),
      }),
    ) as Omit<MailMeta, 'date'>;
    return { kind: 'container', children, mail: { ...headers, ...(mail.date ? { date: mail.date } : {}) }, raw };
  },
};

const zipReader: Reader = {
  format: 'zip',
  maxBytes: MAX_DOCUMENT_BYTES,
  async read(bytes) {
    const { readZip } = await import('./zip.js');
    const zip = await readZip(bytes);
    if (!zip.ok)
      return zip.error === 'too-large' || zip.error === 'too-many-entries'
        ? { kind: 'unsafe', raw: withProblem(error('file.zipBomb', { format: 'ZIP' })) }
        : { kind: 'unreadable', raw: withProblem(error('file.corrupt', { format: 'ZIP' })) };
    const children: ChildFile[] = zip.entries.map((e) =>
      'bytes' in e
        ? { name: e.name, bytes: e.bytes, ...(e.mtime ? { mtime: e.mtime } : {}) }
        : {
            name: e.name,
            problem:
              e.error === 'unsafe-name'
                ? { fate: 'unsafe', code: 'zip.unsafeName' }
                : e.error === 'encrypted'
                  ? { fate: 'unreadable', code: 'zip.encrypted' }
                  : e.error === 'corrupt'
                    ? { fate: 'unreadable', code: 'file.corrupt' }
                    : { fate: 'unsafe', code: 'file.zipBomb' },
          },
    );
    return { kind: 'container', children, raw: emptyRaw() };
  },
};

/**
 * Outlook's winmail.dat (a mail sent in Rich Text format packs its attachments into it): the
 * attachments are taken out and read in turn; one with none says what it is and what to ask for.
 */
const tnefReader: Reader = {
  format: 'tnef',
  maxBytes: MAX_DOCUMENT_BYTES,
  async read(bytes, name) {
    const { isTnef, readTnef } = await import('./tnef.js');
    if (!isTnef(bytes)) {
      if (/^winmail\.dat$/i.test(name)) return { kind: 'unreadable', raw: withProblem(error('mail.winmail')) };
      return { kind: 'unsupported', raw: withProblem(warning('file.unsupported', { ext: '.dat' })) };
    }
    const attachments = readTnef(bytes);
    if (!attachments || attachments.length === 0) return { kind: 'unsupported', raw: withProblem(warning('mail.winmail')) };
    return {
      kind: 'container',
      children: attachments.map((a) => ({ name: a.name, bytes: a.bytes })),
      raw: withProblem(warning('mail.winmailUnpacked', { count: attachments.length })),
    };
  },
};

/** OpenDocument files: LibreOffice's own; ask for the Office formats. */
const odfReader: Reader = {
  format: 'other',
  maxBytes: Infinity,
  read(_bytes, name) {
    const ext = name.slice(name.lastIndexOf('.')).toLowerCase();
    return { kind: 'unsupported', raw: withProblem(warning('file.needsLibreOffice', { ask: ext === '.ods' ? '.xlsx' : '.docx' })) };
  },
};

/** Archives we cannot open without extra software: say so, so the centre asks for a zip. */
const archiveReader: Reader = {
  format: 'other',
  maxBytes: Infinity,
  read(_bytes, name) {
    return { kind: 'unsupported', raw: withProblem(warning('file.archiveUnsupported', { ext: name.slice(name.lastIndexOf('.')) })) };
  },
};

const READERS: Record<string, Reader> = {
  '.yaml': textReader('yaml'),
  '.yml': textReader('yaml'),
  '.json': textReader('json'),
  '.docx': docxReader,
  '.xlsx': xlsxReader,
  '.xls': xlsxReader,
  '.et': xlsxReader,
  '.doc': docReader,
  '.wps': docReader,
  '.odt': odfReader,
  '.ods': odfReader,
  '.pdf': pdfReader,
  '.eml': emlReader,
  '.zip': zipReader,
  '.dat': tnefReader,
  '.rar': archiveReader,
  '.7z': archiveReader,
  '.jpg': imageReader,
  '.jpeg': imageReader,
  '.png': imageReader,
  '.tif': imageReader,
  '.tiff': imageReader,
  '.bmp': imageReader,
  '.heic': imageReader,
  '.gif': imageReader,
};

/** The reader for a file name, by extension (case-insensitive). */
export function readerFor(name: string): Reader | undefined {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : READERS[name.slice(dot).toLowerCase()];
}

export { formOutcome };
