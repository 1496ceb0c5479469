/** Text fields: trimmed, CRLF folded, inner line breaks kept (they become paragraphs in DOCX, lines in PDF). */
import { fail, scalarText, type Normalized } from './common.js';

export function normalizeText(raw: unknown): Normalized<string> {
  // A YAML list of lines is a natural way to write several items; join them as lines.
  if (Array.isArray(raw) && raw.every((x) => typeof x === 'string' || typeof x === 'number')) {
    const lines = raw.map((x) => String(x).trim()).filter(Boolean);
    return lines.length ? { value: lines.join('\n'), problems: [] } : { problems: [] };
  }
  const text = scalarText(raw);
  if (text === undefined) return fail('value.notText');
  if (text === null) return { problems: [] };
  // Blank lines are dropped: a cell of the form holds lines, and a blank one printed as a gap the
  // interview's read-back never showed (the several-line prompt drops them the same way).
  const value = text
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/g, ''))
    .filter((line) => line.trim() !== '')
    .join('\n');
  return { value, problems: [] };
}
