import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NANCHANG_2023 } from '../../src/campaign/campaign.js';
import { FIELDS, FURNITURE, getPath } from '../../src/form/definition.js';
import { displayValue } from '../../src/form/display.js';
import { MissingGlyphError, renderPdf } from '../../src/render/pdf.js';
import { readOwnPdf } from '../../src/read/own.js';
import { submission } from './arbitrary.js';
import { DONGHU, QINGSHANHU, withLongDescription } from './samples.js';
import { inkIn, needs, pdftotext, tmp } from './tools.js';

const rowFields = FIELDS.filter((f) => f.placement === 'row');
const hasPoppler = needs('pdftotext', 'poppler-utils') && needs('pdftoppm', 'poppler-utils');
/** Extracted text without the line breaks and spaces layout adds, to find wrapped values. */
const squash = (s: string) => s.replace(/\s+/g, '');

describe('renderPdf', () => {
  it('gives identical bytes for identical input', async () => {
    const a = await renderPdf(DONGHU, NANCHANG_2023);
    const b = await renderPdf(DONGHU, NANCHANG_2023);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    for (const opts of [{ fillable: true }, { department: '东湖区教育体育局' }]) {
      const x = await renderPdf(null, NANCHANG_2023, opts);
      const y = await renderPdf(null, NANCHANG_2023, opts);
      expect(Buffer.from(x).equals(Buffer.from(y)), JSON.stringify(opts)).toBe(true);
    }
    const text = Buffer.from(a).toString('latin1');
    expect(text).toContain('/CreationDate (D:20231120160000Z)');
    expect(text).not.toMatch(/pdf-lib \(https/);
  });

  it('stays small: the sample is under 150 KB (README.md, 性能)', async () => {
    expect((await renderPdf(DONGHU, NANCHANG_2023)).length).toBeLessThan(150 * 1024);
  });

  it.each([
    ['东湖区', DONGHU],
    ['青山湖区', QINGSHANHU],
    ['long 活动内容', withLongDescription()],
  ])('round trip through submission.json: %s', async (_name, data) => {
    const own = (await readOwnPdf(await renderPdf(data, NANCHANG_2023)))!;
    expect(own.embedded).toEqual(data);
    expect(own.fields).toBeUndefined();
  });

  it('round trip on generated submissions (property)', async () => {
    await fc.assert(
      fc.asyncProperty(submission, async (data) => {
        expect((await readOwnPdf(await renderPdf(data, NANCHANG_2023)))!.embedded).toEqual(data);
      }),
      { numRuns: 12 },
    );
  });

  it('fillable template: AcroForm fields named by field id, filled values read back', async () => {
    const blank = (await readOwnPdf(await renderPdf(null, NANCHANG_2023, { fillable: true })))!;
    expect(blank.embedded).toBeNull();
    expect([...blank.fields!.keys()].sort()).toEqual(['department', ...rowFields.map((f) => f.id)].sort());
    const filled = (await readOwnPdf(await renderPdf(QINGSHANHU, NANCHANG_2023, { fillable: true })))!;
    expect(filled.embedded).toEqual(QINGSHANHU);
    expect(filled.fields!.get('department')).toBe(QINGSHANHU.department);
    for (const f of rowFields) expect(filled.fields!.get(f.id), f.id).toBe(displayValue(f, getPath(QINGSHANHU, f.id)));
  });

  it('a file that is not ours reads as null', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const other = await PDFDocument.create();
    other.addPage();
    expect(await readOwnPdf(await other.save())).toBeNull();
    expect(await readOwnPdf(new TextEncoder().encode('%PDF-1.7 junk'))).toBeNull();
  });

  describe('missing glyphs', () => {
    it('reports field and position instead of drawing .notdef boxes', async () => {
      const data = {
        ...DONGHU,
        contacts: [{ name: '张😀', phone: '13907912345' }],
        content: { ...DONGHU.content, description: '第一行\n开幕式𠀀分享会' },
      };
      const err = await renderPdf(data, NANCHANG_2023).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MissingGlyphError);
      expect((err as MissingGlyphError).missing).toEqual([
        { fieldId: 'contacts', char: '😀', codePoint: 0x1f600, index: 1, line: 1, column: 2 },
        { fieldId: 'content.description', char: '𠀀', codePoint: 0x20000, index: 7, line: 2, column: 4 },
      ]);
      expect((err as Error).message).toContain('content.description 第2行第4个字「𠀀」(U+20000)');
    });

    it('accepts 「翾」, outside GB2312 (docs/rendering.md, "Fonts (PDF)")', async () => {
      await expect(renderPdf(QINGSHANHU, NANCHANG_2023)).resolves.toBeInstanceOf(Uint8Array);
    });
  });

  describe.skipIf(!hasPoppler)('as poppler sees it', () => {
    it('pdftotext finds every label and every value, 「万 翾」 included', async () => {
      for (const data of [DONGHU, QINGSHANHU]) {
        const text = squash(pdftotext(await renderPdf(data, NANCHANG_2023)));
        for (const s of [FURNITURE.annexLabel, FURNITURE.title(2023), FURNITURE.stampLine, FURNITURE.footnote, data.department])
          expect(text).toContain(squash(s));
        for (const f of rowFields) {
          expect(text, f.label).toContain(squash(f.label));
          expect(text, f.id).toContain(squash(displayValue(f, getPath(data, f.id))));
        }
        for (const f of FIELDS) if (f.group) expect(text).toContain(f.group.label);
      }
      expect(squash(pdftotext(await renderPdf(QINGSHANHU, NANCHANG_2023)))).toContain('万翾17770022118');
    });

    it('a long department wraps under itself on the stamp line, inside the right margin, and the table moves down', async () => {
      const department = '南昌经济技术开发区管理委员会社会事业发展局教育科';
      for (const fillable of [false, true]) {
        const pdf = await renderPdf(fillable ? null : { ...DONGHU, department }, NANCHANG_2023, fillable ? { fillable, department } : {});
        const dir = tmp();
        writeFileSync(join(dir, 'a.pdf'), pdf);
        const words = [
          ...execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' }).matchAll(
            /xMax="([\d.]+)"/g,
          ),
        ];
        // A4 is 595.3 pt wide; the type area ends 26 mm from the right edge (GB/T 9704).
        for (const [, xMax] of words) expect(Number(xMax)).toBeLessThanOrEqual(595.3 - (26 * 72) / 25.4 + 0.5);
        if (!fillable) expect(squash(pdftotext(pdf))).toContain(department);
      }
      // Two stamp lines: the table starts one 4号 line (21 pt) lower than with a short name.
      const tops = await Promise.all(
        [DONGHU.department, department].map(async (d) => {
          const dir = tmp();
          writeFileSync(join(dir, 'a.pdf'), await renderPdf({ ...DONGHU, department: d }, NANCHANG_2023));
          const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
          return Number(/yMin="([\d.]+)"[^>]*>举办县区</.exec(html)![1]);
        }),
      );
      expect(tops[1]! - tops[0]!).toBeCloseTo(21, 0);
    });

    it('a continued table says so and repeats the group label', async () => {
      const text = squash(pdftotext(await renderPdf(withLongDescription(), NANCHANG_2023)));
      expect(text).toContain('（续表）');
      expect(text).toContain('活动主题与内容（续）');
      expect(text).toContain('活动内容（续）');
      // The value runs over several pages; between its parts come the page furniture and labels.
      const furniture = /—\d+—|（续表）|活动主题与内容(?:（续）)?|活动内容(?:（续）)?/g;
      expect(text.replace(furniture, '')).toContain(squash(withLongDescription().content.description));
    });

    it('the blank template really draws its glyphs (ink, not only text)', async () => {
      const pdf = await renderPdf(null, NANCHANG_2023);
      // The title band holds 19 glyphs of 22 pt bold and no rule: a subsetter that drops glyphs
      // (@pdf-lib/fontkit drew 17–36 % of the ink, docs/rendering.md, "Pitfalls, measured") leaves it nearly white.
      const title = inkIn(pdf, { x: 79, y: 138, w: 443, h: 36 });
      expect(title).toBeGreaterThan(2500);
      // The 附件 label, alone in its band.
      expect(inkIn(pdf, { x: 79, y: 105, w: 60, h: 24 })).toBeGreaterThan(200);
      const text = squash(pdftotext(pdf));
      for (const f of rowFields) expect(text).toContain(squash(f.label));
    });
  });
});
