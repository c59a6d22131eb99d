// Reading XML (ELAN's EAF files) into a small element tree with saxes, a maintained streaming
// parser that works in linear time and checks well-formedness (mismatched tags, bare '&' and
// '<', duplicate attributes, characters XML forbids, text outside the root), and the escaping
// for writing XML. On top of saxes: a DOCTYPE is refused (EAF has none, and refusing it rules
// out entity-expansion tricks: only the five predefined entities and character references are
// known), and so is nesting deeper than MAX_XML_DEPTH (EAF nests four levels), so no reader
// of the tree can run out of stack. Namespaces are not interpreted: "xsi:noNamespaceSchemaLocation"
// is just an attribute name.
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  /** Attribute values with entities decoded. A prototype-less object: any name is safe. */
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/** Far deeper than any EAF (four levels); deep enough for any XML a person edits. */
export const MAX_XML_DEPTH = 200;

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

// Characters XML 1.0 does not allow anywhere in a document (used when writing).
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The root element of an XML document. Throws XmlParseError naming the problem and where. */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ position: true });
  const fail = (detail: string): never => {
    throw new XmlParseError(parser.line, parser.column, detail);
  };
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const appendText = (text: string) => {
    const parent = stack[stack.length - 1];
    if (!parent || text === '') return;
    const last = parent.children[parent.children.length - 1];
    if (typeof last === 'string') parent.children[parent.children.length - 1] = last + text;
    else parent.children.push(text);
  };
  // saxes's messages start with "line:column: "; ours carry the position separately.
  parser.on('error', (error) => fail(error.message.replace(/^\d+:\d+: /, '')));
  parser.on('doctype', () => fail('DOCTYPE declarations are not supported'));
  parser.on('opentag', (tag) => {
    if (stack.length >= MAX_XML_DEPTH) fail(`elements are nested more than ${MAX_XML_DEPTH} deep`);
    const attributes: Record<string, string> = Object.create(null);
    for (const [name, value] of Object.entries(tag.attributes)) attributes[name] = String(value);
    const element: XmlElement = { name: tag.name, attributes, children: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.on('text', appendText);
  parser.on('cdata', appendText);
  parser.write(text.startsWith('\uFEFF') ? text.slice(1) : text).close();
  if (!root) fail('no root element (the file is empty)');
  return root as unknown as XmlElement;
}

/** Child elements, optionally only those with the given name. */
export function childElements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

/** The concatenated text of an element and its descendants (depth-first, without recursion). */
export function textContent(el: XmlElement): string {
  let out = '';
  const pending: XmlNode[] = [el];
  while (pending.length > 0) {
    const node = pending.pop() as XmlNode;
    if (typeof node === 'string') out += node;
    else for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i] as XmlNode);
  }
  return out;
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
