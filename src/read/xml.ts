/**
 * The one way the readers parse XML (DOCX/XLSX parts): `@xmldom/xmldom`, quiet and strict.
 *
 * docs/inbox.md, "Hostile and broken input": reject any `<!DOCTYPE` — OOXML never has one (ECMA-376 Part 2 §8.1.4: parts must not
 * contain a DTD), so a part with one is hostile (entity expansion, external entities) or not
 * OOXML. xmldom 0.9 does not expand entities anyway; the check makes the refusal explicit and typed.
 * Parse problems throw a typed error instead of xmldom printing to the console.
 */
import { createRequire } from 'node:module';
import type { Document } from '@xmldom/xmldom';
import { parseXmlFast, type XmlElement } from './xml-tree.js';

// Loaded on first parse, synchronously (parseXml is sync): a command that reads no Office file
// never loads xmldom.
const requireHere = createRequire(import.meta.url);
let xmldom: typeof import('@xmldom/xmldom') | undefined;
const lib = () => (xmldom ??= requireHere('@xmldom/xmldom') as typeof import('@xmldom/xmldom'));

export type { Document, Element, Node } from '@xmldom/xmldom';

/** The document declares a DTD. */
export class UnsafeXmlError extends Error {
  constructor(message = 'XML with a DOCTYPE') {
    super(message);
    this.name = 'UnsafeXmlError';
  }
}

/** Not well-formed XML. `line`/`column` are 1-based where xmldom knows them. */
export class XmlParseError extends Error {
  readonly line?: number;
  readonly column?: number;
  constructor(message: string, where?: { line?: number; column?: number }, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'XmlParseError';
    if (where?.line) this.line = where.line;
    if (where?.column) this.column = where.column;
  }
}

const DOCTYPE = /<!DOCTYPE/i;

/** Bytes of a part → text: UTF-16 when its BOM says so (allowed by OOXML, rare), else UTF-8. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes); // strips a UTF-8 BOM
}

/**
 * Text (or the bytes of a part) → DOM. Throws `UnsafeXmlError` for a DOCTYPE and `XmlParseError`
 * for anything xmldom reports as an error; its warnings (recoverable oddities such as an unquoted
 * attribute) are ignored, as Word itself would open such a part.
 */
export function parseXml(input: string | Uint8Array): Document {
  let text = typeof input === 'string' ? input : decodeXml(input);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (DOCTYPE.test(text)) throw new UnsafeXmlError();
  return parseWithXmldom(text);
}

/** The part of a tree the readers walk: xmldom's `Document` and the fast tree (`xml-tree.ts`) both have it. */
export interface XmlNodeLike {
  nodeType: number;
  nodeValue: string | null;
}
export interface XmlElementLike extends XmlNodeLike {
  localName: string;
  namespaceURI: string | null;
  childNodes: ArrayLike<XmlNodeLike>;
  getAttribute(name: string): string | null;
  getAttributeNS(namespace: string | null, localName: string): string | null;
}
export interface XmlTreeLike {
  documentElement: XmlElementLike | null;
}
export type { XmlElement };

/**
 * What the readers use: the same refusals and errors as `parseXml`, and the same tree, built by the
 * fast parser (`xml-tree.ts`) where it is sure of the answer, else by xmldom.
 */
export function parseXmlTree(input: string | Uint8Array): XmlTreeLike {
  let text = typeof input === 'string' ? input : decodeXml(input);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (DOCTYPE.test(text)) throw new UnsafeXmlError();
  return parseXmlFast(text) ?? (parseWithXmldom(text) as unknown as XmlTreeLike);
}

function parseWithXmldom(text: string): Document {
  const { DOMParser, MIME_TYPE, ParseError } = lib();
  const parser = new DOMParser({
    onError(level, message) {
      // Throwing here stops xmldom; it rethrows as a ParseError carrying the position.
      if (level !== 'warning') throw new XmlParseError(message);
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(text, MIME_TYPE.XML_TEXT);
  } catch (e) {
    const cause = e instanceof ParseError && e.cause instanceof XmlParseError ? e.cause : e;
    const locator = e instanceof ParseError ? (e.locator as { lineNumber?: number; columnNumber?: number } | undefined) : undefined;
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new XmlParseError(message, { line: locator?.lineNumber, column: locator?.columnNumber }, { cause: e });
  }
  if (doc.doctype) throw new UnsafeXmlError();
  return doc;
}
