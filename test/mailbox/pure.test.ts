/** The mailbox's pure parts: file names, folder names, the state, the received-time record, settings. */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { NANCHANG_2023 } from '../../src/campaign/campaign.js';
import { parseCampaign } from '../../src/read/campaign.js';
import { displayName, mailBaseName, rawHeader, safePart, withSuffix } from '../../src/mailbox/names.js';
import { mergeRecord, plainRecordKeys, RECORD_HEADER, recordLines } from '../../src/mailbox/record.js';
import { daysLeft } from '../../src/mailbox/reminder.js';
import { imapSettings, parseHostPort, scrub, smtpSettings, wantsAuthCode } from '../../src/mailbox/server.js';
import { emptyState, parseState, StateIndex, stateText, uidRanges, type SavedMail } from '../../src/mailbox/state.js';
import { decodeMailboxName, encodeMailboxName } from '../../src/mailbox/utf7.js';
import { campaignYaml } from '../../src/template/campaign.js';

describe('file names of fetched mails', () => {
  it('are <收到时间>-<发件人>-<主题>, in the campaign zone, safe and short', () => {
    const name = mailBaseName({
      received: new Date('2023-11-28T08:42:10Z'),
      timezone: '+08:00',
      fromName: '东湖区教体局',
      subject: '关于报送：东湖区/2023 材料?*',
    });
    expect(name).toBe('20231128-1642-东湖区教体局-关于报送：东湖区 2023 材料');
    const long = mailBaseName({ received: new Date(0), timezone: '+08:00', fromAddress: 'abc@163.com', subject: '很'.repeat(200) });
    expect(new TextEncoder().encode(`${long}-99.eml`).length).toBeLessThanOrEqual(120);
    expect(long.startsWith('19700101-0800-abc-')).toBe(true);
    expect(mailBaseName({ received: new Date(0), timezone: '+08:00' })).toBe('19700101-0800-无发件人-无主题');
    expect(safePart('..隐藏', 10)).toBe('隐藏');
    expect(safePart('CON', 10)).toBe('_CON');
    expect(safePart('a!b', 10)).toBe('a b');
    expect(withSuffix('x', 1)).toBe('x.eml');
    expect(withSuffix('x', 3)).toBe('x-3.eml');
  });
  it('re-read raw GBK headers', () => {
    const gbk = Buffer.concat([
      Buffer.from('From: '),
      Buffer.from([0xc7, 0xe0, 0xc9, 0xbd, 0xba, 0xfe]),
      Buffer.from(' <a@b.cn>\r\nSubject: =?UTF-8?B?5Lit?=\r\n\r\nbody'),
    ]);
    expect(rawHeader(gbk, 'from')).toBe('青山湖 <a@b.cn>');
    expect(rawHeader(gbk, 'subject')).toBeUndefined();
    expect(displayName('"张敏" <a@b.cn>')).toBe('张敏');
  });
});

describe('folder names (modified UTF-7)', () => {
  it('round-trip', () => {
    expect(encodeMailboxName('已发送')).toBe('&XfJT0ZAB-');
    expect(decodeMailboxName('&XfJT0ZAB-')).toBe('已发送');
    expect(decodeMailboxName('INBOX')).toBe('INBOX');
    expect(decodeMailboxName(encodeMailboxName('A&B 收件箱/2023'))).toBe('A&B 收件箱/2023');
  });
});

describe('the fetch state', () => {
  const mail = (uid: number, over: Partial<SavedMail> = {}): SavedMail => ({
    server: 'imap.163.com:993',
    user: 'u@163.com',
    mailbox: 'INBOX',
    uidValidity: '7',
    uid,
    messageId: `<m${uid}@x>`,
    sha256: `h${uid}`,
    file: `${uid}.eml`,
    internalDate: '2023-11-28T10:00:00+08:00',
    size: 1,
    fetchedAt: '2023-12-01T00:00:00Z',
    ...over,
  });
  it('knows the UIDs of one UIDVALIDITY and the contents of all', () => {
    const index = new StateIndex(emptyState());
    index.add(mail(1));
    index.add(mail(2));
    const key = { server: 'IMAP.163.com:993', user: 'U@163.com', mailbox: 'INBOX', uidValidity: '7' };
    expect(index.has(key, 1)).toBe(true);
    expect(index.has({ ...key, uidValidity: '8' }, 1)).toBe(false);
    expect(index.sameContent('<m2@x>', 'h2')?.file).toBe('2.eml');
    expect(index.sameContent(null, 'h1')?.file).toBe('1.eml');
    const back = parseState(stateText(index.state));
    expect(back.ok && back.state.mails).toHaveLength(2);
    expect(parseState('{').ok).toBe(false);
    expect(parseState('{"version":2,"mails":[]}').ok).toBe(false);
  });
  it('compresses UID sets', () => {
    expect(uidRanges([5, 1, 2, 3, 7, 8, 9, 3])).toEqual(['1:3', '5', '7:9']);
    expect(uidRanges([])).toEqual([]);
  });
});

describe('收件记录.yaml', () => {
  it('is created with an explaining comment and merged without touching what people wrote', () => {
    const first = mergeRecord('', [['a b.eml', '2023-11-28T10:15:00+08:00']]);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.text).toContain('# 收件记录');
    expect(parse(first.text)).toEqual({ 'a b.eml': '2023-11-28T10:15:00+08:00' });
    const edited = `${first.text}# 手工补记\n东湖区统计表.docx: 2023-11-27T09:00:00+08:00 # 纸质转交\n`;
    const second = mergeRecord(edited, [
      ['a b.eml', '2099-01-01T00:00:00+08:00'],
      ['sub/c.eml', '2023-11-29T10:00:00+08:00'],
    ]);
    expect(second.ok && second.added).toBe(1);
    if (!second.ok) return;
    expect(second.text).toContain('# 纸质转交');
    expect(parse(second.text)).toEqual({
      'a b.eml': '2023-11-28T10:15:00+08:00',
      '东湖区统计表.docx': '2023-11-27T09:00:00+08:00',
      'sub/c.eml': '2023-11-29T10:00:00+08:00',
    });
    expect(mergeRecord('a: [', []).ok).toBe(false);
    // The fast path: plain lines are read without a parser and appended to; the result is the same YAML.
    const keys = plainRecordKeys(second.text)!;
    expect([...keys]).toEqual(['a b.eml', '东湖区统计表.docx', 'sub/c.eml']);
    const odd = ['#1.eml', 'x: y.eml', '-dash.eml', '2023.eml', 'true'];
    const appended = `${second.text}${recordLines([...odd.map((k) => [k, '2023-11-30T08:00:00+08:00'] as const), ['a b.eml', '2000-01-01T00:00:00+08:00']], keys)}`;
    expect(parse(appended)).toMatchObject(Object.fromEntries(odd.map((k) => [k, '2023-11-30T08:00:00+08:00'])));
    expect(parse(appended)['a b.eml']).toBe('2023-11-28T10:15:00+08:00');
    expect(plainRecordKeys(appended)?.size).toBe(8);
    expect(parse(`${RECORD_HEADER}${recordLines([['n.eml', '2023-11-30T08:00:00+08:00']], new Set())}`)).toEqual({
      'n.eml': '2023-11-30T08:00:00+08:00',
    });
    expect(plainRecordKeys('{ a: 2023-11-30T08:00:00+08:00 }')).toBeUndefined();
    expect(plainRecordKeys('a: 明天')).toBeUndefined();
    expect(mergeRecord('- a\n', []).ok).toBe(false);
  });
});

describe('where to connect', () => {
  it('reads --imap HOST[:PORT], the campaign, or the provider of the campaign address', () => {
    expect(parseHostPort('imap.163.com:993')).toEqual({ ok: true, host: 'imap.163.com', port: 993 });
    expect(parseHostPort('[::1]:143')).toEqual({ ok: true, host: '::1', port: 143 });
    expect(parseHostPort('imap 163').ok).toBe(false);
    expect(parseHostPort('h:70000').ok).toBe(false);
    expect(imapSettings({}, NANCHANG_2023)).toEqual({
      ok: true,
      value: { host: 'imap.163.com', port: 993, secure: true, user: 'jxedusqjy@163.com', mailbox: 'INBOX' },
    });
    expect(imapSettings({ imap: 'mail.example.cn', starttls: true }, NANCHANG_2023)).toMatchObject({
      value: { host: 'mail.example.cn', port: 143, secure: false },
    });
    expect(smtpSettings({}, NANCHANG_2023)).toMatchObject({ value: { host: 'smtp.163.com', port: 465, secure: true } });
    expect(imapSettings({}, { ...NANCHANG_2023, mailbox: 'a@example.cn' })).toEqual({ ok: false, problem: 'noHost' });
    expect(wantsAuthCode('imap.163.com', 'x')).toBe(true);
    expect(wantsAuthCode('127.0.0.1', 'a@example.cn')).toBe(false);
    expect(scrub('bad pass=abc123 abc123', 'abc123')).toBe('bad pass=****** ******');
  });
  it('the campaign takes a mailbox section (never a password), noticeDate and roster emails, and writes them back', () => {
    const text = campaignYaml(NANCHANG_2023)
      .replace(
        'mailbox: jxedusqjy@163.com',
        'mailbox: { address: jxedusqjy@163.com, host: imap.163.com, port: 993, user: jxedusqjy@163.com, mailbox: 已发送, starttls: false, smtp: { host: smtp.163.com, port: 465 } }\nnoticeDate: "2023-11-10"',
      )
      .replace('    department: 东湖区教育体育局\n', '    department: 东湖区教育体育局\n    email: dh@example.cn\n');
    const parsed = parseCampaign(new TextEncoder().encode(text), 'zh');
    expect(parsed.ok, parsed.ok ? '' : parsed.problems.join('\n')).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.campaign.mailbox).toBe('jxedusqjy@163.com');
    expect(parsed.campaign.mailServer).toMatchObject({ host: 'imap.163.com', mailbox: '已发送', smtp: { host: 'smtp.163.com' } });
    expect(parsed.campaign.noticeDate).toBe('2023-11-10');
    expect(parsed.campaign.roster[0]!.email).toBe('dh@example.cn');
    const again = parseCampaign(new TextEncoder().encode(campaignYaml(parsed.campaign)), 'zh');
    expect(again.ok && again.campaign).toEqual(parsed.campaign);
    const withPassword = parseCampaign(new TextEncoder().encode(text.replace('starttls: false', 'starttls: false, password: x')), 'zh');
    expect(withPassword.ok).toBe(false);
    if (!withPassword.ok) expect(withPassword.problems.join('\n')).toContain('password');
  });
  it('counts the days left in the campaign zone', () => {
    expect(daysLeft(NANCHANG_2023, new Date('2023-11-29T12:00:00+08:00'))).toBe(1);
    expect(daysLeft(NANCHANG_2023, new Date('2023-11-30T23:00:00+08:00'))).toBe(0);
    expect(daysLeft(NANCHANG_2023, new Date('2023-11-30T17:00:00Z'))).toBe(-1);
  });
});
