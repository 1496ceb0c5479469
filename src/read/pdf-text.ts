/**
 * The text layer of a PDF that this tool did not make (the form exported from Word, WPS or
 * LibreOffice), as positioned pieces for `positioned.ts`. Read with pdf.js (`pdfjs-dist`, its legacy
 * build for Node, no worker, no canvas: text only), imported only when such a file is met, so an
 * inbox without text PDFs never loads it.
 */
import type { PositionedText } from './positioned.js';

export interface PdfText {
  items: PositionedText[];
  pages: number;
  /** Characters of real text (no spaces): a scan with a stray caption has next to none. */
  chars: number;
}

/** The largest number of pages worth reading: the form is one to three; a long report is not it. */
const MAX_PAGES = 20;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<PdfJs> | undefined;

async function pdfjs(): Promise<PdfJs> {
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((m) => {
    // No worker thread: pdf.js runs its parser in this thread ("fake worker"), importing the
    // worker module itself. Text extraction needs no canvas and no fonts.
    return m;
  });
  return loaded;
}

/** Text pieces with their boxes, origin top-left, y down (PDF points). Throws on a broken or locked file. */
export async function readPdfText(bytes: Uint8Array): Promise<PdfText> {
  const lib = await pdfjs();
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = lib.getDocument({
    data: bytes.slice(),
    useWorkerFetch: false,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const items: PositionedText[] = [];
    let chars = 0;
    const pages = Math.min(doc.numPages, MAX_PAGES);
    for (let n = 1; n <= pages; n++) {
      const page = await doc.getPage(n);
      const [, , , pageTop] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a, b, , d, e, f] = item.transform as number[];
        // Horizontal text only (a rotated stamp caption or watermark is not the form).
        if (Math.abs(b!) > Math.abs(a!) * 0.1) continue;
        const height = item.height || Math.abs(d!) || 10;
        items.push({ text: item.str, x: e!, y: pageTop - f! - height * 0.88, width: item.width, height, page: n });
        chars += item.str.replace(/\s+/g, '').length;
      }
      page.cleanup();
    }
    return { items, pages: doc.numPages, chars };
  } finally {
    await task.destroy();
  }
}
