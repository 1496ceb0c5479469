/**
 * What every reader and rule reports. A problem carries a catalogue code and its parameters, not a
 * sentence: the report layer turns it into Chinese (or English with `--lang en`), so the core stays
 * pure and tests assert codes, not copied text (the pyxform way).
 */
import type { FieldId } from '../form/definition.js';
import type { MessageCode, Params } from './messages.js';

export type { Params };

export type Severity = 'error' | 'warning';

/** 1-based line and column in the file the value came from. */
export interface Loc {
  line: number;
  column: number;
  /** For documents that have no lines: what `line` counts in (「表格」, 「工作表“Sheet1”」). */
  in?: string;
}

export interface Problem {
  severity: Severity;
  code: MessageCode;
  params?: Params;
  /** Field id (`participation.participantCount`) when the problem belongs to a field. */
  field?: FieldId;
  loc?: Loc;
}

export const problem = (severity: Severity, code: MessageCode, params?: Params, extra?: { field?: FieldId; loc?: Loc }): Problem => ({
  severity,
  code,
  ...(params ? { params } : {}),
  ...extra,
});

export const error = (code: MessageCode, params?: Params, extra?: { field?: FieldId; loc?: Loc }) => problem('error', code, params, extra);
export const warning = (code: MessageCode, params?: Params, extra?: { field?: FieldId; loc?: Loc }) =>
  problem('warning', code, params, extra);

/** A value as a reader found it, before normalisation. */
export interface RawEntry {
  value: unknown;
  /** Where the value starts (for YAML/JSON: the node; for tables: the cell). */
  loc?: Loc;
  /** For a list: where each item starts, so a problem with the 2nd contact points at its line. */
  itemLocs?: Loc[];
}

/**
 * The one shape every reader returns (YAML, JSON, DOCX, PDF, spreadsheets…): field id → raw value.
 * Nothing downstream knows which format it came from.
 */
export interface RawSubmission {
  entries: Map<FieldId, RawEntry>;
  /** Problems the reader found itself (syntax, unknown keys, duplicates). */
  problems: Problem[];
  /** Where each group's key sits, so a missing field can point at its group. */
  groupLocs: Map<string, Loc>;
}

export function emptyRaw(): RawSubmission {
  return { entries: new Map(), problems: [], groupLocs: new Map() };
}

/** The raw shape of a file that failed before any value was read: just the one problem. */
export function rawWithProblem(p: Problem): RawSubmission {
  const raw = emptyRaw();
  raw.problems.push(p);
  return raw;
}
