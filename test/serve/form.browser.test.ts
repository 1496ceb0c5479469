/**
 * 填报 in a real browser (Debian chromium through playwright-core): filled as a person would, with
 * each kind of error appearing in Chinese under its field and going away when fixed; the draft
 * survives a reload; the three files it makes read back to the same data as `fill --from` gives.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cli, fixture, tempDir } from '../helpers.js';
import { chromiumMissing, launchChromium, startServe, type Served } from './helpers.js';

const id = (fieldId: string) => `#in-${fieldId.replace(/\./g, '-')}`;
const msg = (fieldId: string) => `#msg-${fieldId.replace(/\./g, '-')}`;

/** What the clerk types, field by field (the contacts are pasted as two lines). */
const ANSWERS: Record<string, string> = {
  organizers: '主办：青山湖区教育体育局；协办：青山湖区社区教育学院',
  'leadership.documentIssuer': '青山湖区教育体育局',
  'leadership.openingLeaders': '区政府副区长、区教体局局长',
  'leadership.coordinator': '青山湖区社区教育学院',
  'leadership.planMaker': '青山湖区教育体育局职成教科',
  'participation.activityCount': '36场',
  'participation.participantCount': '1.2万人次',
  'participation.featuredActivities': '「书香青山湖」亲子共读、老年智能手机课堂',
  'content.description': '开幕式暨百姓学习之星分享会；\n社区大讲堂 12 场',
  'content.outcomes': '营造了全民终身学习的浓厚氛围。',
  'reach.scope': '全区 10 个街道、35 个社区',
  'reach.satisfaction': '98%',
  'reach.selfAssessment': '组织有力，成效明显。',
  'publicity.scope': '区融媒体中心、微信公众号',
  'publicity.textReports': '8 篇',
  'publicity.mediaReports': '3 条视频、120 张照片',
};
const CONTACTS = '张敏 0791-86771234\n李华 13907912345';

describe.skipIf(chromiumMissing)(`serve: 填报 in chromium${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, () => {
  let dir: string;
  let served: Served;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    dir = tempDir('lw-serve-form-');
    mkdirSync(join(dir, 'home'));
    mkdirSync(join(dir, 'out'));
    served = await startServe(['-o', join(dir, 'out')], { HOME: join(dir, 'home') });
    browser = await launchChromium();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is generated from the form definition: every label character-exact, tied to its input', async () => {
    await page.goto(served.url);
    await page.waitForSelector('body[data-ready="true"]');
    const { FIELDS } = await import('../../src/form/definition.js');
    for (const f of FIELDS) {
      const label = page.locator(`label[for="${id(f.id).slice(1)}"]`);
      expect((await label.innerText()).replace(/\*|（必填）|（选填）/g, '').trim()).toBe(f.label);
      expect(await page.locator(`#hint-${f.id.replace(/\./g, '-')}`).innerText()).toContain(f.example);
    }
    // The campaign's defaults are in place: year, theme, period.
    expect(await page.inputValue(id('year'))).toBe('2023');
    expect(await page.inputValue(id('content.theme'))).toBe('让学习成为一种生活方式');
    expect(await page.inputValue(id('content.period'))).toMatch(/^2023年11月1日/);
  });

  it('picks the unit by pinyin initials, and the department follows', async () => {
    await page.click(id('district'));
    await page.keyboard.type('qsh');
    await expect
      .poll(() => page.locator('#list-district li[data-unit]').allInnerTexts(), { timeout: 15_000 })
      .toEqual([expect.stringContaining('青山湖区')]);
    await page.keyboard.press('Enter');
    expect(await page.inputValue(id('district'))).toBe('青山湖区');
    expect(await page.inputValue(id('department'))).toBe('青山湖区教育体育局');
    // A typo picks nothing and says so.
    await page.fill(id('district'), '');
    await page.keyboard.type('zzz');
    expect(await page.locator('#list-district li.none').innerText()).toContain('没有匹配的单位');
    await page.fill(id('district'), '');
    await page.keyboard.type('qingshan');
    await page.keyboard.press('Enter');
    expect(await page.inputValue(id('district'))).toBe('青山湖区');
  });

  it('shows each kind of error in Chinese under its own field, and takes it away when fixed', async () => {
    const cases: Array<[string, string, RegExp, string]> = [
      ['participation.participantCount', '很多人', /人数|整数|数字/, '1.2万人次'],
      ['reach.satisfaction', '120%', /100/, '98%'],
      ['content.period', '2023年13月40日', /日期|月/, '2023年11月15日至11月21日'],
      ['contacts', '张敏 12345', /电话|手机/, ''],
    ];
    for (const [field, bad, pattern, good] of cases) {
      await page.click(id(field));
      await page.fill(id(field), '');
      await page.keyboard.type(bad);
      const error = page.locator(`${msg(field)} .error`);
      await expect.poll(() => error.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const text = await error.first().innerText();
      expect(text).toMatch(/^错误：/);
      expect(text).toMatch(pattern);
      expect(await page.getAttribute(id(field), 'aria-invalid')).toBe('true');
      // The error is under this field only: no other field's box mentions it.
      expect(await page.locator('.msg .error').count()).toBe(1);
      await page.fill(id(field), '');
      if (good) await page.keyboard.type(good);
      else await page.keyboard.insertText(CONTACTS); // pasted: two lines at once
      await expect.poll(() => error.count(), { timeout: 15_000 }).toBe(0);
    }
    // The read-back of a count, as fill says it.
    expect(await page.locator(`${msg('participation.participantCount')} .echo`).innerText()).toBe('✓ 1.2万人次 → 12000 人次');
    expect(await page.locator(`${msg('contacts')} .echo`).innerText()).toContain('2 位联系人');
    // A required field left empty says so when you leave it.
    await page.click(id('organizers'));
    await page.click(id('leadership.documentIssuer'));
    expect(await page.locator(`${msg('organizers')} .error`).innerText()).toContain('未填写');
    // The summary lists what is still missing, by the form's labels.
    const missing = await page.locator('#missing li').allInnerTexts();
    expect(missing.some((m) => m.startsWith('主办单位及协办单位'))).toBe(true);
  });

  it('keeps the draft across a reload (browser storage and the draft file fill --resume reads)', async () => {
    for (const [field, text] of Object.entries(ANSWERS)) {
      await page.fill(id(field), '');
      await page.click(id(field));
      if (field === 'participation.participantCount') await page.keyboard.type(text);
      else await page.keyboard.insertText(text);
    }
    await expect.poll(() => page.locator('#missing').getAttribute('class'), { timeout: 15_000 }).toContain('done');
    // The server draft is written 0.8 s after the last key.
    const draft = join(dir, 'home', '.lifelong-week', 'drafts', '2023-青山湖区.yaml');
    await expect
      .poll(() => existsSync(draft) && readFileSync(draft, 'utf8').includes('3 条视频、120 张照片'), { timeout: 15_000 })
      .toBe(true);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('#notice').innerText()).toContain('已恢复');
    for (const [field, text] of Object.entries(ANSWERS)) expect(await page.inputValue(id(field))).toBe(text);
    expect(await page.inputValue(id('contacts'))).toBe(CONTACTS);
  });

  it('makes YAML, DOCX and PDF that read back to the same data as fill --from gives', async () => {
    await page.click('#generate');
    await page.waitForSelector('#result a.download');
    expect(await page.locator('#result .next-steps').innerText()).toMatch(/下一步[\s\S]*还有 10 天/);
    const got = join(dir, 'got');
    mkdirSync(got);
    for (const kind of ['yaml', 'docx', 'pdf']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#result a.download-${kind}`)]);
      await download.saveAs(join(got, `page.${kind}`));
    }
    expect(existsSync(join(dir, 'home', '.lifelong-week', 'drafts', '2023-青山湖区.yaml'))).toBe(false);

    // The same answers (everything the page showed, defaults included) as a YAML file, through `fill --from … --yes`.
    const { FIELDS } = await import('../../src/form/definition.js');
    const nested: string[] = [];
    const groups = new Map<string, string[]>();
    for (const f of FIELDS) {
      const text = await page.inputValue(id(f.id));
      if (text === '') continue;
      const value = f.kind === 'contacts' ? JSON.stringify(text.replace('\n', '；')) : JSON.stringify(text);
      const [group, leaf] = f.id.includes('.') ? f.id.split('.') : [undefined, f.id];
      if (group) groups.set(group, [...(groups.get(group) ?? []), `  ${leaf}: ${value}`]);
      else nested.push(`${leaf}: ${value}`);
    }
    for (const [group, lines] of groups) nested.push(`${group}:`, ...lines);
    writeFileSync(join(dir, 'answers.yaml'), `${nested.join('\n')}\n`);
    const filled = join(dir, 'filled');
    const r = cli(['fill', '--from', join(dir, 'answers.yaml'), '--yes', '-o', filled], {
      env: { HOME: join(dir, 'home'), LIFELONG_WEEK_TODAY: '2023-11-20' },
    });
    expect(r.code, r.stderr).toBe(0);

    const dataOf = (file: string) => {
      const v = cli(['validate', '--json', file]);
      const report = JSON.parse(v.stdout) as { files: Array<{ status: string; data: unknown }> };
      expect(report.files[0]!.status).toBe('valid');
      return report.files[0]!.data;
    };
    const expected = dataOf(
      join(
        filled,
        readdirSync(filled).find((n) => n.endsWith('.yaml'))!,
      ),
    );
    for (const kind of ['yaml', 'docx', 'pdf']) expect(dataOf(join(got, `page.${kind}`)), kind).toEqual(expected);
    // And the files on the server's output folder are those three.
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(readdirSync(filled).sort());
  });

  it('continues from an existing file: a hand-filled Word form, our PDF, and says what cannot be read', async () => {
    page.once('dialog', (d) => void d.accept());
    await page.click('#clear');
    await expect.poll(() => page.inputValue(id('district')), { timeout: 15_000 }).toBe('');
    await page.setInputFiles('#open-file', join(fixture('inbox'), '红谷滩新区统计表.docx'));
    await expect.poll(() => page.locator('#notice').innerText(), { timeout: 15_000 }).toContain('已从「红谷滩新区统计表.docx」读入');
    expect(await page.inputValue(id('district'))).toBe('红谷滩区');
    expect(await page.inputValue(id('participation.activityCount'))).not.toBe('');

    await page.setInputFiles('#open-file', join(dir, 'got', 'page.pdf'));
    await expect.poll(() => page.locator('#notice').innerText(), { timeout: 15_000 }).toContain('已从「page.pdf」读入');
    expect(await page.inputValue(id('district'))).toBe('青山湖区');
    expect(await page.inputValue(id('contacts'))).toContain('13907912345');

    await page.setInputFiles('#open-file', {
      name: '照片.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
    });
    await expect.poll(() => page.locator('#notice .error').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('#notice .error').innerText()).toContain('无法从「照片.jpg」读取统计表');
    // What was there stays.
    expect(await page.inputValue(id('district'))).toBe('青山湖区');
  });

  it('picks a unit with the arrow keys and Enter alone: the unit highlighted is the unit shown and saved', async () => {
    page.once('dialog', (d) => void d.accept());
    await page.click('#clear');
    await expect.poll(() => page.inputValue(id('district')), { timeout: 15_000 }).toBe('');
    // Focus without a click on the list: the whole roster is offered.
    await page.focus(id('district'));
    const names = await page.locator('#list-district li[data-unit]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-unit')!));
    expect(names.length).toBeGreaterThan(3);
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowUp']) await page.keyboard.press(key);
    // Down, down, down, up: the second unit of the list, highlighted and announced to a screen reader.
    const highlighted = page.locator('#list-district li[aria-selected="true"]');
    expect(await highlighted.count()).toBe(1);
    const shown = (await highlighted.getAttribute('data-unit'))!;
    expect(shown).toBe(names[1]);
    expect(await page.getAttribute(id('district'), 'aria-activedescendant')).toBe(await highlighted.getAttribute('id'));
    await page.keyboard.press('Enter');
    expect(await page.inputValue(id('district'))).toBe(shown);
    const { NANCHANG_2023 } = await import('../../src/campaign/campaign.js');
    const department = NANCHANG_2023.roster.find((u) => u.name === shown)!.department;
    expect(await page.inputValue(id('department'))).toBe(department);
    // Up from the top wraps to the last unit; Escape leaves the choice as it was.
    await page.fill(id('district'), '');
    await page.keyboard.press('ArrowUp');
    expect(await highlighted.getAttribute('data-unit')).toBe(names[names.length - 1]);
    await page.keyboard.press('Escape');
    await page.fill(id('district'), '');
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowUp', 'Enter']) await page.keyboard.press(key);
    expect(await page.inputValue(id('district'))).toBe(shown);

    // The files made carry that unit.
    for (const [field, text] of Object.entries(ANSWERS)) {
      await page.fill(id(field), '');
      await page.click(id(field));
      await page.keyboard.insertText(text);
    }
    await page.fill(id('contacts'), '');
    await page.click(id('contacts'));
    await page.keyboard.insertText(CONTACTS);
    await expect.poll(() => page.locator('#missing').getAttribute('class'), { timeout: 15_000 }).toContain('done');
    await page.check('#force');
    await page.click('#generate');
    await page.waitForSelector('#result a.download-yaml');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#result a.download-yaml')]);
    const saved = join(dir, 'arrow.yaml');
    await download.saveAs(saved);
    const v = cli(['validate', '--json', saved]);
    const report = JSON.parse(v.stdout) as { files: Array<{ status: string; data: { district: string; department: string } }> };
    expect(report.files[0]!.status).toBe('valid');
    expect(report.files[0]!.data.district).toBe(shown);
    expect(report.files[0]!.data.department).toBe(department);
  });
});
