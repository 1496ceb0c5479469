/** The safe XML helper: DOCTYPE refused, parse errors typed, nothing printed. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseXml, UnsafeXmlError, XmlParseError } from '../../src/read/xml.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const DOC = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t xml:space="preserve">举办县区：新建区</w:t></w:r></w:p></w:body></w:document>`;

afterEach(() => vi.restoreAllMocks());

describe('parseXml', () => {
  it('parses a WordprocessingML part, namespaces intact', () => {
    const doc = parseXml(DOC);
    expect(doc.documentElement?.localName).toBe('document');
    const t = doc.getElementsByTagNameNS(W, 't');
    expect(t.length).toBe(1);
    expect(t.item(0)?.textContent).toBe('举办县区：新建区');
  });

  it.each([
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(DOC)])],
    ['UTF-16LE with BOM', new Uint8Array(Buffer.from(`\ufeff${DOC}`, 'utf16le'))],
    ['text with BOM', `\ufeff${DOC}`],
  ])('reads %s', (_, input) => {
    expect(parseXml(input).getElementsByTagNameNS(W, 't').item(0)?.textContent).toBe('举办县区：新建区');
  });

  it.each([
    ['internal subset', '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
    ['billion laughs', '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><lolz>&lol2;</lolz>'],
    ['external entity', '<!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>'],
    ['lower case', '<!doctype a><a/>'],
    ['after the root', '<a/><!DOCTYPE a>'],
  ])('refuses a DOCTYPE (%s) as unsafe', (_, xml) => {
    expect(() => parseXml(xml)).toThrow(UnsafeXmlError);
  });

  it.each([
    ['mismatched tags', '<a><b></a>'],
    ['unclosed', '<w:document xmlns:w="x"><w:body>'],
    ['not XML', '这不是 XML'],
    ['empty', ''],
    ['two roots', '<a/><b/>'],
    ['duplicate attribute', '<a x="1" x="2"/>'],
    ['undefined entity', '<a>&nbsp;</a>'],
  ])('%s → XmlParseError, nothing printed', (_, xml) => {
    const spies = (['log', 'warn', 'error', 'info'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => {}));
    expect(() => parseXml(xml)).toThrow(XmlParseError);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('carries the position of the error', () => {
    try {
      parseXml('<a>\n  <b>\n</a>');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(XmlParseError);
      // xmldom points at the unclosed <b> (line 2) or the mismatching </a> (line 3).
      expect([2, 3]).toContain((e as XmlParseError).line);
    }
  });

  it('warnings are not errors and stay quiet', () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(parseXml('<a attr=noquote/>').documentElement?.nodeName).toBe('a');
    expect(spy).not.toHaveBeenCalled();
  });
});
