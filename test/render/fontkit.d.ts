/**
 * fontkit 2 ships no types; the tests use it as an oracle for src/render/truetype.ts
 * (truetype.test.ts), through this surface only.
 */
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
    codePoints: number[];
    path: { toSVG(): string };
  }
  export interface Subset {
    includeGlyph(glyph: number | Glyph): number;
    encode(): Uint8Array;
  }
  export interface Font {
    postscriptName: string | null;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    capHeight: number;
    xHeight: number;
    italicAngle: number;
    numGlyphs: number;
    bbox: { minX: number; minY: number; maxX: number; maxY: number };
    hmtx: { metrics: { get(index: number): { advance: number; bearing: number } | undefined } };
    'OS/2'?: { typoAscender: number; typoDescender: number };
    glyphForCodePoint(codePoint: number): Glyph;
    hasGlyphForCodePoint(codePoint: number): boolean;
    getGlyph(id: number): Glyph;
    createSubset(): Subset;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
