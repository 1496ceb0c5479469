/**
 * One table from file type to reader (style.md: "One table maps file types to readers"). Every
 * reader turns bytes into the same raw shape; nothing downstream knows where the data came from.
 */
import { error, emptyRaw, type RawSubmission } from '../core/problem.js';
import { decodeText } from './decode.js';
import { readYamlText } from './yaml.js';

export type Format = 'yaml' | 'json';

export interface Reader {
  format: Format;
  /** Largest file worth reading; a bigger one is rejected unread as unsafe. */
  maxBytes: number;
  read(bytes: Uint8Array): Promise<ReaderOutcome> | ReaderOutcome;
}

export type ReaderOutcome =
  | { kind: 'submission'; raw: RawSubmission }
  /** Not data at all (binary bytes behind a text extension). */
  | { kind: 'unreadable'; raw: RawSubmission }
  /** Rejected to protect the machine (alias bombs and the like). */
  | { kind: 'unsafe'; raw: RawSubmission };

/** A hand-written form is a few KB; 1 MiB leaves room for long texts and nothing else. */
export const MAX_TEXT_BYTES = 1024 * 1024;

function textReader(format: Format): Reader {
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

const READERS: Record<string, Reader> = {
  '.yaml': textReader('yaml'),
  '.yml': textReader('yaml'),
  '.json': textReader('json'),
};

/** The reader for a file name, by extension (case-insensitive). */
export function readerFor(name: string): Reader | undefined {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : READERS[name.slice(dot).toLowerCase()];
}

export const SUPPORTED_EXTENSIONS = Object.keys(READERS);
