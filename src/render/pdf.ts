/**
 * The 统计表 as a PDF (pdf-lib 1.17, our TrueType subsetter), filled, blank, or as a fillable AcroForm
 * (docs/rendering.md).
 *
 * Layout (docs/rendering.md, "Page and type", from GB/T 9704-2012): A4 portrait, type area
 * 37/35/28/26 mm; 「附件」 3号 (16 pt) flush left; the title 2号 (22 pt) centred; the stamp line and the
 * footnote 4号 (14 pt); the table 小四 (12 pt); page numbers 「— 1 —」 4号, 7 mm below the type area,
 * odd pages at the right and even pages at the left, one character in (GB/T 9704 §7.5).
 *
 * The table is laid out here, not by a library: rows never split unless a single value is taller
 * than a page; a row that does not fit moves to the next page; a page that continues the table starts
 * with 「（续表）」 and repeats the group label (with 「（续）」) so no group is torn from its label.
 *
 * Pitfalls (docs/rendering.md, "Fonts (PDF)" and "Pitfalls, measured"): subset with `truetype.ts` (the same subset as fontkit 2, without its
 * ~100 ms load; see pdflib-font.ts), never `@pdf-lib/fontkit`; characters the font lacks would draw
 * as .notdef and vanish from extracted text, so they are found before drawing and reported (`MissingGlyphError`); pdf-lib stamps the clock and
 * random resource names, both replaced here so identical input gives identical bytes.
 */
import type { FieldId } from '../form/definition.js';
import { lazy } from '../core/lazy.js';
import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import type { Campaign } from '../campaign/campaign.js';
import type { Submission } from '../form/schema.js';
import { EMBED_ATTACHMENT, EMBED_PROPERTY, encodeEmbedded } from '../form/embedded.js';
import { loadFont, textWidth, type LoadedFont } from './fonts.js';
import { breakLines, visibleWidth } from './layout.js';
import { buildModel, documentDate, documentInfo, type FormModel, type FormRow } from './model.js';
import {
  BORDER,
  BOTTOM,
  COL,
  CONT_LABEL,
  CONTINUED,
  LEFT,
  LINE,
  MM,
  PAD_X,
  PAGE_H,
  PAGE_W,
  RIGHT,
  SIZE,
  TOP,
  WIDTH,
  pageOne,
  paginate,
  printable,
  type PageLayout,
} from './paginate.js';

// ---------------------------------------------------------------------------------------------
// Missing glyphs

export interface MissingGlyph {
  /** Field id (`content.description`, `department`, …). */
  readonly fieldId: FieldId;
  readonly char: string;
  readonly codePoint: number;
  /** 0-based index of the character (code point, not UTF-16 unit) in the field's printed text. */
  readonly index: number;
  /** 1-based line and column (in characters) of the printed text, for messages. */
  readonly line: number;
  readonly column: number;
}

/** Characters no font we ship can draw; the PDF is not written (docs/rendering.md, "Fonts (PDF)": never lose text silently). */
export class MissingGlyphError extends Error {
  override readonly name = 'MissingGlyphError';
  constructor(readonly missing: readonly MissingGlyph[]) {
    super(
      `字体缺少 ${missing.length} 个字符：` +
        missing.map((m) => `${m.fieldId} 第${m.line}行第${m.column}个字「${m.char}」(U+${hex(m.codePoint)})`).join('；'),
    );
  }
}

const hex = (cp: number) => cp.toString(16).toUpperCase().padStart(4, '0');

/** Find every character of `text` that none of `fonts` can draw. */
export function findMissingGlyphs(fieldId: FieldId, text: string, fonts: readonly LoadedFont[]): MissingGlyph[] {
  const missing: MissingGlyph[] = [];
  let index = 0;
  let line = 1;
  let column = 0;
  for (const char of printable(text)) {
    if (char === '\n') {
      line++;
      column = 0;
      index++;
      continue;
    }
    column++;
    const codePoint = char.codePointAt(0)!;
    if (!fonts.some((f) => f.has(codePoint))) missing.push({ fieldId, char, codePoint, index, line, column });
    index++;
  }
  return missing;
}

// ---------------------------------------------------------------------------------------------

export interface RenderPdfOptions {
  /** An AcroForm: every value cell is a text field named by field id (docs/rendering.md, "Fillable PDF template"). */
  fillable?: boolean;
  /** The department on the stamp line of a blank template. */
  department?: string;
  /** The unit a blank template is made for (printed in 举办县区). */
  district?: string;
  /** Lines under the footnote (the city report's note of who is included). */
  notes?: readonly string[];
}

type PdfLib = typeof import('pdf-lib');

/**
 * pdf-lib compresses the embedded font subset with pako (pure JS): ~80 ms of a ~0.5 s render.
 * Node's zlib does the same deflate natively in a few ms, with identical output for identical input
 * (deterministic bytes hold). Only byte contents are taken over; anything else stays with pdf-lib.
 */
function useNativeDeflate(doc: import('pdf-lib').PDFDocument): void {
  const context = doc.context as unknown as {
    flateStream(contents: string | Uint8Array, dict?: Record<string, unknown>): unknown;
    stream(contents: Uint8Array, dict?: Record<string, unknown>): unknown;
  };
  // Strings here are the ToUnicode CMaps: ASCII, which pdf-lib writes one byte per char as well.
  context.flateStream = (contents, dict = {}) =>
    context.stream(deflate(typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents), { ...dict, Filter: 'FlateDecode' });
}

const deflate = (bytes: Uint8Array) => lazy<typeof import('node:zlib')>('node:zlib')().deflateSync(bytes);

/**
 * The pages' content streams are pdf-lib `PDFContentStream`s, deflated with pako at save time
 * (~10 ms more); swap each for the same operators deflated natively, just before saving.
 */
function deflatePageContents(lib: PdfLib, doc: import('pdf-lib').PDFDocument): void {
  for (const [ref, object] of doc.context.enumerateIndirectObjects())
    if (object instanceof lib.PDFContentStream) {
      const stream = object as unknown as { dict: import('pdf-lib').PDFDict; getUnencodedContents(): Uint8Array };
      doc.context.assign(ref, lib.PDFRawStream.of(stream.dict, deflate(stream.getUnencodedContents())));
    }
}

/** A deterministic 6-letter subset tag (PDF 32000 §9.6.4), from the text drawn with the font. */
function subsetTag(name: string, text: string): string {
  const digest = lazy<typeof import('node:crypto')>('node:crypto')().createHash('sha256').update(name).update(text).digest();
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (digest[i]! % 26));
  return `${tag}+${name}`;
}

export async function renderPdf(data: Submission | null, campaign: Campaign, opts: RenderPdfOptions = {}): Promise<Uint8Array> {
  const model = buildModel(data, campaign, opts);
  const [lib, regular, bold, sans] = await Promise.all([
    import('pdf-lib/dist/pdf-lib.esm.min.js') as Promise<PdfLib>,
    loadFont('regular'),
    loadFont('bold'),
    loadFont('sans'),
  ]);
  refuseMissingGlyphs(model, regular);
  const doc = await newDocument(lib, [regular, bold, sans]);
  const ctx = await embedFaces(lib, doc, model, { regular, bold, sans });

  const { first, stampRect, tableTop } = drawPageOne(ctx, doc, model, !!opts.fillable);
  const { pages, cells, bottomOfTable } = drawTablePages(ctx, doc, first, model, tableTop, !!opts.fillable);
  drawFootnotes(ctx, doc, pages, model, bottomOfTable);
  drawPageNumbers(ctx, pages);
  if (opts.fillable) await addFormFields(ctx, doc, model, cells, { page: first, rect: stampRect });
  await addMetadata(lib, doc, model, campaign, data);

  deflatePageContents(lib, doc);
  return doc.save({ updateFieldAppearances: false, useObjectStreams: false });
}

/** Every printed value is checked before anything is drawn: a character the font lacks is refused, never lost. */
function refuseMissingGlyphs(model: FormModel, regular: LoadedFont): void {
  const missing = [
    ...findMissingGlyphs('department', model.department, [regular]),
    ...model.rows.flatMap((r) => findMissingGlyphs(r.field.id, r.text, [regular])),
  ];
  if (missing.length > 0) throw new MissingGlyphError(missing);
}

/** An empty document whose bytes depend only on what is drawn: no random names, native deflate, our fonts. */
async function newDocument(lib: PdfLib, fonts: readonly LoadedFont[]): Promise<PDFDocument> {
  const doc = await lib.PDFDocument.create({ updateMetadata: false });
  useNativeDeflate(doc);
  // pdf-lib names resources with Math.random(); a counter keeps the bytes reproducible.
  let suffix = 0;
  doc.context.addRandomSuffix = (prefix: string) => `${prefix}-${++suffix}`;
  const { fontkitForPdfLib } = await import('./pdflib-font.js');
  doc.registerFontkit(fontkitForPdfLib(fonts) as never);
  return doc;
}

/** Each face subset to the text it draws, with a subset tag derived from that text. */
async function embedFaces(
  lib: PdfLib,
  doc: PDFDocument,
  model: FormModel,
  faces: { regular: LoadedFont; bold: LoadedFont; sans: LoadedFont },
): Promise<DrawContext> {
  const embed = (font: LoadedFont, text: string) =>
    doc.embedFont(font.embedKey, { subset: true, customName: subsetTag(font.postscriptName, text) });
  const bodyText = [
    model.stampLine,
    model.department,
    model.footnote,
    ...model.notes,
    CONTINUED,
    CONT_LABEL,
    '— 0123456789',
    ...model.rows.flatMap((r) => [r.field.label, r.group?.label ?? '', r.text]),
  ].join('');
  const [body, heading, annex] = await Promise.all([
    embed(faces.regular, bodyText),
    embed(faces.bold, model.title),
    embed(faces.sans, model.annexLabel),
  ]);
  return { lib, ...faces, body, heading, annex, black: lib.rgb(0, 0, 0) };
}

/** Page 1's furniture: 「附件」, the title, the stamp line (with the department, or the blank to fill by hand). */
function drawPageOne(ctx: DrawContext, doc: PDFDocument, model: FormModel, fillable: boolean) {
  const { regular, bold } = ctx;
  const first = doc.addPage([PAGE_W, PAGE_H]);
  let y = TOP;
  y = drawLine(ctx, first, model.annexLabel, { x: LEFT, top: y, size: SIZE.annex, font: 'annex' });
  y -= SIZE.annex * 0.75;
  const furniture = pageOne(
    model,
    (s) => textWidth(bold, s, SIZE.title),
    (s) => textWidth(regular, s, SIZE.stamp),
  );
  for (const line of furniture.title) {
    const w = visibleWidth(line, (s) => textWidth(bold, s, SIZE.title));
    y = drawLine(ctx, first, line, { x: LEFT + (WIDTH - w) / 2, top: y, size: SIZE.title, font: 'heading', lineHeight: SIZE.title * 1.4 });
  }
  y -= SIZE.stamp * 0.6;
  const stampTop = y;
  drawLine(ctx, first, model.stampLine, { x: LEFT, top: y, size: SIZE.stamp });
  const stampX = LEFT + textWidth(regular, model.stampLine, SIZE.stamp);
  const department = furniture.department;
  const stampRect = {
    x: stampX,
    y: stampTop - department.length * SIZE.stamp * 1.5,
    width: RIGHT - stampX,
    height: department.length * SIZE.stamp * 1.5,
  };
  if (model.department !== '' && !fillable)
    department.forEach((line, i) => drawLine(ctx, first, line, { x: stampX, top: stampTop - i * SIZE.stamp * 1.5, size: SIZE.stamp }));
  else if (model.department === '')
    // The blank to fill by hand, as in the notice: 「教育行政部门（盖章）：_____」.
    first.drawLine({
      start: { x: stampX + 2, y: stampRect.y + 2 },
      end: { x: stampX + 2 + 14 * SIZE.stamp * 0.75 * 1.2, y: stampRect.y + 2 },
      thickness: 0.6,
      color: ctx.black,
    });
  return { first, stampRect, tableTop: furniture.tableTop };
}

type ValueCell = { page: PDFPage; row: FormRow; rect: Rect; lines: string[] };

/**
 * The table, 6 pt below the stamp line — the same top the DOCX splits its table by (paginate.ts) —
 * over as many pages as it needs, each continued page starting with 「（续表）」.
 */
function drawTablePages(ctx: DrawContext, doc: PDFDocument, first: PDFPage, model: FormModel, tableTop: number, fillable: boolean) {
  const layouts = paginate(model, (s) => textWidth(ctx.regular, s, SIZE.table), tableTop);
  const pages: PDFPage[] = [first];
  const cells: ValueCell[] = [];
  layouts.forEach((layout, p) => {
    const page = p === 0 ? first : doc.addPage([PAGE_W, PAGE_H]);
    if (p > 0) {
      pages.push(page);
      drawLine(ctx, page, CONTINUED, { x: LEFT, top: TOP, size: SIZE.cont, lineHeight: LINE });
    }
    drawTable(
      ctx,
      page,
      layout,
      (row, rect, lines, continuation) => {
        if (!continuation) cells.push({ page, row, rect, lines });
      },
      fillable,
    );
  });
  return { pages, cells, bottomOfTable: layouts[layouts.length - 1]!.bottomOfTable };
}

/** The footnote and any notes below the table, on a new page when no room is left. Adds that page to `pages`. */
function drawFootnotes(ctx: DrawContext, doc: PDFDocument, pages: PDFPage[], model: FormModel, bottomOfTable: number): void {
  const measure = (s: string) => textWidth(ctx.regular, s, SIZE.footnote);
  let last = pages[pages.length - 1]!;
  let fy = bottomOfTable - 6;
  const newPage = () => {
    last = doc.addPage([PAGE_W, PAGE_H]);
    pages.push(last);
    fy = TOP;
  };
  if (fy - SIZE.footnote * 1.5 < BOTTOM) newPage();
  for (const line of breakLines(model.footnote, WIDTH, measure)) fy = drawLine(ctx, last, line, { x: LEFT, top: fy, size: SIZE.footnote });
  for (const note of model.notes)
    for (const line of breakLines(note, WIDTH, measure)) {
      if (fy - SIZE.footnote * 1.5 < BOTTOM) newPage();
      fy = drawLine(ctx, last, line, { x: LEFT, top: fy, size: SIZE.footnote });
    }
}

/** GB/T 9704 §7.5: 「— 1 —」, 7 mm below the type area, at the outer edge, one character in. */
function drawPageNumbers(ctx: DrawContext, pages: readonly PDFPage[]): void {
  pages.forEach((page, i) => {
    const label = `— ${i + 1} —`;
    const w = textWidth(ctx.regular, label, SIZE.page);
    const odd = i % 2 === 0;
    const x = odd ? RIGHT - SIZE.page - w : LEFT + SIZE.page;
    drawLine(ctx, page, label, { x, top: BOTTOM - 7 * MM, size: SIZE.page });
  });
}

/** Metadata (Title/Subject/Keywords: docs/rendering.md, "Shared model"), our mark and the data copy. */
async function addMetadata(lib: PdfLib, doc: PDFDocument, model: FormModel, campaign: Campaign, data: Submission | null): Promise<void> {
  const { AFRelationship, PDFName, PDFString } = lib;
  const date = documentDate(data, campaign);
  const info = documentInfo(model, campaign);
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setSubject(info.subject);
  doc.setKeywords(info.keywords);
  doc.setCreator(info.creator);
  doc.setProducer('lifelong-week (pdf-lib 1.17)');
  doc.setLanguage('zh-CN');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  const infoDict = doc.context.lookup(doc.context.trailerInfo.Info);
  if (infoDict instanceof lib.PDFDict) infoDict.set(PDFName.of('LifelongWeek'), PDFString.of('submission/1'));
  if (data)
    await doc.attach(new TextEncoder().encode(encodeEmbedded(data)), EMBED_ATTACHMENT, {
      mimeType: 'application/json',
      description: `${EMBED_PROPERTY}：报送数据（机器可读副本）`,
      creationDate: date,
      modificationDate: date,
      afRelationship: AFRelationship.Data,
    });
}

// ---------------------------------------------------------------------------------------------
// Drawing

interface DrawContext {
  lib: PdfLib;
  regular: LoadedFont;
  bold: LoadedFont;
  sans: LoadedFont;
  /** Body and table (the serif regular), the title (serif bold), 「附件」 (the sans): docs/rendering.md, "Fonts (PDF)". */
  body: PDFFont;
  heading: PDFFont;
  annex: PDFFont;
  black: ReturnType<PdfLib['rgb']>;
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Draw one line whose line box starts at `top`; returns the top of the next line. The ideographic
 * em box is centred in the line box, from the OS/2 typo metrics (docs/rendering.md, "Fonts (PDF)").
 */
function drawLine(
  ctx: DrawContext,
  page: PDFPage,
  text: string,
  o: { x: number; top: number; size: number; font?: 'body' | 'heading' | 'annex'; lineHeight?: number },
): number {
  const lh = o.lineHeight ?? o.size * 1.5;
  const [f, embedded] =
    o.font === 'heading' ? [ctx.bold, ctx.heading] : o.font === 'annex' ? [ctx.sans, ctx.annex] : [ctx.regular, ctx.body];
  if (text.trim() !== '')
    page.drawText(text, {
      x: o.x,
      y: baseline(f, o.top, lh, o.size),
      size: o.size,
      font: embedded,
      color: ctx.black,
    });
  return o.top - lh;
}

function baseline(f: LoadedFont, top: number, lineHeight: number, size: number): number {
  const em = f.emTop - f.emBottom;
  return top - (lineHeight - size) / 2 - (size * f.emTop) / em;
}

function drawCellText(ctx: DrawContext, page: PDFPage, rect: Rect, lines: string[], align: 'left' | 'center') {
  const block = lines.length * LINE;
  let top = rect.y + rect.height / 2 + block / 2;
  for (const line of lines) {
    const w = visibleWidth(line, (s) => textWidth(ctx.regular, s, SIZE.table));
    const x = align === 'center' ? rect.x + (rect.width - w) / 2 : rect.x + PAD_X;
    top = drawLine(ctx, page, line, { x, top, size: SIZE.table, lineHeight: LINE });
  }
}

function drawBox(ctx: DrawContext, page: PDFPage, r: Rect) {
  page.drawRectangle({ ...r, borderColor: ctx.black, borderWidth: BORDER });
}

function drawTable(
  ctx: DrawContext,
  page: PDFPage,
  layout: PageLayout,
  onValueCell: (row: FormRow, rect: Rect, lines: string[], continuation: boolean) => void,
  fillable: boolean,
) {
  const placed = layout.placed;
  for (let i = 0; i < placed.length; i++) {
    const p = placed[i]!;
    const { row } = p.m;
    const y = p.top - p.height;
    const labelX = row.group ? LEFT + COL[0] : LEFT;
    const labelRect = { x: labelX, y, width: row.group ? COL[1] : COL[0] + COL[1], height: p.height };
    const valueRect = { x: LEFT + COL[0] + COL[1], y, width: COL[2], height: p.height };
    drawBox(ctx, page, labelRect);
    drawBox(ctx, page, valueRect);
    drawCellText(ctx, page, labelRect, p.labelLines, 'center');
    if (!fillable || p.continuation) drawCellText(ctx, page, valueRect, p.lines, 'left');
    onValueCell(row, valueRect, p.lines, p.continuation);

    // The group label, merged over the group's consecutive rows on this page.
    if (row.group && (i === 0 || placed[i - 1]!.m.row.group?.key !== row.group.key)) {
      let j = i;
      while (j + 1 < placed.length && placed[j + 1]!.m.row.group?.key === row.group.key) j++;
      const bottom = placed[j]!.top - placed[j]!.height;
      const rect = { x: LEFT, y: bottom, width: COL[0], height: p.top - bottom };
      drawBox(ctx, page, rect);
      const continues = row.group.index > 0 || p.continuation;
      const label = continues ? row.group.label + CONT_LABEL : row.group.label;
      drawCellText(
        ctx,
        page,
        rect,
        breakLines(label, COL[0] - 2 * PAD_X, (s) => textWidth(ctx.regular, s, SIZE.table)),
        'center',
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The fillable AcroForm

/**
 * Text fields named by field id over the value cells. pdf-lib's own appearances neither encode CJK
 * (「WinAnsi cannot encode」) nor wrap it, so each appearance is drawn here with our line breaker and
 * the embedded subset font. What a user types later is drawn by the viewer from the field's /DA,
 * which names STSong-Light, a standard CJK font every PDF viewer supplies (Adobe-GB1): the subset
 * lacks the characters a user may type (docs/rendering.md, "Fillable PDF template").
 */
async function addFormFields(
  ctx: DrawContext,
  doc: PDFDocument,
  model: FormModel,
  cells: readonly ValueCell[],
  stamp: { page: PDFPage; rect: Rect },
) {
  const { lib } = ctx;
  const { PDFName, drawTextField } = lib;
  const form = doc.getForm();
  const viewerFont = doc.context.register(
    doc.context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: 'STSong-Light',
      Encoding: 'UniGB-UCS2-H',
      DescendantFonts: [
        doc.context.obj({
          Type: 'Font',
          Subtype: 'CIDFontType0',
          BaseFont: 'STSong-Light',
          CIDSystemInfo: { Registry: lib.PDFString.of('Adobe'), Ordering: lib.PDFString.of('GB1'), Supplement: 4 },
          FontDescriptor: doc.context.obj({
            Type: 'FontDescriptor',
            FontName: 'STSong-Light',
            Flags: 6,
            FontBBox: [-25, -254, 1000, 880],
            ItalicAngle: 0,
            Ascent: 880,
            Descent: -120,
            CapHeight: 880,
            StemV: 93,
          }),
          DW: 1000,
        }),
      ],
    }),
  );
  const da = `/STSong ${SIZE.table} Tf 0 g`;

  const add = (id: string, text: string, page: PDFPage, rect: Rect, align: 'left' | 'stamp') => {
    const field = form.createTextField(id);
    if (text !== '') field.setText(text);
    field.enableMultiline();
    field.addToPage(page, { ...rect, font: ctx.body, borderWidth: 0, backgroundColor: undefined, textColor: ctx.black });
    field.updateAppearances(ctx.body, (_f, widget) => {
      const { width, height } = widget.getRectangle();
      const size = align === 'stamp' ? SIZE.stamp : SIZE.table;
      const lh = align === 'stamp' ? SIZE.stamp * 1.5 : LINE;
      // The stamp line wraps as paginate.ts departmentLines does (the field's rect is the rest of the line).
      const lines = breakLines(printable(text), align === 'stamp' ? width : width - 2 * PAD_X, (s) => textWidth(ctx.regular, s, size));
      const block = lines.length * lh;
      let top = align === 'stamp' ? height : height / 2 + block / 2;
      const textLines = lines.map((line) => {
        const entry = { encoded: ctx.body.encodeText(line), x: align === 'stamp' ? 2 : PAD_X, y: baseline(ctx.regular, top, lh, size) };
        top -= lh;
        return entry;
      });
      return drawTextField({
        x: 0,
        y: 0,
        width,
        height,
        borderWidth: 0,
        color: undefined,
        borderColor: undefined,
        textLines,
        textColor: ctx.black,
        font: ctx.body.name,
        fontSize: size,
        padding: 0,
      });
    });
    field.acroField.setDefaultAppearance(da.replace(String(SIZE.table), String(align === 'stamp' ? SIZE.stamp : SIZE.table)));
  };

  add('department', model.department, stamp.page, stamp.rect, 'stamp');
  for (const c of cells) add(c.row.field.id, c.row.text, c.page, inset(c.rect), 'left');

  // /DR: the viewer font for typing, and our subset for the appearances already drawn.
  const acroForm = form.acroForm.dict;
  const fonts = doc.context.obj({});
  fonts.set(PDFName.of('STSong'), viewerFont);
  fonts.set(PDFName.of(ctx.body.name), ctx.body.ref);
  acroForm.set(PDFName.of('DR'), doc.context.obj({ Font: fonts }));
  acroForm.set(PDFName.of('DA'), lib.PDFString.of(da));
}

/** Keep the field inside the cell's borders. */
function inset(r: Rect): Rect {
  return { x: r.x + BORDER, y: r.y + BORDER, width: r.width - 2 * BORDER, height: r.height - 2 * BORDER };
}
