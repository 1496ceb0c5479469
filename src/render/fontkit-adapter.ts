/**
 * Lets pdf-lib 1.17 embed fonts through upstream fontkit 2.
 *
 * Why not `@pdf-lib/fontkit` 1.1.1 (rendering.md, "PDF"): its TrueType subsetter silently drops
 * glyphs on short documents — a blank template rendered only 17–36 % of its ink while `pdftotext`
 * still extracted the text. Upstream fontkit 2 subsets correctly, but pdf-lib calls
 * `subset.encodeStream()` (a fontkit 1 stream) where fontkit 2 only has `encode()`; this adapter
 * bridges that, and hands pdf-lib the fonts we already parsed (no second parse of a 14.8 MB file).
 */
import type { Font, Subset } from 'fontkit';
import type { LoadedFont } from './fonts.js';

type Handler = (arg?: unknown) => void;

/** The part of a fontkit 1 stream pdf-lib uses: `.on('data'|'end'|'error', cb)`, chained. */
function streamOf(subset: Subset) {
  const handlers: Record<string, Handler[]> = { data: [], end: [], error: [] };
  const stream = {
    on(event: string, callback: Handler) {
      handlers[event]?.push(callback);
      return stream;
    },
  };
  // pdf-lib attaches its handlers right after the call returns, so emit on the next microtask.
  queueMicrotask(() => {
    try {
      const bytes = subset.encode();
      for (const cb of handlers.data!) cb(bytes);
      for (const cb of handlers.end!) cb();
    } catch (err) {
      for (const cb of handlers.error!) cb(err);
    }
  });
  return stream;
}

const ADAPTED = Symbol('lifelong-week.fontkit-adapted');

/**
 * pdf-lib asks `font.layout(text)` for every string it draws or measures; fontkit's layout runs the
 * whole OpenType shaping engine (GSUB/GPOS) each time — a quarter of a render. The form is
 * horizontal Chinese with some Latin and digits: one glyph per code point, its advance width, no
 * ligatures or kerning to apply. So layout is the cmap lookup, cached per code point.
 */
function fastLayout(font: Font) {
  const cache = new Map<number, ReturnType<Font['glyphForCodePoint']>>();
  return (text: string) => {
    const glyphs: Array<ReturnType<Font['glyphForCodePoint']>> = [];
    const positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }> = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let glyph = cache.get(cp);
      if (!glyph) cache.set(cp, (glyph = font.glyphForCodePoint(cp)));
      glyphs.push(glyph);
      positions.push({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
    }
    return { glyphs, positions };
  };
}

function adaptFont(font: Font): Font {
  const f = font as Font & { [ADAPTED]?: true };
  if (!f[ADAPTED]) {
    const createSubset = font.createSubset.bind(font);
    Object.assign(f, {
      [ADAPTED]: true,
      createSubset: () => Object.assign(createSubset(), { encodeStream(this: Subset) { return streamOf(this); } }),
      layout: fastLayout(font),
    });
  }
  return f;
}

/**
 * A `Fontkit` for `pdfDoc.registerFontkit()`. `create(bytes)` returns the already parsed font when
 * `bytes` is one of `known` (same buffer object), else parses with fontkit 2.
 */
export function fontkitForPdfLib(fontkit: { create(buffer: Uint8Array): Font }, known: readonly LoadedFont[]) {
  return {
    create(buffer: Uint8Array): Font {
      const hit = known.find((k) => k.bytes === buffer);
      return adaptFont(hit ? hit.font : fontkit.create(buffer));
    },
  };
}
