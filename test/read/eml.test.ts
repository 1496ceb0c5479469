/** Mail reader on the saved mails in fixtures/inbox-parts/ (made by scripts/make-inbox-fixtures.mjs). */
import { describe, expect, it } from 'vitest';
import { decodeWords, htmlText, NotMailError, parseMailDate, readEml, repairLatin1, type ParsedMail } from '../../src/read/eml.js';
import { isZip, readZip } from '../../src/read/zip.js';
import { readFixture } from '../helpers.js';

const part = (name: string) => new Uint8Array(readFixture('inbox-parts', name));
const files = (mail: ParsedMail) => mail.attachments.map((a) => `${a.filename} (${a.contentType}${a.inline ? ', inline' : ''})`);
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('readEml on saved mails', () => {
  it('UTF-8 headers, an RFC 2231 Chinese file name in two pieces, an inline image, a nameless PDF', async () => {
    const mail = await readEml(part('utf8-rfc2231.eml'));
    expect(mail.subject).toBe('新建区全民终身学习活动周统计表');
    expect(mail.from).toEqual({ name: '新建区教体局 王芳', address: 'xinjian@example.cn' });
    expect(mail.date?.toISOString()).toBe('2023-11-22T08:05:09.000Z');
    expect(mail.text).toBe('市中心：附件是新建区的统计表，请查收。');
    expect(files(mail)).toEqual(['附件1.png (image/png, inline)', '新建区统计表.yaml (application/x-yaml)', '附件3.pdf (application/pdf)']);
    expect(text(mail.attachments[1]!.bytes)).toContain('举办县区: 新建区');
    expect(mail.omitted).toBeUndefined();
  });

  it('raw 8-bit GBK in Subject, From and the file name is repaired; CST is Beijing time', async () => {
    const mail = await readEml(part('gbk-raw.eml'));
    expect(mail.subject).toBe('青山湖区统计表（修改版）');
    expect(mail.from).toEqual({ name: '青山湖区社区教育学院', address: 'qsh@example.cn' });
    expect(mail.dateHeader).toBe('Thu, 23 Nov 2023 09:12:00 CST');
    expect(mail.date?.toISOString()).toBe('2023-11-23T01:12:00.000Z');
    expect(mail.text).toBe('请查收修改后的统计表。');
    expect(files(mail)).toEqual([
      '青山湖区统计表.docx (application/vnd.openxmlformats-officedocument.wordprocessingml.document)',
      '青山湖区工作总结.doc (application/msword)', // RFC 2047 word labelled GB2312
    ]);
    const docx = mail.attachments[0]!.bytes;
    expect(isZip(docx)).toBe(true);
    expect(await readZip(docx)).toMatchObject({ ok: true, entries: [{ name: 'word/document.xml' }] });
  });

  it('a forwarded mail comes back as an .eml attachment, read in turn', async () => {
    const mail = await readEml(part('nested.eml'));
    expect(mail.subject).toBe('转发：南昌县统计表');
    expect(files(mail)).toEqual(['附件1.eml (message/rfc822)']);
    const inner = await readEml(mail.attachments[0]!.bytes);
    expect(inner.subject).toBe('青山湖区统计表（修改版）');
    expect(inner.attachments.map((a) => a.filename)).toEqual(['青山湖区统计表.docx', '青山湖区工作总结.doc']);
  });

  it('a mail with no attachments and no Date', async () => {
    const mail = await readEml(part('no-attachments.eml'));
    expect(mail).toEqual({
      subject: '统计表稍后补交',
      from: { address: 'someone@example.cn' },
      text: '统计表明天补交，谢谢。\n',
      attachments: [],
    });
  });
});

/** A one-attachment mail built inline: `header` is the attachment's raw header lines. */
function mailWith(header: Buffer | string, extraTop = ''): Buffer {
  return Buffer.concat([
    Buffer.from(
      `From: a@example.cn\r\nSubject: t\r\n${extraTop}MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\n`,
    ),
    Buffer.isBuffer(header) ? header : Buffer.from(header),
    Buffer.from('\r\nContent-Transfer-Encoding: base64\r\n\r\naGVsbG8=\r\n--b--\r\n'),
  ]);
}

describe('attachment names', () => {
  it.each([
    [
      'raw 8-bit UTF-8',
      Buffer.concat([
        Buffer.from('Content-Type: application/pdf\r\nContent-Disposition: attachment; filename="'),
        Buffer.from('东湖区扫描件.pdf'),
        Buffer.from('"'),
      ]),
      '东湖区扫描件.pdf',
    ],
    [
      'RFC 2047 GBK',
      `Content-Type: application/pdf; name="=?GBK?B?${Buffer.from([0xb6, 0xab, 0xba, 0xfe, 0xc7, 0xf8]).toString('base64')}?=.pdf"\r\nContent-Disposition: attachment`,
      '东湖区.pdf',
    ],
    [
      'RFC 2231 with a language',
      "Content-Type: application/pdf\r\nContent-Disposition: attachment; filename*=utf-8'zh-cn'%E4%B8%9C%E6%B9%96%E5%8C%BA.pdf",
      '东湖区.pdf',
    ],
    [
      'a Windows path',
      'Content-Type: application/pdf\r\nContent-Disposition: attachment; filename="C:\\\\Users\\\\wang\\\\Desktop\\\\scan.pdf"',
      'scan.pdf',
    ],
    ['a traversal', 'Content-Type: application/pdf\r\nContent-Disposition: attachment; filename="../../etc/passwd"', 'passwd'],
    [
      'a Latin-1 name that is not GBK',
      'Content-Type: text/plain\r\nContent-Disposition: attachment; filename="=?ISO-8859-1?Q?caf=E9.txt?="',
      'café.txt',
    ],
    ['no name, a zip', 'Content-Type: application/zip\r\nContent-Disposition: attachment', '附件1.zip'],
    ['no name, unknown type', 'Content-Type: application/x-whatever\r\nContent-Disposition: attachment', '附件1.bin'],
  ])('%s', async (_, header, name) => {
    const mail = await readEml(mailWith(header));
    expect(mail.attachments.map((a) => a.filename)).toEqual([name]);
    expect(text(mail.attachments[0]!.bytes)).toBe('hello');
  });

  it('two attachments named alike stay apart', async () => {
    const twice = mailWith(
      'Content-Type: application/pdf\r\nContent-Disposition: attachment; filename="统计表.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\naGVsbG8=\r\n--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename="统计表.pdf"',
    );
    expect((await readEml(twice)).attachments.map((a) => a.filename)).toEqual(['统计表.pdf', '统计表 (2).pdf']);
  });

  it('over the caps: listed as omitted, never dropped without a trace', async () => {
    const three = mailWith(
      'Content-Type: text/plain\r\nContent-Disposition: attachment; filename="a.txt"\r\nContent-Transfer-Encoding: base64\r\n\r\naGVsbG8=\r\n--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename="b.txt"\r\nContent-Transfer-Encoding: base64\r\n\r\naGVsbG8gaGVsbG8=\r\n--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename="c.txt"',
    );
    const mail = await readEml(three, { maxAttachments: 2, maxAttachmentBytes: 8 });
    expect(mail.attachments.map((a) => a.filename)).toEqual(['a.txt', 'c.txt']);
    expect(mail.omitted).toEqual([{ filename: 'b.txt', contentType: 'text/plain', size: 11, reason: 'too-large' }]);
    const capped = await readEml(three, { maxAttachments: 1 });
    expect(capped.omitted?.map((o) => `${o.filename}:${o.reason}`)).toEqual(['b.txt:too-many', 'c.txt:too-many']);
  });

  it('an unreadable Date stays missing instead of becoming now', async () => {
    const mail = await readEml(mailWith('Content-Type: application/pdf', 'Date: 星期四 下午 3:00\r\n'));
    expect(mail.date).toBeUndefined();
    expect(mail.dateHeader).toBe('星期四 下午 3:00');
  });

  it('an mbox envelope line before the headers', async () => {
    const mail = await readEml(
      Buffer.concat([Buffer.from('From a@example.cn Thu Nov 23 09:12:00 2023\n'), mailWith('Content-Type: application/pdf')]),
    );
    expect(mail.subject).toBe('t');
    expect(mail.attachments).toHaveLength(1);
  });
});

describe('not a mail', () => {
  it.each([
    ['empty', new Uint8Array()],
    ['a zip', part('gbk-names.zip')],
    ['a PDF', new TextEncoder().encode('%PDF-1.4\n%%EOF')],
    ['NUL bytes', new Uint8Array([0x46, 0x72, 0x6f, 0x6d, 0x3a, 0x00, 0x01, 0x02])],
    ['plain text', new TextEncoder().encode('统计表明天补交，谢谢。\n第二行')],
    ['YAML', new TextEncoder().encode('年度: 2023\n填报单位:\n  举办县区: 新建区\n')],
  ])('%s → NotMailError', async (_, bytes) => {
    await expect(readEml(bytes)).rejects.toBeInstanceOf(NotMailError);
  });

  it('a flipped byte anywhere: a result or NotMailError, nothing else', async () => {
    const good = part('gbk-raw.eml');
    for (let i = 0; i < good.length; i += 5) {
      const bad = good.slice();
      bad[i] = bad[i]! ^ 0xff;
      try {
        expect(Array.isArray((await readEml(bad)).attachments)).toBe(true);
      } catch (e) {
        expect(e).toBeInstanceOf(NotMailError);
      }
    }
  });

  it('a truncated mail still gives what it has', async () => {
    const whole = part('utf8-rfc2231.eml');
    const mail = await readEml(whole.subarray(0, Math.floor(whole.length * 0.7)));
    expect(mail.subject).toBe('新建区全民终身学习活动周统计表');
    expect(mail.date).toBeInstanceOf(Date);
  });
});

describe('helpers', () => {
  it.each([
    ['=?UTF-8?B?5paw5bu65Yy6?=', '新建区'],
    ['=?gb2312?B?0MK9qMf4?=', '新建区'],
    ['=?GBK?Q?=D0=C2=BD=A8=C7=F8?=', '新建区'],
    // One GBK character split across two words: joined as bytes before decoding.
    ['=?GBK?B?0MK9?= =?GBK?B?qMf4?=', '新建区'],
    ['转发： =?UTF-8?B?5paw5bu65Yy6?= 统计表', '转发： 新建区 统计表'],
    ['=?UTF-8?Q?a_b?= =?UTF-8?Q?c?=', 'a bc'],
    ['=?x-unknown?B?5paw?=', '=?x-unknown?B?5paw?='],
    ['plain', 'plain'],
  ])('decodeWords(%j) → %j', (input, output) => expect(decodeWords(input)).toBe(output));

  it.each([
    [Buffer.from([0xd0, 0xc2, 0xbd, 0xa8, 0xc7, 0xf8]).toString('latin1'), '新建区'], // GBK read as Latin-1
    [Buffer.from('新建区').toString('latin1'), '新建区'], // UTF-8 read as Latin-1
    ['新建区', '新建区'],
    ['café', 'café'],
    ['plain.docx', 'plain.docx'],
  ])('repairLatin1(%j) → %j', (input, output) => expect(repairLatin1(input)).toBe(output));

  it.each([
    ['Wed, 22 Nov 2023 16:05:09 +0800', '2023-11-22T08:05:09.000Z'],
    ['Wed, 22 Nov 2023 16:05:09 +0800 (CST)', '2023-11-22T08:05:09.000Z'],
    ['Wed, 22 Nov 2023 16:05:09 CST', '2023-11-22T08:05:09.000Z'],
    ['Wed, 22 Nov 2023 16:05:09', '2023-11-22T08:05:09.000Z'],
    ['2023-11-22 16:05:09', '2023-11-22T08:05:09.000Z'],
    ['Wed, 22 Nov 2023 08:05:09 GMT', '2023-11-22T08:05:09.000Z'],
    ['Wed, 22 Nov 23 16:05:09 +0800', '2023-11-22T08:05:09.000Z'],
    ['Wed, 22 Nov 2023 03:05:09 -0500', '2023-11-22T08:05:09.000Z'],
    ['garbage', undefined],
    ['Thu, 01 Jan 1970 00:00:00 +0000', undefined],
  ])('parseMailDate(%j) → %s', (input, iso) => expect(parseMailDate(input)?.toISOString()).toBe(iso));

  it('htmlText', () => {
    expect(htmlText('<style>p{}</style><p>新建区&nbsp;统计表</p><p>第二段&#x3002;</p><script>x()</script>')).toBe(
      '新建区 统计表\n第二段。',
    );
    const hostile = '<'.repeat(200_000) + '<script'.repeat(50_000) + ' '.repeat(200_000);
    const start = performance.now();
    htmlText(hostile);
    expect(performance.now() - start).toBeLessThan(500);
  });
});
