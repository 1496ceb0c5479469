import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { NANCHANG_2023 } from '../../src/campaign/campaign.js';
import { FIELDS, FURNITURE, GROUPS, getPath } from '../../src/form/definition.js';
import { displayValue } from '../../src/form/display.js';
import { renderDocx } from '../../src/render/docx.js';
import { readOwnDocx } from '../../src/render/read-own.js';
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
import { submission } from './arbitrary.js';
import { DONGHU, QINGSHANHU, withLongDescription } from './samples.js';
import { fontconfigWithPackageFont, needs, tmp } from './tools.js';

const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);
const rowFields = FIELDS.filter((f) => f.placement === 'row');

/** The table rows as arrays of <w:tc> XML. */
function tableCells(xml: string): string[][] {
  const tbl = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(xml)![0];
  return [...tbl.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) => [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => c[1]!));
}
const cellText = (tc: string) => [...tc.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('renderDocx', () => {
  it('has the notice’s merged structure and every label character-exact', async () => {
    const xml = documentXml(await renderDocx(DONGHU, NANCHANG_2023));
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

  it('sets East Asian fonts, zh-CN and lineRule auto in styles (rendering.md)', async () => {
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
    const form = docxToForm(parseXml(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${xml}</w:document>`).documentElement);
    expect(form.paragraphs[0]!.text).toBe('教育行政部门（盖章）：东湖区教育体育局');
    expect(form.tables[0]!.rows[0]!.map((c) => c.text)).toEqual(['举办县区', '东湖区']);
  });

  it('blank template: every label, empty values, the department when given', async () => {
    const own = (await readOwnDocx(await renderDocx(null, NANCHANG_2023, { department: '湾里管理局教体办' })))!;
    expect(own.embedded).toBeNull();
    expect(own.department).toBe('湾里管理局教体办');
    expect([...own.table.keys()]).toEqual(rowFields.map((f) => f.id));
    expect([...own.table.values()].every((v) => v === '')).toBe(true);
    const blank = (await readOwnDocx(await renderDocx(null, NANCHANG_2023)))!;
    expect(blank.department).toBeUndefined();
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
        (readFileSync(join(dir, name)).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages('东湖区.pdf')).toBeGreaterThanOrEqual(1);
      expect(pages('东湖区.pdf')).toBeLessThanOrEqual(2);
      expect(pages('模板.pdf')).toBeGreaterThanOrEqual(1);
      expect(pages('模板.pdf')).toBeLessThanOrEqual(2);
    },
    180_000,
  );
});
