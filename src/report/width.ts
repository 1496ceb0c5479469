/** Terminal columns: East Asian wide, full-width and emoji characters take two; colour codes take none. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(/\x1b\[[0-9;]*m/g, '')) {
    const cp = ch.codePointAt(0)!;
    width +=
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x1f300 && cp <= 0x1faff) ||
      (cp >= 0x20000 && cp <= 0x3fffd)
        ? 2
        : 1;
  }
  return width;
}

/** Characters that never begin a line (closing punctuation) and never end one (opening), as Chinese typesetting has it. */
const NO_LINE_START = new Set('，。、；：！？）」』》〉】…—,.;:!?)]}%”’');
const NO_LINE_END = new Set('（「『《〈【“‘([{');
const wide = (ch: string) => displayWidth(ch) === 2;

/**
 * Text wrapped to a terminal width, for help texts and reports that mix Chinese and Latin: a line may
 * break between two Chinese characters (there are no spaces to break at) or at a space, never before
 * closing punctuation or after opening punctuation, and never inside a Latin word, number or option.
 */
export function wrapText(text: string, width: number): string {
  return text
    .split(/\r?\n/)
    .map((line) => wrapLine(line, width))
    .join('\n');
}

function wrapLine(line: string, width: number): string {
  // Units that stay together: a run of non-space non-wide characters, or one wide character, each with its spaces before.
  const units: string[] = [];
  for (const m of line.matchAll(
    /\s*(?:[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+|\S)/gu,
  )) {
    const unit = m[0];
    const core = unit.trimStart();
    const prev = units.at(-1);
    // Glue closing punctuation to what precedes it, and what follows opening punctuation to it.
    if (
      prev !== undefined &&
      unit === core &&
      (NO_LINE_START.has(core[0]!) || NO_LINE_END.has(prev.at(-1)!) || (!wide(core[0]!) && !wide(prev.at(-1)!)))
    )
      units[units.length - 1] = prev + unit;
    else units.push(unit);
  }
  const lines: string[] = [];
  let current = '';
  for (const unit of units) {
    if (current !== '' && displayWidth(current + unit) > width) {
      lines.push(current.trimEnd());
      current = unit.trimStart();
    } else current += unit;
  }
  if (current !== '' || lines.length === 0) lines.push(current.trimEnd());
  return lines.join('\n');
}
