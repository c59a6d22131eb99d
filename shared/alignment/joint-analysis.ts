// The alignment decisions as pure functions: the joint fragment a decision makes from its
// originals, which decisions cover which pairs (progress), and the joint analysis the agendas
// are built from.
import type { Valence } from '../domain';
import type { AlignmentDecision, RangeChoice } from './model';
import type { Span } from './overlap';

export interface AlignableFragment extends Span {
  id: string;
  title: string;
  note: string;
  valence: Valence;
  themes: readonly string[];
  forClient: boolean;
  forCaseManager: boolean;
}

/** What a joint fragment holds (stored as a fragment by "samen"). */
export interface JointFragmentDraft {
  inSec: number;
  outSec: number;
  title: string;
  note: string;
  valence: Valence;
  themes: string[];
  forClient: boolean;
  forCaseManager: boolean;
}

const unique = (values: readonly string[]) => [...new Set(values)];
const joinTexts = (texts: readonly string[], separator: string) =>
  unique(texts.map((t) => t.trim()).filter((t) => t !== '')).join(separator);

/** One version as the joint fragment (a copy: the original stays as its author left it). */
export function takeVersion(fragment: AlignableFragment): JointFragmentDraft {
  return {
    inSec: fragment.inSec,
    outSec: fragment.outSec,
    title: fragment.title,
    note: fragment.note,
    valence: fragment.valence,
    themes: [...fragment.themes],
    forClient: fragment.forClient,
    forCaseManager: fragment.forCaseManager,
  };
}

/**
 * Both versions in one: the range of both (union) or what both marked (intersection; when they
 * don't overlap, the union), all themes, both titles and notes where they differ, marked for
 * the interview or the meeting when either marked it. Valence: the first's; the user edits it
 * when they read it differently (the pair list shows the difference).
 */
export function combineFragments(fragments: readonly AlignableFragment[], range: RangeChoice): JointFragmentDraft {
  const first = fragments[0];
  if (!first) throw new Error('combineFragments: no fragments');
  let inSec = Math.min(...fragments.map((f) => f.inSec));
  let outSec = Math.max(...fragments.map((f) => f.outSec));
  if (range === 'intersection') {
    const from = Math.max(...fragments.map((f) => f.inSec));
    const to = Math.min(...fragments.map((f) => f.outSec));
    if (to > from) [inSec, outSec] = [from, to];
  }
  return {
    inSec,
    outSec,
    title: joinTexts(fragments.map((f) => f.title), ' / '),
    note: joinTexts(fragments.map((f) => f.note), '\n\n'),
    valence: first.valence,
    themes: unique(fragments.flatMap((f) => f.themes)),
    forClient: fragments.some((f) => f.forClient),
    forCaseManager: fragments.some((f) => f.forCaseManager),
  };
}

/** One note from a group: the texts in time order, each with its author. */
export function mergeNoteTexts(notes: readonly { text: string; author: string; timeSec: number }[]): string {
  return [...notes]
    .sort((a, b) => a.timeSec - b.timeSec)
    .filter((n) => n.text.trim() !== '')
    .map((n) => `${n.text.trim()} (${n.author})`)
    .join('\n');
}

type LiveDecision = Pick<AlignmentDecision, 'id' | 'sourceIds' | 'action' | 'resultId'>;

/** The live decision that covers all of `ids`, if any (the newest when several). */
export function decisionFor<D extends LiveDecision>(ids: readonly string[], decisions: readonly D[]): D | null {
  for (let i = decisions.length - 1; i >= 0; i--) {
    const d = decisions[i]!;
    if (ids.every((id) => d.sourceIds.includes(id))) return d;
  }
  return null;
}

/** "12 of 19 aligned": units (pairs, singles, note groups) whose records a decision covers. */
export function alignmentProgress(units: readonly (readonly string[])[], decisions: readonly LiveDecision[]): { done: number; total: number } {
  return { done: units.filter((ids) => decisionFor(ids, decisions) !== null).length, total: units.length };
}

/**
 * The analysis the agendas use. Without decisions: everything, as before alignment. With them:
 * the joint records (they are ordinary fragments and notes) take the place of the originals they
 * were made from, and originals marked "besproken" stay out; what nobody aligned yet stays in,
 * so a half-finished alignment loses nothing. "keep" leaves its notes in.
 */
export function jointAnalysis<F extends { id: string }, N extends { id: string }>(
  fragments: readonly F[],
  notes: readonly N[],
  decisions: readonly LiveDecision[],
): { fragments: F[]; notes: N[] } {
  const replaced = new Set(decisions.filter((d) => d.action !== 'keep').flatMap((d) => d.sourceIds));
  return {
    fragments: fragments.filter((f) => !replaced.has(f.id)),
    notes: notes.filter((n) => !replaced.has(n.id)),
  };
}

/** Ids of the joint records (to show them in their own lane, not under an author). */
export function jointRecordIds(decisions: readonly LiveDecision[]): Set<string> {
  return new Set(decisions.map((d) => d.resultId).filter((id): id is string => id !== null));
}
