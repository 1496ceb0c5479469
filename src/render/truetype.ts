/**
 * A TrueType (glyf-outline) font reader and subsetter: just what the PDF needs of Noto Serif SC —
 * the cmap (which code points it draws), advance widths, the metrics pdf-lib puts in the font
 * descriptor, and a subset holding only the glyphs a form uses.
 *
 * Why not fontkit at run time: loading fontkit 2 costs ~100 ms of a ~0.45 s cold render (its
 * Unicode tables are inflated at import), and fontkit parses from the whole 14.8 MB file, which must
 * be read first. This reader takes a few hundred KB from the file — the table directory, cmap, hmtx,
 * loca and the few hundred glyph records of a form — and the subset it writes keeps fontkit 2's
 * tables and glyph order (fontkit `TTFSubset`), so pdf-lib embeds it the same way. Tests compare its
 * output glyph for glyph with fontkit 2, and check the ink of a rendered page (docs/rendering.md, "Pitfalls, measured": the
 * `@pdf-lib/fontkit` subsetter once lost glyphs silently while text extraction looked fine).
 *
 * Pure: reads go through a `FontSource`; references are to the OpenType spec (ISO/IEC 14496-22).
 */

/** Where the font's bytes come from: a file read at offsets, or a buffer in tests. */
export interface FontSource {
  /** The bytes at each `[offset, length]`, in order. */
  read(ranges: ReadonlyArray<readonly [number, number]>): Uint8Array[];
}

export function bufferSource(bytes: Uint8Array): FontSource {
  return { read: (ranges) => ranges.map(([offset, length]) => bytes.subarray(offset, offset + length)) };
}

export class FontFormatError extends Error {
  override readonly name = 'FontFormatError';
}

interface TableRecord {
  readonly offset: number;
  readonly length: number;
}

/** A glyph as pdf-lib's embedder sees it (fontkit's `Glyph` surface). */
export interface Glyph {
  readonly id: number;
  readonly advanceWidth: number;
  readonly codePoints: number[];
}

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
const tagOf = (d: DataView, at: number) => String.fromCharCode(d.getUint8(at), d.getUint8(at + 1), d.getUint8(at + 2), d.getUint8(at + 3));

/** Maps a code point to a glyph id (0 = .notdef = not in the font). */
type CmapLookup = (codePoint: number) => number;

/** cmap format 12 (§5.2.1.3.10): sorted groups of consecutive code points. Binary search. */
function cmap12(d: DataView, at: number): CmapLookup {
  const groups = d.getUint32(at + 12);
  return (cp) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const g = at + 16 + mid * 12;
      const start = d.getUint32(g);
      if (cp < start) hi = mid - 1;
      else if (cp > d.getUint32(g + 4)) lo = mid + 1;
      else return d.getUint32(g + 8) + (cp - start);
    }
    return 0;
  };
}

/** cmap format 4 (§5.2.1.3.4): BMP segments with idDelta / idRangeOffset. */
function cmap4(d: DataView, at: number): CmapLookup {
  const segX2 = d.getUint16(at + 6);
  const ends = at + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const ranges = deltas + segX2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    let lo = 0;
    let hi = segX2 / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (cp > d.getUint16(ends + mid * 2)) lo = mid + 1;
      else if (mid > 0 && cp <= d.getUint16(ends + (mid - 1) * 2)) hi = mid - 1;
      else {
        const start = d.getUint16(starts + mid * 2);
        if (cp < start) return 0;
        const delta = d.getUint16(deltas + mid * 2);
        const rangeAt = ranges + mid * 2;
        const rangeOffset = d.getUint16(rangeAt);
        if (rangeOffset === 0) return (cp + delta) & 0xffff;
        const glyph = d.getUint16(rangeAt + rangeOffset + (cp - start) * 2);
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
    }
    return 0;
  };
}

function readCmap(bytes: Uint8Array): CmapLookup {
  const d = view(bytes);
  const count = d.getUint16(2);
  let best: { rank: number; at: number; format: number } | undefined;
  for (let i = 0; i < count; i++) {
    const platform = d.getUint16(4 + i * 8);
    const encoding = d.getUint16(6 + i * 8);
    const at = d.getUint32(8 + i * 8);
    const format = d.getUint16(at);
    // Full Unicode (Windows UCS-4 or Unicode platform, format 12) before BMP-only (format 4).
    const rank =
      format === 12 && ((platform === 3 && encoding === 10) || platform === 0)
        ? 2
        : format === 4 && (platform === 3 || platform === 0)
          ? 1
          : 0;
    if (rank > 0 && (!best || rank > best.rank)) best = { rank, at, format };
  }
  if (!best) throw new FontFormatError('cmap: no Unicode subtable (format 4 or 12)');
  return best.format === 12 ? cmap12(d, best.at) : cmap4(d, best.at);
}

/** The PostScript name (name ID 6, §5.2.6), Windows UTF-16BE or Mac Roman. */
function readPostscriptName(bytes: Uint8Array): string | null {
  const d = view(bytes);
  const count = d.getUint16(2);
  const strings = d.getUint16(4);
  for (let i = 0; i < count; i++) {
    const r = 6 + i * 12;
    if (d.getUint16(r + 6) !== 6) continue;
    const platform = d.getUint16(r);
    const length = d.getUint16(r + 8);
    const at = strings + d.getUint16(r + 10);
    if (platform === 3) {
      let s = '';
      for (let k = 0; k < length; k += 2) s += String.fromCharCode(d.getUint16(at + k));
      return s;
    }
    if (platform === 1) return String.fromCharCode(...bytes.subarray(at, at + length));
  }
  return null;
}

export class TrueTypeFont {
  readonly postscriptName: string | null;
  readonly unitsPerEm: number;
  /** hhea ascender/descender, as fontkit reports `ascent`/`descent`. */
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  readonly xHeight: number;
  readonly italicAngle: number;
  readonly bbox: { minX: number; minY: number; maxX: number; maxY: number };
  /** OS/2 typo ascender/descender: the ideographic em box for vertical centring (docs/rendering.md, "Fonts (PDF)"). */
  readonly typoAscender: number;
  readonly typoDescender: number;
  readonly numGlyphs: number;
  /** What pdf-lib's font-flag code reads (FontFlags.ts `deriveFontFlags`). */
  readonly 'OS/2': { sFamilyClass: number };
  readonly post: { isFixedPitch: boolean };
  readonly head: { macStyle: { italic: boolean } };
  /** pdf-lib asks; a glyf font is not CFF. */
  readonly cff = false;

  private readonly lookup: CmapLookup;
  private readonly hmtx: DataView;
  private readonly numberOfHMetrics: number;
  private readonly loca: DataView;
  private readonly longLoca: boolean;
  private readonly glyphCache = new Map<number, Glyph>();

  private constructor(
    private readonly source: FontSource,
    private readonly tables: ReadonlyMap<string, TableRecord>,
    private readonly raw: ReadonlyMap<string, Uint8Array>,
  ) {
    const need = (tag: string) => {
      const b = raw.get(tag);
      if (!b) throw new FontFormatError(`missing table ${tag}`);
      return view(b);
    };
    const head = need('head');
    const hhea = need('hhea');
    const maxp = need('maxp');
    const post = need('post');
    const os2 = raw.has('OS/2') ? need('OS/2') : undefined;
    this.unitsPerEm = head.getUint16(18);
    this.bbox = { minX: head.getInt16(36), minY: head.getInt16(38), maxX: head.getInt16(40), maxY: head.getInt16(42) };
    this.head = { macStyle: { italic: (head.getUint16(44) & 2) !== 0 } };
    this.longLoca = head.getInt16(50) === 1;
    this.ascent = hhea.getInt16(4);
    this.descent = hhea.getInt16(6);
    this.numberOfHMetrics = hhea.getUint16(34);
    this.numGlyphs = maxp.getUint16(4);
    this.italicAngle = post.getInt32(4) / 65536;
    this.post = { isFixedPitch: post.getUint32(12) !== 0 };
    // OS/2 version ≥ 2 has sxHeight and sCapHeight (§5.2.8).
    const v2 = os2 && os2.getUint16(0) >= 2 && os2.byteLength >= 90;
    this.xHeight = v2 ? os2.getInt16(86) : 0;
    this.capHeight = v2 ? os2.getInt16(88) : this.ascent;
    this.typoAscender = os2 ? os2.getInt16(68) : this.ascent;
    this.typoDescender = os2 ? os2.getInt16(70) : this.descent;
    this['OS/2'] = { sFamilyClass: os2 ? os2.getInt16(30) : 0 };
    this.postscriptName = raw.has('name') ? readPostscriptName(raw.get('name')!) : null;
    this.lookup = readCmap(raw.get('cmap') ?? new Uint8Array(4));
    this.hmtx = need('hmtx');
    this.loca = need('loca');
  }

  /** Tables read whole at open; `glyf` is read glyph by glyph when a subset is written. */
  private static readonly EAGER = ['head', 'hhea', 'maxp', 'post', 'OS/2', 'name', 'cmap', 'hmtx', 'loca', 'prep', 'cvt ', 'fpgm'];

  static open(source: FontSource): TrueTypeFont {
    const [header] = source.read([[0, 12]]);
    if (!header || header.length < 12) throw new FontFormatError('not a font file (too short)');
    const h = view(header);
    const version = h.getUint32(0);
    if (version === 0x74746366) throw new FontFormatError('a font collection (.ttc): extract the face first');
    if (version === 0x4f54544f) throw new FontFormatError('a CFF-outline font (.otf): a TrueType (.ttf) font is needed');
    if (version !== 0x00010000 && version !== 0x74727565) throw new FontFormatError('not a TrueType font');
    const count = h.getUint16(4);
    const [dir] = source.read([[12, count * 16]]);
    const d = view(dir!);
    const tables = new Map<string, TableRecord>();
    for (let i = 0; i < count; i++) tables.set(tagOf(d, i * 16), { offset: d.getUint32(i * 16 + 8), length: d.getUint32(i * 16 + 12) });
    if (!tables.has('glyf') || !tables.has('loca')) throw new FontFormatError('no glyf/loca tables: not a TrueType-outline font');
    const eager = TrueTypeFont.EAGER.filter((t) => tables.has(t));
    const bytes = source.read(eager.map((t) => [tables.get(t)!.offset, tables.get(t)!.length] as const));
    return new TrueTypeFont(source, tables, new Map(eager.map((t, i) => [t, bytes[i]!])));
  }

  glyphIdFor(codePoint: number): number {
    const id = this.lookup(codePoint);
    return id < this.numGlyphs ? id : 0;
  }

  hasGlyphForCodePoint(codePoint: number): boolean {
    return this.glyphIdFor(codePoint) !== 0;
  }

  /** Advance width in font units (hmtx §5.2.4: glyphs past numberOfHMetrics repeat the last advance). */
  advanceOf(glyphId: number): number {
    return this.hmtx.getUint16(Math.min(glyphId, this.numberOfHMetrics - 1) * 4);
  }

  private leftBearingOf(glyphId: number): number {
    return glyphId < this.numberOfHMetrics
      ? this.hmtx.getInt16(glyphId * 4 + 2)
      : this.hmtx.getInt16(this.numberOfHMetrics * 4 + (glyphId - this.numberOfHMetrics) * 2);
  }

  /** The glyph for a code point, cached; `codePoints` is what pdf-lib writes to the ToUnicode map. */
  glyphForCodePoint(codePoint: number): Glyph {
    let g = this.glyphCache.get(codePoint);
    if (!g) {
      const id = this.glyphIdFor(codePoint);
      g = { id, advanceWidth: this.advanceOf(id), codePoints: [codePoint] };
      this.glyphCache.set(codePoint, g);
    }
    return g;
  }

  /**
   * One glyph per code point with its advance: the form is horizontal Chinese with some Latin and
   * digits, so there are no ligatures or kerning to apply (fontkit's layout would run GSUB/GPOS).
   */
  layout(text: string): { glyphs: Glyph[]; positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }> } {
    const glyphs: Glyph[] = [];
    const positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }> = [];
    for (const ch of text) {
      const glyph = this.glyphForCodePoint(ch.codePointAt(0)!);
      glyphs.push(glyph);
      positions.push({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
    }
    return { glyphs, positions };
  }

  createSubset(): TrueTypeSubset {
    return new TrueTypeSubset(this);
  }

  /** The glyf records of `ids` (loca §5.3.4), read from the source in one go. */
  glyphRecords(ids: readonly number[]): Uint8Array[] {
    const glyf = this.tables.get('glyf')!;
    const at = (i: number) => (this.longLoca ? this.loca.getUint32(i * 4) : this.loca.getUint16(i * 2) * 2);
    const ranges = ids.map((id) => [glyf.offset + at(id), at(id + 1) - at(id)] as const);
    const nonEmpty = ranges.filter(([, length]) => length > 0);
    const read = this.source.read(nonEmpty);
    let k = 0;
    return ranges.map(([, length]) => (length > 0 ? read[k++]! : new Uint8Array(0)));
  }

  /** For the subsetter: the whole bytes of a table read at open, if the font has it. */
  table(tag: string): Uint8Array | undefined {
    return this.raw.get(tag);
  }

  metrics(glyphId: number): { advance: number; bearing: number } {
    return { advance: this.advanceOf(glyphId), bearing: this.leftBearingOf(glyphId) };
  }
}

/**
 * A subset in fontkit 2's `TTFSubset` manner: new glyph ids in order of inclusion, .notdef first,
 * components of composite glyphs appended and renumbered; tables head, hhea, loca, maxp, cvt, prep,
 * glyf, hmtx, fpgm — all a PDF's FontFile2 needs (PDF 32000 §9.9: cmap is unused with an Identity
 * CIDToGIDMap).
 */
export class TrueTypeSubset {
  /** pdf-lib asks; a glyf subset is not CFF. */
  readonly cff = false;
  private readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();

  constructor(private readonly font: TrueTypeFont) {
    this.includeGlyph(0);
  }

  includeGlyph(glyph: number | { id: number }): number {
    const id = typeof glyph === 'number' ? glyph : glyph.id;
    let mapped = this.mapping.get(id);
    if (mapped === undefined) {
      mapped = this.glyphs.length;
      this.glyphs.push(id);
      this.mapping.set(id, mapped);
    }
    return mapped;
  }

  encode(): Uint8Array {
    const font = this.font;
    const records: Uint8Array[] = [];
    // Components are appended while we go, so read in rounds until no new glyph appears.
    for (let done = 0; done < this.glyphs.length;) {
      const batch = this.glyphs.slice(done);
      const read = font.glyphRecords(batch);
      done += batch.length;
      for (const record of read) records.push(this.renumberComponents(record));
    }
    const n = this.glyphs.length;

    const loca = new DataView(new ArrayBuffer((n + 1) * 4));
    let offset = 0;
    records.forEach((r, i) => {
      loca.setUint32(i * 4, offset);
      offset += r.length;
    });
    loca.setUint32(n * 4, offset);
    const glyf = new Uint8Array(offset);
    offset = 0;
    for (const r of records) {
      glyf.set(r, offset);
      offset += r.length;
    }

    const hmtx = new DataView(new ArrayBuffer(n * 4));
    this.glyphs.forEach((id, i) => {
      const m = font.metrics(id);
      hmtx.setUint16(i * 4, m.advance);
      hmtx.setInt16(i * 4 + 2, m.bearing);
    });

    const head = copy(font.table('head')!);
    view(head).setUint32(8, 0); // checkSumAdjustment, set below
    view(head).setInt16(50, 1); // indexToLocFormat: long offsets
    const hhea = copy(font.table('hhea')!);
    view(hhea).setUint16(34, n);
    const maxp = copy(font.table('maxp')!);
    view(maxp).setUint16(4, n);

    const tables: Array<[string, Uint8Array]> = [
      ['head', head],
      ['hhea', hhea],
      ['loca', new Uint8Array(loca.buffer)],
      ['maxp', maxp],
      ['glyf', glyf],
      ['hmtx', new Uint8Array(hmtx.buffer)],
    ];
    for (const tag of ['cvt ', 'prep', 'fpgm']) {
      const t = font.table(tag);
      if (t) tables.push([tag, t]);
    }
    return writeSfnt(tables);
  }

  /** §5.3.3.2: a composite glyph names its components by glyph id; point them at the subset's ids. */
  private renumberComponents(record: Uint8Array): Uint8Array {
    if (record.length < 10 || view(record).getInt16(0) >= 0) return record;
    const out = copy(record);
    const d = view(out);
    let at = 10;
    for (;;) {
      const flags = d.getUint16(at);
      d.setUint16(at + 2, this.includeGlyph(d.getUint16(at + 2)));
      at += 4 + (flags & 0x0001 ? 4 : 2); // ARG_1_AND_2_ARE_WORDS
      if (flags & 0x0008)
        at += 2; // WE_HAVE_A_SCALE
      else if (flags & 0x0040)
        at += 4; // WE_HAVE_AN_X_AND_Y_SCALE
      else if (flags & 0x0080) at += 8; // WE_HAVE_A_TWO_BY_TWO
      if (!(flags & 0x0020)) break; // MORE_COMPONENTS
    }
    return out;
  }
}

const copy = (b: Uint8Array) => new Uint8Array(b);

/** §5.1.2 table checksum: the sum of big-endian uint32s, the last one zero-padded. */
function checksum(bytes: Uint8Array): number {
  let sum = 0;
  const whole = bytes.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!)) >>> 0;
  if (whole < bytes.length) {
    let last = 0;
    for (let k = 0; k < 4; k++) last = (last << 8) | (bytes[whole + k] ?? 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/** The font file (§5.1.2): offset table, table records sorted by tag, 4-byte aligned tables. */
export function writeSfnt(tables: Array<[string, Uint8Array]>): Uint8Array {
  tables.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const count = tables.length;
  const entrySelector = Math.floor(Math.log2(count));
  const searchRange = 2 ** entrySelector * 16;
  let size = 12 + count * 16;
  const offsets = tables.map(([, t]) => {
    const at = size;
    size += (t.length + 3) & ~3;
    return at;
  });
  const out = new Uint8Array(size);
  const d = view(out);
  d.setUint32(0, 0x00010000);
  d.setUint16(4, count);
  d.setUint16(6, searchRange);
  d.setUint16(8, entrySelector);
  d.setUint16(10, count * 16 - searchRange);
  // The whole font's checksum is the directory's plus every (zero-padded, aligned) table's.
  let total = 0;
  tables.forEach(([tag, t], i) => {
    const r = 12 + i * 16;
    for (let k = 0; k < 4; k++) d.setUint8(r + k, tag.charCodeAt(k));
    const sum = checksum(t);
    total = (total + sum) >>> 0;
    d.setUint32(r + 4, sum);
    d.setUint32(r + 8, offsets[i]!);
    d.setUint32(r + 12, t.length);
    out.set(t, offsets[i]!);
  });
  total = (total + checksum(out.subarray(0, 12 + count * 16))) >>> 0;
  // head.checkSumAdjustment (§5.2.2): 0xB1B0AFBA minus the checksum of the whole font.
  const headAt = offsets[tables.findIndex(([tag]) => tag === 'head')]!;
  d.setUint32(headAt + 8, (0xb1b0afba - total) >>> 0);
  return out;
}
