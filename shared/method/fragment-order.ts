// In what order fragments are shown, and under which theme a fragment belongs.
import type { Framework } from '../framework';
import { focusedThemes, openThemes } from '../framework';
import type { FragmentLike, RecordingLike } from './model';

/**
 * Precedence of themes when a fragment has several: the focused themes in the method's order
 * (authenticity, shared goal, intervention logic), then the open themes in theme order.
 * Focused themes win because fragments are picked to illustrate the focused questions, and
 * each focused question is a precondition for the next.
 */
export function themePrecedence(framework: Framework): string[] {
  return [...focusedThemes(framework), ...openThemes(framework)].map((t) => t.id);
}

/**
 * The one theme a fragment is listed under in an agenda: its first theme in themePrecedence.
 * Theme ids the framework doesn't know are ignored; null when none is left.
 */
export function primaryTheme(fragment: Pick<FragmentLike, 'themes'>, framework: Framework): string | null {
  const precedence = themePrecedence(framework);
  let best: string | null = null;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const id of fragment.themes) {
    const rank = precedence.indexOf(id);
    if (rank >= 0 && rank < bestRank) {
      best = id;
      bestRank = rank;
    }
  }
  return best;
}

/** Recording position by id; recordings not listed sort after the known ones. */
function positionOf(recordings: readonly RecordingLike[], recordingId: string): number {
  return recordings.find((r) => r.id === recordingId)?.position ?? Number.MAX_SAFE_INTEGER;
}

/** By time in the session: recording position (video 1 before video 2), then in-point, then out-point. */
export function compareByTime(recordings: readonly RecordingLike[]) {
  return (a: FragmentLike, b: FragmentLike): number =>
    positionOf(recordings, a.recordingId) - positionOf(recordings, b.recordingId) ||
    a.inSec - b.inSec ||
    a.outSec - b.outSec;
}

/** Appreciative inquiry: positive moments first, then concerns; each by time. */
export function comparePositiveFirst(recordings: readonly RecordingLike[]) {
  const byTime = compareByTime(recordings);
  const rank = (f: FragmentLike) => (f.valence === 'positive' ? 0 : 1);
  return (a: FragmentLike, b: FragmentLike): number => rank(a) - rank(b) || byTime(a, b);
}
