/**
 * The stamped-scan check of one file (docs/scans.md): page pictures → is the official seal there,
 * and, when an OCR engine is installed and a form to compare with is given, does the scan say what
 * the electronic form says (`scan/compare.ts`).
 *
 * Results are cached by the file's SHA-256 in a folder the command chooses, so a rerun, `merge` or
 * `serve` does not read the same scan twice (the one file-system effect of this module).
 */
import { findSeals, type SealCandidate } from './seal.js';
import type { PageImage } from './images.js';
import type { PositionedText } from '../read/positioned.js';

/** Bump when the detector changes: old cache entries are then ignored. */
export const SCAN_CHECK_VERSION = 1;

export interface SealOnPage {
  page: number;
  /** Centre, millimetres from the page's top-left corner. */
  xMm: number;
  yMm: number;
  diameterMm: number;
  /** False for a photo whose resolution the file does not state: the size is estimated (A4 assumed). */
  scaleKnown: boolean;
}

export type SealStatus = 'found' | 'notFound' | 'unknown';

export type UnknownReason =
  /** A grayscale scan (one-channel image): the red is gone. */
  | 'grayscale'
  /** Colour image with no colour at all: grayscale, or no red ink. */
  | 'noColour'
  /** Black and white (1 bit, JBIG2, CCITT). */
  | 'bilevel'
  /** A PDF with no page pictures: exported, never printed and scanned. */
  | 'notScanned'
  /** A picture format or stream this tool cannot decode. */
  | 'undecodable';

export interface ScanCheck {
  version: number;
  seal: SealStatus;
  reason?: UnknownReason;
  /** The image encoding behind the reason (「JBIG2」, 「JPEG 2000」, 「1 bit」). */
  encoding?: string;
  seals: SealOnPage[];
  pages: number;
  /** Milliseconds spent decoding and looking (not when the result came from the cache). */
  ms?: number;
  /** Red groups of seal size that were not seals, with why (for --json and tests). */
  rejected?: Array<Pick<SealCandidate, 'diameterMm' | 'rejected'> & { page: number }>;
  /** With the figures check: the scan's text lines (red ink dropped first), for `compare.ts`. */
  ocr?: {
    /** The engine that read it; absent when the OCR add-on is not installed. */
    engine?: string;
    items: PositionedText[];
    /** Pages read (the first few: the form is two pages). */
    pages: number;
    ms?: number;
  };
}

/** The form is two pages; a scan of more holds the plan or photos after it. */
const OCR_PAGES = 4;

/** A4 across the photo's shorter side, plus a margin: the scale of a photo that states none. */
const ASSUMED_SHORT_SIDE_MM = 230;

/** Judge the pages of one scan. Pure. */
export function judgePages(pages: readonly PageImage[]): Omit<ScanCheck, 'version' | 'ms'> {
  const seals: SealOnPage[] = [];
  const rejected: NonNullable<ScanCheck['rejected']> = [];
  for (const p of pages) {
    if (p.kind !== 'colour' || !p.raster) continue;
    const scaleKnown = p.pxPerMm !== undefined;
    const pxPerMm = p.pxPerMm ?? Math.min(p.raster.width, p.raster.height) / ASSUMED_SHORT_SIDE_MM;
    for (const c of findSeals(p.raster, pxPerMm)) {
      if (c.isSeal) seals.push({ page: p.page, xMm: Math.round(c.xMm), yMm: Math.round(c.yMm), diameterMm: Math.round(c.diameterMm), scaleKnown });
      else rejected.push({ page: p.page, diameterMm: c.diameterMm, ...(c.rejected ? { rejected: c.rejected } : {}) });
    }
  }
  const base = { seals, pages: pages.length, ...(rejected.length ? { rejected } : {}) };
  if (seals.length) return { seal: 'found', ...base };
  if (pages.some((p) => p.kind === 'colour')) return { seal: 'notFound', ...base };
  // Nothing in colour: say why the seal cannot be seen, the most telling reason first.
  const first = (kind: PageImage['kind']) => pages.find((p) => p.kind === kind);
  const bilevel = first('bilevel');
  if (bilevel) return { seal: 'unknown', reason: 'bilevel', ...(bilevel.encoding ? { encoding: bilevel.encoding } : {}), ...base };
  const gray = first('gray');
  if (gray) return { seal: 'unknown', reason: pages.some((p) => p.oneChannel) ? 'grayscale' : 'noColour', ...base };
  const bad = first('undecodable');
  if (bad) return { seal: 'unknown', reason: 'undecodable', ...(bad.encoding ? { encoding: bad.encoding } : {}), ...base };
  return { seal: 'unknown', reason: 'notScanned', ...base };
}

export interface ScanOptions {
  /** Where results are cached by file hash; none: no cache. */
  cacheDir?: string;
  /** Also read the text (when the OCR add-on is installed), for comparing with the electronic form. */
  ocr?: boolean;
}

async function hashOf(bytes: Uint8Array): Promise<string> {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
}

/** Check one scan (a PDF or a picture): cached by content. */
export async function checkScan(bytes: Uint8Array, name: string, opts: ScanOptions = {}): Promise<ScanCheck> {
  const key = opts.cacheDir ? await hashOf(bytes) : undefined;
  const { join } = await import('node:path');
  const fs = await import('node:fs/promises');
  if (key && opts.cacheDir) {
    try {
      const cached = JSON.parse(await fs.readFile(join(opts.cacheDir, `${key}.json`), 'utf8')) as ScanCheck;
      // An entry without the text is not enough when the text is asked for (the add-on may be new).
      if (cached.version === SCAN_CHECK_VERSION && (!opts.ocr || cached.ocr?.engine)) {
        delete cached.ms;
        if (cached.ocr) delete cached.ocr.ms;
        return cached;
      }
    } catch {
      // Not cached yet (or a damaged entry): read the scan.
    }
  }
  const started = performance.now();
  const { pdfPages, imageFilePage } = await import('./images.js');
  let result: ScanCheck;
  try {
    const isPdf = bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
    const pages = isPdf ? await pdfPages(bytes) : [await imageFilePage(bytes, name)];
    result = { version: SCAN_CHECK_VERSION, ...judgePages(pages) };
    if (opts.ocr) {
      const { loadOcr } = await import('./ocr.js');
      const engine = await loadOcr();
      const readable = pages.filter((p) => p.raster).slice(0, OCR_PAGES);
      if (!engine) result.ocr = { items: [], pages: 0 };
      else {
        const t0 = performance.now();
        const items: PositionedText[] = [];
        for (const p of readable) items.push(...(await engine.read(p.raster!, p.page)));
        result.ocr = { engine: engine.name, items, pages: readable.length, ms: Math.round(performance.now() - t0) };
      }
    }
  } catch {
    result = { version: SCAN_CHECK_VERSION, seal: 'unknown', reason: 'undecodable', seals: [], pages: 0 };
  }
  result.ms = Math.round(performance.now() - started);
  if (key && opts.cacheDir) {
    // Written atomically: a rename, so a reader never sees half an entry.
    try {
      await fs.mkdir(opts.cacheDir, { recursive: true });
      const tmp = join(opts.cacheDir, `.${key}.${process.pid}.tmp`);
      await fs.writeFile(tmp, JSON.stringify(result));
      await fs.rename(tmp, join(opts.cacheDir, `${key}.json`));
    } catch {
      // A cache that cannot be written only costs time on the next run.
    }
  }
  return result;
}
