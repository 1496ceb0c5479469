/**
 * Forms as units really make them (fixtures/readers/, made by scripts/make-reader-fixtures.mjs with
 * LibreOffice, hand-built OOXML as Word writes it, Python's email package and a TNEF stream): the
 * same content, for each of the 12 roster units, sent a different way — a table in a text box, in a
 * frame table, in a layout table, in the header, after a section break, typed as paragraphs
 * (.docx and .doc), a text PDF from Word's table and from the paragraphs, traditional characters,
 * winmail.dat. All 12 are valid and on time, and every value is the one the unit wrote (compared
 * with the same content as this tool's YAML, fixtures/readers/expected/).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { NANCHANG_2023 } from '../../src/campaign/campaign.js';
import { readDocxContent } from '../../src/read/docx.js';
import { labelCount } from '../../src/read/grid.js';
import { readerFor } from '../../src/read/index.js';
import { linesToForm, splitLabelled } from '../../src/read/paragraphs.js';
import { pairByPosition, type PositionedText } from '../../src/read/positioned.js';
import { readTnef } from '../../src/read/tnef.js';
import { validateRaw } from '../../src/validate/validate.js';
import { BIN, cli, fixture, ROOT, tempDir } from '../helpers.js';

type Data = Record<string, unknown>;
interface Report {
  files: Array<{
    path: string;
    fate: string;
    unit?: string;
    status?: string;
    format?: string;
    data?: Data;
    issues: Array<{ code: string; severity: string; field?: string; message: string }>;
  }>;
  units: Array<{ name: string; status: string; late: boolean; source: string | null }>;
}

const INBOX = fixture('readers', 'inbox');
const SENT = new Date('2023-11-27T10:00:00+08:00');

/** A copy of the inbox, files dated the day they were received (git keeps no times). */
function inbox(): string {
  const dir = join(tempDir(), '收件箱');
  cpSync(INBOX, dir, { recursive: true });
  for (const name of readdirSync(dir)) utimesSync(join(dir, name), SENT, SENT);
  return dir;
}

/** How each unit sent its form: the file (or mail part) that is its submission. */
const SOURCES: Record<string, string> = {
  东湖区: '东湖区统计表.docx',
  西湖区: '西湖区统计表.docx',
  青云谱区: '青云谱区统计表.docx',
  青山湖区: '青山湖区统计表.docx',
  新建区: '新建区统计表.docx',
  红谷滩区: '红谷滩区报送材料.docx',
  南昌县: '南昌县统计表.docx',
  安义县: '安义县统计表.doc',
  进贤县: '进贤县统计表.pdf',
  高新区: '高新区统计表（打印版）.pdf',
  湾里管理局: '灣裡管理局統計表.docx',
  经开区: '经开区统计表.eml!winmail.dat!经开区统计表.docx',
};

/** Text values compared without line breaks and spaces (a PDF's lines are rebuilt from positions). */
const squash = (v: unknown): unknown =>
  typeof v === 'string'
    ? v.replace(/\s+/g, '')
    : Array.isArray(v)
      ? v.map(squash)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([k]) => k !== 'text')
              .map(([k, x]) => [k, squash(x)]),
          )
        : v;

describe('a mixed inbox: 12 units, each form made a different way, all valid and on time', () => {
  const r = cli(['validate', '--json', inbox()]);
  const report = JSON.parse(r.stdout) as Report;
  const expectedDir = tempDir();
  cpSync(fixture('readers', 'expected'), expectedDir, { recursive: true });
  const expected = JSON.parse(cli(['validate', '--json', '--no-units', expectedDir]).stdout) as Report;

  it('exits 0: every unit valid and on time', () => {
    expect(report.units.map((u) => [u.name, u.status, u.late])).toEqual(NANCHANG_2023.roster.map((u) => [u.name, 'valid', false]));
    expect(r.code).toBe(0);
  });

  it.each(Object.entries(SOURCES))('%s: its form is the submission that counts', (unit, path) => {
    expect(report.units.find((u) => u.name === unit)!.source).toBe(path);
    const file = report.files.find((f) => f.path === path)!;
    expect([file.fate, file.status, file.unit]).toEqual(['submission', 'valid', unit]);
  });

  it.each(Object.entries(SOURCES))('%s: every value is the one the unit wrote', (unit, path) => {
    const got = report.files.find((f) => f.path === path)!.data!;
    const want = expected.files.find((f) => f.path === `${unit}.yaml`)!;
    expect(want.status).toBe('valid');
    if (path.endsWith('.pdf')) expect(squash(got)).toEqual(squash(want.data));
    else {
      // Everything exactly, line breaks included; the period's text is the unit's own wording.
      const { content, ...rest } = got as { content: Data };
      const { content: wantContent, ...wantRest } = want.data as { content: Data };
      expect(rest).toEqual(wantRest);
      expect({ ...content, period: { ...(content.period as Data), text: '' } }).toEqual({
        ...wantContent,
        period: { ...(wantContent.period as Data), text: '' },
      });
    }
  });

  it('a vague period with exact dates beside it: the exact dates, with a 提醒', () => {
    for (const [unit, start, end] of [
      ['南昌县', '2023-11-13', '2023-11-19'],
      ['安义县', '2023-11-15', '2023-11-21'],
    ] as const) {
      const file = report.files.find((f) => f.path === SOURCES[unit])!;
      expect((file.data as { content: { period: Data } }).content.period).toMatchObject({ start, end });
      expect(file.issues.find((i) => i.code === 'date.vagueWithExact')).toMatchObject({ severity: 'warning', field: 'content.period' });
    }
  });

  it('traditional characters: read as simplified, the 提醒 shows the original', () => {
    const file = report.files.find((f) => f.path === SOURCES.湾里管理局)!;
    const note = file.issues.find((i) => i.code === 'text.traditional')!;
    expect(note.severity).toBe('warning');
    expect(note.message).toMatch(/繁体字.*灣裡管理局.*湾里管理局/);
  });

  it('winmail.dat: opened, its attachment read, and the centre told what it was', () => {
    const dat = report.files.find((f) => f.path === '经开区统计表.eml!winmail.dat')!;
    expect(dat.fate).toBe('container');
    expect(dat.issues.map((i) => i.code)).toEqual(['mail.winmailUnpacked']);
  });

  it('no file is filed under no unit', () => {
    expect(report.files.filter((f) => f.issues.some((i) => i.code === 'inbox.noUnit'))).toEqual([]);
  });
});

describe('Word: the form where Word puts it', () => {
  const docx = (name: string) => readDocxContent(new Uint8Array(readFileSync(join(INBOX, name))));

  it('a text box (DrawingML with its VML fallback) is read once, not twice', async () => {
    const read = await docx('西湖区统计表.docx');
    if (!read.ok) expect.fail('not read');
    const forms = read.content.document.tables.filter((t) => labelCount(t) >= 5);
    expect(forms).toHaveLength(1);
    expect(read.content.document.paragraphs.filter((p) => p.text.includes('教育行政部门')).length).toBe(1);
  });

  it('a table inside a 1×1 frame table, and the frame cell’s title and stamp line', async () => {
    const read = await docx('青云谱区统计表.docx');
    if (!read.ok) expect.fail('not read');
    expect(read.content.document.tables.length).toBeGreaterThanOrEqual(2);
    expect(read.content.document.paragraphs.map((p) => p.text)).toContain('教育行政部门（盖章）：青云谱区教育体育局');
  });

  it('the header’s table comes before the body', async () => {
    const read = await docx('新建区统计表.docx');
    if (!read.ok) expect.fail('not read');
    expect(labelCount(read.content.document.tables[0]!)).toBeGreaterThanOrEqual(20);
  });
});

describe('Word 97 (.doc): the form in a text box or the page header', () => {
  it.each([
    ['西湖区统计表（文本框）.doc', '西湖区'],
    ['新建区统计表（页眉）.doc', '新建区'],
  ])('%s is valid, every value as the unit wrote it', async (name, unit) => {
    const out = await readerFor(name)!.read(new Uint8Array(readFileSync(fixture('readers', 'doc', name))), name);
    expect(out.kind).toBe('submission');
    const result = validateRaw(out.raw, NANCHANG_2023);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const yaml = await readerFor('x.yaml')!.read(new Uint8Array(readFileSync(fixture('readers', 'expected', `${unit}.yaml`))), 'x.yaml');
    expect(result.data).toEqual(validateRaw(yaml.raw, NANCHANG_2023).data);
  });
});

describe('forms typed as paragraphs', () => {
  it('several 「label：value」 on a line, values with spaces and colons of their own', () => {
    const { parts } = splitLabelled(
      '举办县区:东湖区　　联系人及电话：张敏 0791-86771234；李 翾 13907912345  主办单位及协办单位：主办：东湖区教育体育局；协办：社区教育学院',
    );
    expect(parts.map((p) => [p.match.type === 'field' ? p.match.field.id : p.match.group.key, p.value])).toEqual([
      ['district', '东湖区'],
      ['contacts', '张敏 0791-86771234；李 翾 13907912345'],
      ['organizers', '主办：东湖区教育体育局；协办：社区教育学院'],
    ]);
  });

  it('a label alone on its line takes the lines below; a heading ends a value', () => {
    const doc = linesToForm(
      [
        '2023年全民终身学习活动开展情况统计表',
        '一、活动主题与内容',
        '活动内容：',
        '开幕式；',
        '社区大讲堂 12 场。',
        '二、活动的群众性',
        '群众满意度：98%',
      ].map((text) => ({ text })),
    )!;
    expect(doc.tables[0]!.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['活动主题与内容'],
      ['活动内容', '开幕式；\n社区大讲堂 12 场。'],
      ['活动的群众性'],
      ['群众满意度', '98%'],
    ]);
    expect(doc.paragraphs.map((p) => p.text)).toEqual(['2023年全民终身学习活动开展情况统计表']);
  });
});

describe('positioned text → the form (PDF text layers, OCR)', () => {
  /** A line of pieces: [x, text] at a y; 12 pt text, about 12 pt a character. */
  const line = (y: number, ...cells: Array<[number, string]>): PositionedText[] =>
    cells.map(([x, text]) => ({ text, x, y, width: [...text].length * 12, height: 12, page: 1 }));

  it('top-aligned labels, a value over two lines, a label wrapped in its cell', () => {
    const raw = pairByPosition([
      ...line(40, [60, '举办县区'], [300, '东湖区']),
      ...line(70, [60, '联系人及电话'], [300, '张敏 0791-86771234；李 翾']),
      ...line(84, [300, '13907912345']),
      ...line(110, [60, '组织领导'], [120, '下发活动文件的部门'], [300, '东湖区教育体育局']),
      ...line(140, [120, '出席活动（开幕式）的领'], [300, '区政府副区长']),
      ...line(154, [120, '导']),
      ...line(180, [120, '具体协调部门'], [300, '东湖区社区教育学院']),
      ...line(210, [120, '制定活动方案部门'], [300, '职成教科']),
    ]);
    expect(Object.fromEntries([...raw.entries].map(([k, v]) => [k, v.value]))).toEqual({
      district: '东湖区',
      contacts: '张敏 0791-86771234；李 翾13907912345',
      'leadership.documentIssuer': '东湖区教育体育局',
      'leadership.openingLeaders': '区政府副区长',
      'leadership.coordinator': '东湖区社区教育学院',
      'leadership.planMaker': '职成教科',
    });
  });

  it('labels centred in their rows (LibreOffice, WPS): the lines above and below go to them', () => {
    const raw = pairByPosition([
      ...line(40, [60, '举办县区'], [300, '东湖区']),
      ...line(70, [300, '开幕式；']),
      ...line(84, [60, '活动内容']),
      ...line(98, [300, '社区大讲堂。']),
      ...line(130, [60, '活动成效'], [300, '氛围浓厚。']),
      ...line(160, [60, '活动时间'], [300, '2023年11月15日至11月21日']),
      ...line(190, [60, '群众满意度'], [300, '98%']),
      ...line(240, [40, '详细的活动情况总结、活动照片、活动录像请另附。']),
    ]);
    expect(raw.entries.get('content.description')?.value).toBe('开幕式；\n社区大讲堂。');
    expect(raw.entries.get('content.outcomes')?.value).toBe('氛围浓厚。');
    expect(raw.entries.get('reach.satisfaction')?.value).toBe('98%');
  });
});

describe('a text PDF laid out another way: this tool’s own (centred labels, a row split over two pages)', () => {
  it('read by position alone, without its embedded data, it is the same submission', async () => {
    const dir = tempDir();
    expect(cli(['render', fixture('sample', '东湖区.yaml'), '-o', dir, '--format', 'pdf']).code).toBe(0);
    const pdf = readdirSync(dir).find((f) => f.endsWith('.pdf'))!;
    const { readPdfText } = await import('../../src/read/pdf-text.js');
    const text = await readPdfText(new Uint8Array(readFileSync(join(dir, pdf))));
    const byPosition = validateRaw(pairByPosition(text.items), NANCHANG_2023);
    const own = await readerFor(pdf)!.read(new Uint8Array(readFileSync(join(dir, pdf))), pdf);
    const embedded = validateRaw(own.raw, NANCHANG_2023);
    expect(byPosition.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(squash(byPosition.data)).toEqual(squash(embedded.data));
  });
});

describe('files that are not forms say what they are', () => {
  it('a 0-byte file is unreadable (empty), never an invalid submission', () => {
    const dir = tempDir();
    for (const name of ['东湖区.yaml', '西湖区统计表.docx', '南昌县.json']) writeFileSync(join(dir, name), '');
    const report = JSON.parse(cli(['validate', '--json', '--no-units', dir]).stdout) as Report;
    expect(report.files.map((f) => [f.path, f.fate, f.issues[0]?.code])).toEqual([
      ['东湖区.yaml', 'unreadable', 'file.empty'],
      ['南昌县.json', 'unreadable', 'file.empty'],
      ['西湖区统计表.docx', 'unreadable', 'file.emptyDocument'],
    ]);
  });

  it('a 工作总结 that lists 「活动主题：」「活动时间：」 lines stays the summary, not a typed form', async () => {
    const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
    const body = [
      '东湖区2023年全民终身学习活动周工作总结',
      '活动主题：让学习成为一种生活方式',
      '活动时间：2023年11月15日至11月21日',
      '参加活动人数：1.2万人次',
      '活动范围：全区10个街道',
      '宣传范围：区融媒体中心',
      '一、主要做法',
      '……',
    ]
      .map(para)
      .join('');
    const bytes = zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
      ),
      'word/document.xml': strToU8(
        `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
      ),
    });
    const out = await readerFor('东湖区工作总结.docx')!.read(bytes, '东湖区工作总结.docx');
    expect(out.kind === 'attachment' && out.attachment).toBe('workSummary');
  });

  it('a winmail.dat with no attachments (or not TNEF at all) says what it is and what to ask for', async () => {
    const reader = readerFor('winmail.dat')!;
    const bare = await reader.read(new Uint8Array([0x78, 0x9f, 0x3e, 0x22, 0, 0]), 'winmail.dat');
    expect([bare.kind, bare.raw.problems[0]?.code]).toEqual(['unsupported', 'mail.winmail']);
    const notTnef = await reader.read(new TextEncoder().encode('hello'), 'winmail.dat');
    expect([notTnef.kind, notTnef.raw.problems[0]?.code]).toEqual(['unreadable', 'mail.winmail']);
  });

  it('TNEF: the long (Unicode) name wins over the 8.3 title', () => {
    const atts = readTnef(new Uint8Array(readFileSync(fixture('readers', 'winmail.dat'))))!;
    expect(atts.map((a) => [a.name, a.bytes[0], a.bytes[1]])).toEqual([['经开区统计表.docx', 0x50, 0x4b]]);
  });

  it('a text PDF that is not the form is listed with why, not filed as a scan', async () => {
    const bytes = new Uint8Array(readFileSync(fixture('readers', '活动周安排.pdf')));
    const out = await readerFor('活动周安排.pdf')!.read(bytes, '活动周安排.pdf');
    expect([out.kind, out.raw.problems[0]?.code]).toEqual(['not-a-submission', 'pdf.textNotForm']);
  });

  it('a traditional-character YAML: keys and values read as simplified', async () => {
    const yaml = readFileSync(fixture('readers', 'expected', '东湖区.yaml'), 'utf8')
      .replace('参加活动人数: "3000人次"', '參加活動人數: "3000人次"')
      .replace(/举办县区: "东湖区"/, '舉辦縣區: "東湖區"');
    const out = await readerFor('x.yaml')!.read(new TextEncoder().encode(yaml), 'x.yaml');
    const result = validateRaw(out.raw, NANCHANG_2023);
    expect(result.unit).toBe('东湖区');
    expect(out.raw.problems.map((p) => p.code)).toContain('text.traditional');
  });
});

describe('the PDF text library loads only for text PDFs', () => {
  /** Which of the lazily loaded libraries a run of `validate` imported (an import hook logs them). */
  function loaded(dir: string): string {
    const work = tempDir();
    const log = join(work, 'loaded.txt');
    writeFileSync(log, '');
    const hook = join(work, 'hook.mjs');
    writeFileSync(
      join(work, 'register.mjs'),
      `import { register } from 'node:module';\nimport { pathToFileURL } from 'node:url';\nregister(pathToFileURL(${JSON.stringify(hook)}));\n`,
    );
    writeFileSync(
      hook,
      `import { appendFileSync } from 'node:fs';\nexport async function resolve(s, c, next) { if (/pdfjs-dist|opencc-js/.test(s)) appendFileSync(${JSON.stringify(log)}, s + '\\n'); return next(s, c); }\n`,
    );
    const r = spawnSync(process.execPath, ['--import', join(work, 'register.mjs'), BIN, 'validate', '--json', '--no-units', dir], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8' },
      cwd: ROOT,
    });
    expect(r.stdout).toContain('"files"');
    return readFileSync(log, 'utf8');
  }

  it('an inbox of Word files and YAML: neither pdf.js nor OpenCC', () => {
    const dir = tempDir();
    for (const name of ['东湖区统计表.docx', '南昌县统计表.docx', '西湖区统计表.docx']) cpSync(join(INBOX, name), join(dir, name));
    cpSync(fixture('readers', 'expected', '东湖区.yaml'), join(dir, '东湖区.yaml'));
    expect(loaded(dir)).toBe('');
  });

  it('a text PDF loads pdf.js; traditional characters load OpenCC', () => {
    const dir = tempDir();
    cpSync(join(INBOX, '进贤县统计表.pdf'), join(dir, '进贤县统计表.pdf'));
    cpSync(join(INBOX, '灣裡管理局統計表.docx'), join(dir, '灣裡管理局統計表.docx'));
    const log = loaded(dir);
    expect(log).toMatch(/pdfjs-dist/);
    expect(log).toMatch(/opencc-js/);
  });
});

describe('attribution tells the truth', () => {
  it('a unit named in traditional characters in a file name, or by its folder, is that unit; no false 「无法判断」', () => {
    const dir = tempDir();
    cpSync(join(INBOX, '东湖区统计表.docx'), join(dir, '东湖区统计表.docx'));
    writeFileSync(join(dir, '灣裡管理局蓋章掃描件.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]));
    cpSync(join(INBOX, '新建区统计表.docx'), join(dir, '新建区', '统计表.docx'), { recursive: true });
    writeFileSync(join(dir, '新建区', '扫描件.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]));
    const report = JSON.parse(cli(['validate', '--json', dir]).stdout) as Report;
    expect(report.files.map((f) => [f.path, f.unit])).toEqual([
      ['东湖区统计表.docx', '东湖区'],
      ['新建区/扫描件.jpg', '新建区'],
      ['新建区/统计表.docx', '新建区'],
      ['灣裡管理局蓋章掃描件.jpg', '湾里管理局'],
    ]);
    expect(report.files.flatMap((f) => f.issues.map((i) => i.code))).not.toContain('inbox.noUnit');
  });
});
