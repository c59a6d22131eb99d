// The conventions VKZ uses inside ELAN's EAF format, shared by export and import.
//
// - What a tier holds is told by its linguistic type: "vkz-transcript", "vkz-observation" ...
//   for notes of that kind, "vkz-fragment" for fragments. Tier ids are for people and may be
//   renamed in ELAN without losing anything; tiers of any other type are someone else's and
//   are read as transcript lines.
// - ANNOTATOR is the note's author. PARTICIPANT is whose speech a tier holds (ELAN's meaning):
//   the speaker on transcript tiers, the researcher on the others.
// - A fragment's annotation value is one header line, then the fragment's note (if any):
//     Title [themes: authenticity, shared-goal] {valence: positive}
//     the note, possibly over several lines
//   The [themes: ...] block is always written (empty when there are none), so a title that
//   itself contains brackets cannot be mistaken for it: the last block on the line counts.
import type { NoteKind, Valence } from '../domain';

export class EafParseError extends Error {
  constructor(detail: string) {
    super(`Not a usable ELAN (.eaf) file: ${detail}`);
    this.name = 'EafParseError';
  }
}

export const NOTE_KINDS: readonly NoteKind[] = ['transcript', 'event', 'observation', 'question_client', 'question_case_manager'];
const FRAGMENT_TYPE = 'vkz-fragment';

export function noteLinguisticType(kind: NoteKind): string {
  return `vkz-${kind}`;
}
export const FRAGMENT_LINGUISTIC_TYPE = FRAGMENT_TYPE;

/** The note kind a VKZ linguistic type stands for; null for fragments and foreign types. */
export function kindOfLinguisticType(type: string): NoteKind | null {
  return NOTE_KINDS.find((k) => noteLinguisticType(k) === type) ?? null;
}

export interface FragmentValue {
  title: string;
  themes: string[];
  valence: Valence;
  note: string;
}

/** Valence when a fragment annotation doesn't say (edited in ELAN): the app's own default. */
export const DEFAULT_FRAGMENT_VALENCE: Valence = 'positive';

export function formatFragmentValue(f: FragmentValue): string {
  const title = f.title.replace(/\s+/g, ' ').trim();
  const header = `${title} [themes: ${f.themes.join(', ')}] {valence: ${f.valence}}`;
  return f.note === '' ? header : `${header}\n${f.note}`;
}

const FRAGMENT_HEADER = /^(.*?)\s*\[themes:([^\]\n]*)\]\s*\{valence:\s*([a-z_-]*)\s*\}\s*$/;

/** Reads a fragment value; a header ELAN users rewrote freely becomes the title. */
export function parseFragmentValue(value: string): FragmentValue {
  const newline = value.indexOf('\n');
  const header = newline < 0 ? value : value.slice(0, newline);
  const note = newline < 0 ? '' : value.slice(newline + 1);
  // Greedy title: with two [themes: ...] blocks on the line, the last one is the real one.
  const m = /^(.*)\s\[themes:([^\]\n]*)\]\s*\{valence:\s*([a-z_-]*)\s*\}\s*$/.exec(header) ?? FRAGMENT_HEADER.exec(header);
  if (!m) return { title: header.trim(), themes: [], valence: DEFAULT_FRAGMENT_VALENCE, note };
  const valence: Valence = m[3] === 'concern' ? 'concern' : m[3] === 'positive' ? 'positive' : DEFAULT_FRAGMENT_VALENCE;
  const themes = (m[2] ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  return { title: (m[1] ?? '').trim(), themes, valence, note };
}
