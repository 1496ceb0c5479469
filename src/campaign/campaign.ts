/**
 * The campaign: everything that changes from year to year and city to city
 * (`docs/campaign.md`). The 2023 南昌市 campaign is the embedded default; `--campaign FILE`
 * replaces it and is validated by `campaignSchema`.
 */
import * as z from 'zod/mini';

/*
 * Messages here are keys of CAMPAIGN_MESSAGES (`parse.ts`), said in the user's language there.
 */
const isoDate = z.string().check(z.refine((s) => isRealDate(s), { message: 'campaign.date' }));
const nonEmpty = () => z.string().check(z.minLength(1));

/**
 * Where the centre's mailbox is reached (`fetch`, `remind --send`): never a password (that comes
 * from the environment or a prompt). `mailbox:` in the campaign is either the address alone or this
 * mapping with `address` (README, 「从报送邮箱收取邮件」).
 */
const hostName = z.string().check(z.regex(/^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:.]+\]$/, { message: 'campaign.host' }));
const port = z.int().check(z.minimum(1), z.maximum(65535));
export const mailServerSchema = z.strictObject({
  address: z.email({ message: 'campaign.email' }),
  /** IMAP server, e.g. imap.163.com (IMAPS on 993 unless `starttls`). */
  host: z.optional(hostName),
  port: z.optional(port),
  /** The login; default: the address. */
  user: z.optional(nonEmpty()),
  /** The folder to read; default INBOX. Chinese names are fine (sent as modified UTF-7). */
  mailbox: z.optional(nonEmpty()),
  starttls: z.optional(z.boolean()),
  smtp: z.optional(z.strictObject({ host: hostName, port: z.optional(port), starttls: z.optional(z.boolean()) })),
});
export type MailServer = z.output<typeof mailServerSchema>;

export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** `city`: a province's campaign lists cities, which merge their units' reports (the same form one level up). */
export const unitKinds = ['district', 'county', 'zone', 'administration', 'city'] as const;

const campaignObject = z
  .strictObject({
    year: z.int().check(z.minimum(2000), z.maximum(2100)),
    city: nonEmpty(),
    /** 南昌市教育局: issues the notice; the city's own report is stamped by it. */
    issuer: nonEmpty(),
    /** 南昌市社区教育指导中心: receives the reports. */
    receiver: nonEmpty(),
    theme: nonEmpty(),
    window: z.strictObject({ start: isoDate, end: isoDate }),
    /** Inclusive, in `timezone`: late means received after 23:59:59 of this day. */
    deadline: isoDate,
    /** The day the notice went out: `fetch` takes the mails received from this day on (default: window.start). */
    noticeDate: z.optional(isoDate),
    timezone: z._default(z.string().check(z.regex(/^[+-]\d{2}:\d{2}$/, { message: 'campaign.timezone' })), '+08:00'),
    mailbox: z.union([z.email({ message: 'campaign.email' }), mailServerSchema]),
    contacts: z._default(z.array(z.strictObject({ name: nonEmpty(), org: z.optional(z.string()), phone: nonEmpty() })), []),
    roster: z
      .array(
        z.strictObject({
          name: nonEmpty(),
          kind: z.enum(unitKinds),
          department: nonEmpty(),
          aliases: z._default(z.array(nonEmpty()), []),
          /** Where `remind` writes to; without it, the sender of the unit's latest mail. */
          email: z.optional(z.email({ message: 'campaign.email' })),
          /** Whom the centre calls at this unit (the chase list prints them). */
          contacts: z._default(z.array(z.strictObject({ name: nonEmpty(), phone: nonEmpty() })), []),
        }),
      )
      .check(z.minLength(1, { message: 'campaign.emptyRoster' })),
  })
  .check(
    z.superRefine((c, ctx) => {
      const issue = (path: Array<string | number>, message: string, params?: Record<string, string | number>) =>
        ctx.addIssue({ code: 'custom', path, message, ...(params ? { params } : {}) });
      if (c.noticeDate && c.noticeDate > c.deadline)
        issue(['noticeDate'], 'campaign.noticeAfterDeadline', { notice: c.noticeDate, deadline: c.deadline });
      if (c.window.end < c.window.start) issue(['window', 'end'], 'campaign.windowOrder');
      if (c.deadline < c.window.start)
        issue(['deadline'], 'campaign.deadlineBeforeWindow', { deadline: c.deadline, start: c.window.start });
      for (const key of ['start', 'end'] as const)
        if (!c.window[key].startsWith(String(c.year))) issue(['window', key], 'campaign.windowYear', { date: c.window[key], year: c.year });
      c.contacts.forEach((contact, i) => {
        if (!PHONE.test(contact.phone.replace(/[\s-]/g, ''))) issue(['contacts', i, 'phone'], 'campaign.phone', { phone: contact.phone });
      });
      const seen = new Map<string, string>();
      for (const [i, unit] of c.roster.entries()) {
        if (c.roster.findIndex((u) => u.name === unit.name) !== i)
          issue(['roster', i, 'name'], 'campaign.duplicateUnit', { name: unit.name });
        for (const name of unit.aliases) {
          const other = seen.get(name) ?? c.roster.find((u) => u.name === name && u !== unit)?.name;
          if (other !== undefined && other !== unit.name)
            issue(['roster', i, 'aliases'], 'campaign.aliasClash', { name, other, unit: unit.name });
          seen.set(name, unit.name);
        }
        seen.set(unit.name, unit.name);
        unit.contacts.forEach((contact, k) => {
          if (!PHONE.test(contact.phone.replace(/[\s-]/g, '')))
            issue(['roster', i, 'contacts', k, 'phone'], 'campaign.phone', { phone: contact.phone });
        });
      }
    }),
  );

/**
 * The campaign as the program uses it: `mailbox` is always the address; the server settings, when
 * the file gives them, are `mailServer`.
 */
export const campaignSchema = z.pipe(
  campaignObject,
  z.transform((c) => {
    const { mailbox } = c;
    // Same key order as the file (the campaign template writes it back).
    const out = { ...c, mailbox: typeof mailbox === 'string' ? mailbox : mailbox.address } as Omit<typeof c, 'mailbox'> & {
      mailbox: string;
      mailServer?: MailServer;
    };
    if (typeof mailbox !== 'string') out.mailServer = mailbox;
    return out;
  }),
);

/** A mobile number, or a landline with its area code (as 联系人及电话 on the form). */
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}\d{7,8})$/;

export type Campaign = z.output<typeof campaignSchema>;
export type RosterUnit = Campaign['roster'][number];

/** The 2023 南昌市 campaign, from the notice (where each value comes from: docs/campaign.md, "What a campaign holds"). */
export const NANCHANG_2023: Campaign = campaignSchema.parse({
  year: 2023,
  city: '南昌市',
  issuer: '南昌市教育局',
  receiver: '南昌市社区教育指导中心',
  // 「一、活动主题」
  theme: '让学习成为一种生活方式',
  // 「二、（一）活动时间」: opening in mid/late November, every unit finishes by the end of November.
  window: { start: '2023-11-01', end: '2023-11-30' },
  // 「四、其他事项」: 各县区于2023年11月30日前报送 … 统一报送至市社区教育指导中心邮箱
  deadline: '2023-11-30',
  timezone: '+08:00',
  mailbox: 'jxedusqjy@163.com',
  contacts: [
    { name: '万梦婷', org: '市社区教育指导中心', phone: '19979136126' },
    { name: '万 翾', org: '市社区教育指导中心', phone: '17770022118' },
  ],
  // Addressees: 各县（区）教体局、开发区教育事业发展中心、湾里管理局教体办 (docs/campaign.md, "What a campaign holds" and "The roster (2023 南昌市)").
  roster: [
    { name: '东湖区', kind: 'district', department: '东湖区教育体育局', aliases: ['东湖', '南昌市东湖区'] },
    { name: '西湖区', kind: 'district', department: '西湖区教育体育局', aliases: ['西湖', '南昌市西湖区'] },
    { name: '青云谱区', kind: 'district', department: '青云谱区教育体育局', aliases: ['青云谱'] },
    { name: '青山湖区', kind: 'district', department: '青山湖区教育体育局', aliases: ['青山湖'] },
    { name: '新建区', kind: 'district', department: '新建区教育体育局', aliases: ['新建', '新建县'] },
    { name: '红谷滩区', kind: 'district', department: '红谷滩区教育体育局', aliases: ['红谷滩', '红谷滩新区'] },
    { name: '南昌县', kind: 'county', department: '南昌县教育体育局', aliases: ['南昌县教体局'] },
    { name: '安义县', kind: 'county', department: '安义县教育体育局', aliases: ['安义'] },
    { name: '进贤县', kind: 'county', department: '进贤县教育体育局', aliases: ['进贤'] },
    {
      name: '经开区',
      kind: 'zone',
      department: '经开区教育事业发展中心',
      aliases: ['南昌经开区', '南昌经济技术开发区', '国家南昌经济技术开发区'],
    },
    {
      name: '高新区',
      kind: 'zone',
      department: '高新区教育事业发展中心',
      aliases: ['南昌高新区', '南昌高新技术产业开发区', '南昌国家高新技术产业开发区'],
    },
    { name: '湾里管理局', kind: 'administration', department: '湾里管理局教体办', aliases: ['湾里', '湾里区'] },
  ],
});

/** Every name the roster accepts for a unit: canonical names first, then aliases. */
export function unitNames(campaign: Campaign): string[] {
  return [...campaign.roster.map((u) => u.name), ...campaign.roster.flatMap((u) => u.aliases)];
}

/** The instant after which a report is late: the end of the deadline day in the campaign's zone. */
export function deadlineInstant(campaign: Campaign): Date {
  return new Date(`${campaign.deadline}T23:59:59.999${campaign.timezone}`);
}
