// The alignment of two researchers' analyses (afstemmen): one decision per pair of fragments,
// single fragment or group of notes. The decision names the originals (sourceIds), what was
// done, and the joint record it produced (resultId: a fragment or note written by "samen").
// The originals are never changed; undoing a decision deletes it and its joint record.
import { z } from 'zod';
import { Id } from '../domain';

export const AlignmentSubject = z.enum(['fragments', 'notes']);
export type AlignmentSubject = z.infer<typeof AlignmentSubject>;

/**
 * take: one version (sourceIds[0] is the one taken) becomes the joint fragment;
 * combine: both in one (range union or intersection, themes united), then editable;
 * discussed: talked about, not taken into the joint analysis (the comment says why);
 * keep (notes): every note of the group stays as it is;
 * merge (notes): one joint note with their texts.
 */
export const AlignmentAction = z.enum(['take', 'combine', 'discussed', 'keep', 'merge']);
export type AlignmentAction = z.infer<typeof AlignmentAction>;

export const RangeChoice = z.enum(['union', 'intersection']);
export type RangeChoice = z.infer<typeof RangeChoice>;

export const AlignmentDecision = z.object({
  id: Id,
  createdAt: z.string(),
  updatedAt: z.string(),
  author: z.string(),
  cycleId: Id,
  recordingId: Id,
  subject: AlignmentSubject,
  sourceIds: z.array(Id).min(1).max(50),
  action: AlignmentAction,
  /** The joint fragment or note made by the decision; null for discussed / keep. */
  resultId: Id.nullable(),
  /** The short note of "besproken", or why a version was chosen. */
  comment: z.string().max(2000),
  /** The researchers whose work was aligned (the joint record's author names them). */
  authors: z.array(z.string().max(200)).max(20),
});
export type AlignmentDecision = z.infer<typeof AlignmentDecision>;

/** Which actions fit which subject. */
export const ACTIONS_FOR: Record<AlignmentSubject, readonly AlignmentAction[]> = {
  fragments: ['take', 'combine', 'discussed'],
  notes: ['keep', 'merge', 'discussed'],
};

/** Author of a joint record: "samen" and the researchers, e.g. "samen (Anna & Bram)". */
export const JOINT_AUTHOR = 'samen';
export function jointAuthor(authors: readonly string[]): string {
  const names = [...new Set(authors.map((a) => a.trim()).filter((a) => a !== ''))];
  return names.length === 0 ? JOINT_AUTHOR : `${JOINT_AUTHOR} (${names.join(' & ')})`;
}
