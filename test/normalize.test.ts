/** Table-driven tests for the normalisers: values as people really write them (docs/form.md, "The values people really write"). */
import { describe, expect, it } from 'vitest';
import { NANCHANG_2023 } from '../src/campaign/campaign.js';
import { normalizeContacts, normalizePhone } from '../src/normalize/contacts.js';
import { normalizeCount } from '../src/normalize/count.js';
import { normalizePeriod } from '../src/normalize/date.js';
import { normalizePercent } from '../src/normalize/percent.js';
import { normalizeText } from '../src/normalize/text.js';
import { normalizeUnit } from '../src/normalize/unit.js';
import { parseChineseNumeral } from '../src/normalize/common.js';

const codes = (r: { problems: Array<{ severity: string; code: string }> }) => r.problems.map((p) => `${p.severity}:${p.code}`);

describe('counts', () => {
  it.each([
    [36, 36, []],
    ['36', 36, []],
    ['３６', 36, []],
    ['3,000', 3000, []],
    ['3，000', 3000, []],
    ['3000人次', 3000, []],
    ['36场', 36, []],
    ['36项', 36, []],
    ['５２场', 52, []],
    ['共36场', 36, []],
    ['约3000', 3000, ['warning:count.approximate']],
    ['3000余人', 3000, ['warning:count.approximate']],
    ['3000多人', 3000, ['warning:count.approximate']],
    ['3000人左右', 3000, ['warning:count.approximate']],
    ['1.2万', 12000, []],
    ['1.2万人次', 12000, []],
    ['1.2 万人次', 12000, []],
    ['1.2万余人次', 12000, ['warning:count.approximate']],
    ['三十六场', 36, []],
    ['一万二千人次', 12000, []],
    ['0', 0, []],
    ['1.23456万', 12346, ['warning:count.rounded']],
    ['1万2千', 12000, []],
    ['1万2千人次', 12000, []],
    ['3千5百', 3500, []],
    ['2万零300', 20300, []],
    ['1.2萬', 12000, []],
    ['36（含线上10场）', 36, []],
    ['36\u200b', 36, []],
  ] as const)('%j → %j', (input, value, problems) => {
    const r = normalizeCount(input);
    expect(r.value).toBe(value);
    expect(codes(r)).toEqual(problems);
  });

  it.each([
    ['很多', 'error:count.vague'],
    ['若干', 'error:count.vague'],
    ['数千人', 'error:count.vague'],
    ['-5', 'error:count.negative'],
    [-5, 'error:count.negative'],
    ['36.5', 'error:count.fraction'],
    [36.5, 'error:count.fraction'],
    ['三千到四千', 'error:count.invalid'],
    ['3000-4000', 'error:count.invalid'],
    ['abc', 'error:count.invalid'],
  ] as const)('%j is refused (%s)', (input, code) => {
    const r = normalizeCount(input);
    expect(r.value).toBeUndefined();
    expect(codes(r)).toEqual([code]);
  });

  it('keeps the original text only when it differs', () => {
    expect(normalizeCount('1.2万人次').original).toBe('1.2万人次');
    expect(normalizeCount('36').original).toBeUndefined();
  });

  it('reads Chinese numerals', () => {
    expect(parseChineseNumeral('十二')).toBe(12);
    expect(parseChineseNumeral('两百零五')).toBe(205);
    expect(parseChineseNumeral('三万五千')).toBe(35000);
  });
});

describe('percentages', () => {
  it.each([
    ['98%', 98, []],
    ['98％', 98, []],
    [98, 98, []],
    ['98', 98, []],
    ['98.5%', 98.5, []],
    ['100%', 100, []],
    ['满意度98%', 98, []],
    ['百分之九十八', 98, []],
    ['98%以上', 98, ['warning:percent.approximate']],
    ['0.98', 98, ['warning:percent.fraction']],
    [0.98, 98, ['warning:percent.fraction']],
    ['45%', 45, ['warning:percent.low']],
  ] as const)('%j → %j', (input, value, problems) => {
    const r = normalizePercent(input);
    expect(r.value).toBe(value);
    expect(codes(r)).toEqual(problems);
  });

  it.each([
    ['120%', 'error:percent.outOfRange'],
    [101, 'error:percent.outOfRange'],
    ['-3%', 'error:percent.invalid'],
    ['很满意', 'error:percent.invalid'],
  ] as const)('%j is refused', (input, code) => {
    expect(codes(normalizePercent(input))).toEqual([code]);
  });
});

describe('periods', () => {
  const year = 2023;
  it.each([
    ['2023年11月15日至11月21日', '2023-11-15', '2023-11-21'],
    ['2023年11月15日—21日', '2023-11-15', '2023-11-21'],
    ['2023年11月15日——21日', '2023-11-15', '2023-11-21'],
    ['11月15日-11月21日', '2023-11-15', '2023-11-21'],
    ['11月15日至21日', '2023-11-15', '2023-11-21'],
    ['2023.11.15-2023.11.21', '2023-11-15', '2023-11-21'],
    ['2023-11-15 ~ 2023-11-21', '2023-11-15', '2023-11-21'],
    ['2023-11-15～2023-11-21', '2023-11-15', '2023-11-21'],
    ['２０２３年１１月１５日至１１月２１日', '2023-11-15', '2023-11-21'],
    ['2023/11/15 - 2023/11/21', '2023-11-15', '2023-11-21'],
    ['2023年11月15日（星期三）至11月21日（星期二）', '2023-11-15', '2023-11-21'],
    ['2023年11月18日', '2023-11-18', '2023-11-18'],
    ['11月18日', '2023-11-18', '2023-11-18'],
    ['2023年11月28日至12月3日', '2023-11-28', '2023-12-03'],
    ['十一月十五日至二十一日', '2023-11-15', '2023-11-21'],
    ['二〇二三年十一月十五日至十一月二十一日', '2023-11-15', '2023-11-21'],
    ['11月15日—21日（共7天）', '2023-11-15', '2023-11-21'],
    ['2023年11月15日至21日，为期一周', '2023-11-15', '2023-11-21'],
  ])('%s', (text, start, end) => {
    const r = normalizePeriod(text, year);
    expect(r.problems).toEqual([]);
    expect(r.value).toEqual({ start, end, text });
  });

  it('accepts {start, end} objects and keeps their text', () => {
    expect(normalizePeriod({ start: '2023-11-15', end: '2023-11-21' }, year).value).toEqual({
      start: '2023-11-15',
      end: '2023-11-21',
      text: '2023年11月15日至11月21日',
    });
    expect(normalizePeriod({ start: '2023-11-15', end: '2023-11-21', text: '11月15日起一周' }, year).value?.text).toBe('11月15日起一周');
  });

  it.each([
    ['11月中下旬', 'error:date.vague'],
    ['活动周期间', 'error:date.vague'],
    ['2023年11月21日至11月15日', 'error:date.endBeforeStart'],
    ['2023年11月25日至11月31日', 'error:date.notReal'],
    ['2023年2月29日', 'error:date.notReal'],
    ['下周', 'error:date.invalid'],
  ])('%s is refused', (text, code) => {
    expect(codes(normalizePeriod(text, year))).toEqual([code]);
  });
});

describe('phones and contacts', () => {
  it.each([
    ['13907912345', '13907912345'],
    ['139 0791 2345', '13907912345'],
    ['+86 139-0791-2345', '13907912345'],
    ['0791-86771234', '0791-86771234'],
    ['079186771234', '0791-86771234'],
    ['(0791)86771234', '0791-86771234'],
    ['（0791）86771234', '0791-86771234'],
    ['010-68783311', '010-68783311'],
    ['0791-86771234-8021', '0791-86771234-8021'],
    ['0791-86771234转8021', '0791-86771234-8021'],
  ])('%s → %s', (input, phone) => expect(normalizePhone(input)).toBe(phone));

  it.each(['8677123', '12345678901', '0791-123', '1390791234'])('%s is not a phone', (input) =>
    expect(normalizePhone(input)).toBeUndefined(),
  );

  it('splits the notice’s own free text, keeping the space inside 「万 翾」', () => {
    const r = normalizeContacts('万梦婷 19979136126；万 翾 17770022118');
    expect(r.problems).toEqual([]);
    expect(r.value).toEqual([
      { name: '万梦婷', phone: '19979136126' },
      { name: '万 翾', phone: '17770022118' },
    ]);
  });

  it.each([
    ['张敏 0791-86771234', [{ name: '张敏', phone: '0791-86771234' }]],
    ['联系人：张敏，电话：13907912345', [{ name: '张敏', phone: '13907912345' }]],
    [
      '张敏0791-86771234、李华13907912345',
      [
        { name: '张敏', phone: '0791-86771234' },
        { name: '李华', phone: '13907912345' },
      ],
    ],
    [
      '张敏 0791-86771234 13907912345',
      [
        { name: '张敏', phone: '0791-86771234' },
        { name: '张敏', phone: '13907912345' },
      ],
    ],
    [
      '张敏 0791-86771234、13907912345',
      [
        { name: '张敏', phone: '0791-86771234' },
        { name: '张敏', phone: '13907912345' },
      ],
    ],
    [
      '张敏 0791-86771234\n李华 13907912345',
      [
        { name: '张敏', phone: '0791-86771234' },
        { name: '李华', phone: '13907912345' },
      ],
    ],
    [
      '刘芳 13907912345；王伟 0791-86771234',
      [
        { name: '刘芳', phone: '13907912345' },
        { name: '王伟', phone: '0791-86771234' },
      ],
    ],
    [
      '刘芳 13907912345, 王伟 0791-86771234',
      [
        { name: '刘芳', phone: '13907912345' },
        { name: '王伟', phone: '0791-86771234' },
      ],
    ],
    [
      '联系人：刘芳，电话：13907912345；联系人：王伟，电话：0791-86771234',
      [
        { name: '刘芳', phone: '13907912345' },
        { name: '王伟', phone: '0791-86771234' },
      ],
    ],
    ['万 翾 17770022118', [{ name: '万 翾', phone: '17770022118' }]],
  ])('%s', (text, expected) => {
    const r = normalizeContacts(text);
    expect(r.problems).toEqual([]);
    expect(r.value).toEqual(expected);
  });

  it('reads lists with Chinese or English keys', () => {
    expect(
      normalizeContacts([
        { 姓名: '张敏', 电话: '0791-86771234' },
        { name: '李华', phone: 13907912345 },
        { 姓名: '赵强', 电话: '0791-86771234、13907912345' },
        '王芳 18607918888',
      ]).value,
    ).toEqual([
      { name: '张敏', phone: '0791-86771234' },
      { name: '李华', phone: '13907912345' },
      { name: '赵强', phone: '0791-86771234' },
      { name: '赵强', phone: '13907912345' },
      { name: '王芳', phone: '18607918888' },
    ]);
  });

  it.each([
    ['张敏', 'error:contacts.noPhone'],
    ['张敏 8677123', 'error:contacts.badPhone'],
    ['张敏 12345', 'error:contacts.badPhone'],
    ['13907912345', 'error:contacts.noName'],
    [[{ 姓名: '张敏' }], 'error:contacts.noPhone'],
    [[{ 姓名: '张敏', 电话: '123' }], 'error:contacts.badPhone'],
    [{ a: 1 }, 'error:contacts.invalid'],
    // two contacts on one line: each number is checked (the short first one hid inside a name)
    ['刘芳 1390791234；王伟 0791-86771234', 'error:contacts.badPhone'],
    ['刘芳 1390791234;王伟 0791-86771234', 'error:contacts.badPhone'],
    ['刘芳 1390791234、王伟 0791-86771234', 'error:contacts.badPhone'],
    ['刘芳 1390791234，王伟 0791-86771234', 'error:contacts.badPhone'],
    ['刘芳 1390791234,王伟 0791-86771234', 'error:contacts.badPhone'],
    ['刘芳 1390791234\n王伟 0791-86771234', 'error:contacts.badPhone'],
    ['刘芳；王伟 0791-86771234', 'error:contacts.noPhone'],
    [[{ 姓名: '刘芳 1390791234；王伟', 电话: '0791-86771234' }], 'error:contacts.badPhone'],
  ] as const)('%j is refused', (input, code) => {
    const r = normalizeContacts(input);
    expect(r.value).toBeUndefined();
    expect(codes(r)).toContain(code);
  });
});

describe('roster units', () => {
  it.each([
    ['东湖区', '东湖区'],
    ['东湖', '东湖区'],
    ['南昌市东湖区', '东湖区'],
    ['东湖区教育体育局', '东湖区'],
    ['新建县', '新建区'],
    ['新建', '新建区'],
    ['红谷滩新区', '红谷滩区'],
    ['南昌县教体局', '南昌县'],
    ['国家南昌经济技术开发区', '经开区'],
    ['南昌高新区', '高新区'],
    ['高新区教育事业发展中心', '高新区'],
    ['湾里区', '湾里管理局'],
    ['湾里管理局教体办', '湾里管理局'],
    [' 青山湖区 ', '青山湖区'],
    ['江西省南昌市东湖区', '东湖区'],
  ])('%s → %s', (input, unit) => expect(normalizeUnit(input, NANCHANG_2023).value).toBe(unit));

  it('never matches a part of another name: 「新建」 is not 红谷滩新区, 「高新」 is not 经开区', () => {
    expect(normalizeUnit('新建', NANCHANG_2023).value).toBe('新建区');
    const r = normalizeUnit('高新', NANCHANG_2023);
    expect(r.value).toBeUndefined();
    expect(r.problems[0]).toMatchObject({ code: 'unit.unknown', params: { suggestion: '高新区' } });
  });

  it.each(['南昌市', '南昌市教育局', '江西省南昌市'])('the city itself (%s) is accepted, for the city’s own report', (text) => {
    expect(normalizeUnit(text, NANCHANG_2023)).toMatchObject({ value: '南昌市', problems: [] });
  });

  it('names the closest unit for a typo', () => {
    expect(normalizeUnit('青山区', NANCHANG_2023).problems[0]?.params?.suggestion).toBe('青山湖区');
    expect(normalizeUnit('九江市', NANCHANG_2023).problems[0]?.params?.suggestion).toBeUndefined();
  });
});

describe('text', () => {
  it('trims, folds CRLF and keeps inner line breaks', () => {
    expect(normalizeText('  第一行\r\n第二行  \r\n').value).toBe('第一行\n第二行');
  });
  it('joins a list of lines', () => expect(normalizeText(['一', '二']).value).toBe('一\n二'));
  it('drops invisible characters pasted from WeChat or old files, and reads their line separators as line breaks', () => {
    expect(normalizeText('好评如潮✔\ufe0f\u200b').value).toBe('好评如潮✔');
    expect(normalizeText('第一行\u2028第二行\v第三行\f第四行\u2029第五行').value).toBe('第一行\n第二行\n第三行\n第四行\n第五行');
    expect(normalizeText('社区\u0000大讲堂\u0007\u001b\u0085结束').value).toBe('社区大讲堂\n结束');
    expect(normalizeText('保留\t制表符').value).toBe('保留\t制表符');
  });
  it('refuses a mapping', () => expect(codes(normalizeText({ a: 1 }))).toEqual(['error:value.notText']));
});
