// The list the researchers work through when aligning: each pair, each single fragment and
// each group of nearby notes is one unit, in the order of the recordings and then of time.
import { groupNearbyNotes, type GroupableNote, type NoteGroup } from './note-groups';
import { pairFragments, type FragmentPair, type FragmentSingle, type PairableFragment } from './pairing';

export type AlignmentUnit<F, N> =
  | { kind: 'pair'; key: string; recordingId: string; startSec: number; endSec: number; ids: string[]; pair: FragmentPair<F> }
  | { kind: 'single'; key: string; recordingId: string; startSec: number; endSec: number; ids: string[]; single: FragmentSingle<F> }
  | { kind: 'notes'; key: string; recordingId: string; startSec: number; endSec: number; ids: string[]; group: NoteGroup<N> };

export interface UnitsInput<F, N> {
  fragments: readonly F[];
  notes: readonly N[];
  authors: { left: string; right: string };
  threshold: number;
  /** Recording ids in their order in the cycle. */
  recordingOrder: readonly string[];
  noteWindowSec?: number;
}

export function alignmentUnits<F extends PairableFragment, N extends GroupableNote>(input: UnitsInput<F, N>): AlignmentUnit<F, N>[] {
  const { pairs, singles } = pairFragments(input.fragments, input.authors, input.threshold);
  const groups = groupNearbyNotes(input.notes, [input.authors.left, input.authors.right], input.noteWindowSec);
  const units: AlignmentUnit<F, N>[] = [
    ...pairs.map((pair) => ({
      kind: 'pair' as const,
      key: `pair:${pair.left.id}:${pair.right.id}`,
      recordingId: pair.left.recordingId,
      startSec: Math.min(pair.left.inSec, pair.right.inSec),
      endSec: Math.max(pair.left.outSec, pair.right.outSec),
      ids: [pair.left.id, pair.right.id],
      pair,
    })),
    ...singles.map((single) => ({
      kind: 'single' as const,
      key: `single:${single.fragment.id}`,
      recordingId: single.fragment.recordingId,
      startSec: single.fragment.inSec,
      endSec: single.fragment.outSec,
      ids: [single.fragment.id],
      single,
    })),
    ...groups.map((group) => ({
      kind: 'notes' as const,
      key: `notes:${group.notes.map((n) => n.id).join(':')}`,
      recordingId: group.recordingId,
      startSec: group.startSec,
      endSec: group.endSec,
      ids: group.notes.map((n) => n.id),
      group,
    })),
  ];
  const position = new Map(input.recordingOrder.map((id, i) => [id, i]));
  return units.sort(
    (a, b) => (position.get(a.recordingId) ?? 0) - (position.get(b.recordingId) ?? 0) || a.startSec - b.startSec || a.key.localeCompare(b.key),
  );
}
