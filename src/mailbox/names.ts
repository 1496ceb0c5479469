/**
 * The file name of a fetched mail: `<收到时间>-<发件人>-<主题>.eml`, short, safe on Windows, macOS and
 * Linux, and unique in its folder. Pure.
 */
import { isoInZone } from '../core/clock.js';

/** Characters no Windows file name may hold, control characters, and the `!` validate reads as "inside". */
const UNSAFE = /[\\/:*?"<>|!\u0000-\u001f\u007f\u200b-\u200f\u2028\u2029\ufeff]/g;
/** Names Windows reserves whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** At most this many UTF-8 bytes for the whole name (most file systems allow 255). */
export const MAX_NAME_BYTES = 120;

export function safePart(text: string, maxChars: number): string {
  let s = text.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  // A leading dot would hide the file (and validate would skip it as a system file).
  s = s.replace(/^[.\s~$-]+/, '').replace(/[.\s]+$/, '');
  const chars = [...s];
  if (chars.length > maxChars)
    s = chars
      .slice(0, maxChars)
      .join('')
      .replace(/[.\s]+$/, '');
  return RESERVED.test(s) ? `_${s}` : s;
}

function cutBytes(s: string, max: number): string {
  const enc = new TextEncoder();
  if (enc.encode(s).length <= max) return s;
  let out = '';
  for (const ch of s) {
    if (enc.encode(out + ch).length > max) break;
    out += ch;
  }
  return out.replace(/[.\s]+$/, '');
}

export interface NameParts {
  /** The server's INTERNALDATE: when the mail reached the mailbox. */
  received: Date;
  timezone: string;
  fromName?: string | undefined;
  fromAddress?: string | undefined;
  subject?: string | undefined;
}

/** `20231128-1642-东湖区教体局-关于报送东湖区2023年全民终身学习活动周材料` (no extension, no suffix). */
export function mailBaseName(p: NameParts): string {
  const local = isoInZone(p.received, p.timezone); // 2023-11-28T16:42:10+08:00
  const stamp = `${local.slice(0, 10).replace(/-/g, '')}-${local.slice(11, 13)}${local.slice(14, 16)}`;
  const sender = safePart(p.fromName || p.fromAddress?.split('@')[0] || '', 16) || '无发件人';
  const subject = safePart(p.subject ?? '', 40) || '无主题';
  return cutBytes(`${stamp}-${sender}-${subject}`, MAX_NAME_BYTES - 8);
}

/** The name with `.eml`, or `-2.eml`, `-3.eml`… for the n-th mail that would take the same name. */
export function withSuffix(base: string, n: number): string {
  return n <= 1 ? `${base}.eml` : `${base}-${n}.eml`;
}

/**
 * A header as the sender's client wrote it, when it holds raw 8-bit bytes (old Foxmail and Outlook
 * send GBK subjects and names without RFC 2047, as src/read/eml.ts also repairs): UTF-8 when the bytes are valid UTF-8,
 * else GB18030. Undefined for a plain ASCII header (the IMAP envelope decodes RFC 2047 itself).
 */
export function rawHeader(source: Uint8Array, name: string): string | undefined {
  const buf = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  let end = buf.indexOf('\r\n\r\n');
  if (end < 0) end = buf.indexOf('\n\n');
  const head = buf.subarray(0, end < 0 ? Math.min(buf.length, 64 * 1024) : end);
  const text = head.toString('latin1');
  const m = new RegExp(`^${name}:[ \\t]*((?:.*)(?:\\r?\\n[ \\t].*)*)`, 'im').exec(text);
  if (!m) return undefined;
  const bytes = Buffer.from(m[1]!.replace(/\r?\n[ \t]+/g, ' '), 'latin1');
  if (!bytes.some((b) => b >= 0x80)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).trim();
  } catch {
    return new TextDecoder('gb18030').decode(bytes).trim();
  }
}

/** `"张敏" <a@b.cn>` / `张敏 <a@b.cn>` → the display name. */
export function displayName(from: string): string | undefined {
  const m = /^\s*"?([^"<]*?)"?\s*<[^>]*>\s*$/.exec(from);
  return m && m[1] ? m[1].trim() : undefined;
}
