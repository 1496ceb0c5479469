/**
 * Validated submissions for the renderer tests, taken from the fixtures through the one path
 * `validate` uses (reader → normalisers → rules), so the tests never carry a copy that drifts from
 * `fixtures/sample/`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NANCHANG_2023 } from '../../src/campaign/campaign.js';
import type { Submission } from '../../src/form/schema.js';
import { checkFile } from '../../src/inbox/check.js';

const SAMPLES = join(import.meta.dirname, '..', '..', 'fixtures', 'sample');

async function sample(name: string): Promise<Submission> {
  const path = join(SAMPLES, name);
  const bytes = readFileSync(path);
  const result = await checkFile({ path: name, size: bytes.length, load: async () => bytes }, NANCHANG_2023);
  if (result.status !== 'valid') throw new Error(`fixtures/sample/${name} is not valid: ${JSON.stringify(result.problems)}`);
  return result.data as Submission;
}

/** `fixtures/sample/东湖区.yaml`, validated. */
export const DONGHU: Submission = await sample('东湖区.yaml');

/**
 * `fixtures/sample/青山湖区.json`, validated, with a second contact named as in the notice's own
 * contact line, 「万 翾」: 翾 is a rare character the font must carry.
 */
const qingshanhu = await sample('青山湖区.json');
export const QINGSHANHU: Submission = { ...qingshanhu, contacts: [...qingshanhu.contacts, { name: '万 翾', phone: '17770022118' }] };

/** The sample with a 2,000-character 活动内容 (still a tidy document: docs/rendering.md, "Pagination and 「（续表）」"). */
export function withLongDescription(base: Submission = DONGHU, length = 2000): Submission {
  const sentence = '社区大讲堂走进街道，围绕健康养生、反诈宣传、家庭教育开展专题讲座，居民踊跃参与（共 12 场）。';
  let text = '';
  while (text.length < length) text += sentence + (text.length % 3 === 0 ? '\n' : '');
  return { ...base, content: { ...base.content, description: text.slice(0, length) } };
}

/**
 * The sample cut short: every value on one line, so the whole table fits on page 1 (the sample
 * itself runs onto page 2, as most filled forms do: the two- and three-line labels take room).
 */
export const ONE_PAGE: Submission = {
  ...DONGHU,
  contacts: [DONGHU.contacts[0]!],
  organizers: '东湖区教育体育局',
  leadership: { ...DONGHU.leadership, openingLeaders: '区政府副区长' },
  participation: { ...DONGHU.participation, featuredActivities: '亲子共读' },
  content: { ...DONGHU.content, description: '开幕式；社区大讲堂。', outcomes: '氛围浓厚。' },
  reach: { ...DONGHU.reach, scope: '全区 10 个街道' },
  publicity: { ...DONGHU.publicity, scope: '区融媒体中心' },
};

/**
 * Contacts on one line and a date in 活动内容 that the line breaker keeps whole: the PDF moves
 * 「王伟 0791-86771234」 and 「（2023年11月16日起」 to the next line, where an office suite would break inside.
 */
export const KEPT_WHOLE: Submission = {
  ...DONGHU,
  contacts: [
    { name: '刘芳', phone: '13907912345' },
    { name: '王伟', phone: '0791-86771234' },
    { name: '赵强', phone: '0791-86779988' },
  ],
  content: {
    ...DONGHU.content,
    description:
      '社区大讲堂 12 场，内容涵盖健康养生、反诈宣传、家庭教育；\n老年智能手机课堂 8 期（2023年11月16日起每周三、五下午），帮助 400 余名老人学会移动支付。',
  },
};
