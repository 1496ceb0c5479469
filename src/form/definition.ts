/**
 * The 统计表, defined once.
 *
 * Source: the annex 《2023 年全民终身学习活动开展情况统计表》 at the end of the notice
 * (kept in `fixtures/notice/annex-2023.md`) and `docs/form.md`. Every label below is
 * character-exact to the notice: full-width 「（）」 and the enumeration comma 「、」.
 *
 * Everything else derives from this file: the Zod schema (`schema.ts`), the JSON Schema of the
 * YAML format, the YAML template, the validation report's label paths, the prompts, the DOCX/PDF
 * tables, the spreadsheet columns and the importers' label matching. Do not list fields anywhere else.
 */

/** What kind of value a field holds; each kind has one normaliser (`src/normalize`). */
export type FieldKind =
  | 'year' // 年度: an integer year, must equal the campaign's
  | 'text' // one or a few lines
  | 'longText' // paragraphs (活动内容, 活动成效, 其他): inner line breaks are kept
  | 'unit' // a roster unit (举办县区): aliases resolve to the canonical name
  | 'contacts' // list of {name, phone}
  | 'count' // a non-negative integer, written as people write it (1.2万人次, 约3000)
  | 'percent' // 0–100
  | 'dateRange'; // {start, end} ISO dates + the original text

/** Where a default value comes from when the user leaves a field empty. */
export type DefaultSource = 'campaign.year' | 'campaign.theme' | 'roster.department';

/**
 * Where the field sits on the printed form: `meta` is not printed as a row (the year is in the
 * title), `header` is the 「教育行政部门（盖章）：」 line above the table, `row` is a table row.
 */
export type Placement = 'meta' | 'header' | 'row';

export interface FieldSpec {
  /** Stable identifier: the English YAML key and the `--json` name (last segment of `id`). */
  readonly key: string;
  /** The form's own label, character-exact. */
  readonly label: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  readonly placement: Placement;
  /** What to write, in Chinese: shown in the template, the prompts and the JSON Schema. */
  readonly hint: string;
  readonly hintEn: string;
  /** A realistic example answer, as a clerk would type it. */
  readonly example: string;
  readonly default?: DefaultSource;
}

export interface GroupSpec {
  readonly key: string;
  /** The merged row label in the first column of the table. */
  readonly label: string;
  readonly labelEn: string;
  readonly fields: readonly FieldSpec[];
}

export type FormItem = ({ readonly type: 'field' } & FieldSpec) | ({ readonly type: 'group' } & GroupSpec);

const f = <const S extends FieldSpec>(spec: S) => ({ type: 'field' as const, ...spec });
const g = <const K extends string, const F extends readonly FieldSpec[]>(key: K, label: string, labelEn: string, fields: F) => ({
  type: 'group' as const,
  key,
  label,
  labelEn,
  fields,
});

/** The form, top to bottom, in the order of the notice's annex. */
export const FORM = [
  f({
    key: 'year',
    label: '年度',
    kind: 'year',
    required: true,
    placement: 'meta',
    default: 'campaign.year',
    hint: '活动周的年度，与通知一致（印在表头标题中）',
    hintEn: 'Year of the activity week, as in the notice (printed in the title)',
    example: '2023',
  }),
  f({
    key: 'department',
    label: '教育行政部门（盖章）',
    kind: 'text',
    required: true,
    placement: 'header',
    default: 'roster.department',
    hint: '盖章单位的全称，即本县区的教育行政部门',
    hintEn: 'Full name of the stamping education authority',
    example: '东湖区教育体育局',
  }),
  f({
    key: 'district',
    label: '举办县区',
    kind: 'unit',
    required: true,
    placement: 'row',
    hint: '本单位在名册中的名称，如「东湖区」「南昌县」「经开区」',
    hintEn: 'Your unit as named in the roster',
    example: '东湖区',
  }),
  f({
    key: 'contacts',
    label: '联系人及电话',
    kind: 'contacts',
    required: true,
    placement: 'row',
    hint: '至少一位联系人；电话写手机号（11位）或带区号的座机，如 0791-86771234',
    hintEn: 'At least one contact; a mobile number or a landline with area code',
    example: '张敏 0791-86771234；李华 13907912345',
  }),
  f({
    key: 'organizers',
    label: '主办单位及协办单位',
    kind: 'text',
    required: true,
    placement: 'row',
    hint: '分别写明主办单位和协办单位',
    hintEn: 'Hosting and co-organising bodies',
    example: '主办：东湖区教育体育局；协办：东湖区社区教育学院',
  }),
  g('leadership', '组织领导', 'Leadership', [
    {
      key: 'documentIssuer',
      label: '下发活动文件的部门',
      kind: 'text',
      required: true,
      placement: 'row',
      hint: '印发活动周通知或方案的部门',
      hintEn: 'Body that issued the activity documents',
      example: '东湖区教育体育局',
    },
    {
      key: 'openingLeaders',
      label: '出席活动（开幕式）的领导',
      kind: 'text',
      required: true,
      placement: 'row',
      hint: '出席开幕式的领导职务（可写姓名）',
      hintEn: 'Officials who attended the opening ceremony',
      example: '区政府副区长、区教体局局长',
    },
    {
      key: 'coordinator',
      label: '具体协调部门',
      kind: 'text',
      required: true,
      placement: 'row',
      hint: '负责具体组织协调的部门',
      hintEn: 'Body that coordinated the activities',
      example: '东湖区社区教育学院',
    },
    {
      key: 'planMaker',
      label: '制定活动方案部门',
      kind: 'text',
      required: true,
      placement: 'row',
      hint: '起草、制定活动方案的部门',
      hintEn: 'Body that drew up the activity plan',
      example: '东湖区教育体育局职成教科',
    },
  ]),
  g('participation', '活动参与情况', 'Participation', [
    {
      key: 'activityCount',
      label: '全区参与活动的数量',
      kind: 'count',
      required: true,
      placement: 'row',
      hint: '活动周期间全区举办的活动总数（场/项），填整数',
      hintEn: 'Number of activities held (a whole number)',
      example: '36',
    },
    {
      key: 'participantCount',
      label: '参加活动人数',
      kind: 'count',
      required: true,
      placement: 'row',
      hint: '参加活动的总人次，填整数；可写「1.2万」',
      hintEn: 'Total attendance (person-times); “1.2万” is accepted',
      example: '1.2万人次',
    },
    {
      key: 'featuredActivities',
      label: '有特色的活动',
      kind: 'text',
      required: true,
      placement: 'row',
      hint: '列举一至三项有特色的活动',
      hintEn: 'One to three distinctive activities',
      example: '「书香东湖」亲子共读、老年智能手机课堂',
    },
  ]),
  g('content', '活动主题与内容', 'Theme and content', [
    {
      key: 'theme',
      label: '活动主题',
      kind: 'text',
      required: true,
      placement: 'row',
      default: 'campaign.theme',
      hint: '本届活动周主题，一般与通知一致',
      hintEn: 'Theme of the week, normally the notice’s',
      example: '让学习成为一种生活方式',
    },
    {
      key: 'description',
      label: '活动内容',
      kind: 'longText',
      required: true,
      placement: 'row',
      hint: '主要活动及场次，可分行列出',
      hintEn: 'Main activities, one per line if you like',
      example: '开幕式暨百姓学习之星分享会；社区大讲堂 12 场',
    },
    {
      key: 'outcomes',
      label: '活动成效',
      kind: 'longText',
      required: true,
      placement: 'row',
      hint: '活动取得的效果',
      hintEn: 'What the activities achieved',
      example: '营造了全民终身学习的浓厚氛围。',
    },
    {
      key: 'period',
      label: '活动时间',
      kind: 'dateRange',
      required: true,
      placement: 'row',
      hint: '写明起止日期，如「2023年11月15日至11月21日」；只有一天就写那一天',
      hintEn: 'Exact start and end dates, e.g. 2023-11-15 ~ 2023-11-21',
      example: '2023年11月15日至11月21日',
    },
  ]),
  g('reach', '活动的群众性', 'Public reach', [
    {
      key: 'scope',
      label: '活动范围（包括参与活动的街道、企事业单位等）',
      kind: 'text',
      required: true,
      placement: 'row',
      hint: '参与的街道（乡镇）、社区、企事业单位等',
      hintEn: 'Sub-districts, communities and organisations that took part',
      example: '全区 10 个街道、35 个社区及 6 家企业',
    },
    {
      key: 'satisfaction',
      label: '群众满意度',
      kind: 'percent',
      required: true,
      placement: 'row',
      hint: '百分比，0 到 100，如「98%」',
      hintEn: 'A percentage from 0 to 100',
      example: '98%',
    },
    {
      key: 'selfAssessment',
      label: '自我评价',
      kind: 'text',
      required: true,
      placement: 'row',
      hint: '对本次活动的简要评价',
      hintEn: 'A short self-assessment',
      example: '组织有力，成效明显。',
    },
  ]),
  g('publicity', '宣传报道', 'Publicity', [
    {
      key: 'scope',
      label: '宣传范围',
      kind: 'text',
      required: true,
      placement: 'row',
      hint: '进行宣传的媒体和平台',
      hintEn: 'Media and platforms used',
      example: '区融媒体中心、微信公众号',
    },
    {
      key: 'textReports',
      label: '文字报道',
      kind: 'text',
      required: true,
      placement: 'row',
      hint: '文字报道的篇数或链接；没有请填「无」',
      hintEn: 'Written reports (count or links); write 无 if none',
      example: '8 篇',
    },
    {
      key: 'mediaReports',
      label: '影像图片报道',
      kind: 'text',
      required: true,
      placement: 'row',
      hint: '视频、图片报道情况；没有请填「无」',
      hintEn: 'Video and photo reports; write 无 if none',
      example: '3 条视频、120 张照片',
    },
  ]),
  f({
    key: 'other',
    label: '其他',
    kind: 'longText',
    required: false,
    placement: 'row',
    hint: '其他需要说明的情况',
    hintEn: 'Anything else (optional)',
    example: '无',
  }),
] as const satisfies readonly FormItem[];

/**
 * A field's example as a campaign of `year` shows it: the examples are written for the notice's 2023
 * campaign, and a 2024 template, prompt or message must not suggest 2023 dates.
 */
export function exampleFor(spec: FieldSpec, year: number): string {
  return spec.example.replace(/2023/g, String(year));
}

/** The keys of one contact when contacts are written as a list (YAML, JSON, the schema). */
export const CONTACT_KEYS = { name: '姓名', phone: '电话' } as const;

/** Page furniture printed around the table (docs/form.md, "Page furniture"). */
export const FURNITURE = {
  annexLabel: '附件',
  /** The title; `{year}` comes from the campaign. */
  title: (year: number) => `${year} 年全民终身学习活动开展情况统计表`,
  stampLine: '教育行政部门（盖章）：',
  footnote: '详细的活动情况总结、活动照片、活动录像请另附。',
  /** Above a table continued on a new page (续表, as offices mark a table that runs on). */
  continuedTable: '（续表）',
  /** After a group or item label repeated on the page that continues it: 「活动主题与内容（续）」. */
  continuedLabel: '（续）',
} as const;

/** The id of one item of `FORM`: a field's key, or 「group.key」 for a field inside a group. */
type ItemId<I> = I extends { readonly type: 'group'; readonly key: infer G extends string; readonly fields: readonly (infer F)[] }
  ? F extends { readonly key: infer K extends string }
    ? `${G}.${K}`
    : never
  : I extends { readonly type: 'field'; readonly key: infer K extends string }
    ? K
    : never;

/** Every field id of the form, derived from `FORM`: a misspelt id fails to compile, not at run time. */
export type FieldId = ItemId<(typeof FORM)[number]>;

/** Is this text one of the form's field ids? */
export const isFieldId = (id: string): id is FieldId => byId.has(id as FieldId);

/** A field with everything a consumer needs to place it. */
export interface Field extends FieldSpec {
  /** Dotted id: `participation.participantCount`. */
  readonly id: FieldId;
  readonly group?: { readonly key: string; readonly label: string; readonly labelEn: string };
  /** As the form shows it: 「活动参与情况 › 参加活动人数」. */
  readonly labelPath: string;
}

export interface Group extends GroupSpec {
  readonly fields: readonly Field[];
}

function build(): { fields: Field[]; groups: Group[] } {
  const fields: Field[] = [];
  const groups: Group[] = [];
  for (const item of FORM as readonly FormItem[]) {
    if (item.type === 'field') {
      const { type: _t, ...spec } = item;
      fields.push({ ...spec, id: spec.key as FieldId, labelPath: spec.label });
    } else {
      const group = { key: item.key, label: item.label, labelEn: item.labelEn };
      const members = item.fields.map((spec): Field => ({
        ...spec,
        id: `${item.key}.${spec.key}` as FieldId,
        group,
        labelPath: `${item.label} › ${spec.label}`,
      }));
      fields.push(...members);
      groups.push({ ...group, fields: members });
    }
  }
  return { fields, groups };
}

const built = build();
/** Every field, in form order. */
export const FIELDS: readonly Field[] = built.fields;
export const GROUPS: readonly Group[] = built.groups;
const byId = new Map<FieldId, Field>(FIELDS.map((field) => [field.id, field]));

export function fieldById(id: FieldId): Field {
  const field = byId.get(id);
  if (!field) throw new Error(`unknown field id ${id}`);
  return field;
}

export function groupByKey(key: string): Group | undefined {
  return GROUPS.find((group) => group.key === key);
}

/** Read a field's value out of nested data (`{participation: {participantCount: 1}}`). */
export function getPath(data: unknown, id: FieldId): unknown {
  let cur: unknown = data;
  for (const part of id.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Object.prototype.hasOwnProperty.call(cur, part) ? (cur as Record<string, unknown>)[part] : undefined;
  }
  return cur;
}

/** Write a field's value into nested data, creating the group object as needed. */
export function setPath(data: Record<string, unknown>, id: FieldId, value: unknown): void {
  const parts = id.split('.');
  let cur = data;
  for (const part of parts.slice(0, -1)) {
    const next = cur[part];
    if (next === null || typeof next !== 'object') cur[part] = {};
    cur = cur[part] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]!] = value;
}
