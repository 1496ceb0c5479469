// String → GBK bytes, by inverting Node's own GBK decoder (Node has no GBK encoder; no iconv needed).
// Shared by the fixture scripts that make what Chinese Windows writes: GBK files, zip entry names, mail headers.
let table;

export function encodeGbk(text) {
  if (!table) {
    table = new Map();
    const decoder = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [a, b]);
      }
  }
  const out = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    if (cp < 0x80) out.push(cp);
    else if (table.has(ch)) out.push(...table.get(ch));
    else throw new Error(`not in GBK: ${ch}`);
  }
  return Buffer.from(out);
}
