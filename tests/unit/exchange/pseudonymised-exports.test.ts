// A listed name planted everywhere a person can type must reach no export.
import { describe, expect, it } from 'vitest';
import { notesAndFragmentsToCsv } from '../../../shared/exchange/csv';
import { fromEaf, toEaf, toEafFiles } from '../../../shared/exchange/eaf';
import { findListedNames, PseudonymisationError, type PseudonymList } from '../../../shared/exchange/pseudonymise';
import { notesToSrt, notesToWebVtt, parseSrt, parseWebVtt } from '../../../shared/exchange/subtitles';
import { newCycleMethod } from '../../../shared/method';
import { buildReviewPackage } from '../../../shared/review-package';
import { kijkwijzer } from '../method/fixtures';
import { fragment, framework, note, REC1, recording } from './fixtures';

const pseudonyms: PseudonymList = [
  { name: 'Zoë de Wit', replacement: '[naam cliënt]' },
  { name: 'Zoë', replacement: '[naam cliënt]' },
  { name: 'Karel', replacement: '[naam klantmanager]' },
];

const rec = recording(REC1, 1, '/Users/karel/Opnames/gesprek met Zoë de Wit.mp4', 900);
const notes = [
  note(3, 'transcript', 'Dag Zoë, hoe gaat het?', { speaker: 'Karel', author: 'Karel' }),
  note(5, 'transcript', "Goed hoor, Karel's vraag is lastig.", { speaker: 'ZOE' }),
  note(9, 'observation', 'Zoe kijkt naar Karels papieren.\nVraag voor de cliënt: wat dacht je, zoë?'),
  note(12, 'question_case_manager', 'Waarom noemde je zoe de wit bij naam?', { speaker: 'Zoë' }),
];
const fragments = [fragment(2, 8, 'Zoë twijfelt', { note: 'Karel reageert snel', author: 'Karel' })];

const exportsOf = (list: PseudonymList) => ({
  csv: notesAndFragmentsToCsv({ notes, fragments, recordings: [rec], framework, lang: 'nl', pseudonyms: list }),
  vtt: notesToWebVtt(notes, { pseudonyms: list, durationSec: 900 }),
  srt: notesToSrt(notes, { pseudonyms: list, durationSec: 900 }),
  eaf: toEaf({ recording: rec, notes, fragments, author: 'Karel', now: '2025-03-05T14:00:00Z', pseudonyms: list }),
  reviewPackage: JSON.stringify(
    buildReviewPackage({
      packageId: 'p', madeOn: '2025-03-05', trajectory: { caseManager: 'Karel', client: 'Zoë de Wit' },
      cycle: { id: 'c', number: 1, title: 'Gesprek met Zoë', date: null },
      method: { ...newCycleMethod('c', 'kijkwijzer'), intake: { ...newCycleMethod('c', 'k').intake, doubts: [{ id: 'd', text: 'Ben ik te sturend bij zoe?' }] } },
      framework: kijkwijzer, fragments: fragments.map((f) => ({ ...f, themes: ['authenticity'], forCaseManager: true })), recordings: [rec],
      source: { kind: 'theme', themeId: 'authenticity' }, pseudonyms: list, lang: 'nl',
    }).document,
  ),
  eafFileName: toEafFiles({ recordings: [rec], notes, fragments, author: 'Karel', now: '2025-03-05T14:00:00Z', pseudonyms: list })[0]?.fileName ?? '',
});

describe('pseudonymisation in every export', () => {
  const out = exportsOf(pseudonyms);

  it.each(Object.keys(out) as (keyof typeof out)[])('%s contains no listed name in any spelling', (format) => {
    const text = out[format];
    expect(findListedNames(text, pseudonyms)).toEqual([]);
    expect(text).not.toMatch(/(?<!\p{L})(?:zo[eë]|karel)/iu); // not at a word start ("Onderzoeker" is fine)
    expect(text).toContain('[naam');
  });

  it('without a list, the names are all there (so the test above tests something)', () => {
    const plain = exportsOf([]);
    for (const text of [plain.csv, plain.vtt, plain.srt, plain.eaf, plain.reviewPackage]) expect(text).toMatch(/Zoë/);
  });

  it('keeps the structure readable after replacement', () => {
    expect(parseWebVtt(out.vtt).cues.map((c) => c.speaker)).toEqual(['[naam klantmanager]', '[naam cliënt]', '', '']);
    expect(parseSrt(out.srt).cues[1]?.text).toBe("Goed hoor, [naam klantmanager]'s vraag is lastig.");
    const back = fromEaf(out.eaf);
    expect(back.fragments[0]).toMatchObject({ title: '[naam cliënt] twijfelt', note: '[naam klantmanager] reageert snel', author: '[naam klantmanager]' });
    expect(back.mediaUrls).toEqual(['./gesprek%20met%20%5Bnaam%20cli%C3%ABnt%5D.mp4']);
    expect(out.eafFileName).toBe('gesprek met [naam cliënt].eaf');
  });

  it.each([
    ['CSV', (list: PseudonymList) => notesAndFragmentsToCsv({ notes, fragments, recordings: [rec], lang: 'nl', pseudonyms: list })],
    ['WebVTT', (list: PseudonymList) => notesToWebVtt(notes, { pseudonyms: list })],
    ['SRT', (list: PseudonymList) => notesToSrt(notes, { pseudonyms: list })],
    ['EAF', (list: PseudonymList) => toEaf({ recording: rec, notes, fragments, author: 'x', now: '2025-03-05T14:00:00Z', pseudonyms: list })],
  ])('%s refuses to export when a replacement brings a listed name back', (_format, make) => {
    const leaky: PseudonymList = [
      { name: 'Zoë', replacement: 'Karel' },
      { name: 'Karel', replacement: 'KM' },
    ];
    expect(() => make(leaky)).toThrow(PseudonymisationError);
    expect(() => make(leaky)).toThrow(/listed name "Karel" in /);
  });
});
