// Regenerates fonts/NotoSansSC-Medium-annex.ttf: the few glyphs of Noto Sans SC Medium (SIL OFL 1.1)
// the PDF sets 「附件」 in — the 黑体 role of an annex (docs/rendering.md, "Fonts (PDF)"). The whole
// family is ~96 MB as an npm package for two characters, so the tool ships this subset instead.
//
//   node scripts/make-annex-font.mjs [NotoSansSC_500Medium.ttf]
//
// Without an argument it fetches @expo-google-fonts/noto-sans-sc with `npm pack` into a temporary
// folder. The subset is written by the tool's own subsetter (src/render/truetype.ts, bundled here
// with esbuild) plus the tables a standalone font needs: cmap (format 4), OS/2, name (the
// copyright and licence strings), post (version 3).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const PACKAGE = '@expo-google-fonts/noto-sans-sc@0.4.3';
const FACE = '500Medium/NotoSansSC_500Medium.ttf';
/** 「附件」 (FURNITURE.annexLabel) and digits, should an annex ever be numbered (「附件2」). */
const CHARS = '附件0123456789';
const OUT = join(root, 'fonts', 'NotoSansSC-Medium-annex.ttf');

const work = mkdtempSync(join(tmpdir(), 'lw-annex-font-'));
try {
  let source = process.argv[2];
  if (!source) {
    execFileSync('npm', ['pack', PACKAGE, '--pack-destination', work], { cwd: work, stdio: 'ignore' });
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
    execFileSync('tar', ['-xzf', tgz, '-C', work, `package/${FACE}`], { cwd: work });
    source = join(work, 'package', FACE);
  }
  await build({
    entryPoints: [join(root, 'src', 'render', 'truetype.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: join(work, 'truetype.mjs'),
    logLevel: 'error',
  });
  const { TrueTypeFont, bufferSource, writeSfnt } = await import(pathToFileURL(join(work, 'truetype.mjs')).href);

  const bytes = new Uint8Array(readFileSync(source));
  const font = TrueTypeFont.open(bufferSource(bytes));
  const subset = font.createSubset();
  const codes = [...new Set(Array.from(CHARS, (c) => c.codePointAt(0)))].sort((a, b) => a - b);
  const glyphOf = new Map(
    codes.map((cp) => {
      if (!font.hasGlyphForCodePoint(cp)) throw new Error(`the source font lacks U+${cp.toString(16)}`);
      return [cp, subset.includeGlyph(font.glyphIdFor(cp))];
    }),
  );
  const tables = readTables(subset.encode());
  tables.push(['cmap', cmap4(glyphOf)], ['OS/2', font.table('OS/2')], ['name', font.table('name')], ['post', post3(font.table('post'))]);
  writeFileSync(OUT, writeSfnt(tables));
  console.log(`${OUT}: ${readFileSync(OUT).length} bytes, ${codes.length} characters`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The tables of an sfnt, as [tag, bytes]. */
function readTables(sfnt) {
  const d = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const out = [];
  for (let i = 0; i < d.getUint16(4); i++) {
    const r = 12 + i * 16;
    const tag = String.fromCharCode(...sfnt.subarray(r, r + 4));
    out.push([tag, sfnt.slice(d.getUint32(r + 8), d.getUint32(r + 8) + d.getUint32(r + 12))]);
  }
  return out;
}

/** cmap with one subtable, Windows Unicode BMP format 4: a segment per code point, then 0xFFFF. */
function cmap4(glyphOf) {
  const segs = [...glyphOf]
    .map(([cp, gid]) => ({ start: cp, end: cp, delta: (gid - cp) & 0xffff }))
    .concat({ start: 0xffff, end: 0xffff, delta: 1 });
  const n = segs.length;
  const sub = new DataView(new ArrayBuffer(16 + n * 8));
  const log = Math.floor(Math.log2(n));
  sub.setUint16(0, 4);
  sub.setUint16(2, sub.byteLength);
  sub.setUint16(6, n * 2);
  sub.setUint16(8, 2 ** log * 2);
  sub.setUint16(10, log);
  sub.setUint16(12, n * 2 - 2 ** log * 2);
  segs.forEach((s, i) => {
    sub.setUint16(14 + i * 2, s.end);
    sub.setUint16(16 + n * 2 + i * 2, s.start);
    sub.setUint16(16 + n * 4 + i * 2, s.delta);
    sub.setUint16(16 + n * 6 + i * 2, 0);
  });
  const out = new Uint8Array(12 + sub.byteLength);
  const d = new DataView(out.buffer);
  d.setUint16(2, 1);
  d.setUint16(4, 3);
  d.setUint16(6, 1);
  d.setUint32(8, 12);
  out.set(new Uint8Array(sub.buffer), 12);
  return out;
}

/** post version 3.0: the header only, no glyph names. */
function post3(post) {
  const out = post.slice(0, 32);
  new DataView(out.buffer).setUint32(0, 0x00030000);
  return out;
}
