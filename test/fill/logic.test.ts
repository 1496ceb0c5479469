/** The interview's pure parts: questions from the definition, answer checks, state machine, draft, summary, days left. */
import { describe, expect, it } from 'vitest';
import { NANCHANG_2023 as campaign } from '../../src/campaign/campaign.js';
import { formatMessage } from '../../src/core/messages.js';
import { FIELDS, fieldById, type FieldId } from '../../src/form/definition.js';
import { checkAnswer } from '../../src/fill/answer.js';
import { draftText, parseDraft } from '../../src/fill/draft.js';
import { fontGlyphCheck } from '../../src/fill/glyphs.js';
import { BACK, checkValues, itemChoices, unitChoices } from '../../src/fill/interview.js';
import { pinyinMatches } from '../../src/fill/pinyin.js';
import { defaultText, isBack, questionOrder } from '../../src/fill/questions.js';
import { answer, atSummary, back, currentField, edit, startInterview } from '../../src/fill/state.js';
import { daysLeft, deadlineNotice, nextStepsText, summaryTable, termWidth } from '../../src/fill/summary.js';

const check = (id: FieldId, text: string, values = {}) => checkAnswer(fieldById(id), text, campaign, values, 'zh');
const day = (iso: string) => new Date(`${iso}T12:00:00+08:00`);

describe('questions', () => {
  it('are the form definition’s fields, each once, 举办县区 first', () => {
    const order = questionOrder().map((f) => f.id);
    expect([...order].sort()).toEqual(FIELDS.map((f) => f.id).sort());
    expect(order[0]).toBe('district');
  });

  it.each<[FieldId, Record<string, unknown>, string | undefined]>([
    ['year', {}, '2023'],
    ['content.theme', {}, '让学习成为一种生活方式'],
    ['department', { district: '西湖区' }, '西湖区教育体育局'],
    ['department', {}, undefined],
    ['content.period', {}, '2023年11月1日至11月30日'],
    ['participation.activityCount', { 'participation.activityCount': 36 }, '36'],
    ['reach.scope', {}, undefined],
  ])('default of %s with %o is %s', (id, values, expected) => {
    expect(defaultText(fieldById(id), campaign, values)).toBe(expected);
  });

  it('reads < and ＜ as "back"', () => {
    expect([isBack('<'), isBack(' ＜ '), isBack('<3'), isBack('')]).toEqual([true, true, false, false]);
  });
});

describe('checkAnswer: the normalisers of validate, with the value read back', () => {
  it.each<[FieldId, string, unknown, string]>([
    ['participation.participantCount', '1.2万人次', 12000, '1.2万人次 → 12000 人次'],
    ['participation.activityCount', '３６场', 36, '３６场 → 36 场'],
    ['reach.satisfaction', '98％', 98, '98％ → 98%'],
    ['district', '新建县', '新建区', '新建县 → 新建区'],
  ])('%s: %s → %s', (id, text, value, echo) => {
    const r = check(id, text);
    expect(r.errors).toEqual([]);
    expect(r.value).toEqual(value);
    expect(r.echo).toBe(echo);
  });

  it('echoes a period as ISO dates', () => {
    const r = check('content.period', '11月15日-21日');
    expect(r.value).toEqual({ start: '2023-11-15', end: '2023-11-21', text: '11月15日-21日' });
    expect(r.echo).toBe('11月15日-21日 → 2023年11月15日至11月21日');
  });

  it('refuses with the catalogue message', () => {
    expect(check('participation.activityCount', '很多').errors).toEqual([formatMessage('count.vague', { text: '很多' }, 'zh')]);
    expect(check('content.period', '11月中下旬').errors[0]).toBe(formatMessage('date.vague', { text: '11月中下旬', year: 2023 }, 'zh'));
    expect(check('reach.scope', '  ').errors[0]).toContain('未填写');
    expect(check('contacts', '张敏 123').errors.length).toBe(1);
  });

  it('warns (to be confirmed) on guesses and on the cross-field rules of validate', () => {
    expect(check('participation.participantCount', '约3000').warnings).toEqual([
      formatMessage('count.approximate', { text: '约3000', value: 3000 }, 'zh'),
    ]);
    expect(check('reach.satisfaction', '0.98').warnings.length).toBe(1);
    expect(check('participation.participantCount', '10', { 'participation.activityCount': 36 }).warnings[0]).toContain('少于活动数量');
    expect(check('content.period', '2023年12月1日至12月3日').warnings.join()).toContain('晚于报送截止日期');
    expect(check('department', '西湖区教育体育局', { district: '东湖区' }).warnings[0]).toContain('西湖区');
  });

  it('lets an optional field stay empty, and reads several contacts', () => {
    expect(check('other', '')).toMatchObject({ empty: true, errors: [] });
    const r = check('contacts', '张敏 0791-86771234；李华 13907912345');
    expect(r.value).toEqual([
      { name: '张敏', phone: '0791-86771234' },
      { name: '李华', phone: '13907912345' },
    ]);
    expect(r.echo).toBeUndefined();
  });
});

describe('state machine', () => {
  it('answers, goes back, reaches the summary and edits one field', () => {
    let s = startInterview();
    expect(currentField(s)!.id).toBe('district');
    expect(back(s).moved).toBe(false);
    s = answer(s, '东湖区', campaign);
    s = answer(s, 2023, campaign);
    expect(currentField(s)!.id).toBe('department');
    s = back(s).state;
    expect(currentField(s)!.id).toBe('year');
    expect(s.values['year']).toBe(2023); // the answer stays, as the default of the question asked again
    while (!atSummary(s)) s = answer(s, 'x', campaign);
    s = edit(s, 'reach.scope');
    expect(currentField(s)!.id).toBe('reach.scope');
    s = answer(s, '全区', campaign);
    expect(atSummary(s)).toBe(true);
    expect(s.values['reach.scope']).toBe('全区');
  });

  it('asks the department again when the unit changes and it was the old unit’s default', () => {
    let s = startInterview({ district: '东湖区', department: '东湖区教育体育局' }, ['district']);
    s = answer(s, '西湖区', campaign);
    expect(s.values['department']).toBeUndefined();
    expect(currentField(s)!.id).toBe('department');
    expect(defaultText(fieldById('department'), campaign, s.values)).toBe('西湖区教育体育局');
  });

  it('an optional field answered empty loses its value', () => {
    const s = answer(startInterview({ other: '无' }, ['other']), undefined, campaign);
    expect(s.values['other']).toBeUndefined();
  });
});

describe('draft', () => {
  it('round-trips values and position, and is a YAML submission validate reads', () => {
    let s = startInterview();
    const answers: Record<string, unknown> = {
      district: '东湖区',
      year: 2023,
      department: '东湖区教育体育局',
      contacts: [
        { name: '万 翾', phone: '17770022118' },
        { name: '张敏', phone: '0791-86771234' },
      ],
      organizers: '主办：东湖区教育体育局',
    };
    for (const v of Object.values(answers)) s = answer(s, v, campaign);
    s = answer(s, '多行\n第二行: 有冒号 # 和井号', campaign);
    const text = draftText(s);
    const parsed = parseDraft(text, campaign);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.state).toEqual(s);
    expect(text).toContain('举办县区: 东湖区');
  });

  it('is refused when its progress line is missing, and a hand-broken value is asked again', () => {
    expect(parseDraft('举办县区: 东湖区\n', campaign).ok).toBe(false);
    const s = answer(answer(startInterview(), '东湖区', campaign), 2023, campaign);
    const broken = draftText(s).replace('年度: 2023', '年度: 1999');
    const parsed = parseDraft(broken, campaign);
    expect(parsed.ok && parsed.state.queue.slice(parsed.state.pos, parsed.state.pos + 2)).toEqual(['year', 'department']);
  });
});

describe('summary and deadline', () => {
  it('lays the answers out like the form, with every row label', () => {
    const values = { district: '东湖区', department: '东湖区教育体育局', 'content.description': '第一行\n第二行' };
    const table = summaryTable(values, campaign, 'zh', 100);
    expect(table).toContain('教育行政部门（盖章）：东湖区教育体育局');
    for (const f of FIELDS.filter((f) => f.placement === 'row')) expect(table).toContain(`│ ${f.label.slice(0, 9)}`);
    expect(table).toContain('（未填）');
    // Every line of the box is equally wide on a terminal.
    const widths = new Set(
      table
        .split('\n')
        .filter((l) => /^[│├┌└]/.test(l))
        .map(termWidth),
    );
    expect(widths.size).toBe(1);
  });

  it.each([
    ['2023-11-20', 10, '还有 10 天'],
    ['2023-11-30', 0, '就是今天'],
    ['2023-12-02', -2, '已过 2 天'],
  ])('on %s: %i days', (today, days, text) => {
    expect(daysLeft(day(today), campaign)).toBe(days);
    expect(deadlineNotice(day(today), campaign, 'zh')).toContain(text);
  });

  it('checkValues runs validateRaw on the answers as display.ts writes them', () => {
    const r = checkValues({ district: '东湖区' }, campaign);
    expect(r.submission).toBeUndefined();
    expect(r.problems.filter((p) => p.code === 'required').length).toBe(FIELDS.filter((f) => f.required && !f.default).length - 1);
  });
});

describe('the unit list', () => {
  const names = (term: string) =>
    unitChoices(term, campaign, true, 'zh')
      .filter((c) => !c.disabled && c.value !== BACK)
      .map((c) => c.value);

  it.each(['xyz', '九江', 'zzz'])('「%s」matching nothing says so and offers nothing to pick (not 东湖区, not "back")', (term) => {
    const choices = unitChoices(term, campaign, true, 'zh');
    expect(choices).toHaveLength(1);
    expect(choices[0]!.name).toContain('没有匹配的单位');
    expect(choices[0]!.disabled).toBeTruthy();
  });

  it('names, aliases, departments, full pinyin and initials match', () => {
    expect(names('')).toHaveLength(campaign.roster.length);
    expect(names('东湖')).toEqual(['东湖区']);
    expect(names('南昌市东湖区')).toEqual(['东湖区']);
    expect(names('青山湖区教育体育局')).toEqual(['青山湖区']);
    expect(names('qingshan')).toEqual(['青山湖区']);
    expect(names('donghu')).toEqual(['东湖区']);
    expect(names('DongHu')).toEqual(['东湖区']);
    expect(names('qsh')).toEqual(['青山湖区']);
    expect(names('qyp')).toEqual(['青云谱区']);
    expect(names('hgt')).toEqual(['红谷滩区']);
    expect(names('wanli')).toEqual(['湾里管理局']);
    expect(pinyinMatches('xyz', ['新建区'])).toBe(false);
    expect(pinyinMatches('东', ['东湖区'])).toBe(false);
  });

  it("the unit's own name outranks aliases and pinyin; the city's name inside an alias counts last", () => {
    for (const term of ['南昌', 'nc', 'nanchang', 'NanChang']) expect(names(term)[0], term).toBe('南昌县');
    expect(names('南昌').slice(1)).toEqual(['东湖区', '西湖区', '经开区', '高新区']);
    expect(names('湖')).toEqual(['东湖区', '西湖区', '青山湖区']);
    expect(names('新建')[0]).toBe('新建区');
    expect(names('高新')).toEqual(['高新区']);
    // the current unit leads only the unfiltered list
    const current = (term: string) => unitChoices(term, campaign, false, 'zh', '东湖区').map((c) => c.value);
    expect(current('')[0]).toBe('东湖区');
    expect(current('南昌')[0]).toBe('南昌县');
  });
});

describe('characters the PDF cannot print', () => {
  const glyphs = fontGlyphCheck('zh');

  it('are found at the answer, naming the character', async () => {
    const [message] = await glyphs(fieldById('contacts'), [{ name: '王𠀀', phone: '0791-8888888' }]);
    expect(message).toContain('「𠀀」（U+20000）');
    expect(message).toContain('联系人及电话');
    expect(await glyphs(fieldById('contacts'), [{ name: '万 翾', phone: '17770022118' }])).toEqual([]);
    expect(await glyphs(fieldById('content.description'), '第一行\n第二行有😀')).toEqual([expect.stringContaining('第 2 行的「😀」')]);
    expect(await glyphs(fieldById('other'), undefined)).toEqual([]);
  });
});

describe('下一步', () => {
  it('names all four pieces the notice asks for: Word file, stamped scan, 工作方案, 工作总结', () => {
    const text = nextStepsText({ yaml: 'a.yaml', docx: 'a.docx', pdf: 'a.pdf' }, '东湖区教育体育局', campaign, day('2023-11-20'), 'zh');
    const send = text.split('\n').find((l) => l.includes(campaign.mailbox))!;
    for (const piece of ['a.docx', '扫描件', '工作方案', '工作总结']) expect(send).toContain(piece);
    expect(send).toContain('四份');
    const en = nextStepsText({ yaml: 'a.yaml', docx: 'a.docx', pdf: 'a.pdf' }, '东湖区教育体育局', campaign, day('2023-11-20'), 'en');
    for (const piece of ['a.docx', 'stamped scan', 'work plan', 'work summary']) expect(en).toContain(piece);
  });
});

describe('修改哪一项: typed to jump, not 20 presses of ↓', () => {
  const first = (term: string) => itemChoices(term, {}, 'zh')[0]!;
  it('a number, a label, part of a label or its pinyin picks the item', () => {
    const n = questionOrder().findIndex((f) => f.id === 'publicity.textReports') + 1;
    expect(first(String(n)).value).toBe('publicity.textReports');
    expect(first(`${n}.`).value).toBe('publicity.textReports');
    expect(first('文字报道').value).toBe('publicity.textReports');
    expect(first('满意').value).toBe('reach.satisfaction');
    expect(itemChoices('', {}, 'zh')).toHaveLength(questionOrder().length);
    const none = itemChoices('没有这一项', {}, 'zh');
    expect(none).toHaveLength(1);
    expect(none[0]!.disabled).toBeTruthy();
  });
});
