// Alignment decisions (shared/alignment/model.ts) in a project archive: written with the cycle
// they belong to, checked against the archive's recordings, and merged on import. A decision
// is made once and then only commented on or undone, so "the newer version wins" is enough:
// no conflict to put before the user. The joint fragments and notes decisions make are
// ordinary fragments and notes and travel as such.
import { z } from 'zod';
import { AlignmentDecision } from '../../../shared/alignment/model';
import type { SharedAlignmentDecision, Store } from '../store';
import { Author, Timestamp } from '../../../shared/input-rules';

// Stamps pass the same input rules as every other archive record (shared/input-rules.ts).
export const ArchiveAlignment = AlignmentDecision.extend({
  createdAt: Timestamp,
  updatedAt: Timestamp,
  author: Author,
  deletedAt: Timestamp.nullable(),
}).strict();
export type ArchiveAlignment = z.infer<typeof ArchiveAlignment>;

/** The cycle's decisions, undone ones included (an undo merges like an edit). */
export function alignmentsForArchive(store: Store, cycleId: string): ArchiveAlignment[] {
  return store.alignments.allOfCycle(cycleId);
}

/** A decision pointing outside the archive (recording of another cycle), or null. */
export function alignmentReferenceProblem(alignments: readonly ArchiveAlignment[], recordingCycles: ReadonlyMap<string, string>): string | null {
  for (const a of alignments) {
    if (recordingCycles.get(a.recordingId) !== a.cycleId) return `alignment decision ${a.id} points at a recording outside its cycle`;
  }
  return null;
}

/** Adds decisions new here and takes newer versions of known ones. Returns how many were written. */
export function mergeAlignments(store: Store, incoming: readonly ArchiveAlignment[]): number {
  const known = new Map<string, SharedAlignmentDecision>();
  for (const cycleId of new Set(incoming.map((a) => a.cycleId))) {
    for (const a of store.alignments.allOfCycle(cycleId)) known.set(a.id, a);
  }
  let written = 0;
  for (const theirs of incoming) {
    const mine = known.get(theirs.id);
    if (mine && mine.updatedAt >= theirs.updatedAt) continue;
    store.alignments.put(theirs);
    written++;
  }
  return written;
}
