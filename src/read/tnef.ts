/**
 * Outlook's winmail.dat: when Outlook sends a mail in Rich Text format, it packs the message and
 * its attachments into one TNEF stream (Transport Neutral Encapsulation Format, [MS-OXTNEF]) and
 * other mail programs show only 「winmail.dat」. The attachments are taken out here so the form
 * inside is read like any other; the npm packages that read TNEF are unmaintained command-line
 * tools with logging and argument-parser dependencies, and the part needed is small.
 *
 * The stream: signature 0x223E9F78, a 16-bit key, then attributes — level (1 message,
 * 2 attachment), id (type << 16 | tag), length, data, 16-bit checksum. An attachment starts at
 * attAttachRendData; attAttachTitle is its short name in the OEM code page (attOemCodepage: 936
 * on Chinese Windows, i.e. GBK), attAttachData its bytes, and attAttachment its MAPI properties,
 * of which PR_ATTACH_LONG_FILENAME (0x3707) is the full name.
 */
import { decodeText } from './decode.js';

export const TNEF_SIGNATURE = 0x223e9f78;

const ATT_OEM_CODEPAGE = 0x9007;
const ATT_ATTACH_REND_DATA = 0x9002;
const ATT_ATTACH_TITLE = 0x8010;
const ATT_ATTACH_DATA = 0x800f;
const ATT_ATTACHMENT = 0x9005;
const PR_ATTACH_LONG_FILENAME = 0x3707;
const PR_ATTACH_DATA_BIN = 0x3701;

export interface TnefAttachment {
  name: string;
  bytes: Uint8Array;
}

export function isTnef(bytes: Uint8Array): boolean {
  return bytes.length >= 6 && new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true) === TNEF_SIGNATURE;
}

/** The attachments a TNEF stream carries (in order), or undefined when the stream is broken. */
export function readTnef(bytes: Uint8Array): TnefAttachment[] | undefined {
  if (!isTnef(bytes)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let codepage = 1252;
  const out: Array<{ title?: string; long?: string; bytes?: Uint8Array }> = [];
  let at = 6;
  while (at + 9 <= bytes.length) {
    const level = bytes[at]!;
    const id = view.getUint32(at + 1, true);
    const length = view.getUint32(at + 5, true);
    const start = at + 9;
    if (start + length + 2 > bytes.length || (level !== 1 && level !== 2)) return out.length > 0 ? finish(out) : undefined;
    const data = bytes.subarray(start, start + length);
    const tag = id & 0xffff;
    if (level === 1 && tag === ATT_OEM_CODEPAGE && length >= 4) codepage = view.getUint32(start, true);
    if (level === 2) {
      if (tag === ATT_ATTACH_REND_DATA || out.length === 0) out.push({});
      const current = out[out.length - 1]!;
      if (tag === ATT_ATTACH_TITLE) current.title = decodeName(data, codepage);
      else if (tag === ATT_ATTACH_DATA) current.bytes = data;
      else if (tag === ATT_ATTACHMENT) {
        const props = mapiProps(data);
        if (props.longName) current.long = props.longName;
        if (!current.bytes && props.data) current.bytes = props.data;
      }
    }
    at = start + length + 2;
  }
  return finish(out);
}

function finish(list: Array<{ title?: string; long?: string; bytes?: Uint8Array }>): TnefAttachment[] {
  return list.filter((a) => a.bytes).map((a, i) => ({ name: (a.long ?? a.title ?? `附件${i + 1}`).replace(/\0+$/, ''), bytes: a.bytes! }));
}

/** An 8-bit name in the sender's code page: GBK on Chinese Windows (936), else what decodes. */
function decodeName(data: Uint8Array, codepage: number): string {
  const end = data.indexOf(0);
  const text = data.subarray(0, end < 0 ? data.length : end);
  if (codepage === 936 || codepage === 54936) return new TextDecoder('gb18030').decode(text);
  const decoded = decodeText(text);
  return decoded.ok ? decoded.text : new TextDecoder('latin1').decode(text);
}

/** The two MAPI properties wanted from attAttachment: the long file name and (Outlook 2007+) the data. */
function mapiProps(data: Uint8Array): { longName?: string; data?: Uint8Array } {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const found: { longName?: string; data?: Uint8Array } = {};
  try {
    let at = 0;
    const count = view.getUint32(at, true);
    at += 4;
    for (let n = 0; n < count && at + 4 <= data.length; n++) {
      const type = view.getUint16(at, true);
      const id = view.getUint16(at + 2, true);
      at += 4;
      if (id >= 0x8000) {
        // A named property: GUID, kind, then a number or a name.
        const kind = view.getUint32(at + 16, true);
        at += 20;
        if (kind === 0) at += 4;
        else {
          const len = view.getUint32(at, true);
          at += 4 + len + ((4 - (len % 4)) % 4);
        }
      }
      const multi = (type & 0x1000) !== 0;
      const base = type & 0x0fff;
      const values = multi ? view.getUint32(at, true) : 1;
      if (multi) at += 4;
      for (let v = 0; v < values; v++) {
        if (base === 0x001e || base === 0x001f || base === 0x0102 || base === 0x000d) {
          const items = multi ? 1 : view.getUint32(at, true);
          if (!multi) at += 4;
          for (let k = 0; k < items; k++) {
            const len = view.getUint32(at, true);
            const value = data.subarray(at + 4, at + 4 + len);
            at += 4 + len + ((4 - (len % 4)) % 4);
            if (id === PR_ATTACH_LONG_FILENAME && base === 0x001f)
              found.longName = new TextDecoder('utf-16le').decode(value).replace(/\0+$/, '');
            else if (id === PR_ATTACH_LONG_FILENAME && base === 0x001e)
              found.longName = new TextDecoder('gb18030').decode(value).replace(/\0+$/, '');
            else if (id === PR_ATTACH_DATA_BIN && base === 0x0102) found.data = value;
          }
        } else {
          const size = {
            0x0002: 4,
            0x0003: 4,
            0x0004: 4,
            0x000a: 4,
            0x000b: 4,
            0x0005: 8,
            0x0006: 8,
            0x0007: 8,
            0x0014: 8,
            0x0040: 8,
            0x0048: 16,
          }[base];
          if (size === undefined) return found;
          at += size;
        }
      }
    }
  } catch {
    // A property list cut short: keep what was read.
  }
  return found;
}
