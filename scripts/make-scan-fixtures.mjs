// Regenerates fixtures/scans/: stamped scans made the way units make them (docs/scans.md).
//   npm run build --silent && node scripts/make-scan-fixtures.mjs
// Needs poppler (pdftoppm) and LibreOffice (soffice) — the fixtures are committed, so tests do not.
//
// 1. The form is rendered by this tool (`lifelong-week render`) and, for the Word road, the DOCX is
//    turned into a PDF by LibreOffice, as a clerk's office suite would print it.
// 2. The seal (ring with a 0.1 cm rim, the unit's name along the arc, a five-pointed star; 4.2 cm for a
//    county-level organ) and red pen marks are drawn as vector layers on an empty page (pdf-lib), and
//    rasterised by pdftoppm at the scan's resolution.
// 3. Ink multiplies onto the printed page with an uneven strength; then what a scanner does: paper
//    tint, 1–2° rotation, blur, noise, JPEG at quality 75, one image per page wrapped into a PDF.
//    A phone photo gets perspective and uneven light; the grayscale and black-and-white scans lose
//    the red; the lossless one is two Flate strips per page.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EventEmitter } from 'node:events';
import * as fontkitModule from 'fontkit';
import jpeg from 'jpeg-js';
import { PDFDocument, PDFName, PDFNumber, rgb, degrees } from 'pdf-lib';
import { PNG } from 'pngjs';
import {
  bilevel,
  blur,
  grayscale,
  image,
  multiplyLayer,
  noise,
  perspective,
  rng,
  rotate,
  setJfifDpi,
  smoothField,
  tint,
  unevenLight,
} from './lib/raster.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'fixtures/scans');
const work = mkdtempSync(join(tmpdir(), 'lw-scans-'));
const DPI = 150;
const A4 = { width: 595.276, height: 841.89 };
const MM = 72 / 25.4;
const FONT = join(root, 'node_modules/@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf');
const fontBytes = readFileSync(FONT);
/** pdf-lib asks a subset for `encodeStream()` (fontkit 1); fontkit 2 has `encode()`. */
const fontkit = {
  create(bytes) {
    const font = fontkitModule.create(bytes);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      subset.encodeStream = () => {
        const stream = new EventEmitter();
        setImmediate(() => {
          stream.emit('data', subset.encode());
          stream.emit('end');
        });
        return stream;
      };
      return subset;
    };
    return font;
  },
};

try {
  mkdirSync(out, { recursive: true });
  // ── the printed forms ──
  const cli = join(root, 'bin/lifelong-week');
  const sample = readFileSync(join(root, 'fixtures/sample/东湖区.yaml'), 'utf8');
  const render = (name, yaml) => {
    const dir = join(work, name);
    mkdirSync(dir);
    writeFileSync(join(dir, '东湖区.yaml'), yaml);
    execFileSync(process.execPath, [cli, 'render', join(dir, '东湖区.yaml'), '-o', dir], { stdio: 'ignore' });
    const files = readdirSync(dir);
    return {
      pdf: join(
        dir,
        files.find((f) => f.endsWith('.pdf')),
      ),
      docx: join(
        dir,
        files.find((f) => f.endsWith('.docx')),
      ),
    };
  };
  const ours = render('ours', sample);
  // An older printout: figures changed in the Word file after this one was stamped and scanned.
  const older = render(
    'older',
    sample
      .replace('全区参与活动的数量: 36', '全区参与活动的数量: 32')
      .replace('参加活动人数: 1.2万人次', '参加活动人数: 9800')
      .replace('群众满意度: 98%', '群众满意度: 96%')
      .replace('电话: 0791-86771234', '电话: 0791-86771235'),
  );
  // LibreOffice finds Chinese glyphs in the Noto Serif SC the project already ships (no system CJK font needed).
  const fonts = join(root, 'node_modules/@expo-google-fonts/noto-serif-sc');
  writeFileSync(
    join(work, 'fonts.conf'),
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<dir>${fonts}/400Regular</dir><dir>${fonts}/700Bold</dir><cachedir>${work}/fc</cachedir></fontconfig>`,
  );
  execFileSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${join(work, 'lo-profile')}`,
      '--convert-to',
      'pdf',
      '--outdir',
      join(work, 'lo'),
      ours.docx,
    ],
    {
      stdio: 'ignore',
      timeout: 180_000,
      env: { ...process.env, FONTCONFIG_FILE: join(work, 'fonts.conf') },
    },
  );
  const word = join(
    work,
    'lo',
    readdirSync(join(work, 'lo')).find((f) => f.endsWith('.pdf')),
  );

  // ── rasterising ──
  let n = 0;
  const rasterise = (pdf, dpi = DPI) => {
    const prefix = join(work, `r${n++}`);
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', pdf, prefix]);
    return readdirSync(work)
      .filter((f) => f.startsWith(`${prefix.slice(work.length + 1)}-`) && f.endsWith('.png'))
      .sort()
      .map((f) => {
        const png = PNG.sync.read(readFileSync(join(work, f)));
        return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
      });
  };

  // ── the layers: a seal, pen marks ──
  const layer = async (draw, size = A4) => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont(fontBytes, { subset: true });
    const page = doc.addPage([size.width, size.height]);
    draw(page, font);
    const path = join(work, `layer${n++}.pdf`);
    writeFileSync(path, await doc.save());
    return rasterise(path, size.dpi ?? DPI)[0];
  };
  /** A seal centred at (x, y) in points from the page's top-left. */
  const seal =
    (x, y, colour, name = '南昌市东湖区教育体育局', diameterMm = 42) =>
    (page, font) => {
      const cx = x;
      const cy = page.getHeight() - y;
      const R = (diameterMm / 2) * MM;
      const rim = 1 * MM;
      page.drawCircle({ x: cx, y: cy, size: R - rim / 2, borderColor: colour, borderWidth: rim });
      const size = 6.2 * MM;
      const rb = R - rim - 1.2 * MM - size * 0.88;
      const chars = [...name];
      const span = 250;
      chars.forEach((ch, k) => {
        const theta = ((-span / 2 + (span * (k + 0.5)) / chars.length) * Math.PI) / 180;
        const w = font.widthOfTextAtSize(ch, size) * 0.8;
        const px = cx + rb * Math.sin(theta) - (w / 2) * Math.cos(theta);
        const py = cy + rb * Math.cos(theta) + (w / 2) * Math.sin(theta);
        page.drawText(ch, { x: px, y: py, size, font, color: colour, rotate: degrees((-theta * 180) / Math.PI), xScale: 0.8 });
      });
      // The five-pointed star, 1.4 cm across.
      const rs = 7 * MM;
      const points = [];
      for (let k = 0; k < 10; k++) {
        const a = (Math.PI / 5) * k;
        const r = k % 2 ? rs * 0.382 : rs;
        points.push(`${(r * Math.sin(a)).toFixed(2)},${(-r * Math.cos(a)).toFixed(2)}`);
      }
      page.drawSvgPath(`M${points.join(' L')} Z`, { x: cx, y: cy + 1 * MM, color: colour, borderWidth: 0 });
    };
  /** Red pen marks that are not seals: an underline, a note in red, a hand-drawn circle, an ellipse. */
  const penMarks = (page, font) => {
    const H = page.getHeight();
    const red = rgb(0.85, 0.1, 0.12);
    page.drawLine({ start: { x: 300, y: H - 460 }, end: { x: 430, y: H - 458 }, thickness: 1.6, color: red });
    page.drawText('已审核，同意上报', { x: 360, y: H - 150, size: 15, font, color: red });
    // A circle drawn by hand around the figures: 4 cm, not quite closed, wobbly, nothing red inside.
    const random = rng(7);
    const cx = 345;
    const cy = H - 437;
    const r = 20 * MM;
    const pts = [];
    for (let a = 0.3; a < Math.PI * 2 + 0.05; a += 0.08) {
      const rr = r * (1 + 0.05 * Math.sin(a * 3) + (random() - 0.5) * 0.01);
      pts.push(`${(rr * Math.cos(a)).toFixed(2)},${(-rr * Math.sin(a) * 0.97).toFixed(2)}`);
    }
    page.drawSvgPath(`M${pts.join(' L')}`, { x: cx, y: cy, borderColor: red, borderWidth: 1.5 });
    page.drawEllipse({ x: 390, y: H - 720, xScale: 40 * MM, yScale: 12 * MM, borderColor: red, borderWidth: 1.8 });
  };

  // ── what the scanner does ──
  const inkStrength = (seed, low, high, width, height) => {
    const field = smoothField(width, height, 9, rng(seed));
    return (x, y) => low + (high - low) * field(x, y);
  };
  const scanPage = (page, { seed, angle, marks = [], gray = false, clean = false }) => {
    let img = { width: page.width, height: page.height, data: new Uint8Array(page.data) };
    for (const m of marks) multiplyLayer(img, m.layer, m.strength ?? (() => 1));
    tint(img, [250, 247, 238]);
    if (!clean) {
      img = rotate(img, angle, [228, 228, 226]);
      noise(img, 10, rng(seed));
      blur(img);
    }
    if (gray) grayscale(img);
    return img;
  };
  const jpegOf = (img, quality = 75) => new Uint8Array(jpeg.encode({ width: img.width, height: img.height, data: img.data }, quality).data);
  const pdfOfJpegs = async (jpegs, title) => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.setTitle(title);
    doc.setProducer('Scanner fixture (scripts/make-scan-fixtures.mjs)');
    doc.setCreationDate(new Date('2023-11-27T09:00:00+08:00'));
    doc.setModificationDate(new Date('2023-11-27T09:00:00+08:00'));
    for (const bytes of jpegs) {
      const img = await doc.embedJpg(bytes);
      const page = doc.addPage([A4.width, A4.height]);
      page.drawImage(img, { x: 0, y: 0, width: A4.width, height: A4.height });
    }
    return doc.save({ useObjectStreams: false });
  };
  const write = (name, bytes) => {
    writeFileSync(join(out, name), bytes);
    console.log(`${name}  ${(bytes.length / 1024).toFixed(0)} KB`);
  };

  const oursPages = rasterise(ours.pdf);
  const olderPages = rasterise(older.pdf);
  const wordPages = rasterise(word);
  const { width: W, height: H } = oursPages[0];
  // The seal goes where the notice asks: over 「教育行政部门（盖章）」 (about 300, 190 pt from the top).
  const RED = rgb(0.86, 0.08, 0.1);
  const DARK_RED = rgb(0.58, 0.05, 0.08);
  const ORANGE = rgb(0.95, 0.38, 0.12);
  const onDepartment = await layer(seal(300, 188, RED));
  const even = () => 1;
  const uneven = (seed) => inkStrength(seed, 0.65, 1, W, H);

  const sealed = async (name, pages, opts, pageCount = pages.length) =>
    write(
      name,
      await pdfOfJpegs(
        pages
          .slice(0, pageCount)
          .map((p, i) => jpegOf(scanPage(p, { ...opts, seed: opts.seed + i, marks: i === 0 ? (opts.marks ?? []) : [] }))),
        name,
      ),
    );

  await sealed('东湖区-盖章扫描件.pdf', oursPages, { seed: 1, angle: 1.2, marks: [{ layer: onDepartment, strength: uneven(11) }] });
  await sealed(
    '东湖区-盖章扫描件-深红-Word版.pdf',
    wordPages,
    { seed: 2, angle: -1.8, marks: [{ layer: await layer(seal(290, 200, DARK_RED)), strength: uneven(12) }] },
    1,
  );
  await sealed(
    '东湖区-盖章扫描件-橙红.pdf',
    oursPages,
    { seed: 3, angle: 0.6, marks: [{ layer: await layer(seal(310, 185, ORANGE)), strength: uneven(13) }] },
    1,
  );
  // Faint and uneven: a dry ink pad, pressed harder on one side.
  await sealed(
    '东湖区-盖章扫描件-淡印.pdf',
    oursPages,
    { seed: 4, angle: -1.4, marks: [{ layer: onDepartment, strength: inkStrength(14, 0.15, 0.75, W, H) }] },
    1,
  );
  // A seal lying over the figures (参加活动人数, 全区参与活动的数量), as hurried clerks stamp.
  await sealed('东湖区-盖章扫描件-压数字.pdf', oursPages, {
    seed: 5,
    angle: 1.6,
    marks: [{ layer: await layer(seal(335, 432, RED)), strength: uneven(15) }],
  });
  // Forgot the seal: a colour scan of the printed form, nothing red on it.
  await sealed('东湖区-扫描件-未盖章.pdf', oursPages, { seed: 25, angle: -0.5 }, 1);
  await sealed(
    '东湖区-扫描件-未盖章-红笔.pdf',
    oursPages,
    { seed: 6, angle: 0.9, marks: [{ layer: await layer(penMarks), strength: even }] },
    1,
  );
  await sealed('东湖区-盖章扫描件-旧版.pdf', olderPages, { seed: 7, angle: -1.1, marks: [{ layer: onDepartment, strength: uneven(17) }] });
  await sealed(
    '东湖区-盖章扫描件-灰度.pdf',
    oursPages,
    { seed: 8, angle: 1.3, gray: true, marks: [{ layer: onDepartment, strength: uneven(18) }] },
    1,
  );

  // Black and white (fax mode): 1 bit per pixel, Flate — the seal is black like the text.
  {
    const img = scanPage(oursPages[0], { seed: 9, angle: 0.7, marks: [{ layer: onDepartment, strength: even }] });
    const doc = await PDFDocument.create({ updateMetadata: false });
    const stream = doc.context.flateStream(bilevel(img), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: img.width,
      Height: img.height,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 1,
    });
    const ref = doc.context.register(stream);
    const page = doc.addPage([A4.width, A4.height]);
    page.node.setXObject(PDFName.of('Im0'), ref);
    const content = doc.context.flateStream(`q ${A4.width} 0 0 ${A4.height} 0 0 cm /Im0 Do Q`);
    page.node.set(PDFName.of('Contents'), doc.context.register(content));
    write('东湖区-盖章扫描件-黑白.pdf', await doc.save({ useObjectStreams: false }));
  }

  // Lossless, in two strips per page (some scanners write Flate images, several per page).
  {
    const img = scanPage(oursPages[0], { seed: 10, angle: 0, clean: true, marks: [{ layer: onDepartment, strength: uneven(20) }] });
    const doc = await PDFDocument.create({ updateMetadata: false });
    const page = doc.addPage([A4.width, A4.height]);
    const half = Math.ceil(img.height / 2);
    for (const [k, y0, y1] of [
      [0, 0, half],
      [1, half, img.height],
    ]) {
      const rgbBytes = new Uint8Array(img.width * (y1 - y0) * 3);
      for (let y = y0; y < y1; y++)
        for (let x = 0; x < img.width; x++)
          for (let c = 0; c < 3; c++) rgbBytes[((y - y0) * img.width + x) * 3 + c] = img.data[(y * img.width + x) * 4 + c];
      const stream = doc.context.flateStream(rgbBytes, {
        Type: 'XObject',
        Subtype: 'Image',
        Width: img.width,
        Height: y1 - y0,
        ColorSpace: 'DeviceRGB',
        BitsPerComponent: 8,
      });
      page.node.setXObject(PDFName.of(`Strip${k}`), doc.context.register(stream));
    }
    const hTop = (half / img.height) * A4.height;
    const content = `q ${A4.width} 0 0 ${hTop} 0 ${A4.height - hTop} cm /Strip0 Do Q q ${A4.width} 0 0 ${A4.height - hTop} 0 0 cm /Strip1 Do Q`;
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(content)));
    write('东湖区-盖章扫描件-无损分条.pdf', await doc.save({ useObjectStreams: false }));
  }

  // A scan sent as a picture: JPEG, 150 dpi in its JFIF header.
  write(
    '东湖区-盖章扫描件.jpg',
    setJfifDpi(jpegOf(scanPage(oursPages[0], { seed: 21, angle: -0.8, marks: [{ layer: onDepartment, strength: uneven(21) }] })), DPI),
  );

  // A phone photo of page 1 on a desk: perspective, light from the left, no resolution in the file.
  {
    const page = scanPage(oursPages[0], { seed: 22, angle: 0, clean: true, marks: [{ layer: onDepartment, strength: uneven(22) }] });
    const w = 1200;
    const h = 1600;
    let photo = perspective(
      page,
      w,
      h,
      [
        [95, 120],
        [1090, 70],
        [1150, 1540],
        [40, 1500],
      ],
      [120, 104, 88],
    );
    unevenLight(photo, smoothField(w, h, 2, rng(23)), 0.7, 1.05);
    noise(photo, 8, rng(24));
    photo = blur(photo);
    write('东湖区-统计表-手机拍照.jpg', setJfifDpi(jpegOf(photo, 72), 0));
  }

  // An activity photo (活动照片): a red banner with white words, people-coloured blobs; no seal, no form.
  {
    const size = { width: 800, height: 600, dpi: 96 };
    const banner = await layer((page, font) => {
      page.drawRectangle({ x: 0, y: 0, width: 800, height: 600, color: rgb(0.55, 0.62, 0.7) });
      page.drawRectangle({ x: 0, y: 0, width: 800, height: 260, color: rgb(0.62, 0.58, 0.5) });
      page.drawRectangle({ x: 60, y: 430, width: 680, height: 80, color: rgb(0.8, 0.08, 0.1) });
      page.drawText('东湖区2023年全民终身学习活动周开幕式', { x: 90, y: 455, size: 34, font, color: rgb(1, 0.95, 0.6) });
      const random = rng(31);
      for (let k = 0; k < 14; k++) {
        const x = 60 + random() * 680;
        page.drawEllipse({ x, y: 200 + random() * 60, xScale: 24, yScale: 60, color: rgb(random() * 0.5, random() * 0.4, random() * 0.5) });
        page.drawCircle({ x, y: 285 + random() * 60, size: 16, color: rgb(0.85, 0.7, 0.6) });
      }
    }, size);
    noise(banner, 10, rng(32));
    write('活动照片-开幕式.jpg', setJfifDpi(jpegOf(blur(banner), 75), 96));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
