// The order of a cycle's notes in the workspace: the store's (NotesRepo.listByCycle): by
// recording in the cycle's order, then time, then the order they were made (then id). The store
// sorts once; the workspace keeps that order as notes change, putting a new or moved note in its
// place by binary search instead of sorting 10,000 notes again.
import type { Note } from '../../../shared/domain';

export type NoteOrder = (a: Note, b: Note) => number;

/** Plain comparison of the strings' code units, as SQLite's default (BINARY) collation does. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The store's note order for a cycle whose recordings are listed in their order. */
export function noteOrder(recordings: readonly { id: string }[]): NoteOrder {
  const position = new Map(recordings.map((r, i) => [r.id, i]));
  const at = (note: Note) => position.get(note.recordingId) ?? recordings.length;
  return (a, b) =>
    at(a) - at(b) || a.timeSec - b.timeSec || compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id);
}

/** A copy of sorted `list` with `item` at its place (after its equals). */
export function insertSorted<T>(list: readonly T[], item: T, order: (a: T, b: T) => number): T[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order(list[mid]!, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  const copy = list.slice();
  copy.splice(lo, 0, item);
  return copy;
}

/**
 * A copy of sorted `list` with `item` (new or changed) at its place: replaced where it is when its
 * place is unchanged (an edit of the text), else moved by binary search.
 */
export function placeSorted<T extends { id: string }>(list: readonly T[], item: T, order: (a: T, b: T) => number): T[] {
  const at = list.findIndex((x) => x.id === item.id);
  if (at >= 0) {
    const before = list[at - 1];
    const after = list[at + 1];
    if ((!before || order(before, item) <= 0) && (!after || order(item, after) <= 0)) {
      const copy = list.slice();
      copy[at] = item;
      return copy;
    }
  }
  return insertSorted(at >= 0 ? [...list.slice(0, at), ...list.slice(at + 1)] : list, item, order);
}
