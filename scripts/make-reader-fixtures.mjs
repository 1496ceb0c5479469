// Regenerates fixtures/readers/: the same form, for the 12 units of the 2023 roster, each sent a
// different way that units really use — the inbox a careful clerk finds all valid and on time:
//   node scripts/make-reader-fixtures.mjs        (needs LibreOffice `soffice`; Python 3 for the mail)
//
//   东湖区      top-level table, Word (.docx)                     LibreOffice, from an HTML table
//   西湖区      the table inside a text box (.docx): DrawingML mc:Choice + VML mc:Fallback, as Word writes it
//   青云谱区    the table inside a 1×1 frame table (.docx)          LibreOffice
//   青山湖区    the table in one cell of a layout table (.docx)     LibreOffice
//   新建区      the table in the page header (.docx)                hand-built OOXML (Word's parts)
//   红谷滩区    the table after a section break (cover page first)  hand-built OOXML
//   南昌县      typed as paragraphs, one per line, headings 「一、组织领导」, 「：」,
//               活动时间 「2023年11月中旬(11.13-11.19)」 (.docx)      LibreOffice
//   安义县      typed as paragraphs, several per line, 「:」, no headings,
//               活动时间 「11月中下旬（11月15日—21日）」 (Word 97 .doc)  LibreOffice
//   进贤县      text PDF exported from the Word table                LibreOffice (Noto Serif SC embedded)
//   高新区      text PDF exported from the paragraph form            LibreOffice
//   湾里管理局  the table in traditional characters (灣裡管理局, 參加活動人數, 場, 萬人次) (.docx)
//               converted with opencc-js (cn → tw)
//   经开区      an Outlook mail in Rich Text: the form inside winmail.dat (TNEF, MS-OXTNEF) in a .eml
//               (Python's email package); the TNEF stream is built here by the spec
// Also: winmail.dat alone, 活动周安排.pdf (a text PDF from Word that is not the form), and doc/: the
// text-box and header forms saved as Word 97 (.doc) by LibreOffice.
//
// Beside each: expected/<unit>.yaml, the same content as this tool's YAML (simplified, exact
// dates), which the tests validate too and compare value by value. Input files carry no dates of
// their own; the tests set the received time.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';
import * as OpenCC from 'opencc-js';
import { parse } from 'yaml';
import { encodeGbk } from './lib/gbk.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'fixtures', 'readers');
const campaign = parse(readFileSync(join(root, 'templates', 'campaign-2023-nanchang.yaml'), 'utf8'));
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

// ---------------------------------------------------------------- content
const PEOPLE = ['张敏', '王 芳', '刘洋', '陈静', '杨帆', '黄磊', '赵丽', '周 翔', '吴婷', '徐刚', '孙悦', '马骏'];

/** One unit's form: rows in the annex's order, with the group each belongs to. */
function content(unit, i, { period = '2023年11月15日至11月21日' } = {}) {
  const short = unit.name.replace(/(区|县|管理局)$/, '');
  const dept = unit.department;
  const phone = `0791-86${String(771000 + i * 137).slice(-6)}`;
  const mobile = `139${String(7912345 + i * 1111).padStart(8, '0')}`;
  return {
    department: dept,
    rows: [
      { label: '举办县区', value: unit.name },
      { label: '联系人及电话', value: `${PEOPLE[i]} ${phone}；${PEOPLE[(i + 5) % 12]} ${mobile}` },
      { label: '主办单位及协办单位', value: `主办：${dept}；协办：${short}社区教育学院` },
      { group: '组织领导', label: '下发活动文件的部门', value: dept },
      { group: '组织领导', label: '出席活动（开幕式）的领导', value: '分管副区长、教体局局长' },
      { group: '组织领导', label: '具体协调部门', value: `${short}社区教育学院` },
      { group: '组织领导', label: '制定活动方案部门', value: `${dept}职成教科` },
      { group: '活动参与情况', label: '全区参与活动的数量', value: `${20 + i}场` },
      { group: '活动参与情况', label: '参加活动人数', value: `${(i + 2) * 1000}人次` },
      { group: '活动参与情况', label: '有特色的活动', value: `「书香${short}」亲子共读、老年智能手机课堂` },
      { group: '活动主题与内容', label: '活动主题', value: '让学习成为一种生活方式' },
      {
        group: '活动主题与内容',
        label: '活动内容',
        value: `开幕式暨百姓学习之星分享会；\n社区大讲堂 ${10 + i} 场，内容涵盖健康养生、反诈宣传、家庭教育；\n老年智能手机课堂 ${4 + (i % 5)} 期。`,
      },
      { group: '活动主题与内容', label: '活动成效', value: '营造了全民终身学习的浓厚氛围，居民参与热情明显提高。' },
      { group: '活动主题与内容', label: '活动时间', value: period },
      {
        group: '活动的群众性',
        label: '活动范围（包括参与活动的街道、企事业单位等）',
        value: `${8 + (i % 5)} 个街道（乡镇）、${30 + i} 个社区及 6 家企业`,
      },
      { group: '活动的群众性', label: '群众满意度', value: `${90 + (i % 9)}%` },
      { group: '活动的群众性', label: '自我评价', value: '组织有力，覆盖面广，成效明显。' },
      { group: '宣传报道', label: '宣传范围', value: `${short}融媒体中心、微信公众号` },
      { group: '宣传报道', label: '文字报道', value: `${3 + i} 篇` },
      { group: '宣传报道', label: '影像图片报道', value: `2 条视频、${100 + i} 张照片` },
      { label: '其他', value: '无' },
    ],
  };
}

/** The same content as this tool's YAML (what the tests compare each reading against). */
function asYaml(form, exactPeriod) {
  const lines = ['年度: 2023', `教育行政部门（盖章）: ${form.department}`];
  let group;
  for (const r of form.rows) {
    const value = r.label === '活动时间' && exactPeriod ? exactPeriod : r.value;
    if (r.group !== group) {
      group = r.group;
      if (group) lines.push(`${group}:`);
    }
    const indent = r.group ? '  ' : '';
    if (r.label === '联系人及电话') {
      lines.push(`${indent}${r.label}: ${JSON.stringify(value)}`);
    } else if (value.includes('\n')) lines.push(`${indent}${r.label}: |`, ...value.split('\n').map((l) => `${indent}  ${l}`));
    else lines.push(`${indent}${r.label}: ${JSON.stringify(value)}`);
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------- HTML (LibreOffice imports it)
const paras = (text) =>
  String(text)
    .split('\n')
    .map((l) => `<p>${esc(l)}</p>`)
    .join('');
const TITLE = '2023 年全民终身学习活动开展情况统计表';
const FOOTNOTE = '详细的活动情况总结、活动照片、活动录像请另附。';

function htmlTable(form, attrs = 'border="1" cellspacing="0" cellpadding="4"') {
  const rows = [];
  const groupSize = (g) => form.rows.filter((r) => r.group === g).length;
  let group;
  for (const r of form.rows) {
    if (!r.group) rows.push(`<tr><td colspan="2">${paras(r.label)}</td><td>${paras(r.value)}</td></tr>`);
    else if (r.group !== group)
      rows.push(`<tr><td rowspan="${groupSize(r.group)}">${paras(r.group)}</td><td>${paras(r.label)}</td><td>${paras(r.value)}</td></tr>`);
    else rows.push(`<tr><td>${paras(r.label)}</td><td>${paras(r.value)}</td></tr>`);
    group = r.group;
  }
  return `<table ${attrs}>\n${rows.join('\n')}\n</table>`;
}

const furniture = (form, table) =>
  `<p>附件</p>\n<p align="center"><b>${esc(TITLE)}</b></p>\n<p>${esc(`教育行政部门（盖章）：${form.department}`)}</p>\n${table}\n<p>${esc(FOOTNOTE)}</p>`;

const html = (title, body) =>
  `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>\n${body}\n</body></html>\n`;

/** The form typed as paragraphs: one 「标签：值」 a line under 「一、组织领导」 headings. */
function paragraphsOnePerLine(form) {
  const out = [`<p align="center"><b>${esc(TITLE)}</b></p>`, `<p>${esc(`教育行政部门（盖章）：${form.department}`)}</p>`];
  const numbers = ['一', '二', '三', '四', '五', '六'];
  let group;
  let n = 0;
  for (const r of form.rows) {
    if (r.group && r.group !== group) out.push(`<p><b>${numbers[n++]}、${esc(r.group)}</b></p>`);
    group = r.group;
    const [first, ...rest] = r.value.split('\n');
    out.push(`<p>${esc(r.label)}：${esc(first)}</p>`, ...rest.map((l) => `<p>${esc(l)}</p>`));
  }
  out.push(`<p>${esc(FOOTNOTE)}</p>`);
  return out.join('\n');
}

/** Several 「标签:值」 on a line, half-width colons, no group headings. */
function paragraphsSeveralPerLine(form) {
  const out = [`<p align="center"><b>${esc(TITLE)}</b></p>`, `<p>${esc(`教育行政部门（盖章）:${form.department}`)}</p>`];
  const short = form.rows.filter((r) => !r.value.includes('\n') && r.value.length <= 16);
  const long = form.rows.filter((r) => !short.includes(r));
  for (let k = 0; k < short.length; k += 2) {
    const pair = short.slice(k, k + 2).map((r) => `${esc(r.label)}:${esc(r.value)}`);
    out.push(`<p>${pair.join('&#x3000;&#x3000;')}</p>`);
  }
  for (const r of long) {
    const [first, ...rest] = r.value.split('\n');
    out.push(`<p>${esc(r.label)}:${esc(first)}</p>`, ...rest.map((l) => `<p>${esc(l)}</p>`));
  }
  return out.join('\n');
}

// ---------------------------------------------------------------- hand-built OOXML (Word's parts)
const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
  'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w10="urn:schemas-microsoft-com:office:word" mc:Ignorable="wps"';
const run = (text) => `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
const wp = (text, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${text ? run(text) : ''}</w:p>`;
const tc = (text, { span, vMerge, width } = {}) =>
  `<w:tc><w:tcPr><w:tcW w:w="${width ?? 2000}" w:type="dxa"/>${span ? `<w:gridSpan w:val="${span}"/>` : ''}${vMerge ? `<w:vMerge${vMerge === 'restart' ? ' w:val="restart"' : ''}/>` : ''}</w:tcPr>${String(
    text,
  )
    .split('\n')
    .map((l) => wp(l))
    .join('')}</w:tc>`;

function ooxmlTable(form) {
  const borders =
    '<w:tblBorders>' +
    ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
      .map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
      .join('') +
    '</w:tblBorders>';
  const rows = [];
  let group;
  for (const r of form.rows) {
    if (!r.group) rows.push(`<w:tr>${tc(r.label, { span: 2, width: 3000 })}${tc(r.value, { width: 5000 })}</w:tr>`);
    else
      rows.push(
        `<w:tr>${tc(r.group !== group ? r.group : '', { vMerge: r.group !== group ? 'restart' : 'continue', width: 1000 })}${tc(r.label)}${tc(r.value, { width: 5000 })}</w:tr>`,
      );
    group = r.group;
  }
  return `<w:tbl><w:tblPr><w:tblW w:w="8000" w:type="dxa"/>${borders}</w:tblPr><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="2000"/><w:gridCol w:w="5000"/></w:tblGrid>${rows.join('')}</w:tbl>`;
}

const SECT =
  '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>';

function docxPackage(bodyXml, headerXml) {
  const files = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>${headerXml ? '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' : ''}</Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${headerXml ? '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>' : ''}</Relationships>`,
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${bodyXml}</w:body></w:document>`,
    ),
  };
  if (headerXml)
    files['word/header1.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr ${NS}>${headerXml}</w:hdr>`);
  return zipSync(files, { mtime: new Date('2023-11-27T09:00:00+08:00') });
}

const titleXml = (form) => wp('附件') + wp(TITLE, '<w:jc w:val="center"/>') + wp(`教育行政部门（盖章）：${form.department}`);

/** Word's text box: the DrawingML shape and, for older readers, the same box in VML. */
function textBoxDocx(form) {
  const box = `<w:txbxContent>${titleXml(form)}${ooxmlTable(form)}${wp(FOOTNOTE)}</w:txbxContent>`;
  const drawing =
    `<w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">` +
    `<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>` +
    `<wp:extent cx="5400000" cy="8200000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/><wp:docPr id="1" name="文本框 1"/><wp:cNvGraphicFramePr/>` +
    `<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5400000" cy="8200000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>` +
    `<wps:txbx>${box}</wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t"/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>`;
  const vml = `<w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="文本框 1" o:spid="_x0000_s1026" type="#_x0000_t202" style="position:absolute;margin-left:0;margin-top:0;width:425.2pt;height:645.7pt;z-index:251659264" strokeweight=".5pt"><v:textbox>${box}</v:textbox><w10:wrap type="topAndBottom"/></v:shape></w:pict>`;
  const body = `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps">${drawing}</mc:Choice><mc:Fallback>${vml}</mc:Fallback></mc:AlternateContent></w:r></w:p>${SECT}`;
  return docxPackage(body);
}

/** The whole form in the page header (someone's 「页眉」 habit); the body holds a short note. */
function headerDocx(form) {
  const header = `${titleXml(form)}${ooxmlTable(form)}${wp(FOOTNOTE)}`;
  const body = `${wp('（统计表见页眉）')}<w:sectPr><w:headerReference w:type="default" r:id="rId7"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="12000" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>`;
  return docxPackage(body, header);
}

/** A cover page, a section break (next page), then the form. */
function afterSectionBreakDocx(form) {
  const cover =
    wp(`${form.rows[0].value}2023年全民终身学习活动周`, '<w:jc w:val="center"/>') +
    wp('报送材料', '<w:jc w:val="center"/>') +
    wp(form.department, '<w:jc w:val="center"/>');
  const breakPara = `<w:p><w:pPr><w:sectPr><w:type w:val="nextPage"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:pPr></w:p>`;
  return docxPackage(`${cover}${breakPara}${titleXml(form)}${ooxmlTable(form)}${wp(FOOTNOTE)}${SECT}`);
}

// ---------------------------------------------------------------- TNEF (winmail.dat), MS-OXTNEF
function tnef(attachments) {
  const parts = [];
  const u32 = (n) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n >>> 0);
    return b;
  };
  const u16 = (n) => {
    const b = Buffer.alloc(2);
    b.writeUInt16LE(n);
    return b;
  };
  const attr = (level, id, data) => {
    const sum = [...data].reduce((s, x) => (s + x) & 0xffff, 0);
    parts.push(Buffer.from([level]), u32(id), u32(data.length), data, u16(sum));
  };
  parts.push(u32(0x223e9f78), u16(0x0d4e));
  attr(1, 0x00089006, u32(0x00010000)); // attTnefVersion
  attr(1, 0x00069007, Buffer.concat([u32(936), u32(0)])); // attOemCodepage: GBK
  attr(1, 0x00078008, Buffer.from('IPM.Microsoft Mail.Note\0', 'latin1')); // attMessageClass
  attr(1, 0x00018004, Buffer.from(encodeGbk('2023年全民终身学习活动周统计表\0'))); // attSubject
  for (const a of attachments) {
    attr(2, 0x00069002, Buffer.concat([u16(1), u32(0xffffffff), u32(0), u32(0)])); // attAttachRendData
    attr(2, 0x00018010, Buffer.from(encodeGbk(`${a.shortName}\0`))); // attAttachTitle (8.3 name, OEM code page)
    attr(2, 0x0006800f, Buffer.from(a.bytes)); // attAttachData
    // attAttachment: MAPI properties; PR_ATTACH_LONG_FILENAME (0x3707) as Unicode.
    const name = Buffer.from(`${a.name}\0`, 'utf16le');
    const pad = Buffer.alloc((4 - (name.length % 4)) % 4);
    attr(2, 0x00069005, Buffer.concat([u32(1), u16(0x001f), u16(0x3707), u32(1), u32(name.length), name, pad]));
  }
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------- LibreOffice
function soffice(dir, profile, files, to, infilter, env) {
  const args = [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore'];
  if (infilter) args.push(`--infilter=${infilter}`);
  args.push('--convert-to', to, '--outdir', dir, ...files.map((f) => join(dir, f)));
  execFileSync('soffice', args, { stdio: ['ignore', 'ignore', 'inherit'], timeout: 180_000, env: { ...process.env, ...env } });
}

// ---------------------------------------------------------------- build
const units = Object.fromEntries(campaign.roster.map((u, i) => [u.name, { ...u, i }]));
const form = (name, opts) => content(units[name], units[name].i, opts);
const work = mkdtempSync(join(tmpdir(), 'lw-readers-'));
try {
  const profile = join(work, 'profile');
  // LibreOffice needs a CJK font to write the PDFs' text: the Noto Serif SC the project ships.
  const fontDir = join(root, 'node_modules', '@expo-google-fonts', 'noto-serif-sc', '400Regular');
  writeFileSync(
    join(work, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${fontDir}</dir><cachedir>${join(work, 'fccache')}</cachedir></fontconfig>\n`,
  );
  const fontEnv = { FONTCONFIG_FILE: join(work, 'fonts.conf') };
  const expected = {};
  const made = [];

  // HTML → Word (LibreOffice)
  const forms = {
    东湖区: form('东湖区'),
    青云谱区: form('青云谱区'),
    青山湖区: form('青山湖区'),
    南昌县: form('南昌县', { period: '2023年11月中旬(11.13-11.19)' }),
    安义县: form('安义县', { period: '11月中下旬（11月15日—21日）' }),
    进贤县: form('进贤县'),
    高新区: form('高新区'),
    湾里管理局: form('湾里管理局'),
    西湖区: form('西湖区'),
    新建区: form('新建区'),
    红谷滩区: form('红谷滩区'),
    经开区: form('经开区'),
  };
  const exact = { 南昌县: '2023年11月13日至11月19日', 安义县: '2023年11月15日至11月21日' };
  const traditional = (f) => ({
    department: toTraditional(f.department),
    rows: f.rows.map((r) => ({ group: r.group && toTraditional(r.group), label: toTraditional(r.label), value: toTraditional(r.value) })),
  });
  const htmls = {
    '东湖区统计表.html': html('东湖区统计表', furniture(forms.东湖区, htmlTable(forms.东湖区))),
    '青云谱区统计表.html': html(
      '青云谱区统计表',
      `<table border="1" cellspacing="0" cellpadding="12"><tr><td>${furniture(forms.青云谱区, htmlTable(forms.青云谱区))}</td></tr></table>`,
    ),
    '青山湖区统计表.html': html(
      '青山湖区统计表',
      `<table border="0" cellspacing="0" cellpadding="6"><tr><td width="22%">${paras('填报说明：\n数字请填阿拉伯数字；\n活动时间写明起止日期。')}</td><td>${furniture(forms.青山湖区, htmlTable(forms.青山湖区))}</td></tr></table>`,
    ),
    '南昌县统计表.html': html('南昌县统计表', paragraphsOnePerLine(forms.南昌县)),
    '安义县统计表.html': html('安义县统计表', paragraphsSeveralPerLine(forms.安义县)),
    '进贤县统计表.html': html('进贤县统计表', furniture(forms.进贤县, htmlTable(forms.进贤县))),
    '高新区统计表.html': html('高新区统计表', paragraphsOnePerLine(forms.高新区)),
    '灣裡管理局統計表.html': html(
      '灣裡管理局統計表',
      furniture(traditional(forms.湾里管理局), htmlTable(traditional(forms.湾里管理局)).replace(/<p>附件<\/p>/, '<p>附件</p>')),
    ),
    '经开区统计表.html': html('经开区统计表', furniture(forms.经开区, htmlTable(forms.经开区))),
    // A text PDF that is not the form: the week's schedule, exported from Word.
    '活动周安排.html': html(
      '活动周安排',
      paras(
        '东湖区2023年全民终身学习活动周安排\n一、时间：11月15日至21日\n二、地点：各街道社区学习中心\n三、内容：开幕式、社区大讲堂、亲子共读',
      ),
    ),
  };
  for (const [name, text] of Object.entries(htmls)) writeFileSync(join(work, name), text);
  soffice(
    work,
    profile,
    Object.keys(htmls).filter((n) => n !== '安义县统计表.html'),
    'docx:MS Word 2007 XML',
    'HTML (StarWriter)',
  );
  soffice(work, profile, ['安义县统计表.html'], 'doc:MS Word 97', 'HTML (StarWriter)');
  soffice(work, profile, ['进贤县统计表.docx', '高新区统计表.docx', '活动周安排.docx'], 'pdf:writer_pdf_Export', undefined, fontEnv);

  mkdirSync(join(out, 'inbox'), { recursive: true });
  mkdirSync(join(out, 'expected'), { recursive: true });
  const put = (name, bytes) => {
    writeFileSync(join(out, 'inbox', name), bytes);
    made.push(name);
  };
  for (const name of [
    '东湖区统计表.docx',
    '青云谱区统计表.docx',
    '青山湖区统计表.docx',
    '南昌县统计表.docx',
    '安义县统计表.doc',
    '灣裡管理局統計表.docx',
  ])
    put(name, readFileSync(join(work, name)));
  put('进贤县统计表.pdf', readFileSync(join(work, '进贤县统计表.pdf')));
  put('高新区统计表（打印版）.pdf', readFileSync(join(work, '高新区统计表.pdf')));
  put('西湖区统计表.docx', textBoxDocx(forms.西湖区));
  put('新建区统计表.docx', headerDocx(forms.新建区));
  // The same two saved as Word 97 by LibreOffice: the text box and the header in a .doc.
  writeFileSync(join(work, '西湖区统计表（文本框）.docx'), textBoxDocx(forms.西湖区));
  writeFileSync(join(work, '新建区统计表（页眉）.docx'), headerDocx(forms.新建区));
  soffice(work, profile, ['西湖区统计表（文本框）.docx', '新建区统计表（页眉）.docx'], 'doc:MS Word 97');
  mkdirSync(join(out, 'doc'), { recursive: true });
  for (const name of ['西湖区统计表（文本框）.doc', '新建区统计表（页眉）.doc']) copyFileSync(join(work, name), join(out, 'doc', name));
  put('红谷滩区报送材料.docx', afterSectionBreakDocx(forms.红谷滩区));

  // 经开区: Outlook in Rich Text mode — the form travels inside winmail.dat.
  const dat = tnef([{ name: '经开区统计表.docx', shortName: '经开区~1.DOC', bytes: readFileSync(join(work, '经开区统计表.docx')) }]);
  writeFileSync(join(work, 'winmail.dat'), dat);
  execFileSync(
    'python3',
    [
      '-c',
      `import sys
from email.message import EmailMessage
from email.utils import format_datetime
import datetime
m = EmailMessage()
m['From'] = '经开区教育事业发展中心 <jkqjy@example.cn>'
m['To'] = 'jxedusqjy@163.com'
m['Subject'] = '经开区2023年全民终身学习活动周统计表'
m['Date'] = format_datetime(datetime.datetime(2023, 11, 27, 16, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=8))))
m.set_content('万老师：您好！附件是我区的统计表，请查收。')
m.add_attachment(open(sys.argv[1], 'rb').read(), maintype='application', subtype='ms-tnef', filename='winmail.dat')
open(sys.argv[2], 'wb').write(bytes(m))`,
      join(work, 'winmail.dat'),
      join(out, 'inbox', '经开区统计表.eml'),
    ],
    { stdio: 'inherit' },
  );
  made.push('经开区统计表.eml');
  writeFileSync(join(out, 'winmail.dat'), dat);
  copyFileSync(join(work, '活动周安排.pdf'), join(out, '活动周安排.pdf'));

  for (const [name, f] of Object.entries(forms)) {
    writeFileSync(join(out, 'expected', `${name}.yaml`), asYaml(f, exact[name]));
    expected[name] = true;
  }
  for (const name of made) console.log(`fixtures/readers/inbox/${name}  ${readFileSync(join(out, 'inbox', name)).length} bytes`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
