// Regenerates fixtures/inbox/ — the centre's mailbox as saved into a folder, one realistic story per
// unit (fixtures/inbox.README.md) — and fixtures/inbox.expected.json, the outcome a correct
// `lifelong-week validate fixtures/inbox --json` reports.
//
//   npm run build && node scripts/make-inbox.mjs
//
// Made with real tools where it matters:
// - the units' hand-filled Word forms, 工作方案/总结, the legacy .doc and the retyped .xlsx are written
//   by LibreOffice (`soffice --convert-to docx|doc|xlsx`) from HTML / flat ODS, not by this project;
// - the stamped scans: LibreOffice prints the filled form with a red seal to PDF, poppler's
//   `pdftoppm` rasterises it to a JPEG, and pdf-lib wraps the JPEG in an image-only PDF, as a
//   scanner does; photos are rasterised the same way;
// - 经开区's PDF and 红谷滩区's DOCX are rendered by this tool (`bin/lifelong-week render`).
// Mails and ZIPs are written byte by byte here (GBK names, raw 8-bit headers need that).
// Needs: soffice with Writer and Calc, pdftoppm, a built dist/. LibreOffice output differs from run
// to run (timestamps inside the files); the expected outcome does not.
import { encodeGbk as gbk } from './lib/gbk.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import { PDFDocument, degrees } from 'pdf-lib';
import { DEADLINE, FORMS, KEY_VALUES, ROSTER, ROWS, SAVED } from './inbox-story.mjs';
import { EXPECTED, INBOX } from './inbox-times.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'lifelong-week');
if (!existsSync(join(ROOT, 'dist', 'bin.js'))) throw new Error('run `npm run build` first (the CLI renders 经开区 and 红谷滩区)');
for (const tool of ['soffice', 'pdftoppm', 'pdfinfo'])
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) throw new Error(`${tool} is not on PATH`);

const work = mkdtempSync(join(tmpdir(), 'make-inbox-'));
const FONT_DIR = join(ROOT, 'node_modules', '@expo-google-fonts', 'noto-serif-sc');
// LibreOffice finds Chinese glyphs for its PDFs in the Noto Serif SC the project already ships.
writeFileSync(
  join(work, 'fonts.conf'),
  `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<dir>${FONT_DIR}/400Regular</dir><dir>${FONT_DIR}/700Bold</dir><cachedir>${work}/fc</cachedir></fontconfig>`,
);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: work, timeout: 120_000, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
  return r;
}

/** LibreOffice: `file` (in work/) → `target` format; returns the output's bytes. */
function soffice(file, target, infilter) {
  const args = [`-env:UserInstallation=file://${work}/lo-profile`, '--headless'];
  if (infilter) args.push(`--infilter=${infilter}`);
  args.push('--convert-to', target, '--outdir', work, file);
  run('soffice', args, { env: { ...process.env, FONTCONFIG_FILE: join(work, 'fonts.conf') } });
  const out = join(work, file.replace(/\.[^.]+$/, '') + '.' + target.split(':')[0]);
  if (!existsSync(out)) throw new Error(`soffice made no ${out}`);
  return readFileSync(out);
}

let fileNo = 0;
/** HTML → DOCX / DOC / PDF through LibreOffice Writer. */
function writer(html, target) {
  const name = `w${++fileNo}.html`;
  writeFileSync(join(work, name), html);
  const filter = { docx: 'docx:MS Word 2007 XML', doc: 'doc:MS Word 97', pdf: 'pdf:writer_pdf_Export' }[target];
  return soffice(name, filter, 'HTML (StarWriter)');
}

/** A PDF's pages → JPEG bytes each, through poppler (`crop`: [x, y, w, h] in pixels of page 1). */
function rasterise(pdf, { dpi = 72, quality = 55, pages = 1, crop } = {}) {
  // pages: at most this many, from page 1
  const name = `r${++fileNo}`;
  writeFileSync(join(work, `${name}.pdf`), pdf);
  const out = [];
  const count = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [`${name}.pdf`]).stdout)[1]);
  for (let p = 1; p <= Math.min(pages, count); p++) {
    const args = ['-jpeg', '-jpegopt', `quality=${quality}`, '-r', String(dpi), '-f', String(p), '-l', String(p), '-singlefile'];
    if (crop) args.push('-x', String(crop[0]), '-y', String(crop[1]), '-W', String(crop[2]), '-H', String(crop[3]));
    run('pdftoppm', [...args, `${name}.pdf`, `${name}-${p}`]);
    out.push(readFileSync(join(work, `${name}-${p}.jpg`)));
  }
  return out;
}

/** The box of page 1 that is not white, in pixels at `dpi` (poppler's plain PPM, read here). */
function inkBox(pdf, dpi) {
  const name = `b${++fileNo}`;
  writeFileSync(join(work, `${name}.pdf`), pdf);
  run('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', `${name}.pdf`, name]);
  const ppm = readFileSync(join(work, `${name}.ppm`));
  const [w, h] = /^P6\s+(\d+)\s+(\d+)/.exec(ppm.subarray(0, 40).toString('latin1')).slice(1).map(Number);
  const data = ppm.subarray(ppm.length - w * h * 3); // the pixels end the file, after a text header
  let [x0, y0, x1, y1] = [w, h, -1, -1];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3;
      if (data[i] < 245 || data[i + 1] < 245 || data[i + 2] < 245)
        [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
  return [x0, y0, x1 - x0 + 1, y1 - y0 + 1];
}

/** A scanner's PDF: each A4 page holds one slightly skewed JPEG, no text layer. */
async function imagePdf(jpegs, skew = 0.4) {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setCreator('Canon iR-ADV C3520');
  doc.setProducer('Canon iR-ADV C3520 PDF');
  doc.setCreationDate(new Date('2023-11-28T15:10:00+08:00'));
  for (const jpeg of jpegs) {
    const image = await doc.embedJpg(jpeg);
    const page = doc.addPage([595.28, 841.89]);
    page.drawImage(image, { x: 6, y: 2, width: 585, height: 585 * (image.height / image.width), rotate: degrees(skew) });
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

// ---------------------------------------------------------------- documents
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const lines = (s) => esc(s).replace(/\n/g, '<br>');

/** The city's seal as a unit prints it: red ring, star, the department's name on the arc. */
function sealSvg(department) {
  const file = `seal${++fileNo}.svg`;
  writeFileSync(
    join(work, file),
    `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160" viewBox="0 0 160 160">
<circle cx="80" cy="80" r="74" fill="none" stroke="#d0202a" stroke-width="5" opacity="0.85"/>
<path id="arc" d="M 30 108 A 56 56 0 1 1 130 108" fill="none"/>
<text font-family="Noto Serif SC" font-size="${department.length > 8 ? 13 : 16}" font-weight="bold" fill="#d0202a" opacity="0.85">
<textPath href="#arc" startOffset="50%" text-anchor="middle">${esc(department)}</textPath></text>
<polygon fill="#d0202a" opacity="0.85" points="80,56 87,75 106,75 91,87 96,106 80,95 64,106 69,87 54,75 73,75"/>
</svg>`,
  );
  return file;
}

/**
 * The annex form filled in by hand in a word processor (what units really send): title, the
 * 「教育行政部门（盖章）：」 line, the table with merged group cells (rowspan → w:vMerge) and
 * label cells spanning two columns (colspan → w:gridSpan), the footnote. `variant` adds the
 * small differences hand-made copies have.
 */
function formHtml(data, { seal, halfWidthBrackets, spacedLabel, blankRow } = {}) {
  const label = (l) => {
    let out = l;
    if (halfWidthBrackets) out = out.replace(/（/g, '(').replace(/）/g, ')');
    if (spacedLabel && out === '举办县区') out = '举办　县区'; // a full-width space typed to widen the cell
    return out;
  };
  const groups = new Map();
  for (const [g] of ROWS) if (g) groups.set(g, (groups.get(g) ?? 0) + 1);
  const seen = new Set();
  const rows = ROWS.map(([g, l, key]) => {
    const value = `<td style="width:60%">${lines(data[key] ?? '')}</td>`;
    if (!g) return `<tr><td colspan="2" style="width:40%">${esc(label(l))}</td>${value}</tr>`;
    const head = seen.has(g) ? '' : `<td rowspan="${groups.get(g)}" style="width:12%" valign="middle">${esc(g)}</td>`;
    seen.add(g);
    return `<tr>${head}<td style="width:28%">${esc(label(l))}</td>${value}</tr>`;
  });
  if (blankRow) rows.push('<tr><td colspan="2"></td><td></td></tr>');
  const sealImg = seal ? `<img src="${sealSvg(data.department)}" width="150" height="150" align="middle" style="margin-left:-110px">` : '';
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>2023年全民终身学习活动开展情况统计表</title>
<style>body{font-family:"Noto Serif SC";font-size:12pt} td{font-size:11pt}</style></head><body>
<p><b>附件</b></p>
<p align="center" style="font-size:18pt"><b>2023年全民终身学习活动开展情况统计表</b></p>
<p>教育行政部门（盖章）：${esc(data.department)}${sealImg}</p>
<table border="1" cellspacing="0" cellpadding="5" width="100%">
${rows.join('\n')}
</table>
<p>详细的活动情况总结、活动照片、活动录像请另附。</p></body></html>`;
}

/** A 工作方案 or 工作总结: prose under a red-letter style title, no form table. */
function proseHtml(title, department, date, sections) {
  const body = sections.map(([h, ...ps]) => `<p><b>${esc(h)}</b></p>${ps.map((p) => `<p style="text-indent:2em">${esc(p)}</p>`).join('')}`);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>
<p align="center" style="font-size:18pt"><b>${esc(title)}</b></p>
${body.join('\n')}
<p align="right">${esc(department)}</p><p align="right">${esc(date)}</p></body></html>`;
}

function planHtml(unit, data, date) {
  return proseHtml(`${unit}2023年全民终身学习活动周工作方案`, data.department, date, [
    [
      '一、指导思想',
      `深入学习贯彻党的二十大精神，落实“推进教育数字化，建设全民终身学习的学习型社会、学习型大国”要求，根据《关于举办2023年南昌市全民终身学习活动周的通知》精神，结合${unit}实际，制定本方案。`,
    ],
    ['二、活动主题', '让学习成为一种生活方式。'],
    ['三、活动时间', `${data.period}，在全市总开幕式前后一周内组织实施。`],
    ['四、主要活动', ...data.description.split('\n')],
    ['五、工作要求', `各单位要高度重视，精心组织，确保安全；活动结束后及时报送总结、统计表及活动照片。联系人：${data.contacts}。`],
  ]);
}

function summaryHtml(unit, data, date) {
  return proseHtml(`${unit}2023年全民终身学习活动周工作总结`, data.department, date, [
    [
      '一、基本情况',
      `按照市教育局统一部署，${unit}以“让学习成为一种生活方式”为主题，于${data.period}组织开展全民终身学习活动周，共举办各类活动${data.activityCount}（场），参与群众${data.participantCount}。`,
    ],
    ['二、主要做法', ...data.description.split('\n')],
    ['三、取得成效', data.outcomes],
    ['四、存在不足和下一步打算', '部分活动宣传不够充分，农村和偏远社区参与面有待扩大。下一步将继续整合资源，推动终身学习常态化。'],
  ]);
}

/** Flat ODS of the form as retyped in a spreadsheet (merged cells, a formula, a percent cell), for Calc → XLSX. */
function formFods(data) {
  const cell = (v) => {
    if (typeof v === 'number')
      return `<table:table-cell table:style-name="v" office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`;
    if (v && typeof v === 'object' && 'formula' in v)
      return `<table:table-cell table:style-name="v" table:formula="of:=${v.formula}" office:value-type="float" office:value="${v.value}"><text:p>${v.value}</text:p></table:table-cell>`;
    if (v && typeof v === 'object' && 'percent' in v)
      return `<table:table-cell table:style-name="pct" office:value-type="percentage" office:value="${v.percent}"><text:p>${Math.round(v.percent * 100)}%</text:p></table:table-cell>`;
    const paras = String(v ?? '')
      .split('\n')
      .map((l) => `<text:p>${esc(l)}</text:p>`)
      .join('');
    return `<table:table-cell table:style-name="v" office:value-type="string">${paras}</table:table-cell>`;
  };
  const str = (t, attrs = '') =>
    `<table:table-cell table:style-name="l" office:value-type="string"${attrs}><text:p>${esc(t)}</text:p></table:table-cell>`;
  const full = (t, style) =>
    `<table:table-row><table:table-cell table:style-name="${style}" table:number-columns-spanned="3" office:value-type="string"><text:p>${esc(t)}</text:p></table:table-cell><table:covered-table-cell/><table:covered-table-cell/></table:table-row>`;
  const groups = new Map();
  for (const [g] of ROWS) if (g) groups.set(g, (groups.get(g) ?? 0) + 1);
  const seen = new Set();
  const rows = ROWS.map(([g, l, key]) => {
    if (!g)
      return `<table:table-row>${str(l, ' table:number-columns-spanned="2"')}<table:covered-table-cell/>${cell(data[key])}</table:table-row>`;
    const head = seen.has(g) ? '<table:covered-table-cell/>' : str(g, ` table:number-rows-spanned="${groups.get(g)}"`);
    seen.add(g);
    return `<table:table-row>${head}${str(l)}${cell(data[key])}</table:table-row>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:percentage-style style:name="N10"><number:number number:decimal-places="0" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
<style:style style:name="c1" style:family="table-column"><style:table-column-properties style:column-width="2.6cm"/></style:style>
<style:style style:name="c2" style:family="table-column"><style:table-column-properties style:column-width="5.2cm"/></style:style>
<style:style style:name="c3" style:family="table-column"><style:table-column-properties style:column-width="9.5cm"/></style:style>
<style:style style:name="t" style:family="table-cell"><style:table-cell-properties style:vertical-align="middle"/><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>
<style:style style:name="h" style:family="table-cell"><style:text-properties fo:font-size="11pt"/></style:style>
<style:style style:name="l" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" style:vertical-align="middle" fo:wrap-option="wrap"/></style:style>
<style:style style:name="v" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" style:vertical-align="middle" fo:wrap-option="wrap"/></style:style>
<style:style style:name="pct" style:family="table-cell" style:data-style-name="N10"><style:table-cell-properties fo:border="0.5pt solid #000000"/><style:paragraph-properties fo:text-align="start"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet><table:table table:name="统计表">
<table:table-column table:style-name="c1"/><table:table-column table:style-name="c2"/><table:table-column table:style-name="c3"/>
${full('2023年全民终身学习活动开展情况统计表', 't')}
${full(`教育行政部门（盖章）：${data.department}`, 'h')}
${rows.join('\n')}
${full('详细的活动情况总结、活动照片、活动录像请另附。', 'h')}
</table:table><table:table table:name="Sheet2"><table:table-row><table:table-cell/></table:table-row></table:table></office:spreadsheet></office:body></office:document>`;
}

function fodsToXlsx(fods) {
  const name = `s${++fileNo}.fods`;
  writeFileSync(join(work, name), fods);
  return soffice(name, 'xlsx:Calc Office Open XML', 'OpenDocument Spreadsheet Flat');
}

/** A stamped scan: the filled form with the seal, printed by LibreOffice, rasterised by pdftoppm. */
function scanJpegs(data, opts) {
  return rasterise(writer(formHtml(data, { seal: true }), 'pdf'), { pages: 2, ...opts });
}

/** HSL → #rrggbb (LibreOffice's SVG import does not read hsl()). */
function hex(h, s, l) {
  const f = (n) => {
    const k = (n + h / 30) % 12;
    const c = l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

/** A "photo": a drawn scene of an activity, rasterised to a small JPEG. */
function photoJpeg(caption, hue) {
  const file = `photo${++fileNo}.svg`;
  const people = Array.from({ length: 14 }, (_, i) => {
    const x = 40 + i * 40 + (i % 3) * 6;
    const y = 300 + (i % 2) * 24;
    return `<circle cx="${x}" cy="${y}" r="13" fill="#3b2f2a"/><rect x="${x - 16}" y="${y + 12}" width="32" height="60" rx="10" fill="${hex((hue + i * 37) % 360, 0.55, 0.5)}"/>`;
  }).join('');
  writeFileSync(
    join(work, file),
    `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="420" viewBox="0 0 640 420">
<rect width="640" height="420" fill="${hex(hue, 0.35, 0.82)}"/><rect y="250" width="640" height="170" fill="#8a7f72"/>
<rect x="60" y="40" width="520" height="70" fill="#c8161d"/>
<text x="320" y="86" font-family="Noto Serif SC" font-size="28" fill="#ffe9a8" text-anchor="middle">${esc(caption)}</text>
<rect x="120" y="130" width="400" height="110" fill="#2c5d8f"/><text x="320" y="195" font-family="Noto Serif SC" font-size="20" fill="#fff" text-anchor="middle">让学习成为一种生活方式</text>
${people}</svg>`,
  );
  const pdf = writer(
    `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0"><p><img src="${file}" width="640" height="420"></p></body></html>`,
    'pdf',
  );
  return rasterise(pdf, { dpi: 72, quality: 70, crop: inkBox(pdf, 72) })[0];
}

/** The unit's form as YAML in this tool's format (fixtures/sample style). */
function formYaml(data) {
  const q = (s) => (/^\d+$/.test(s) ? s : /^[\d.]+$/.test(s) || /[:#]/.test(s) ? JSON.stringify(s) : s);
  const block = (s, indent) =>
    s.includes('\n')
      ? `|\n${s
          .split('\n')
          .map((l) => ' '.repeat(indent) + l)
          .join('\n')}`
      : q(s);
  const out = [
    '# yaml-language-server: $schema=../../schemas/submission.schema.json',
    `# 2023 年全民终身学习活动开展情况统计表（${data.district}）`,
    '年度: 2023',
    `教育行政部门（盖章）: ${data.department}`,
  ];
  let group;
  for (const [g, l, key] of ROWS) {
    const v = data[key] ?? '';
    if (g !== group && g) out.push(`${g}:`);
    group = g;
    out.push(`${g ? '  ' : ''}${l}: ${block(String(v), g ? 4 : 2)}`);
  }
  return out.join('\n') + '\n';
}

/** Our own `render` of a YAML: returns the bytes of the requested format. */
function ourRender(data, stem, format) {
  const dir = join(work, `render${++fileNo}`);
  mkdirSync(dir);
  writeFileSync(join(dir, `${stem}.yaml`), formYaml(data));
  run(process.execPath, [BIN, 'render', join(dir, `${stem}.yaml`), '--format', format, '-o', dir], { cwd: ROOT });
  // render names its output after the form: 「2023年全民终身学习活动开展情况统计表（单位）.pdf」.
  const made = readdirSync(dir).filter((f) => f.endsWith(`.${format}`));
  if (made.length !== 1) throw new Error(`render made ${made.join(', ') || 'nothing'}`);
  return { yaml: readFileSync(join(dir, `${stem}.yaml`)), out: readFileSync(join(dir, made[0])) };
}

// ---------------------------------------------------------------- GBK, ZIP, mail

/** "2023-11-28 17:05" (a Windows PC's local time) → [DOS time, DOS date]. */
function dos(stamp) {
  const [, y, mo, d, h, mi] = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d)$/.exec(stamp).map(Number);
  return [(h << 11) | (mi << 5), ((y - 1980) << 9) | (mo << 5) | d];
}

/**
 * A ZIP as Windows Explorer's 「发送到 › 压缩(zipped)文件夹」 writes it on a Chinese PC: names in GBK,
 * no UTF-8 flag (bit 11), made-by MS-DOS. entries: { name: Buffer, data: Buffer, time: 'YYYY-MM-DD HH:MM', store? }
 */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const [time, date] = dos(e.time);
    const method = e.store ? 0 : 8;
    const body = e.store ? e.data : deflateRawSync(e.data, { level: 9 });
    const crc = crc32(e.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6); // no UTF-8 flag
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(e.name.length, 26);
    locals.push(local, e.name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0014, 4); // made by MS-DOS (FAT), 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(e.name.length, 28);
    central.writeUInt32LE(0x20, 38); // FILE_ATTRIBUTE_ARCHIVE
    central.writeUInt32LE(offset, 42);
    centrals.push(central, e.name);
    offset += 30 + e.name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const b64 = (buf) => Buffer.from(buf).toString('base64').replace(/.{76}/g, '$&\r\n');
const word = (text) => `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;
const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
};
const mimeOf = (name) => MIME[name.split('.').pop()] ?? 'application/octet-stream';

/** A mail as 163/126 webmail sends it: RFC 2047 UTF-8 headers and names, base64 parts. */
function mail({ fromName, from, subject, date, text, attachments, mailer = 'Coremail Webmail Server Version XT5.0.14' }) {
  const parts = [
    `--ALT\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(text)}\r\n`,
    `--ALT\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(`<div>${text.split('\n').map(esc).join('<br>')}</div>`)}\r\n--ALT--\r\n`,
  ];
  const att = attachments.map(
    ({ name, bytes }) =>
      `--MIX\r\nContent-Type: ${mimeOf(name)}; name="${word(name)}"\r\nContent-Disposition: attachment; filename="${word(name)}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(bytes)}\r\n`,
  );
  return Buffer.from(
    `Received: from ${from.split('@')[1]} (unknown [117.40.12.${date.length}])\r\n\tby mx.163.com; ${date}\r\n` +
      `From: ${word(fromName)} <${from}>\r\nTo: jxedusqjy@163.com\r\nSubject: ${word(subject)}\r\nDate: ${date}\r\n` +
      `Message-ID: <${Buffer.from(date).toString('hex').slice(0, 24)}@${from.split('@')[1]}>\r\nX-Mailer: ${mailer}\r\nMIME-Version: 1.0\r\n` +
      `Content-Type: multipart/mixed; boundary="MIX"\r\n\r\nThis is a multi-part message in MIME format.\r\n\r\n` +
      `--MIX\r\nContent-Type: multipart/alternative; boundary="ALT"\r\n\r\n${parts.join('')}\r\n${att.join('')}--MIX--\r\n`,
  );
}

/** A mail from an old Foxmail: raw 8-bit GBK in Subject, From and the attachment names, GBK body. */
function gbkMail({ fromName, from, subject, date, text, attachments }) {
  const chunks = [
    Buffer.from('From: "'),
    gbk(fromName),
    Buffer.from(`" <${from}>\r\nTo: jxedusqjy@163.com\r\nSubject: `),
    gbk(subject),
    Buffer.from(
      `\r\nDate: ${date}\r\nX-Mailer: Foxmail 6, 15, 201, 26 [cn]\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="=====003_Dragon237_====="\r\n\r\n`,
    ),
    Buffer.from('--=====003_Dragon237_=====\r\nContent-Type: text/plain; charset="gb2312"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'),
    gbk(text.replace(/\n/g, '\r\n')),
    Buffer.from('\r\n\r\n'),
  ];
  for (const { name, bytes } of attachments)
    chunks.push(
      Buffer.from(`--=====003_Dragon237_=====\r\nContent-Type: ${mimeOf(name)};\r\n\tname="`),
      gbk(name),
      Buffer.from('"\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment;\r\n\tfilename="'),
      gbk(name),
      Buffer.from(`"\r\n\r\n${b64(bytes)}\r\n\r\n`),
    );
  chunks.push(Buffer.from('--=====003_Dragon237_=====--\r\n'));
  return Buffer.concat(chunks);
}

/** RFC 5322 date with +0800 → ISO 8601 with +08:00. */
function iso(rfc) {
  const m = /(\d{1,2}) (\w{3}) (\d{4}) (\d\d:\d\d:\d\d) \+0800/.exec(rfc);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(m[2]) + 1;
  return `${m[3]}-${String(mon).padStart(2, '0')}-${m[1].padStart(2, '0')}T${m[4]}+08:00`;
}

// ---------------------------------------------------------------- the inbox
const files = []; // { path, bytes, mtime }
const expected = []; // per file, in listing order
const put = (path, bytes, mtime) => files.push({ path, bytes, mtime });
const ORDER = ['fate', 'unit', 'status', 'errors', 'kind', 'reason', 'supersededBy', 'receivedAt', 'mtime', 'entryTime', 'note'];
const expect = (path, outcome) =>
  expected.push(Object.fromEntries([['path', path], ...ORDER.filter((k) => outcome[k] !== undefined).map((k) => [k, outcome[k]])]));

// 东湖区 — one complete mail: hand-filled form, stamped scan, 方案, 总结. On time.
{
  const d = FORMS['东湖区'];
  const date = 'Tue, 28 Nov 2023 16:42:10 +0800';
  const at = iso(date);
  const eml = '东湖区材料.eml';
  const parts = [
    [
      '东湖区2023年全民终身学习活动开展情况统计表.docx',
      writer(formHtml(d), 'docx'),
      { fate: 'submission', status: 'valid', note: '市里的Word表格，区里手工填写（LibreOffice 生成，非本工具）' },
    ],
    [
      '东湖区统计表（盖章）.pdf',
      await imagePdf(scanJpegs(d)),
      { fate: 'attachment', kind: 'stampedScan', note: '盖章后扫描的PDF，只有图像、没有文字层' },
    ],
    [
      '东湖区2023年全民终身学习活动周工作方案.docx',
      writer(planHtml('东湖区', d, '2023年11月6日'), 'docx'),
      { fate: 'attachment', kind: 'workPlan', note: '工作方案（正文，无统计表）' },
    ],
    [
      '东湖区2023年全民终身学习活动周工作总结.docx',
      writer(summaryHtml('东湖区', d, '2023年11月27日'), 'docx'),
      { fate: 'attachment', kind: 'workSummary', note: '工作总结（正文，无统计表）' },
    ],
  ];
  put(
    eml,
    mail({
      fromName: '东湖区教体局张敏',
      from: 'dhqjyj@163.com',
      subject: '东湖区2023年全民终身学习活动周材料报送',
      date,
      text: '市社区教育指导中心：\n\n您好！附件是东湖区2023年全民终身学习活动周工作方案、工作总结、统计表（Word版和盖章扫描件），请查收。\n\n东湖区教体局 张敏\n0791-86771234',
      attachments: parts.map(([name, bytes]) => ({ name, bytes })),
    }),
    SAVED(31),
  );
  expect(eml, {
    fate: 'container',
    unit: '东湖区',
    receivedAt: at,
    mtime: SAVED(31),
    note: '东湖区的邮件（163邮箱，UTF-8 编码的标题和附件名）',
  });
  for (const [name, , o] of parts) expect(`${eml}!${name}`, { ...o, unit: '东湖区', receivedAt: at });
  // The Word lock file left behind when the clerk saved the attachment and opened it.
  const owner = Buffer.alloc(162);
  owner[0] = 8;
  owner.write('zhangmin', 1, 'latin1');
  owner[54] = 8;
  owner.write('zhangmin', 56, 'utf16le');
  put('~$东湖区统计表.docx', owner, '2023-12-04T09:40:00+08:00');
  expect('~$东湖区统计表.docx', {
    fate: 'not-a-submission',
    reason: 'office-lock-file',
    receivedAt: '2023-12-04T09:40:00+08:00',
    mtime: '2023-12-04T09:40:00+08:00',
    note: 'Word 打开文件时留下的锁文件（162 字节，不是 zip）',
  });
}

// 西湖区 — loose files: the form (with hand-made label quirks), a JPG scan, a legacy .doc 总结. No 方案.
{
  const d = FORMS['西湖区'];
  const t = (m) => `2023-11-27T10:${m}:00+08:00`;
  put('西湖区统计表.docx', writer(formHtml(d, { halfWidthBrackets: true, spacedLabel: true, blankRow: true }), 'docx'), t(15));
  expect('西湖区统计表.docx', {
    fate: 'submission',
    unit: '西湖区',
    status: 'valid',
    receivedAt: t(15),
    mtime: t(15),
    note: '手工填写的Word表格：标签用半角括号「出席活动(开幕式)的领导」、「举办　县区」中有全角空格、表末多一空行；「５２场」「约25000人次」（提醒）',
  });
  put('西湖区盖章扫描件.jpg', scanJpegs(d, { dpi: 80, quality: 50, pages: 1 })[0], t(16));
  expect('西湖区盖章扫描件.jpg', {
    fate: 'attachment',
    unit: '西湖区',
    kind: 'stampedScan',
    receivedAt: t(16),
    mtime: t(16),
    note: '盖章表格的扫描图片（JPG）',
  });
  put('西湖区工作总结.doc', writer(summaryHtml('西湖区', d, '2023年11月24日'), 'doc'), t(17));
  expect('西湖区工作总结.doc', {
    fate: 'attachment',
    unit: '西湖区',
    kind: 'workSummary',
    receivedAt: t(17),
    mtime: t(17),
    note: '工作总结，Word 97 格式（.doc）',
  });
}

// 青山湖区 — an old Foxmail: raw GBK headers and names; the form retyped in a spreadsheet.
{
  const d = FORMS['青山湖区'];
  const date = 'Wed, 29 Nov 2023 17:30:00 +0800';
  const at = iso(date);
  const eml = '青山湖区.eml';
  const parts = [
    [
      '统计表.xlsx',
      fodsToXlsx(formFods(d)),
      {
        fate: 'submission',
        status: 'valid',
        note: '在电子表格里重新录入的统计表（LibreOffice Calc 生成）：合并单元格、「参加活动人数」是公式 =2300+1800+2600+1900（缓存值 8600）、满意度是百分比单元格（存 0.96）',
      },
    ],
    [
      '扫描件.pdf',
      await imagePdf(scanJpegs(d), -0.6),
      { fate: 'attachment', kind: 'stampedScan', note: '盖章扫描件，文件名不含单位，靠发件人/标题归属' },
    ],
    [
      '活动周工作总结.docx',
      writer(summaryHtml('青山湖区', { ...d, activityCount: '28', participantCount: '8600人次' }, '2023年11月28日'), 'docx'),
      { fate: 'attachment', kind: 'workSummary', note: '工作总结' },
    ],
  ];
  put(
    eml,
    gbkMail({
      fromName: '青山湖区社区教育学院',
      from: 'qshsqxy@126.com',
      subject: '青山湖区全民终身学习活动周统计表及总结',
      date,
      text: '市中心：\n附件为青山湖区活动周统计表、盖章扫描件和工作总结，请查收。\n青山湖区社区教育学院 王建国',
      attachments: parts.map(([name, bytes]) => ({ name, bytes })),
    }),
    SAVED(33),
  );
  expect(eml, {
    fate: 'container',
    unit: '青山湖区',
    receivedAt: at,
    mtime: SAVED(33),
    note: '老版 Foxmail 发的邮件：标题、发件人和附件名都是未编码的 GBK 原始字节',
  });
  for (const [name, , o] of parts) expect(`${eml}!${name}`, { ...o, unit: '青山湖区', receivedAt: at });
}

// 新建区 — a ZIP from Windows Explorer (GBK names), with a nested ZIP of photos, one stored with an absolute path.
{
  const d = FORMS['新建区'];
  const at = '2023-11-29T09:05:00+08:00';
  const photos = zip([
    { name: gbk('1.jpg'), data: photoJpeg('新建区2023年全民终身学习活动周启动仪式', 20), time: '2023-11-13 09:40', store: true },
    { name: gbk('2.jpg'), data: photoJpeg('乡村夜校 农业实用技术培训', 120), time: '2023-11-18 19:12', store: true },
    { name: gbk('D:\\新建区活动照片\\3.jpg'), data: photoJpeg('汪山土库研学', 200), time: '2023-11-21 10:05', store: true },
  ]);
  const inner = [
    [
      '新建区统计表.docx',
      writer(formHtml(d), 'docx'),
      '2023-11-28 17:05',
      { fate: 'submission', status: 'valid', note: '手工填写的Word表格' },
    ],
    [
      '新建区盖章扫描件.pdf',
      await imagePdf(scanJpegs(d), 0.8),
      '2023-11-28 17:20',
      { fate: 'attachment', kind: 'stampedScan', note: '盖章扫描件（图像PDF）' },
    ],
    [
      '新建区2023年全民终身学习活动周工作方案.docx',
      writer(planHtml('新建区', d, '2023年11月8日'), 'docx'),
      '2023-11-08 16:30',
      { fate: 'attachment', kind: 'workPlan', note: '工作方案' },
    ],
    ['照片.zip', photos, '2023-11-28 17:30', { fate: 'container', note: '压缩包里的压缩包：活动照片' }],
  ];
  put('新建区.zip', zip(inner.map(([name, data, time]) => ({ name: gbk(name), data, time }))), at);
  expect('新建区.zip', {
    fate: 'container',
    unit: '新建区',
    receivedAt: at,
    mtime: at,
    note: 'Windows「发送到压缩文件夹」打的包：条目名是 GBK，没有 UTF-8 标志',
  });
  for (const [name, , time, o] of inner) expect(`新建区.zip!${name}`, { ...o, unit: '新建区', receivedAt: at, entryTime: time });
  expect('新建区.zip!照片.zip!1.jpg', {
    fate: 'attachment',
    unit: '新建区',
    kind: 'photo',
    receivedAt: at,
    entryTime: '2023-11-13 09:40',
    note: '活动照片',
  });
  expect('新建区.zip!照片.zip!2.jpg', {
    fate: 'attachment',
    unit: '新建区',
    kind: 'photo',
    receivedAt: at,
    entryTime: '2023-11-18 19:12',
    note: '活动照片',
  });
  expect('新建区.zip!照片.zip!D:\\新建区活动照片\\3.jpg', {
    fate: 'unsafe',
    unit: '新建区',
    reason: 'absolute-path',
    receivedAt: at,
    entryTime: '2023-11-21 10:05',
    note: '老压缩软件存了绝对路径 D:\\…，按不安全的条目名拒绝（内容本身是一张照片）',
  });
}

// 红谷滩区 — our own DOCX (render), the file named with the old name 红谷滩新区.
{
  const t = '2023-11-29T14:30:00+08:00';
  put('红谷滩新区统计表.docx', ourRender(FORMS['红谷滩区'], '红谷滩区统计表', 'docx').out, t);
  expect('红谷滩新区统计表.docx', {
    fate: 'submission',
    unit: '红谷滩区',
    status: 'valid',
    receivedAt: t,
    mtime: t,
    note: '本工具 render 生成的 Word（内嵌数据），文件名用旧称「红谷滩新区」（不能误配「新建区」）',
  });
}

// 南昌县 — a legacy Word 97 form, sent late in the evening of the deadline (on time).
{
  const t = '2023-11-30T23:10:00+08:00';
  put('南昌县统计表.doc', writer(formHtml(FORMS['南昌县']), 'doc'), t);
  expect('南昌县统计表.doc', {
    fate: 'submission',
    unit: '南昌县',
    status: 'valid',
    receivedAt: t,
    mtime: t,
    note: '旧版 Word 97（.doc）统计表，截止当晚 23:10 收到，按时',
  });
}

// 安义县 — everything arrives after the deadline; its 方案 attachment is broken.
{
  const d = FORMS['安义县'];
  const date = 'Sat, 02 Dec 2023 11:20:00 +0800';
  const at = iso(date);
  const eml = '安义县活动周材料.eml';
  const plan = writer(planHtml('安义县', d, '2023年11月10日'), 'docx');
  const parts = [
    ['安义县统计表.docx', writer(formHtml(d), 'docx'), { fate: 'submission', status: 'valid', note: '手工填写的Word表格（迟报）' }],
    [
      '安义县工作方案.docx',
      plan.subarray(0, Math.floor(plan.length * 0.55)),
      { fate: 'unreadable', reason: 'truncated', note: '附件只传了一半（截断的 zip），打不开' },
    ],
    [
      '安义县工作总结.docx',
      writer(summaryHtml('安义县', d, '2023年12月1日'), 'docx'),
      { fate: 'attachment', kind: 'workSummary', note: '工作总结' },
    ],
  ];
  put(
    eml,
    mail({
      fromName: '安义县教体局',
      from: 'ayxjtj@126.com',
      subject: '安义县2023年全民终身学习活动周材料（补报）',
      date,
      text: '市社区教育指导中心：\n因单位网络故障，材料未能按时报送，现补报，请谅解。\n安义县教体局 余振华',
      attachments: parts.map(([name, bytes]) => ({ name, bytes })),
      mailer: 'Coremail Webmail Server Version XT5.0.13',
    }),
    SAVED(35),
  );
  expect(eml, { fate: 'container', unit: '安义县', receivedAt: at, mtime: SAVED(35), note: '12月2日才发来的邮件：迟报' });
  for (const [name, , o] of parts) expect(`${eml}!${name}`, { ...o, unit: '安义县', receivedAt: at });
}

// 进贤县 — a first version (loose file, 11-25) and a corrected one by mail (11-29): the mail wins.
{
  const early = '2023-11-25T15:20:00+08:00';
  const date = 'Wed, 29 Nov 2023 10:05:33 +0800';
  const at = iso(date);
  const eml = '进贤县统计表修改版.eml';
  const winner = `${eml}!进贤县统计表（修改版）.docx`;
  put('进贤县统计表.docx', writer(formHtml(FORMS['进贤县（初稿）']), 'docx'), early);
  expect('进贤县统计表.docx', {
    fate: 'superseded',
    unit: '进贤县',
    status: 'valid',
    supersededBy: winner,
    receivedAt: early,
    mtime: early,
    note: '初稿（18项活动、4200人次），被11月29日邮件里的修改版取代',
  });
  const d = FORMS['进贤县'];
  const parts = [
    [
      '进贤县统计表（修改版）.docx',
      writer(formHtml(d), 'docx'),
      { fate: 'submission', status: 'valid', note: '修改版（24项活动、「5,600人次」）：以此为准' },
    ],
    [
      '进贤县2023年全民终身学习活动周工作总结.docx',
      writer(summaryHtml('进贤县', d, '2023年11月28日'), 'docx'),
      { fate: 'attachment', kind: 'workSummary', note: '工作总结' },
    ],
  ];
  put(
    eml,
    mail({
      fromName: '进贤县教体局',
      from: 'jxxjtj@163.com',
      subject: '进贤县全民终身学习活动周统计表（修改版）',
      date,
      text: '市中心：\n25日报送的统计表漏报了乡镇活动，现发修改版，请以此为准。工作总结一并附上。\n进贤县教体局 万小军',
      attachments: parts.map(([name, bytes]) => ({ name, bytes })),
    }),
    SAVED(34),
  );
  expect(eml, { fate: 'container', unit: '进贤县', receivedAt: at, mtime: SAVED(34), note: '进贤县的修改版邮件' });
  for (const [name, , o] of parts) expect(`${eml}!${name}`, { ...o, unit: '进贤县', receivedAt: at });
}

// 经开区 — used this tool: its YAML, then the PDF rendered from it two minutes later (which wins).
{
  const { yaml, out } = ourRender(FORMS['经开区'], '经开区统计表', 'pdf');
  const ty = '2023-11-28T09:00:00+08:00';
  const tp = '2023-11-28T09:02:00+08:00';
  put('经开区/经开区统计表.yaml', yaml, ty);
  put('经开区/经开区统计表.pdf', out, tp);
  expect('经开区/经开区统计表.pdf', {
    fate: 'submission',
    unit: '经开区',
    status: 'valid',
    receivedAt: tp,
    mtime: tp,
    note: '本工具 render 生成的 PDF（附带 submission.json），比 YAML 晚两分钟',
  });
  expect('经开区/经开区统计表.yaml', {
    fate: 'superseded',
    unit: '经开区',
    status: 'valid',
    supersededBy: '经开区/经开区统计表.pdf',
    receivedAt: ty,
    mtime: ty,
    note: '用本工具填写的 YAML；同一内容的 PDF 更晚，YAML 被取代',
  });
}

// 高新区 — on time, but the form has errors: 参加活动人数「很多」, 活动时间「11月中下旬」.
{
  const d = FORMS['高新区'];
  const date = 'Thu, 30 Nov 2023 16:08:45 +0800';
  const at = iso(date);
  const eml = '高新区报送材料.eml';
  const parts = [
    [
      '南昌高新区统计表.docx',
      writer(formHtml(d), 'docx'),
      {
        fate: 'submission',
        status: 'invalid',
        errors: ['participation.participantCount', 'content.period'],
        note: '手工填写：参加活动人数「很多」、活动时间「11月中下旬」，两处错误；举办县区写别名「南昌高新区」',
      },
    ],
    ['高新区盖章扫描件.pdf', await imagePdf(scanJpegs(d), 0.3), { fate: 'attachment', kind: 'stampedScan', note: '盖章扫描件' }],
  ];
  put(
    eml,
    mail({
      fromName: '南昌高新区教育事业发展中心',
      from: 'gxqjyzx@163.com',
      subject: '高新区活动周统计表',
      date,
      text: '附件为高新区统计表及盖章件。',
      attachments: parts.map(([name, bytes]) => ({ name, bytes })),
    }),
    SAVED(32),
  );
  expect(eml, { fate: 'container', unit: '高新区', receivedAt: at, mtime: SAVED(32), note: '高新区的邮件' });
  for (const [name, , o] of parts) expect(`${eml}!${name}`, { ...o, unit: '高新区', receivedAt: at });
}

// 湾里管理局 — only a RAR, which the tool does not open.
{
  const t = '2023-11-30T11:00:00+08:00';
  const junk = Buffer.alloc(2048);
  for (let i = 0, x = 12345; i < junk.length; i++) junk[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  put('湾里管理局材料.rar', Buffer.concat([Buffer.from('Rar!\x1a\x07\x00', 'latin1'), junk]), t);
  expect('湾里管理局材料.rar', {
    fate: 'unsupported',
    unit: '湾里管理局',
    reason: 'rar',
    receivedAt: t,
    mtime: t,
    note: 'RAR 压缩包（Rar!\\x1a\\x07\\x00 + 内容），工具不解 RAR：请对方改发 zip 或直接发附件',
  });
}

// 青云谱区 — nothing at all.

// Noise.
{
  const t = '2023-11-22T15:00:00+08:00';
  put('活动照片1.jpg', photoJpeg('全民终身学习活动周 社区大讲堂', 40), t);
  expect('活动照片1.jpg', { fate: 'attachment', kind: 'photo', receivedAt: t, mtime: t, note: '一张活动照片，文件名看不出是哪个单位' });
  const s = '2023-12-04T09:45:00+08:00';
  const ole = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  put('Thumbs.db', ole, s);
  expect('Thumbs.db', {
    fate: 'not-a-submission',
    reason: 'system-file',
    receivedAt: s,
    mtime: s,
    note: 'Windows 缩略图缓存（OLE 文件头，和 .doc 一样，不能当 .doc 读）',
  });
  const ds = Buffer.alloc(1024);
  Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]).copy(ds);
  put('.DS_Store', ds, s);
  expect('.DS_Store', { fate: 'not-a-submission', reason: 'system-file', receivedAt: s, mtime: s, note: 'macOS 的文件夹信息文件' });
  const r = '2023-12-04T09:50:00+08:00';
  put(
    '读我.txt',
    Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(
        '2023年全民终身学习活动周各县区报送材料\r\n12月4日从 jxedusqjy@163.com 邮箱导出，邮件另存为 .eml。\r\n西湖区、南昌县、进贤县（初稿）、红谷滩区的材料是从网页邮箱直接下载的附件。\r\n——万梦婷\r\n',
      ),
    ]),
    r,
  );
  expect('读我.txt', { fate: 'not-a-submission', reason: 'note', receivedAt: r, mtime: r, note: '中心工作人员自己写的说明' });
}

// ---------------------------------------------------------------- units
const byPath = new Map(expected.map((f) => [f.path, f]));
const units = ROSTER.map((name) => {
  const mine = expected.filter((f) => f.unit === name);
  const source = mine.find((f) => f.fate === 'submission');
  const has = (kind) => mine.some((f) => f.fate === 'attachment' && f.kind === kind);
  const unit = {
    name,
    // A unit whose files arrived but none is its form is never plain 未报送.
    status: source ? source.status : mine.some((f) => f.fate !== 'container') ? 'unreadable' : 'missing',
    late: source ? new Date(source.receivedAt) > new Date(DEADLINE) : false,
    source: source ? source.path : null,
    pieces: {
      form: !!source,
      wordForm: mine.some((f) => (f.fate === 'submission' || f.fate === 'superseded') && /\.docx?$/i.test(f.path)),
      stampedScan: has('stampedScan'),
      workPlan: has('workPlan'),
      workSummary: has('workSummary'),
    },
  };
  if (KEY_VALUES[name]) unit.data = KEY_VALUES[name];
  return unit;
});
for (const f of expected) if (f.supersededBy && !byPath.has(f.supersededBy)) throw new Error(`bad supersededBy in ${f.path}`);

// ---------------------------------------------------------------- write
rmSync(INBOX, { recursive: true, force: true });
for (const f of files) {
  const target = join(INBOX, ...f.path.split('/'));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, f.bytes);
}
for (const f of files) {
  const t = new Date(f.mtime);
  await utimes(join(INBOX, ...f.path.split('/')), t, t);
}
const spec = {
  $comment:
    'The outcome a correct `lifelong-week validate fixtures/inbox --json` reports. Written by scripts/make-inbox.mjs from scripts/inbox-story.mjs; story in fixtures/inbox.README.md. `mtime` = the file time to set after a checkout (scripts/inbox-times.mjs); `note` and `entryTime` are for people.',
  campaign: { year: 2023, city: '南昌市', deadline: DEADLINE },
  files: expected,
  units,
  summary: {
    units: ROSTER.length,
    valid: units.filter((u) => u.status === 'valid').length,
    invalid: units.filter((u) => u.status === 'invalid').length,
    missing: units.filter((u) => u.status === 'missing').length,
    unreadable: units.filter((u) => u.status === 'unreadable').length,
    late: units.filter((u) => u.late).length,
    onTimeAndValid: units.filter((u) => u.status === 'valid' && !u.late).length,
    exitCode: 1,
  },
};
writeFileSync(EXPECTED, JSON.stringify(spec, null, 2) + '\n');
rmSync(work, { recursive: true, force: true });
const total = files.reduce((n, f) => n + f.bytes.length, 0);
console.log(`fixtures/inbox: ${files.length} files on disk, ${expected.length} listed with their parts, ${(total / 1024).toFixed(0)} KB`);
