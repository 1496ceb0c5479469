/** External tools some render tests use; each test that needs one skips visibly without it. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fontPath } from '../../src/render/fonts.js';
import { dirname } from 'node:path';

export function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** Say why a test is skipped, so a green run without the tool does not pass silently. */
export function needs(cmd: string, pkg: string): boolean {
  const ok = has(cmd);
  if (!ok) console.warn(`[render tests] ${cmd} not found: skipping its tests (apt-get install ${pkg})`);
  return ok;
}

export function tmp(prefix = 'lw-render-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Text in content-stream order (`-raw`): a cell's lines stay together, as we draw them. */
export function pdftotext(pdf: Uint8Array): string {
  const dir = tmp();
  const file = join(dir, 'in.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/**
 * Dark pixels (gray < 128) in a region of page 1, rasterised by pdftoppm at `dpi`; `box` in points
 * from the top-left corner.
 */
export function inkIn(pdf: Uint8Array, box: { x: number; y: number; w: number; h: number }, dpi = 100): number {
  const dir = tmp();
  const file = join(dir, 'in.pdf');
  writeFileSync(file, pdf);
  const s = dpi / 72;
  const pgm = execFileSync('pdftoppm', [
    '-gray',
    '-r',
    String(dpi),
    '-f',
    '1',
    '-l',
    '1',
    '-x',
    String(Math.round(box.x * s)),
    '-y',
    String(Math.round(box.y * s)),
    '-W',
    String(Math.round(box.w * s)),
    '-H',
    String(Math.round(box.h * s)),
    file,
  ]);
  // Binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  for (const p of pixels) if (p < 128) dark++;
  return dark;
}

/**
 * A fontconfig file that adds the npm font package's directories, so LibreOffice lays our DOCX out
 * with a real CJK font even on a machine without Chinese system fonts (as CI's), and sets the DOCX's
 * Latin font, Times New Roman, in the PDF's face too: without Times or a face with its metrics
 * (Liberation Serif), LibreOffice takes DejaVu Serif, whose digits and Latin are far wider than any
 * office's Times — 「Wi-Fi课堂8期共400人」 then took more lines than the page plan counts and the
 * table ran over 9 pages for 4 (docs/rendering.md, "Pagination and 「（续表）」"). With the PDF's own
 * metrics the comparison is the one a user's office makes, with a margin: Times is narrower still.
 */
export function fontconfigWithPackageFont(dir: string): string {
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${dirname(fontPath('regular'))}</dir>
  <dir>${dirname(fontPath('bold'))}</dir>
  <alias binding="same"><family>Times New Roman</family><prefer><family>Noto Serif SC</family></prefer></alias>
  <cachedir>${join(dir, 'fc-cache')}</cachedir>
</fontconfig>
`,
  );
  return file;
}

/**
 * How full each page of a PDF file is: from the top of the type area (37 mm) down to the lowest text
 * above the bottom margin (35 mm; the page number sits below it), as a share of the type area's height.
 */
export function pageFill(pdf: string): number[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  const mm = 72 / 25.4;
  const [top, bottom] = [37 * mm, 842 - 35 * mm];
  return html
    .split('<page ')
    .slice(1)
    .map((page) => {
      const lowest = Math.max(...[...page.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1])).filter((y) => y <= bottom + 1));
      return (lowest - top) / (bottom - top);
    });
}
