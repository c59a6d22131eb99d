// renderReportHtml: a standalone, print-friendly HTML5 file with escaped text, and the report's
// structure as HTML elements.
import { describe, expect, it } from 'vitest';
import {
  buildReport,
  mapReportTexts,
  type ReportBlock,
  type ReportDocument,
  renderReportHtml,
  reportTexts,
  stillIdForFragment,
} from '../../../shared/report';
import { PSEUDONYMS, trajectoryInput } from './fixtures';

const doc = buildReport(trajectoryInput(), { lang: 'nl', scope: 'trajectory', pseudonyms: PSEUDONYMS });

/** One block of every type, each text field with its own marker. */
function everyBlock(): ReportDocument {
  const blocks: ReportBlock[] = [
    { type: 'heading', level: 1, text: 'T1' },
    { type: 'paragraph', runs: [{ text: 'T2', bold: true }, { text: 'T3', italic: true }], tone: 'normal' },
    { type: 'observation', time: 'T4', label: 'T5', text: 'T6' },
    { type: 'question', audience: 'client', time: 'T7', label: 'T8', text: 'T9' },
    { type: 'transcript', time: 'T10', speaker: 'T11', text: 'T12', event: false },
    {
      type: 'fragment',
      fragmentId: 'id',
      reference: 'T13',
      label: 'T14',
      title: 'T15',
      valence: 'T16',
      valenceKind: 'positive',
      themes: ['T17'],
      note: 'T18',
      questions: ['T19'],
    },
    { type: 'feedback', mode: 'quote', text: 'T20', attribution: 'T21', label: 'T22' },
    { type: 'list', ordered: true, items: [[{ text: 'T23' }]] },
    { type: 'table', caption: 'T24', header: ['T25'], rows: [['T26']] },
    { type: 'image', stillId: 'still', caption: 'T27' },
    { type: 'page-break' },
  ];
  return { lang: 'nl', scope: 'cycle', title: 'T28', subtitle: 'T29', blocks, warnings: ['T30'] };
}

describe('report texts', () => {
  it('visits every text of every block type (so pseudonymisation and the name check miss nothing)', () => {
    const texts = reportTexts(everyBlock()).map((t) => t.text);
    expect(texts.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `T${i + 1}`).sort());
    const mapped = mapReportTexts(everyBlock(), (t) => `<${t}>`);
    expect(reportTexts(mapped).every((t) => /^<T\d+>$/.test(t.text))).toBe(true);
    // Ids and kinds are not text: they stay.
    expect(mapped.blocks.find((b) => b.type === 'fragment')).toMatchObject({ fragmentId: 'id', valenceKind: 'positive' });
  });
});

describe('renderReportHtml', () => {
  const html = renderReportHtml(doc);

  it('is a complete standalone HTML5 document: embedded CSS, no scripts, nothing loaded from elsewhere', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="nl">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Reflectierapport KM-3 · Cliënt A</title>');
    expect(html).toMatch(/<style>[\s\S]*@page \{ size: A4; margin: [^}]+\}[\s\S]*<\/style>/);
    expect(html).not.toMatch(/<script|<iframe|<link|src="http|href="http/i);
    expect(html).toContain("default-src 'none'");
  });

  it('renders the report title as h1, the parts as h2, the steps as h3, themes as h4', () => {
    const tags = [...html.matchAll(/<(h[1-4])>([^<]*)<\/h[1-4]>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(tags[0]).toBe('h1 Reflectierapport KM-3 · Cliënt A');
    expect(tags.filter((t) => t.startsWith('h2 '))).toEqual([
      'h2 Achtergrond',
      'h2 Gesprek 1: Eerste gesprek (20 november 2026)',
      'h2 Gesprek 2: Vervolggesprek (15 januari 2027)',
      'h2 Hoe het verder ging',
    ]);
    expect(tags).toContain('h3 Geannoteerd transcript');
    expect(tags).toContain('h4 Toegespitste vraag 1: Echtheid (tegenover sociale wenselijkheid)');
  });

  it('sets observations apart in a box, marks questions for client and case manager, and keeps transcript lines plain', () => {
    expect(html).toMatch(/<aside class="observation"><p class="block-head"><span class="time">6:11<\/span><strong>Observatie<\/strong><\/p>/);
    expect(html).toMatch(/<div class="question question-client"><p><span class="time">6:20<\/span><span class="q-mark" aria-hidden="true">\?<\/span><strong class="q-label">Vraag voor de cliënt:<\/strong>/);
    expect(html).toMatch(/<div class="question question-case-manager">.*Vraag voor de klantmanager:/);
    expect(html).toContain('<p class="line"><span class="time">0:05</span><span class="speaker">KM:</span>Goedemorgen [naam cliënt], fijn dat je er bent.</p>');
    expect(html).toContain('<p class="line event">');
    expect(html).toMatch(/\.observation \{[^}]*border:/);
    expect(html).toContain('<div class="page-break"></div>');
    expect(html).toMatch(/\.page-break \{ break-before: page/);
  });

  it('names the fragments to replay and shows quotes and paraphrases differently', () => {
    expect(html).toContain('<strong>Terugkijken:</strong> fragment 6:00 – 6:30 (video 1) — [naam cliënt] vertelt over zijn dochter');
    expect(html).toMatch(/<blockquote class="feedback feedback-quote"><p class="feedback-text">“Ik voelde me eindelijk gehoord/);
    expect(html).toMatch(/<div class="feedback feedback-paraphrase"><p class="feedback-label">Anoniem gedeeld, in andere woorden weergegeven<\/p>/);
    expect(html).toMatch(/<table><caption>Onderdelen van het interview<\/caption><thead><tr><th scope="col">Onderdeel<\/th>/);
  });

  it('escapes every text, so a note cannot inject markup', () => {
    const evil = mapReportTexts(everyBlock(), (t) => `${t}<script>alert("x")</script>&'`);
    const out = renderReportHtml(evil);
    expect(out).not.toContain('<script>');
    expect(out).toContain('T6&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
  });

  it('embeds a still only when one is given, as a data URL', () => {
    const withStill = buildReport(trajectoryInput(), { lang: 'nl', scope: 'trajectory', pseudonyms: PSEUDONYMS, includeStills: true });
    expect(renderReportHtml(withStill)).not.toContain('<img');
    const stills = new Map([[stillIdForFragment('f1'), { mime: 'image/png', base64: 'iVBORw0KGgo=' }]]);
    const out = renderReportHtml(withStill, { stills });
    expect(out).toContain('<figure class="still"><img src="data:image/png;base64,iVBORw0KGgo=" alt="fragment 6:00 – 6:30 (video 1), beeld op 6:15">');
    expect(out.match(/<img/g)).toHaveLength(1);
  });
});
