/**
 * The city's Word form as Word, WPS and LibreOffice really write it (docs/inbox.md, "What arrives, and how each kind is read"): split runs,
 * proofing marks and bookmarks, content controls, tracked changes, full-width spaces and half-width
 * brackets in labels, multi-paragraph cells, merged cells, extra blank rows. Built as document.xml
 * here so every variant is explicit, then read through the same reader `validate` uses.
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { NANCHANG_2023 } from '../../src/campaign/campaign.js';
import { readerFor } from '../../src/read/index.js';
import { validateRaw } from '../../src/validate/validate.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const run = (text: string) => `<w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
/** A paragraph whose text is split into several runs with Word's proofing and bookmark marks between. */
const para = (...pieces: string[]) =>
  `<w:p>${pieces.map((p, i) => (i % 2 ? `<w:proofErr w:type="spellStart"/>${run(p)}<w:bookmarkStart w:id="${i}" w:name="_GoBack"/><w:bookmarkEnd w:id="${i}"/>` : run(p))).join('')}</w:p>`;
const tc = (content: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${content}</w:tc>`;
const span2 = '<w:gridSpan w:val="2"/>';
const restart = '<w:vMerge w:val="restart"/>';
const cont = '<w:vMerge/>';
const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const single = (label: string, value: string) => row(tc(para(label), span2), tc(value));
const grouped = (group: string | null, label: string, value: string) =>
  row(group ? tc(para(group), restart) : tc('<w:p/>', cont), tc(para(label)), tc(value));

const rows = [
  single('举办　县区', para('东湖', '区')),
  // A content control around a whole row, and a tracked change inside the value.
  `<w:sdt><w:sdtPr><w:alias w:val="联系人"/></w:sdtPr><w:sdtContent>${single(
    '联系人及电话',
    `<w:p>${run('张敏 ')}<w:del w:id="1" w:author="a"><w:r><w:delText>0791-00000000</w:delText></w:r></w:del><w:ins w:id="2" w:author="a">${run('0791-86771234')}</w:ins></w:p>`,
  )}</w:sdtContent></w:sdt>`,
  single('主办单位及协办单位', para('主办：东湖区教育体育局；', '协办：东湖区社区教育学院')),
  row(tc('<w:p/>', span2), tc('<w:p/>')), // an extra blank row
  grouped('组织领导', '下发活动文件的部门', para('东湖区教育体育局')),
  grouped(null, '出席活动(开幕式)的领导', para('区政府副区长')),
  grouped(null, '具体协调部门', `<w:sdt><w:sdtContent>${para('东湖区社区教育学院')}</w:sdtContent></w:sdt>`),
  grouped(null, '制定活动方案部门', para('东湖区教育体育局职成教科')),
  grouped('活动参与情况', '全区参与活动的数量', para('３６')),
  grouped(null, '参加活动人数', para('1.2', '万人次')),
  grouped(null, '有特色的活动', para('「书香东湖」亲子共读')),
  grouped('活动主题与内容', '活动主题', para('让学习成为一种生活方式')),
  grouped(null, '活动内容', para('开幕式暨分享会；') + para('社区大讲堂 12 场；') + '<w:p/>'),
  grouped(null, '活动成效', para('营造了浓厚氛围。')),
  grouped(null, '活动时间', para('2023年11月15日', '至11月21日')),
  grouped('活动的群众性', '活动范围', para('全区 10 个街道')),
  grouped(null, '群众满意度', para('98％')),
  grouped(null, '自我评价', para('组织有力。')),
  grouped('宣传报道', '宣传范围', para('区融媒体中心')),
  grouped(null, '文字报道', para('8 篇')),
  grouped(null, '影像图片报道', para('无')),
  single('其他', '<w:p/>'),
];

const tbl = (content: string) =>
  `<w:tbl><w:tblGrid><w:gridCol w:w="1960"/><w:gridCol w:w="3120"/><w:gridCol w:w="3820"/></w:tblGrid>${content}</w:tbl>`;
/** The form around the given tables (and whatever stands between them). */
const documentOf = (tables: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}"><w:body>
${para('附件')}${para('2023 年全民终身学习活动', '开展情况统计表')}${para('教育行政部门（盖章）：', '东湖区教育体育局')}
${tables}
${para('详细的活动情况总结、活动照片、活动录像请另附。')}
</w:body></w:document>`;
const documentXml = documentOf(tbl(rows.join('')));

const docx = zipSync({
  '[Content_Types].xml': new TextEncoder().encode(
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  ),
  'word/document.xml': new TextEncoder().encode(documentXml),
});

describe('a Word form filled in Word, with Word’s markup', () => {
  it('reads every value, valid, with nothing left over', async () => {
    const outcome = await readerFor('东湖区统计表.docx')!.read(docx, '东湖区统计表.docx');
    expect(outcome.kind).toBe('submission');
    if (outcome.kind !== 'submission') return;
    const r = validateRaw(outcome.raw, NANCHANG_2023);
    expect(r.problems.map((p) => p.code)).toEqual([]);
    expect(r.data).toMatchObject({
      year: 2023,
      department: '东湖区教育体育局',
      district: '东湖区',
      contacts: [{ name: '张敏', phone: '0791-86771234' }],
      organizers: '主办：东湖区教育体育局；协办：东湖区社区教育学院',
      leadership: { openingLeaders: '区政府副区长', coordinator: '东湖区社区教育学院' },
      participation: { activityCount: 36, participantCount: 12000 },
      content: { description: '开幕式暨分享会；\n社区大讲堂 12 场；', period: { start: '2023-11-15', end: '2023-11-21' } },
      reach: { scope: '全区 10 个街道', satisfaction: 98 },
    });
    expect(r.data).not.toHaveProperty('other');
  });

  /** Read a document.xml through the reader `validate` uses; the codes of its problems and its data. */
  async function read(xml: string) {
    const outcome = await readerFor('a.docx')!.read(zipSync({ 'word/document.xml': new TextEncoder().encode(xml) }), 'a.docx');
    if (outcome.kind !== 'submission') throw new Error(outcome.kind);
    const r = validateRaw(outcome.raw, NANCHANG_2023);
    return { codes: r.problems.map((p) => `${p.code}${p.field ? `@${p.field}` : ''}`), data: r.data };
  }
  const whole = () => read(documentXml);
  const at = (label: string) => rows.findIndex((r) => r.includes(`>${label}<`));

  it('the notice’s own layout: the table breaks between 活动参与情况 and 活动主题与内容 (附件), and both parts are read', async () => {
    const cut = at('活动主题与内容');
    // As the annex lays it out: a blank line between the two parts.
    const split = await read(documentOf(tbl(rows.slice(0, cut).join('')) + para('') + tbl(rows.slice(cut).join(''))));
    expect(split.codes).toEqual([]);
    expect(split.data).toEqual((await whole()).data);
  });

  it('a table split inside a group (Word’s 拆分表格): the rows under the empty merged cell keep their group', async () => {
    // The second part begins with the continuation of 组织领导's merged cell, now without its origin.
    const cut = at('具体协调部门');
    const split = await read(documentOf(tbl(rows.slice(0, cut).join('')) + tbl(rows.slice(cut).join(''))));
    expect(split.codes).toEqual([]);
    expect(split.data).toEqual((await whole()).data);
  });

  it('a second copy of the form (another unit’s, pasted below) is not mixed in: the first is read', async () => {
    const other = rows.join('').replace('东湖', '西湖').replace('区政府副区长', '区长');
    const twice = await read(documentOf(tbl(rows.join('')) + para('') + tbl(other)));
    expect(twice.codes).toEqual([]);
    expect(twice.data).toEqual((await whole()).data);
  });

  it('a row continued on the next page, 「活动内容（续）」 under 「活动主题与内容（续）」, is joined to its first part', async () => {
    const cut = at('活动成效');
    const rest = [grouped('活动主题与内容（续）', '活动内容（续）', para('老年智能手机课堂 8 期。')), ...rows.slice(cut)];
    const split = await read(documentOf(tbl(rows.slice(0, cut).join('')) + para('（续表）') + tbl(rest.join(''))));
    expect(split.codes).toEqual([]);
    // A clerk's table has no mark for a paragraph that goes on: the rest starts a new one.
    expect(split.data).toMatchObject({ content: { description: '开幕式暨分享会；\n社区大讲堂 12 场；\n老年智能手机课堂 8 期。' } });
  });

  it('the stamp line may go on with a date: only the department is taken', async () => {
    const dated = documentXml.replace(
      para('教育行政部门（盖章）：', '东湖区教育体育局'),
      para('教育行政部门（盖章）：', '东湖区教育体育局　　　填报日期：2023年11月28日'),
    );
    expect(dated).toContain('填报日期');
    const outcome = await readerFor('a.docx')!.read(zipSync({ 'word/document.xml': new TextEncoder().encode(dated) }), 'a.docx');
    if (outcome.kind !== 'submission') throw new Error(outcome.kind);
    expect(validateRaw(outcome.raw, NANCHANG_2023).data.department).toBe('东湖区教育体育局');
  });

  it.each([
    ['宣传的范围', ['grid.labelGuessed@publicity.scope']],
    ['宣传的渠道和范围说明', ['grid.unknownLabel', 'required@publicity.scope']],
  ])('a label typed as 「%s」 is guessed or reported, never dropped', async (label, codes) => {
    const odd = documentXml.replace('宣传范围', label);
    const bytes = zipSync({ 'word/document.xml': new TextEncoder().encode(odd) });
    const outcome = await readerFor('a.docx')!.read(bytes, 'a.docx');
    if (outcome.kind !== 'submission') throw new Error(outcome.kind);
    const got = validateRaw(outcome.raw, NANCHANG_2023).problems.map((p) => `${p.code}${p.field ? `@${p.field}` : ''}`);
    expect(got).toEqual(codes);
  });

  it('a Word document with no form table is not a submission; a 工作方案 is its piece', async () => {
    const plan = zipSync({
      'word/document.xml': new TextEncoder().encode(
        `<w:document xmlns:w="${W}"><w:body>${para('东湖区2023年全民终身学习活动周工作方案')}${para('一、指导思想')}</w:body></w:document>`,
      ),
    });
    expect(await readerFor('a.docx')!.read(plan, '材料.docx')).toMatchObject({ kind: 'attachment', attachment: 'workPlan' });
    const note = zipSync({
      'word/document.xml': new TextEncoder().encode(`<w:document xmlns:w="${W}"><w:body>${para('请查收')}</w:body></w:document>`),
    });
    expect(await readerFor('a.docx')!.read(note, '说明.docx')).toMatchObject({ kind: 'not-a-submission' });
  });
});
