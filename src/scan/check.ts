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
import { FIELDS } from '../form/definition.js';

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
  /**
   * For a photo without a seal: does it show the form (its title or labels)? `unknown`: it looks like
   * a sheet of paper but no OCR engine read it, so nobody can tell.
   */
  form?: 'shown' | 'notShown' | 'unknown';
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
      if (c.isSeal)
        seals.push({ page: p.page, xMm: Math.round(c.xMm), yMm: Math.round(c.yMm), diameterMm: Math.round(c.diameterMm), scaleKnown });
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
  /**
   * A photo (JPEG/PNG from a mail): without a seal, is it the form? A picture mostly of paper is read
   * (when `read` and the OCR add-on is installed) for the form's title or labels.
   */
  photo?: { read: boolean };
}

/** The form's title, however the year and spacing come out: 「2023年全民终身学习活动开展情况统计表」. */
const TITLE = /全民终身学习活动.{0,6}统计表/;
/** Labels seen on the page that make it the form, not a letter that mentions one. */
const LABELS_NEEDED = 3;
const LABELS = [...new Set(FIELDS.map((f) => f.label.replace(/[\s（）()]/g, '')).filter((l) => l.length >= 4))];

/** The text read shows the form: its title, or several of its labels. Pure. */
export function showsForm(items: readonly PositionedText[]): boolean {
  const text = items
    .map((i) => i.text)
    .join('')
    .replace(/[\s（）()]/g, '');
  if (TITLE.test(text)) return true;
  return LABELS.filter((l) => text.includes(l)).length >= LABELS_NEEDED;
}

/**
 * Mostly paper: light, colourless pixels over half the picture (a form photographed under uneven
 * light measured 0.72, a flat scan 0.95; activity photos 0.06 and 0.30). Only such a photo is read.
 */
export function looksLikePaper(r: { width: number; height: number; data: Uint8Array }): boolean {
  const d = r.data;
  const step = Math.max(1, Math.floor((r.width * r.height) / 200_000)) * 4;
  let n = 0;
  let paper = 0;
  for (let i = 0; i + 2 < d.length; i += step) {
    n++;
    const hi = Math.max(d[i]!, d[i + 1]!, d[i + 2]!);
    const lo = Math.min(d[i]!, d[i + 1]!, d[i + 2]!);
    if (lo > 140 && hi - lo < 45) paper++;
  }
  return n > 0 && paper / n >= 0.45;
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
      // An entry without the text is not enough when the text is asked for (the add-on may be new);
      // nor a photo's that could not tell whether it shows the form, when it may now be read.
      const enough =
        (!opts.ocr || cached.ocr?.engine) &&
        (!opts.photo?.read || cached.form !== 'unknown') &&
        (!opts.photo || cached.seal === 'found' || cached.form);
      if (cached.version === SCAN_CHECK_VERSION && enough) {
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
    if (opts.photo && result.seal !== 'found') {
      const raster = pages[0]?.raster;
      if (!raster || !looksLikePaper(raster)) result.form = 'notShown';
      else {
        const engine = opts.photo.read ? await (await import('./ocr.js')).loadOcr() : undefined;
        if (!engine) result.form = 'unknown';
        else {
          const t0 = performance.now();
          const items = await engine.read(raster, 1);
          result.form = showsForm(items) ? 'shown' : 'notShown';
          // The text is kept: a photo of the form is compared with the electronic form like a scan.
          result.ocr = { engine: engine.name, items, pages: 1, ms: Math.round(performance.now() - t0) };
        }
      }
    }
    if (opts.ocr && !result.ocr?.engine) {
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
