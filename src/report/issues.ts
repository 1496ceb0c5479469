/** Problems as the report shows them: with the form's label path and a sentence in the user's language. */
import { formatMessage, type Lang } from '../core/messages.js';
import type { Problem, Severity } from '../core/problem.js';
import { fieldById } from '../form/definition.js';

export interface IssueOut {
  severity: Severity;
  code: string;
  field?: string;
  label?: string;
  message: string;
  line?: number;
  column?: number;
  /** What `line` counts in, for files without lines: 「表格」, 「工作表「Sheet1」」. */
  in?: string;
}

export function issueOut(p: Problem, lang: Lang): IssueOut {
  return {
    severity: p.severity,
    code: p.code,
    ...(p.field ? { field: p.field, label: fieldById(p.field).labelPath } : {}),
    message: formatMessage(p.code, p.params, lang),
    ...(p.loc ? { line: p.loc.line, column: p.loc.column, ...(p.loc.in ? { in: p.loc.in } : {}) } : {}),
  };
}
