/**
 * A mail's large base64 attachments are decoded with one `Buffer.from` and mailparser reads a
 * stand-in (src/read/eml.ts, liftBase64Bodies): the mail read must be the one mailparser reads by
 * itself, on every saved mail and on generated ones of every shape.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { describe, expect, it } from 'vitest';
import { liftBase64Bodies, readEml } from '../../src/read/eml.js';

const root = join(import.meta.dirname, '..', '..', 'fixtures');

/** Every saved mail of the fixtures. */
function savedMails(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.eml')) found.push(join(dir, e.name));
    }
  };
  walk(root);
  return found;
}

async function both(bytes: Uint8Array) {
  const [lifted, plain] = await Promise.all([readEml(bytes), readEml(bytes, undefined, { lift: false })]);
  return { lifted, plain };
}

function compose(options: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> {
  return new Promise((resolve, reject) => new MailComposer(options).compile().build((e, b) => (e ? reject(e) : resolve(b))));
}

/** Bytes that look like anything: random, or a long run of one letter (which compresses into a base64 run of one letter). */
const content = fc.oneof(
  fc.uint8Array({ minLength: 0, maxLength: 12_000 }),
  fc.tuple(fc.integer({ min: 3_000, max: 9_000 }), fc.integer({ min: 0, max: 255 })).map(([n, b]) => new Uint8Array(n).fill(b)),
);

describe('large base64 attachments decoded beside mailparser', () => {
  it('every saved mail of the fixtures reads the same both ways', async () => {
    const mails = savedMails();
    expect(mails.length).toBeGreaterThanOrEqual(10);
    for (const path of mails) {
      const { lifted, plain } = await both(new Uint8Array(readFileSync(path)));
      expect(lifted, path).toEqual(plain);
    }
  });

  it('a mail of a form and a PDF: both attachments are lifted, and come back byte for byte', async () => {
    const docx = new Uint8Array(9_000).map((_, i) => (i * 7919) % 251);
    const pdf = new Uint8Array(30_000).map((_, i) => (i * 104_729) % 256);
    const mail = await compose({
      from: '红谷滩区教体局 <unit@example.cn>',
      to: 'centre@example.cn',
      subject: '红谷滩区活动周材料报送',
      text: '请查收。',
      attachments: [
        { filename: '红谷滩区统计表.docx', content: Buffer.from(docx) },
        { filename: '盖章扫描件.pdf', content: Buffer.from(pdf), contentType: 'application/pdf' },
      ],
    });
    const lifted = liftBase64Bodies(mail);
    expect(lifted?.bodies.size).toBe(2);
    expect(lifted!.mail.length).toBeLessThan(mail.length / 10);
    const read = await readEml(mail);
    expect(read.attachments.map((a) => a.filename)).toEqual(['红谷滩区统计表.docx', '盖章扫描件.pdf']);
    expect(read.attachments[0]!.bytes).toEqual(docx);
    expect(read.attachments[1]!.bytes).toEqual(pdf);
    expect(read.text).toBe('请查收。');
  });

  it('an HTML body in base64 (QQ Mail) stays with mailparser, and is read as the text', async () => {
    const html = `<div>${'市中心：附件是安义县的统计表，请查收。<br>'.repeat(300)}</div>`;
    const mail = await compose({ from: 'u@example.cn', to: 'c@example.cn', subject: '安义县', html, textEncoding: 'base64' });
    expect(liftBase64Bodies(mail)).toBeNull();
    const { lifted, plain } = await both(mail);
    expect(lifted).toEqual(plain);
    expect(lifted.text).toContain('附件是安义县的统计表');
  });

  it('a body with a letter base64 does not have is left to mailparser', async () => {
    const mail = await compose({
      from: 'u@example.cn',
      to: 'c@example.cn',
      subject: '东湖区',
      attachments: [{ filename: 'a.bin', content: Buffer.alloc(8_000, 3) }],
    });
    const broken = Buffer.from(mail.toString('latin1').replace(/(\r\nAwMD)/, '\r\n*$1'), 'latin1');
    expect(broken.equals(mail)).toBe(false);
    expect(liftBase64Bodies(broken)).toBeNull();
    const { lifted, plain } = await both(broken);
    expect(lifted).toEqual(plain);
  });

  it('an attachment that looks like a stand-in comes back as it was sent', async () => {
    const lookalike = Buffer.from('\0lifelong-week:000000000000000000000000:0000'.padEnd(48, '\0'), 'latin1');
    const mail = await compose({
      from: 'u@example.cn',
      to: 'c@example.cn',
      subject: '进贤县',
      attachments: [
        { filename: 'big.bin', content: Buffer.alloc(6_000, 9) },
        { filename: 'small.bin', content: lookalike },
      ],
    });
    const read = await readEml(mail);
    expect(read.attachments.map((a) => a.bytes.length)).toEqual([6_000, 48]);
    expect(Buffer.from(read.attachments[1]!.bytes).equals(lookalike)).toBe(true);
  });

  it('a body cut short before a `--` line that is no boundary is left to mailparser (whole quartets only)', async () => {
    const data = Buffer.from(Array.from({ length: 6001 }, (_, i) => (i * 7919 + 13) % 256));
    const lines = data
      .toString('base64')
      .replace(/=+$/, '')
      .match(/.{1,76}/g)!
      .join('\r\n');
    const head = 'From: a@example.cn\r\nTo: b@example.cn\r\nSubject: t\r\nMIME-Version: 1.0\r\n';
    const multipart =
      head +
      'Content-Type: multipart/mixed; boundary="XX"\r\n\r\n--XX\r\nContent-Type: text/plain\r\n\r\nhello\r\n' +
      '--XX\r\nContent-Type: application/pdf; name="a.pdf"\r\nContent-Disposition: attachment; filename="a.pdf"\r\n' +
      `Content-Transfer-Encoding: base64\r\n\r\n${lines}\r\n--\r\nA\r\n--XX--\r\n`;
    const single = `${head}Content-Type: application/pdf; name="a.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${lines}\r\n--\r\nA\r\n`;
    for (const text of [multipart, single]) {
      const mail = Buffer.from(text, 'latin1');
      expect(liftBase64Bodies(mail)).toBeNull();
      const { lifted, plain } = await both(mail);
      expect(lifted).toEqual(plain);
    }
  });

  it('a plain-text mail of many empty lines before its last words is read at once', async () => {
    const head = 'From: u@example.cn\r\nSubject: 谢谢\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n';
    const mail = Buffer.concat([Buffer.from(head + '\r\n'.repeat(500_000), 'latin1'), Buffer.from('谢谢！\r\n')]);
    expect(liftBase64Bodies(mail)).toBeNull();
    expect((await readEml(mail)).text?.trim()).toBe('谢谢！');
  });

  it('a mail of a million blank lines is read (the search for boundaries goes through it once)', async () => {
    const head = 'From: u@example.cn\r\nSubject: blank\r\nContent-Type: text/plain\r\n\r\n';
    const mail = Buffer.from(head + 'A\r\n\r\n'.repeat(500_000), 'latin1');
    expect(liftBase64Bodies(mail)).toBeNull();
    const read = await readEml(mail);
    expect(read.attachments).toEqual([]);
  });

  it('generated mails of every shape read the same both ways', async () => {
    const attachment = fc.record({
      filename: fc.constantFrom('统计表.docx', 'scan.pdf', 'note.txt', 'a.bin', '活动照片.jpg', 'fwd.eml'),
      contentType: fc.constantFrom(
        'application/octet-stream',
        'application/pdf',
        'text/plain',
        'text/html',
        'message/rfc822',
        'image/jpeg',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ),
      content,
      contentDisposition: fc.constantFrom('attachment' as const, 'inline' as const),
      encoding: fc.constantFrom(undefined, 'base64'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          attachments: fc.array(attachment, { maxLength: 4 }),
          text: fc.option(fc.string({ maxLength: 6_000 }), { nil: undefined }),
          html: fc.option(fc.string({ maxLength: 6_000 }), { nil: undefined }),
          textEncoding: fc.constantFrom(undefined, 'base64' as const, 'quoted-printable' as const),
          lf: fc.boolean(),
        }),
        async ({ attachments, text, html, textEncoding, lf }) => {
          let mail = await compose({
            from: '新建区 <x@example.cn>',
            to: 'c@example.cn',
            subject: '新建区统计表',
            ...(text !== undefined ? { text } : {}),
            ...(html !== undefined ? { html } : {}),
            ...(textEncoding ? { textEncoding } : {}),
            attachments: attachments.map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              content: Buffer.from(a.content),
              contentDisposition: a.contentDisposition,
              ...(a.encoding ? { encoding: a.encoding } : {}),
            })),
          });
          if (lf) mail = Buffer.from(mail.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
          const { lifted, plain } = await both(mail);
          expect(lifted).toEqual(plain);
        },
      ),
      { numRuns: 60 },
    );
  });
});
