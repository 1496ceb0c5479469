/**
 * Our TrueType reader and subsetter (src/render/truetype.ts) against fontkit 2, whose
 * subset ours reproduces (docs/rendering.md, "Fonts (PDF)" and "Pitfalls, measured"): same glyph ids, advances and metrics for every
 * character a form uses, and a subset whose glyphs draw the same outlines. fontkit is only a test
 * oracle here (a devDependency); renders never load it.
 */
import * as fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIELDS, FURNITURE, getPath } from '../../src/form/definition.js';
import { displayValue } from '../../src/form/display.js';
import { fileSource, fontPath, loadFont, type Weight } from '../../src/render/fonts.js';
import { FontFormatError, TrueTypeFont, bufferSource } from '../../src/render/truetype.js';
import { DONGHU, QINGSHANHU } from './samples.js';

const oracle = new Map<Weight, fontkit.Font>();
const fontkitFont = (weight: Weight) => {
  let f = oracle.get(weight);
  if (!f) oracle.set(weight, (f = fontkit.create(readFileSync(fontPath(weight)))));
  return f;
};

/** Every character of the sample forms and the furniture, plus what docs/rendering.md ("Fonts (PDF)") warns about. */
const FORM_TEXT = [
  ...FIELDS.map((f) => f.label),
  ...Object.values(FURNITURE).map(String),
  ...[DONGHU, QINGSHANHU].flatMap((d) => FIELDS.map((f) => displayValue(f, getPath(d, f.id)))),
  '万翾 Tel 010-68783311 ABCxyz 0123456789 （续表）— ，。、；：？！“”‘’《》【】…',
].join('');
const codePoints = [...new Set([...FORM_TEXT].map((c) => c.codePointAt(0)!))];
/** Not in Noto Serif SC: CJK Ext B, an emoji, a private-use character. */
const ABSENT = [0x20000, 0x1f600, 0xe000];

describe('TrueTypeFont reads what fontkit 2 reads', () => {
  it.each(['regular', 'bold'] as const)('%s: glyph ids, advances and metrics for every character of the forms', async (weight) => {
    const ours = (await loadFont(weight)).font;
    const theirs = fontkitFont(weight);
    expect(codePoints.length).toBeGreaterThan(300);
    for (const cp of [...codePoints, ...ABSENT]) {
      const g = theirs.glyphForCodePoint(cp);
      expect(ours.glyphIdFor(cp), `U+${cp.toString(16)}`).toBe(g.id);
      expect(ours.glyphForCodePoint(cp).advanceWidth, `U+${cp.toString(16)}`).toBe(g.advanceWidth);
      expect(ours.hasGlyphForCodePoint(cp)).toBe(theirs.hasGlyphForCodePoint(cp));
    }
    for (const cp of ABSENT) expect(ours.hasGlyphForCodePoint(cp)).toBe(false);
    for (const key of ['postscriptName', 'unitsPerEm', 'ascent', 'descent', 'capHeight', 'xHeight', 'italicAngle'] as const)
      expect(ours[key], key).toBe(theirs[key]);
    expect(ours.bbox).toEqual({ minX: theirs.bbox.minX, minY: theirs.bbox.minY, maxX: theirs.bbox.maxX, maxY: theirs.bbox.maxY });
    expect(ours.typoAscender).toBe(theirs['OS/2']!.typoAscender);
    expect(ours.typoDescender).toBe(theirs['OS/2']!.typoDescender);
    expect(ours.numGlyphs).toBe(theirs.numGlyphs);
  });

  it('the subset draws the same outlines, in fontkit 2 order, and is a valid font', async () => {
    const ours = (await loadFont('regular')).font;
    const theirs = fontkitFont('regular');
    const a = ours.createSubset();
    const b = theirs.createSubset();
    for (const cp of codePoints) {
      const id = ours.glyphIdFor(cp);
      expect(a.includeGlyph(id)).toBe(b.includeGlyph(id));
    }
    const bytes = a.encode();
    const parsed = fontkit.create(Buffer.from(bytes));
    const reference = fontkit.create(Buffer.from(b.encode()));
    expect(parsed.numGlyphs).toBe(reference.numGlyphs);
    for (let id = 0; id < reference.numGlyphs; id++) {
      const mine = parsed.getGlyph(id);
      const ref = reference.getGlyph(id);
      expect(mine.path.toSVG(), `subset glyph ${id}`).toBe(ref.path.toSVG());
      expect(mine.advanceWidth).toBe(ref.advanceWidth);
      expect(parsed.hmtx.metrics.get(id), `hmtx ${id}`).toEqual(reference.hmtx.metrics.get(id));
    }
    // §5.2.2: with checkSumAdjustment, the whole font sums to 0xB1B0AFBA.
    expect(sfntSum(bytes)).toBe(0xb1b0afba);
    // A few hundred glyphs of a 14.8 MB font.
    expect(bytes.length).toBeLessThan(600 * 1024);
  });

  it('reads from the file at offsets, never the whole file', async () => {
    const reads: number[] = [];
    const file = fileSource(fontPath('regular'));
    const counting = {
      read: (ranges: ReadonlyArray<readonly [number, number]>) => (ranges.forEach(([, n]) => reads.push(n)), file.read(ranges)),
    };
    const font = TrueTypeFont.open(counting);
    const subset = font.createSubset();
    for (const cp of codePoints) subset.includeGlyph(font.glyphIdFor(cp));
    subset.encode();
    const total = reads.reduce((x, y) => x + y, 0);
    expect(total).toBeLessThan(1024 * 1024);
  });

  it('refuses what it cannot read with a FontFormatError, not a crash', () => {
    const ttc = new Uint8Array(64);
    ttc.set([0x74, 0x74, 0x63, 0x66]);
    const otf = new Uint8Array(64);
    otf.set([0x4f, 0x54, 0x54, 0x4f]);
    for (const [bytes, message] of [
      [ttc, /collection/],
      [otf, /CFF/],
      [new Uint8Array(5), /too short/],
      [new TextEncoder().encode('<!DOCTYPE html><html>not a font</html>'), /not a TrueType/],
    ] as const) {
      expect(() => TrueTypeFont.open(bufferSource(bytes))).toThrow(FontFormatError);
      expect(() => TrueTypeFont.open(bufferSource(bytes))).toThrow(message);
    }
  });

  it('composite glyphs bring their components along, renumbered (a font made here)', () => {
    // Noto Serif SC has no composite glyph a form could use, so build a tiny font: glyph 1 is a
    // triangle, glyph 2 («B») is glyph 1 moved right by 100 units.
    const font = TrueTypeFont.open(bufferSource(tinyFont()));
    expect(font.glyphIdFor(0x41)).toBe(1);
    expect(font.glyphIdFor(0x42)).toBe(2);
    const subset = font.createSubset();
    expect(subset.includeGlyph(2)).toBe(1);
    const parsed = fontkit.create(Buffer.from(subset.encode()));
    // .notdef, the composite, then its component appended as glyph 2.
    expect(parsed.numGlyphs).toBe(3);
    const original = fontkit.create(Buffer.from(tinyFont()));
    expect(parsed.getGlyph(1).path.toSVG()).toBe(original.getGlyph(2).path.toSVG());
    expect(parsed.getGlyph(2).path.toSVG()).toBe(original.getGlyph(1).path.toSVG());
    expect(parsed.getGlyph(1).path.toSVG()).toContain('M100'); // moved by the component offset
  });
});

function sfntSum(bytes: Uint8Array): number {
  const d = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sum = 0;
  for (let i = 0; i + 4 <= bytes.length; i += 4) sum = (sum + d.getUint32(i)) >>> 0;
  return sum;
}

/** A minimal TrueType font: .notdef (empty), a triangle, and a composite of the triangle. */
function tinyFont(): Uint8Array {
  const be = (bits: 16 | 32, ...values: number[]) => {
    const out = new Uint8Array((values.length * bits) / 8);
    const d = new DataView(out.buffer);
    values.forEach((v, i) => (bits === 16 ? d.setUint16(i * 2, v & 0xffff) : d.setUint32(i * 4, v >>> 0)));
    return out;
  };
  const cat = (...parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) (out.set(p, at), (at += p.length));
    return out;
  };
  // Triangle (padded to an even length, as fonts store glyphs): 1 contour, points (0,0) (500,0) (250,700), all on-curve, coordinates as int16 deltas.
  const triangle = cat(
    be(16, 1, 0, 0, 500, 700),
    be(16, 2, 0),
    new Uint8Array([1, 1, 1]),
    be(16, 0, 500, -250, 0, 0, 700),
    new Uint8Array(1),
  );
  // Composite: header (-1 contours, bbox), then one component: ARGS_ARE_XY_VALUES (0x2), words (0x1).
  const composite = cat(be(16, 0xffff, 100, 0, 600, 700), be(16, 0x0003, 1, 100, 0));
  const glyf = cat(triangle, composite);
  const loca = be(32, 0, 0, triangle.length, glyf.length);
  const head = cat(
    be(32, 0x00010000, 0x00010000, 0, 0x5f0f3cf5),
    be(16, 0, 1000),
    new Uint8Array(16),
    be(16, 0, 0, 600, 700, 0, 8, 2, 1, 0),
  );
  const hhea = cat(be(32, 0x00010000), be(16, 800, 0xff38, 0, 600, 0, 0, 600, 1, 0, 0, 0, 0, 0, 0, 0, 3));
  const maxp = cat(be(32, 0x00010000), be(16, 3, ...new Array<number>(13).fill(0)));
  const post = cat(be(32, 0x00030000, 0, 0, 0, 0, 0, 0, 0));
  const hmtx = be(16, 500, 0, 500, 0, 600, 100);
  // cmap format 4: one segment 'A'..'B' → 1..2 (delta 1 − 0x41), plus the 0xFFFF terminator.
  const sub4 = be(16, 4, 32, 0, 4, 4, 1, 0, 0x42, 0xffff, 0, 0x41, 0xffff, (1 - 0x41) & 0xffff, 1, 0, 0);
  const cmap = cat(be(16, 0, 1, 3, 1), be(32, 12), sub4);
  const tables: Array<[string, Uint8Array]> = [
    ['cmap', cmap],
    ['glyf', glyf],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx],
    ['loca', loca],
    ['maxp', maxp],
    ['post', post],
  ];
  let offset = 12 + tables.length * 16;
  const dir: Uint8Array[] = [be(32, 0x00010000), be(16, tables.length, 128, 3, tables.length * 16 - 128)];
  const bodies: Uint8Array[] = [];
  for (const [tag, t] of tables) {
    dir.push(new TextEncoder().encode(tag), be(32, 0, offset, t.length));
    const padded = new Uint8Array((t.length + 3) & ~3);
    padded.set(t);
    bodies.push(padded);
    offset += padded.length;
  }
  return cat(...dir, ...bodies);
}
