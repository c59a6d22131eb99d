// A small, strict XML reader and the escaping for writing XML, enough for ELAN's EAF files and
// without a dependency (the app must not need a DOM for this, and main has none).
//
// Reads: the XML declaration, elements, attributes (single or double quotes), text, the five
// predefined entities and numeric character references (&#233; &#xE9;), CDATA sections,
// comments and processing instructions (both skipped). Rejects, with line and column: a
// DOCTYPE (EAF has none, and refusing it rules out entity-expansion tricks), unknown entities,
// a bare '&' or '<', mismatched or unclosed tags, duplicate attributes, characters XML forbids,
// and anything but whitespace, comments and PIs outside the root element.
// Namespaces are not interpreted: "xsi:noNamespaceSchemaLocation" is just an attribute name.

export interface XmlElement {
  name: string;
  /** Attribute values with entities decoded. A prototype-less object: any name is safe. */
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export class XmlParseError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`XML error at line ${line}, column ${column}: ${detail}`);
    this.name = 'XmlParseError';
  }
}

const NAME = /[\p{L}_:][\p{L}\p{N}\p{M}_:.\-\u00B7]*/uy;
const WHITESPACE = /[ \t\n]*/y;
const REFERENCE = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
// Characters XML 1.0 does not allow anywhere in a document.
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
  );
}

class Reader {
  pos = 0;
  constructor(readonly src: string) {}

  fail(detail: string, at = this.pos): never {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < at && i < this.src.length; i++) {
      if (this.src.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    throw new XmlParseError(line, at - lineStart + 1, detail);
  }

  startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  skipWhitespace(): boolean {
    WHITESPACE.lastIndex = this.pos;
    WHITESPACE.exec(this.src);
    const moved = WHITESPACE.lastIndex > this.pos;
    this.pos = WHITESPACE.lastIndex;
    return moved;
  }

  name(what: string): string {
    NAME.lastIndex = this.pos;
    const m = NAME.exec(this.src);
    if (!m) this.fail(`expected ${what}`);
    this.pos = NAME.lastIndex;
    return m[0];
  }

  /** Index of `end` from here, failing with `what` when it never comes. */
  until(end: string, what: string): number {
    const at = this.src.indexOf(end, this.pos);
    if (at < 0) this.fail(`${what} is never closed (missing "${end}")`);
    return at;
  }

  /**
   * Decodes references in src[from, to); raw '<' and bare '&' are errors. In attribute values
   * (`attribute` true) literal tabs and newlines become spaces, as XML prescribes; the
   * references &#9; and &#10; still give a tab and a newline.
   */
  decode(from: number, to: number, attribute = false): string {
    const raw = (a: number, b: number) => (attribute ? this.src.slice(a, b).replace(/[\t\n]/g, ' ') : this.src.slice(a, b));
    let out = '';
    let at = from;
    while (at < to) {
      const amp = this.src.indexOf('&', at);
      const lt = this.src.indexOf('<', at);
      if (lt >= 0 && lt < to && (amp < 0 || lt < amp)) this.fail("'<' is not allowed here (write &lt;)", lt);
      if (amp < 0 || amp >= to) {
        out += raw(at, to);
        break;
      }
      out += raw(at, amp);
      REFERENCE.lastIndex = amp;
      const m = REFERENCE.exec(this.src);
      if (!m || REFERENCE.lastIndex > to) {
        const shown = this.src.slice(amp, Math.min(to, amp + 12)).split(/[\s<]/)[0];
        this.fail(`unknown entity or bare '&' ("${shown}"; write &amp; for '&')`, amp);
      }
      if (m[3] !== undefined) out += PREDEFINED[m[3]];
      else {
        const code = m[1] !== undefined ? Number(m[1]) : parseInt(m[2] ?? '', 16);
        if (!isXmlChar(code)) this.fail(`character reference ${m[0]} is not a character XML allows`, amp);
        out += String.fromCodePoint(code);
      }
      at = REFERENCE.lastIndex;
    }
    return out;
  }

  /** Comments, PIs and whitespace between markup outside the root element. */
  skipMisc(): void {
    for (;;) {
      this.skipWhitespace();
      if (this.startsWith('<!--')) this.comment();
      else if (this.startsWith('<?')) this.processingInstruction();
      else return;
    }
  }

  comment(): void {
    const start = this.pos;
    this.pos += 4;
    const end = this.until('-->', 'a comment');
    if (this.src.slice(this.pos, end).includes('--')) this.fail("'--' is not allowed inside a comment", start);
    this.pos = end + 3;
  }

  processingInstruction(): void {
    const start = this.pos;
    this.pos += 2;
    const target = this.name('a processing-instruction name after "<?"');
    if (target.toLowerCase() === 'xml') this.fail('the XML declaration is only allowed at the very start of the file', start);
    this.pos = this.until('?>', 'a processing instruction') + 2;
  }

  element(): XmlElement {
    const stack: XmlElement[] = [];
    let root: XmlElement | null = null;
    do {
      if (this.startsWith('</')) {
        const at = this.pos;
        this.pos += 2;
        const name = this.name('an element name after "</"');
        this.skipWhitespace();
        if (!this.startsWith('>')) this.fail(`expected ">" to end </${name}`);
        this.pos++;
        const open = stack.pop();
        if (!open) this.fail(`closing tag </${name}> without an opening tag`, at);
        if (open.name !== name) this.fail(`expected </${open.name}> but found </${name}>`, at);
      } else if (this.startsWith('<!--')) {
        this.comment();
      } else if (this.startsWith('<![CDATA[')) {
        this.pos += 9;
        const end = this.until(']]>', 'a CDATA section');
        this.appendText(stack, this.src.slice(this.pos, end));
        this.pos = end + 3;
      } else if (this.startsWith('<?')) {
        this.processingInstruction();
      } else if (this.startsWith('<!')) {
        this.fail(this.startsWith('<!DOCTYPE') ? 'DOCTYPE declarations are not supported' : 'unexpected "<!"');
      } else if (this.startsWith('<')) {
        const el = this.startTag();
        const parent = stack[stack.length - 1];
        if (parent) parent.children.push(el);
        else root = el;
        if (!this.selfClosed) stack.push(el);
      } else {
        const end = this.src.indexOf('<', this.pos);
        const to = end < 0 ? this.src.length : end;
        if (this.src.slice(this.pos, to).includes(']]>')) this.fail("']]>' is not allowed in text", this.src.indexOf(']]>', this.pos));
        const text = this.decode(this.pos, to);
        this.pos = to;
        this.appendText(stack, text);
      }
      if (this.pos >= this.src.length && stack.length > 0) {
        this.fail(`the file ends inside <${(stack[stack.length - 1] as XmlElement).name}> (missing </${(stack[stack.length - 1] as XmlElement).name}>)`);
      }
    } while (stack.length > 0);
    return root as XmlElement;
  }

  private selfClosed = false;

  private startTag(): XmlElement {
    this.pos++;
    const name = this.name('an element name after "<"');
    const attributes: Record<string, string> = Object.create(null);
    for (;;) {
      const spaced = this.skipWhitespace();
      if (this.startsWith('/>')) {
        this.pos += 2;
        this.selfClosed = true;
        break;
      }
      if (this.startsWith('>')) {
        this.pos++;
        this.selfClosed = false;
        break;
      }
      if (this.pos >= this.src.length) this.fail(`the file ends inside the tag <${name}>`);
      if (!spaced) this.fail(`expected whitespace, ">" or "/>" in the tag <${name}>`);
      const attrAt = this.pos;
      const attr = this.name(`an attribute name or ">" in the tag <${name}>`);
      this.skipWhitespace();
      if (!this.startsWith('=')) this.fail(`expected "=" after the attribute ${attr}`);
      this.pos++;
      this.skipWhitespace();
      const quote = this.src[this.pos];
      if (quote !== '"' && quote !== "'") this.fail(`the value of attribute ${attr} must be in quotes`);
      this.pos++;
      const end = this.until(quote, `the value of attribute ${attr}`);
      const value = this.decode(this.pos, end, true);
      this.pos = end + 1;
      if (Object.hasOwn(attributes, attr)) this.fail(`attribute ${attr} appears twice in <${name}>`, attrAt);
      attributes[attr] = value;
    }
    return { name, attributes, children: [] };
  }

  private appendText(stack: XmlElement[], text: string): void {
    const parent = stack[stack.length - 1];
    if (!parent) {
      if (text.trim() !== '') this.fail('text outside the root element');
      return;
    }
    if (text === '') return;
    const last = parent.children[parent.children.length - 1];
    if (typeof last === 'string') parent.children[parent.children.length - 1] = last + text;
    else parent.children.push(text);
  }
}

/** The root element of an XML document. Throws XmlParseError naming the problem and where. */
export function parseXml(text: string): XmlElement {
  // Line ends are normalised to LF before parsing, as the XML spec prescribes.
  const src = (text.startsWith('\uFEFF') ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  const r = new Reader(src);
  const bad = FORBIDDEN_CHAR.exec(src);
  if (bad) r.fail(`character U+${(bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`, bad.index);
  if (r.startsWith('<?xml') && /^<\?xml[\s?]/.test(src)) r.pos = r.until('?>', 'the XML declaration') + 2;
  r.skipMisc();
  if (r.pos >= src.length) r.fail('no root element (the file is empty)');
  if (r.startsWith('<!DOCTYPE')) r.fail('DOCTYPE declarations are not supported');
  if (!r.startsWith('<')) r.fail('expected the root element');
  const root = r.element();
  r.skipMisc();
  if (r.pos < src.length) r.fail(r.startsWith('<') ? 'a second root element (an XML file has exactly one)' : 'text after the root element');
  return root;
}

/** Child elements, optionally only those with the given name. */
export function childElements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

/** The concatenated text of an element and its descendants. */
export function textContent(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textContent(c))).join('');
}

/** Removes characters XML 1.0 cannot carry at all (control characters, lone surrogates). */
function withoutForbiddenChars(text: string): string {
  return text.replace(new RegExp(FORBIDDEN_CHAR.source, 'g'), '');
}

/** Text content, safe between tags. CR is written as &#13; so it survives line-end normalisation. */
export function escapeXmlText(text: string): string {
  return withoutForbiddenChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** An attribute value for double quotes; tabs and line breaks as references so they survive. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
