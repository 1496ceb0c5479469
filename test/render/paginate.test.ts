/**
 * The paginator's helpers for the DOCX: the value's text for each part of a row split between pages
 * (joined back exactly), and where the table starts below the page-1 furniture.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NANCHANG_2023 } from '../../src/campaign/campaign.js';
import { breakLines } from '../../src/render/layout.js';
import { buildModel } from '../../src/render/model.js';
import { BOTTOM, LINE, TOP, firstTableTop, paginate, printable, valueParts, type ValuePart } from '../../src/render/paginate.js';
import { withLongDescription } from './samples.js';

/** A fake font: CJK and full-width punctuation 1 em (12), everything else half (6). */
const measure = (s: string) => {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! > 0x2e80 ? 12 : 6;
  return w;
};

/** How a reader puts the parts back: a new paragraph unless the part goes on with the one before. */
const join = (parts: ValuePart[]) => parts.map((p, i) => (i === 0 ? '' : p.joinsPrevious ? '' : '\n') + p.paragraphs.join('\n')).join('');

/** Cut the lines of `text` as paginate measures it (4 characters a line) into parts of the given line counts. */
function split(text: string, counts: number[]): ValuePart[] {
  const lines = breakLines(printable(text), 48, measure);
  const parts: string[][] = [];
  let at = 0;
  for (const n of counts) {
    parts.push(lines.slice(at, at + n));
    at += n;
  }
  parts.push(lines.slice(at));
  return valueParts(text, parts);
}

describe('valueParts', () => {
  it('a split inside a paragraph: the rest goes on with it', () => {
    // Lines: 全民终身 | 学习活动 | 周。
    expect(split('全民终身学习活动周。', [1])).toEqual([
      { paragraphs: ['全民终身'], joinsPrevious: false },
      { paragraphs: ['学习活动周。'], joinsPrevious: true },
    ]);
  });

  it('a split between paragraphs: the rest starts a paragraph', () => {
    expect(split('全民终身\n学习活动周', [1])).toEqual([
      { paragraphs: ['全民终身'], joinsPrevious: false },
      { paragraphs: ['学习活动周'], joinsPrevious: false },
    ]);
  });

  it('a blank paragraph never ends a part (readers drop trailing empty paragraphs): it opens the next', () => {
    // Lines: 全民终身 | (blank) | 学习活动 | 周
    expect(split('全民终身\n\n学习活动周', [2])).toEqual([
      { paragraphs: ['全民终身'], joinsPrevious: false },
      { paragraphs: ['', '学习活动周'], joinsPrevious: false },
    ]);
  });

  it('three parts, tabs and CR LF as the PDF prints them', () => {
    const text = '甲乙丙丁戊己\tab\r\n庚辛壬癸子丑寅卯';
    const parts = split(text, [1, 2]);
    expect(parts).toHaveLength(3);
    expect(join(parts)).toBe(text.replace(/\r\n/g, '\n'));
    // The lines were measured with the tab as a space; the parts keep the tab.
    expect(parts[1]).toEqual({ paragraphs: ['戊己\tab', '庚辛壬癸'], joinsPrevious: true });
  });

  it('refuses lines that are not the value’s (a bug, never silent loss)', () => {
    expect(() => valueParts('全民终身', [['全民'], ['学习']])).toThrow(/not the next piece/);
    expect(() => valueParts('全民终身\n学习', [['全民终身']])).toThrow(/do not cover/);
  });

  it('joining the parts gives the value back, wherever the splits fall (property)', () => {
    const para = fc
      .array(fc.constantFrom(...'全民终身学习，。（abc 12'), { minLength: 0, maxLength: 30 })
      .map((cs) => cs.join('').replace(/ +$/, ''));
    fc.assert(
      fc.property(fc.array(para, { minLength: 1, maxLength: 6 }), fc.array(fc.nat({ max: 6 }), { maxLength: 4 }), (paras, cuts) => {
        const text = paras.join('\n');
        const lines = breakLines(text, 48, measure);
        const parts: string[][] = [];
        let at = 0;
        for (const n of cuts) {
          if (at + n + 1 >= lines.length) break;
          parts.push(lines.slice(at, at + n + 1));
          at += n + 1;
        }
        parts.push(lines.slice(at));
        const result = valueParts(text, parts);
        expect(join(result)).toBe(text);
        for (const part of result.slice(0, -1)) if (part.paragraphs.length > 1) expect(part.paragraphs.at(-1)!.trim()).not.toBe('');
      }),
      { numRuns: 300 },
    );
  });
});

describe('paginate, as the DOCX uses it', () => {
  it('the table starts below 附件, the title and the stamp line', () => {
    // 24 + 12 (附件) + 30.8 (title) + 8.4 + 21 (stamp) + 6 (renderPdf).
    expect(firstTableTop(1)).toBeCloseTo(TOP - 102.2, 6);
    expect(firstTableTop(2)).toBeCloseTo(firstTableTop(1) - 30.8, 6);
  });

  it('a 2,000-character 活动内容 is split between lines; its parts give the value back', () => {
    const model = buildModel(withLongDescription(), NANCHANG_2023);
    const pages = paginate(model, measure, firstTableTop(1));
    expect(pages.length).toBeGreaterThan(2);
    const parts = pages.flatMap((p) => p.placed).filter((p) => p.m.row.field.id === 'content.description');
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.slice(1).every((p) => p.continuation)).toBe(true);
    expect(
      join(
        valueParts(
          withLongDescription().content.description,
          parts.map((p) => p.lines),
        ),
      ),
    ).toBe(withLongDescription().content.description);
    // Every page's rows stay within the type area.
    for (const page of pages) for (const p of page.placed) expect(p.top - p.height).toBeGreaterThanOrEqual(BOTTOM - 1e-9);
    expect(pages[1]!.placed[0]!.top).toBeCloseTo(TOP - LINE - 4, 6);
  });
});
