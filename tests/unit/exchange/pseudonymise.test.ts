import { describe, expect, it } from 'vitest';
import {
  assertNoListedNames,
  createPseudonymiser,
  findListedNames,
  PseudonymisationError,
  pseudonymise,
  type PseudonymList,
} from '../../../shared/exchange/pseudonymise';

const list: PseudonymList = [
  { name: 'Jan', replacement: '[naam cliënt]' },
  { name: 'Jan de Vries', replacement: '[naam cliënt, volledig]' },
  { name: 'Zoë', replacement: '[naam klantmanager]' },
  { name: 'Ruiz-Pérez', replacement: '[achternaam]' },
];

describe('pseudonymise', () => {
  it.each([
    ['whole word', 'Jan zegt dat het goed gaat.', '[naam cliënt] zegt dat het goed gaat.'],
    ['case-insensitive', 'JAN en jan', '[naam cliënt] en [naam cliënt]'],
    ['not inside a longer word', 'Jansen kwam in januari bij Janneke', 'Jansen kwam in januari bij Janneke'],
    ['not before a Dutch letter', 'Janéé', 'Janéé'],
    ['longest name wins', 'Dit is Jan de Vries.', 'Dit is [naam cliënt, volledig].'],
    ['longest name over a line break', 'Jan de\nVries', '[naam cliënt, volledig]'],
    ['English possessive', "Jan's moeder", "[naam cliënt]'s moeder"],
    ['typographic apostrophe kept', 'Jan’s moeder', '[naam cliënt]’s moeder'],
    ['Dutch genitive without apostrophe', 'Jans moeder belde', "[naam cliënt]'s moeder belde"],
    ['closing quote left alone', "'Ik heet Jan' zei hij", "'Ik heet [naam cliënt]' zei hij"],
    ['diacritics in the text', 'Zoe en ZOË en Zoë', '[naam klantmanager] en [naam klantmanager] en [naam klantmanager]'],
    ['decomposed diacritics', 'Zoe\u0308 belt', '[naam klantmanager] belt'],
    ['hyphenated name with accent, matched without', 'mevrouw Ruiz-Perez', 'mevrouw [achternaam]'],
    ['in a file name', 'gesprek_jan_2025-03-01.mp4', 'gesprek_[naam cliënt]_2025-03-01.mp4'],
    ['after digits is still a word', '2Jan', '2Jan'],
    ['punctuation around', '(Jan), "Jan"!', '([naam cliënt]), "[naam cliënt]"!'],
    ['nothing listed in text', 'Geen namen hier.', 'Geen namen hier.'],
  ])('%s', (_label, text, expected) => {
    expect(pseudonymise(text, list)).toBe(expected);
  });

  it('accepts a diacritic in the list that the text leaves out, and vice versa', () => {
    expect(pseudonymise('Zoe', [{ name: 'Zoë', replacement: 'X' }])).toBe('X');
    expect(pseudonymise('Zoë', [{ name: 'Zoe', replacement: 'X' }])).toBe('X');
  });

  it('matches names with an apostrophe whichever apostrophe the text uses', () => {
    const withApostrophe = [{ name: "D'Souza", replacement: '[achternaam]' }];
    expect(pseudonymise('mevrouw D’Souza en d\'souza', withApostrophe)).toBe('mevrouw [achternaam] en [achternaam]');
  });

  it('replaces in one pass, so a replacement is not replaced again', () => {
    expect(pseudonymise('Anna', [{ name: 'Anna', replacement: 'Cliënt A' }, { name: 'A', replacement: 'Z' }])).toBe('Cliënt A');
  });

  it('ignores empty names and an empty list', () => {
    expect(pseudonymise('Jan', [{ name: '  ', replacement: 'X' }])).toBe('Jan');
    expect(pseudonymise('Jan', [])).toBe('Jan');
    expect(pseudonymise('', list)).toBe('');
  });

  it('keeps characters outside the BMP intact around a replacement', () => {
    expect(pseudonymise('👍 Jan 👍', list)).toBe('👍 [naam cliënt] 👍');
  });
});

describe('findListedNames', () => {
  it('lists the names found, as spelled in the list, in list order', () => {
    expect(findListedNames('zoe sprak met jan de vries en jan', list)).toEqual(['Jan', 'Jan de Vries', 'Zoë']);
  });

  it('finds nothing in pseudonymised text', () => {
    const text = "Jan's moeder en Zoë; Jan de Vries";
    expect(findListedNames(pseudonymise(text, list), list)).toEqual([]);
  });

  it('finds nothing when the name is only part of a word', () => {
    expect(findListedNames('Jansen, Janneke, januari', list)).toEqual([]);
  });
});

describe('assertNoListedNames', () => {
  it('passes clean texts', () => {
    expect(() => assertNoListedNames(['[naam cliënt] zegt', 'niets'], list)).not.toThrow();
  });

  it('throws PseudonymisationError naming the name and where', () => {
    let error: unknown;
    try {
      assertNoListedNames(['schoon', 'Zoë zegt'], list, ['note 1', 'fragment title']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PseudonymisationError);
    expect((error as PseudonymisationError).findings).toEqual([{ where: 'fragment title', names: ['Zoë'] }]);
    expect((error as Error).message).toContain('"Zoë" in fragment title');
  });

  it('numbers texts when no labels are given', () => {
    expect(() => assertNoListedNames(['a', 'b', 'jan'], list)).toThrow(/in text 3/);
  });
});

describe('createPseudonymiser().scrub', () => {
  it('refuses when a replacement brings a listed name back', () => {
    const p = createPseudonymiser([
      { name: 'Jan', replacement: 'Piet' },
      { name: 'Piet', replacement: '[naam]' },
    ]);
    expect(() => p.scrub('Jan', 'note at 0:05 (text)')).toThrow(PseudonymisationError);
    expect(() => p.scrub('Jan', 'note at 0:05 (text)')).toThrow(/"Piet" in note at 0:05 \(text\)/);
  });
});
