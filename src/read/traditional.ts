/**
 * Traditional characters, anywhere in a form (東湖區, 參加活動人數, 30項, 場, 萬人次): read as simplified
 * with OpenCC's conversion table (`opencc-js`, Traditional → Mainland simplified), the file left as
 * it is, and the reader told (a 提醒 with an example).
 *
 * OpenCC costs about 0.15 s to set up and converts a few KB of text a millisecond, so it is loaded
 * only for text that has a candidate: a Han character outside GB 2312, the set every simplified
 * form is typed in. That set comes from the platform's own GBK decoder (GB 2312 is GBK's rows
 * A1–F7 × A1–FE), in a millisecond, and rare simplified characters outside it (「翾」) only cost the
 * conversion, which then changes nothing.
 */
import type { Problem } from '../core/problem.js';
import { warning } from '../core/problem.js';
import { forgetLabels, type FormDocument } from './grid.js';

const HAN_FIRST = 0x4e00;
const HAN_LAST = 0x9fff;
/** GB 2312's Han characters in U+4E00–U+9FFF, one byte each (1 = in the set). */
let gb2312: Uint8Array | undefined;

function gb2312Set(): Uint8Array {
  if (gb2312) return gb2312;
  const bytes: number[] = [];
  for (let a = 0xb0; a <= 0xf7; a++) for (let b = 0xa1; b <= 0xfe; b++) bytes.push(a, b);
  const text = new TextDecoder('gbk').decode(new Uint8Array(bytes));
  gb2312 = new Uint8Array(HAN_LAST - HAN_FIRST + 1);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= HAN_FIRST && c <= HAN_LAST) gb2312[c - HAN_FIRST] = 1;
  }
  return gb2312;
}

/** Whether a text has a Han character no simplified form would use (a traditional candidate). */
export function hasTraditionalCandidate(text: string): boolean {
  // U+4E00–U+9FFF lie in the BMP: one UTF-16 unit each, never half of a surrogate pair.
  let set: Uint8Array | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < HAN_FIRST || c > HAN_LAST) continue;
    set ??= gb2312Set();
    if (set[c - HAN_FIRST] === 0) return true;
  }
  return false;
}

type Convert = (text: string) => string;
let converter: Promise<Convert> | undefined;
let loadedConverter: Convert | undefined;

async function toSimplified(): Promise<Convert> {
  converter ??= import('opencc-js/t2cn').then((m) => {
    const lib = m as unknown as { Converter(o: { from: string; to: string }): Convert };
    loadedConverter = lib.Converter({ from: 'tw', to: 'cn' });
    return loadedConverter;
  });
  return converter;
}

/**
 * Make `foldTextSync` ready for these texts (file names and paths): loads the table only when one
 * of them has a traditional candidate.
 */
export async function prepareFolding(texts: Iterable<string>): Promise<void> {
  for (const t of texts) if (hasTraditionalCandidate(t)) return void (await toSimplified());
}

/** A text folded to simplified when `prepareFolding` loaded the table for it; else the text. */
export function foldTextSync(text: string): string {
  return loadedConverter && hasTraditionalCandidate(text) ? convertLines(loadedConverter, text) : text;
}

/** Lines already converted (the same contact line comes in every file of a unit). */
const cache = new Map<string, string>();

/**
 * Convert only the lines that have a candidate: OpenCC's cost grows with the text, and a rare
 * simplified character (「李 翾」) must not make every file of a unit pay for its whole text.
 */
function convertLines(convert: Convert, text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (!hasTraditionalCandidate(line)) return line;
      let folded = cache.get(line);
      if (folded === undefined) {
        folded = convert(line);
        if (cache.size > 2000) cache.clear();
        cache.set(line, folded);
      }
      return folded;
    })
    .join('\n');
}

/** One text folded to simplified, when it has traditional characters; else undefined. */
export async function foldText(text: string): Promise<string | undefined> {
  if (!hasTraditionalCandidate(text)) return undefined;
  const folded = convertLines(await toSimplified(), text);
  return folded === text ? undefined : folded;
}

const example = (text: string) => {
  const t = text.replace(/\s+/g, ' ').trim();
  return [...t].length > 16 ? `${[...t].slice(0, 16).join('')}…` : t;
};

/**
 * Fold every paragraph and cell of a form document in place. Returns the 提醒 to give (with the
 * first text that changed), or undefined when there was nothing traditional.
 */
export async function foldDocument(doc: FormDocument): Promise<Problem | undefined> {
  let first: { original: string; folded: string } | undefined;
  const fold = async (text: string): Promise<string> => {
    const folded = await foldText(text);
    if (folded === undefined) return text;
    first ??= { original: example(text), folded: example(folded) };
    return folded;
  };
  for (const p of doc.paragraphs) p.text = await fold(p.text);
  for (const table of doc.tables) {
    let changed = false;
    for (const row of table.rows)
      for (const cell of row) {
        const text = await fold(cell.text);
        if (text !== cell.text) {
          cell.text = text;
          changed = true;
        }
      }
    // The labels found before folding are stale.
    if (changed) forgetLabels(table);
  }
  return first ? warning('text.traditional', first) : undefined;
}
