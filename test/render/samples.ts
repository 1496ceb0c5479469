/**
 * Validated submissions for the renderer tests, written as the validator would return them (the
 * renderers take typed data only). `DONGHU` is `fixtures/sample/东湖区.yaml`, normalised.
 */
import type { Submission } from '../../src/form/schema.js';

export const DONGHU: Submission = {
  year: 2023,
  department: '东湖区教育体育局',
  district: '东湖区',
  contacts: [
    { name: '张敏', phone: '0791-86771234' },
    { name: '李 翾', phone: '13907912345' },
  ],
  organizers: '主办：东湖区教育体育局；协办：东湖区社区教育学院、东湖区图书馆',
  leadership: {
    documentIssuer: '东湖区教育体育局',
    openingLeaders: '区政府副区长、区教体局局长',
    coordinator: '东湖区社区教育学院',
    planMaker: '东湖区教育体育局职成教科',
  },
  participation: {
    activityCount: 36,
    participantCount: 12000,
    featuredActivities: '「书香东湖」亲子共读、老年智能手机课堂、百姓学习之星故事会',
  },
  content: {
    theme: '让学习成为一种生活方式',
    description:
      '开幕式暨百姓学习之星分享会；\n社区大讲堂 12 场，内容涵盖健康养生、反诈宣传、家庭教育；\n老年智能手机课堂 8 期，帮助 400 余名老人学会移动支付和网上挂号；\n「书香东湖」亲子共读活动走进 15 个社区。',
    outcomes: '营造了全民终身学习的浓厚氛围，社区居民参与热情明显提高，老年人数字技能短板得到有效弥补。',
    period: { start: '2023-11-15', end: '2023-11-21', text: '2023年11月15日至11月21日' },
  },
  reach: {
    scope: '全区 10 个街道、35 个社区及 6 家企业',
    satisfaction: 98,
    selfAssessment: '组织有力，覆盖面广，成效明显。',
  },
  publicity: {
    scope: '区融媒体中心、“东湖发布”微信公众号、学习强国江西平台',
    textReports: '8 篇',
    mediaReports: '3 条视频、120 张照片',
  },
  other: '无',
};

/** `fixtures/sample/青山湖区.json`, normalised; contacts include the notice's own 「万 翾」. */
export const QINGSHANHU: Submission = {
  year: 2023,
  department: '青山湖区教育体育局',
  district: '青山湖区',
  contacts: [
    { name: '王建国', phone: '13870612345' },
    { name: '万 翾', phone: '17770022118' },
  ],
  organizers: '主办：青山湖区教育体育局；协办：青山湖区社区教育学院、青山湖区老年大学',
  leadership: {
    documentIssuer: '青山湖区教育体育局',
    openingLeaders: '区委常委、宣传部部长，区教体局局长',
    coordinator: '青山湖区社区教育学院',
    planMaker: '青山湖区教育体育局成职教股',
  },
  participation: {
    activityCount: 28,
    participantCount: 8600,
    featuredActivities: '「湖畔书声」全民阅读季、家庭教育公益讲座',
  },
  content: {
    theme: '让学习成为一种生活方式',
    description: '全民阅读季启动仪式；\n家庭教育公益讲座 10 场；\n社区老年人防诈骗知识讲座 6 场。',
    outcomes: '居民阅读兴趣明显增强，家庭教育理念得到广泛传播。',
    period: { start: '2023-11-14', end: '2023-11-24', text: '2023.11.14-2023.11.24' },
  },
  reach: {
    scope: '全区 14 个街道（镇）、60 个社区、3 所高校',
    satisfaction: 96,
    selfAssessment: '活动组织规范，特色鲜明。',
  },
  publicity: { scope: '青山湖区融媒体中心、微信视频号', textReports: '6 篇', mediaReports: '无' },
};

/** The sample with a 2,000-character 活动内容 (issue 3: "still gives a tidy document"). */
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
