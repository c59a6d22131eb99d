// Notes of kind question_client / question_case_manager become agenda questions.
import type { NoteKind } from '../domain';
import type { NoteLike, RecordingLike } from './model';

// Researchers often start the box with "Vraag voor de cliënt:"; the agenda section says that already.
const QUESTION_PREFIX =
  /^\s*(?:vraag\s+(?:voor|aan)\s+(?:de\s+)?(?:cli[eë]nt|klantmanager|werkregisseur|km)|questions?\s+for\s+(?:the\s+)?(?:client|case\s+manager))\s*:\s*/i;

/** The note's text without a leading "Vraag voor de cliënt:" / "Question for the case manager:". */
export function questionFromNote(text: string): string {
  return text.replace(QUESTION_PREFIX, '').trim();
}

/** The notes of one question kind, by recording position then time. */
export function questionNotes(
  notes: readonly NoteLike[],
  kind: Extract<NoteKind, 'question_client' | 'question_case_manager'>,
  recordings: readonly RecordingLike[],
): NoteLike[] {
  const position = (n: NoteLike) => recordings.find((r) => r.id === n.recordingId)?.position ?? Number.MAX_SAFE_INTEGER;
  return notes
    .filter((n) => n.kind === kind && n.text.trim() !== '')
    .sort((a, b) => position(a) - position(b) || a.timeSec - b.timeSec);
}
