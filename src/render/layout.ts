/**
 * CJK line breaking for the PDF (pdf-lib has none; docs/rendering.md, "Line breaking and kinsoku (PDF)").
 *
 * Rules, as Chinese typesetting applies them (GB/T 15834 punctuation, the kinsoku of JIS X 4051 that
 * Chinese office software follows):
 * - any CJK character may end a line; Latin words and numbers (「0791-86771234」「1.2」「Tel」) stay whole
 *   unless one alone is wider than the line;
 * - no line starts with closing punctuation 「，。、；：？！）》」』”’…」 (行首禁则); where nothing can be
 *   carried (a line that is one long number), the punctuation hangs past the edge (标点悬挂);
 * - no line ends with opening punctuation 「（《「『“‘」 (行尾禁则);
 *   both are met by pushing characters to the next line (推出), never by overflowing the cell;
 * - spaces at a break stay at the end of the line (they are invisible there) so that
 *   `lines.join('')` is exactly the paragraph: nothing is lost or invented.
 *
 * Pure: widths come from the caller (`measure`), so tests use a fake font.
 */

/** Characters that must not begin a line. */
export const NO_LINE_START = new Set(
  Array.from('，。、；：？！）》」』】〕〉〗”’…‥—·～%‰℃,.;:?!)]}>·ー々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ'),
);
/** Characters that must not end a line. */
export const NO_LINE_END = new Set(Array.from('（《「『【〔〈〖“‘([{<'));

/**
 * Runs that never break inside unless one is wider than a whole line: a date written in Chinese
 * (「2023年11月16日」, 「11月15日」), and a short name with the number after it (「王伟 0791-86771234」
 * after 「；」, 「、」 or at the start: a phone is never on another line than its person, nor a name split
 * at its inner space). Everything else is made of FINE units.
 */
const GLUED = [
  String.raw`(?:\d{4} ?年 ?)?\d{1,2} ?月 ?\d{1,2} ?[日号]|\d{4} ?年 ?\d{1,2} ?月`,
  // A two-character name is often written with a space between (「李 翾」, as the notice's own 「万 翾」).
  String.raw`(?<=^|[；;，,、：:\s])\p{Script=Han}(?: ?\p{Script=Han}){0,3} +(?=[+（(]*\d)[\p{N}\-()（）+]*[\p{N}）)]`,
];
/** The smallest unbreakable pieces: a Latin word or number, a run of spaces, or one character. */
const FINE = [String.raw`[\p{Script=Latin}\p{N}\-_.,:;/@#&%+=*'’!?~$€£¥()[\]<>"|\\^` + '`]+', ' +', String.raw`[\s\S]`];
const UNIT = new RegExp(`(?<glued>${GLUED.join('|')})|${FINE.join('|')}`, 'gu');
const FINE_UNIT = new RegExp(FINE.join('|'), 'gu');

function units(paragraph: string): string[] {
  return paragraph.match(UNIT) ?? [];
}

const isSpaces = (unit: string) => /^ +$/.test(unit);

const firstChar = (s: string) => String.fromCodePoint(s.codePointAt(0)!);
const lastChar = (s: string) => {
  const chars = Array.from(s);
  return chars[chars.length - 1] ?? '';
};

/**
 * Split an over-long unit into pieces that each fit (character by character). Each piece is
 * measured whole, not as a sum of its characters: a measure may add space at a piece's ends (the
 * DOCX's CJK–Latin autospace, docx.ts), which a sum would count at every character.
 */
function splitUnit(unit: string, maxWidth: number, measure: (s: string) => number): string[] {
  const pieces: string[] = [];
  let cur = '';
  for (const ch of unit) {
    if (cur !== '' && measure(cur + ch) > maxWidth) {
      pieces.push(cur);
      cur = '';
    }
    cur += ch;
  }
  if (cur !== '') pieces.push(cur);
  return pieces;
}

/**
 * Break one paragraph (no '\n') into lines no wider than `maxWidth` (trailing spaces excepted).
 * An empty paragraph is one empty line. Greedy, which is what Word and WPS do for CJK text.
 */
export function breakParagraph(paragraph: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let width = 0;
  const pending = units(paragraph);
  for (let i = 0; i < pending.length; i++) {
    const unit = pending[i]!;
    const w = measure(unit);
    // Spaces may overhang the edge: they are invisible at the end of a line.
    if (isSpaces(unit) || line.length === 0 || width + w <= maxWidth) {
      if (line.length === 0 && w > maxWidth && Array.from(unit).length > 1 && !isSpaces(unit)) {
        // Wider than the whole line. A date or a name with its phone comes apart into its own
        // pieces first (the number still whole); only a Latin word wider than the line (a URL) is cut.
        const fine = unit.match(FINE_UNIT) ?? [unit];
        pending.splice(i, 1, ...(fine.length > 1 ? fine : splitUnit(unit, maxWidth, measure)));
        i--;
        continue;
      }
      line.push(unit);
      width += w;
      continue;
    }
    // Break before `unit`. Kinsoku: carry units from the end of this line to the next while the
    // next line would start with closing punctuation or this one would end with opening
    // punctuation. At least one unit stays, so every break makes progress.
    const carried: string[] = [];
    while (line.length > 1) {
      const nextFirst = carried[0] ?? unit;
      const tail = line[line.length - 1]!;
      if (!NO_LINE_START.has(firstChar(nextFirst)) && !NO_LINE_END.has(lastChar(tail))) break;
      carried.unshift(line.pop()!);
    }
    // Nothing left to carry and the next line would still start with closing punctuation (this line
    // is one long number or a word cut to the width, 「1234567890。」): hang the mark past the edge
    // instead (标点悬挂, as Word and WPS do); its ink sits in the left of its em box, within the
    // cell's padding.
    if (NO_LINE_START.has(firstChar(carried[0] ?? unit))) {
      line.push(...carried);
      carried.length = 0;
      // One mark hangs, no more: a run of them (「。。。。」) breaks after it as it comes.
      if (width <= maxWidth) {
        line.push(unit);
        width += w;
        continue;
      }
    }
    lines.push(line.join(''));
    line = carried;
    width = carried.reduce((sum, c) => sum + measure(c), 0);
    i--; // place `unit` again, now after the carried units
  }
  lines.push(line.join(''));
  return lines;
}

/** Break text into lines: every '\n' starts a new paragraph (docs/form.md: inner line breaks are kept). */
export function breakLines(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .flatMap((p) => breakParagraph(p, maxWidth, measure));
}

/** Width of a line without its trailing spaces (for centring). */
export function visibleWidth(line: string, measure: (s: string) => number): number {
  return measure(line.replace(/ +$/, ''));
}

/**
 * The line starts of `lines` (a paragraph as `breakParagraph` broke it) that an office suite, which
 * knows only Unicode's line-breaking rules, would not choose: where a date or a name with its phone
 * (GLUED) was moved whole to the next line, after any opening marks carried with it (「（2023年11月16日」).
 * LibreOffice breaks 「2023年11月 / 15日」 and 「王伟 / 0791-86771234」 there (docs/rendering.md,
 * "Line breaks in the DOCX"), so the DOCX breaks at these offsets itself.
 */
export function keptWholeBreaks(paragraph: string, lines: readonly string[]): number[] {
  const gluedStarts = new Set<number>();
  for (const m of paragraph.matchAll(UNIT)) if (m.groups?.glued !== undefined) gluedStarts.add(m.index);
  const breaks: number[] = [];
  let offset = 0;
  for (const [i, line] of lines.entries()) {
    if (i > 0) {
      let start = offset;
      while (start < offset + line.length && NO_LINE_END.has(paragraph[start]!)) start++;
      if (gluedStarts.has(start)) breaks.push(offset);
    }
    offset += line.length;
  }
  return breaks;
}
