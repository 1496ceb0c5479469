/**
 * XLSX reader on the spreadsheets LibreOffice made in fixtures/office/ (scripts/make-office-fixtures.mjs),
 * through the one matcher and the one validation; hostile and broken bytes; hand-made parts that
 * LibreOffice never writes (inline strings, formula strings, 1904 dates, DOCTYPE).
 */
import { zipSync, strToU8 } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { NANCHANG_2023 } from '../../src/campaign/campaign.js';
import { emptyRaw } from '../../src/core/problem.js';
import { matchGrid, type FormDocument } from '../../src/read/grid.js';
import { numberText, parseRef, readXlsxForm, serialDate } from '../../src/read/xlsx.js';
import { validateRaw } from '../../src/validate/validate.js';
import { readFixture } from '../helpers.js';

const office = (name: string) => new Uint8Array(readFixture('office', name));

async function read(bytes: Uint8Array) {
  const r = await readXlsxForm(bytes);
  if (!r.ok) throw new Error(`expected ok, got ${r.kind}: ${JSON.stringify(r.raw.problems)}`);
  return r;
}

function validate(doc: FormDocument) {
  const raw = emptyRaw();
  matchGrid(doc, raw);
  return validateRaw(raw, NANCHANG_2023);
}

const codes = (problems: Array<{ code: string; severity: string; field?: string }>) =>
  problems.map((p) => `${p.severity} ${p.code} ${p.field ?? ''}`.trim());

/** Cell text by sheet row number (1-based) and column letter, as a person would point at it. */
function cellAt(doc: FormDocument, sheet: number, ref: string) {
  const table = doc.tables[sheet]!;
  const at = parseRef(ref)!;
  for (let r = 0; r < table.rows.length; r++) {
    if (table.locOf(r, 0).line !== at.row + 1) continue;
    return table.rows[r]!.find((c) => c.col === at.col);
  }
  return undefined;
}

describe('sheet-form.xlsx: the form retyped in a spreadsheet (青山湖区)', () => {
  it('reads every sheet, the hidden one too, with merges, cached formula values and formats', async () => {
    const { doc, sheetNames } = await read(office('sheet-form.xlsx'));
    expect(sheetNames).toEqual(['统计表', '明细']);
    expect(doc.tables).toHaveLength(2);
    // Title merged A1:C1; the group cell merged A6:A9 continues into rows 7–9 with its text.
    expect(cellAt(doc, 0, 'A1')).toMatchObject({ text: '2023年全民终身学习活动开展情况统计表', col: 0, span: 3 });
    expect(cellAt(doc, 0, 'A3')).toMatchObject({ text: '举办县区', span: 2 });
    expect(cellAt(doc, 0, 'A6')).toMatchObject({ text: '组织领导', span: 1 });
    expect(cellAt(doc, 0, 'A6')?.continued).toBeUndefined();
    expect(cellAt(doc, 0, 'A7')).toMatchObject({ text: '组织领导', continued: true });
    // =SUM(明细!B2:B3): the cached value, never evaluated.
    expect(cellAt(doc, 0, 'C11')?.text).toBe('4200');
    expect(cellAt(doc, 0, 'C10')?.text).toBe('42');
    // 0.98 in a 0% cell shows as 98%.
    expect(cellAt(doc, 0, 'C18')?.text).toBe('98%');
    expect(cellAt(doc, 0, 'C14')?.text).toBe('开幕式；\n读书会 6 场');
    expect(doc.tables[0]!.locOf(17, 2)).toEqual({ line: 18, column: 3, in: '工作表「统计表」' });
    // Rows' text is offered as paragraphs too (title, stamp line), the form's sheet first.
    expect(doc.paragraphs[0]).toMatchObject({ text: '2023年全民终身学习活动开展情况统计表', loc: { line: 1, in: '工作表「统计表」' } });
    expect(doc.paragraphs[1]!.text).toBe('教育行政部门（盖章）：青山湖区教育体育局');
  });

  it('matches and validates to the expected data, without problems', async () => {
    const { doc } = await read(office('sheet-form.xlsx'));
    const v = validate(doc);
    expect(codes(v.problems)).toEqual([]);
    expect(v.data).toMatchObject({
      year: 2023,
      department: '青山湖区教育体育局',
      district: '青山湖区',
      contacts: [{ name: '刘洋', phone: '0791-88501234' }],
      organizers: '青山湖区教育体育局、青山湖区社区学院',
      leadership: {
        documentIssuer: '青山湖区教育体育局',
        openingLeaders: '副区长',
        coordinator: '青山湖区社区学院',
        planMaker: '青山湖区教育体育局',
      },
      participation: { activityCount: 42, participantCount: 4200, featuredActivities: '湖畔读书会' },
      content: {
        theme: '让学习成为一种生活方式',
        description: '开幕式；\n读书会 6 场',
        outcomes: '参与广泛',
        period: { start: '2023-11-15', end: '2023-11-21' },
      },
      reach: { scope: '全区 9 个街道', satisfaction: 98, selfAssessment: '较好' },
      publicity: { scope: '区融媒体中心', textReports: '6 篇', mediaReports: '无' },
      other: '无',
    });
  });

  it('agrees with read-excel-file on every value it reads (strings, numbers, cached formulas)', async () => {
    const bytes = office('sheet-form.xlsx');
    const { doc } = await read(bytes);
    const sheets = await readXlsxFile(Buffer.from(bytes));
    let compared = 0;
    sheets.forEach((sheet, s) =>
      sheet.data.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value === null) return;
          const ours = doc.tables[s]!.rows.find((_, i) => doc.tables[s]!.locOf(i, 0).line === r + 1)?.find(
            (cell) => cell.col === c && !cell.continued,
          );
          const expected = typeof value === 'number' ? [numberText(value), `${numberText(value * 100)}%`] : [String(value)];
          expect(expected, `${sheet.sheet} row ${r + 1} col ${c + 1}`).toContain(ours?.text);
          compared++;
        }),
      ),
    );
    expect(compared).toBe(56);
  });
});

describe('sheet-variants.xlsx: WPS-style retyping (新建区)', () => {
  it('reads a header row, blank rows, group rows, inline 「标签：值」, a date cell, a bare 0.98 and a hidden draft sheet', async () => {
    const { doc, sheetNames } = await read(office('sheet-variants.xlsx'));
    expect(sheetNames).toEqual(['说明', 'Sheet1', '草稿']);
    expect(cellAt(doc, 1, 'B22')?.text).toBe('2023-11-18');
    expect(cellAt(doc, 1, 'B25')?.text).toBe('0.98');
    // Rich text runs joined.
    expect(cellAt(doc, 1, 'A19')?.text).toBe('活动主题');
    const v = validate(doc);
    expect(codes(v.problems)).toEqual(['warning percent.fraction reach.satisfaction']);
    expect(v.problems[0]!.loc).toEqual({ line: 25, column: 2, in: '工作表「Sheet1」' });
    expect(v.data).toMatchObject({
      year: 2023,
      department: '新建区教育体育局',
      district: '新建区',
      contacts: [{ name: '赵磊', phone: '13607910002' }],
      leadership: { openingLeaders: '区政府领导' },
      // Not the hidden draft's 999.
      participation: { activityCount: 28, participantCount: 12000, featuredActivities: '乡村学堂' },
      content: { theme: '让学习成为一种生活方式', period: { start: '2023-11-18', end: '2023-11-18' } },
      reach: { scope: '全区 15 个乡镇', satisfaction: 98 },
      publicity: { scope: '新建区电视台', textReports: '3 篇', mediaReports: '20 张照片' },
      other: '无',
    });
  });
});

describe('hostile and broken bytes', () => {
  it('a zip bomb renamed .xlsx is refused as unsafe, quickly', async () => {
    const start = performance.now();
    const r = await readXlsxForm(new Uint8Array(readFixture('inbox-parts', 'bomb.docx')));
    expect(performance.now() - start).toBeLessThan(1500);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.kind).toBe('unsafe');
    expect(r.raw.problems.map((p) => p.code)).toEqual(['file.zipBomb']);
  });

  it.each([
    ['garbage', new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251))],
    ['empty', new Uint8Array()],
    ['a .doc renamed', office('word-form.doc')],
    ['a .docx renamed', office('word-form.docx')],
    ['truncated', office('sheet-form.xlsx').slice(0, 3000)],
    ['a zip of other things', new Uint8Array(readFixture('inbox-parts', 'gbk-names.zip'))],
  ])('%s → unreadable, never a throw', async (_, bytes) => {
    const r = await readXlsxForm(bytes);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.kind).toBe('unreadable');
    expect(r.raw.problems.map((p) => p.code)).toEqual(['file.corrupt']);
  });
});

// ---------------------------------------------------------------- hand-made parts
const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
function handMade(sheetData: string, opts: { workbookPr?: string; doctype?: boolean; styles?: string; merges?: string } = {}) {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?>${opts.doctype ? '<!DOCTYPE x [<!ENTITY a "aaaa">]>' : ''}<workbook ${NS}>${opts.workbookPr ?? ''}<sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
    'xl/styles.xml': strToU8(`<?xml version="1.0"?><styleSheet ${NS}>${opts.styles ?? ''}</styleSheet>`),
    'xl/worksheets/data.xml': strToU8(
      `<?xml version="1.0"?><worksheet ${NS}><sheetData>${sheetData}</sheetData>${opts.merges ?? ''}</worksheet>`,
    ),
  });
}

describe('parts LibreOffice does not write', () => {
  it('inline strings (plain and rich), formula strings, booleans, errors, _xHHHH_ escapes, cells without r', async () => {
    const bytes = handMade(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>举办县区</t></is></c><c r="B1" t="inlineStr"><is><r><t>东</t></r><r><t>湖区</t></r><rPh><t>とう</t></rPh></is></c></row>' +
        '<row><c t="inlineStr"><is><t>活动内容</t></is></c><c t="str"><f>A1&amp;"x"</f><v>第一行_x000D_\n第二行</v></c></row>' +
        '<row r="5"><c r="A5" t="b"><v>1</v></c><c r="C5" t="e"><v>#DIV/0!</v></c><c r="D5"><v>0.30000000000000004</v></c></row>',
    );
    const { doc, sheetNames } = await read(bytes);
    expect(sheetNames).toEqual(['数据']);
    const rows = doc.tables[0]!.rows.map((row) => row.map((c) => `${c.col}:${c.text}`));
    expect(rows).toEqual([
      ['0:举办县区', '1:东湖区'],
      ['0:活动内容', '1:第一行\n第二行'],
      ['0:TRUE', '2:#DIV/0!', '3:0.3'],
    ]);
    expect(doc.tables[0]!.locOf(2, 3)).toEqual({ line: 5, column: 4, in: '工作表「数据」' });
  });

  it('date formats: built-in zh-CN ids and custom codes, in the 1900 and 1904 systems; percent with decimals', async () => {
    const styles =
      '<numFmts count="2"><numFmt numFmtId="170" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="171" formatCode="0.0%"/></numFmts>' +
      '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="170"/><xf numFmtId="171"/><xf numFmtId="31"/></cellXfs>';
    const row =
      '<row r="1"><c r="A1" s="1"><v>45248</v></c><c r="B1" s="2"><v>45248.5</v></c><c r="C1" s="3"><v>0.985</v></c><c r="D1" s="4"><v>45248</v></c><c r="E1"><v>45248</v></c></row>';
    const texts = async (workbookPr?: string) =>
      (await read(handMade(row, { styles, ...(workbookPr ? { workbookPr } : {}) }))).doc.tables[0]!.rows[0]!.map((c) => c.text);
    expect(await texts()).toEqual(['2023-11-18', '2023-11-18', '98.5%', '2023-11-18', '45248']);
    expect(await texts('<workbookPr date1904="1"/>')).toEqual(['2027-11-19', '2027-11-19', '98.5%', '2027-11-19', '45248']);
  });

  it('a merge down to the last row creates nothing beyond the rows that hold content', async () => {
    const bytes = handMade(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>组织领导</t></is></c></row><row r="2"><c r="B2" t="inlineStr"><is><t>具体协调部门</t></is></c></row>',
      {
        merges: '<mergeCells count="1"><mergeCell ref="A1:A1048576"/></mergeCells>',
      },
    );
    const { doc } = await read(bytes);
    expect(doc.tables[0]!.rows).toEqual([
      [{ text: '组织领导', col: 0, span: 1 }],
      [
        { text: '组织领导', col: 0, span: 1, continued: true },
        { text: '具体协调部门', col: 1, span: 1 },
      ],
    ]);
  });

  it('a DOCTYPE in any part → unsafe', async () => {
    const r = await readXlsxForm(handMade('', { doctype: true }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.kind).toBe('unsafe');
    expect(r.raw.problems.map((p) => p.code)).toEqual(['file.unsafeXml']);
  });
});

describe('number text', () => {
  it.each([
    [36, '36'],
    [0.98, '0.98'],
    [0.1 + 0.2, '0.3'],
    [12000, '12000'],
    [1e21, '1e+21'],
    [-2.5, '-2.5'],
  ])('%s → %s', (n, text) => expect(numberText(n)).toBe(text));
  it('serials', () => {
    expect(serialDate(45248)).toBe('2023-11-18');
    expect(serialDate(1)).toBe('1900-01-01');
    expect(serialDate(61)).toBe('1900-03-01');
    expect(serialDate(0, true)).toBe('1904-01-01');
    expect(serialDate(-1)).toBeUndefined();
  });
});
