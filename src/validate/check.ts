/**
 * One file → its fate in the report. Pure: the command reads the bytes; this decides what they are.
 * Every file ends in exactly one fate, and bad input becomes problems, never an exception.
 */
import type { Campaign } from '../campaign/campaign.js';
import { error, type Problem } from '../core/problem.js';
import { readerFor, type Format } from '../read/index.js';
import { validateRaw } from './validate.js';

export type Fate =
  | 'submission'
  | 'superseded'
  | 'attachment'
  | 'not-a-submission'
  | 'unreadable'
  | 'unsafe'
  | 'unsupported'
  | 'container';

export interface FileResult {
  /** As the user should recognise it: relative to what they named on the command line. */
  path: string;
  format: Format | 'other';
  fate: Fate;
  status?: 'valid' | 'invalid';
  unit?: string;
  data?: Record<string, unknown>;
  originals?: Record<string, string>;
  problems: Problem[];
}

export interface InputFile {
  path: string;
  /** File size in bytes (known before reading, so an oversized file is never loaded). */
  size: number;
  /** Loads the bytes; not called for files rejected by name or size. */
  load(): Promise<Uint8Array>;
  /** Decided before reading (a folder without permission, a broken link, the same file twice). */
  preset?: { fate: Fate; problem: Problem };
}

const baseName = (p: string) => p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'), p.lastIndexOf('!')) + 1);

export function isHiddenName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || name === 'Thumbs.db' || name === 'desktop.ini';
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${n} B`;
}

export async function checkFile(input: InputFile, campaign: Campaign): Promise<FileResult> {
  if (input.preset)
    return {
      path: input.path,
      format: 'other',
      fate: input.preset.fate,
      ...(input.preset.fate === 'unreadable' ? { status: 'invalid' as const } : {}),
      problems: [input.preset.problem],
    };
  const name = baseName(input.path);
  const reader = readerFor(name);
  if (!reader || isHiddenName(name)) {
    const dot = name.lastIndexOf('.');
    return {
      path: input.path,
      format: 'other',
      fate: 'unsupported',
      problems: [
        isHiddenName(name)
          ? { severity: 'warning', code: 'file.hidden' }
          : { severity: 'warning', code: 'file.unsupported', params: { ext: dot > 0 ? name.slice(dot) : '' } },
      ],
    };
  }
  if (input.size > reader.maxBytes) {
    return {
      path: input.path,
      format: reader.format,
      fate: 'unsafe',
      status: 'invalid',
      problems: [error('file.tooLarge', { size: formatBytes(input.size), limit: formatBytes(reader.maxBytes) })],
    };
  }
  let bytes: Uint8Array;
  try {
    bytes = await input.load();
  } catch (e) {
    return {
      path: input.path,
      format: reader.format,
      fate: 'unreadable',
      status: 'invalid',
      problems: [error('file.readFailed', { reason: (e as NodeJS.ErrnoException).code ?? String(e) })],
    };
  }
  const outcome = await reader.read(bytes);
  if (outcome.kind === 'not-a-submission') return { path: input.path, format: reader.format, fate: outcome.kind, problems: outcome.raw.problems };
  if (outcome.kind !== 'submission') {
    return { path: input.path, format: reader.format, fate: outcome.kind, status: 'invalid', problems: outcome.raw.problems };
  }
  const result = validateRaw(outcome.raw, campaign);
  const valid = !result.problems.some((p) => p.severity === 'error');
  return {
    path: input.path,
    format: reader.format,
    fate: 'submission',
    status: valid ? 'valid' : 'invalid',
    ...(result.unit ? { unit: result.unit } : {}),
    data: result.data,
    originals: result.originals,
    problems: result.problems,
  };
}
