// The alignment page's view of the cycle: which authors are compared (shared/alignment/overview.ts),
// the items to align (units.ts) and the lanes of a recording, joint records in their own lane.
import {
  alignmentUnits,
  compareAuthors,
  decisionFor,
  type AlignmentDecision,
  type AlignmentUnit,
} from '../../../shared/alignment';
import type { Workspace } from '../../../shared/contract';
import type { Fragment, Note } from '../../../shared/domain';
import type { Lane } from './alignment-lanes';

export type AlignUnit = AlignmentUnit<Fragment, Note>;

export interface AlignModel {
  authors: string[];
  left: string;
  right: string;
  units: AlignUnit[];
  joint: Set<string>;
  /** The researchers' own records (joint ones left out). */
  fragments: Fragment[];
  notes: Note[];
}

export function alignModel(
  workspace: Workspace,
  decisions: AlignmentDecision[],
  threshold: number,
  chosen: { left: string | null; right: string | null },
): AlignModel {
  const { joint, fragments, notes, authors, left, right } = compareAuthors(workspace.fragments, workspace.notes, decisions, chosen);
  const units = alignmentUnits({
    fragments,
    notes,
    authors: { left, right },
    threshold,
    recordingOrder: workspace.recordings.map((r) => r.id),
  });
  return { authors, left, right, units, joint, fragments, notes };
}

export function unitDecision(unit: AlignUnit, decisions: readonly AlignmentDecision[]): AlignmentDecision | null {
  return decisionFor(unit.ids, decisions);
}

/** Lanes of one recording: each compared author, the other authors, then the joint analysis. */
export function lanesOf(model: AlignModel, workspace: Workspace, recordingId: string, jointLabel: string): Lane[] {
  const inRecording = <T extends { recordingId: string }>(list: T[]) => list.filter((x) => x.recordingId === recordingId);
  const fragments = inRecording(model.fragments);
  const notes = inRecording(model.notes).filter((n) => n.kind !== 'transcript');
  const ordered = [model.left, model.right, ...model.authors.filter((a) => a !== model.left && a !== model.right)].filter((a) => a !== '');
  const lanes: Lane[] = ordered.map((author) => ({
    key: `author-${ordered.indexOf(author)}`,
    label: author,
    fragments: fragments.filter((f) => f.author === author),
    notes: notes.filter((n) => n.author === author),
  }));
  lanes.push({
    key: 'joint',
    label: jointLabel,
    fragments: inRecording(workspace.fragments).filter((f) => model.joint.has(f.id)),
    notes: inRecording(workspace.notes).filter((n) => model.joint.has(n.id)),
    joint: true,
  });
  return lanes;
}
