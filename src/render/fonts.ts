/**
 * The CJK fonts the PDF is drawn with: Noto Serif SC (SIL OFL 1.1) from the npm package
 * `@expo-google-fonts/noto-serif-sc`, so `npm ci` brings everything and no system font is needed
 * (issue 3, item 5).
 *
 * Why this font (rendering.md, "Font"): it is the closest free match to 宋体 and covers GB18030 far
 * beyond GB2312 — a GB2312-only font misses 「翾」 in the notice's own contact 「万 翾」.
 * The package ships plain TTFs (14.8 MB each): reading one takes ~10 ms and fontkit parses its
 * tables lazily (~20 ms), so there is nothing worth preparing or caching on disk; we only keep the
 * parsed font for the life of the process.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Font } from 'fontkit';

export type Weight = 'regular' | 'bold';

/** The package's file for each weight we use: body text and, for 附件 and the title, bold. */
const FILES: Record<Weight, string> = {
  regular: '400Regular/NotoSerifSC_400Regular.ttf',
  bold: '700Bold/NotoSerifSC_700Bold.ttf',
};

export const FONT_PACKAGE = '@expo-google-fonts/noto-serif-sc';

export interface LoadedFont {
  readonly weight: Weight;
  readonly bytes: Uint8Array;
  readonly font: Font;
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  /**
   * The ideographic em box from the OS/2 typo metrics (880/−120 for Noto), used to centre CJK lines
   * vertically; `ascent`/`descent` (hhea, 1151/−286) would push the text visibly low (rendering.md,
   * "Vertical centring").
   */
  readonly emTop: number;
  readonly emBottom: number;
  has(codePoint: number): boolean;
  /** Advance width in font units; cached per code point (8× faster than layout, same result). */
  advance(codePoint: number): number;
}

/** Where the font package lives; throws a plain Error naming the package if `npm ci` was skipped. */
export function fontPath(weight: Weight): string {
  const require = createRequire(import.meta.url);
  let pkg: string;
  try {
    pkg = require.resolve(`${FONT_PACKAGE}/package.json`);
  } catch (cause) {
    throw new Error(`找不到字体包 ${FONT_PACKAGE}，请先运行 npm ci`, { cause });
  }
  return join(dirname(pkg), FILES[weight]);
}

const loaded = new Map<Weight, Promise<LoadedFont>>();

/** Load (once per process) one weight of the font. Loads fontkit lazily: `--help` never pays for it. */
export function loadFont(weight: Weight): Promise<LoadedFont> {
  let p = loaded.get(weight);
  if (!p) {
    p = (async () => {
      const [fontkit, bytes] = await Promise.all([import('fontkit'), readFile(fontPath(weight))]);
      const data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      return wrap(weight, data, fontkit.create(data));
    })();
    loaded.set(weight, p);
    p.catch(() => loaded.delete(weight));
  }
  return p;
}

function wrap(weight: Weight, bytes: Uint8Array, font: Font): LoadedFont {
  const widths = new Map<number, number>();
  const present = new Map<number, boolean>();
  const os2 = font['OS/2'];
  return {
    weight,
    bytes,
    font,
    postscriptName: font.postscriptName ?? `NotoSerifSC-${weight}`,
    unitsPerEm: font.unitsPerEm,
    emTop: os2?.typoAscender ?? font.ascent,
    emBottom: os2?.typoDescender ?? font.descent,
    has(codePoint) {
      let v = present.get(codePoint);
      if (v === undefined) {
        v = font.hasGlyphForCodePoint(codePoint);
        present.set(codePoint, v);
      }
      return v;
    },
    advance(codePoint) {
      let w = widths.get(codePoint);
      if (w === undefined) {
        // Straight from hmtx: fontkit's `glyph.advanceWidth` decodes the outline first (3–7 ms cold).
        const id = font.glyphForCodePoint(codePoint).id;
        const metrics = font.hmtx?.metrics;
        w = metrics ? metrics.get(Math.min(id, metrics.length - 1))?.advance : undefined;
        w ??= font.glyphForCodePoint(codePoint).advanceWidth;
        widths.set(codePoint, w);
      }
      return w;
    },
  };
}

/** Width of a string in points at `size`, from the per-code-point cache. */
export function textWidth(font: LoadedFont, text: string, size: number): number {
  let units = 0;
  for (const ch of text) units += font.advance(ch.codePointAt(0)!);
  return (units * size) / font.unitsPerEm;
}
