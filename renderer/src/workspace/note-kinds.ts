import type { NoteKind } from '../../../shared/domain';
import type { TextKey } from '../i18n';

export const NOTE_KINDS: { kind: NoteKind; label: TextKey }[] = [
  { kind: 'transcript', label: 'kind.transcript' },
  { kind: 'event', label: 'kind.event' },
  { kind: 'observation', label: 'kind.observation' },
  { kind: 'question_client', label: 'kind.question_client' },
  { kind: 'question_case_manager', label: 'kind.question_case_manager' },
];

export const noteKindLabel = (kind: NoteKind): TextKey => `kind.${kind}`;
