/**
 * Legacy `.doc` reader on the Word 97 files LibreOffice made in fixtures/office/
 * (scripts/make-office-fixtures.mjs), through the one matcher and the one validation; the
 * word-extractor text → grid step on its own; damaged OLE files (a circular sector chain aborts Node
 * inside word-extractor, so it must never get there); LibreOffice conversion where `soffice` exists.
 */
import { describe, expect, it } from 'vitest';
import { NANCHANG_2023 } from '../../src/campaign/campaign.js';
import { emptyRaw } from '../../src/core/problem.js';
import { convertWithSoffice, docTextToForm, findSoffice, oleStructureOk, readDocForm } from '../../src/read/doc.js';
import { docxRaw, readDocxContent } from '../../src/read/docx.js';
import { matchGrid, type FormDocument } from '../../src/read/grid.js';
import { validateRaw } from '../../src/validate/validate.js';
import { readFixture } from '../helpers.js';

const office = (name: string) => new Uint8Array(readFixture('office', name));

async function read(bytes: Uint8Array) {
  const r = await readDocForm(bytes);
  if (!r.ok) throw new Error(`expected ok, got ${r.kind}: ${JSON.stringify(r.raw.problems)}`);
  return r.doc;
}

function validate(doc: FormDocument) {
  const raw = emptyRaw();
  matchGrid(doc, raw);
  return validateRaw(raw, NANCHANG_2023);
}

const codes = (problems: Array<{ code: string; severity: string; field?: string }>) =>
  problems.map((p) => `${p.severity} ${p.code} ${p.field ?? ''}`.trim());

const DONGHU = {
  year: 2023,
  department: '东湖区教育体育局',
  district: '东湖区',
  contacts: [
    { name: '张敏', phone: '0791-86771234' },
    { name: '李 翾', phone: '13907912345' },
  ],
  organizers: '主办：东湖区教育体育局；协办：东湖区社区教育学院、东湖区图书馆',
  leadership: {
    documentIssuer: '东湖区教育体育局',
    openingLeaders: '区政府副区长、区教体局局长',
    coordinator: '东湖区社区教育学院',
    planMaker: '东湖区教育体育局职成教科',
  },
  participation: {
    activityCount: 36,
    participantCount: 12000,
    featuredActivities: '“书香东湖”亲子共读、老年智能手机课堂、百姓学习之星故事会',
  },
  content: {
    theme: '让学习成为一种生活方式',
    description: '开幕式暨百姓学习之星分享会；\n社区大讲堂 12 场，内容涵盖健康养生、反诈宣传、家庭教育；\n老年智能手机课堂 8 期。',
    outcomes: '营造了全民终身学习的浓厚氛围，社区居民参与热情明显提高。',
    period: { start: '2023-11-15', end: '2023-11-21' },
  },
  reach: { scope: '全区 10 个街道、35 个社区及 6 家企业', satisfaction: 98, selfAssessment: '组织有力，覆盖面广，成效明显。' },
  publicity: { scope: '区融媒体中心、“东湖发布”微信公众号', textReports: '8 篇', mediaReports: '3 条视频、120 张照片' },
  other: '无',
};

const XIHU = {
  year: 2023,
  department: '西湖区教育体育局',
  district: '西湖区',
  contacts: [{ name: '王芳', phone: '13807910001' }],
  organizers: '西湖区教育体育局',
  leadership: {
    documentIssuer: '西湖区教育体育局',
    openingLeaders: '区委常委、宣传部部长',
    coordinator: '西湖区社区学院',
    planMaker: '西湖区教育体育局',
  },
  participation: { activityCount: 24, participantCount: 3000, featuredActivities: '社区读书节' },
  content: {
    theme: '让学习成为一种生活方式',
    description: '读书节、讲座、展演',
    outcomes: '群众参与度高',
    period: { start: '2023-11-16', end: '2023-11-20' },
  },
  reach: { scope: '全区 8 个街道', satisfaction: 96, selfAssessment: '良好' },
  publicity: { scope: '西湖区融媒体中心', textReports: '5 篇', mediaReports: '无' },
};

describe('word-form.doc: the city form filled in by hand (东湖区)', () => {
  it('rebuilds the table: title and stamp line as paragraphs, merged-down group cells continued', async () => {
    const doc = await read(office('word-form.doc'));
    expect(doc.paragraphs.map((p) => p.text)).toEqual([
      '附件',
      '2023 年全民终身学习活动开展情况统计表',
      '教育行政部门（盖章）：东湖区教育体育局',
      '详细的活动情况总结、活动照片、活动录像请另附。',
    ]);
    expect(doc.tables).toHaveLength(1);
    const rows = doc.tables[0]!.rows;
    expect(rows).toHaveLength(21);
    // A row spanning both label columns has two cells; a group row three.
    expect(rows[0]!.map((c) => c.text)).toEqual(['举办县区', '东湖区']);
    expect(rows[3]!.map((c) => c.text)).toEqual(['组织领导', '下发活动文件的部门', '东湖区教育体育局']);
    expect(rows[4]![0]).toEqual({ text: '组织领导', col: 0, span: 1, continued: true });
    // Paragraphs inside a cell keep their breaks; 「“”」 are not rewritten to ASCII.
    expect(rows[11]![2]!.text).toBe(
      '开幕式暨百姓学习之星分享会；\n社区大讲堂 12 场，内容涵盖健康养生、反诈宣传、家庭教育；\n老年智能手机课堂 8 期。',
    );
    expect(rows[9]![2]!.text).toContain('“书香东湖”');
  });

  it('matches and validates to the expected data, without problems', async () => {
    const v = validate(await read(office('word-form.doc')));
    expect(codes(v.problems)).toEqual([]);
    expect(v.data).toMatchObject(DONGHU);
  });

  it('gives the same data as the .docx LibreOffice made of the same form', async () => {
    const docx = await readDocxContent(office('word-form.docx'));
    if (!docx.ok) throw new Error(docx.kind);
    const fromDocx = validateRaw(docxRaw(docx.content), NANCHANG_2023);
    const fromDoc = validate(await read(office('word-form.doc')));
    expect(fromDoc.data).toEqual(fromDocx.data);
  });
});

describe('word-variants.doc: retyped in WPS (西湖区)', () => {
  it('header row, blank rows, half-width brackets, 「标签：值」 cells; the shortened label 「参加人数」 is guessed, with a warning', async () => {
    const v = validate(await read(office('word-variants.doc')));
    expect(codes(v.problems)).toEqual([
      'warning grid.labelGuessed participation.participantCount',
      'warning count.approximate participation.participantCount',
    ]);
    expect(v.problems[0]!.loc).toEqual({ line: 11, column: 2, in: '表格' });
    expect(v.data).toMatchObject(XIHU);
    expect(v.data).not.toHaveProperty('other');
  });

  it('gives the same data and problems as its .docx', async () => {
    const docx = await readDocxContent(office('word-variants.docx'));
    if (!docx.ok) throw new Error(docx.kind);
    const fromDocx = validateRaw(docxRaw(docx.content), NANCHANG_2023);
    const fromDoc = validate(await read(office('word-variants.doc')));
    expect(fromDoc.data).toEqual(fromDocx.data);
    expect(codes(fromDoc.problems)).toEqual(codes(fromDocx.problems));
  });
});

describe('word-extractor text → grid', () => {
  it('cells end with \\t, rows with \\t\\n; a first cell of several paragraphs; text after the table', () => {
    const doc = docTextToForm('标题\n举办县区\t东湖区\t\n活动\n内容\t第一段\n第二段\t\n\t\t\n脚注\n');
    expect(doc.paragraphs.map((p) => p.text)).toEqual(['标题', '脚注']);
    expect(doc.tables[0]!.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['举办县区', '东湖区'],
      ['活动\n内容', '第一段\n第二段'],
      ['', ''],
    ]);
    expect(doc.tables[0]!.locOf(1, 1)).toEqual({ line: 2, column: 2, in: '表格' });
  });

  it('two tables apart are numbered; an empty first cell continues the one above only in a row of the same shape', () => {
    // Only the first line after a table is ambiguous (the first paragraph of a cell in the next row?);
    // a line that a paragraph follows is a paragraph, and it ends the table.
    const doc = docTextToForm('组织领导\t具体协调部门\t甲\t\n\t制定活动方案部门\t乙\t\n\t丙\t\n中间\n说明\n其他\t无\t\n');
    expect(doc.paragraphs.map((p) => p.text)).toEqual(['中间', '说明']);
    expect(doc.tables).toHaveLength(2);
    expect(doc.tables[0]!.rows[1]![0]).toMatchObject({ text: '组织领导', continued: true });
    expect(doc.tables[0]!.rows[2]![0]).toEqual({ text: '', col: 0, span: 1 });
    expect(doc.tables[1]!.locOf(0, 0)).toEqual({ line: 1, column: 1, in: '表格2' });
    expect(docTextToForm('')).toEqual({ paragraphs: [], tables: [] });
  });
});

describe('damaged and wrong bytes', () => {
  /** word-form.doc with two FAT entries pointing at each other: a → b → a. */
  function circular(): Uint8Array {
    const bytes = office('word-form.doc');
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const secSize = 1 << dv.getUint16(0x1e, true);
    const fatSector = dv.getInt32(0x4c, true);
    const at = (fatSector + 1) * secSize;
    dv.setInt32(at + 4 * 10, 11, true);
    dv.setInt32(at + 4 * 11, 10, true);
    return bytes;
  }

  it('a circular sector chain is refused before word-extractor (which would abort the process)', async () => {
    expect(oleStructureOk(office('word-form.doc'))).toBe(true);
    expect(oleStructureOk(circular())).toBe(false);
    const r = await readDocForm(circular());
    expect(r).toMatchObject({ ok: false, kind: 'unreadable' });
  });

  it.each([
    ['garbage', new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251))],
    ['empty', new Uint8Array()],
    ['OLE magic only', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)])],
    ['truncated', office('word-form.doc').slice(0, 5000)],
    ['a .docx renamed (not handed to word-extractor, whose own unzip has no limits)', office('word-form.docx')],
    ['a zip bomb renamed', new Uint8Array(readFixture('inbox-parts', 'bomb.docx'))],
  ])('%s → unreadable, never a throw', async (_, bytes) => {
    const r = await readDocForm(bytes);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.kind).toBe('unreadable');
    expect(r.raw.problems.map((p) => p.code)).toEqual(['file.corrupt']);
  });

  it('random damage to a real file: every outcome is a result, quickly', async () => {
    const base = office('word-variants.doc');
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const start = performance.now();
    for (let k = 0; k < 300; k++) {
      const bytes = base.slice();
      for (let i = 0; i < 1 + Math.floor(rnd() * 16); i++)
        bytes[Math.floor(rnd() * (k % 2 ? bytes.length : 2048))] = Math.floor(rnd() * 256);
      const r = await readDocForm(bytes);
      expect(typeof r.ok).toBe('boolean');
    }
    expect(performance.now() - start).toBeLessThan(20_000);
  });
});

describe('LibreOffice conversion', () => {
  const soffice = findSoffice();

  it('without soffice (or with a broken one) → null', async () => {
    expect(findSoffice('/nonexistent')).toBeUndefined();
    expect(await convertWithSoffice(office('word-form.doc'), 'doc', 'docx', { soffice: '/nonexistent/soffice' })).toBeNull();
  });

  it.skipIf(!soffice)('.doc → .docx with soffice: the DOCX reader then gives the same data [needs soffice on PATH]', async () => {
    const start = performance.now();
    const docx = await convertWithSoffice(office('word-form.doc'), 'doc', 'docx');
    const ms = performance.now() - start;
    expect(docx).not.toBeNull();
    const read = await readDocxContent(docx!);
    if (!read.ok) throw new Error(read.kind);
    const v = validateRaw(docxRaw(read.content), NANCHANG_2023);
    expect(codes(v.problems)).toEqual([]);
    expect(v.data).toMatchObject(DONGHU);
    expect(ms).toBeLessThan(30_000);
  });

  it.skipIf(!soffice)('a run past its timeout is killed and gives null [needs soffice on PATH]', async () => {
    const start = performance.now();
    expect(await convertWithSoffice(office('word-form.doc'), 'doc', 'docx', { timeoutMs: 50 })).toBeNull();
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});
