// What differs between the two fragments of a pair, for the list of pairs: themes (which only
// one of them chose), valence, in and out points, the title and the note.
import type { Valence } from '../domain';

export interface ComparableFragment {
  inSec: number;
  outSec: number;
  title: string;
  note: string;
  valence: Valence;
  themes: readonly string[];
}

export interface PairDifferences {
  themesBoth: string[];
  themesOnlyLeft: string[];
  themesOnlyRight: string[];
  valence: { left: Valence; right: Valence } | null;
  /** right minus left, in seconds; 0 when equal within a tenth of a second. */
  inDeltaSec: number;
  outDeltaSec: number;
  title: boolean;
  note: boolean;
  /** Nothing a person would call a difference (times within a tenth of a second). */
  same: boolean;
}

/** Times closer than this are "the same moment" (frame rounding, typed vs. marked). */
const SAME_TIME_SEC = 0.1;

const delta = (a: number, b: number) => (Math.abs(b - a) < SAME_TIME_SEC ? 0 : b - a);
const normalised = (text: string) => text.trim().replace(/\s+/g, ' ');

export function differencesOf(left: ComparableFragment, right: ComparableFragment): PairDifferences {
  const l = new Set(left.themes);
  const r = new Set(right.themes);
  const result: PairDifferences = {
    themesBoth: left.themes.filter((t) => r.has(t)),
    themesOnlyLeft: left.themes.filter((t) => !r.has(t)),
    themesOnlyRight: right.themes.filter((t) => !l.has(t)),
    valence: left.valence === right.valence ? null : { left: left.valence, right: right.valence },
    inDeltaSec: delta(left.inSec, right.inSec),
    outDeltaSec: delta(left.outSec, right.outSec),
    title: normalised(left.title) !== normalised(right.title),
    note: normalised(left.note) !== normalised(right.note),
    same: false,
  };
  result.same =
    result.themesOnlyLeft.length === 0 &&
    result.themesOnlyRight.length === 0 &&
    result.valence === null &&
    result.inDeltaSec === 0 &&
    result.outDeltaSec === 0 &&
    !result.title &&
    !result.note;
  return result;
}
