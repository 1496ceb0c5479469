/**
 * A small ZIP writer (APPNOTE.TXT 6.3.x, §4.3): DEFLATE through Node's native zlib, no data
 * descriptors, no ZIP64 (a form is a few dozen KB), one fixed MS-DOS timestamp for every entry.
 *
 * Pure: entries in, bytes out. The same entries give the same bytes, which is what lets tests
 * compare two renders byte for byte (docs/rendering.md, "Determinism").
 */
import { deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  readonly path: string;
  readonly data: string | Uint8Array;
}

/** A wall-clock time as the MS-DOS date/time fields store it (local time, 2-second resolution). */
export interface DosTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO 3309 polynomial 0xEDB88320), as §4.4.7 asks for. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** §4.4.6: date = (year − 1980) << 9 | month << 5 | day; time = hour << 11 | minute << 5 | second / 2. */
function dosFields(t: DosTime): { date: number; time: number } {
  return {
    date: ((Math.max(1980, t.year) - 1980) << 9) | (t.month << 5) | t.day,
    time: ((t.hour ?? 0) << 11) | ((t.minute ?? 0) << 5) | Math.floor((t.second ?? 0) / 2),
  };
}

export function zipFiles(entries: readonly ZipEntry[], when: DosTime): Uint8Array {
  const encoder = new TextEncoder();
  const { date, time } = dosFields(when);
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.path);
    const raw = typeof entry.data === 'string' ? encoder.encode(entry.data) : entry.data;
    const packed = deflateRawSync(raw, { level: 6 });
    // Keep an entry stored when deflate would not make it smaller (§4.4.5 method 0).
    const stored = packed.length >= raw.length;
    const body = stored ? raw : packed;
    const crc = crc32(raw);
    // Bit 11 (§4.4.4): names are UTF-8. Only set when a name is not plain ASCII, as Office does.
    const flags = /[^\x20-\x7e]/.test(entry.path) ? 0x0800 : 0;

    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true); // version needed: 2.0 (deflate)
    local.setUint16(6, flags, true);
    local.setUint16(8, stored ? 0 : 8, true);
    local.setUint16(10, time, true);
    local.setUint16(12, date, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, body.length, true);
    local.setUint32(22, raw.length, true);
    local.setUint16(26, name.length, true);
    local.setUint16(28, 0, true);

    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 20, true); // made by: MS-DOS, 2.0
    dir.setUint16(6, 20, true);
    dir.setUint16(8, flags, true);
    dir.setUint16(10, stored ? 0 : 8, true);
    dir.setUint16(12, time, true);
    dir.setUint16(14, date, true);
    dir.setUint32(16, crc, true);
    dir.setUint32(20, body.length, true);
    dir.setUint32(24, raw.length, true);
    dir.setUint16(28, name.length, true);
    // extra, comment, disk, internal and external attributes: 0
    dir.setUint32(42, offset, true);

    chunks.push(new Uint8Array(local.buffer), name, body);
    central.push(new Uint8Array(dir.buffer), name);
    offset += 30 + name.length + body.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);

  const out = new Uint8Array(offset + centralSize + 22);
  let at = 0;
  for (const c of [...chunks, ...central, new Uint8Array(end.buffer)]) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
