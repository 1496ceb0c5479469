/**
 * The small XML tree the readers walk (elements, their attributes and namespaces, text), built in
 * one pass over the text. It is the fast path of `parseXmlTree` (xml.ts): for the XML that office
 * suites write it gives exactly the tree xmldom gives, several times faster (bench/inbox.mjs).
 *
 * It is deliberately narrow. Anything outside plain, well-formed XML in the usual shape — a name
 * that is not ASCII, an undefined entity, a `&` that is not a reference, an unbound prefix, a
 * malformed comment or declaration, text outside the root, attributes without quotes — makes it
 * give up (`undefined`), and the caller parses the text with xmldom instead, which then decides as
 * before what is an error and what is only a warning. So its answer is either xmldom's tree or none.
 * (A DOCTYPE never gets here: xml.ts refuses it first.)
 *
 * What xmldom does to well-formed text, done here the same way: line ends normalised to `\n`
 * (`\r\n`, `\r`, U+0085, U+2028, U+2029), the five predefined entities and character references
 * decoded, tabs and line ends in attribute values read as spaces (before references are decoded).
 * Comments and processing instructions are left out of the tree: the readers never look at them.
 */

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

export interface XmlText {
  /** 3 text, 4 CDATA: the readers take both as text. */
  readonly nodeType: 3 | 4;
  readonly nodeValue: string;
}

export class XmlElement {
  readonly nodeType = 1 as const;
  readonly nodeValue = null;
  readonly childNodes: Array<XmlElement | XmlText> = [];
  constructor(
    readonly nodeName: string,
    readonly localName: string,
    readonly namespaceURI: string | null,
    /** Flat: qualified name, value, namespace, local name; then the next attribute. */
    readonly attrs: Array<string | null>,
  ) {}

  getAttribute(name: string): string | null {
    const a = this.attrs;
    for (let i = 0; i < a.length; i += 4) if (a[i] === name) return a[i + 1]!;
    return null;
  }

  getAttributeNS(namespace: string | null, localName: string): string | null {
    const a = this.attrs;
    for (let i = 0; i < a.length; i += 4) if (a[i + 2] === namespace && a[i + 3] === localName) return a[i + 1]!;
    return null;
  }
}

export interface XmlTree {
  readonly documentElement: XmlElement;
  readonly doctype: null;
}

/** A prefix → namespace scope; copied only where an element declares namespaces. */
type Scope = Map<string, string | null>;
const ROOT_SCOPE: Scope = new Map<string, string | null>([['xml', XML_NS]]);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** What a reference may look like here; anything else beginning with `&` gives up. */
const REFERENCE = /^&(?:(amp|lt|gt|quot|apos)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/;
const XML_DECL =
  /^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])1\.[0-9]\1(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(?:yes|no)\3)?[ \t\n]*\?>/;
const LINE_ENDS = /\r[\n\u0085]|[\r\u0085\u2028\u2029]/;

class GiveUp {}
const GIVE_UP = new GiveUp();

/** Decodes references in a text or attribute value; throws GIVE_UP at anything unusual. */
function decode(s: string): string {
  let at = s.indexOf('&');
  if (at < 0) return s;
  let out = '';
  let from = 0;
  while (at >= 0) {
    const m = REFERENCE.exec(s.slice(at, at + 12));
    if (!m) throw GIVE_UP;
    out += s.slice(from, at);
    if (m[1]) out += ENTITIES[m[1]]!;
    else {
      const code = m[2] !== undefined ? parseInt(m[2], 10) : parseInt(m[3]!, 16);
      if (code > 0x10ffff) throw GIVE_UP;
      out += code > 0xffff ? String.fromCodePoint(code) : String.fromCharCode(code);
    }
    from = at + m[0].length;
    at = s.indexOf('&', from);
  }
  return out + s.slice(from);
}

const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
const isSpace = (c: number) => c === 32 || c === 10 || c === 9;

/**
 * Text (BOM already removed, no DOCTYPE) → the tree, or `undefined` where xmldom must decide.
 */
export function parseXmlFast(input: string): XmlTree | undefined {
  try {
    return parse(LINE_ENDS.test(input) ? input.replace(/\r[\n\u0085]/g, '\n').replace(/[\r\u0085\u2028\u2029]/g, '\n') : input);
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

function parse(src: string): XmlTree {
  const n = src.length;
  let i = 0;
  let root: XmlElement | undefined;
  let rootClosed = false;
  const stack: XmlElement[] = [];
  const scopes: Scope[] = [];
  let scope = ROOT_SCOPE;

  /** A name at i: [start, end, colon index or -1]. */
  const readName = (): [number, number, number] => {
    const start = i;
    if (i >= n || !isNameStart(src.charCodeAt(i))) throw GIVE_UP;
    let colon = -1;
    i++;
    while (i < n) {
      const c = src.charCodeAt(i);
      if (isNameChar(c)) i++;
      else if (c === 58 && colon < 0 && i + 1 < n && isNameStart(src.charCodeAt(i + 1))) {
        colon = i;
        i += 2;
      } else break;
    }
    return [start, i, colon];
  };

  if (src.startsWith('<?xml')) {
    const m = XML_DECL.exec(src);
    if (!m) throw GIVE_UP;
    i = m[0].length;
  }

  while (i < n) {
    const lt = src.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const parent = stack[stack.length - 1];
      if (parent) parent.childNodes.push({ nodeType: 3, nodeValue: decode(src.slice(i, textEnd)) });
      else for (let k = i; k < textEnd; k++) if (!isSpace(src.charCodeAt(k))) throw GIVE_UP;
    }
    if (lt < 0) break;
    i = lt + 1;
    const c = src.charCodeAt(i);
    if (c === 47 /* / */) {
      i++;
      const [s, e] = readName();
      const open = stack.pop();
      if (!open || open.nodeName !== src.slice(s, e)) throw GIVE_UP;
      while (i < n && isSpace(src.charCodeAt(i))) i++;
      if (src.charCodeAt(i) !== 62) throw GIVE_UP;
      i++;
      scope = scopes.pop()!;
      if (stack.length === 0) rootClosed = true;
    } else if (c === 33 /* ! */) {
      if (src.startsWith('!--', i)) {
        const end = src.indexOf('-->', i + 3);
        if (end < 0) throw GIVE_UP;
        const body = src.slice(i + 3, end);
        if (body.includes('--') || body.endsWith('-') || body.startsWith('>') || body.startsWith('->')) throw GIVE_UP;
        i = end + 3;
      } else if (src.startsWith('![CDATA[', i)) {
        const parent = stack[stack.length - 1];
        const end = src.indexOf(']]>', i + 8);
        if (!parent || end < 0) throw GIVE_UP;
        parent.childNodes.push({ nodeType: 4, nodeValue: src.slice(i + 8, end) });
        i = end + 3;
      } else throw GIVE_UP;
    } else if (c === 63 /* ? */) {
      i++;
      const [s, e] = readName();
      if (src.slice(s, e).toLowerCase() === 'xml' || src.slice(s, e).includes(':')) throw GIVE_UP;
      const end = src.indexOf('?>', e);
      if (end < 0 || (end > e && !isSpace(src.charCodeAt(e)))) throw GIVE_UP;
      i = end + 2;
    } else {
      if (rootClosed) throw GIVE_UP;
      const [s, e, colon] = readName();
      const qname = src.slice(s, e);
      // Attributes: name="value" or name='value', each after white space.
      const raw: string[] = [];
      let declares = false;
      for (;;) {
        const before = i;
        while (i < n && isSpace(src.charCodeAt(i))) i++;
        const ch = src.charCodeAt(i);
        if (ch === 62 /* > */ || ch === 47 /* / */) break;
        if (i === before) throw GIVE_UP;
        const [as, ae] = readName();
        while (i < n && isSpace(src.charCodeAt(i))) i++;
        if (src.charCodeAt(i) !== 61 /* = */) throw GIVE_UP;
        i++;
        while (i < n && isSpace(src.charCodeAt(i))) i++;
        const quote = src.charCodeAt(i);
        if (quote !== 34 && quote !== 39) throw GIVE_UP;
        const vend = src.indexOf(quote === 34 ? '"' : "'", i + 1);
        if (vend < 0) throw GIVE_UP;
        const rawValue = src.slice(i + 1, vend);
        if (rawValue.includes('<')) throw GIVE_UP;
        const name = src.slice(as, ae);
        for (let k = 0; k < raw.length; k += 2) if (raw[k] === name) throw GIVE_UP;
        const value = decode(rawValue.replace(/[\t\n]/g, ' '));
        raw.push(name, value);
        if (name === 'xmlns' || name.startsWith('xmlns:')) declares = true;
        i = vend + 1;
      }
      const selfClosing = src.charCodeAt(i) === 47;
      if (selfClosing && src.charCodeAt(i + 1) !== 62) throw GIVE_UP;
      i += selfClosing ? 2 : 1;

      let own = scope;
      if (declares) {
        own = new Map(scope);
        for (let k = 0; k < raw.length; k += 2) {
          const name = raw[k]!;
          if (name === 'xmlns') own.set('', raw[k + 1] || null);
          else if (name.startsWith('xmlns:')) {
            const prefix = name.slice(6);
            if (prefix === 'xml' || prefix === 'xmlns' || raw[k + 1] === '') throw GIVE_UP;
            own.set(prefix, raw[k + 1]!);
          }
        }
      }
      const attrs: Array<string | null> = [];
      for (let k = 0; k < raw.length; k += 2) {
        const name = raw[k]!;
        const c2 = name.indexOf(':');
        if (name === 'xmlns') attrs.push(name, raw[k + 1]!, XMLNS_NS, name);
        else if (c2 < 0) attrs.push(name, raw[k + 1]!, null, name);
        else {
          const prefix = name.slice(0, c2);
          const ns = prefix === 'xmlns' ? XMLNS_NS : own.get(prefix);
          if (!ns) throw GIVE_UP;
          attrs.push(name, raw[k + 1]!, ns, name.slice(c2 + 1));
        }
      }
      let ns: string | null;
      let local: string;
      if (colon < 0) {
        ns = own.get('') ?? null;
        local = qname;
      } else {
        const prefix = src.slice(s, colon);
        if (prefix === 'xmlns' || prefix === 'xml') throw GIVE_UP;
        const bound = own.get(prefix);
        if (!bound) throw GIVE_UP;
        ns = bound;
        local = src.slice(colon + 1, e);
      }
      const el = new XmlElement(qname, local, ns, attrs);
      const parent = stack[stack.length - 1];
      if (parent) parent.childNodes.push(el);
      else root = el;
      if (selfClosing) {
        if (!parent) rootClosed = true;
      } else {
        stack.push(el);
        scopes.push(scope);
        scope = own;
      }
    }
  }
  if (!root || stack.length > 0) throw GIVE_UP;
  return { documentElement: root, doctype: null };
}
