import { describe, expect, it } from 'vitest';
import { childElements, escapeXmlAttribute, escapeXmlText, parseXml, textContent, XmlParseError, type XmlElement } from '../../../shared/exchange/xml';

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

  it('handles deep nesting without recursion', () => {
    const depth = 20_000;
    const root = parseXml('<a>'.repeat(depth) + 'x' + '</a>'.repeat(depth));
    let el: XmlElement = root;
    let levels = 1;
    while (el.children[0] && typeof el.children[0] !== 'string') {
      el = el.children[0];
      levels++;
    }
    expect(levels).toBe(depth);
  });

  it.each([
    ['an empty document', '', /line 1, column 1: no root element/],
    ['a mismatched end tag', '<a>\n  <b></c>\n</a>', /line 2, column 6: expected <\/b> but found <\/c>/],
    ['an unclosed element', '<a><b>tekst</b>', /the file ends inside <a> \(missing <\/a>\)/],
    ['a bare ampersand', '<a>Tom & Jerry</a>', /line 1, column 8: unknown entity or bare '&'/],
    ['an unknown entity', '<a>&eacute;</a>', /unknown entity or bare '&' \("&eacute;"/],
    ['a forbidden character reference', '<a>&#1;</a>', /character reference &#1; is not a character XML allows/],
    ['a raw control character', '<a>\u0007</a>', /character U\+0007 is not allowed in XML/],
    ['a "<" in an attribute value', '<a b="x<y"/>', /'<' is not allowed here/],
    ['an unquoted attribute', '<a b=1/>', /the value of attribute b must be in quotes/],
    ['a duplicate attribute', '<a b="1" b="2"/>', /attribute b appears twice in <a>/],
    ['attributes without whitespace between them', '<a b="1"c="2"/>', /expected whitespace, ">" or "\/>" in the tag <a>/],
    ['a DOCTYPE', '<!DOCTYPE a [<!ENTITY x "y">]><a/>', /DOCTYPE declarations are not supported/],
    ['two root elements', '<a/><b/>', /a second root element/],
    ['text after the root', '<a/>tekst', /text after the root element/],
    ['text before the root', 'tekst<a/>', /expected the root element/],
    ['a late XML declaration', '<a><?xml version="1.0"?></a>', /the XML declaration is only allowed at the very start/],
    ['an unclosed comment', '<a><!-- nooit dicht</a>', /a comment is never closed \(missing "-->"\)/],
    ['"--" in a comment', '<a><!-- a -- b --></a>', /'--' is not allowed inside a comment/],
    ['an unclosed CDATA section', '<a><![CDATA[x</a>', /a CDATA section is never closed/],
    ['a closing tag without opening', '</a>', /closing tag <\/a> without an opening tag/],
    ['a tag cut off at the end', '<a b="1"', /the value|the file ends inside the tag/],
  ])('rejects %s', (_label, xml, message) => {
    expect(() => parseXml(xml)).toThrow(XmlParseError);
    expect(() => parseXml(xml)).toThrow(message);
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
