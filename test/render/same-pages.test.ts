/**
 * The Word file and the PDF are the same form: the same page breaks as an office suite lays the DOCX
 * out (LibreOffice, with the PDF's font made visible to it), no phone number cut between lines, the
 * period printed as read, and no page left a quarter empty because a long row moved whole.
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NANCHANG_2023 } from '../../src/campaign/campaign.js';
import type { Submission } from '../../src/form/schema.js';
import { COLUMNS, renderDocx } from '../../src/render/docx.js';
import { renderPdf } from '../../src/render/pdf.js';
import { DONGHU, KEPT_WHOLE, withLongDescription } from './samples.js';
import { fontconfigWithPackageFont, needs, pageFill, tmp } from './tools.js';

const dirs: string[] = [];
const dir = () => {
  const d = tmp('lw-same-pages-');
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** About `length` characters as a clerk writes 活动内容: numbered items, phones, dates, counts. */
function typicalDescription(length: number): string {
  const items = [
    '开幕式暨百姓学习之星分享会在区文化馆举行，区政府副区长出席并讲话，300 余名居民参加；',
    '社区大讲堂 12 场，内容涵盖健康养生、反诈宣传、家庭教育，报名电话 0791-86771234；',
    '老年智能手机课堂 8 期（2023年11月16日起每周三、五下午），帮助 400 余名老人学会移动支付和网上挂号；',
    '「书香东湖」亲子共读活动走进 15 个社区，发放图书 2,000 余册，咨询 13907912345；',
    '职业技能培训 6 场，面向新就业形态劳动者，累计培训 260 人次；',
  ];
  const lines: string[] = [];
  for (let i = 0; lines.join('').length < length; i++) lines.push(items[i % items.length]!);
  return lines.join('\n');
}

const cases: Record<string, { data: Submission | null; slack: number }> = {
  template: { data: null, slack: 0 },
  short: { data: DONGHU, slack: 0 },
  // Page 1 ends inside 活动内容: the row splits there (it used to move whole and leave a third empty).
  split: { data: { ...DONGHU, content: { ...DONGHU.content, description: typicalDescription(400) } }, slack: 0 },
  typical: {
    data: { ...DONGHU, contacts: KEPT_WHOLE.contacts, content: { ...DONGHU.content, description: typicalDescription(1000) } },
    slack: 0,
  },
  long: { data: withLongDescription(DONGHU, 2000), slack: 1 },
};

const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);

describe.skipIf(!(needs('soffice', 'libreoffice-writer-nogui') && needs('pdfinfo', 'poppler-utils')))(
  'DOCX (through LibreOffice) and PDF',
  () => {
    it('have the same pages: short, typical (~1,000 characters) and template alike, within one for ~2,000 characters', async () => {
      const d = dir();
      const names = Object.keys(cases);
      for (const name of names) {
        const { data } = cases[name]!;
        writeFileSync(join(d, `${name}.docx`), await renderDocx(data, NANCHANG_2023));
        writeFileSync(join(d, `${name}.pdf`), await renderPdf(data, NANCHANG_2023));
      }
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${join(d, 'profile')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          join(d, 'lo'),
          ...names.map((n) => join(d, `${n}.docx`)),
        ],
        {
          env: { ...process.env, FONTCONFIG_FILE: fontconfigWithPackageFont(d) },
          stdio: 'ignore',
          timeout: 180_000,
        },
      );
      for (const name of names) {
        const ours = pageCount(join(d, `${name}.pdf`));
        const office = pageCount(join(d, 'lo', `${name}.pdf`));
        expect(Math.abs(ours - office), `${name}: PDF ${ours} pages, LibreOffice ${office}`).toBeLessThanOrEqual(cases[name]!.slack);
      }
      // The label columns are as narrow as their labels allow on one line, in both: the value column
      // gets more than half the table.
      expect(COLUMNS[2] / (COLUMNS[0] + COLUMNS[1] + COLUMNS[2])).toBeGreaterThan(0.5);
      // No office suite breaks a phone number: the hyphen between digits is Word's non-breaking one;
      // nor a Chinese date, nor a name from its phone: the DOCX breaks before them where the PDF does
      // (docs/rendering.md, "Line breaks in the DOCX").
      for (const name of ['typical', 'long']) {
        const lines = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', join(d, 'lo', `${name}.pdf`), '-'], { encoding: 'utf8' })
          .split('\n')
          .map((l) => l.trim());
        expect(
          lines.filter((l) => /\d-$|^-?\d{3,8}[；;，]?$/.test(l)),
          name,
        ).toEqual([]);
        // LibreOffice puts its CJK–Latin space into the text it exports: 「2023 年 11 月」.
        const joined = lines.map((l) => l.replace(/(?<=[\p{Script=Han}）])\s(?=\d)|(?<=\d)\s(?=\p{Script=Han})/gu, ''));
        expect(
          joined.filter((l) => /[（(]\d{4}$|\d年$|\d月$|^[年月日]|^\d{1,2}[月日]/.test(l)),
          name,
        ).toEqual([]);
        if (name === 'typical') {
          for (const phone of ['0791-86771234', '13907912345'])
            expect(
              lines.some((l) => l.includes(phone)),
              phone,
            ).toBe(true);
          for (const contact of ['刘芳 13907912345', '王伟 0791-86771234', '赵强 0791-86779988'])
            expect(
              lines.some((l) => l.includes(contact)),
              contact,
            ).toBe(true);
          expect(joined.some((l) => l.includes('（2023年11月16日起'))).toBe(true);
        }
      }
      for (const pdf of [join(d, 'short.pdf'), join(d, 'lo', 'short.pdf')]) {
        const lines = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).split('\n');
        for (const label of ['活动主题与内容', '活动参与情况', '全区参与活动的数量', '下发活动文件的部门', '制定活动方案部门'])
          expect(
            lines.some((l) => l.includes(label)),
            `${pdf}: 「${label}」 on one line`,
          ).toBe(true);
      }
    }, 240_000);
  },
);

describe.skipIf(!needs('pdftotext', 'poppler-utils'))('the PDF as printed', () => {
  const text = (pdf: Uint8Array) => {
    const file = join(dir(), 'f.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  };

  it('never breaks inside a phone number or a Chinese date, nor between a name and its phone', async () => {
    const data: Submission = {
      ...DONGHU,
      contacts: [
        { name: '刘芳', phone: '13907912345' },
        { name: '王伟', phone: '0791-86771234' },
        { name: '赵强', phone: '0791-86779988' },
      ],
      content: { ...DONGHU.content, description: typicalDescription(1000) },
    };
    const lines = text(await renderPdf(data, NANCHANG_2023)).split('\n');
    for (const phone of ['13907912345', '0791-86771234', '0791-86779988'])
      expect(
        lines.some((l) => l.includes(phone)),
        phone,
      ).toBe(true);
    expect(lines.filter((l) => /\d-$|^-?\d{3,8}[；;，]?$/.test(l.trim()))).toEqual([]);
    expect(lines.some((l) => l.includes('王伟 0791-86771234'))).toBe(true);
    const dates = lines.filter((l) => l.includes('2023年11月16日'));
    expect(dates.length).toBeGreaterThan(0);
    expect(lines.filter((l) => /[（(]\d{4}$|\d年$|\d月$|^[年月日]|^\d{1,2}[月日]/.test(l.trim()))).toEqual([]);
  });

  it('leaves no page but the last a quarter empty: a long 活动内容 that does not fit splits between lines', async () => {
    const d = dir();
    for (const length of [300, 400, 500, 600, 700, 800]) {
      const file = join(d, `${length}.pdf`);
      writeFileSync(
        file,
        await renderPdf({ ...DONGHU, content: { ...DONGHU.content, description: typicalDescription(length) } }, NANCHANG_2023),
      );
      pageFill(file)
        .slice(0, -1)
        .forEach((fill, i) => expect(fill, `${length} characters: page ${i + 1}`).toBeGreaterThan(0.75));
    }
  });

  it('prints 活动时间 normalised, as the interview echoes it', async () => {
    const data: Submission = {
      ...DONGHU,
      content: { ...DONGHU.content, period: { start: '2023-11-15', end: '2023-11-21', text: '11.15-11.21' } },
    };
    const printed = text(await renderPdf(data, NANCHANG_2023)).replace(/\s+/g, '');
    expect(printed).toContain('2023年11月15日至11月21日');
    expect(printed).not.toContain('11.15-11.21');
  });
});
