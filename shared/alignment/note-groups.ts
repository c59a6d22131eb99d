// Notes written near each other (within a few seconds) by different researchers are about the
// same moment: grouped, so they can be kept, merged into one or marked discussed together.
// Transcript lines are not observations and are left out. A group chains: a note joins the
// group when it is within the window of the previous note in it.
export interface GroupableNote {
  id: string;
  recordingId: string;
  timeSec: number;
  author: string;
  kind: string;
}

export interface NoteGroup<N> {
  recordingId: string;
  notes: N[];
  startSec: number;
  endSec: number;
  /** The researchers whose notes are in the group. */
  authors: string[];
}

export const DEFAULT_NOTE_WINDOW_SEC = 5;

/**
 * Groups of the given authors' notes that hold notes of at least two of them; a note of only
 * one researcher, far from the others', is not a group (there is nothing to align).
 */
export function groupNearbyNotes<N extends GroupableNote>(
  notes: readonly N[],
  authors: readonly string[],
  windowSec = DEFAULT_NOTE_WINDOW_SEC,
): NoteGroup<N>[] {
  const wanted = new Set(authors);
  const byRecording = new Map<string, N[]>();
  for (const n of notes) {
    if (n.kind === 'transcript' || !wanted.has(n.author)) continue;
    byRecording.set(n.recordingId, [...(byRecording.get(n.recordingId) ?? []), n]);
  }
  const groups: NoteGroup<N>[] = [];
  for (const [recordingId, list] of byRecording) {
    const sorted = [...list].sort((a, b) => a.timeSec - b.timeSec || a.id.localeCompare(b.id));
    let current: N[] = [];
    const close = () => {
      const groupAuthors = [...new Set(current.map((n) => n.author))];
      if (groupAuthors.length >= 2) {
        groups.push({
          recordingId,
          notes: current,
          startSec: current[0]!.timeSec,
          endSec: current.at(-1)!.timeSec,
          authors: groupAuthors,
        });
      }
      current = [];
    };
    for (const n of sorted) {
      const last = current.at(-1);
      if (last && n.timeSec - last.timeSec > windowSec) close();
      current.push(n);
    }
    if (current.length > 0) close();
  }
  return groups;
}
