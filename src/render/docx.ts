/**
 * The 统计表 as a Word document (docx 9.x), filled or blank.
 *
 * Layout follows GB/T 9704-2012 as offices apply it to an annex (docs/rendering.md, "Page and type"):
 * A4, margins 37/35/28/26 mm, 「附件」 in 3号黑体 flush left, the title in 2号小标宋 centred, the table in
 * 小四仿宋, page numbers 「— 1 —」 in 4号宋体 at the outer edge (odd pages right, even pages left).
 *
 * Pitfalls met here (docs/rendering.md, "Pitfalls, measured"):
 * - every paragraph gives `spacing.line` with `lineRule: AUTO`; without it LibreOffice treats the
 *   value as exact and clips CJK glyphs;
 * - fonts are set for `eastAsia` explicitly with `w:lang eastAsia="zh-CN"`, in paragraph styles, so
 *   text a clerk types later into an empty cell keeps the cell's size;
 * - docx stamps `new Date()` into docProps/core.xml and the zip entries: both are rewritten from the
 *   data so identical input gives identical bytes (docx-package.ts);
 * - `keepNext` does not keep a group with its label in LibreOffice (it ignores it in tables), and no
 *   office suite repeats a merged label on the next page: a filled form that runs onto more pages is
 *   split here, one table per page at the PDF's breaks, each after 「（续表）」 with the group label
 *   repeated (docs/rendering.md, "Pagination and 「（续表）」"; `tablePlan`).
 */
import type { Campaign } from '../campaign/campaign.js';
import type { Submission } from '../form/schema.js';
import { CONTINUED_VALUE_STYLE, EMBED_NAMESPACE, LAYOUT_BREAK_STYLE, EMBED_PROPERTY, chunk, encodeEmbedded } from '../form/embedded.js';
import { documentParts, finishPackage, type FontEntry } from './docx-package.js';
import { loadFont, textWidth } from './fonts.js';
import { LABEL_COLUMNS_TWIPS, buildModel, documentDate, documentInfo, type FormModel, type FormRow } from './model.js';
import { keptWholeBreaks } from './layout.js';
import {
  CONT_LABEL,
  CONTINUED,
  MIN_ROW,
  SIZE as PDF_SIZE,
  pageOne,
  paginate,
  printable,
  valueLines,
  valueParts,
  type Measure,
  type Placed,
} from './paginate.js';

/** One full-width character at a size in half-points, in twips (an em: size / 2 pt × 20). */
const twipsPerChar = (halfPoints: number) => halfPoints * 10;

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
 * Column widths: the two label columns as narrow as their labels allow on one line (model.ts
 * LABEL_COLUMNS_TWIPS, docs/rendering.md, "The table"); the value column gets the rest (~19 characters of 小四).
 */
export const COLUMNS = [...LABEL_COLUMNS_TWIPS, TYPE_WIDTH - LABEL_COLUMNS_TWIPS[0] - LABEL_COLUMNS_TWIPS[1]] as const;

/** Font sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt. */
const SIZE = { title: 44, annex: 32, stamp: 28, table: 24, footnote: 28, page: 28 } as const;

/**
 * Font roles as offices set an annex (GB/T 9704): title 小标宋, 「附件」 黑体, body 仿宋, page number 宋体.
 * The PDF draws the same roles with the closest free faces (fonts.ts: Noto Serif SC bold for the
 * title, Noto Sans SC for 「附件」, Noto Serif SC for the body). Each name carries the font a standard
 * Chinese Windows or WPS has (fontTable, docx-package.ts) — 方正小标宋简体 → 宋体, 仿宋_GB2312 → 仿宋,
 * 黑体 → SimHei — and the PANOSE class of that font, from which Word picks the nearest installed face
 * when neither name is there.
 */
const FONT = { body: '仿宋_GB2312', heading: '黑体', title: '方正小标宋简体', page: '宋体', latin: 'Times New Roman' } as const;
/** PANOSE of 宋体 (SimSun), and of 黑体 (SimHei) and 仿宋 (FangSong), which share it; Times New Roman. */
const PANOSE = { song: '02010600030101010101', hei: '02010609060101010101', latin: '02020603050405020304' } as const;
export const FONT_TABLE: readonly FontEntry[] = [
  { name: FONT.title, altName: '宋体', panose: PANOSE.song, family: 'auto', pitch: 'variable' },
  { name: FONT.heading, altName: 'SimHei', panose: PANOSE.hei, family: 'modern', pitch: 'fixed' },
  { name: FONT.body, altName: '仿宋', panose: PANOSE.hei, family: 'modern', pitch: 'fixed' },
  { name: FONT.page, altName: 'SimSun', panose: PANOSE.song, family: 'auto', pitch: 'variable' },
  { name: FONT.latin, altName: 'Times', panose: PANOSE.latin, family: 'roman', pitch: 'variable', charset: '00' },
];

/** Style ids, in English; their display names are Chinese so a clerk recognises them in Word. */
export const STYLE = {
  annex: 'LwAnnex',
  title: 'LwTitle',
  stamp: 'LwStamp',
  group: 'LwCellGroup',
  label: 'LwCellLabel',
  value: 'LwCellValue',
  /** A value paragraph that goes on with the previous table's last one (a value split between pages). */
  valueContinued: CONTINUED_VALUE_STYLE.id,
  /** A line break the DOCX makes to keep a date or a phone whole: layout, not text (withLayoutBreaks). */
  layoutBreak: LAYOUT_BREAK_STYLE.id,
  /** 「（续表）」 above a table continued on a new page. */
  continued: 'LwContinued',
  footnote: 'LwFootnote',
  page: 'LwPageNumber',
} as const;

/** The stamp line's blank on a template: ideographic spaces, underlined, as offices draw it. */
const BLANK_DEPARTMENT = '\u3000'.repeat(12);

export async function renderDocx(
  data: Submission | null,
  campaign: Campaign,
  opts: { department?: string; district?: string; notes?: readonly string[] } = {},
): Promise<Uint8Array> {
  const model = buildModel(data, campaign, opts);
  // A blank template breaks where the PDF template does, its page 2 starting with 「（续表）」 like
  // the PDF's: the two are printed side by side and filled by pen.
  const [docx, { pages, measure }] = await Promise.all([import('docx'), tablePages(model)]);
  const tables = withLayoutBreaks(tablePlan(model, pages), measure);
  const date = documentDate(data, campaign);
  const doc = buildDocument(docx, model, campaign, data, tables);
  const day = data?.content.period.end ?? campaign.deadline;
  return finishPackage(await documentParts(docx, doc), data, date, day, FONT_TABLE);
}

type Docx = typeof import('docx');

// ---------------------------------------------------------------------------------------------
// Where the table breaks between pages

/**
 * One row of one of the DOCX's tables: a form row, or the part of it that falls on this page.
 * A table that runs onto more pages splits between rows, repeats a group's label on the next page and
 * says it continues (docs/rendering.md, "Pagination and 「（续表）」"). Word and LibreOffice break a table where they
 * like (LibreOffice ignores keepNext in tables, so a group's rows landed on page 2 under an empty
 * merged cell); so the DOCX breaks it itself, at the rows where the PDF breaks its pages.
 */
interface PlannedRow {
  readonly row: FormRow;
  /** The value's paragraphs in this table (the whole value unless the row is split between pages). */
  readonly paragraphs: string[];
  /** The first paragraph goes on with the previous table's last one (style LwCellValueCont). */
  readonly joinsPrevious: boolean;
  /** The rest of a row split between pages: its label says 「（续）」, as in the PDF. */
  readonly continuation: boolean;
  /** Per paragraph, where the DOCX breaks the line itself (`withLayoutBreaks`). */
  readonly breaks?: readonly (readonly number[])[];
}

/** The whole form as one table: a blank template, or a form that fits on the first page. */
function wholeTable(model: FormModel): PlannedRow[] {
  return model.rows.map((row) => ({ row, paragraphs: row.text.split('\n'), joinsPrevious: false, continuation: false }));
}

/**
 * Word and LibreOffice put about a quarter em between CJK and Latin letters or digits (ECMA-376
 * §17.3.1.2–3 autoSpaceDE/DN, on by default; LibreOffice does not even read the switch that turns it
 * off; measured in LibreOffice: 2.1–2.6 pt at 小四). The PDF sets none, and 「Wi-Fi课堂8期共400人」 took
 * LibreOffice a line more every few lines than the PDF's breaker counted, pushing rows over the break.
 * So the DOCX's pages are measured with that space wherever East Asian text meets Latin or digits.
 */
const AUTOSPACE_EM = 0.25;
/** Ideographs, kana and the CJK and full-width punctuation blocks: what the office suites space from Latin. */
const EAST_ASIAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{N}]/u;

/**
 * The autospace gaps `s` may take in a line: each place inside it where East Asian text meets Latin
 * or digits, plus each end that is a Latin letter or digit (the line breaker measures a word or a
 * number on its own, and CJK may stand beside it). Not at every 「.」「/」「-」 inside a link or a date
 * — counting each run of letters there broke pages far too early (review: 9 tables for 6 PDF pages).
 */
export function autospaceGaps(s: string): number {
  let gaps = 0;
  let previous: 'ea' | 'latin' | 'other' | undefined;
  for (const ch of s) {
    const kind = EAST_ASIAN.test(ch) ? 'ea' : LATIN_OR_DIGIT.test(ch) ? 'latin' : 'other';
    if (previous === undefined && kind === 'latin') gaps++;
    else if ((kind === 'ea' && previous === 'latin') || (kind === 'latin' && previous === 'ea')) gaps++;
    previous = kind;
  }
  if (previous === 'latin') gaps++;
  return gaps;
}

/**
 * The table's pages as the PDF lays them out (paginate.ts), with the PDF's font: 1.5 lines per line
 * of text, taller than the DOCX's single spacing, and the DOCX's rows and furniture are kept no
 * taller than the PDF's (minRow, cell margins, the title's spacing), so what a page holds here also
 * fits on that page in Word and LibreOffice; the explicit break only leaves white space at its foot.
 */
async function tablePages(model: FormModel): Promise<{ pages: Placed[][]; measure: Measure }> {
  const [regular, bold] = await Promise.all([loadFont('regular'), loadFont('bold')]);
  const { tableTop } = pageOne(
    model,
    (s) => textWidth(bold, s, PDF_SIZE.title),
    (s) => textWidth(regular, s, PDF_SIZE.stamp),
  );
  const autospace = AUTOSPACE_EM * PDF_SIZE.table;
  const measure = (s: string) => textWidth(regular, s, PDF_SIZE.table) + autospace * autospaceGaps(s);
  return { pages: paginate(model, measure, tableTop).map((page) => page.placed), measure };
}

/**
 * Where the DOCX breaks a value's line itself: where the PDF moved a date or a name with its phone
 * whole to the next line and an office suite would break inside it (layout.ts keptWholeBreaks;
 * LibreOffice 7.4 breaks 「2023年11月 / 15日」 across every joiner tried, and 「王伟 / 0791-86771234」
 * at the space: docs/rendering.md, "Line breaks in the DOCX"). Each paragraph is broken afresh from its
 * start, which gives the PDF's lines: a part of a split value starts at one of them, and greedy
 * breaking from a line start does not depend on what came before.
 */
function withLayoutBreaks(plan: PlannedRow[][], measure: Measure): PlannedRow[][] {
  return plan.map((rows) =>
    rows.map((p) => ({
      ...p,
      breaks: p.paragraphs.map((text) => (text === '' ? [] : keptWholeBreaks(printable(text), valueLines(text, measure)))),
    })),
  );
}

/** One table per page; a row the PDF splits between pages becomes a row in each table. */
function tablePlan(model: FormModel, pages: Placed[][]): PlannedRow[][] {
  if (pages.length <= 1) return [wholeTable(model)];
  const partsOf = new Map<FormRow, Placed[]>();
  for (const placed of pages.flat()) {
    const parts = partsOf.get(placed.m.row) ?? [];
    parts.push(placed);
    partsOf.set(placed.m.row, parts);
  }
  const textOf = new Map<Placed, { paragraphs: string[]; joinsPrevious: boolean }>();
  for (const [row, parts] of partsOf) {
    if (parts.length === 1) textOf.set(parts[0]!, { paragraphs: row.text.split('\n'), joinsPrevious: false });
    else
      valueParts(
        row.text,
        parts.map((p) => p.lines),
      ).forEach((part, i) => textOf.set(parts[i]!, part));
  }
  return pages.map((placed) => placed.map((p) => ({ row: p.m.row, ...textOf.get(p)!, continuation: p.continuation })));
}

/** Fonts of a run: the East Asian face of its role, Times New Roman for Latin and digits. */
function font(eastAsia: string, latin: string = FONT.latin) {
  return { ascii: latin, hAnsi: latin, eastAsia, cs: latin };
}

const LANG = { value: 'en-US', eastAsia: 'zh-CN' };
// Every paragraph says lineRule AUTO (docs/rendering.md, "Pitfalls, measured").
const SINGLE = { line: 240, lineRule: 'auto' } as const;
// Single spacing in cells: with Noto's tall line box (1.44 em) in LibreOffice, 1.15 pushed the blank
// template's footnote onto a second page.
const CELL_LINE = { ...SINGLE, before: 0, after: 0 };

/** The document: page furniture, the table (one per page when it runs onto more), footnotes, metadata and styles. */
function buildDocument(docx: Docx, model: FormModel, campaign: Campaign, data: Submission | null, plan: PlannedRow[][]) {
  const info = documentInfo(model, campaign);
  return new docx.Document({
    creator: info.creator,
    lastModifiedBy: info.creator,
    title: info.title,
    subject: info.subject,
    keywords: info.keywords.join('; '),
    description: `${EMBED_PROPERTY} ${EMBED_NAMESPACE}`,
    revision: 1,
    customProperties: customProperties(data),
    evenAndOddHeaderAndFooters: true,
    styles: styles(),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            // Footer distance: the page number's top sits 7 mm below the type area (GB/T 9704 §7.5).
            margin: { ...MARGIN, header: twips(15), footer: twips(22) },
          },
        },
        footers: { default: pageFooter(docx, 'odd'), even: pageFooter(docx, 'even') },
        children: [
          paragraph(docx, STYLE.annex, model.annexLabel),
          paragraph(docx, STYLE.title, model.title),
          stampParagraph(docx, model),
          ...tables(docx, plan),
          paragraph(docx, STYLE.footnote, model.footnote),
          ...model.notes.map((note) => paragraph(docx, STYLE.footnote, note)),
        ],
      },
    ],
  });
}

function paragraph(docx: Docx, style: string, text: string, extra: Record<string, unknown> = {}) {
  return new docx.Paragraph({ style, children: text === '' ? [] : [new docx.TextRun(text)], ...extra });
}

/**
 * A value's runs. A hyphen between digits (0791-86771234, 2023-11-15) is Word's non-breaking hyphen,
 * so no office suite breaks a phone number or a date there (「王伟 0791- / 86771234」); readers take it
 * as 「-」.
 * A date written in Chinese cannot be held together the same way: LibreOffice 7.4 breaks between
 * 「2023」 and 「年」 across U+2060 WORD JOINER, U+200D, U+FEFF and U+202F, with or without the run's
 * eastAsia hint, font or language; and no-break spaces in 联系人及电话 left it no break at all but
 * inside the phone (it breaks such text only at spaces and hyphens, never after 「；」, even with a
 * U+200B after it). So at `breaks` (withLayoutBreaks) the line is broken where the PDF breaks it,
 * before the date or the name: docs/rendering.md, "Line breaks in the DOCX".
 */
function valueRuns(docx: Docx, text: string, breaks: readonly number[] = []) {
  const lines = [0, ...breaks].map((start, i) => text.slice(start, breaks[i] ?? text.length));
  return lines.flatMap((line, i) => {
    const pieces = line.split(/(?<=\d)-(?=\d)/);
    const run =
      pieces.length === 1
        ? new docx.TextRun(line)
        : new docx.TextRun({ children: pieces.flatMap((piece, k) => (k === 0 ? [piece] : [new docx.NoBreakHyphen(), piece])) });
    // A layout break: a run of its own, in the style a reader takes as no text (form/embedded.ts).
    return i === 0 ? [run] : [new docx.TextRun({ style: STYLE.layoutBreak, break: 1 }), run];
  });
}

/**
 * Inner line breaks of a value become paragraphs (docs/form.md: "they become paragraphs in the DOCX").
 * The first paragraph of a split value's rest carries its own style when it goes on with the
 * paragraph before the page break, so a reader joins the parts back exactly (read/docx-grid.ts).
 */
function valueParagraphs(docx: Docx, planned: PlannedRow, keepNext: boolean) {
  return planned.paragraphs.map(
    (line, i) =>
      new docx.Paragraph({
        style: i === 0 && planned.joinsPrevious ? STYLE.valueContinued : STYLE.value,
        children: line === '' ? [] : valueRuns(docx, line, planned.breaks?.[i]),
        keepNext,
      }),
  );
}

/** The rows of one table: group labels merged over their rows, item labels, values. */
function tableRows(docx: Docx, planned: PlannedRow[]) {
  const { HeightRule, TableCell, TableRow, VerticalAlignTable } = docx;
  // The PDF's minimum row (paginate.ts MIN_ROW, 0.78 cm): room to write by hand, and never taller
  // than the PDF's row, so the rows the PDF puts on a page fit on that page here too.
  const minRow = { value: MIN_ROW * 20, rule: HeightRule.ATLEAST };
  return planned.map((p, i) => {
    const { row } = p;
    const sameGroup = (other: PlannedRow | undefined) => !!row.group && other?.row.group?.key === row.group.key;
    // Keep a group with its label: every row but the group's last on this page keeps with the next
    // one. The last row of a table never does: 「（续表）」 after it starts a new page.
    const keepNext = sameGroup(planned[i + 1]);
    const cells: InstanceType<typeof TableCell>[] = [];
    // The group label, merged over the group's rows in this table; on a page that continues the
    // group it is repeated as 「活动主题与内容（续）」, as the PDF draws it (paginate.ts).
    if (row.group && !sameGroup(planned[i - 1])) {
      let span = 1;
      while (sameGroup(planned[i + span])) span++;
      const continues = row.group.index > 0 || p.continuation;
      cells.push(
        new TableCell({
          rowSpan: span,
          verticalAlign: VerticalAlignTable.CENTER,
          children: [paragraph(docx, STYLE.group, continues ? row.group.label + CONT_LABEL : row.group.label, { keepNext })],
        }),
      );
    }
    cells.push(
      new TableCell({
        ...(row.group ? {} : { columnSpan: 2 }),
        verticalAlign: VerticalAlignTable.CENTER,
        children: [paragraph(docx, STYLE.label, p.continuation ? row.field.label + CONT_LABEL : row.field.label, { keepNext })],
      }),
      new TableCell({ verticalAlign: VerticalAlignTable.CENTER, children: valueParagraphs(docx, p, keepNext) }),
    );
    // A blank template leaves room to write paragraphs by hand (model.ts, BLANK_LONG_TEXT_LINES).
    const height =
      row.text === '' && row.blankLines > 1 ? { value: Math.round(row.blankLines * 12 * 20 * 1.45), rule: HeightRule.ATLEAST } : minRow;
    // Rows never split: where a value is taller than a page, the split is explicit (tablePlan).
    return new TableRow({ children: cells, height, cantSplit: true });
  });
}

/** One table per planned page, each like the first (grid, borders, cell margins); a continued one after 「（续表）」 on a new page, as the PDF's. */
function tables(docx: Docx, plan: PlannedRow[][]) {
  const { BorderStyle, Table, TableLayoutType, WidthType } = docx;
  const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
  const table = (planned: PlannedRow[]) =>
    new Table({
      rows: tableRows(docx, planned),
      width: { size: TYPE_WIDTH, type: WidthType.DXA },
      columnWidths: [...COLUMNS],
      layout: TableLayoutType.FIXED,
      // Word's 0.19 cm at the sides (paginate.ts PAD_X); 1 pt above and below, so that with the
      // border a row of n lines stays within the PDF's 2 × PAD_Y + n × LINE.
      margins: { left: 108, right: 108, top: 20, bottom: 20 },
      borders,
    });
  return plan.flatMap((planned, i) =>
    i === 0 ? [table(planned)] : [paragraph(docx, STYLE.continued, CONTINUED, { pageBreakBefore: true, keepNext: true }), table(planned)],
  );
}

/**
 * 「教育行政部门（盖章）：」 and the department, or an underlined blank to fill by hand. A long department
 * wraps under itself, not under the label, as in the PDF (paginate.ts departmentLines): a hanging
 * indent as wide as the label (one em per character).
 */
function stampParagraph(docx: Docx, model: FormModel) {
  const { Paragraph, TextRun } = docx;
  const stampLabel = twipsPerChar(SIZE.stamp) * [...model.stampLine].length;
  return new Paragraph({
    style: STYLE.stamp,
    indent: { left: stampLabel, hanging: stampLabel },
    children: [
      new TextRun(model.stampLine),
      model.department === '' ? new TextRun({ text: BLANK_DEPARTMENT, underline: {} }) : new TextRun(model.department),
    ],
  });
}

/** GB/T 9704 §7.5: 「— 1 —」, odd pages at the right, even pages at the left, one character in. */
function pageFooter(docx: Docx, pages: 'odd' | 'even') {
  const { AlignmentType, Footer, PageNumber, Paragraph, TextRun } = docx;
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.page,
        alignment: pages === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: { [pages === 'odd' ? 'right' : 'left']: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** Our mark, and the validated data in chunks (docs/rendering.md, "Embedded data copy"). */
function customProperties(data: Submission | null) {
  return [
    { name: EMBED_PROPERTY, value: 'submission/1' },
    ...(data ? chunk(encodeEmbedded(data)).map((value, i) => ({ name: `${EMBED_PROPERTY}.${i + 1}`, value })) : []),
  ];
}

/** The paragraph styles, each with its East Asian font, size and zh-CN, so text typed later into a cell keeps its look. */
function styles() {
  const pStyle = (id: string, name: string, size: number, eastAsia: string, paragraph: Record<string, unknown>) => ({
    id,
    name,
    basedOn: 'Normal',
    next: id,
    quickFormat: true,
    run: { font: font(eastAsia), size, language: LANG },
    paragraph,
  });
  const left = { alignment: 'left', spacing: CELL_LINE } as const;
  const centre = { alignment: 'center', spacing: CELL_LINE } as const;
  return {
    default: {
      document: {
        run: { font: font(FONT.body), size: SIZE.table, language: LANG },
        paragraph: { spacing: SINGLE },
      },
    },
    paragraphStyles: [
      pStyle(STYLE.annex, '附件标识', SIZE.annex, FONT.heading, { spacing: { ...SINGLE, after: 240 } }),
      // 8.4 pt below the title, as the PDF leaves (pdf.ts drawPageOne): the table starts no lower than there.
      pStyle(STYLE.title, '表格标题', SIZE.title, FONT.title, { alignment: 'center', spacing: { ...SINGLE, after: 168 } }),
      pStyle(STYLE.stamp, '盖章单位行', SIZE.stamp, FONT.body, { spacing: { ...SINGLE, after: 120 } }),
      pStyle(STYLE.group, '表格分组', SIZE.table, FONT.body, centre),
      pStyle(STYLE.label, '表格项目', SIZE.table, FONT.body, centre),
      pStyle(STYLE.value, '表格内容', SIZE.table, FONT.body, left),
      // Looks like 表格内容; only says that the paragraph goes on from the previous page's.
      { ...pStyle(STYLE.valueContinued, CONTINUED_VALUE_STYLE.name, SIZE.table, FONT.body, left), next: STYLE.value },
      pStyle(STYLE.continued, '续表标识', SIZE.table, FONT.body, { spacing: { ...SINGLE, after: 80 } }),
      pStyle(STYLE.footnote, '表格附注', SIZE.footnote, FONT.body, { spacing: { ...SINGLE, before: 120 } }),
      pStyle(STYLE.page, '页码', SIZE.page, FONT.page, { spacing: SINGLE }),
    ],
    characterStyles: [{ id: STYLE.layoutBreak, name: LAYOUT_BREAK_STYLE.name, basedOn: 'DefaultParagraphFont', quickFormat: false }],
  };
}
