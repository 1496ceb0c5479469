/**
 * The machine-readable copy of the data that our DOCX and PDF carry, so `validate`/`import` get the
 * typed values back without parsing printed text (docs/rendering.md, "Embedded data copy").
 *
 * Format: JSON `{"format":"lifelong-week/submission","version":1,"data":{…}}`, the data's keys in form
 * order so equal submissions give identical bytes. In a DOCX it is a customXml part (and chunked
 * custom properties, which survive a `.doc` conversion — docs/rendering.md); in a PDF it is the attached
 * `submission.json`. The visible table stays the truth for DOCX: see `read/own.ts`.
 */
import { FIELDS, getPath, setPath } from './definition.js';
import type { Submission } from './schema.js';

export const EMBED_FORMAT = 'lifelong-week/submission';
export const EMBED_VERSION = 1;
/** The customXml namespace and the name of the custom properties. */
export const EMBED_NAMESPACE = 'urn:lifelong-week:submission:1';
export const EMBED_PROPERTY = 'lifelong-week';
export const EMBED_ATTACHMENT = 'submission.json';
/**
 * The paragraph style of a value paragraph that goes on with the one before the page break (a value
 * our DOCX splits between pages, docx.ts): a reader joins the two without a line break. LibreOffice
 * renames style ids when it saves a DOCX (「Style14」) but keeps the name, so readers look for either.
 */
export const CONTINUED_VALUE_STYLE = { id: 'LwCellValueCont', name: '表格内容（接上页）' } as const;
/**
 * The character style of a line break our DOCX puts where the PDF breaks a line and an office suite
 * would break inside a date or between a name and its phone (docx.ts): layout, not content, so a
 * reader takes such a break as nothing. Found by name as well as id, like the style above.
 */
export const LAYOUT_BREAK_STYLE = { id: 'LwLayoutBreak', name: '排版换行' } as const;
/** Word's UI caps a custom property at 255 characters (docs/rendering.md, "Embedded data copy"): chunk below that. */
export const PROPERTY_CHUNK = 240;

/** Rebuild the data with keys in form order (and the nested values' keys in a fixed order). */
function canonical(data: Submission): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const value = getPath(data, field.id);
    if (value === undefined) continue;
    if (field.kind === 'contacts')
      setPath(
        out,
        field.id,
        (value as Submission['contacts']).map((c) => ({ name: c.name, phone: c.phone })),
      );
    else if (field.kind === 'dateRange') {
      const p = value as Submission['content']['period'];
      setPath(out, field.id, { start: p.start, end: p.end, text: p.text });
    } else setPath(out, field.id, value);
  }
  return out;
}

export function encodeEmbedded(data: Submission): string {
  return JSON.stringify({ format: EMBED_FORMAT, version: EMBED_VERSION, data: canonical(data) });
}

/** The data of an embedded copy, or null when the text is not one of ours (or from a newer version). */
export function decodeEmbedded(text: string): unknown | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object') return null;
  const p = parsed as Record<string, unknown>;
  if (p.format !== EMBED_FORMAT || p.version !== EMBED_VERSION || !('data' in p)) return null;
  return p.data ?? null;
}

/** Split for custom properties: `lifelong-week.1`, `lifelong-week.2`, … */
export function chunk(text: string, size = PROPERTY_CHUNK): string[] {
  const chars = Array.from(text);
  const parts: string[] = [];
  for (let i = 0; i < chars.length; i += size) parts.push(chars.slice(i, i + size).join(''));
  return parts;
}
