/**
 * The font roles of an annex in both files (docs/rendering.md, "Fonts (PDF)"): the PDF sets 「附件」 in a
 * sans (the DOCX's 黑体), the title in the serif bold (小标宋), the body in the serif (仿宋); the DOCX
 * names the offices' fonts, each with a fallback a standard Chinese Windows has. A font that cannot be
 * read is the renderer's own error, said in the user's language by the one handler.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { NANCHANG_2023 } from '../../src/campaign/campaign.js';
import { handleError } from '../../src/cli.js';
import { formatMessage } from '../../src/core/messages.js';
import { EXIT, RenderError, isRenderError } from '../../src/core/errors.js';
import type { Io } from '../../src/core/io.js';
import type { Lang } from '../../src/core/messages.js';
import { FURNITURE } from '../../src/form/definition.js';
import { renderDocx } from '../../src/render/docx.js';
import { fontPath, fontUnreadable, loadFont } from '../../src/render/fonts.js';
import { renderPdf } from '../../src/render/pdf.js';
import { DONGHU } from './samples.js';
import { inkIn, needs, tmp } from './tools.js';

const HAN = /\p{Script=Han}/u;

function captureIo(lang: Lang): Io & { errors: string[] } {
  const errors: string[] = [];
  return { lang, color: false, errors, out: () => undefined, err: (text) => errors.push(text) };
}

describe('the 附件 face', () => {
  it('ships with the tool as a small Noto Sans SC subset that draws every character of 「附件」', async () => {
    const path = fontPath('sans');
    expect(existsSync(path)).toBe(true);
    expect(statSync(path).size).toBeLessThan(16 * 1024);
    expect(existsSync(join(path, '..', 'OFL.txt'))).toBe(true);
    const sans = await loadFont('sans');
    expect(sans.postscriptName).toBe('NotoSansSC-Medium');
    for (const ch of FURNITURE.annexLabel + '0123456789') expect(sans.has(ch.codePointAt(0)!), ch).toBe(true);
    // The em box centres it on the same line as the serif's (OS/2 typo metrics 880/−120).
    const serif = await loadFont('regular');
    expect([sans.emTop, sans.emBottom]).toEqual([serif.emTop, serif.emBottom]);
  });

  it('the PDF embeds three faces: the sans for 「附件」, the serif bold for the title, the serif for the rest', async () => {
    const pdf = Buffer.from(await renderPdf(DONGHU, NANCHANG_2023)).toString('latin1');
    const names = [...pdf.matchAll(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]);
    expect(new Set(names)).toEqual(new Set(['NotoSansSC-Medium', 'NotoSerifSC-Bold', 'NotoSerifSC-Regular']));
  });

  it.skipIf(!(needs('pdftotext', 'poppler-utils') && needs('pdffonts', 'poppler-utils')))(
    '「附件」 is drawn with ink and extracted as text, in the sans',
    async () => {
      const pdf = await renderPdf(null, NANCHANG_2023);
      const file = join(tmp(), 'blank.pdf');
      writeFileSync(file, pdf);
      expect(execFileSync('pdftotext', ['-f', '1', '-l', '1', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })).toMatch(/^\s*附件/);
      // 「附件」 sits in the top-left of the type area (28 mm in, 37 mm down, 16 pt).
      const mm = 72 / 25.4;
      expect(inkIn(pdf, { x: 28 * mm, y: 37 * mm, w: 40, h: 24 })).toBeGreaterThan(150);
      expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/NotoSansSC-Medium\s+CID TrueType/);
    },
  );
});

describe("the DOCX names the offices' fonts with fallbacks", () => {
  it('黑体 for 「附件」, 方正小标宋简体 for the title, 仿宋_GB2312 for the body, each with a Windows font and its PANOSE', async () => {
    const files = unzipSync(await renderDocx(DONGHU, NANCHANG_2023));
    const fonts = strFromU8(files['word/fontTable.xml']!);
    const entry = (name: string) =>
      new RegExp(`<w:font w:name="${name}"><w:altName w:val="([^"]+)"/><w:panose1 w:val="([0-9A-F]{20})"/>`, 'i').exec(fonts)?.slice(1);
    expect(entry('黑体')).toEqual(['SimHei', '02010609060101010101']);
    expect(entry('方正小标宋简体')).toEqual(['宋体', '02010600030101010101']);
    expect(entry('仿宋_GB2312')).toEqual(['仿宋', '02010609060101010101']);
    const styles = strFromU8(files['word/styles.xml']!);
    const eastAsiaOf = (id: string) => new RegExp(`w:styleId="${id}"[\\s\\S]*?w:eastAsia="([^"]+)"`).exec(styles)?.[1];
    expect([eastAsiaOf('LwAnnex'), eastAsiaOf('LwTitle'), eastAsiaOf('LwCellValue')]).toEqual(['黑体', '方正小标宋简体', '仿宋_GB2312']);
  });
});

describe('a font that cannot be read', () => {
  it('is a RenderError by code, Chinese in its message, English from the catalogue, exit 2 through the one handler', () => {
    for (const [cause, zh, en] of [
      [Object.assign(new Error('no such file'), { code: 'ENOENT' }), '文件不存在', 'the file does not exist'],
      ['truncated', '文件不完整', 'the file is incomplete'],
      [new RangeError('Offset is outside the bounds of the DataView'), '文件已损坏', 'the file is damaged'],
    ] as const) {
      const e = fontUnreadable('/x/NotoSerifSC_400Regular.ttf', cause);
      expect(e).toBeInstanceOf(RenderError);
      expect(isRenderError(e)).toBe(true);
      expect(e.code).toBe('render.font.unreadable');
      expect(e.message).toContain(zh);
      expect(e.message).toContain('npm ci');

      const zhIo = captureIo('zh');
      expect(handleError(e, zhIo)).toBe(EXIT.usage);
      expect(zhIo.errors.join('\n')).toContain(zh);
      const enIo = captureIo('en');
      expect(handleError(e, enIo)).toBe(EXIT.usage);
      const said = enIo.errors.join('\n');
      expect(said).toContain(en);
      expect(said).toContain('/x/NotoSerifSC_400Regular.ttf');
      expect(said).not.toMatch(HAN);
    }
  });

  it('the shipped 附件 font, if missing, asks for the whole tool again (npm ci would not bring it back)', () => {
    const e = fontUnreadable(fontPath('sans'), Object.assign(new Error('no such file'), { code: 'ENOENT' }));
    expect(e.message).toContain('NotoSansSC-Medium-annex.ttf');
    expect(e.message).toContain('重新下载或安装完整的本工具');
    expect(e.message).not.toContain('npm ci');
    const io = captureIo('en');
    expect(handleError(e, io)).toBe(2);
    expect(io.errors.join('\n')).toContain('download or install the whole tool again');
    expect(io.errors.join('\n')).not.toMatch(HAN);
  });

  it('a missing font package says so in English too', () => {
    const params = { package: '@expo-google-fonts/noto-serif-sc' };
    const texts = {
      zh: formatMessage('render.font.packageMissing', params, 'zh'),
      en: formatMessage('render.font.packageMissing', params, 'en'),
    };
    const e = new RenderError('render.font.packageMissing', params, texts.zh, { texts });
    const io = captureIo('en');
    expect(handleError(e, io)).toBe(2);
    expect(io.errors.join('\n')).toMatch(/^Error: The font package .*noto-serif-sc.* is missing: run npm ci/);
    expect(io.errors.join('\n')).not.toMatch(HAN);
  });
});
