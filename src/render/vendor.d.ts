/**
 * Type shims for the rendering libraries.
 *
 * - `fontkit` 2 ships no types. We only use the small surface below; pdf-lib sees the same object
 *   through `fontkit-adapter.ts`.
 * - pdf-lib's single-file ESM bundle loads in ~40 ms instead of ~130 ms for its CommonJS tree
 *   (rendering.md, "Cold costs"); it is the same library, so it gets the package's own types.
 */
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
    codePoints: number[];
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
    'OS/2'?: { typoAscender: number; typoDescender: number };
    hmtx?: { metrics: { length: number; get(index: number): { advance: number } | undefined } };
    glyphForCodePoint(codePoint: number): Glyph;
    hasGlyphForCodePoint(codePoint: number): boolean;
    createSubset(): Subset;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}

declare module 'pdf-lib/dist/pdf-lib.esm.min.js' {
  export * from 'pdf-lib';
}
