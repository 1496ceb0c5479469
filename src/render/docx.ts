/**
 * The 统计表 as a Word document (docx 9.x), filled or blank (issue 3, items 2–4).
 *
 * Layout follows GB/T 9704-2012 as offices apply it to an annex (rendering.md, "Layout conventions"):
 * A4, margins 37/35/28/26 mm, 「附件」 in 3号黑体 flush left, the title in 2号小标宋 centred, the table in
 * 小四仿宋, page numbers 「— 1 —」 in 4号宋体 at the outer edge (odd pages right, even pages left).
 *
 * Pitfalls met here (rendering.md, "DOCX"):
 * - every paragraph gives `spacing.line` with `lineRule: AUTO`; without it LibreOffice treats the
 *   value as exact and clips CJK glyphs;
 * - fonts are set for `eastAsia` explicitly with `w:lang eastAsia="zh-CN"`, in paragraph styles, so
 *   text a clerk types later into an empty cell keeps the cell's size;
 * - docx stamps `new Date()` into docProps/core.xml and the zip entries: both are rewritten from the
 *   data so identical input gives identical bytes (docx-package.ts).
 */
import type { Campaign } from '../campaign/campaign.js';
import type { Submission } from '../form/schema.js';
import { EMBED_NAMESPACE, EMBED_PROPERTY, chunk, encodeEmbedded } from './embedded.js';
import { documentParts, finishPackage } from './docx-package.js';
import { LABEL_COLUMNS_TWIPS, buildModel, documentDate, documentInfo, type FormModel, type FormRow } from './model.js';

/** 1 mm in twentieths of a point. */
const MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * MM);

/** GB/T 9704-2012 §5.2.1: A4 210 × 297 mm. */
export const PAGE = { width: twips(210), height: twips(297) } as const;
/** GB/T 9704-2012 §5.2.2 as applied by offices: top 37, bottom 35, left 28, right 26 mm. */
export const MARGIN = { top: twips(37), bottom: twips(35), left: twips(28), right: twips(26) } as const;
/** The type area is 156 mm wide (GB/T 9704 §5.2.2). */
const TYPE_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/**
 * Column widths. The first column needs ≥ 1,900 twips or 「活动参与情况」 wraps badly (rendering.md);
 * the item labels take 12 characters of 小四 (「出席活动（开幕式）的领导」 on one line); the value column
 * gets the rest (~15 characters).
 */
export const COLUMNS = [...LABEL_COLUMNS_TWIPS, TYPE_WIDTH - LABEL_COLUMNS_TWIPS[0] - LABEL_COLUMNS_TWIPS[1]] as const;

/** Font sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt. */
const SIZE = { title: 44, annex: 32, stamp: 28, table: 24, footnote: 28, page: 28 } as const;

/** Font names as offices have them; a reader without them substitutes, which is the reader's business. */
const FONT = { body: '仿宋_GB2312', heading: '黑体', title: '方正小标宋简体', page: '宋体', latin: 'Times New Roman' } as const;

/** Style ids, in English; their display names are Chinese so a clerk recognises them in Word. */
export const STYLE = {
  annex: 'LwAnnex',
  title: 'LwTitle',
  stamp: 'LwStamp',
  group: 'LwCellGroup',
  label: 'LwCellLabel',
  value: 'LwCellValue',
  footnote: 'LwFootnote',
  page: 'LwPageNumber',
} as const;

/** The stamp line's blank on a template: ideographic spaces, underlined, as offices draw it. */
const BLANK_DEPARTMENT = '\u3000'.repeat(12);

/** Values longer than this may split across pages instead of jumping whole to the next one. */
const SPLITTABLE_CHARS = 300;

export async function renderDocx(
  data: Submission | null,
  campaign: Campaign,
  opts: { department?: string } = {},
): Promise<Uint8Array> {
  const docx = await import('docx');
  const model = buildModel(data, campaign, opts);
  const date = documentDate(data, campaign);
  const doc = buildDocument(docx, model, campaign, data);
  const day = data?.content.period.end ?? campaign.deadline;
  return finishPackage(await documentParts(docx, doc), data, date, day);
}

type Docx = typeof import('docx');

function font(docx: Docx, eastAsia: string, latin: string = FONT.latin) {
  void docx;
  return { ascii: latin, hAnsi: latin, eastAsia, cs: latin };
}

function buildDocument(docx: Docx, model: FormModel, campaign: Campaign, data: Submission | null) {
  const {
    AlignmentType,
    Document,
    Footer,
    HeightRule,
    LineRuleType,
    PageNumber,
    Paragraph,
    Table,
    TableCell,
    TableLayoutType,
    TableRow,
    TextRun,
    VerticalAlignTable,
    WidthType,
    BorderStyle,
  } = docx;
  const info = documentInfo(model, campaign);
  const lang = { value: 'en-US', eastAsia: 'zh-CN' };
  const single = { line: 240, lineRule: LineRuleType.AUTO };
  // Single spacing in cells: with Noto's tall line box (1.44 em) in LibreOffice, 1.15 pushed the blank
  // template's footnote onto a second page.
  const cellLine = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 };

  const para = (style: string, text: string, extra: Record<string, unknown> = {}) =>
    new Paragraph({ style, children: text === '' ? [] : [new TextRun(text)], ...extra });

  // Inner line breaks of a value become paragraphs (form.md: "they become paragraphs in DOCX").
  const valueParagraphs = (row: FormRow, keepNext: boolean) =>
    row.text.split('\n').map((line) => para(STYLE.value, line, { keepNext }));

  const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
  // 0.8 cm: room to write by hand on a blank template, which still fits on one page.
  const minRow = { value: 454, rule: HeightRule.ATLEAST };

  const rows = model.rows.map((row) => {
    const long = row.text.length > SPLITTABLE_CHARS;
    // Keep a group with its label: every row but the group's last keeps with the next one, unless the
    // group holds a very long value (then Word could not honour it anyway, and would push a half-empty
    // page).
    const groupRows = row.group ? model.rows.filter((r) => r.group?.key === row.group!.key) : [];
    const groupLong = groupRows.some((r) => r.text.length > SPLITTABLE_CHARS);
    const keepNext = !!row.group && row.group.index < row.group.size - 1 && !groupLong;
    const cells: InstanceType<typeof TableCell>[] = [];
    if (row.group && row.group.index === 0)
      cells.push(
        new TableCell({
          rowSpan: row.group.size,
          verticalAlign: VerticalAlignTable.CENTER,
          children: [para(STYLE.group, row.group.label, { keepNext })],
        }),
      );
    cells.push(
      new TableCell({
        ...(row.group ? {} : { columnSpan: 2 }),
        verticalAlign: VerticalAlignTable.CENTER,
        children: [para(STYLE.label, row.field.label, { keepNext })],
      }),
      new TableCell({ verticalAlign: VerticalAlignTable.CENTER, children: valueParagraphs(row, keepNext) }),
    );
    // A blank template leaves room to write paragraphs by hand (model.ts, BLANK_LONG_TEXT_LINES).
    const height = row.text === '' && row.blankLines > 1 ? { value: Math.round(row.blankLines * 12 * 20 * 1.45), rule: HeightRule.ATLEAST } : minRow;
    return new TableRow({ children: cells, height, cantSplit: !long });
  });

  const table = new Table({
    rows,
    width: { size: TYPE_WIDTH, type: WidthType.DXA },
    columnWidths: [...COLUMNS],
    layout: TableLayoutType.FIXED,
    margins: { left: 108, right: 108, top: 45, bottom: 45 },
    borders,
  });

  const stamp = new Paragraph({
    style: STYLE.stamp,
    children: [
      new TextRun(model.stampLine),
      model.department === ''
        ? new TextRun({ text: BLANK_DEPARTMENT, underline: {} })
        : new TextRun(model.department),
    ],
  });

  // GB/T 9704 §7.5: 「— 1 —」, odd pages at the right, even pages at the left, one character in.
  const pageFooter = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType], indent: 'left' | 'right') =>
    new Footer({
      children: [
        new Paragraph({
          style: STYLE.page,
          alignment,
          indent: { [indent]: 280 },
          children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
        }),
      ],
    });

  const customProperties = [
    { name: EMBED_PROPERTY, value: 'submission/1' },
    ...(data ? chunk(encodeEmbedded(data)).map((value, i) => ({ name: `${EMBED_PROPERTY}.${i + 1}`, value })) : []),
  ];

  const pStyle = (
    id: string,
    name: string,
    size: number,
    eastAsia: string,
    paragraph: Record<string, unknown>,
    run: Record<string, unknown> = {},
  ) => ({
    id,
    name,
    basedOn: 'Normal',
    next: id,
    quickFormat: true,
    run: { font: font(docx, eastAsia), size, language: lang, ...run },
    paragraph,
  });

  return new Document({
    creator: info.creator,
    lastModifiedBy: info.creator,
    title: info.title,
    subject: info.subject,
    keywords: info.keywords.join('; '),
    description: `${EMBED_PROPERTY} ${EMBED_NAMESPACE}`,
    revision: 1,
    customProperties,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(docx, FONT.body), size: SIZE.table, language: lang },
          paragraph: { spacing: single },
        },
      },
      paragraphStyles: [
        pStyle(STYLE.annex, '附件标识', SIZE.annex, FONT.heading, { spacing: { ...single, after: 240 } }),
        pStyle(STYLE.title, '表格标题', SIZE.title, FONT.title, {
          alignment: AlignmentType.CENTER,
          spacing: { ...single, after: 240 },
        }),
        pStyle(STYLE.stamp, '盖章单位行', SIZE.stamp, FONT.body, { spacing: { ...single, after: 120 } }),
        pStyle(STYLE.group, '表格分组', SIZE.table, FONT.body, { alignment: AlignmentType.CENTER, spacing: cellLine }),
        pStyle(STYLE.label, '表格项目', SIZE.table, FONT.body, { alignment: AlignmentType.CENTER, spacing: cellLine }),
        pStyle(STYLE.value, '表格内容', SIZE.table, FONT.body, { alignment: AlignmentType.LEFT, spacing: cellLine }),
        pStyle(STYLE.footnote, '表格附注', SIZE.footnote, FONT.body, { spacing: { ...single, before: 120 } }),
        pStyle(STYLE.page, '页码', SIZE.page, FONT.page, { spacing: single }),
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            // Footer distance: the page number's top sits 7 mm below the type area (GB/T 9704 §7.5).
            margin: { ...MARGIN, header: twips(15), footer: twips(22) },
          },
        },
        footers: { default: pageFooter(AlignmentType.RIGHT, 'right'), even: pageFooter(AlignmentType.LEFT, 'left') },
        children: [
          para(STYLE.annex, model.annexLabel),
          para(STYLE.title, model.title),
          stamp,
          table,
          para(STYLE.footnote, model.footnote),
        ],
      },
    ],
  });
}

