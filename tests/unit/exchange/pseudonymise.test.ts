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
    ['a digit does not glue to a name', '2Jan', '2[naam cliënt]'],
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

// Every way a listed name can be written so that it reads as the name, and names that must not
// match. Cyrillic а (U+0430), е (U+0435), Ј (U+0408); Greek α (U+03B1), Ι (U+0399).
describe('names written the way a reader still reads them', () => {
  const names: PseudonymList = [
    { name: 'Jan', replacement: '[C]' },
    { name: 'Jan de Vries', replacement: '[CV]' },
    { name: 'van der Berg', replacement: '[B]' },
    { name: 'Anne-Marie', replacement: '[AM]' },
  ];
  it.each([
    ['soft hyphen inside', 'Ja\u00ADn belt', '[C] belt'],
    ['zero-width space inside', 'J\u200Ban belt', '[C] belt'],
    ['zero-width joiner and non-joiner', 'J\u200Da\u200Cn belt', '[C] belt'],
    ['word joiner inside', 'Ja\u2060n belt', '[C] belt'],
    ['byte order mark inside', 'J\uFEFFan belt', '[C] belt'],
    ['bidi mark inside', 'J\u200Ean belt', '[C] belt'],
    ['invisible at the end goes along', 'Jan\u200B belt', '[C] belt'],
    ['invisible at the start goes along', 'zegt \uFEFFJan, en \u200B\u00ADJan de Vries', 'zegt [C], en [CV]'],
    ['full-width letters', 'Ｊａｎ belt', '[C] belt'],
    ['Cyrillic a', 'J\u0430n belt', '[C] belt'],
    ['Cyrillic J and a', '\u0408\u0430n belt', '[C] belt'],
    ['Greek alpha', 'J\u03B1n de Vries zegt', '[CV] zegt'],
    ['Cyrillic e and o', 'Jan d\u0435 Vri\u0435s, van d\u0435r B\u0435rg', '[CV], [B]'],
    ['Greek capital iota', 'Jan de Vr\u0399es', '[CV]'],
    ['dash between parts', 'Jan-de-Vries', '[CV]'],
    ['en dash and spaces', 'Jan – de – Vries', '[CV]'],
    ['underscores', 'notes_jan_de_vries.txt', 'notes_[CV].txt'],
    ['dots', 'J. de Vries en jan.de.vries', 'J. de Vries en [CV]'],
    ['line break between parts', 'Jan de\nVries', '[CV]'],
    ['parts joined', 'JanDeVries kwam', '[CV] kwam'],
    ['parts joined, lower case', 'jandevries@example', '[CV]@example'],
    ['hyphenated name joined', 'AnneMarie en Anne Marie en anne_marie', '[AM] en [AM] en [AM]'],
    ['particles belong to the name', 'mevrouw Van Der Berg', 'mevrouw [B]'],
    ['particles joined', 'VanDerBerg', '[B]'],
    ['several tricks at once', 'J\u0430\u00ADn-d\u0435_V\u200Bries', '[CV]'],
    ['the rest of the text untouched', 'Zo\u200B zei J\u0430n: “nee”.', 'Zo\u200B zei [C]: “nee”.'],
    // Letters glue to a name, digits and symbols do not: "2Jan" reads as the name.
    ['a digit right before', '2Jan kwam, 10Jan de Vries', '2[C] kwam, 10[CV]'],
    ['a digit right after', 'Jan2 en Jan de Vries1', '[C]2 en [CV]1'],
    ['a keycap right before', '1\uFE0F\u20E3Jan zei', '1\uFE0F\u20E3[C] zei'],
    ['a symbol right before', '#Jan @Jan ❤Jan', '#[C] @[C] ❤[C]'],
    // A variation selector belongs to the emoji before it: it stays, and the name is replaced.
    ['an emoji with a variation selector right before', '❤\uFE0FJan zei', '❤\uFE0F[C] zei'],
    ['a symbol with a text variation selector right before', '☎\uFE0EJan', '☎\uFE0E[C]'],
    ['a flag with tag characters right before', '🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}Jan', '🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}[C]'],
  ])('%s', (_label, text, expected) => {
    expect(pseudonymise(text, names)).toBe(expected);
    expect(findListedNames(pseudonymise(text, names), names)).toEqual([]);
  });

  it.each([
    ['a longer name that starts with it', 'Janssen'],
    ['a longer name before the particles', 'Janssen de Vries'],
    ['a word that starts with it', 'januari, Janneke'],
    ['a particle alone', 'de vries van der'],
    ['part of a compound', 'Bergen, vanderbergen'],
    ['a dot inside a word is no join', 'J.an'],
    ['a longer name with a digit after it', 'Janssen2, 2Janssen'],
    ['a digit between letters', 'J4n, Ja1n'],
  ])('does not match %s', (_label, text) => {
    expect(pseudonymise(text, names)).toBe(text);
    expect(findListedNames(text, names)).toEqual([]);
  });

  it('lets the guard see every variant, so an export that kept one is refused', () => {
    const variants = ['Ja\u00ADn', 'J\u0430n', 'Jan-de-Vries', 'JanDeVries', 'Ｊan', '2Jan', '1\uFE0F\u20E3Jan'];
    for (const v of variants) {
      expect(() => assertNoListedNames([`tekst ${v} tekst`], names, ['note'])).toThrow(PseudonymisationError);
    }
  });
});
