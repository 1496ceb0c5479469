/**
 * Bytes of a saved mail (`.eml`) → sender, Date, subject, text and attachments. Pure: no fs.
 * mailparser does the MIME work (RFC 2045–2049, RFC 2047 words, RFC 2231 parameters); this module
 * repairs what Chinese mail clients do to it (docs/inbox.md, "What arrives, and how each kind is read"):
 * - raw 8-bit GBK in headers and file names (no RFC 2047 at all) comes out of mailparser as
 *   Latin-1 (file names) or as U+FFFD (subject, sender): re-read from the raw header bytes, as
 *   UTF-8 when they are valid UTF-8, else GB18030;
 * - `Date: … CST` means China Standard Time, and a Date without a zone is Beijing time;
 * - a missing or unreadable Date stays missing (mailparser would substitute *now*, which would
 *   make an on-time mail look late).
 * Attachments come back as bytes for the caller to read in turn: a nested `message/rfc822` as
 * `*.eml`, a nameless part as `附件N.ext`, never silently dropped (over the caps: `omitted`).
 */
import type { AddressObject, Attachment, HeaderLines } from 'mailparser';
import { sniff } from './decode.js';
import { DEFAULT_ZIP_LIMITS } from './zip.js';

export interface MailAttachment {
  filename: string;
  bytes: Uint8Array;
  contentType: string;
  /** Shown in the body (a `cid:` image, `Content-Disposition: inline`), not attached as a file. */
  inline?: boolean;
}

export interface OmittedAttachment {
  filename: string;
  contentType: string;
  size: number;
  reason: 'too-many' | 'too-large';
}

export interface ParsedMail {
  /** From the Date header; absent when there is none or it cannot be read. */
  date?: Date;
  /** The Date header as written, so a report can show what could not be read. */
  dateHeader?: string;
  from?: { name?: string; address?: string };
  subject?: string;
  text?: string;
  attachments: MailAttachment[];
  /** Attachments over the caps, listed so that none disappears without a trace. */
  omitted?: OmittedAttachment[];
}

export interface EmlLimits {
  maxAttachments: number;
  maxAttachmentBytes: number;
  maxTotalBytes: number;
}

/**
 * A unit sends a form, a plan, a summary, a scan and a few photos: 100 parts is far beyond that.
 * Per part and in all, the ZIP limits hold (a scanned PDF is ~20 MB; most mail servers refuse a
 * message over 50 MB anyway): a mail and an archive are two envelopes of the same materials.
 */
export const DEFAULT_EML_LIMITS: EmlLimits = Object.freeze({
  maxAttachments: 100,
  maxAttachmentBytes: DEFAULT_ZIP_LIMITS.maxEntryBytes,
  maxTotalBytes: DEFAULT_ZIP_LIMITS.maxTotalBytes,
});

/** The bytes are not a mail at all (binary, or no header a mail would have). */
export class NotMailError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NotMailError';
  }
}

/** Headers of which at least one opens every real mail, whichever client saved it. */
const MAIL_HEADER =
  /^(from|to|cc|subject|date|received|return-path|message-id|mime-version|content-type|sender|reply-to|delivered-to|x-mailer|x-sender|thread-topic|x-ms-has-attach|x-qq-mid):/im;

/**
 * `lift: false` has mailparser decode every attachment itself: the tests compare the two ways on
 * every kind of mail.
 */
export async function readEml(bytes: Uint8Array, limits?: Partial<EmlLimits>, opts: { lift?: boolean } = {}): Promise<ParsedMail> {
  const lim: EmlLimits = { ...DEFAULT_EML_LIMITS, ...limits };
  let buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  assertMail(buffer);
  // An mbox export starts with a `From sender date` envelope line, which is not a header.
  if (buffer.subarray(0, 5).toString('latin1') === 'From ') {
    const eol = buffer.indexOf(0x0a);
    buffer = eol < 0 ? Buffer.alloc(0) : buffer.subarray(eol + 1);
  }

  let mail;
  try {
    // Loaded on first use (mailparser and its dependencies are large).
    const { simpleParser } = await import('mailparser');
    const parse = (b: Buffer) => simpleParser(b, { skipTextToHtml: true, skipImageLinks: true, checksumAlgo: false });
    // Each stand-in must come back as exactly one attachment; anything else (a part mailparser read as
    // text, a stand-in it did not reach, an error) and the mail is parsed again as it came, the
    // decoded bodies let go first.
    const lifted = async () => {
      const light = liftBase64Bodies(buffer);
      const parsed = light ? await parse(light.mail).catch(() => undefined) : undefined;
      return parsed && restoreBodies(parsed.attachments, light!.bodies) ? parsed : undefined;
    };
    mail = (opts.lift === false ? undefined : await lifted()) ?? (await parse(buffer));
  } catch (e) {
    throw new NotMailError(`not a readable mail: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }

  const raw = rawHeaders(mail.headerLines);
  const result: ParsedMail = { attachments: [] };

  const dateHeader = raw.get('date');
  if (dateHeader !== undefined) {
    result.dateHeader = repairLatin1(dateHeader);
    const date = parseMailDate(dateHeader);
    if (date) result.date = date;
  }

  const subject = headerText(raw.get('subject'), mail.subject);
  if (subject) result.subject = subject;

  const from = sender(raw.get('from'), mail.from);
  if (from) result.from = from;

  // mailparser turns HTML into text only for an HTML body at the top (or beside a text part);
  // Foxmail and QQ Mail nest theirs in multipart/related.
  const text = typeof mail.text === 'string' && mail.text.trim() ? mail.text : typeof mail.html === 'string' ? htmlText(mail.html) : '';
  if (text.trim()) result.text = text;

  const taken = new Set<string>();
  let total = 0;
  mail.attachments.forEach((attachment, i) => {
    const contentType = (attachment.contentType || 'application/octet-stream').toLowerCase();
    const filename = unique(attachmentName(attachment, contentType, i + 1), taken);
    const size = attachment.content.length;
    let reason: OmittedAttachment['reason'] | undefined;
    if (result.attachments.length >= lim.maxAttachments) reason = 'too-many';
    else if (size > lim.maxAttachmentBytes || total + size > lim.maxTotalBytes) reason = 'too-large';
    if (reason) {
      (result.omitted ??= []).push({ filename, contentType, size, reason });
      return;
    }
    total += size;
    const content = attachment.content;
    const inline = attachment.related === true || attachment.contentDisposition === 'inline';
    result.attachments.push({
      filename,
      bytes: new Uint8Array(content.buffer, content.byteOffset, content.byteLength),
      contentType,
      ...(inline ? { inline: true } : {}),
    });
  });
  return result;
}

/**
 * Lines of base64 letters, padding only at the very end (RFC 2045 §6.8). Written so that no two parts
 * can take the same line breaks: a long run of them before another letter fails in one pass.
 */
const BASE64_LINES = /^[A-Za-z0-9+/\r\n]*(?:=[\r\n]*){0,2}$/;
const LIFT_FROM = 4096;
/** A stand-in's length: a whole number of base64 quartets (no padding), room for the tag and a number. */
const STAND_IN_BYTES = 48;

/**
 * The mail with each large base64 body replaced by a short stand-in, and those bodies decoded. An
 * attachment is most of a mail's bytes (a 100 KB mail of a Word file and a PDF), and mailparser
 * decodes it through a chain of streams several times slower than one `Buffer.from`: this way it
 * reads only the headers and the text. A body is what follows the blank line after a part's
 * headers up to the next `--` line (its boundary) or the end of the mail; one that is not clean
 * base64, or is the mail's text, is left in place. Null when there is nothing to lift.
 */
export function liftBase64Bodies(mail: Buffer): { mail: Buffer; bodies: Map<string, Buffer> } | null {
  const text = mail.toString('latin1');
  const bodies = new Map<string, Buffer>();
  const pieces: Buffer[] = [];
  let at = 0;
  // A random tag per mail: a stand-in cannot be forged by a sender, nor be met by chance in a real file.
  const tag = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(12))).toString('hex');
  const blank = /\n\r?\n/g;
  // The next `--` line at or after a body's start: searched again only once a body starts past it,
  // so a text of many blank lines is read once, not once a line.
  let dash = -1;
  for (let m: RegExpExecArray | null; (m = blank.exec(text));) {
    const start = m.index + m[0].length;
    if (dash < start) dash = text.indexOf('\n--', start) + 1 || text.length;
    const end = dash;
    if (end - start < LIFT_FROM) continue;
    blank.lastIndex = end;
    const body = text.slice(start, end);
    // Whole quartets only: after a line that starts with `--` but is no boundary, mailparser's body
    // goes on, and a letter or two there would join a short last quartet here but not the stand-in's.
    if (!BASE64_LINES.test(body) || body.replace(/[\r\n]+/g, '').length % 4 !== 0) continue;
    // A text or HTML body stays: mailparser reads it as the mail's text (QQ Mail sends its HTML in base64).
    const headers = text.slice(Math.max(0, text.lastIndexOf('\n--', m.index)), m.index);
    if (/^content-type:[ \t]*text\//im.test(headers) && !/^content-disposition:[ \t]*attachment/im.test(headers)) continue;
    const standIn = `\0lifelong-week:${tag}:${String(bodies.size).padStart(4, '0')}`.padEnd(STAND_IN_BYTES, '\0');
    bodies.set(standIn, Buffer.from(body, 'base64'));
    pieces.push(mail.subarray(at, start), Buffer.from(`${Buffer.from(standIn, 'latin1').toString('base64')}\r\n`, 'latin1'));
    at = end;
  }
  if (bodies.size === 0) return null;
  pieces.push(mail.subarray(at));
  return { mail: Buffer.concat(pieces), bodies };
}

/** Each stand-in back to its body; false unless each was found as exactly one attachment's content. */
function restoreBodies(attachments: Attachment[], bodies: Map<string, Buffer>): boolean {
  const found = new Map<string, Attachment>();
  for (const attachment of attachments) {
    if (attachment.content.length !== STAND_IN_BYTES) continue;
    const key = attachment.content.toString('latin1');
    if (!bodies.has(key)) continue;
    if (found.has(key)) return false;
    found.set(key, attachment);
  }
  if (found.size !== bodies.size) return false;
  for (const [key, attachment] of found) {
    attachment.content = bodies.get(key)!;
    attachment.size = attachment.content.length;
  }
  return true;
}

function assertMail(buffer: Buffer): void {
  const kind = sniff(buffer);
  if (kind) throw new NotMailError(`not a mail: ${kind.id}`);
  // The header block: up to the first blank line, or the first 64 KB.
  const head = buffer.subarray(0, 64 * 1024);
  const blank =
    head.indexOf('\n\n') >= 0 || head.indexOf('\r\n\r\n') >= 0
      ? Math.min(...[head.indexOf('\n\n'), head.indexOf('\r\n\r\n')].filter((i) => i >= 0))
      : head.length;
  const header = head.subarray(0, blank);
  if (header.includes(0)) throw new NotMailError('not a mail: binary data');
  if (!MAIL_HEADER.test(header.toString('latin1'))) throw new NotMailError('not a mail: no mail headers');
}

/**
 * The top-level header lines as mailparser keeps them: one Latin-1 char per raw byte, so the
 * original bytes survive. Key → unfolded value of its first occurrence.
 */
function rawHeaders(lines: HeaderLines): Map<string, string> {
  const map = new Map<string, string>();
  for (const { key, line } of lines) {
    if (!key || map.has(key)) continue;
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    map.set(
      key,
      line
        .slice(colon + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim(),
    );
  }
  return map;
}

/**
 * A header value mailparser has decoded, unless its raw bytes carry 8-bit text (GBK or UTF-8 with
 * no RFC 2047): then the raw bytes, re-read, then decoded as RFC 2047 for any words among them.
 */
function headerText(raw: string | undefined, parsed: string | undefined): string | undefined {
  if (raw !== undefined && /[\x80-\xff]/.test(raw)) return decodeWords(repairLatin1(raw)).trim() || undefined;
  return parsed?.trim() || (raw !== undefined ? decodeWords(raw).trim() || undefined : undefined);
}

function sender(raw: string | undefined, parsed: AddressObject | undefined): ParsedMail['from'] {
  const first = parsed?.value[0];
  let name = first?.name || undefined;
  let address = first?.address || undefined;
  if (raw !== undefined && /[\x80-\xff]/.test(raw)) {
    const text = decodeWords(repairLatin1(raw)).trim();
    const m = /^(.*?)\s*<([^<>]*)>\s*$/.exec(text);
    if (m) {
      name = m[1]!.replace(/^"(.*)"$/, '$1').trim() || undefined;
      address = m[2]!.trim() || address;
    } else if (!address) name = text || undefined;
  }
  if (!name && !address) return undefined;
  return { ...(name ? { name } : {}), ...(address ? { address } : {}) };
}

/**
 * Text whose chars are raw bytes read as Latin-1 → the text those bytes meant: UTF-8 when they
 * are valid UTF-8, else GB18030 (a superset of GBK and GB2312). Anything outside Latin-1 means the
 * text was decoded properly already and is returned as is; so is a real Latin-1 name whose bytes
 * are not GB18030 either (`café.docx`).
 */
export function repairLatin1(text: string): string {
  if (!/[\x80-\xff]/.test(text) || /[^\x00-\xff]/.test(text)) return text;
  const bytes = Buffer.from(text, 'latin1');
  for (const label of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      // try the next
    }
  }
  return text;
}

/** Charset labels as Chinese clients write them → what TextDecoder knows. */
function charsetLabel(charset: string): string {
  const c = charset.toLowerCase().replace(/\*.*$/, ''); // RFC 2231 language suffix: `gbk*zh-cn`
  if (/^(gb2312|gbk|gb_2312-80|x-gbk|cp936|ms936|windows-936|euc-cn|gb18030)$/.test(c)) return 'gb18030';
  return c;
}

const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;

/**
 * RFC 2047 encoded words → text. Adjacent words of one charset are joined as bytes before
 * decoding (clients split a long GBK name mid-character across words), and the whitespace between
 * encoded words is dropped (RFC 2047 §6.2). A word in an unknown charset is left as written.
 */
export function decodeWords(text: string): string {
  let out = '';
  let last = 0;
  let pending: { charset: string; bytes: Buffer[]; source: string } | undefined;
  const flush = () => {
    if (!pending) return;
    try {
      out += new TextDecoder(charsetLabel(pending.charset)).decode(Buffer.concat(pending.bytes));
    } catch {
      out += pending.source;
    }
    pending = undefined;
  };
  for (const m of text.matchAll(ENCODED_WORD)) {
    const [word, charset = '', encoding = '', data = ''] = m;
    const between = text.slice(last, m.index);
    const bytes = /b/i.test(encoding)
      ? Buffer.from(data, 'base64')
      : Buffer.from(
          data.replace(/_/g, ' ').replace(/=([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        );
    if (pending && /^\s*$/.test(between) && charsetLabel(pending.charset) === charsetLabel(charset)) {
      pending.bytes.push(bytes);
      pending.source += between + word;
    } else {
      flush();
      if (!(last > 0 && /^\s*$/.test(between))) out += between;
      pending = { charset, bytes: [bytes], source: word };
    }
    last = m.index + word.length;
  }
  flush();
  return out + text.slice(last);
}

/**
 * RFC 5322 date → Date. Chinese clients write `CST` for China Standard Time (JavaScript would read
 * US Central), and some omit the zone: both mean UTC+8 here, where every sender is.
 */
export function parseMailDate(value: string): Date | undefined {
  let v = value
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  v = v.replace(/\b(CST|CCT|BJT)$/i, '+0800');
  if (!/(?:[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|UT|Z|[ECMP][SD]T))$/i.test(v)) v += ' +0800';
  const t = Date.parse(v);
  if (Number.isNaN(t)) return undefined;
  const year = new Date(t).getUTCFullYear();
  return year < 1990 || year > 2100 ? undefined : new Date(t);
}

/**
 * A plain reading of an HTML body: enough to find a unit's name in it, no layout. Every pattern
 * is linear (no backtracking across the text), so hostile HTML costs no more than its length.
 */
export function htmlText(html: string): string {
  return dropBlocks(html.slice(0, 1024 * 1024), ['script', 'style'])
    .replace(/<br\s*\/?>|<\/(?:p|div|tr|li|h[1-6])\s*>/gi, '\n')
    .replace(/<[^>]*>?/g, '')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|nbsp|lt|gt|amp|quot|apos);/gi, (_, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
      return ({ nbsp: ' ', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()] ?? '';
    })
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Removes `<script>…</script>` and the like, in one pass (each search resumes where it left off). */
function dropBlocks(html: string, tags: string[]): string {
  const lower = html.toLowerCase();
  const next = new Map(tags.map((t) => [t, -1]));
  let out = '';
  let at = 0;
  for (;;) {
    let start = -1;
    let tag = '';
    for (const t of tags) {
      let i = next.get(t)!;
      if (i !== Infinity && i < at) next.set(t, (i = lower.indexOf(`<${t}`, at)) < 0 ? Infinity : i);
      i = next.get(t)!;
      if (i !== Infinity && (start < 0 || i < start)) [start, tag] = [i, t];
    }
    if (start < 0) return out + html.slice(at);
    out += html.slice(at, start);
    const end = lower.indexOf(`</${tag}`, start);
    if (end < 0) return out;
    const close = lower.indexOf('>', end);
    at = close < 0 ? html.length : close + 1;
  }
}

const EXTENSIONS: Record<string, string> = {
  'message/rfc822': '.eml',
  'application/pdf': '.pdf',
  'application/msword': '.doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.ms-excel': '.xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/zip': '.zip',
  'application/x-zip-compressed': '.zip',
  'application/x-rar-compressed': '.rar',
  'application/vnd.rar': '.rar',
  'application/x-7z-compressed': '.7z',
  'application/json': '.json',
  'application/x-yaml': '.yaml',
  'application/yaml': '.yaml',
  'text/yaml': '.yaml',
  'text/plain': '.txt',
  'text/html': '.html',
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/bmp': '.bmp',
  'image/tiff': '.tif',
  'image/webp': '.webp',
};

/**
 * A file name for an attachment: its own (repaired, without any directory part — Outlook has been
 * known to send `C:\Users\…\统计表.docx`), or `附件N.ext` from its position and content type. A
 * forwarded mail always ends in `.eml`, so the caller knows to read it as a mail in turn.
 */
function attachmentName(attachment: Attachment, contentType: string, n: number): string {
  let name = attachment.filename ? repairLatin1(attachment.filename) : '';
  name = name.split(/[/\\]/).pop() ?? '';
  name = name.replace(/[\x00-\x1f\x7f]/g, '').trim();
  if (name === '.' || name === '..') name = '';
  if (!name) return `附件${n}${EXTENSIONS[contentType] ?? '.bin'}`;
  if (contentType === 'message/rfc822' && !/\.eml$/i.test(name)) name += '.eml';
  return name;
}

/** Two attachments named alike stay apart: `统计表.docx`, `统计表 (2).docx`. */
function unique(name: string, taken: Set<string>): string {
  let candidate = name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${stem} (${i})${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
