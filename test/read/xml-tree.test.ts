/**
 * The fast XML tree (src/read/xml-tree.ts) gives xmldom's tree or none: on every XML part of the
 * office fixtures, on hand-picked oddities and on generated XML-ish text, whenever it answers, xmldom
 * parses the same text without error to the same elements, attributes (name, value, namespace)
 * and text. Where it gives up, parseXmlTree falls back to xmldom, so errors stay xmldom's.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseXmlFast, XmlElement } from '../../src/read/xml-tree.js';
import { parseXml, parseXmlTree, UnsafeXmlError, XmlParseError } from '../../src/read/xml.js';
import { readZip } from '../../src/read/zip.js';

type Canon = [string | null, string, string[][], Array<Canon | string>];

/** Elements, attributes and text (adjacent text and CDATA merged: the readers take both as text). */
function canon(el: { nodeType: number; nodeValue: string | null; childNodes: ArrayLike<unknown> } & Record<string, unknown>): Canon {
  const attrs: string[][] = [];
  if (el instanceof XmlElement)
    for (let i = 0; i < el.attrs.length; i += 4) attrs.push([el.attrs[i]!, el.attrs[i + 1]!, String(el.attrs[i + 2]), el.attrs[i + 3]!]);
  else
    for (const a of Array.from(
      (el as unknown as { attributes: ArrayLike<{ name: string; value: string; namespaceURI: string | null; localName: string }> })
        .attributes,
    ))
      attrs.push([a.name, a.value, String(a.namespaceURI), a.localName]);
  const kids: Array<Canon | string> = [];
  for (const n of Array.from(el.childNodes) as Array<{ nodeType: number; nodeValue: string | null }>) {
    if (n.nodeType === 1) kids.push(canon(n as never));
    else if (n.nodeType === 3 || n.nodeType === 4) {
      if (typeof kids[kids.length - 1] === 'string') kids[kids.length - 1] += n.nodeValue ?? '';
      else kids.push(n.nodeValue ?? '');
    }
  }
  return [el.namespaceURI as string | null, el.localName as string, attrs, kids];
}

/** xmldom's answer: the canonical tree, or 'error'. */
function viaXmldom(text: string): Canon | 'error' {
  try {
    return canon(parseXml(text).documentElement as never);
  } catch {
    return 'error';
  }
}

function agrees(text: string): 'fast' | 'fallback' {
  const fast = parseXmlFast(text);
  if (!fast) return 'fallback';
  expect(viaXmldom(text), text.slice(0, 200)).toEqual(canon(fast.documentElement as never));
  return 'fast';
}

const root = join(import.meta.dirname, '..', '..');

describe('the fast XML tree', () => {
  it('gives xmldom’s tree for every XML part of the office and inbox fixtures, on the fast path', async () => {
    const files = ['fixtures/office', 'fixtures/inbox', 'fixtures/readers']
      .flatMap((d) => {
        try {
          return readdirSync(join(root, d), { recursive: true }).map((f) => join(d, String(f)));
        } catch {
          return [];
        }
      })
      .filter((f) => /\.(docx|xlsx)$/i.test(f) && !f.includes('~$'));
    expect(files.length).toBeGreaterThan(3);
    let parts = 0;
    for (const f of files) {
      const zip = await readZip(readFileSync(join(root, f)));
      if (!zip.ok) continue;
      for (const e of zip.entries) {
        if (!('bytes' in e) || !/\.(xml|rels)$/.test(e.name)) continue;
        let text = new TextDecoder().decode(e.bytes);
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        expect(agrees(text), `${f}!${e.name}`).toBe('fast');
        parts++;
      }
    }
    expect(parts).toBeGreaterThan(20);
  });

  it.each([
    '<a>x\r\ny\rz\u2028w</a>',
    '<a b="x\ty\nz\r\nw&#10;q"/>',
    '<a>&amp;&lt;&gt;&quot;&apos;&#x4e2d;&#20013;&#128512;</a>',
    '<a><![CDATA[x<y&z]]>z</a>',
    '<a b = "c" d=\'e"f\' />',
    '<a></a >',
    '<a xmlns="u" xmlns:x="v"><b x:y="1" z="2"><x:c/></b></a>',
    '<a xmlns="u"><b xmlns=""/></a>',
    '<a xml:space="preserve"> x </a>',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<a/>\n',
    "<?xml version='1.0'?><!-- c --><a><?pi x?><!-- d -->t</a><!-- e -->",
    '<a>]]></a>',
    '<a b=">"/>',
  ])('agrees with xmldom on %j', (text) => {
    expect(agrees(text)).toBe('fast');
  });

  it.each([
    ['an undefined entity', '<a>&nbsp;</a>'],
    ['a bare ampersand', '<a>x & y</a>'],
    ['an unquoted attribute', '<a b=c/>'],
    ['an unbound prefix', '<p:a/>'],
    ['a duplicate attribute', '<a b="1" b="2"/>'],
    ['text after the root', '<a/>x'],
    ['two roots', '<a/><b/>'],
    ['mismatched tags', '<a><b></a></b>'],
    ['unclosed', '<a>text'],
    ['a bad comment', '<a><!-- a--b --></a>'],
    ['a declaration not first', ' <?xml version="1.0"?><a/>'],
    ['a non-ASCII name', '<aé/>'],
  ])('leaves %s to xmldom', (_, text) => {
    expect(parseXmlFast(text)).toBeUndefined();
  });

  it('keeps xmldom’s errors and refusals through parseXmlTree', () => {
    expect(() => parseXmlTree('<a><b></a>')).toThrow(XmlParseError);
    expect(() => parseXmlTree('<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>')).toThrow(UnsafeXmlError);
    expect(() => parseXmlTree('<a>&nbsp;</a>')).toThrow(XmlParseError);
    // A warning only, for xmldom: the tree comes from the fallback.
    expect(parseXmlTree('<a b=c/>').documentElement?.localName).toBe('a');
  });

  it('gives xmldom’s tree or none on generated XML-ish text', () => {
    const piece = fc.oneof(
      fc.constantFrom('<a>', '</a>', '<w:p>', '</w:p>', '<b/>', '<w:t xml:space="preserve">', '</w:t>', '<x:c/>', '</b>', '<b>'),
      fc.constantFrom(
        ' b="1"',
        " w:val='2'",
        ' x:y="&amp;"',
        ' xmlns:w="urn:w"',
        ' xmlns="urn:d"',
        ' xmlns:x="urn:x"',
        ' c="a\tb"',
        ' d="<"',
        ' e=f',
      ),
      fc.constantFrom('&amp;', '&lt;', '&#20013;', '&#x1F600;', '&nbsp;', '&', '&#0;', '&#x110000;', ';'),
      fc.constantFrom(
        '<!-- c -->',
        '<!-- a--b -->',
        '<![CDATA[x]]>',
        '<?pi d?>',
        '<?xml version="1.0"?>',
        '\r\n',
        '\r',
        ' ',
        '\t',
        '>',
        ']]>',
        '<',
        '/>',
        '=',
      ),
      fc.string({ maxLength: 4 }),
      fc.constantFrom('举办县区', '東湖區', '\u2028', '\u0085', '\ufffd'),
    );
    const answered = { fast: 0, fallback: 0 };
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const text = `<?xml version="1.0"?><w:document xmlns:w="urn:w" xmlns:x="urn:x"><w:body>${pieces.join('')}</w:body></w:document>`;
        answered[agrees(text)]++;
        answered[agrees(pieces.join(''))]++;
      }),
      { numRuns: 3000 },
    );
    // Both paths are exercised: the comparison above is not vacuous.
    expect(answered.fast).toBeGreaterThan(300);
    expect(answered.fallback).toBeGreaterThan(300);
  });
});
