/**
 * Characters the PDF's font cannot draw, found when the answer is typed rather than after the last
 * question (when the PDF would refuse them). The same check as the renderer (`findMissingGlyphs` on
 * the printed text, `displayValue`), against the same font, loaded once and only when first needed.
 */
import { joinList, say } from '../core/say.js';
import type { Lang } from '../core/messages.js';
import type { Field } from '../form/definition.js';
import { displayValue } from '../form/display.js';
import type { MissingGlyph } from '../render/pdf.js';

/** The messages for a value the PDF cannot print; empty when every character is in the font. */
export type GlyphCheck = (field: Field, value: unknown) => Promise<string[]>;

const hex = (cp: number) => cp.toString(16).toUpperCase().padStart(4, '0');

/** 「…中的「𠀀」（U+20000）」: each character once, with where it is when the text has several lines. */
export function glyphMessage(field: Field, text: string, missing: readonly MissingGlyph[], lang: Lang): string {
  const seen = new Set<string>();
  const chars: string[] = [];
  const severalLines = text.includes('\n');
  for (const m of missing) {
    if (seen.has(m.char)) continue;
    seen.add(m.char);
    const where = severalLines ? say(lang, 'fill.line', { line: m.line }) : '';
    chars.push(lang === 'zh' ? `${where}「${m.char}」（U+${hex(m.codePoint)}）` : `“${m.char}” (U+${hex(m.codePoint)})${where}`);
  }
  return say(lang, 'fill.cannotPrintedPdfS', { label: field.label, chars: joinList(lang, chars) });
}

/** The check against the PDF's body font (Noto Serif SC regular), loaded on first use. */
export function fontGlyphCheck(lang: Lang): GlyphCheck {
  let tools:
    Promise<{ find: typeof import('../render/pdf.js').findMissingGlyphs; font: import('../render/fonts.js').LoadedFont }> | undefined;
  return async (field, value) => {
    if (value === undefined || value === null) return [];
    const text = displayValue(field, value);
    if (text === '') return [];
    tools ??= Promise.all([import('../render/pdf.js'), import('../render/fonts.js')]).then(async ([pdf, fonts]) => ({
      find: pdf.findMissingGlyphs,
      font: await fonts.loadFont('regular'),
    }));
    const { find, font } = await tools;
    const missing = find(field.id, text, [font]);
    return missing.length > 0 ? [glyphMessage(field, text, missing, lang)] : [];
  };
}
