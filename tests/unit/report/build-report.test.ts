// buildReport on a hand-built trajectory of two cycles: the shape of the method's published case
// reports, the sharing rules, and pseudonymisation of every text.
import { describe, expect, it } from 'vitest';
import { PseudonymisationError } from '../../../shared/exchange/pseudonymise';
import {
  buildReport,
  type ReportBlock,
  type ReportDocument,
  ReportInputError,
  renderReportHtml,
  reportTexts,
  stillIdForFragment,
} from '../../../shared/report';
import {
  ANONYMOUS_QUOTE,
  CYCLE_1,
  CYCLE_2,
  LISTED_NAMES,
  PRIVATE_MARK,
  PSEUDONYMS,
  SHARED_QUOTE,
  SUMMARY_FEEDBACK,
  trajectoryInput,
} from './fixtures';

function trajectoryReport(lang: 'nl' | 'en' = 'nl', extra: { includeStills?: boolean } = {}): ReportDocument {
  return buildReport(trajectoryInput(), { lang, scope: 'trajectory', pseudonyms: PSEUDONYMS, ...extra });
}

function headings(doc: ReportDocument, level?: number): string[] {
  return doc.blocks
    .filter((b): b is Extract<ReportBlock, { type: 'heading' }> => b.type === 'heading' && (level === undefined || b.level === level))
    .map((b) => b.text);
}

/** The blocks from the heading with this text up to the next heading of the same or a higher level. */
function section(doc: ReportDocument, text: string | RegExp, nth = 0): ReportBlock[] {
  const matches = doc.blocks
    .map((b, i) => ({ b, i }))
    .filter(({ b }) => b.type === 'heading' && (typeof text === 'string' ? b.text === text : text.test(b.text)));
  const start = matches[nth];
  if (!start || start.b.type !== 'heading') throw new Error(`no heading ${String(text)}`);
  const level = start.b.level;
  const end = doc.blocks.findIndex((b, i) => i > start.i && b.type === 'heading' && b.level <= level);
  return doc.blocks.slice(start.i + 1, end < 0 ? undefined : end);
}

function allText(doc: ReportDocument): string {
  return reportTexts(doc)
    .map((t) => t.text)
    .join('\n');
}

describe('buildReport: the shape of the report', () => {
  it('has background, each conversation, and how it went on, in that order', () => {
    const doc = trajectoryReport();
    expect(doc.title).toBe('Reflectierapport KM-3 · Cliënt A');
    expect(headings(doc, 1)).toEqual([
      'Achtergrond',
      'Gesprek 1: Eerste gesprek (20 november 2026)',
      'Gesprek 2: Vervolggesprek (15 januari 2027)',
      'Hoe het verder ging',
    ]);
    expect(headings(doc, 2)).toEqual([
      'Twijfels en leervragen van de klantmanager',
      // conversation 1
      'Geannoteerd transcript',
      'Cliëntinterview',
      'Reflectiegesprek',
      'Verslag van het reflectiegesprek',
      'Aandachtspunten en voornemens',
      // conversation 2: its own intake, then the intentions it carries over
      'Twijfels en leervragen van de klantmanager',
      'Voornemens uit gesprek 1',
      'Geannoteerd transcript',
      'Cliëntinterview',
      'Reflectiegesprek',
      'Verslag van het reflectiegesprek',
      'Aandachtspunten en voornemens',
    ]);
    // Each conversation starts on a new page.
    const breaks = doc.blocks.flatMap((b, i) => (b.type === 'page-break' ? [doc.blocks[i + 1]] : []));
    expect(breaks.map((b) => b?.type === 'heading' && b.text)).toEqual([
      'Gesprek 1: Eerste gesprek (20 november 2026)',
      'Gesprek 2: Vervolggesprek (15 januari 2027)',
    ]);
  });

  it('opens with the background: trajectory, background text, dates, doubts and learning goals', () => {
    const background = section(trajectoryReport(), 'Achtergrond');
    const text = JSON.stringify(background);
    expect(text).toContain('KM-3');
    expect(text).toContain('(42) is sinds een jaar in beeld bij [naam klantmanager].');
    const table = background.find((b) => b.type === 'table');
    expect(table).toMatchObject({
      header: ['Gesprek', 'Opgenomen gesprek', 'Cliëntinterview', 'Reflectiegesprek'],
      rows: [
        ['Gesprek 1: Eerste gesprek', '20 november 2026', '24 november 2026', '27 november 2026'],
        ['Gesprek 2: Vervolggesprek', '15 januari 2027', 'niet gehouden', '—'],
      ],
    });
    expect(text).toContain('Was ik te sturend tegen [naam cliënt]?');
    expect(text).toContain('Beter aansluiten bij wat [naam cliënt] zelf wil.');
    expect(text).toContain('Volgende afspraak van klantmanager en cliënt: 3 december 2026');
  });

  it('gives the annotated transcript per video: timestamps, transcript lines, boxed observations, marked questions, fragments', () => {
    const transcript = section(trajectoryReport(), 'Geannoteerd transcript', 0);
    expect(transcript[0]).toEqual({ type: 'heading', level: 3, text: 'Video 1: gesprek-[naam cliënt].mp4' });
    const kinds = transcript.map((b) => (b.type === 'question' ? `question:${b.audience}` : b.type));
    expect(kinds).toEqual([
      'heading',
      'transcript',
      'transcript',
      'transcript', // the event
      'fragment',
      'observation',
      'question:client',
      'fragment',
      'question:case-manager',
      'heading',
      'transcript',
      'fragment',
      'observation',
    ]);
    expect(transcript[1]).toEqual({
      type: 'transcript',
      time: '0:05',
      speaker: 'KM',
      text: 'Goedemorgen [naam cliënt], fijn dat je er bent.',
      event: false,
    });
    expect(transcript[3]).toMatchObject({ type: 'transcript', time: '1:02', event: true });
    expect(transcript[5]).toMatchObject({ type: 'observation', time: '6:11', label: 'Observatie' });
    // "Vraag voor de cliënt:" is said by the block's label, not repeated in its text.
    expect(transcript[6]).toMatchObject({
      type: 'question',
      audience: 'client',
      time: '6:20',
      label: 'Vraag voor de cliënt',
      text: 'wat dacht u toen [naam klantmanager] over de sollicitatie begon?',
    });
    expect(transcript[8]).toMatchObject({ audience: 'case-manager', label: 'Vraag voor de klantmanager' });
    // Two videos in this cycle: a fragment says which one.
    expect(transcript[4]).toMatchObject({ type: 'fragment', reference: 'fragment 6:00 – 6:30 (video 1)' });
    expect(transcript[11]).toMatchObject({ type: 'fragment', reference: 'fragment 1:05 – 1:40 (video 2)' });
    // One video in cycle 2: no video named.
    const second = section(trajectoryReport(), 'Geannoteerd transcript', 1);
    expect(second.find((b) => b.type === 'fragment')).toMatchObject({ reference: 'fragment 0:30 – 0:55' });
  });

  it('reports the client interview with its date, its items as a table, and what the client said as the sharing rules allow', () => {
    const interview = section(trajectoryReport(), 'Cliëntinterview', 0);
    expect(interview[0]).toMatchObject({ type: 'paragraph', runs: [{ text: 'Datum: 24 november 2026' }] });
    const table = interview.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.header).toEqual(['Onderdeel', 'Fragment of moment', 'Vragen']);
    expect(table?.type === 'table' && table.rows.map((r) => r[1])).toContain('fragment 6:00 – 6:30 (video 1)');

    const feedback = interview.filter((b) => b.type === 'feedback');
    expect(feedback).toHaveLength(3); // share (quote), anonymous, share (summary); never the private one
    const quote = feedback.find((f) => f.text.startsWith(SHARED_QUOTE));
    expect(quote).toMatchObject({ mode: 'quote', attribution: 'Cliënt A' });
    const anonymous = feedback.find((f) => f.text.startsWith(ANONYMOUS_QUOTE));
    // Anonymous: no attribution, the speaker's name gone from the text, and not a quote.
    expect(anonymous).toMatchObject({ mode: 'paraphrase', attribution: null, text: `${ANONYMOUS_QUOTE}, zei [cliënt].` });
    expect(feedback.find((f) => f.text === SUMMARY_FEEDBACK)).toMatchObject({ mode: 'summary' });
  });

  it('says why an interview was not held', () => {
    const interview = section(trajectoryReport(), 'Cliëntinterview', 1);
    expect(JSON.stringify(interview)).toContain('De cliënt gaf geen toestemming voor een interview');
    expect(JSON.stringify(interview)).toContain('Reden: Tolk nodig');
  });

  it('gives the reflection meeting per theme: main questions, the fragments to replay, and the client on that theme', () => {
    const meeting = section(trajectoryReport(), 'Reflectiegesprek', 0);
    expect(meeting[0]).toMatchObject({ type: 'paragraph', runs: [{ text: 'Datum: 27 november 2026' }] });
    const authenticity = section(trajectoryReport(), 'Toegespitste vraag 1: Echtheid (tegenover sociale wenselijkheid)');
    expect(authenticity.map((b) => b.type)).toEqual(['list', 'fragment', 'paragraph', 'feedback']);
    expect(authenticity[1]).toMatchObject({
      label: 'Terugkijken',
      reference: 'fragment 6:00 – 6:30 (video 1)',
      title: '[naam cliënt] vertelt over zijn dochter',
      valence: 'Positief moment',
      valenceKind: 'positive',
      themes: ['Echtheid'],
    });
    expect(authenticity[3]).toMatchObject({ type: 'feedback', mode: 'quote' });
    const sharedGoal = section(trajectoryReport(), 'Toegespitste vraag 2: Gezamenlijk doel');
    expect(sharedGoal.find((b) => b.type === 'fragment')).toMatchObject({ reference: 'fragment 11:00 – 14:00 (video 1)', valenceKind: 'concern' });
    // Feedback on a fragment without a theme of its own goes with the fragment's theme.
    const logic = section(trajectoryReport(), 'Toegespitste vraag 3: Interventielogica (actorschap)');
    expect(logic.filter((b) => b.type === 'feedback').map((b) => b.type === 'feedback' && b.text)).toEqual([SUMMARY_FEEDBACK]);
    // General feedback under the agenda's feedback section.
    const general = section(trajectoryReport(), 'Feedback uit het cliëntinterview');
    expect(general.map((b) => b.type === 'feedback' && b.mode)).toEqual(['paraphrase']);
  });

  it('gives the meeting report with its date and item notes, then takeaways and intentions, then how it went on', () => {
    const doc = trajectoryReport();
    const report = section(doc, 'Verslag van het reflectiegesprek', 0);
    expect(JSON.stringify(report)).toContain('Datum: 27 november 2026');
    expect(JSON.stringify(report)).toContain('Het doel volgens [naam klantmanager] — fragment 11:00 – 14:00 (video 1)');
    expect(JSON.stringify(report)).toContain('[naam klantmanager] ziet nu dat het doel van haar kwam');
    const takeaways = JSON.stringify(section(doc, 'Aandachtspunten en voornemens', 0));
    expect(takeaways).toContain('Eerst vragen wat [naam cliënt] zelf wil.');
    expect(takeaways).toContain('Het doel samen met de cliënt opschrijven.');
    expect(takeaways).toContain('[naam klantmanager] vond het confronterend maar leerzaam.');
    // The next conversation carries the intentions over.
    expect(JSON.stringify(section(doc, 'Voornemens uit gesprek 1'))).toContain('Het doel samen met de cliënt opschrijven.');
    const end = JSON.stringify(section(doc, 'Hoe het verder ging'));
    expect(end).toContain('[naam cliënt] solliciteert nu zelf');
    expect(end).toContain('[naam cliënt] heeft sinds februari werk.');
  });

  it('proposes the meeting outline from the analysis when no agenda was saved, and says so', () => {
    const doc = trajectoryReport();
    expect(JSON.stringify(section(doc, 'Reflectiegesprek', 1))).toContain('nog geen agenda voor het reflectiegesprek');
    expect(doc.warnings).toContain('Gesprek 2: nog geen agenda voor het reflectiegesprek; de indeling volgt uit de analyse.');
    expect(doc.warnings).toContain('Gesprek 1: 1 reactie(s) van de cliënt zijn privé en staan niet in het rapport.');
  });

  it('makes a report of one cycle, with the intentions of the cycle before it', () => {
    const doc = buildReport(trajectoryInput(), { lang: 'nl', scope: 'cycle', cycleId: CYCLE_2, pseudonyms: PSEUDONYMS });
    expect(headings(doc, 1)).toEqual(['Achtergrond', 'Gesprek 2: Vervolggesprek (15 januari 2027)', 'Hoe het verder ging']);
    expect(doc.subtitle).toBe('Van Kijken naar Zien · Gesprek 2: Vervolggesprek (15 januari 2027)');
    expect(headings(doc, 2)).toContain('Voornemens uit gesprek 1');
    expect(allText(doc)).not.toContain('Eerste gesprek (20 november');
    const first = buildReport(trajectoryInput(), { lang: 'nl', scope: 'cycle', cycleId: CYCLE_1, pseudonyms: PSEUDONYMS });
    expect(headings(first, 2)).not.toContain('Voornemens uit gesprek 1');
    expect(() => buildReport(trajectoryInput(), { lang: 'nl', scope: 'cycle', pseudonyms: [] })).toThrow(ReportInputError);
  });

  it('does not repeat a cycle title that only says what the heading says', () => {
    const input = trajectoryInput();
    input.cycles[1]!.cycle.title = 'gesprek 2';
    expect(headings(buildReport(input, { lang: 'nl', scope: 'trajectory', pseudonyms: PSEUDONYMS }), 1)).toContain(
      'Gesprek 2 (15 januari 2027)',
    );
  });

  it('stays quick for a long transcript (5,000 notes, pseudonymised and checked)', () => {
    const input = trajectoryInput();
    const cycle = input.cycles[0]!;
    cycle.notes = Array.from({ length: 5000 }, (_, i) => ({
      id: `bulk-${i}`,
      recordingId: 'rec-1',
      timeSec: i,
      kind: i % 7 === 0 ? ('observation' as const) : ('transcript' as const),
      text: `Regel ${i}: Jan en Petra praten verder over werk.`,
      speaker: i % 2 ? 'KM' : 'C',
    }));
    const started = performance.now();
    const doc = buildReport(input, { lang: 'nl', scope: 'trajectory', pseudonyms: PSEUDONYMS });
    renderReportHtml(doc);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(doc.blocks.filter((b) => b.type === 'transcript').length).toBeGreaterThan(4000);
    expect(allText(doc)).not.toMatch(/\bJan\b/);
  });

  it('speaks English when asked', () => {
    const doc = trajectoryReport('en');
    expect(headings(doc, 1)).toEqual([
      'Background',
      'Conversation 1: Eerste gesprek (20 November 2026)',
      'Conversation 2: Vervolggesprek (15 January 2027)',
      'How it went on',
    ]);
    expect(headings(doc, 2)).toContain('Annotated transcript');
    expect(allText(doc)).toContain('Replay');
  });

  it('adds a still per fragment to replay only when asked', () => {
    expect(trajectoryReport().blocks.some((b) => b.type === 'image')).toBe(false);
    const doc = trajectoryReport('nl', { includeStills: true });
    const images = doc.blocks.filter((b) => b.type === 'image');
    expect(images.map((b) => b.type === 'image' && b.stillId)).toContain(stillIdForFragment('f1'));
    // The still's moment: the middle unless one was chosen inside the fragment.
    expect(images[0]).toMatchObject({ caption: 'fragment 6:00 – 6:30 (video 1), beeld op 6:15' });
    const base = trajectoryInput();
    const input = {
      ...base,
      cycles: base.cycles.map((c) => ({ ...c, fragments: c.fragments.map((f) => (f.id === 'f1' ? { ...f, stillSec: 372.4 } : f)) })),
    };
    const chosen = buildReport(input, { lang: 'nl', scope: 'trajectory', pseudonyms: PSEUDONYMS, includeStills: true });
    expect(chosen.blocks.find((b) => b.type === 'image')).toMatchObject({ caption: 'fragment 6:00 – 6:30 (video 1), beeld op 6:12.4' });
    const english = buildReport(input, { lang: 'en', scope: 'trajectory', pseudonyms: PSEUDONYMS, includeStills: true });
    expect(english.blocks.find((b) => b.type === 'image')).toMatchObject({ caption: 'fragment 6:00 – 6:30 (video 1), frame at 6:12.4' });
  });
});

describe('buildReport: the sharing rules', () => {
  it('never lets private feedback out, not even through an agenda item that still holds a copy of it', () => {
    const input = trajectoryInput();
    const method = input.cycles[0]!.method!;
    // An agenda saved before the client changed their mind still carries the words.
    const item = method.reflectionAgenda!.items.find((i) => i.source.kind === 'feedback')!;
    item.feedback.push({ id: 'stale', agendaItemId: null, fragmentId: null, themeId: null, text: `${PRIVATE_MARK} (oude kopie)`, isQuote: true, paraphrase: false, attribution: 'Cliënt A' });
    const doc = buildReport(input, { lang: 'nl', scope: 'trajectory', pseudonyms: PSEUDONYMS });
    expect(allText(doc)).not.toContain(PRIVATE_MARK);
    expect(renderReportHtml(doc)).not.toContain(PRIVATE_MARK);
  });

  it("leaves out the meeting note on a client-feedback item whose feedback was all withdrawn, and says so", () => {
    const input = trajectoryInput();
    const method = input.cycles[0]!.method!;
    // The note was taken while the feedback on authenticity was shared; then the client withdrew it.
    const item = method.reflectionAgenda!.items.find((i) => i.source.kind === 'feedback' && i.source.refId === 'authenticity')!;
    method.outcome.itemNotes.push({ agendaItemId: item.id, text: 'Ze voelde zich niet gehoord (NOTITIE-TERUG)' });
    method.feedback = method.feedback.map((f) => (f.id === 'fb-share' ? { ...f, sharing: 'private' as const } : f));
    const doc = buildReport(input, { lang: 'nl', scope: 'trajectory', pseudonyms: PSEUDONYMS });
    expect(allText(doc)).not.toContain('NOTITIE-TERUG');
    expect(renderReportHtml(doc)).not.toContain('NOTITIE-TERUG');
    // Other notes stay, and the researcher is told why this one is not there.
    expect(JSON.stringify(section(doc, 'Verslag van het reflectiegesprek', 0))).toContain('ziet nu dat het doel van haar kwam');
    expect(doc.warnings).toContain(
      `Gesprek 1: de notitie bij "${item.title}" staat niet in het rapport: de cliënt deelt de feedback daarbij niet (meer).`,
    );
  });

  it('shows anonymous feedback without a name and not as a quote', () => {
    const html = renderReportHtml(trajectoryReport());
    expect(html).not.toContain(`“${ANONYMOUS_QUOTE}`);
    expect(html).toContain(`<p class="feedback-text">${ANONYMOUS_QUOTE}, zei [cliënt].</p>`);
  });
});

describe('buildReport: pseudonymisation', () => {
  it('leaves no listed name in any text: background, notes, file names, fragment titles, feedback, doubts, item notes', () => {
    const doc = trajectoryReport();
    const text = allText(doc);
    for (const name of LISTED_NAMES) expect(text).not.toMatch(new RegExp(`\\b${name}\\b`));
    const html = renderReportHtml(doc);
    for (const name of LISTED_NAMES) expect(html).not.toMatch(new RegExp(`\\b${name}\\b`));
    // ... and the replacements are where the names were.
    expect(text).toContain('Was ik te sturend tegen [naam cliënt]?');
    expect(text).toContain('[naam cliënt] vertelt over zijn dochter');
    expect(text).toContain(`${SHARED_QUOTE}, [naam klantmanager] luisterde echt.`);
  });

  it('without a list, the names stay and the report warns', () => {
    const doc = buildReport(trajectoryInput(), { lang: 'nl', scope: 'trajectory', pseudonyms: [] });
    expect(allText(doc)).toContain('Petra');
    expect(doc.warnings[0]).toMatch(/pseudoniemenlijst/);
  });

  it('refuses to make a report in which a listed name would survive, and says which and where', () => {
    // "Petra" becomes "[Jan's coach]", and "Jan" is listed too: one pass cannot remove it.
    const leaky = [
      { name: 'Petra', replacement: "[Jan's coach]" },
      { name: 'Jan', replacement: '[naam cliënt]' },
    ];
    let error: unknown;
    try {
      buildReport(trajectoryInput(), { lang: 'nl', scope: 'trajectory', pseudonyms: leaky });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PseudonymisationError);
    expect((error as Error).message).toMatch(/"Jan" in block \d+ \(/);
    expect((error as Error).message).toMatch(/Nothing was exported/);
  });
});
