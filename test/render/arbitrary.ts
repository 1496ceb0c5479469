/**
 * fast-check generators of valid, normalised submissions (what the validator returns), for the
 * round-trip properties `read(render(x)) = x`. Text uses characters the font has: the common CJK
 * characters of the notice, 「翾」, ASCII, and the punctuation clerks type.
 */
import fc from 'fast-check';
import { NANCHANG_2023 } from '../../src/campaign/campaign.js';
import type { Submission } from '../../src/form/schema.js';

const CJK = Array.from(
  '全民终身学习活动周开展情况统计表教育行政部门盖章举办县区联系人及电话主办单位协办组织领导下发文件的出席开幕式具体协调' +
    '制定方案参与数量加有特色主题内容成效时间群众性范围包括街道企事业等满意度自我评价宣传报道文字影像图片其他万梦婷翾' +
    '社会大讲堂阅读资源老年智能手机课堂书香亲子共读百姓之星分享会养生反诈家庭营造浓厚氛围东湖西青山谱新建红谷滩昌',
);
const ASCII = Array.from('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-./:%@');
const PUNCT = Array.from('，。、；：？！（）《》「」“”…—');
const pool = [...CJK, ...CJK, ...ASCII, ...PUNCT, ' '];

/** Validated text is trimmed and non-empty (docs/form.md, "The values people really write": the text is trimmed). */
const text = (max = 40) =>
  fc
    .array(fc.constantFrom(...pool), { minLength: 1, maxLength: max })
    .map((cs) => cs.join('').trim())
    .filter((s) => s !== '');

/** Long text keeps inner line breaks (paragraphs in DOCX, lines in PDF). */
const longText = fc.array(text(60), { minLength: 1, maxLength: 4 }).map((paras) => paras.join('\n'));

const phone = fc.oneof(
  fc.tuple(fc.integer({ min: 3, max: 9 }), fc.integer({ min: 0, max: 999_999_999 })).map(([a, b]) => `1${a}${String(b).padStart(9, '0')}`),
  fc.integer({ min: 0, max: 9_999_999 }).map((n) => `0791-8${String(n).padStart(7, '0')}`),
);
const name = fc.array(fc.constantFrom(...CJK), { minLength: 2, maxLength: 3 }).map((cs) => cs.join(''));

const day = fc.integer({ min: 1, max: 30 }).map((d) => `2023-11-${String(d).padStart(2, '0')}`);
const period = fc.tuple(day, day, fc.boolean()).map(([a, b, withText]) => {
  const [start, end] = a <= b ? [a, b] : [b, a];
  const text = withText ? `${start.replaceAll('-', '.')}-${end.replaceAll('-', '.')}` : '';
  return { start, end, text };
});

export const submission: fc.Arbitrary<Submission> = fc
  .record({
    unit: fc.constantFrom(...NANCHANG_2023.roster),
    contacts: fc.array(fc.record({ name, phone }), { minLength: 1, maxLength: 3 }),
    texts: fc.array(text(), { minLength: 14, maxLength: 14 }),
    description: longText,
    outcomes: longText,
    other: fc.option(longText, { nil: undefined }),
    activityCount: fc.nat({ max: 500 }),
    participantCount: fc.nat({ max: 2_000_000 }),
    satisfaction: fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
    period,
  })
  .map((r) => {
    const t = r.texts;
    const s: Submission = {
      year: 2023,
      department: r.unit.department,
      district: r.unit.name,
      contacts: r.contacts,
      organizers: t[0]!,
      leadership: { documentIssuer: t[1]!, openingLeaders: t[2]!, coordinator: t[3]!, planMaker: t[4]! },
      participation: { activityCount: r.activityCount, participantCount: r.participantCount, featuredActivities: t[5]! },
      content: { theme: t[6]!, description: r.description, outcomes: r.outcomes, period: r.period },
      reach: { scope: t[7]!, satisfaction: r.satisfaction, selfAssessment: t[8]! },
      publicity: { scope: t[9]!, textReports: t[10]!, mediaReports: t[11]! },
    };
    if (r.other !== undefined) s.other = r.other;
    return s;
  });
