// The report as DOCX: unzipped with fflate, word/document.xml holds real Word headings, the
// named styles, the fragments to replay and the shared feedback, and nothing private or named.
import os from 'node:os';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCX_STYLES, docxText, renderReportDocx } from '../../../electron/services/export';
import { buildReport, stillIdForFragment } from '../../../shared/report';
import { LISTED_NAMES, PRIVATE_MARK, PSEUDONYMS, SHARED_QUOTE, trajectoryInput, ANONYMOUS_QUOTE } from '../../unit/report/fixtures';

// A 2x1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP4z8DAwMDAAAAGAwEAjvQ5xgAAAABJRU5ErkJggg==',
  'base64',
);

let docx: Buffer;
let files: Record<string, Uint8Array>;
let documentXml: string;

beforeAll(async () => {
  const doc = buildReport(trajectoryInput(), { lang: 'nl', scope: 'trajectory', pseudonyms: PSEUDONYMS, includeStills: true });
  docx = await renderReportDocx(doc, {
    stills: new Map([[stillIdForFragment('f1'), { data: PNG, type: 'png', width: 2, height: 1 }]]),
  });
  files = unzipSync(docx);
  documentXml = strFromU8(files['word/document.xml']!);
});

/** The paragraphs of document.xml with their style and text. */
function paragraphs(): { style: string | null; text: string }[] {
  return documentXml
    .split('</w:p>')
    .map((p) => ({
      style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
      text: [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    }))
    .filter((p) => p.text !== '' || p.style !== null);
}

describe('the report as DOCX', () => {
  it('is a Word package with a document, styles and numbering', () => {
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    for (const part of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml']) {
      expect(files[part], part).toBeDefined();
    }
  });

  it('uses Word heading styles for the report structure, so the navigation pane works', () => {
    const byStyle = (style: string) => paragraphs().filter((p) => p.style === style).map((p) => p.text);
    expect(byStyle('Title')).toEqual(['Reflectierapport KM-3 · Cliënt A']);
    expect(byStyle('Heading1')).toEqual([
      'Achtergrond',
      'Gesprek 1: Eerste gesprek (20 november 2026)',
      'Gesprek 2: Vervolggesprek (15 januari 2027)',
      'Hoe het verder ging',
    ]);
    expect(byStyle('Heading2')).toContain('Geannoteerd transcript');
    expect(byStyle('Heading2')).toContain('Cliëntinterview');
    expect(byStyle('Heading3')).toContain('Toegespitste vraag 1: Echtheid (tegenover sociale wenselijkheid)');
    const styles = strFromU8(files['word/styles.xml']!);
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading1">/);
  });

  it('boxes observations and marks questions with their own paragraph styles', () => {
    const styles = strFromU8(files['word/styles.xml']!);
    const observationStyle = new RegExp(`<w:style w:type="paragraph" w:styleId="${DOCX_STYLES.observation}"[\\s\\S]*?</w:style>`).exec(styles)?.[0];
    expect(observationStyle).toMatch(/<w:pBdr>[\s\S]*<w:top[\s\S]*<w:left[\s\S]*<\/w:pBdr>/);
    expect(observationStyle).toMatch(/<w:shd [^>]*w:fill="EEF3F8"/);
    const observation = paragraphs().find((p) => p.style === DOCX_STYLES.observation);
    expect(observation?.text).toMatch(/^6:11 {2}Observatie\[naam klantmanager\] vat samen/);
    expect(paragraphs().find((p) => p.style === DOCX_STYLES.questionClient)?.text).toMatch(/^6:20 {2}\? Vraag voor de cliënt: wat dacht u/);
    expect(paragraphs().some((p) => p.style === DOCX_STYLES.questionCaseManager)).toBe(true);
    // Transcript lines: the time, a tab (the style's hanging indent), then speaker and text.
    expect(paragraphs().find((p) => p.style === DOCX_STYLES.transcript)?.text).toBe('0:05KM: Goedemorgen [naam cliënt], fijn dat je er bent.');
    expect(docxText(docx)).toContain('0:05\tKM: Goedemorgen');
  });

  it('names the fragments to replay in one piece of text', () => {
    expect(documentXml).toContain('<w:t xml:space="preserve">fragment 6:00 – 6:30 (video 1)</w:t>');
    expect(documentXml).toContain('fragment 1:05 – 1:40 (video 2)');
    const fragment = paragraphs().find((p) => p.style === DOCX_STYLES.fragment && p.text.startsWith('Terugkijken'));
    expect(fragment?.text).toBe('Terugkijken: fragment 6:00 – 6:30 (video 1) — [naam cliënt] vertelt over zijn dochter');
  });

  it('puts the interview items in a real table', () => {
    expect(documentXml).toMatch(/<w:tbl>[\s\S]*<w:tblHeader\/>[\s\S]*Onderdeel[\s\S]*Fragment of moment[\s\S]*Vragen[\s\S]*<\/w:tbl>/);
  });

  it('has the shared feedback, as quote or paraphrase, and nothing private', () => {
    const quote = paragraphs().find((p) => p.style === DOCX_STYLES.feedbackQuote);
    expect(quote?.text).toBe(`“${SHARED_QUOTE}, [naam klantmanager] luisterde echt.”`);
    const paraphrase = paragraphs().find((p) => p.style === DOCX_STYLES.feedbackParaphrase && p.text.startsWith(ANONYMOUS_QUOTE));
    expect(paraphrase?.text).toBe(`${ANONYMOUS_QUOTE}, zei [cliënt].`);
    expect(docxText(docx)).not.toContain(PRIVATE_MARK);
  });

  it('contains no listed name anywhere: body, footer, document properties', () => {
    const text = docxText(docx);
    expect(text).toContain('[naam cliënt]');
    for (const name of LISTED_NAMES) expect(text).not.toMatch(new RegExp(`\\b${name}\\b`));
    for (const [part, data] of Object.entries(files)) {
      if (!/\.(xml|rels)$/.test(part)) continue;
      for (const name of LISTED_NAMES) expect(strFromU8(data), part).not.toMatch(new RegExp(`\\b${name}\\b`));
    }
  });

  it("carries the app's document properties: the report's title, VKZ as creator, no user or folder name", () => {
    const core = strFromU8(files['docProps/core.xml']!);
    const app = files['docProps/app.xml'] ? strFromU8(files['docProps/app.xml']) : '';
    const field = (name: string) => new RegExp(`<${name}[^>]*>([^<]*)</${name}>`).exec(core)?.[1];
    expect(field('dc:title')).toBe('Reflectierapport KM-3 · Cliënt A');
    expect(field('dc:creator')).toBe('VKZ');
    expect(field('cp:lastModifiedBy')).toBe('VKZ');
    for (const trace of [os.homedir() + '/', os.hostname(), os.tmpdir() + '/']) {
      expect(core, trace).not.toContain(trace);
      expect(app, trace).not.toContain(trace);
    }
  });

  it('embeds a still as a picture with its caption below', () => {
    expect(Object.keys(files).some((f) => f.startsWith('word/media/'))).toBe(true);
    expect(paragraphs().find((p) => p.style === 'Caption' && p.text.includes('beeld op'))?.text).toBe('fragment 6:00 – 6:30 (video 1), beeld op 6:15');
  });
});
