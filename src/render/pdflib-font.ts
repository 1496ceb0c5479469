/**
 * Hands our TrueType fonts (truetype.ts) to pdf-lib 1.17 in the shape of a fontkit font.
 *
 * pdf-lib embeds custom fonts only through a registered "fontkit": `create(bytes)` must return a
 * font with `layout()`, metrics and `createSubset()`, and pdf-lib reads the subset through a
 * fontkit 1 stream (`subset.encodeStream().on('data' | 'end' | 'error')`). Why not fontkit at all
 * (docs/rendering.md, "Fonts (PDF)" and "Pitfalls, measured"): `@pdf-lib/fontkit` 1.1.1's subsetter silently drops glyphs, and upstream
 * fontkit 2 costs ~100 ms to load per process; truetype.ts writes the same subset as fontkit 2.
 */
import { isRenderError } from '../core/errors.js';
import { fontUnreadable, type LoadedFont } from './fonts.js';
import type { TrueTypeFont, TrueTypeSubset } from './truetype.js';

type Handler = (arg?: unknown) => void;

/** The part of a fontkit 1 stream pdf-lib uses: `.on('data'|'end'|'error', cb)`, chained. */
function streamOf(subset: TrueTypeSubset, path: string) {
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
      // Glyph records are read only now: a font damaged past its tables fails here, not at open.
      const error = isRenderError(err) ? err : fontUnreadable(path, err);
      for (const cb of handlers.error!) cb(error);
    }
  });
  return stream;
}

/** Our font with `createSubset()` returning a subset pdf-lib can stream. */
function forPdfLib(font: TrueTypeFont, path: string) {
  return new Proxy(font, {
    get(target, key, receiver) {
      if (key === 'createSubset')
        return () => {
          const subset = target.createSubset();
          return Object.assign(subset, { encodeStream: () => streamOf(subset, path) });
        };
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * A fontkit for `pdfDoc.registerFontkit()`: `create(key)` gives the font whose `embedKey` it is, so
 * `doc.embedFont(font.embedKey, { subset: true })` embeds a font already open.
 */
export function fontkitForPdfLib(fonts: readonly LoadedFont[]) {
  return {
    create(key: Uint8Array) {
      const hit = fonts.find((f) => f.embedKey === key);
      if (!hit) throw new Error('pdflib-font: embedFont() was given a font that was not loaded through fonts.ts');
      return forPdfLib(hit.font, hit.path);
    },
  };
}
