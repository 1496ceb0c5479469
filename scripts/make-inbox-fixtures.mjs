// Regenerates fixtures/inbox-parts/: the ZIP and EML containers, friendly and hostile, that the
// low-level readers (src/read/zip.ts, eml.ts) are tested on. Every byte is written here, none by
// hand, and deterministically (fixed times), so re-running it changes nothing:
//   node scripts/make-inbox-fixtures.mjs
// ZIPs are written by the small writer below rather than a library, because the hostile ones need
// what no library will write: GBK names without the UTF-8 flag, `../` names, falsified sizes.
import { encodeGbk } from './lib/gbk.mjs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';

const dir = new URL('../fixtures/inbox-parts/', import.meta.url);

// ---------------------------------------------------------------- GBK

// ---------------------------------------------------------------- ZIP writer
// 2023-11-22 10:30:00 as a DOS date/time (APPNOTE 4.4.6): the week after the campaign.
const DOS_TIME = (10 << 11) | (30 << 5) | 0;
const DOS_DATE = ((2023 - 1980) << 9) | (11 << 5) | 22;

/**
 * entries: { name: string | Buffer, utf8Flag?: boolean, data?: Buffer, deflated?: { raw, crc, size },
 *            store?: boolean, flags?: number, declaredSize?: number, extra?: Buffer, directory?: boolean }
 */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const nameBytes = Buffer.isBuffer(e.name) ? e.name : Buffer.from(e.name, 'utf8');
    const utf8 = e.utf8Flag ?? (!Buffer.isBuffer(e.name) && /[^\x00-\x7f]/.test(e.name));
    const flags = (utf8 ? 0x800 : 0) | (e.flags ?? 0);
    let method, body, crc, size;
    if (e.deflated) (({ raw: body, crc, size } = e.deflated), (method = 8));
    else {
      const data = e.data ?? Buffer.alloc(0);
      crc = crc32(data);
      size = data.length;
      method = e.store || e.directory ? 0 : 8;
      body = method === 8 ? deflateRawSync(data) : data;
    }
    const declared = e.declaredSize ?? size;
    const extra = e.extra ?? Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(extra.length, 28);
    locals.push(local, nameBytes, extra, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x031e, 4); // made by Unix, 3.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(e.directory ? 0x10 : 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes, extra);
    offset += 30 + nameBytes.length + extra.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** `size` bytes of zeros, deflated by streaming 1 MiB chunks: the bomb never exists inflated here. */
async function deflateZeros(size) {
  const chunk = Buffer.alloc(1024 * 1024);
  const deflate = createDeflateRaw({ level: 9 });
  const parts = [];
  deflate.on('data', (d) => parts.push(d));
  const done = new Promise((resolve, reject) => (deflate.on('end', resolve), deflate.on('error', reject)));
  let crc = 0;
  for (let left = size; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return { raw: Buffer.concat(parts), crc, size };
}

/** Info-ZIP Unicode Path extra field (0x7075): version 1, CRC of the header name, UTF-8 name. */
function unicodePath(headerName, utf8Name) {
  const name = Buffer.from(utf8Name, 'utf8');
  const field = Buffer.alloc(4 + 5 + name.length);
  field.writeUInt16LE(0x7075, 0);
  field.writeUInt16LE(5 + name.length, 2);
  field.writeUInt8(1, 4);
  field.writeUInt32LE(crc32(headerName) >>> 0, 5);
  name.copy(field, 9);
  return field;
}

const CONTENT_TYPES = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
);
const SUBMISSION = Buffer.from('年度: 2023\n填报单位:\n  举办县区: 新建区\n');
const BOMB_BYTES = 300 * 1024 * 1024;

// ---------------------------------------------------------------- EML
const b64 = (buf) => Buffer.from(buf).toString('base64').replace(/.{76}/g, '$&\r\n');
const word = (text, charset = 'UTF-8') => `=?${charset}?B?${Buffer.from(text).toString('base64')}?=`;
const crlf = (text) => Buffer.from(text.replace(/\r?\n/g, '\r\n'));
const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A mail from 新建区: UTF-8 headers (RFC 2047), an RFC 2231 Chinese file name, an inline image, a nameless PDF. */
function utf8Mail() {
  return crlf(`From: ${word('新建区教体局 王芳')} <xinjian@example.cn>
To: city@example.cn
Subject: ${word('新建区全民终身学习活动周统计表')}
Date: Wed, 22 Nov 2023 16:05:09 +0800
Message-ID: <1@example.cn>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="MIX"

--MIX
Content-Type: multipart/related; boundary="REL"

--REL
Content-Type: text/html; charset=UTF-8
Content-Transfer-Encoding: base64

${b64('<p>市中心：附件是新建区的统计表，请查收。<img src="cid:seal@x"></p>')}
--REL
Content-Type: image/png
Content-ID: <seal@x>
Content-Disposition: inline
Content-Transfer-Encoding: base64

${b64(PNG_1x1)}
--REL--
--MIX
Content-Type: application/x-yaml
Content-Disposition: attachment;
 filename*0*=UTF-8''%E6%96%B0%E5%BB%BA%E5%8C%BA%E7%BB%9F;
 filename*1*=%E8%AE%A1%E8%A1%A8.yaml
Content-Transfer-Encoding: base64

${b64(SUBMISSION)}
--MIX
Content-Type: application/pdf
Content-Disposition: attachment
Content-Transfer-Encoding: base64

${b64('%PDF-1.4\n%%EOF\n')}
--MIX--
`);
}

/** A mail from an old Chinese client: raw 8-bit GBK in Subject, From and the file name; GBK body. */
function gbkMail() {
  return Buffer.concat([
    Buffer.from('From: '),
    encodeGbk('青山湖区社区教育学院'),
    Buffer.from(' <qsh@example.cn>\r\nTo: city@example.cn\r\nSubject: '),
    encodeGbk('青山湖区统计表（修改版）'),
    Buffer.from(
      '\r\nDate: Thu, 23 Nov 2023 09:12:00 CST\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="B"\r\n\r\n--B\r\nContent-Type: text/plain; charset=GBK\r\nContent-Transfer-Encoding: 8bit\r\n\r\n',
    ),
    encodeGbk('请查收修改后的统计表。'),
    Buffer.from('\r\n--B\r\nContent-Type: application/octet-stream; name="'),
    encodeGbk('青山湖区统计表.docx'),
    Buffer.from('"\r\nContent-Disposition: attachment; filename="'),
    encodeGbk('青山湖区统计表.docx'),
    Buffer.from(
      `"\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(zip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]))}\r\n`,
    ),
    Buffer.from(
      `--B\r\nContent-Type: application/msword; name="=?GB2312?B?${encodeGbk('青山湖区工作总结.doc').toString('base64')}?="\r\nContent-Disposition: attachment\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64('doc bytes')}\r\n--B--\r\n`,
    ),
  ]);
}

/** A forwarded mail: the unit's original message attached as message/rfc822. */
function nestedMail() {
  const inner = gbkMail();
  return Buffer.concat([
    crlf(`From: ${word('南昌县教育局')} <ncx@example.cn>
To: city@example.cn
Subject: ${word('转发：南昌县统计表')}
Date: Fri, 24 Nov 2023 08:00:00 +0800
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="F"

--F
Content-Type: text/plain; charset=UTF-8

见转发的原邮件。
--F
Content-Type: message/rfc822
Content-Disposition: attachment

`),
    inner,
    crlf(`
--F--
`),
  ]);
}

function plainMail() {
  return crlf(`From: someone@example.cn
To: city@example.cn
Subject: ${word('统计表稍后补交')}
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 8bit

统计表明天补交，谢谢。
`);
}

// ---------------------------------------------------------------- write
await mkdir(dir, { recursive: true });
const bomb = await deflateZeros(BOMB_BYTES);
const gbkNames = zip([
  { name: encodeGbk('资料/'), directory: true },
  { name: encodeGbk('新建区统计表.yaml'), data: SUBMISSION },
  { name: encodeGbk('资料/活动照片说明.txt'), data: encodeGbk('活动照片三张。') },
  { name: '说明（UTF-8）.txt', data: Buffer.from('UTF-8 名，带 bit 11') },
  { name: 'readme.txt', data: Buffer.from('ascii') },
  // A header name that is neither UTF-8 nor GBK-meaningful, with a Unicode Path field giving the real one.
  {
    name: Buffer.from([0x3f, 0x3f, 0x2e, 0x74, 0x78, 0x74]),
    extra: unicodePath(Buffer.from('??.txt'), '方案.txt'),
    data: Buffer.from('plan'),
  },
]);
const files = {
  'gbk-names.zip': gbkNames,
  'unsafe-names.zip': zip([
    { name: '../evil.txt', data: Buffer.from('evil') },
    { name: '/etc/passwd', data: Buffer.from('root') },
    { name: 'C:\\Windows\\evil.txt', data: Buffer.from('evil') },
    { name: '..\\..\\evil.txt', data: Buffer.from('evil') },
    { name: 'a/../../b.txt', data: Buffer.from('evil') },
    { name: 'ok.txt', data: Buffer.from('fine') },
  ]),
  'nested.zip': zip([
    { name: '新建区/inner.zip', data: zip([{ name: '新建区统计表.yaml', data: SUBMISSION }]) },
    { name: 'notice.txt', data: Buffer.from('see inner.zip'), store: true },
  ]),
  'encrypted.zip': zip([
    // Traditional PKWARE encryption (flag bit 0): a 12-byte header then ciphertext; never decrypted.
    {
      name: 'secret.yaml',
      flags: 0x1,
      store: true,
      data: Buffer.concat([Buffer.alloc(12, 0xaa), SUBMISSION]),
      declaredSize: SUBMISSION.length,
    },
    { name: 'open.txt', data: Buffer.from('open') },
  ]),
  'bad-crc.zip': (() => {
    const z = zip([{ name: 'data.txt', data: Buffer.from('hello hello hello'), store: true }]);
    z[30 + 'data.txt'.length] ^= 0x20; // flip a byte of the stored data: 'hello' → 'Hello'
    return z;
  })(),
  'truncated.zip': gbkNames.subarray(0, Math.floor(gbkNames.length * 0.6)),
  // A .docx whose document.xml inflates to 300 MB of zeros, its header honest about it.
  'bomb.docx': zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'word/document.xml', deflated: bomb },
  ]),
  // The same, its headers claiming 1,000 bytes: only counting the real inflated bytes catches it.
  'bomb-falsified.docx': zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'word/document.xml', deflated: bomb, declaredSize: 1000 },
  ]),
  // Claims 40 MB: under the per-entry limit and at a plausible ratio, so no header check refuses it;
  // the reader inflates until the real bytes pass the claim.
  'bomb-plausible.docx': zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'word/document.xml', deflated: bomb, declaredSize: 40 * 1024 * 1024 },
  ]),
  'utf8-rfc2231.eml': utf8Mail(),
  'gbk-raw.eml': gbkMail(),
  'nested.eml': nestedMail(),
  'no-attachments.eml': plainMail(),
};
for (const [name, bytes] of Object.entries(files)) await writeFile(new URL(name, dir), bytes);
console.log(`fixtures/inbox-parts: ${Object.keys(files).length} files; bomb ${bomb.raw.length} bytes → ${BOMB_BYTES}`);
