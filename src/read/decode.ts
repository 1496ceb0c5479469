/**
 * Bytes → text for YAML/JSON written on Chinese Windows: UTF-8 with or without BOM, or GBK/GB18030
 * (Notepad's 「ANSI」 on a Chinese system). Node 20's full-ICU TextDecoder knows gb18030.
 */
export type Decoded = { ok: true; text: string; encoding: 'utf-8' | 'utf-16' | 'gb18030' } | { ok: false; reason: 'binary'; kind?: string };

export type Sniffed = 'zip' | 'pdf' | 'ole' | 'jpeg' | 'png' | 'gif' | 'rar' | '7z';

/** Magic numbers of what people send and rename (a Word file, a PDF, a picture…); the catalogue names each kind. */
const SIGNATURES: Array<[number[], Sniffed]> = [
  [[0x50, 0x4b, 0x03, 0x04], 'zip'],
  [[0x25, 0x50, 0x44, 0x46], 'pdf'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'ole'],
  [[0xff, 0xd8, 0xff], 'jpeg'],
  [[0x89, 0x50, 0x4e, 0x47], 'png'],
  [[0x47, 0x49, 0x46, 0x38], 'gif'],
  [[0x52, 0x61, 0x72, 0x21], 'rar'],
  [[0x37, 0x7a, 0xbc, 0xaf], '7z'],
];

/** What the first bytes say the file is, whatever its name says. */
export function sniff(bytes: Uint8Array): { id: Sniffed } | undefined {
  const hit = SIGNATURES.find(([sig]) => sig.every((b, i) => bytes[i] === b));
  return hit ? { id: hit[1] } : undefined;
}

export function decodeText(bytes: Uint8Array): Decoded {
  const kind = sniff(bytes)?.id;
  if (kind) return { ok: false, reason: 'binary', kind };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const le = bytes[0] === 0xff;
    return { ok: true, text: new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16' };
  }
  // NUL bytes never occur in UTF-8 or GB18030 text; a control-character soup is binary too.
  let control = 0;
  const sample = bytes.subarray(0, 8192);
  for (const b of sample) {
    if (b === 0) return { ok: false, reason: 'binary' };
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.05) return { ok: false, reason: 'binary' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    try {
      return { ok: true, text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
    } catch {
      return { ok: false, reason: 'binary' };
    }
  }
}
