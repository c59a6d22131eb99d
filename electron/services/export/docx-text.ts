// Reading a DOCX back: its parts (unzipped with fflate) and the plain text of its body. Used to
// check an exported document for listed names, and by tests.
import { strFromU8, unzipSync } from 'fflate';

/** One part of the package, e.g. "word/document.xml", as text; null when it isn't there. */
export function readDocxPart(docx: Uint8Array, part: string): string | null {
  const files = unzipSync(docx, { filter: (file) => file.name === part });
  const data = files[part];
  return data ? strFromU8(data) : null;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/**
 * The text of every part that holds text (body, headers, footers, footnotes, document
 * properties), one line per paragraph. Runs of a paragraph are joined, so a name split over
 * two runs is still found.
 */
export function docxText(docx: Uint8Array): string {
  const files = unzipSync(docx, {
    filter: (file) => /^word\/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/.test(file.name) || file.name === 'docProps/core.xml',
  });
  const out: string[] = [];
  for (const [name, data] of Object.entries(files)) {
    const xml = strFromU8(data);
    if (name === 'docProps/core.xml') {
      out.push(decodeXml(xml.replace(/<[^>]+>/g, '\n')));
      continue;
    }
    for (const paragraph of xml.split(/<\/w:p>/)) {
      const texts = [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)].map((m) =>
        m[1] !== undefined ? decodeXml(m[1]) : m[0] === '<w:tab/>' ? '\t' : '\n',
      );
      if (texts.length > 0) out.push(texts.join(''));
    }
  }
  return out.join('\n');
}
