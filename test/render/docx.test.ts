import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { NANCHANG_2023 } from '../../src/campaign/campaign.js';
import { FIELDS, FURNITURE, GROUPS, getPath } from '../../src/form/definition.js';
import { displayValue } from '../../src/form/display.js';
import { autospaceGaps, renderDocx } from '../../src/render/docx.js';
import { readOwnDocx } from '../../src/read/own.js';
import { docxRaw, readDocxContent } from '../../src/read/docx.js';
import { docxToForm } from '../../src/read/docx-grid.js';
import { parseXml } from '../../src/read/xml.js';

/** What `validate` takes from a DOCX: raw values (typed where the copy agrees with the table) and the stale fields. */
async function docxValues(bytes: Uint8Array): Promise<{ values: Map<string, unknown>; stale: string[] }> {
  const read = await readDocxContent(bytes);
  if (!read.ok) throw new Error('unreadable docx');
  const raw = docxRaw(read.content);
  return {
    values: new Map([...raw.entries].map(([id, e]) => [id, e.value])),
    stale: raw.problems.filter((p) => p.code === 'own.staleCopy').map((p) => p.field!),
  };
}
import type { Submission } from '../../src/form/schema.js';
import { submission } from './arbitrary.js';
import { DONGHU, KEPT_WHOLE, ONE_PAGE, QINGSHANHU, withLongDescription } from './samples.js';
import { fontconfigWithPackageFont, needs, pageFill, tmp } from './tools.js';

const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);
const rowFields = FIELDS.filter((f) => f.placement === 'row');

/** The document's tables, in order, as XML (ours are never nested). */
const tablesOf = (xml: string) => [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
/** A table's rows as arrays of <w:tc> XML. */
const rowsOf = (tbl: string) =>
  [...tbl.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) => [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => c[1]!));
/** The first table's rows as arrays of <w:tc> XML. */
const tableCells = (xml: string) => rowsOf(tablesOf(xml)[0]!);
const cellText = (tc: string) => [...tc.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const stylesOf = (xml: string) => [...xml.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map((m) => m[1]!);

describe('renderDocx', () => {
  it('has the notice’s merged structure and every label character-exact', async () => {
    // A form that fits on page 1 is one table, as the notice's annex draws it.
    const xml = documentXml(await renderDocx(ONE_PAGE, NANCHANG_2023));
    expect(tablesOf(xml)).toHaveLength(1);
    expect(xml).not.toContain(FURNITURE.continuedTable);
    const rows = tableCells(xml);
    expect(rows).toHaveLength(rowFields.length);
    rows.forEach((cells, i) => {
      const field = rowFields[i]!;
      if (!field.group) {
        // Single rows: the label spans both label columns.
        expect(cells).toHaveLength(2);
        expect(cells[0]).toContain('<w:gridSpan w:val="2"/>');
        expect(cellText(cells[0]!)).toBe(field.label);
        return;
      }
      expect(cells).toHaveLength(3);
      const group = GROUPS.find((g) => g.key === field.group!.key)!;
      if (group.fields[0]!.id === field.id) {
        expect(cells[0]).toMatch(/<w:vMerge w:val="restart"\/>/);
        expect(cellText(cells[0]!)).toBe(group.label);
      } else {
        expect(cells[0]).toMatch(/<w:vMerge(?: w:val="continue")?\/>/);
        expect(cellText(cells[0]!)).toBe('');
      }
      expect(cellText(cells[1]!)).toBe(field.label);
    });
    expect(xml).toContain(`>${FURNITURE.annexLabel}<`);
    expect(xml).toContain(`>${FURNITURE.title(2023)}<`);
    expect(xml).toContain(`>${FURNITURE.footnote}<`);
    expect(xml).toContain(`>${FURNITURE.stampLine}<`);
  });

  it('sets East Asian fonts, zh-CN and lineRule auto in styles (docs/rendering.md, "Pitfalls, measured")', async () => {
    const styles = strFromU8(unzipSync(await renderDocx(null, NANCHANG_2023))['word/styles.xml']!);
    expect(styles).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(styles).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    for (const m of styles.matchAll(/<w:spacing [^>]*\/>/g)) if (m[0].includes('w:line=')) expect(m[0]).toContain('w:lineRule="auto"');
    // Empty value cells carry the cell style, so text typed into them later keeps the cell's size.
    const xml = documentXml(await renderDocx(null, NANCHANG_2023));
    expect(xml.match(/<w:pStyle w:val="LwCellValue"\/>/g)).toHaveLength(rowFields.length);
  });

  it('gives identical bytes for identical input, whatever the time zone', async () => {
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const a = await renderDocx(DONGHU, NANCHANG_2023);
      process.env.TZ = 'America/Los_Angeles';
      const b = await renderDocx(DONGHU, NANCHANG_2023);
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    const core = strFromU8(unzipSync(await renderDocx(DONGHU, NANCHANG_2023))['docProps/core.xml']!);
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-11-20T16:00:00Z</dcterms:created>');
  });

  it.each([
    ['东湖区', DONGHU],
    ['青山湖区', QINGSHANHU],
    ['long 活动内容', withLongDescription()],
  ])('round trip: %s', async (_name, data) => {
    const bytes = await renderDocx(data, NANCHANG_2023);
    const own = (await readOwnDocx(bytes))!;
    expect(own.embedded).toEqual(data);
    expect(own.department).toBe(data.department);
    expect(own.year).toBe(2023);
    for (const f of rowFields) expect(own.table.get(f.id), f.id).toBe(displayValue(f, getPath(data, f.id)));
    const { values, stale } = await docxValues(bytes);
    expect(stale).toEqual([]);
    // An empty cell reads as '' (validation treats it as not given, like an absent optional field).
    for (const f of FIELDS) expect(values.get(f.id) === '' ? undefined : values.get(f.id), f.id).toEqual(getPath(data, f.id));
  });

  it('round trip on generated submissions (property)', async () => {
    await fc.assert(
      fc.asyncProperty(submission, async (data) => {
        const bytes = await renderDocx(data, NANCHANG_2023);
        const own = (await readOwnDocx(bytes))!;
        expect(own.embedded).toEqual(data);
        for (const f of rowFields) expect(own.table.get(f.id)).toBe(displayValue(f, getPath(data, f.id)));
        expect((await docxValues(bytes)).stale).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('the visible table wins over a stale embedded copy', async () => {
    const files = unzipSync(await renderDocx(DONGHU, NANCHANG_2023));
    // A clerk edits a cell in Word; the embedded copies keep the old value.
    files['word/document.xml'] = new TextEncoder().encode(
      strFromU8(files['word/document.xml']!).replace('>8 篇<', '>10 篇<').replace('>36<', '>40<'),
    );
    const { values, stale } = await docxValues(zipSync(files));
    expect(stale.sort()).toEqual(['participation.activityCount', 'publicity.textReports']);
    expect(values.get('publicity.textReports')).toBe('10 篇');
    expect(values.get('participation.activityCount')).toBe('40');
    expect(values.get('content.period')).toEqual(DONGHU.content.period);
  });

  it('reads Word’s way of splitting runs and tracked deletions', () => {
    const xml =
      '<w:body><w:p><w:r><w:t>教育行政部门（盖章）：</w:t></w:r><w:r><w:t xml:space="preserve">东湖区</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>教育体育局</w:t></w:r></w:p>' +
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>举办</w:t></w:r><w:r><w:t>县区</w:t></w:r></w:p></w:tc><w:tc><w:p><w:del><w:r><w:delText>西湖区</w:delText></w:r></w:del><w:r><w:t>东湖区</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body>';
    const form = docxToForm(
      parseXml(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${xml}</w:document>`).documentElement,
    );
    expect(form.paragraphs[0]!.text).toBe('教育行政部门（盖章）：东湖区教育体育局');
    expect(form.tables[0]!.rows[0]!.map((c) => c.text)).toEqual(['举办县区', '东湖区']);
  });

  it('blank template: every label, empty values, the department when given', async () => {
    const own = (await readOwnDocx(await renderDocx(null, NANCHANG_2023, { department: '湾里管理局教体办' })))!;
    expect(own.embedded).toBeNull();
    expect(own.department).toBe('湾里管理局教体办');
    expect([...own.table.keys()]).toEqual(rowFields.map((f) => f.id));
    // Empty but for the campaign's theme, which every template prints (and 举办县区 with --district).
    expect([...own.table].filter(([, v]) => v !== '')).toEqual([['content.theme', NANCHANG_2023.theme]]);
    const forUnit = (await readOwnDocx(await renderDocx(null, NANCHANG_2023, { department: '东湖区教育体育局', district: '东湖区' })))!;
    expect(forUnit.table.get('district')).toBe('东湖区');
    const blank = (await readOwnDocx(await renderDocx(null, NANCHANG_2023)))!;
    expect(blank.department).toBeUndefined();
    // Page 2 starts where the PDF template's does, with 「（续表）」.
    const xml = documentXml(await renderDocx(null, NANCHANG_2023));
    expect(tablesOf(xml)).toHaveLength(2);
    expect(xml).toContain('<w:pageBreakBefore/>');
    expect(xml).toContain(FURNITURE.continuedTable);
  });

  it('is not ours: a DOCX without our markers reads as null', async () => {
    const files = unzipSync(await renderDocx(null, NANCHANG_2023));
    delete files['docProps/custom.xml'];
    expect(await readOwnDocx(zipSync(files))).toBeNull();
    expect(await readOwnDocx(new TextEncoder().encode('not a zip'))).toBeNull();
  });

  it.skipIf(!needs('soffice', 'libreoffice-writer-nogui'))(
    'LibreOffice lays the sample and the blank template (with room to write paragraphs) out on at most 2 pages',
    async () => {
      const dir = tmp();
      const sample = join(dir, '东湖区.docx');
      const blank = join(dir, '模板.docx');
      writeFileSync(sample, await renderDocx(DONGHU, NANCHANG_2023));
      writeFileSync(blank, await renderDocx(null, NANCHANG_2023));
      execFileSync(
        'soffice',
        [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, sample, blank],
        { env: { ...process.env, FONTCONFIG_FILE: fontconfigWithPackageFont(dir) }, stdio: 'ignore', timeout: 120_000 },
      );
      const pages = (name: string) =>
        (
          readFileSync(join(dir, name))
            .toString('latin1')
            .match(/\/Type\s*\/Page[^s]/g) ?? []
        ).length;
      expect(pages('东湖区.pdf')).toBeGreaterThanOrEqual(1);
      expect(pages('东湖区.pdf')).toBeLessThanOrEqual(2);
      expect(pages('模板.pdf')).toBeGreaterThanOrEqual(1);
      expect(pages('模板.pdf')).toBeLessThanOrEqual(2);
    },
    180_000,
  );
});

/** A paragraph 「（续表）」 that starts a new page, alone between two tables. */
const CONTINUED_PARAGRAPH = new RegExp(
  `^<w:p><w:pPr><w:pStyle w:val="LwContinued"/>(?:<w:keepNext/>)?<w:pageBreakBefore/></w:pPr><w:r><w:t(?: [^>]*)?>${FURNITURE.continuedTable}</w:t></w:r></w:p>$`,
);

interface ReadRow {
  table: number;
  /** The group cell: its text where it starts a merge (or stands alone), '' where it continues one. */
  group?: { text: string; merge: 'restart' | 'continue' | 'none' };
  label: string;
  valueStyles: string[];
}

/** Every row of every table, as a reader sees the document. */
function readRows(xml: string): ReadRow[] {
  return tablesOf(xml).flatMap((tbl, table) =>
    rowsOf(tbl).map((cells) => {
      const [group, label, value] = cells.length === 3 ? cells : [undefined, cells[0]!, cells[1]!];
      return {
        table,
        ...(group
          ? {
              group: {
                text: cellText(group),
                merge: group.includes('w:vMerge w:val="restart"') ? 'restart' : group.includes('<w:vMerge') ? 'continue' : 'none',
              } as const,
            }
          : {}),
        label: cellText(label!),
        valueStyles: stylesOf(value!),
      };
    }),
  );
}

/**
 * What docs/rendering.md ("Pagination and 「（续表）」") promises of a table that runs onto more pages, checked on the DOCX's XML: every
 * table after the first follows a 「（续表）」 paragraph that starts a new page and has the first's
 * grid; a group's label heads its rows in every table, with 「（续）」 where the group began on an
 * earlier page, merged (restart/continue) over exactly its rows there; the rest of a split row says
 * 「（续）」; the rows are the form's, in order; no row may split.
 */
function expectContinuedTables(xml: string): ReadRow[] {
  const tables = tablesOf(xml);
  const between = xml.split(/<w:tbl>[\s\S]*?<\/w:tbl>/).slice(1, -1);
  for (const p of between) expect(p).toMatch(CONTINUED_PARAGRAPH);
  const grid = (t: string) => /<w:tblPr>[\s\S]*<\/w:tblGrid>/.exec(t)![0];
  for (const t of tables) expect(grid(t)).toBe(grid(tables[0]!));
  expect(xml.match(/<w:tr>/g)!.length).toBe(xml.match(/<w:cantSplit\/>/g)!.length);

  const rows = readRows(xml);
  const seenFields = new Set<string>();
  const seenGroups = new Map<string, number>(); // group key → first table
  let fieldAt = -1;
  rows.forEach((row, i) => {
    const continued = row.label.endsWith(FURNITURE.continuedLabel);
    const field = rowFields.find((f) => f.label === (continued ? row.label.slice(0, -FURNITURE.continuedLabel.length) : row.label))!;
    expect(field, row.label).toBeDefined();
    // In form order; the rest of a split row repeats its field, and only then says 「（续）」.
    const at = rowFields.indexOf(field);
    expect(at).toBe(continued ? fieldAt : fieldAt + 1);
    expect(continued).toBe(seenFields.has(field.id));
    fieldAt = at;
    seenFields.add(field.id);
    // Only the first paragraph of a split row's rest may go on from the page before.
    row.valueStyles.forEach((style, k) => expect(style).toBe(k === 0 && continued ? style : 'LwCellValue'));
    if (!field.group) return expect(row.group).toBeUndefined();
    const previous = rows[i - 1];
    const startsHere =
      !previous ||
      previous.table !== row.table ||
      !rowFields.find((f) => previous.label.startsWith(f.label) && f.group?.key === field.group!.key);
    if (startsHere) {
      const began = seenGroups.get(field.group.key);
      expect(row.group!.text).toBe(
        began !== undefined && began < row.table ? field.group.label + FURNITURE.continuedLabel : field.group.label,
      );
      let span = 1;
      while (rows[i + span]?.table === row.table && rows[i + span]!.group?.merge === 'continue') span++;
      expect(row.group!.merge).toBe(span > 1 ? 'restart' : 'none');
      if (began === undefined) seenGroups.set(field.group.key, row.table);
    } else expect(row.group).toEqual({ text: '', merge: 'continue' });
  });
  expect(fieldAt).toBe(rowFields.length - 1);
  return rows;
}

describe('a table that runs onto the next pages (docs/rendering.md, "Pagination and 「（续表）」")', () => {
  it('the sample: page 2 starts with 「（续表）」 and a table like the first, between two groups', async () => {
    const xml = documentXml(await renderDocx(DONGHU, NANCHANG_2023));
    expect(tablesOf(xml)).toHaveLength(2);
    const rows = expectContinuedTables(xml);
    // The break falls between groups: nothing needs 「（续）」.
    expect(xml).not.toContain(FURNITURE.continuedLabel);
    expect(rows.find((r) => r.table === 1)!.group).toEqual({ text: '活动的群众性', merge: 'restart' });
  });

  it('a group torn by the break repeats its label on the next page (青山湖区)', async () => {
    const xml = documentXml(await renderDocx(QINGSHANHU, NANCHANG_2023));
    const rows = expectContinuedTables(xml);
    expect(rows.some((r) => r.group?.text.endsWith(FURNITURE.continuedLabel))).toBe(true);
  });

  it('a 2,000-character 活动内容: split between lines, 「活动主题与内容（续）」 and 「活动内容（续）」 on every later page', async () => {
    const data = withLongDescription();
    const bytes = await renderDocx(data, NANCHANG_2023);
    const xml = documentXml(bytes);
    const tables = tablesOf(xml);
    expect(tables.length).toBeGreaterThanOrEqual(3);
    const rows = expectContinuedTables(xml);
    for (let t = 1; t < tables.length; t++) {
      const first = rows.find((r) => r.table === t)!;
      expect(first.group!.text).toBe('活动主题与内容（续）');
      expect(first.label).toBe('活动内容（续）');
    }
    // The last part shares its page with 活动成效 and 活动时间: the repeated label is merged over the three.
    const last = rows.filter((r) => r.table === tables.length - 1);
    expect(last.slice(0, 3).map((r) => [r.group!.merge, r.label])).toEqual([
      ['restart', '活动内容（续）'],
      ['continue', '活动成效'],
      ['continue', '活动时间'],
    ]);
    // This text is one long paragraph with a few breaks: its parts go on mid-paragraph.
    expect(rows.filter((r) => r.label === '活动内容（续）').some((r) => r.valueStyles[0] === 'LwCellValueCont')).toBe(true);
    const own = (await readOwnDocx(bytes))!;
    expect(own.table.get('content.description')).toBe(data.content.description);
    const { values, stale } = await docxValues(bytes);
    expect(stale).toEqual([]);
    expect(values.get('content.description')).toBe(data.content.description);
  });

  it('a value of many short paragraphs splits between paragraphs, and reads back with every line break', async () => {
    const lines = Array.from({ length: 160 }, (_, i) => `第${i + 1}场：社区大讲堂。`);
    const data = { ...DONGHU, content: { ...DONGHU.content, description: lines.join('\n') } };
    const bytes = await renderDocx(data, NANCHANG_2023);
    const rows = expectContinuedTables(documentXml(bytes));
    const parts = rows.filter((r) => r.label === '活动内容（续）');
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.every((r) => r.valueStyles[0] === 'LwCellValue')).toBe(true);
    expect((await readOwnDocx(bytes))!.table.get('content.description')).toBe(data.content.description);
    expect((await docxValues(bytes)).stale).toEqual([]);
  });

  it('values that read like labels stay values, on page 1 and on the pages after (「其他」｜「活动时间」)', async () => {
    // The sample runs onto page 2; 其他 and 自我评价 sit there, 活动成效 on page 1.
    const data: Submission = {
      ...DONGHU,
      content: { ...DONGHU.content, outcomes: '活动内容（详见工作总结）' },
      reach: { ...DONGHU.reach, selfAssessment: '活动成效（良好）' },
      other: '活动时间',
    };
    const bytes = await renderDocx(data, NANCHANG_2023);
    expect(expectContinuedTables(documentXml(bytes)).length).toBeGreaterThan(0);
    const own = (await readOwnDocx(bytes))!;
    for (const f of rowFields) expect(own.table.get(f.id), f.id).toBe(displayValue(f, getPath(data, f.id)));
    expect((await docxValues(bytes)).stale).toEqual([]);
  });

  it('counts the gaps Word leaves between CJK and Latin or digits where they meet, not inside a link', () => {
    // Inside: Wi-Fi|课, 堂|8, 8|期, 共|400, 400|人; and the leading 「W」 may follow CJK.
    expect(autospaceGaps('Wi-Fi课堂8期共400人')).toBe(6);
    // A word or number measured alone (as the line breaker does): CJK may stand on both sides.
    expect(autospaceGaps('https://mp.weixin.qq.com/s/AbCd')).toBe(2);
    expect(autospaceGaps('1200')).toBe(2);
    expect(autospaceGaps('（2023）')).toBe(2);
    expect(autospaceGaps('详见https://mp.weixin.qq.com/s/AbCd，')).toBe(2);
    expect(autospaceGaps('课堂 8 期')).toBe(0); // a typed space already separates them
    expect(autospaceGaps('社区教育')).toBe(0);
  });

  it('a long department wraps under itself: the stamp line hangs by the width of 「教育行政部门（盖章）：」', async () => {
    const xml = documentXml(await renderDocx({ ...DONGHU, department: '南昌经济技术开发区管理委员会社会事业发展局教育科' }, NANCHANG_2023));
    // 11 characters of 4号 (14 pt = 280 twips each).
    expect(xml).toMatch(/<w:pStyle w:val="LwStamp"\/><w:ind w:left="3080" w:hanging="3080"\/>/);
  });

  it('reads back after an office suite renamed the style ids (LibreOffice writes 「Style14」, keeps the name)', async () => {
    const data = withLongDescription();
    const files = unzipSync(await renderDocx(data, NANCHANG_2023));
    for (const part of ['word/document.xml', 'word/styles.xml'])
      files[part] = new TextEncoder().encode(strFromU8(files[part]!).replaceAll('"LwCellValueCont"', '"Style14"'));
    expect(strFromU8(files['word/document.xml']!)).toContain('<w:pStyle w:val="Style14"/>');
    const { values, stale } = await docxValues(zipSync(files));
    expect(stale).toEqual([]);
    expect(values.get('content.description')).toBe(data.content.description);
    // Without the name in styles.xml the mark is lost, and the table (the truth) differs from the copy.
    delete files['word/styles.xml'];
    expect((await docxValues(zipSync(files))).stale).toEqual(['content.description']);
  });

  it('breaks the line itself before a date or a name with its phone that the PDF moves whole, and reads such a break as nothing', async () => {
    const data = KEPT_WHOLE;
    const bytes = await renderDocx(data, NANCHANG_2023);
    const xml = documentXml(bytes);
    const layoutBreak = '<w:r><w:rPr><w:rStyle w:val="LwLayoutBreak"/></w:rPr><w:br/></w:r>';
    // Before each contact after the first (one a line, as the PDF prints them), and before 「（2023年11月16日」.
    expect(xml).toContain(`13907912345；</w:t></w:r>${layoutBreak}<w:r><w:t xml:space="preserve">王伟 0791`);
    expect(xml).toMatch(new RegExp(`${layoutBreak}<w:r><w:t xml:space="preserve">（2023年11月16日起`));
    const { values, stale } = await docxValues(bytes);
    expect(stale).toEqual([]);
    expect(values.get('contacts')).toEqual(data.contacts);
    expect(values.get('content.description')).toBe(data.content.description);
    // Found by name when an office suite renamed the id; a clerk's own line break (Shift+Enter) is still one.
    const files = unzipSync(bytes);
    for (const part of ['word/document.xml', 'word/styles.xml'])
      files[part] = new TextEncoder().encode(strFromU8(files[part]!).replaceAll('"LwLayoutBreak"', '"Style20"'));
    expect((await docxValues(zipSync(files))).values.get('content.description')).toBe(data.content.description);
    files['word/document.xml'] = new TextEncoder().encode(
      strFromU8(files['word/document.xml']!).replace('<w:rStyle w:val="Style20"/>', ''),
    );
    expect((await docxValues(zipSync(files))).stale).toContain('contacts');
  });

  it('round trip on generated submissions with long values (property): exact, no stale copy', async () => {
    // Paragraphs of up to 600 characters, some blank: values of several pages, split inside
    // paragraphs, between them, and next to a blank one.
    const paragraph = fc.oneof(
      {
        arbitrary: fc
          .array(fc.constantFrom(...'全民终身学习活动社区大讲堂书香东湖亲子共读，。、（）「」', ...'abcXYZ0123-./', ' '), {
            minLength: 1,
            maxLength: 600,
            size: 'max',
          })
          .map((cs) => cs.join('').trim()),
        weight: 4,
      },
      { arbitrary: fc.constant(''), weight: 1 },
    );
    const long = fc
      .array(paragraph, { minLength: 1, maxLength: 10, size: 'max' })
      .map((ps) =>
        ps
          .join('\n')
          .replace(/\n{3,}/g, '\n\n')
          .trim(),
      )
      .filter((t) => t !== '');
    const splits = { inside: 0, between: 0 };
    await fc.assert(
      fc.asyncProperty(submission, long, long, fc.option(long, { nil: undefined }), async (base, description, outcomes, other) => {
        const data = { ...base, content: { ...base.content, description, outcomes }, ...(other === undefined ? {} : { other }) };
        const bytes = await renderDocx(data, NANCHANG_2023);
        for (const row of expectContinuedTables(documentXml(bytes)))
          if (row.label.endsWith(FURNITURE.continuedLabel)) splits[row.valueStyles[0] === 'LwCellValueCont' ? 'inside' : 'between']++;
        const own = (await readOwnDocx(bytes))!;
        for (const f of rowFields) expect(own.table.get(f.id), f.id).toBe(displayValue(f, getPath(data, f.id)));
        expect((await docxValues(bytes)).stale).toEqual([]);
      }),
      {
        numRuns: 15,
        // One value of each kind whatever the seed: a long paragraph (split inside it) and many
        // one-line paragraphs (split between two of them).
        examples: [
          [DONGHU, '社区大讲堂走进街道，围绕健康养生开展专题讲座。'.repeat(60), '营造了氛围。', undefined],
          [DONGHU, Array.from({ length: 90 }, (_, i) => `社区大讲堂第 ${i + 1} 场`).join('\n'), '营造了氛围。', undefined],
        ],
      },
    );
    expect(splits.inside).toBeGreaterThan(0);
    expect(splits.between).toBeGreaterThan(0);
  });
});

describe.skipIf(!(needs('soffice', 'libreoffice-writer-nogui') && needs('pdftotext', 'poppler-utils')))(
  'as LibreOffice lays it out',
  () => {
    /** Convert with soffice (the package font made visible to it); returns the output paths by name. */
    function soffice(files: Record<string, Uint8Array>, to: string): Record<string, string> {
      const dir = tmp();
      const inputs = Object.entries(files).map(([name, bytes]) => {
        writeFileSync(join(dir, `${name}.docx`), bytes);
        return join(dir, `${name}.docx`);
      });
      execFileSync(
        'soffice',
        [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', to, '--outdir', join(dir, 'out'), ...inputs],
        {
          env: { ...process.env, FONTCONFIG_FILE: fontconfigWithPackageFont(dir) },
          stdio: 'ignore',
          timeout: 120_000,
        },
      );
      return Object.fromEntries(Object.keys(files).map((name) => [name, join(dir, 'out', `${name}.${to.split(':')[0]}`)]));
    }

    /** Each page's text in drawing order (`-raw`: a cell's lines stay together), whitespace removed. */
    const pagesOf = (pdf: string) =>
      execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
        .split('\f')
        .map((page) => page.replace(/\s+/g, ''))
        .filter((page) => page !== '');

    const latin = (n: number) => {
      let text = '';
      while (text.length < n) text += 'Wi-Fi课堂8期共400人，App下载1200次。' + (text.length % 5 === 0 ? '\n' : '');
      return text.slice(0, n).trim();
    };
    const cases: Record<string, Submission> = {
      long: withLongDescription(),
      donghu: DONGHU,
      qingshanhu: QINGSHANHU,
      // Word and LibreOffice space CJK from Latin and digits; the PDF's measure alone undercounted these lines.
      latin: { ...DONGHU, content: { ...DONGHU.content, description: latin(1500) } },
      // Page 1 full to within a point of one-line rows, where the DOCX's rows must be no taller than
      // the PDF's (Word's 0.8 cm rows and cell margins pushed the last one over).
      tight: withLongDescription(ONE_PAGE, 46),
      // A single row (spanning both label columns) split between pages: 「其他（续）」.
      other: { ...DONGHU, other: withLongDescription(DONGHU, 1800).content.description },
      // Links, dates and phone numbers: the office suites space them from CJK only where they meet it,
      // not at every 「.」「/」「-」 inside (counting it there broke pages far too early).
      links: {
        ...DONGHU,
        content: {
          ...DONGHU.content,
          description: Array.from(
            { length: 40 },
            (_, i) => `第${i + 1}场报道：https://mp.weixin.qq.com/s/AbCd${i}EfGh，2023-11-${15 + (i % 7)}，咨询0791-8677${1000 + i}。`,
          ).join(''),
        },
      },
      // A department too long for the stamp line: two lines there, so the table starts lower.
      department: { ...withLongDescription(), department: '南昌经济技术开发区管理委员会社会事业发展局教育科' },
      // Links longer than a line, cut character by character (the reviewer's case: 9 tables for 6 pages).
      urls: {
        ...DONGHU,
        content: {
          ...DONGHU.content,
          description: Array.from(
            { length: 24 },
            (_, i) =>
              `详见 https://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOpQrStUvWxYz${i}_abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ?from=timeline 编号 ${String(i).padStart(24, '7')}`,
          ).join('\n'),
        },
      },
    };

    it('every table on its own page: the next starts with 「（续表）」, and no page shows a group’s rows without its label', async () => {
      const docx = Object.fromEntries(
        await Promise.all(Object.entries(cases).map(async ([name, data]) => [name, await renderDocx(data, NANCHANG_2023)] as const)),
      );
      const pdfs = soffice(docx, 'pdf');
      for (const [name, data] of Object.entries(cases)) {
        const tables = tablesOf(documentXml(docx[name]!)).length;
        const pages = pagesOf(pdfs[name]!);
        // One page per table: Word's rows are no taller than the PDF's, so no row spilled over a break.
        expect(pages.length, name).toBe(tables);
        // And no page is broken far too early: every page but the last is filled to at least 75 % of
        // the type area (measured: 81–97 %). Breaks measured for Word stay a little on the safe side
        // (Latin in the PDF font's wider Latin), never at half a page (links did: review).
        pageFill(pdfs[name]!)
          .slice(0, -1)
          .forEach((fill, i) => expect(fill, `${name} page ${i + 1}`).toBeGreaterThan(0.75));
        if (process.env.LW_DEBUG_FILL)
          console.log(
            name,
            pageFill(pdfs[name]!)
              .map((f) => f.toFixed(2))
              .join(' '),
          );
        pages.slice(1).forEach((page, i) => expect(page.startsWith(FURNITURE.continuedTable), `${name} page ${i + 2}`).toBe(true));
        for (const page of pages)
          for (const group of GROUPS)
            if (group.fields.some((f) => page.includes(f.label.replace(/\s+/g, ''))))
              expect(page, `${name}: ${group.label}`).toContain(group.label);
        // Every character of every value is on some page, in order.
        const repeated = [...GROUPS.map((g) => g.label), ...rowFields.map((f) => f.label)].map((l) => l + FURNITURE.continuedLabel);
        const furniture = new RegExp(`—\\d+—|${FURNITURE.continuedTable}|${repeated.join('|')}`, 'g');
        const text = pages.join('').replace(furniture, '');
        for (const f of rowFields) expect(text, `${name}: ${f.id}`).toContain(displayValue(f, getPath(data, f.id)).replace(/\s+/g, ''));
      }
      const long = pagesOf(pdfs.long!);
      expect(long.length).toBeGreaterThanOrEqual(3);
      expect(long[1]).toMatch(/^（续表）活动主题与内容（续）活动内容（续）/);
      expect(pagesOf(pdfs.other!).at(-1)).toContain('其他（续）');
    }, 180_000);

    it('a DOCX saved again by LibreOffice reads back exactly (style ids renamed, names kept)', async () => {
      const data = withLongDescription(KEPT_WHOLE);
      const kept = KEPT_WHOLE;
      const saved = soffice(
        { long: await renderDocx(data, NANCHANG_2023), kept: await renderDocx(kept, NANCHANG_2023) },
        'docx:MS Word 2007 XML',
      );
      const bytes = readFileSync(saved.long!);
      expect(strFromU8(unzipSync(bytes)['word/document.xml']!)).not.toContain('LwCellValueCont');
      const { values, stale } = await docxValues(bytes);
      expect(stale).toEqual([]);
      expect(values.get('content.description')).toBe(data.content.description);
      // The layout breaks come back as LibreOffice's own line breaks in a run of the renamed style.
      const again = readFileSync(saved.kept!);
      expect(strFromU8(unzipSync(again)['word/styles.xml']!)).toContain('排版换行');
      const keptBack = await docxValues(again);
      expect(keptBack.stale).toEqual([]);
      expect(keptBack.values.get('contacts')).toEqual(kept.contacts);
      expect(keptBack.values.get('content.description')).toBe(kept.content.description);
    }, 180_000);
  },
);
