import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_LINE_END, NO_LINE_START, breakLines, breakParagraph } from '../../src/render/layout.js';

/** A fake font: CJK and full-width punctuation 1 em (12), everything else half (6). */
const measure = (s: string) => {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! > 0x2e80 ? 12 : 6;
  return w;
};
const lines = (text: string, width: number) => breakLines(text, width, measure);

describe('breakLines', () => {
  it.each([
    ['一行放得下', 120, ['一行放得下']],
    ['全民终身学习活动周', 48, ['全民终身', '学习活动', '周']],
    ['', 48, ['']],
    ['甲\n\n乙', 48, ['甲', '', '乙']],
  ])('%j in %i pt', (text, width, expected) => {
    expect(lines(text, width)).toEqual(expected);
  });

  it('keeps Latin words and numbers whole', () => {
    expect(lines('电话0791-86771234', 96)).toEqual(['电话', '0791-86771234']);
    expect(lines('共 1200 人次', 48)).toEqual(['共 1200 ', '人次']);
  });

  it('a name written with a space (「李 翾」) stays on the line of its phone', () => {
    // 「张敏 0791-86771234；」 is 19 units of 6 or 12; 「李」 would fit after it, the rest would not.
    const text = '张敏 0791-86771234；李 翾 13907912345';
    const broken = lines(text, 160);
    expect(broken).toEqual(['张敏 0791-86771234；', '李 翾 13907912345']);
  });

  it('a name and phone, or a date, wider than the whole line comes apart at its own seams, the number still whole', () => {
    // Found by the property below (seed 1961696844): 「学学 2」 was kept on one line 36 wide in 24.
    expect(lines('学学 2', 24)).toEqual(['学学 ', '2']);
    expect(lines('王伟 0791-86771234', 96)).toEqual(['王伟 ', '0791-86771234']);
    expect(lines('2023年11月15日', 48)).toEqual(['2023年11', '月15日']);
    // Only a number is glued to a name, never an opening bracket alone (it would end the line: 行尾禁则).
    expect(lines('学 （学', 36)).toEqual(['学 ', '（学']);
  });

  it('no line starts with closing punctuation (行首禁则)', () => {
    // 「，」 would start line 2: 「学」 is carried down with it.
    expect(lines('活动周学，习', 48)).toEqual(['活动周', '学，习']);
    expect(lines('组织有力。', 48)).toEqual(['组织有', '力。']);
  });

  it('no line ends with opening punctuation (行尾禁则)', () => {
    expect(lines('活动周「书香', 48)).toEqual(['活动周', '「书香']);
  });

  it('cuts a word only when it alone is wider than the line', () => {
    expect(lines('https://example.org/abc', 60)).toEqual(['https://ex', 'ample.org/', 'abc']);
  });

  it('hangs one closing mark after a line that is one long number, rather than starting a line with it', () => {
    expect(lines('编号1234567890。完', 60)).toEqual(['编号', '1234567890。', '完']);
    // One mark, no more: the second would cross the cell's border.
    expect(lines('编号1234567890。」完', 60)).toEqual(['编号', '1234567890。', '」完']);
  });

  const textArb = fc
    .array(fc.constantFrom(...Array.from('学习活动周全民终身abc12 ，。、（）「」“”\n')), { maxLength: 80 })
    .map((a) => a.join(''));

  it('loses and invents nothing, and keeps within the width (property)', () => {
    fc.assert(
      fc.property(textArb, fc.integer({ min: 24, max: 200 }), (text, width) => {
        const out = lines(text, width);
        expect(out.length).toBeGreaterThanOrEqual(text.split('\n').length);
        for (const p of text.split('\n')) expect(breakParagraph(p, width, measure).join('')).toBe(p);
        for (const l of out) {
          const units = l.match(/[a-z0-9]+| +|[\s\S]/gu) ?? [];
          // Closing punctuation may hang past the edge of a line that is one unit (标点悬挂).
          const body = l.replace(/ +$/, '').replace(new RegExp(`[${[...NO_LINE_START].join('').replace(/[\\\]^-]/g, '\\$&')}]+$`, 'u'), '');
          if (units.filter((u) => !u.startsWith(' ')).length > 1)
            expect(measure(body) <= width || body.length < l.replace(/ +$/, '').length).toBe(true);
        }
      }),
    );
  });

  it('obeys kinsoku on every line: what cannot be carried hangs (property)', () => {
    fc.assert(
      fc.property(textArb, fc.integer({ min: 36, max: 200 }), (text, width) => {
        for (const p of text.split('\n')) {
          const out = breakParagraph(p, width, measure);
          for (let i = 1; i < out.length; i++) {
            const prev = Array.from(out[i - 1]!);
            const first = Array.from(out[i]!)[0];
            // Only after a line that already hangs a mark past the edge (one mark hangs, no more).
            const hangs = measure(out[i - 1]!.replace(/ +$/, '')) > width;
            if (first !== undefined && !hangs) expect(NO_LINE_START.has(first)).toBe(false);
            // A line of one unit cannot give an opening mark to the next line.
            const prevUnits = out[i - 1]!.match(/[a-z0-9]+| +|[\s\S]/gu) ?? [];
            if (prevUnits.length > 1) expect(NO_LINE_END.has(prev[prev.length - 1]!)).toBe(false);
          }
        }
      }),
    );
  });
});
