/**
 * The CJK fonts the PDF is drawn with: Noto Serif SC (SIL OFL 1.1) from the npm package
 * `@expo-google-fonts/noto-serif-sc`, so `npm ci` brings everything and no system font is needed
 * (docs/rendering.md, "Fonts (PDF)").
 *
 * Why this font: it is the closest free match to 宋体 and covers GB18030 far
 * beyond GB2312 — a GB2312-only font misses 「翾」 in the notice's own contact 「万 翾」.
 * The package ships plain TTFs (14.8 MB each). Nothing needs preparing: `truetype.ts` reads the
 * table directory, cmap, hmtx and loca (~0.3 MB) at open, and only the glyph records a form uses
 * when the subset is written, so a render never reads the whole file.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { TrueTypeFont, type FontSource } from './truetype.js';

export type Weight = 'regular' | 'bold';

/** The package's file for each weight we use: body text and, for 附件 and the title, bold. */
const FILES: Record<Weight, string> = {
  regular: '400Regular/NotoSerifSC_400Regular.ttf',
  bold: '700Bold/NotoSerifSC_700Bold.ttf',
};

export const FONT_PACKAGE = '@expo-google-fonts/noto-serif-sc';

export interface LoadedFont {
  readonly weight: Weight;
  /** The TTF in the font package: named in messages when it cannot be read. */
  readonly path: string;
  readonly font: TrueTypeFont;
  /**
   * What to hand `pdfDoc.embedFont()`: pdf-lib passes it on to the registered fontkit, whose
   * `create()` (pdflib-font.ts) returns `font` for it. A marker, not the font's bytes.
   */
  readonly embedKey: Uint8Array;
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  /**
   * The ideographic em box from the OS/2 typo metrics (880/−120 for Noto), used to centre CJK lines
   * vertically; `ascent`/`descent` (hhea, 1151/−286) would push the text visibly low (docs/rendering.md,
   * "Fonts (PDF)").
   */
  readonly emTop: number;
  readonly emBottom: number;
  has(codePoint: number): boolean;
  /** Advance width in font units (the font caches its glyphs per code point). */
  advance(codePoint: number): number;
}

/** Where the font package lives; throws a plain Error naming the package if `npm ci` was skipped. */
export function fontPath(weight: Weight): string {
  const require = createRequire(import.meta.url);
  let pkg: string;
  try {
    pkg = require.resolve(`${FONT_PACKAGE}/package.json`);
  } catch (cause) {
    throw new UsageError(`找不到排版用的内置字体包 ${FONT_PACKAGE}：请在本工具的文件夹里运行 npm ci 重新安装。`, { cause });
  }
  return join(dirname(pkg), FILES[weight]);
}

/**
 * A font file that cannot be read is a broken installation, not a bug and not the clerk's input:
 * say which file and how to repair it (exit 2, like other things the user can fix).
 */
const READ_ERRORS: Record<string, string> = { ENOENT: '文件不存在', EACCES: '没有读取权限', EPERM: '没有读取权限', EISDIR: '这是一个文件夹' };

export function fontUnreadable(path: string, cause: unknown): UsageError {
  const code = typeof cause === 'object' && cause !== null ? (cause as NodeJS.ErrnoException).code : undefined;
  const why =
    typeof cause === 'string'
      ? cause
      : code
        ? (READ_ERRORS[code] ?? `读取出错 ${code}`)
        : `文件已损坏：${cause instanceof Error ? cause.message : String(cause)}`;
  return new UsageError(`排版用的内置字体文件无法读取（${why}）：${path}\n请在本工具的文件夹里运行 npm ci 重新安装。`, { cause });
}

/** Reads at offsets of the font file, opening it for each batch: a render makes two batches. */
export function fileSource(path: string): FontSource {
  return {
    read(ranges) {
      let fd: number;
      try {
        fd = openSync(path, 'r');
      } catch (cause) {
        throw fontUnreadable(path, cause);
      }
      try {
        return ranges.map(([offset, length]) => {
          const out = new Uint8Array(length);
          let done = 0;
          while (done < length) {
            const n = readSync(fd, out, done, length - done, offset + done);
            if (n === 0) throw fontUnreadable(path, '文件不完整');
            done += n;
          }
          return out;
        });
      } finally {
        closeSync(fd);
      }
    },
  };
}

const loaded = new Map<Weight, Promise<LoadedFont>>();

/** Load (once per process) one weight of the font. */
export function loadFont(weight: Weight): Promise<LoadedFont> {
  let p = loaded.get(weight);
  if (!p) {
    p = (async () => {
      const path = fontPath(weight);
      try {
        return wrap(weight, path, TrueTypeFont.open(fileSource(path)));
      } catch (e) {
        // A truncated or replaced file fails inside the table parser (FontFormatError, RangeError).
        throw e instanceof UsageError ? e : fontUnreadable(path, e);
      }
    })();
    loaded.set(weight, p);
    p.catch(() => loaded.delete(weight));
  }
  return p;
}

function wrap(weight: Weight, path: string, font: TrueTypeFont): LoadedFont {
  return {
    weight,
    path,
    font,
    embedKey: new TextEncoder().encode(`lifelong-week:${weight}`),
    postscriptName: font.postscriptName ?? `NotoSerifSC-${weight}`,
    unitsPerEm: font.unitsPerEm,
    emTop: font.typoAscender,
    emBottom: font.typoDescender,
    has: (codePoint) => font.hasGlyphForCodePoint(codePoint),
    advance: (codePoint) => font.glyphForCodePoint(codePoint).advanceWidth,
  };
}

/** Width of a string in points at `size`, from the per-code-point cache. */
export function textWidth(font: LoadedFont, text: string, size: number): number {
  let units = 0;
  for (const ch of text) units += font.advance(ch.codePointAt(0)!);
  return (units * size) / font.unitsPerEm;
}
