import type { Note } from '../../../shared/domain';

/** Index of the last note at or before `time` in notes sorted by time, or -1 (binary search: lists get long). */
export function currentNoteIndex(notes: Pick<Note, 'timeSec'>[], time: number): number {
  let lo = 0;
  let hi = notes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((notes[mid]?.timeSec ?? Infinity) <= time + 1e-6) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
