import { describe, expect, it } from 'vitest';
import { childElements, escapeXmlAttribute, escapeXmlText, MAX_XML_DEPTH, parseXml, textContent, XmlParseError } from '../../../shared/exchange/xml';

describe('parseXml', () => {
  it('reads the declaration, elements, attributes, text, entities, CDATA, comments and PIs', () => {
    const root = parseXml(
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- voor -->\n<?app iets?>\n' +
        `<doc a="1" b='twee &amp; "drie"' c = "&#233;&#xEB;&lt;">` +
        'tekst &amp; meer<!-- weg --><![CDATA[<ruw> & ]]>eind' +
        '<leeg/><kind x="&#10;y"><klein>ïé</klein></kind></doc>\n<!-- na -->\n',
    );
    expect(root.name).toBe('doc');
    expect({ ...root.attributes }).toEqual({ a: '1', b: 'twee & "drie"', c: 'éë<' });
    expect(root.children[0]).toBe('tekst & meer<ruw> & eind');
    const [leeg, kind] = childElements(root);
    expect(leeg).toEqual({ name: 'leeg', attributes: {}, children: [] });
    expect(kind?.attributes.x).toBe('\ny');
    expect(textContent(root)).toBe('tekst & meer<ruw> & eindïé');
    expect(childElements(root, 'kind')).toHaveLength(1);
  });

  it('normalises line ends in text and literal whitespace in attribute values', () => {
    const root = parseXml('<a t="x\ty\nz">een\r\ntwee\rdrie</a>');
    expect(root.attributes.t).toBe('x y z');
    expect(root.children[0]).toBe('een\ntwee\ndrie');
  });

  it('keeps characters outside the BMP and names with non-ASCII letters', () => {
    const root = parseXml('<café ë="1">👍&#x1F44D;</café>');
    expect(root.name).toBe('café');
    expect(root.children[0]).toBe('👍👍');
  });

  it('gives attribute objects without a prototype, so any attribute name is safe', () => {
    const root = parseXml('<a __proto__="x" constructor="y"/>');
    expect(root.attributes.__proto__).toBe('x');
    expect(root.attributes.constructor).toBe('y');
    expect(parseXml('<a/>').attributes.constructor).toBeUndefined();
  });

  it('refuses nesting deeper than any EAF with a clear message, without running out of stack', () => {
    const depth = 20_000;
    expect(() => parseXml('<a>'.repeat(depth) + 'x' + '</a>'.repeat(depth))).toThrow(/nested more than 200 deep/);
    const ok = parseXml('<a>'.repeat(MAX_XML_DEPTH) + 'x' + '</a>'.repeat(MAX_XML_DEPTH));
    expect(textContent(ok)).toBe('x');
  });

  it('reads text with 200 000 entities in linear time', { timeout: 5000 }, () => {
    const root = parseXml(`<a>${'&amp;x'.repeat(200_000)}</a>`);
    expect(textContent(root)).toHaveLength(400_000);
  });

  it.each([
    ['an empty document', '', 1, /root element/],
    ['a mismatched end tag', '<a>\n  <b></c>\n</a>', 2, /unexpected close tag/],
    ['an unclosed element', '<a><b>tekst</b>', 1, /unclosed tag: a/],
    ['a bare ampersand', '<a>Tom & Jerry</a>', 1, /./],
    ['an unknown entity', '<a>&eacute;</a>', 1, /undefined entity/],
    ['a forbidden character reference', '<a>&#1;</a>', 1, /malformed character entity/],
    ['a raw control character', '<a>\u0007</a>', 1, /disallowed character/],
    ['a "<" in an attribute value', '<a b="x<y"/>', 1, /disallowed character/],
    ['an unquoted attribute', '<a b=1/>', 1, /unquoted attribute value/],
    ['a duplicate attribute', '<a b="1" b="2"/>', 1, /duplicate attribute: b/],
    ['attributes without whitespace between them', '<a b="1"c="2"/>', 1, /no whitespace between attributes/],
    ['a DOCTYPE', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', 1, /DOCTYPE declarations are not supported/],
    ['a DOCTYPE with nested entities (a "billion laughs")', '<?xml version="1.0"?>\n<!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<l>&b;</l>', 2, /DOCTYPE declarations are not supported/],
    ['two root elements', '<a/><b/>', 1, /only one root/],
    ['text after the root', '<a/>tekst', 1, /outside of root/],
    ['text before the root', 'tekst<a/>', 1, /outside of root/],
    ['a late XML declaration', '<a><?xml version="1.0"?></a>', 1, /XML declaration must be at the start/],
    ['an unclosed comment', '<a><!-- nooit dicht</a>', 1, /unclosed/],
    ['"--" in a comment', '<a><!-- a -- b --></a>', 1, /malformed comment/],
    ['an unclosed CDATA section', '<a><![CDATA[x</a>', 1, /unclosed/],
    ['a closing tag without opening', '</a>', 1, /unmatched closing tag: a/],
    ['a tag cut off at the end', '<a b="1"', 1, /unexpected end/],
  ])('rejects %s, naming the line', (_label, xml, line, message) => {
    let error: unknown;
    try {
      parseXml(xml);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XmlParseError);
    expect((error as XmlParseError).line).toBe(line);
    expect((error as Error).message).toMatch(message);
  });
});

describe('escaping', () => {
  it('round-trips every awkward character through text and attributes', () => {
    const awkward = 'a & b < c > d "e" \'f\' ]]> g\r\nh\ti\nj';
    const root = parseXml(`<x v="${escapeXmlAttribute(awkward)}">${escapeXmlText(awkward)}</x>`);
    expect(root.attributes.v).toBe(awkward);
    expect(root.children[0]).toBe(awkward);
  });

  it('drops characters XML cannot carry', () => {
    expect(escapeXmlText('a\u0000b\u0008c\uFFFEd\uD800e')).toBe('abcde');
    expect(escapeXmlText('👍')).toBe('👍');
  });
});
