/**
 * Scans as pictures (docs/scans.md): the page images of a PDF whose pages are images, or one JPEG/PNG
 * photo, decoded to RGBA with the page's real scale (pixels per millimetre) where the file says it.
 *
 * - JPEG (DCTDecode) with jpeg-js, Flate (with or without PNG predictors) with fflate, 1/2/4/8-bit
 *   gray, RGB, CMYK and indexed colour; several images on one page (scanners that write strips)
 *   are composed onto one page raster where the page's content stream draws them.
 * - JBIG2 and CCITT images are black and white by construction; JPEG 2000 is not decoded: both are
 *   reported, not guessed at.
 * Heavy libraries load lazily, only when a scan is checked.
 */

export interface Raster {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel. */
  data: Uint8Array;
}

export type PageKind =
  /** A colour picture: the seal can be looked for. */
  | 'colour'
  /** Gray levels only (a grayscale scan, or colour channels that are all equal). */
  | 'gray'
  /** Black and white: 1 bit, JBIG2, CCITT. */
  | 'bilevel'
  /** No picture on the page (text drawn directly: printed to PDF, never scanned). */
  | 'noImage'
  /** A picture this tool cannot decode (JPEG 2000, a damaged stream). */
  | 'undecodable';

export interface PageImage {
  page: number;
  kind: PageKind;
  /** Present for colour and gray pages. */
  raster?: Raster;
  /** Pixels per millimetre on paper; absent when the file does not say (a phone photo). */
  pxPerMm?: number;
  /** The page's size in millimetres (PDF) or the raster's at the assumed scale. */
  widthMm?: number;
  heightMm?: number;
  /** What the image's encoding was, for reasons in the report (「JBIG2」, 「JPEG 2000」). */
  encoding?: string;
  /** Gray by construction (one channel): a grayscale scan for sure, not just a page without colour. */
  oneChannel?: boolean;
}

const MM_PER_PT = 25.4 / 72;

// ─────────────────────────────────────────────────────────────────────────────────────────────
// JPEG and PNG files

/** The resolution a JFIF header or a PNG pHYs chunk states, in dots per inch; undefined when none. */
export function statedDpi(bytes: Uint8Array): number | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    // Walk the markers to APP0 "JFIF".
    let at = 2;
    while (at + 4 < bytes.length && bytes[at] === 0xff) {
      const marker = bytes[at + 1]!;
      const len = (bytes[at + 2]! << 8) | bytes[at + 3]!;
      if (marker === 0xe0 && String.fromCharCode(...bytes.subarray(at + 4, at + 8)) === 'JFIF') {
        const units = bytes[at + 11]!;
        const x = (bytes[at + 12]! << 8) | bytes[at + 13]!;
        if (units === 1 && x >= 50) return x;
        if (units === 2 && x >= 20) return x * 2.54;
        return undefined;
      }
      if (marker === 0xda) break;
      at += 2 + len;
    }
    return undefined;
  }
  if (bytes[0] === 0x89 && bytes[1] === 0x50) {
    let at = 8;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    while (at + 8 < bytes.length) {
      const len = view.getUint32(at);
      const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
      if (type === 'pHYs' && bytes[at + 16] === 1) {
        const perMetre = view.getUint32(at + 8);
        return perMetre >= 2000 ? perMetre * 0.0254 : undefined;
      }
      if (type === 'IDAT' || type === 'IEND') break;
      at += 12 + len;
    }
  }
  return undefined;
}

async function decodeJpeg(bytes: Uint8Array): Promise<{ raster: Raster; components: number }> {
  const { default: jpeg } = await import('jpeg-js');
  const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024, maxResolutionInMP: 200 });
  // Components: SOF marker's byte after height/width.
  let components = 3;
  for (let at = 2; at + 9 < bytes.length;) {
    if (bytes[at] !== 0xff) break;
    const marker = bytes[at + 1]!;
    const len = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      components = bytes[at + 9]!;
      break;
    }
    at += 2 + len;
  }
  return { raster: { width: img.width, height: img.height, data: img.data }, components };
}

async function decodePng(bytes: Uint8Array): Promise<{ raster: Raster; gray: boolean }> {
  const { PNG } = await import('pngjs');
  const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  // Colour types 0 and 4 are gray.
  const colorType = (png as unknown as { colorType?: number }).colorType;
  return {
    raster: { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) },
    gray: colorType === 0 || colorType === 4,
  };
}

/**
 * True when the picture carries no colour at all: a grayscale scan saved as a colour JPEG. Paper in a
 * colour scan has a tint and the sensor colour noise (chroma ≥ 8 on >90 % of pixels, measured on
 * the fixtures); a grayscale scan has equal channels up to JPEG error (chroma < 4 everywhere).
 */
export function looksGray(r: Raster): boolean {
  const d = r.data;
  const step = Math.max(1, Math.floor((r.width * r.height) / 300_000)) * 4;
  let coloured = 0;
  let n = 0;
  for (let i = 0; i < d.length; i += step) {
    n++;
    if (Math.max(d[i]!, d[i + 1]!, d[i + 2]!) - Math.min(d[i]!, d[i + 1]!, d[i + 2]!) > 8) coloured++;
  }
  return coloured / n < 0.02;
}

/** A photo or picture file: one page. An A4 page across the shorter side is assumed when no resolution is stated. */
export async function imageFilePage(bytes: Uint8Array, name: string): Promise<PageImage> {
  const ext = name.slice(name.lastIndexOf('.')).toLowerCase();
  try {
    let raster: Raster;
    let gray = false;
    if (bytes[0] === 0xff && bytes[1] === 0xd8) {
      const j = await decodeJpeg(bytes);
      raster = j.raster;
      gray = j.components === 1;
    } else if (bytes[0] === 0x89 && bytes[1] === 0x50) {
      const p = await decodePng(bytes);
      raster = p.raster;
      gray = p.gray;
    } else return { page: 1, kind: 'undecodable', encoding: ext.slice(1).toUpperCase() || '?' };
    const dpi = statedDpi(bytes);
    const pxPerMm = dpi ? dpi / 25.4 : undefined;
    const kind: PageKind = gray || looksGray(raster) ? 'gray' : 'colour';
    return {
      page: 1,
      kind,
      raster,
      ...(pxPerMm ? { pxPerMm, widthMm: raster.width / pxPerMm, heightMm: raster.height / pxPerMm } : {}),
      encoding: bytes[0] === 0xff ? 'JPEG' : 'PNG',
      ...(gray ? { oneChannel: true } : {}),
    };
  } catch {
    return { page: 1, kind: 'undecodable', encoding: ext.slice(1).toUpperCase() };
  }
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// PDF page images

type PdfLib = typeof import('pdf-lib');

interface Placed {
  name: string;
  /** The current transformation matrix when the image was drawn: [a b c d e f]. */
  m: number[];
}

const multiply = (m: number[], n: number[]): number[] => [
  m[0]! * n[0]! + m[1]! * n[2]!,
  m[0]! * n[1]! + m[1]! * n[3]!,
  m[2]! * n[0]! + m[3]! * n[2]!,
  m[2]! * n[1]! + m[3]! * n[3]!,
  m[4]! * n[0]! + m[5]! * n[2]! + n[4]!,
  m[4]! * n[1]! + m[5]! * n[3]! + n[5]!,
];

/** Where the content stream draws each XObject: `q`, `Q`, `cm` and `Do` only (enough for scans). */
export function placements(content: string): Placed[] {
  const out: Placed[] = [];
  const stack: number[][] = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  const operands: string[] = [];
  // Strings and inline images do not occur in scanners' page streams; skip them roughly anyway.
  const tokens =
    content.replace(/\((?:\\.|[^\\)])*\)/g, ' ').match(/\/[^\s/\[\]()<>{}]+|[-+]?\d*\.?\d+(?:[eE][-+]?\d+)?|[A-Za-z'"*]+|\[|\]/g) ?? [];
  for (const tok of tokens) {
    if (tok === 'q') stack.push(ctm);
    else if (tok === 'Q') ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (tok === 'cm') {
      const m = operands.slice(-6).map(Number);
      if (m.length === 6 && m.every(Number.isFinite)) ctm = multiply(m, ctm);
    } else if (tok === 'Do') {
      const name = operands[operands.length - 1];
      if (name?.startsWith('/')) out.push({ name: name.slice(1), m: ctm });
    } else if (/^[A-Za-z'"*]+$/.test(tok)) {
      operands.length = 0;
      continue;
    } else {
      operands.push(tok);
      continue;
    }
    operands.length = 0;
  }
  return out;
}

/** Undo PNG predictors (/Predictor ≥ 10) row by row. */
function unpredict(data: Uint8Array, columns: number, colors: number, bpc: number): Uint8Array {
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowBytes = Math.ceil((columns * colors * bpc) / 8);
  const rows = Math.floor(data.length / (rowBytes + 1));
  const out = new Uint8Array(rows * rowBytes);
  for (let y = 0; y < rows; y++) {
    const type = data[y * (rowBytes + 1)]!;
    const src = y * (rowBytes + 1) + 1;
    const dst = y * rowBytes;
    for (let x = 0; x < rowBytes; x++) {
      const raw = data[src + x]!;
      const left = x >= bpp ? out[dst + x - bpp]! : 0;
      const up = y > 0 ? out[dst - rowBytes + x]! : 0;
      const upLeft = y > 0 && x >= bpp ? out[dst - rowBytes + x - bpp]! : 0;
      let v = raw;
      if (type === 1) v = raw + left;
      else if (type === 2) v = raw + up;
      else if (type === 3) v = raw + ((left + up) >> 1);
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        v = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      }
      out[dst + x] = v & 255;
    }
  }
  return out;
}

interface Decoded {
  kind: PageKind;
  oneChannel?: boolean;
  raster?: Raster;
  encoding: string;
}

/** One image XObject → RGBA, or why not. */
async function decodeImage(lib: PdfLib, stream: import('pdf-lib').PDFRawStream): Promise<Decoded> {
  const { PDFName, PDFArray, PDFNumber, PDFDict } = lib;
  const dict = stream.dict;
  const filterObj = dict.lookup(PDFName.of('Filter'));
  const filters: string[] =
    filterObj instanceof PDFName
      ? [filterObj.decodeText()]
      : filterObj instanceof PDFArray
        ? filterObj.asArray().map((f) => (f as import('pdf-lib').PDFName).decodeText())
        : [];
  const last = filters[filters.length - 1] ?? '';
  if (/JBIG2/.test(last)) return { kind: 'bilevel', encoding: 'JBIG2' };
  if (/CCITT/.test(last)) return { kind: 'bilevel', encoding: 'CCITT' };
  if (/JPX/.test(last)) return { kind: 'undecodable', encoding: 'JPEG 2000' };
  const num = (key: string) => {
    const v = dict.lookup(PDFName.of(key));
    return v instanceof PDFNumber ? v.asNumber() : undefined;
  };
  const width = num('Width') ?? 0;
  const height = num('Height') ?? 0;
  const isMask = dict.lookup(PDFName.of('ImageMask'))?.toString() === 'true';
  const bpc = num('BitsPerComponent') ?? (isMask ? 1 : 8);
  if (isMask || bpc === 1) return { kind: 'bilevel', encoding: isMask ? 'ImageMask' : '1 bit' };
  if (last === 'DCTDecode' || last === 'DCT') {
    try {
      let bytes = stream.contents;
      if (filters.length > 1) {
        const { unzlibSync } = await import('fflate');
        bytes = unzlibSync(bytes);
      }
      const { raster, components } = await decodeJpeg(bytes);
      return {
        kind: components === 1 || looksGray(raster) ? 'gray' : 'colour',
        raster,
        encoding: 'JPEG',
        ...(components === 1 ? { oneChannel: true } : {}),
      };
    } catch {
      return { kind: 'undecodable', encoding: 'JPEG' };
    }
  }
  if (filters.some((f) => f !== 'FlateDecode' && f !== 'Fl')) return { kind: 'undecodable', encoding: last };
  // Colour space: components and, for /Indexed, the palette.
  let cs = dict.lookup(PDFName.of('ColorSpace'));
  let palette: Uint8Array | undefined;
  let components = 3;
  const base = (obj: unknown): number => {
    if (obj instanceof PDFName) return /Gray/.test(obj.decodeText()) ? 1 : /CMYK/.test(obj.decodeText()) ? 4 : 3;
    if (obj instanceof PDFArray) {
      const head = (obj.lookup(0) as import('pdf-lib').PDFName).decodeText?.() ?? '';
      if (head === 'ICCBased') {
        const icc = obj.lookup(1);
        const n = icc && 'dict' in (icc as object) ? (icc as import('pdf-lib').PDFRawStream).dict.lookup(PDFName.of('N')) : undefined;
        return n instanceof PDFNumber ? n.asNumber() : 3;
      }
      if (head === 'CalGray') return 1;
      if (head === 'CalRGB' || head === 'Lab') return 3;
      if (head === 'DeviceN' || head === 'Separation') return 1;
    }
    return 3;
  };
  if (cs instanceof PDFArray && (cs.lookup(0) as import('pdf-lib').PDFName).decodeText?.() === 'Indexed') {
    const lookup = cs.lookup(3);
    const baseComponents = base(cs.lookup(1));
    const bytes =
      lookup && 'contents' in (lookup as object)
        ? (lib as unknown as { decodePDFRawStream: (s: unknown) => { decode(): Uint8Array } }).decodePDFRawStream(lookup).decode()
        : new Uint8Array(
            ((lookup as import('pdf-lib').PDFHexString | import('pdf-lib').PDFString).asBytes?.() as Uint8Array | undefined) ?? [],
          );
    palette = new Uint8Array(256 * 3);
    for (let i = 0; i < 256; i++) {
      const at = i * baseComponents;
      if (baseComponents === 1) palette[i * 3] = palette[i * 3 + 1] = palette[i * 3 + 2] = bytes[at] ?? 0;
      else for (let c = 0; c < 3; c++) palette[i * 3 + c] = bytes[at + c] ?? 0;
    }
    components = 1;
    cs = undefined;
  } else components = base(cs);
  let data: Uint8Array;
  try {
    const { unzlibSync, inflateSync } = await import('fflate');
    try {
      data = unzlibSync(stream.contents);
    } catch {
      data = inflateSync(stream.contents.subarray(2));
    }
  } catch {
    return { kind: 'undecodable', encoding: 'Flate' };
  }
  const parms = dict.lookup(PDFName.of('DecodeParms'));
  const predictor = parms instanceof PDFDict ? parms.lookup(PDFName.of('Predictor')) : undefined;
  if (predictor instanceof PDFNumber && predictor.asNumber() >= 10) data = unpredict(data, width, components, bpc);
  const rgba = new Uint8Array(width * height * 4);
  const rowBytes = Math.ceil((width * components * bpc) / 8);
  const sampleAt = (y: number, k: number): number => {
    if (bpc === 8) return data[y * rowBytes + k] ?? 255;
    if (bpc === 16) return data[y * rowBytes + k * 2] ?? 255;
    const bit = k * bpc;
    const byte = data[y * rowBytes + (bit >> 3)] ?? 255;
    const v = (byte >> (8 - bpc - (bit & 7))) & ((1 << bpc) - 1);
    return palette ? v : Math.round((v * 255) / ((1 << bpc) - 1));
  };
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      rgba[o + 3] = 255;
      if (palette) {
        const i = sampleAt(y, x);
        rgba[o] = palette[i * 3]!;
        rgba[o + 1] = palette[i * 3 + 1]!;
        rgba[o + 2] = palette[i * 3 + 2]!;
      } else if (components === 1) rgba[o] = rgba[o + 1] = rgba[o + 2] = sampleAt(y, x);
      else if (components === 4) {
        const [c, m, yy, k] = [0, 1, 2, 3].map((q) => sampleAt(y, x * 4 + q) / 255) as [number, number, number, number];
        rgba[o] = Math.round(255 * (1 - c) * (1 - k));
        rgba[o + 1] = Math.round(255 * (1 - m) * (1 - k));
        rgba[o + 2] = Math.round(255 * (1 - yy) * (1 - k));
      } else for (let c = 0; c < 3; c++) rgba[o + c] = sampleAt(y, x * 3 + c);
    }
  const raster = { width, height, data: rgba };
  const oneChannel = components === 1 && !palette;
  return { kind: oneChannel || looksGray(raster) ? 'gray' : 'colour', raster, encoding: 'Flate', ...(oneChannel ? { oneChannel } : {}) };
}

/** Pages of a PDF, each as one raster at the resolution of its largest image. */
export async function pdfPages(bytes: Uint8Array, opts: { maxPages?: number } = {}): Promise<PageImage[]> {
  const lib = await import('pdf-lib');
  const { PDFDocument, PDFName, PDFDict, PDFRawStream, PDFArray, decodePDFRawStream } = lib;
  const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  const pages = doc.getPages().slice(0, opts.maxPages ?? 50);
  const out: PageImage[] = [];
  for (const [i, page] of pages.entries()) {
    const { width: wPt, height: hPt } = page.getSize();
    const widthMm = wPt * MM_PER_PT;
    const heightMm = hPt * MM_PER_PT;
    const xobjects = page.node.Resources()?.lookup(PDFName.of('XObject'));
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    let text = '';
    for (const s of streams) if (s instanceof PDFRawStream) text += new TextDecoder('latin1').decode(decodePDFRawStream(s).decode()) + '\n';
    const images: Array<{ decoded: Decoded; m: number[] }> = [];
    if (xobjects instanceof PDFDict)
      for (const placed of placements(text)) {
        const obj = xobjects.lookup(PDFName.of(placed.name));
        if (!(obj instanceof PDFRawStream) || obj.dict.lookup(PDFName.of('Subtype'))?.toString() !== '/Image') continue;
        // A thumbnail-sized picture (a logo) is not the page.
        const areaPt = Math.abs(placed.m[0]! * placed.m[3]! - placed.m[1]! * placed.m[2]!);
        if (areaPt < wPt * hPt * 0.05) continue;
        images.push({ decoded: await decodeImage(lib, obj), m: placed.m });
      }
    const pageNo = i + 1;
    if (images.length === 0) {
      out.push({ page: pageNo, kind: 'noImage', widthMm, heightMm });
      continue;
    }
    const bad = images.find((x) => x.decoded.kind === 'bilevel' || x.decoded.kind === 'undecodable');
    if (bad && !images.some((x) => x.decoded.kind === 'colour')) {
      out.push({ page: pageNo, kind: bad.decoded.kind, widthMm, heightMm, encoding: bad.decoded.encoding });
      continue;
    }
    // Compose the page at the resolution of its sharpest image (pixels per point).
    const usable = images.filter((x) => x.decoded.raster);
    const scale = Math.max(...usable.map((x) => x.decoded.raster!.width / Math.max(1e-6, Math.hypot(x.m[0]!, x.m[1]!))));
    const W = Math.max(1, Math.round(wPt * scale));
    const H = Math.max(1, Math.round(hPt * scale));
    let raster: Raster;
    const only = usable.length === 1 ? usable[0]! : undefined;
    if (only && Math.abs(only.decoded.raster!.width - W) <= 2 && Math.abs(only.decoded.raster!.height - H) <= 2)
      raster = only.decoded.raster!;
    else {
      raster = { width: W, height: H, data: new Uint8Array(W * H * 4).fill(255) };
      for (const { decoded, m } of usable) {
        const src = decoded.raster!;
        // Axis-aligned placement (rotation terms are ignored: scanners do not use them).
        const x0 = Math.round(Math.min(m[4]!, m[4]! + m[0]!) * scale);
        const w = Math.round(Math.abs(m[0]!) * scale);
        const yTop = Math.round((hPt - Math.max(m[5]!, m[5]! + m[3]!)) * scale);
        const h = Math.round(Math.abs(m[3]!) * scale);
        for (let y = Math.max(0, yTop); y < Math.min(H, yTop + h); y++) {
          const sy = Math.min(src.height - 1, Math.floor(((y - yTop) / h) * src.height));
          for (let x = Math.max(0, x0); x < Math.min(W, x0 + w); x++) {
            const sx = Math.min(src.width - 1, Math.floor(((x - x0) / w) * src.width));
            const s = (sy * src.width + sx) * 4;
            const d = (y * W + x) * 4;
            raster.data[d] = src.data[s]!;
            raster.data[d + 1] = src.data[s + 1]!;
            raster.data[d + 2] = src.data[s + 2]!;
          }
        }
      }
    }
    const colour = usable.some((x) => x.decoded.kind === 'colour');
    const oneChannel = usable.every((x) => x.decoded.oneChannel);
    out.push({
      page: pageNo,
      kind: colour ? 'colour' : 'gray',
      raster,
      pxPerMm: scale / MM_PER_PT,
      widthMm,
      heightMm,
      encoding: usable[0]!.decoded.encoding,
      ...(oneChannel ? { oneChannel } : {}),
    });
  }
  return out;
}
