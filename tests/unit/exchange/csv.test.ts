import { describe, expect, it } from 'vitest';
import { CsvParseError, notesAndFragmentsToCsv, parseCsv } from '../../../shared/exchange/csv';
import { PseudonymisationError } from '../../../shared/exchange/pseudonymise';
import { fragment, framework, note, REC1, REC2, recording } from './fixtures';

const recordings = [recording(REC1, 1, '/data/gesprek-deel1.mp4'), recording(REC2, 2, '/data/gesprek-deel2.mp4')];
const pseudonyms = [{ name: 'Jan', replacement: '[naam cliënt]' }];

function exportCsv(extra: Partial<Parameters<typeof notesAndFragmentsToCsv>[0]> = {}) {
  return notesAndFragmentsToCsv({
    notes: [
      note(371.5, 'transcript', 'Hoe gaat het met je?', { speaker: 'KM' }),
      note(12, 'observation', 'Cliënt kijkt weg; "ontwijkend"?\nVraag voor de cliënt: wat dacht je toen?'),
      note(5, 'event', 'Verbinding valt weg', { recordingId: REC2 }),
    ],
    fragments: [fragment(360, 390.25, 'Doel benoemd', { themes: ['shared-goal', 'authenticity', 'unknown-theme'], note: 'Mooi moment', valence: 'positive' })],
    recordings,
    framework,
    lang: 'nl',
    pseudonyms,
    ...extra,
  });
}

describe('notesAndFragmentsToCsv', () => {
  it('starts with a BOM, uses CRLF and ";" by default, with a Dutch header', () => {
    const csv = exportCsv();
    expect(csv.startsWith('\uFEFFType;Opname;Begin (s);Begin;Eind (s);Eind;Soort;Auteur;Spreker;Tekst of titel;Toelichting;')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Every line end outside quoted cells is CRLF: the only bare LF is inside the observation.
    expect(csv.replace(/\r\n/g, '').split('\n')).toHaveLength(2);
  });

  it('writes one row per record, sorted by recording and time', () => {
    const rows = parseCsv(exportCsv());
    expect(rows).toHaveLength(5);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ['notitie', 'video 1 (gesprek-deel1.mp4)', '12', '0:12'],
      ['fragment', 'video 1 (gesprek-deel1.mp4)', '360', '6:00'],
      ['notitie', 'video 1 (gesprek-deel1.mp4)', '371.5', '6:11'],
      ['notitie', 'video 2 (gesprek-deel2.mp4)', '5', '0:05'],
    ]);
  });

  it('fills the note and fragment columns', () => {
    const rows = parseCsv(exportCsv());
    const transcript = rows[3] ?? [];
    expect(transcript).toEqual([
      'notitie', 'video 1 (gesprek-deel1.mp4)', '371.5', '6:11', '', '', 'Transcript', 'Onderzoeker A', 'KM',
      'Hoe gaat het met je?', '', '', '', '2025-03-02T09:00:00.000Z', '2025-03-02T09:30:00.000Z',
    ]);
    const frag = rows[2] ?? [];
    expect(frag.slice(4, 13)).toEqual(['390.25', '6:30', '', 'Onderzoeker B', '', 'Doel benoemd', 'Mooi moment', 'Doel, Echtheid, unknown-theme', 'Positief']);
  });

  it('writes English headers and labels, and theme ids without a framework', () => {
    const rows = parseCsv(exportCsv({ lang: 'en', framework: undefined }));
    expect(rows[0]?.slice(0, 7)).toEqual(['Type', 'Recording', 'Start (s)', 'Start', 'End (s)', 'End', 'Kind']);
    expect(rows[1]?.[6]).toBe('Observation');
    expect(rows[2]?.[0]).toBe('fragment');
    expect(rows[2]?.[11]).toBe('shared-goal, authenticity, unknown-theme');
    expect(rows[2]?.[12]).toBe('Positive');
  });

  it('uses "," when asked, quoting cells that contain it', () => {
    const csv = exportCsv({ separator: ',' });
    const rows = parseCsv(csv, { separator: ',' });
    expect(rows[2]?.[11]).toBe('Doel, Echtheid, unknown-theme');
    expect(csv).toContain('"Doel, Echtheid, unknown-theme"');
  });

  it('round-trips tricky text through parseCsv', () => {
    const tricky = [
      'quotes "like this" and ""doubled""',
      'semi;colon, comma',
      'line one\nline two\r\nline three',
      'trailing space ',
      'Ik wéét het niet — cliënt, ë ï é',
      '',
    ];
    for (const separator of [';', ','] as const) {
      const csv = notesAndFragmentsToCsv({
        notes: tricky.map((text, i) => note(i, 'observation', text)),
        fragments: [],
        recordings,
        lang: 'nl',
        pseudonyms: [],
        separator,
      });
      const texts = parseCsv(csv, { separator }).slice(1).map((r) => r[9]);
      expect(texts).toEqual(tricky);
    }
  });

  it('guards cells Excel would read as formulas, unless told not to', () => {
    const notes = [note(1, 'observation', '=HYPERLINK("x")'), note(2, 'observation', '- knikt'), note(3, 'observation', '+31 6'), note(4, 'observation', '@jan')];
    const guarded = parseCsv(notesAndFragmentsToCsv({ notes, fragments: [], recordings, lang: 'nl', pseudonyms: [] }));
    expect(guarded.slice(1).map((r) => r[9])).toEqual(["'=HYPERLINK(\"x\")", "'- knikt", "'+31 6", "'@jan"]);
    const raw = parseCsv(notesAndFragmentsToCsv({ notes, fragments: [], recordings, lang: 'nl', pseudonyms: [], guardFormulas: false }));
    expect(raw.slice(1).map((r) => r[9])).toEqual(['=HYPERLINK("x")', '- knikt', '+31 6', '@jan']);
  });

  it('pseudonymises text, speakers, authors, titles, notes and file names', () => {
    const csv = notesAndFragmentsToCsv({
      notes: [note(1, 'transcript', "Jan's moeder", { speaker: 'Jan', author: 'Jan' })],
      fragments: [fragment(2, 3, 'Jan twijfelt', { note: 'jan lacht', author: 'JAN' })],
      recordings: [recording(REC1, 1, '/data/gesprek met Jan.mp4')],
      lang: 'nl',
      pseudonyms,
    });
    expect(csv).not.toMatch(/jan/i);
    expect(csv).toContain("[naam cliënt]'s moeder");
    expect(csv).toContain('video 1 (gesprek met [naam cliënt].mp4)');
  });

  it('refuses when a replacement itself contains a listed name', () => {
    expect(() =>
      notesAndFragmentsToCsv({
        notes: [note(1, 'observation', 'Jan')],
        fragments: [],
        recordings,
        lang: 'nl',
        pseudonyms: [{ name: 'Jan', replacement: 'Piet' }, { name: 'Piet', replacement: 'P' }],
      }),
    ).toThrow(PseudonymisationError);
  });

  it('leaves the recording cell empty for a note of an unknown recording, and sorts it last', () => {
    const rows = parseCsv(
      notesAndFragmentsToCsv({
        notes: [note(1, 'event', 'los', { recordingId: '20000000-0000-4000-8000-000000000099' }), note(9, 'event', 'vast')],
        fragments: [],
        recordings,
        lang: 'nl',
        pseudonyms: [],
      }),
    );
    expect(rows.slice(1).map((r) => [r[1], r[9]])).toEqual([
      ['video 1 (gesprek-deel1.mp4)', 'vast'],
      ['', 'los'],
    ]);
  });
});

describe('parseCsv', () => {
  it.each([
    ['simple', 'a;b\r\nc;d\r\n', [['a', 'b'], ['c', 'd']]],
    ['LF line ends and no final line end', 'a;b\nc;d', [['a', 'b'], ['c', 'd']]],
    ['BOM', '\uFEFFa;b', [['a', 'b']]],
    ['quoted separator and quotes', '"a;b";"say ""hi"""', [['a;b', 'say "hi"']]],
    ['quoted line break', '"a\r\nb";c', [['a\r\nb', 'c']]],
    ['empty cells', ';;\r\n', [['', '', '']]],
    ['empty quoted cell', '"";x', [['', 'x']]],
    ['empty text', '', []],
  ])('%s', (_label, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it.each([
    ['an unterminated quote', 'a;"bc\r\nd', /CSV line 1: a quoted field is never closed/],
    ['text after a closing quote', 'a;"b"c', /CSV line 1: unexpected "c" after a closing quote/],
    ['the line number after quoted line breaks', '"a\nb";c\nd;"e"x', /CSV line 3/],
  ])('reports %s', (_label, text, message) => {
    expect(() => parseCsv(text)).toThrow(CsvParseError);
    expect(() => parseCsv(text)).toThrow(message);
  });
});
