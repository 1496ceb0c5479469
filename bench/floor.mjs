// The floor of reading an inbox on one thread: read every byte of every file, inflate every zip entry
// (DOCX, XLSX and ZIP, also inside mails and archives) and parse every XML part with an event parser
// (saxes, installed with word-extractor), doing nothing with what is read. bench/inbox.mjs prints
// validate's time as a multiple of this. Prints JSON: { ms, files, bytes, entries, xmlParts }.
//   node bench/floor.mjs DIR [--top]     (--top: the files themselves, not the parts inside mails)
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const { SaxesParser } = require('saxes');

const count = { files: 0, bytes: 0, entries: 0, xmlParts: 0 };

function xml(bytes) {
  const parser = new SaxesParser();
  let n = 0;
  parser.on('opentag', () => n++);
  parser.on('text', () => n++);
  parser.write(new TextDecoder().decode(bytes)).close();
  count.xmlParts++;
  return n;
}

/** Every entry of a zip, by its central directory; zips inside are opened in turn. */
function zip(b) {
  let end = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--)
    if (b.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) return;
  let at = b.readUInt32LE(end + 16);
  for (let k = b.readUInt16LE(end + 10); k > 0; k--) {
    const method = b.readUInt16LE(at + 10);
    const size = b.readUInt32LE(at + 20);
    const nameLength = b.readUInt16LE(at + 28);
    const name = b.toString('utf8', at + 46, at + 46 + nameLength);
    const local = b.readUInt32LE(at + 42);
    at += 46 + nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const data = b.subarray(start, start + size);
    const out = method === 8 ? inflateRawSync(data) : data;
    count.entries++;
    one(name, out);
  }
}

/** A mail: its base64 parts, decoded and read in turn. */
function mail(b) {
  const text = b.toString('latin1');
  for (const m of text.matchAll(/filename\*?=(?:UTF-8'')?"?([^"\r\n;]+)[\s\S]*?base64\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/g))
    one(decodeURIComponent(m[1]), Buffer.from(m[2], 'base64'));
}

function one(name, b) {
  count.bytes += b.length;
  if (/\.(xml|rels)$/i.test(name)) xml(b);
  else if (b.length > 4 && b[0] === 0x50 && b[1] === 0x4b) zip(b);
  else if (/\.eml$/i.test(name) && !process.argv.includes('--top')) mail(b);
}

const dir = process.argv[2];
const files = readdirSync(dir, { recursive: true }).map(String).sort();
const t = process.hrtime.bigint();
for (const f of files) {
  let b;
  try {
    b = readFileSync(join(dir, f));
  } catch {
    continue; // a folder
  }
  count.files++;
  one(f, b);
}
const ms = Number(process.hrtime.bigint() - t) / 1e6;
console.log(JSON.stringify({ ms, ...count }));
