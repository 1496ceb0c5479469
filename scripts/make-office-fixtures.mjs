// Regenerates fixtures/office/: the city's form as units really return it, made by a real office
// suite (LibreOffice, `soffice --headless --convert-to`), for the .doc / .docx / .xlsx readers:
//   node scripts/make-office-fixtures.mjs
//
// - word-form.{doc,docx}      the city's own Word form (three columns, group cells merged down, single
//                             rows spanning both label columns), filled in by hand: 东湖区.
// - word-variants.{doc,docx}  the same form retyped: a header row 「项目 | 内容」, extra blank rows,
//                             half-width brackets, WPS-style 「标签：值」 in one cell, a mistyped label: 西湖区.
// - sheet-form.xlsx           the form retyped in a spreadsheet: merged title, merged group cells,
//                             参加活动人数 = SUM over a hidden sheet, a percent-formatted 满意度: 青山湖区.
// - sheet-variants.xlsx       header row, blank rows, two columns with group rows, inline 「标签：值」
//                             cells, a date-formatted 活动时间, a bare 0.98, rich text, extra sheets: 新建区.
//
// Word files start from an HTML table (rowspan/colspan) imported by Writer; sheets from a flat ODS
// (.fods) with real formulas, number formats, merges and a hidden sheet, so Calc writes the XLSX
// exactly as Excel users' files look (shared strings, cached formula values, <mergeCells>).
// The content is deterministic; LibreOffice's bytes (timestamps, ids) differ from run to run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../fixtures/office/', import.meta.url));
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// ---------------------------------------------------------------- Word (HTML → Writer)
/** A cell's text: lines become paragraphs of the cell, as a clerk presses Enter in Word. */
const paras = (text) =>
  String(text)
    .split('\n')
    .map((l) => `<p>${esc(l)}</p>`)
    .join('');
const td = (text, attrs = '') => `<td${attrs}>${paras(text)}</td>`;

function wordHtml({ title, stamp, rows, footnote = '详细的活动情况总结、活动照片、活动录像请另附。' }) {
  const body = rows
    .map(
      (cells) =>
        `<tr>${cells.map((c) => (typeof c === 'string' ? td(c) : td(c.text, `${c.rowspan ? ` rowspan="${c.rowspan}"` : ''}${c.colspan ? ` colspan="${c.colspan}"` : ''}`))).join('')}</tr>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>
<p>附件</p>
<p align="center"><b>${esc(title)}</b></p>
<p>${esc(stamp)}</p>
<table border="1" cellspacing="0" cellpadding="4">
${body}
</table>
<p>${esc(footnote)}</p>
</body></html>
`;
}

/** The annex's three columns, filled in by 东湖区 (values as fixtures/sample/东湖区.yaml). */
const wordForm = wordHtml({
  title: '2023 年全民终身学习活动开展情况统计表',
  stamp: '教育行政部门（盖章）：东湖区教育体育局',
  rows: [
    [{ text: '举办县区', colspan: 2 }, '东湖区'],
    [{ text: '联系人及电话', colspan: 2 }, '张敏 0791-86771234；李 翾 13907912345'],
    [{ text: '主办单位及协办单位', colspan: 2 }, '主办：东湖区教育体育局；协办：东湖区社区教育学院、东湖区图书馆'],
    [{ text: '组织领导', rowspan: 4 }, '下发活动文件的部门', '东湖区教育体育局'],
    ['出席活动（开幕式）的领导', '区政府副区长、区教体局局长'],
    ['具体协调部门', '东湖区社区教育学院'],
    ['制定活动方案部门', '东湖区教育体育局职成教科'],
    [{ text: '活动参与情况', rowspan: 3 }, '全区参与活动的数量', '36场'],
    ['参加活动人数', '1.2万人次'],
    ['有特色的活动', '“书香东湖”亲子共读、老年智能手机课堂、百姓学习之星故事会'],
    [{ text: '活动主题与内容', rowspan: 4 }, '活动主题', '让学习成为一种生活方式'],
    ['活动内容', '开幕式暨百姓学习之星分享会；\n社区大讲堂 12 场，内容涵盖健康养生、反诈宣传、家庭教育；\n老年智能手机课堂 8 期。'],
    ['活动成效', '营造了全民终身学习的浓厚氛围，社区居民参与热情明显提高。'],
    ['活动时间', '2023年11月15日至11月21日'],
    [{ text: '活动的群众性', rowspan: 3 }, '活动范围（包括参与活动的街道、企事业单位等）', '全区 10 个街道、35 个社区及 6 家企业'],
    ['群众满意度', '98%'],
    ['自我评价', '组织有力，覆盖面广，成效明显。'],
    [{ text: '宣传报道', rowspan: 3 }, '宣传范围', '区融媒体中心、“东湖发布”微信公众号'],
    ['文字报道', '8 篇'],
    ['影像图片报道', '3 条视频、120 张照片'],
    [{ text: '其他', colspan: 2 }, '无'],
  ],
});

/** Retyped by 西湖区 in WPS: header row, blank rows, half-width brackets, 「标签：值」 cells, a typo. */
const wordVariants = wordHtml({
  title: '2023年全民终身学习活动开展情况统计表',
  stamp: '教育行政部门(盖章):西湖区教育体育局',
  rows: [
    [{ text: '项目', colspan: 2 }, '内容'],
    [{ text: '举办县区', colspan: 2 }, '西湖区'],
    [{ text: '联系人及电话', colspan: 2 }, '王芳 13807910001'],
    [{ text: '', colspan: 2 }, ''],
    [{ text: '主办单位及协办单位', colspan: 2 }, '西湖区教育体育局'],
    [{ text: '组织领导', rowspan: 4 }, '下发活动文件的部门', '西湖区教育体育局'],
    ['出席活动(开幕式)的领导', '区委常委、宣传部部长'],
    ['具体协调部门', '西湖区社区学院'],
    ['制定活动方案部门', '西湖区教育体育局'],
    [{ text: '活动参与情况', rowspan: 3 }, '全区参与活动的数量', '24'],
    // The clerk shortened the label: read as nothing, reported with the closest label.
    ['参加人数', '约3000人'],
    ['有特色的活动', '社区读书节'],
    [{ text: '', colspan: 2 }, ''],
    [{ text: '活动主题与内容', rowspan: 4 }, '活动主题', '让学习成为一种生活方式'],
    ['活动内容', '读书节、讲座、展演'],
    ['活动成效', '群众参与度高'],
    ['活动时间', '2023.11.16-2023.11.20'],
    [{ text: '活动的群众性', rowspan: 3 }, '活动范围(包括参与活动的街道、企事业单位等)', '全区 8 个街道'],
    ['群众满意度', '96％'],
    ['自我评价', '良好'],
    // WPS style: the whole line typed in one cell spanning the row.
    [{ text: '宣传范围：西湖区融媒体中心', colspan: 3 }],
    [{ text: '文字报道：5 篇', colspan: 3 }],
    [{ text: '影像图片报道：无', colspan: 3 }],
    [{ text: '其他', colspan: 2 }, ''],
  ],
});

// ---------------------------------------------------------------- Sheets (flat ODS → Calc)
/**
 * A cell: a string, or { text } / { value, type } with optional colspan/rowspan, style, formula.
 * Covered cells of merges are written by the row builder.
 */
function fods({ sheets }) {
  const cell = (c) => {
    if (c === null || c === undefined) return '<table:table-cell/>';
    const o = typeof c === 'object' ? c : { text: String(c) };
    let a = '';
    if (o.colspan) a += ` table:number-columns-spanned="${o.colspan}"`;
    if (o.rowspan) a += ` table:number-rows-spanned="${o.rowspan}"`;
    if (o.style) a += ` table:style-name="${o.style}"`;
    if (o.formula) a += ` table:formula="${esc(o.formula)}"`;
    if (o.type === 'float' || o.type === 'percentage') a += ` office:value-type="${o.type}" office:value="${o.value}"`;
    if (o.type === 'date') a += ` office:value-type="date" office:date-value="${o.value}"`;
    if (o.text !== undefined || o.rich) a += ' office:value-type="string"';
    const shown = o.rich ?? (o.text !== undefined ? esc(o.text) : esc(o.shown ?? o.value));
    const lines = o.rich ? [shown] : String(shown).split('\n');
    return `<table:table-cell${a}>${lines.map((l) => `<text:p>${l}</text:p>`).join('')}</table:table-cell>`;
  };
  const table = (sheet) => {
    // Covered cells: a merge origin covers cols to its right and the same cols in rows below.
    const covered = new Set();
    const rows = sheet.rows.map((cells, r) => {
      const outCells = [];
      let col = 0;
      const queue = [...cells];
      while (queue.length > 0 || covered.has(`${r},${col}`)) {
        if (covered.has(`${r},${col}`)) {
          outCells.push('<table:covered-table-cell/>');
          col++;
          continue;
        }
        const c = queue.shift();
        const o = c && typeof c === 'object' ? c : {};
        for (let dr = 0; dr < (o.rowspan ?? 1); dr++)
          for (let dc = 0; dc < (o.colspan ?? 1); dc++) if (dr || dc) covered.add(`${r + dr},${col + dc}`);
        outCells.push(cell(c));
        col++;
      }
      return `<table:table-row>${outCells.join('')}</table:table-row>`;
    });
    const cols = (sheet.widths ?? []).map((w, i) => `<table:table-column table:style-name="co${i}_${sheet.name.length}"/>`).join('');
    return `<table:table table:name="${esc(sheet.name)}"${sheet.hidden ? ' table:style-name="ta_hidden"' : ' table:style-name="ta_shown"'}>${cols}${rows.join('\n')}</table:table>`;
  };
  const colStyles = sheets
    .flatMap((s) =>
      (s.widths ?? []).map(
        (w, i) =>
          `<style:style style:name="co${i}_${s.name.length}" style:family="table-column"><style:table-column-properties style:column-width="${w}cm"/></style:style>`,
      ),
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
  xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
  xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
  office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
  <number:percentage-style style:name="N_PCT"><number:number number:decimal-places="0" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
  <number:date-style style:name="N_DATE"><number:year number:style="long"/><number:text>年</number:text><number:month/><number:text>月</number:text><number:day/><number:text>日</number:text></number:date-style>
  <style:style style:name="ce_pct" style:family="table-cell" style:data-style-name="N_PCT"/>
  <style:style style:name="ce_date" style:family="table-cell" style:data-style-name="N_DATE"/>
  <style:style style:name="ta_shown" style:family="table"><style:table-properties table:display="true"/></style:style>
  <style:style style:name="ta_hidden" style:family="table"><style:table-properties table:display="false"/></style:style>
  <style:style style:name="T_BOLD" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
  ${colStyles}
</office:automatic-styles>
<office:body><office:spreadsheet>
${sheets.map(table).join('\n')}
</office:spreadsheet></office:body></office:document>
`;
}

/** 青山湖区 retyped the form in Excel: title and stamp rows merged across, group cells merged down. */
const sheetForm = fods({
  sheets: [
    {
      name: '统计表',
      widths: [3.5, 6, 10],
      rows: [
        [{ text: '2023年全民终身学习活动开展情况统计表', colspan: 3 }],
        [{ text: '教育行政部门（盖章）：青山湖区教育体育局', colspan: 3 }],
        [{ text: '举办县区', colspan: 2 }, '青山湖区'],
        [{ text: '联系人及电话', colspan: 2 }, '刘洋 0791-88501234'],
        [{ text: '主办单位及协办单位', colspan: 2 }, '青山湖区教育体育局、青山湖区社区学院'],
        [{ text: '组织领导', rowspan: 4 }, '下发活动文件的部门', '青山湖区教育体育局'],
        ['出席活动（开幕式）的领导', '副区长'],
        ['具体协调部门', '青山湖区社区学院'],
        ['制定活动方案部门', '青山湖区教育体育局'],
        [{ text: '活动参与情况', rowspan: 3 }, '全区参与活动的数量', { type: 'float', value: 42 }],
        // 线上 1500 + 线下 2700 on the hidden sheet 「明细」: the cached value 4200 is what counts.
        ['参加活动人数', { type: 'float', value: 4200, formula: "of:=SUM([$'明细'.B2:.B3])" }],
        ['有特色的活动', '湖畔读书会'],
        [{ text: '活动主题与内容', rowspan: 4 }, '活动主题', '让学习成为一种生活方式'],
        ['活动内容', '开幕式；\n读书会 6 场'],
        ['活动成效', '参与广泛'],
        ['活动时间', '2023年11月15日至11月21日'],
        [{ text: '活动的群众性', rowspan: 3 }, '活动范围（包括参与活动的街道、企事业单位等）', '全区 9 个街道'],
        ['群众满意度', { type: 'percentage', value: 0.98, style: 'ce_pct' }],
        ['自我评价', '较好'],
        [{ text: '宣传报道', rowspan: 3 }, '宣传范围', '区融媒体中心'],
        ['文字报道', '6 篇'],
        ['影像图片报道', '无'],
        [{ text: '其他', colspan: 2 }, '无'],
        [],
        [{ text: '详细的活动情况总结、活动照片、活动录像请另附。', colspan: 3 }],
      ],
    },
    {
      name: '明细',
      hidden: true,
      rows: [
        ['方式', '人次'],
        ['线上', { type: 'float', value: 1500 }],
        ['线下', { type: 'float', value: 2700 }],
      ],
    },
  ],
});

/** 新建区 in WPS: two columns, header row, group rows, blank rows, 「标签：值」 cells, a date cell. */
const sheetVariants = fods({
  sheets: [
    {
      name: '说明',
      rows: [['本表由新建区教育体育局填报。'], ['数据截至 2023 年 11 月 24 日。']],
    },
    {
      name: 'Sheet1',
      widths: [8, 10],
      rows: [
        [{ text: '2023 年全民终身学习活动开展情况统计表', colspan: 2 }],
        ['教育行政部门(盖章):新建区教育体育局'],
        ['项目', '内容'],
        ['举办县区', '新建区'],
        ['联系人及电话', '赵磊13607910002'],
        [],
        ['主办单位及协办单位', '新建区教育体育局'],
        ['组织领导'],
        ['下发活动文件的部门', '新建区教育体育局'],
        ['出席活动(开幕式)的领导', '区政府领导'],
        ['具体协调部门', '新建区社区学院'],
        ['制定活动方案部门', '新建区教育体育局'],
        [],
        ['活动参与情况'],
        ['全区参与活动的数量', { type: 'float', value: 28 }],
        ['参加活动人数', '1.2万人次'],
        ['有特色的活动', '乡村学堂'],
        ['活动主题与内容'],
        // Rich text: the label typed with part of it bold (shared string with <r> runs).
        [{ rich: '活动<text:span text:style-name="T_BOLD">主题</text:span>' }, '让学习成为一种生活方式'],
        ['活动内容', '乡村学堂进村入户'],
        ['活动成效', '覆盖全区乡镇'],
        ['活动时间', { type: 'date', value: '2023-11-18', style: 'ce_date', shown: '2023年11月18日' }],
        ['活动的群众性'],
        ['活动范围(包括参与活动的街道、企事业单位等)', '全区 15 个乡镇'],
        // Typed as a bare fraction, no percent format: read as 98% with a warning.
        ['群众满意度', { type: 'float', value: 0.98 }],
        ['自我评价', '好'],
        ['宣传报道'],
        ['宣传范围：新建区电视台'],
        ['文字报道：3 篇'],
        ['影像图片报道：20 张照片'],
        ['其他', '无'],
      ],
    },
    {
      name: '草稿',
      hidden: true,
      rows: [['旧数据，请勿使用'], ['参加活动人数', { type: 'float', value: 999 }]],
    },
  ],
});

// ---------------------------------------------------------------- convert
function soffice(dir, profile, files, to, infilter) {
  const args = [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore'];
  if (infilter) args.push(`--infilter=${infilter}`);
  args.push('--convert-to', to, '--outdir', dir, ...files.map((f) => join(dir, f)));
  execFileSync('soffice', args, { stdio: ['ignore', 'ignore', 'inherit'], timeout: 120_000 });
}

const work = mkdtempSync(join(tmpdir(), 'lw-office-'));
try {
  const profile = join(work, 'profile');
  writeFileSync(join(work, 'word-form.html'), wordForm);
  writeFileSync(join(work, 'word-variants.html'), wordVariants);
  writeFileSync(join(work, 'sheet-form.fods'), sheetForm);
  writeFileSync(join(work, 'sheet-variants.fods'), sheetVariants);
  const words = ['word-form.html', 'word-variants.html'];
  soffice(work, profile, words, 'doc:MS Word 97', 'HTML (StarWriter)');
  soffice(work, profile, words, 'docx:MS Word 2007 XML', 'HTML (StarWriter)');
  soffice(work, profile, ['sheet-form.fods', 'sheet-variants.fods'], 'xlsx:Calc MS Excel 2007 XML');
  mkdirSync(out, { recursive: true });
  const made = ['word-form.doc', 'word-form.docx', 'word-variants.doc', 'word-variants.docx', 'sheet-form.xlsx', 'sheet-variants.xlsx'];
  for (const name of made) {
    copyFileSync(join(work, name), join(out, name));
    console.log(`fixtures/office/${name}  ${readFileSync(join(out, name)).length} bytes`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
