/**
 * The leader's one-page summary as a PDF (A4 portrait), drawn with the form's own font stack
 * (pdf-lib + the embedded Noto Serif SC subset): title, the headline figures, one row per unit
 * (verdict, activities, participants, satisfaction, rank, pieces), who is not included, and three
 * charts drawn here as plain vector bars — participants and activities per included unit, and how
 * many units sent each piece. Deterministic: dated by the campaign's deadline, no clock.
 */
import type { PDFFont } from 'pdf-lib';
import type { Campaign } from '../campaign/campaign.js';
import type { LeaderSummary } from '../merge/leader.js';
import { loadFont, textWidth, type LoadedFont } from './fonts.js';
import { breakLines } from './layout.js';

type PdfLib = typeof import('pdf-lib');

const W = 595.28;
const H = 841.89;
const MARGIN = 42;
const INNER = W - 2 * MARGIN;
const nf = (n: number) => n.toLocaleString('en-US');

export async function renderLeaderPdf(summary: LeaderSummary, campaign: Campaign): Promise<Uint8Array> {
  const [lib, regular, bold] = await Promise.all([
    import('pdf-lib/dist/pdf-lib.esm.min.js') as Promise<PdfLib>,
    loadFont('regular'),
    loadFont('bold'),
  ]);
  const { PDFDocument, rgb } = lib;
  const doc = await PDFDocument.create({ updateMetadata: false });
  let suffix = 0;
  doc.context.addRandomSuffix = (prefix: string) => `${prefix}-${++suffix}`;
  const { fontkitForPdfLib } = await import('./pdflib-font.js');
  doc.registerFontkit(fontkitForPdfLib([regular, bold]) as never);
  // Fixed subset tags: the same summary gives the same bytes.
  const body = await doc.embedFont(regular.embedKey, { subset: true, customName: `LWSUMA+${regular.postscriptName}` });
  const heading = await doc.embedFont(bold.embedKey, { subset: true, customName: `LWSUMB+${bold.postscriptName}` });
  const page = doc.addPage([W, H]);
  const black = rgb(0, 0, 0);
  const grey = rgb(0.45, 0.45, 0.45);
  const blue = rgb(0.27, 0.45, 0.77);
  const orange = rgb(0.93, 0.49, 0.19);
  const green = rgb(0.44, 0.68, 0.28);
  const red = rgb(0.75, 0, 0);

  const text = (
    s: string,
    x: number,
    top: number,
    size: number,
    opts: { font?: 'body' | 'heading'; color?: ReturnType<typeof rgb>; align?: 'left' | 'right' | 'center' } = {},
  ) => {
    const f: LoadedFont = opts.font === 'heading' ? bold : regular;
    const pf: PDFFont = opts.font === 'heading' ? heading : body;
    const w = textWidth(f, s, size);
    const dx = opts.align === 'right' ? -w : opts.align === 'center' ? -w / 2 : 0;
    page.drawText(s, { x: x + dx, y: H - top - size * 0.88, size, font: pf, color: opts.color ?? black });
    return w;
  };

  let y = MARGIN;
  text(summary.title, W / 2, y, 18, { font: 'heading', align: 'center' });
  y += 28;
  text(summary.subtitle, W / 2, y, 9.5, { color: grey, align: 'center' });
  y += 20;
  for (const line of breakLines(summary.headline, INNER, (s) => textWidth(bold, s, 12))) {
    text(line, MARGIN, y, 12, { font: 'heading' });
    y += 17;
  }
  y += 4;

  // The table: one row per roster unit.
  const cols = [
    { label: '单位', w: 70, align: 'left' as const },
    { label: '结论', w: 110, align: 'left' as const },
    { label: '活动（场）', w: 62, align: 'right' as const },
    { label: '参加（人次）', w: 78, align: 'right' as const },
    { label: '满意度', w: 54, align: 'right' as const },
    { label: '排名', w: 40, align: 'right' as const },
    { label: '材料（4 项）', w: INNER - 70 - 110 - 62 - 78 - 54 - 40, align: 'right' as const },
  ];
  const rowH = 15.5;
  const size = 9.5;
  const cell = (s: string, i: number, top: number, opts: { font?: 'body' | 'heading'; color?: ReturnType<typeof rgb> } = {}) => {
    const x0 = MARGIN + cols.slice(0, i).reduce((a, c) => a + c.w, 0);
    const c = cols[i]!;
    text(s, c.align === 'right' ? x0 + c.w - 4 : x0 + 4, top + (rowH - size) / 2, size, { ...opts, align: c.align });
  };
  page.drawRectangle({ x: MARGIN, y: H - y - rowH, width: INNER, height: rowH, color: rgb(0.87, 0.92, 0.97) });
  cols.forEach((c, i) => cell(c.label, i, y, { font: 'heading' }));
  y += rowH;
  for (const [k, r] of summary.rows.entries()) {
    if (k % 2 === 1) page.drawRectangle({ x: MARGIN, y: H - y - rowH, width: INNER, height: rowH, color: rgb(0.96, 0.96, 0.96) });
    const colour = r.included ? (r.verdict.includes('逾期') ? orange : black) : red;
    cell(r.unit, 0, y);
    cell(r.verdict, 1, y, { color: colour });
    cell(r.activities === null ? '—' : nf(r.activities), 2, y);
    cell(r.participants === null ? '—' : nf(r.participants), 3, y);
    cell(r.satisfaction === null ? '—' : `${r.satisfaction.toFixed(1)}%`, 4, y);
    cell(r.rank === null ? '—' : String(r.rank), 5, y);
    cell(`${r.pieces}/4`, 6, y);
    y += rowH;
  }
  page.drawLine({ start: { x: MARGIN, y: H - y }, end: { x: MARGIN + INNER, y: H - y }, thickness: 0.6, color: grey });
  y += 6;
  if (summary.excluded)
    for (const line of breakLines(`未计入合计：${summary.excluded}。`, INNER, (s) => textWidth(regular, s, 10))) {
      text(line, MARGIN, y, 10, { color: red });
      y += 14;
    }
  else {
    text('名册中的单位全部计入合计。', MARGIN, y, 10);
    y += 14;
  }
  y += 10;

  // Charts: participants and activities per included unit, side by side.
  const included = summary.rows.filter((r) => r.included);
  const half = (INNER - 20) / 2;
  const bars = (
    title: string,
    x: number,
    top: number,
    width: number,
    values: Array<{ label: string; value: number }>,
    colour: ReturnType<typeof rgb>,
  ) => {
    text(title, x, top, 10.5, { font: 'heading' });
    let t = top + 18;
    const labelW = Math.max(58, ...values.map((v) => textWidth(regular, v.label, 8.5) + 6));
    const valueW = 44;
    const max = Math.max(1, ...values.map((v) => v.value));
    const barH = 10;
    for (const v of values) {
      text(v.label, x, t, 8.5);
      const len = ((width - labelW - valueW) * v.value) / max;
      page.drawRectangle({ x: x + labelW, y: H - t - barH + 1, width: Math.max(len, 0.5), height: barH - 2, color: colour });
      text(nf(v.value), x + labelW + len + 3, t, 8, { color: grey });
      t += barH + 3;
    }
    return t;
  };
  const a = bars(
    '各单位参加人数（人次）',
    MARGIN,
    y,
    half,
    included.map((r) => ({ label: r.unit, value: r.participants ?? 0 })),
    blue,
  );
  const b = bars(
    '各单位活动数量（场）',
    MARGIN + half + 20,
    y,
    half,
    included.map((r) => ({ label: r.unit, value: r.activities ?? 0 })),
    orange,
  );
  y = Math.max(a, b) + 14;
  bars(
    `收到材料的单位数（共 ${summary.unitCount} 个单位）`,
    MARGIN,
    y,
    INNER * 0.7,
    summary.piecesReceived.map((p) => ({ label: p.label, value: p.count })),
    green,
  );

  text(`${campaign.receiver}　据收件箱汇总，截止 ${campaign.deadline}`, W / 2, H - MARGIN + 6, 8.5, { color: grey, align: 'center' });

  const date = new Date(`${campaign.deadline}T00:00:00${campaign.timezone}`);
  doc.setTitle(summary.title, { showInWindowTitleBar: true });
  doc.setCreator('lifelong-week');
  doc.setProducer('lifelong-week (pdf-lib 1.17)');
  doc.setLanguage('zh-CN');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  return doc.save({ useObjectStreams: false });
}
