// How an incoming record (theirs) meets the local one (mine): the merge rule of project
// exchange, as pure functions.
//
// Records are matched by id. What counts as the record's content is `contentOf` below: the
// fields a researcher edits, not the stamps (created/updated/author) and not what is local to a
// machine (file paths, proxies). Soft deletion is content ("deleted": true), so a deletion
// merges like an edit.
//
// Both sides remember, per record, the content hash of the version last shared through an
// archive (the merge log; the sender writes its entry into the archive as `syncedHash`). Those
// versions are the BASE: versions both sides are known to have had. Then:
//
//   no local record                          -> add theirs
//   same content                             -> nothing
//   only theirs changed since a base         -> take theirs, if it is newer (updatedAt);
//                                               an older "change" is a conflict
//   only mine changed since a base           -> keep mine, if it is at least as new;
//                                               otherwise a conflict
//   neither differs from a base (two bases)  -> the newer one
//   mine is the version last shared here and theirs is older than that
//                                            -> keep mine (an old archive imported again)
//   both changed (or no base known)          -> CONFLICT: shown to the user with both versions;
//                                               mine stays as it is until the user chooses
//
// "Newer" compares updatedAt; it only ever decides between versions the rule already knows
// are related, so a wrong clock can cause an extra question, never a silent loss.
//
// Choosing "mine" in a conflict stamps the local record anew (updatedAt now, the chooser as
// author): the choice is an edit, and the other side then takes it without asking again.
import { createHash } from 'node:crypto';

export type MergeDecision = 'add' | 'same' | 'take-theirs' | 'keep-mine' | 'conflict';

export interface MergeInput {
  /** Content hash of the local record, or null when there is none. */
  localHash: string | null;
  localUpdatedAt: string | null;
  theirsHash: string;
  theirsUpdatedAt: string;
  /** This side's merge-log hash for the record (the last version shared), if any. */
  myBaseHash: string | null;
  /** updatedAt of that version. */
  myBaseUpdatedAt?: string | null;
  /** The sender's merge-log hash, from the archive. */
  theirBaseHash: string | null;
}

export function decideMerge(input: MergeInput): MergeDecision {
  if (input.localHash === null) return 'add';
  if (input.localHash === input.theirsHash) return 'same';
  const base = new Set([input.myBaseHash, input.theirBaseHash].filter((h): h is string => h !== null));
  const mineChanged = !base.has(input.localHash);
  const theirsChanged = !base.has(input.theirsHash);
  const theirsNewer = input.theirsUpdatedAt > (input.localUpdatedAt ?? '');
  if (mineChanged && theirsChanged) return 'conflict';
  // An older archive again (theirs predates the version last shared here) while mine is that version.
  if (!mineChanged && input.myBaseHash === input.localHash && input.myBaseUpdatedAt && input.theirsUpdatedAt < input.myBaseUpdatedAt) {
    return 'keep-mine';
  }
  if (theirsChanged) return theirsNewer ? 'take-theirs' : 'conflict';
  if (mineChanged) return theirsNewer ? 'conflict' : 'keep-mine';
  return theirsNewer ? 'take-theirs' : 'keep-mine';
}

/** Canonical JSON: object keys sorted, so equal content always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function hashContent(content: unknown): string {
  return createHash('sha256').update(canonical(content)).digest('hex');
}

// What each kind of record holds that a person edits. Cycle numbers are left out: they are
// given when a cycle is made, and an import may give an incoming cycle another number when its
// own is taken here. A recording's file (name, path, probe) is the machine's own.
export const contentOf = {
  trajectory: (t: { caseManager: string; client: string }) => ({ caseManager: t.caseManager, client: t.client }),
  cycle: (c: { trajectoryId: string; title: string; date: string | null }) => ({ trajectoryId: c.trajectoryId, title: c.title, date: c.date }),
  recording: (r: { cycleId: string; position: number }) => ({ cycleId: r.cycleId, position: r.position }),
  note: (n: {
    cycleId: string;
    recordingId: string;
    timeSec: number;
    kind: string;
    text: string;
    speaker: string;
    deletedAt: string | null;
  }) => ({
    cycleId: n.cycleId,
    recordingId: n.recordingId,
    timeSec: n.timeSec,
    kind: n.kind,
    text: n.text,
    speaker: n.speaker,
    deleted: n.deletedAt !== null,
  }),
  fragment: (f: {
    cycleId: string;
    recordingId: string;
    inSec: number;
    outSec: number;
    title: string;
    note: string;
    valence: string;
    themes: readonly string[];
    forClient: boolean;
    forCaseManager: boolean;
    stillSec?: number | null;
    deletedAt: string | null;
  }) => ({
    cycleId: f.cycleId,
    recordingId: f.recordingId,
    inSec: f.inSec,
    outSec: f.outSec,
    title: f.title,
    note: f.note,
    valence: f.valence,
    themes: [...f.themes],
    forClient: f.forClient,
    forCaseManager: f.forCaseManager,
    // Left out when not chosen (undefined is not hashed): fragments without a still moment keep
    // the hash they had before the field existed, so merge logs written then still match.
    stillSec: f.stillSec ?? undefined,
    deleted: f.deletedAt !== null,
  }),
  method: (m: { doc: unknown }) => m.doc,
  // Pseudonyms are not in here: lists are always united (see unitePseudonyms), never chosen.
  report_settings: (s: { background: string }) => ({ background: s.background }),
} as const;

export interface PseudonymPair {
  name: string;
  replacement: string;
}

/**
 * Both lists together: every name listed on either side stays listed (a name dropped in a
 * merge would appear unreplaced in the next export). On the same name, mine wins.
 */
export function unitePseudonyms(mine: readonly PseudonymPair[], theirs: readonly PseudonymPair[]): PseudonymPair[] {
  const key = (name: string) => name.trim().toLocaleLowerCase('nl');
  const seen = new Set(mine.map((p) => key(p.name)));
  return [...mine, ...theirs.filter((p) => !seen.has(key(p.name)))];
}
