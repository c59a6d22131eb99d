// Pseudonymisation of exported text: every name on a trajectory's list is replaced by its role
// placeholder ("Jan" -> "[naam cliënt]") before anything leaves the app.
//
// Matching rules (the same for replacing and for finding, so "replaced" and "still there" agree):
// - whole words only: "Jan" matches in "Jan zegt" and "gesprek-jan.mp4", not in "Jansen" or "januari".
//   Only letters (of any script) glue to a name, so "Zoë" ends a word before "!", "Jan" does not
//   match inside "Janéé", but "2Jan", "Jan2" and a keycap emoji before "Jan" read as the name and
//   are replaced (NOT_GLUED_BEFORE, NOT_GLUED_AFTER);
// - on the folded text of name-folding.ts, so case, diacritics, invisible characters,
//   compatibility forms and look-alike letters from other scripts make no difference: "zoe"
//   matches "Zoë", "ZOË", "Zoe\u0308", "Z\u00ADoë" and a Cyrillic "Zое"; typographic
//   apostrophes count as "'";
// - between the parts of a name any run of spaces, dashes, underscores, dots or line breaks, or
//   none, is accepted: "Jan de Vries" matches "Jan-de-Vries", "jan_de.vries", "Jan de\nVries"
//   and "JanDeVries". Particles ("de", "van der") are part of the name, never matches of their own;
// - possessives: "Jan's", "Jan’s" and the Dutch "Jans" (as in "Jans moeder") are matched with
//   their ending, and written as replacement + "'s" ("[naam cliënt]'s moeder"). A bare trailing
//   apostrophe ("Kees' fiets") is left alone: it is as often a closing quote;
// - the longest name wins where names overlap: "Jan de Vries" before "Jan".
// Diminutives and inflections ("Jantje") are not guessed at: list them as names of their own.
import { foldNameParts, foldText, NAME_PART_SEPARATOR } from './name-folding';

export interface Pseudonym {
  /** The name as it may appear in notes, e.g. "Jan de Vries". */
  name: string;
  /** What it becomes in exports, e.g. "[naam cliënt]". */
  replacement: string;
}
export type PseudonymList = readonly Pseudonym[];

export interface PseudonymFinding {
  /** Where the name was found, e.g. "note at 6:11 (text)". */
  where: string;
  /** The listed names (as spelled in the list) that occur there. */
  names: string[];
}

/** An export would still contain a listed name. The message says which name and where. */
export class PseudonymisationError extends Error {
  constructor(readonly findings: PseudonymFinding[]) {
    const shown = findings
      .slice(0, 3)
      .map((f) => `${f.names.map((n) => `"${n}"`).join(', ')} in ${f.where}`)
      .join('; ');
    const more = findings.length > 3 ? ` (and ${findings.length - 3} more places)` : '';
    super(`Pseudonymisation incomplete: listed name ${shown}${more}. Nothing was exported.`);
    this.name = 'PseudonymisationError';
  }
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** What may not touch a name on either side in the folded text: a letter would make it another word. */
const NOT_GLUED_BEFORE = '(?<!\\p{L})';
const NOT_GLUED_AFTER = '(?!\\p{L})';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface CompiledEntry {
  entry: Pseudonym;
  group: string;
  suffixGroup: string;
}

interface Matcher {
  regex: RegExp;
  entries: CompiledEntry[];
}

function compile(list: PseudonymList): Matcher | null {
  const usable = list
    .map((entry, index) => ({ entry, index, parts: foldNameParts(entry.name) }))
    .map((e) => ({ ...e, folded: e.parts.join(' ') }))
    .filter((e) => e.folded !== '')
    // Longest first, so an alternation tried left to right prefers "jan de vries" over "jan".
    .sort((a, b) => b.folded.length - a.folded.length || a.index - b.index);
  if (usable.length === 0) return null;
  const entries: CompiledEntry[] = [];
  const alternatives = usable.map((u, i) => {
    const group = `n${i}`;
    const suffixGroup = `s${i}`;
    entries.push({ entry: u.entry, group, suffixGroup });
    const body = u.parts.map(escapeRegExp).join(`${NAME_PART_SEPARATOR}*`);
    const lead = WORD_CHAR.test(u.folded[0] ?? '') ? NOT_GLUED_BEFORE : '';
    const endsInWord = WORD_CHAR.test(u.folded[u.folded.length - 1] ?? '');
    const tail = endsInWord ? `(?<${suffixGroup}>'s|s)?${NOT_GLUED_AFTER}` : '';
    return `(?<${group}>${lead}${body}${tail})`;
  });
  return { regex: new RegExp(alternatives.join('|'), 'gu'), entries };
}

export interface Pseudonymiser {
  /** The text with every listed name replaced. */
  pseudonymise(text: string): string;
  /** Listed names (as spelled in the list) that occur in the text, in list order. */
  findListedNames(text: string): string[];
  /**
   * pseudonymise, then refuse (PseudonymisationError naming `where`) if a listed name is still
   * there, which happens when a replacement itself contains a listed name.
   */
  scrub(text: string, where: string): string;
}

/** Compiles the list once; use it when pseudonymising many texts with the same list. */
export function createPseudonymiser(list: PseudonymList): Pseudonymiser {
  const matcher = compile(list);

  const matches = function* (text: string) {
    if (!matcher || text === '') return;
    const folded = foldText(text);
    for (const m of folded.text.matchAll(matcher.regex)) {
      const hit = matcher.entries.find((e) => m.groups?.[e.group] !== undefined);
      if (!hit || m[0].length === 0) continue;
      const from = folded.start[m.index] ?? 0;
      const to = folded.end[m.index + m[0].length - 1] ?? text.length;
      const suffix = m.groups?.[hit.suffixGroup];
      yield { entry: hit.entry, from, to, suffix: suffix === undefined ? null : text.slice(from, to).slice(-suffix.length) };
    }
  };

  const pseudonymise = (text: string): string => {
    let out = '';
    let at = 0;
    for (const hit of matches(text)) {
      let replacement = hit.entry.replacement;
      if (hit.suffix !== null) {
        // Keep the writer's apostrophe ("’s"), and give the Dutch bare "s" one: "[naam cliënt]'s".
        replacement += hit.suffix.length === 2 ? hit.suffix : "'s";
      }
      out += text.slice(at, hit.from) + replacement;
      at = hit.to;
    }
    return at === 0 ? text : out + text.slice(at);
  };

  const findListedNames = (text: string): string[] => {
    const found = new Set<Pseudonym>();
    for (const hit of matches(text)) found.add(hit.entry);
    return list.filter((entry) => found.has(entry)).map((entry) => entry.name);
  };

  const scrub = (text: string, where: string): string => {
    const result = pseudonymise(text);
    const left = findListedNames(result);
    if (left.length > 0) throw new PseudonymisationError([{ where, names: left }]);
    return result;
  };

  return { pseudonymise, findListedNames, scrub };
}

/** Replaces every listed name in text (see the file comment for the matching rules). */
export function pseudonymise(text: string, list: PseudonymList): string {
  return createPseudonymiser(list).pseudonymise(text);
}

/** Which listed names (as spelled in the list) still occur in text, in list order. */
export function findListedNames(text: string, list: PseudonymList): string[] {
  return createPseudonymiser(list).findListedNames(text);
}

/**
 * Throws PseudonymisationError when any text still contains a listed name. `where[i]` names
 * text i in the message (default "text 1", "text 2" ...).
 */
export function assertNoListedNames(
  texts: readonly string[],
  list: PseudonymList,
  where: readonly string[] = [],
): void {
  const p = createPseudonymiser(list);
  const findings: PseudonymFinding[] = [];
  texts.forEach((text, i) => {
    const names = p.findListedNames(text);
    if (names.length > 0) findings.push({ where: where[i] ?? `text ${i + 1}`, names });
  });
  if (findings.length > 0) throw new PseudonymisationError(findings);
}
