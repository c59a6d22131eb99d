// How much two time ranges overlap, as one number between 0 and 1.
//
// We use the intersection over union (IoU, the Jaccard index of the two ranges): the seconds
// both researchers marked, divided by the seconds either marked. It is symmetric, it is the
// usual measure for matching time segments, and a long fragment does not "match" every short
// one inside it (which an overlap relative to the shorter fragment would allow: 10 s inside 60 s
// counts as 1.0 there and 0.17 here). Researchers' margins differ by a few seconds, so the
// default threshold is lenient (DEFAULT_OVERLAP_THRESHOLD); the user can change it.
export interface Span {
  inSec: number;
  outSec: number;
}

export const DEFAULT_OVERLAP_THRESHOLD = 0.3;
/** Below this two ranges could "pair" without sharing a second worth speaking of. */
export const MIN_OVERLAP_THRESHOLD = 0.05;

export function intersectionSeconds(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.outSec, b.outSec) - Math.max(a.inSec, b.inSec));
}

/** Intersection over union of two ranges: 0 when they don't touch, 1 when they are equal. */
export function overlapOf(a: Span, b: Span): number {
  const shared = intersectionSeconds(a, b);
  if (shared <= 0) return 0;
  const union = Math.max(a.outSec, b.outSec) - Math.min(a.inSec, b.inSec);
  return union > 0 ? shared / union : 0;
}

/** A threshold as the user may set it: a number in [MIN_OVERLAP_THRESHOLD, 1]; anything else the default. */
export function validThreshold(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= MIN_OVERLAP_THRESHOLD && value <= 1
    ? value
    : DEFAULT_OVERLAP_THRESHOLD;
}
