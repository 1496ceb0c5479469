/**
 * One table from file type to reader (style.md: "One table maps file types to readers"). Every
 * reader turns bytes into the same raw shape; nothing downstream knows where the data came from.
 */
import { error, emptyRaw, warning, type RawSubmission } from '../core/problem.js';
import { decodeText, sniff } from './decode.js';
import { readYamlText } from './yaml.js';

export type Format = 'yaml' | 'json' | 'docx' | 'pdf';

export interface Reader {
  format: Format;
  /** Largest file worth reading; a bigger one is rejected unread as unsafe. */
  maxBytes: number;
  read(bytes: Uint8Array): Promise<ReaderOutcome> | ReaderOutcome;
}

export type ReaderOutcome =
  | { kind: 'submission'; raw: RawSubmission }
  /** Not data at all (binary bytes behind a text extension, a broken file). */
  | { kind: 'unreadable'; raw: RawSubmission }
  /** Rejected to protect the machine (alias bombs and the like). */
  | { kind: 'unsafe'; raw: RawSubmission }
  /** A readable file that is not the form (a PDF this tool did not make, a blank template). */
  | { kind: 'not-a-submission'; raw: RawSubmission };

/** A hand-written form is a few KB; 1 MiB leaves room for long texts and nothing else. */
export const MAX_TEXT_BYTES = 1024 * 1024;
/** Our own DOCX is ~20 KB and PDF ~100 KB; scans with photos run to a few MB. */
export const MAX_DOCUMENT_BYTES = 30 * 1024 * 1024;

function textReader(format: 'yaml' | 'json'): Reader {
  return {
    format,
    maxBytes: MAX_TEXT_BYTES,
    read(bytes) {
      const decoded = decodeText(bytes);
      if (!decoded.ok) {
        const raw = emptyRaw();
        raw.problems.push(error('file.binary', { format: format.toUpperCase(), ...(decoded.kind ? { kind: decoded.kind } : {}) }));
        return { kind: 'unreadable', raw };
      }
      const raw = readYamlText(decoded.text, format);
      if (raw.problems.some((p) => p.code === 'yaml.aliasBomb')) return { kind: 'unsafe', raw };
      return { kind: 'submission', raw };
    },
  };
}

function unreadable(code: 'file.corrupt' | 'file.binary', params?: Record<string, string>): ReaderOutcome {
  const raw = emptyRaw();
  raw.problems.push(error(code, params));
  return { kind: 'unreadable', raw };
}

/** Field values read from one of our own PDFs, as raw entries. */
function rawFromValues(values: Map<string, unknown>): RawSubmission {
  const raw = emptyRaw();
  for (const [id, value] of values) raw.entries.set(id, { value });
  return raw;
}

const docxReader: Reader = {
  format: 'docx',
  maxBytes: MAX_DOCUMENT_BYTES,
  async read(bytes) {
    if (sniff(bytes)?.id !== 'zip') return unreadable('file.binary', { format: 'DOCX', kind: sniff(bytes)?.label ?? '' });
    const { readDocxContent, docxRaw, hasFormTable, isBlankForm } = await import('./docx.js');
    const read = await readDocxContent(bytes);
    if (!read.ok) return { kind: read.kind, raw: read.raw };
    if (!hasFormTable(read.content)) {
      const raw = emptyRaw();
      raw.problems.push(warning('file.noFormTable'));
      return { kind: 'not-a-submission', raw };
    }
    const raw = docxRaw(read.content);
    if (isBlankForm(raw)) {
      const blank = emptyRaw();
      blank.problems.push(warning('own.blankTemplate'));
      return { kind: 'not-a-submission', raw: blank };
    }
    return { kind: 'submission', raw };
  },
};

const pdfReader: Reader = {
  format: 'pdf',
  maxBytes: MAX_DOCUMENT_BYTES,
  async read(bytes) {
    if (sniff(bytes)?.id !== 'pdf') return unreadable('file.binary', { format: 'PDF', kind: sniff(bytes)?.label ?? '' });
    const { readOwnPdf } = await import('../render/read-own.js');
    let own;
    try {
      own = await readOwnPdf(bytes);
    } catch {
      return unreadable('file.corrupt', { format: 'PDF' });
    }
    if (own?.embedded) {
      const { FIELDS, getPath } = await import('../form/definition.js');
      const values = new Map<string, unknown>();
      for (const field of FIELDS) {
        const v = getPath(own.embedded, field.id);
        if (v !== undefined) values.set(field.id, v);
      }
      return { kind: 'submission', raw: rawFromValues(values) };
    }
    if (own?.fields && [...own.fields.values()].some((v) => v.trim() !== '')) {
      return { kind: 'submission', raw: rawFromValues(new Map(own.fields)) };
    }
    const raw = emptyRaw();
    raw.problems.push(warning(own ? 'own.blankTemplate' : 'file.notOurPdf'));
    return { kind: 'not-a-submission', raw };
  },
};

const READERS: Record<string, Reader> = {
  '.yaml': textReader('yaml'),
  '.yml': textReader('yaml'),
  '.json': textReader('json'),
  '.docx': docxReader,
  '.pdf': pdfReader,
};

/** The reader for a file name, by extension (case-insensitive). */
export function readerFor(name: string): Reader | undefined {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : READERS[name.slice(dot).toLowerCase()];
}

export const SUPPORTED_EXTENSIONS = Object.keys(READERS);
