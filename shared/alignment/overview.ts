// Who is compared with whom, and how far the alignment got: shared by the alignment page and
// the report. Joint records ("samen") are kept out of the comparison; by default the two
// researchers with the most fragments and notes are compared (alphabetical on a tie).
import { agreementTable, type AgreementRow, type GridFragment, type GridRecording } from './agreement';
import { alignmentProgress, jointRecordIds } from './joint-analysis';
import type { AlignmentDecision } from './model';
import type { GroupableNote } from './note-groups';
import { authorsOf } from './pairing';
import { alignmentUnits } from './units';

type LiveDecision = Pick<AlignmentDecision, 'id' | 'sourceIds' | 'action' | 'resultId'>;

export interface Comparison<F, N> {
  joint: Set<string>;
  /** The researchers' own records. */
  fragments: F[];
  notes: N[];
  authors: string[];
  left: string;
  right: string;
}

export function compareAuthors<F extends { id: string; author: string }, N extends { id: string; author: string; kind: string }>(
  fragments: readonly F[],
  notes: readonly N[],
  decisions: readonly LiveDecision[],
  chosen: { left?: string | null; right?: string | null } = {},
): Comparison<F, N> {
  const joint = jointRecordIds(decisions);
  const own = fragments.filter((f) => !joint.has(f.id));
  const ownNotes = notes.filter((n) => !joint.has(n.id));
  const authors = authorsOf([...own, ...ownNotes.filter((n) => n.kind !== 'transcript')]);
  const left = chosen.left && authors.includes(chosen.left) ? chosen.left : (authors[0] ?? '');
  const right =
    chosen.right && authors.includes(chosen.right) && chosen.right !== left ? chosen.right : (authors.find((a) => a !== left) ?? '');
  return { joint, fragments: own, notes: ownNotes, authors, left, right };
}

export interface AlignmentSummary {
  left: string;
  right: string;
  threshold: number;
  aligned: { done: number; total: number };
  rows: AgreementRow[];
}

/** What the report says about the alignment of a cycle; null when there are not two researchers to compare. */
export function alignmentSummary<F extends GridFragment, N extends GroupableNote>(input: {
  fragments: readonly F[];
  notes: readonly N[];
  recordings: readonly GridRecording[];
  decisions: readonly LiveDecision[];
  threshold: number;
  themeIds: readonly string[];
}): AlignmentSummary | null {
  const c = compareAuthors(input.fragments, input.notes, input.decisions);
  if (!c.left || !c.right) return null;
  const authors = { left: c.left, right: c.right };
  const units = alignmentUnits({
    fragments: c.fragments,
    notes: c.notes,
    authors,
    threshold: input.threshold,
    recordingOrder: input.recordings.map((r) => r.id),
  });
  return {
    ...authors,
    threshold: input.threshold,
    aligned: alignmentProgress(units.map((u) => u.ids), input.decisions),
    rows: agreementTable({ recordings: input.recordings, fragments: c.fragments, authors, threshold: input.threshold, themeIds: input.themeIds }),
  };
}
