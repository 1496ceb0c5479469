/** The pure parts of merge: CSV escaping, totals, merged texts, wrapped-line estimates. */
import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvText, toCsv } from '../../src/merge/csv.js';
import { mergeTexts, oneParagraph } from '../../src/merge/city.js';
import { contentColumns, summaryColumns, totals } from '../../src/merge/model.js';
import { rowHeight, wrappedLines } from '../../src/merge/workbook.js';
import { FIELDS } from '../../src/form/definition.js';
import type { UnitStatus } from '../../src/inbox/roster.js';

describe('CSV (OWASP CSV injection, RFC 4180)', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 791', "'+86 791"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['a,b', '"a,b"'],
    ['他说"好"', '"他说""好"""'],
    ['两行\n文字', '"两行\n文字"'],
    ['东湖区', '东湖区'],
    ['1+1=2', '1+1=2'],
  ])('%j → %j', (input, output) => expect(csvText(input)).toBe(output));

  it('numbers stay numbers, never escaped', () => {
    expect(csvCell({ kind: 'count', value: -5 })).toBe('-5');
    expect(csvCell({ kind: 'percent', value: 97.5 })).toBe('97.5');
    expect(csvCell({ kind: 'empty' })).toBe('');
  });

  it('BOM first, CRLF after every record', () => {
    const csv = toCsv([[{ kind: 'text', value: '单位' }], [{ kind: 'text', value: '=x' }]]);
    expect(csv).toBe(`${BOM}单位\r\n'=x\r\n`);
  });
});

const unit = (name: string, status: UnitStatus['status'], acts?: number, people?: number, sat?: number, late = false): UnitStatus => ({
  name,
  status,
  late,
  timing: status === 'missing' ? 'none' : late ? 'late' : 'onTime',
  source: status === 'missing' ? null : `${name}.yaml`,
  receivedAt: null,
  receivedFrom: null,
  firstReceivedAt: null,
  fileTime: null,
  pieces: { form: status !== 'missing', wordForm: false, stampedScan: false, workPlan: false, workSummary: false },
  files: [],
  unusable: [],
  received: [],
  versions: [],
  included: status === 'valid',
  contacts: [],
  data: status === 'missing' ? null : { participation: { activityCount: acts, participantCount: people }, reach: { satisfaction: sat } },
});

describe('totals', () => {
  it('sums the valid units only; satisfaction plain and weighted by participants', () => {
    const t = totals([
      unit('甲', 'valid', 10, 1000, 90),
      unit('乙', 'valid', 5, 3000, 100, true),
      unit('丙', 'invalid', 99, 99999, 10),
      unit('丁', 'missing'),
    ]);
    expect(t).toMatchObject({
      unitsReporting: 2,
      unitsOnTime: 1,
      unitsLate: 1,
      unitsInvalid: 1,
      unitsMissing: 1,
      activities: 15,
      participants: 4000,
    });
    expect(t.satisfactionMean).toBe(95);
    expect(t.satisfactionWeighted).toBe(97.5);
  });

  it('no participants: the weighted mean falls back to the plain one; nothing valid: null', () => {
    expect(totals([unit('甲', 'valid', 1, 0, 80), unit('乙', 'valid', 1, 0, 90)]).satisfactionWeighted).toBe(85);
    expect(totals([unit('丁', 'missing')])).toMatchObject({ unitsReporting: 0, satisfactionMean: null, satisfactionWeighted: null });
  });
});

describe('汇总 and 填报内容 columns come from the form definition', () => {
  it('填报内容: every field but 年度 and 举办县区, in form order, after 单位, 状态 and 计入合计', () => {
    const cols = contentColumns();
    expect(cols.slice(0, 3).map((c) => c.role)).toEqual(['unit', 'status', 'included']);
    expect(cols.slice(3).map((c) => c.field!.id)).toEqual(FIELDS.filter((f) => f.kind !== 'year' && f.id !== 'district').map((f) => f.id));
  });
  it('汇总: the figures and short facts, in form order', () => {
    const cols = summaryColumns();
    expect(cols.slice(3).map((c) => c.field!.kind)).toEqual(
      FIELDS.filter((f) => ['count', 'percent', 'dateRange', 'contacts'].includes(f.kind) || f.id === 'department').map((f) => f.kind),
    );
  });
});

describe('merged texts', () => {
  it("joins a unit's lines into one run, adding 「；」 only where a line has no punctuation", () => {
    expect(oneParagraph('开幕式；\n社区大讲堂 12 场\n  \n读书会。')).toBe('开幕式；社区大讲堂 12 场；读书会。');
  });
  it('short texts on one line, long texts a paragraph per unit', () => {
    const e = [
      { unit: '东湖区', text: '区教体局。' },
      { unit: '西湖区', text: '区政府' },
    ];
    expect(mergeTexts(e, false)).toBe('东湖区：区教体局；西湖区：区政府');
    expect(mergeTexts(e, true)).toBe('东湖区：区教体局。\n西湖区：区政府。');
  });
});

describe('row heights', () => {
  it('counts wrapped lines (a CJK character is two columns) and paragraphs', () => {
    expect(wrappedLines('一二三四五', 11)).toBe(1);
    expect(wrappedLines('一二三四五六', 11)).toBe(2);
    expect(wrappedLines('a\nb\nc', 10)).toBe(3);
    expect(rowHeight(1)).toBeUndefined();
    expect(rowHeight(4)).toBeGreaterThanOrEqual(60);
    expect(rowHeight(1000)).toBe(409);
  });
});
