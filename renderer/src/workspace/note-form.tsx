// Writing or editing a note: its time (typed in the method's notation, or taken from the
// playhead), kind, speaker for transcript lines, and text. What is typed is stored as it is typed
// (useAutosave); Enter stores what is not stored yet and closes, Shift+Enter is a new line,
// Escape cancels.
import { useMemo, useRef, useState } from 'react';
import type { NoteKind } from '../../../shared/domain';
import { formatTimecode, parseTimecode } from '../../../shared/timecode';
import { useAutosave } from '../components/use-autosave';
import { useI18n } from '../i18n';
import { NOTE_KINDS } from './note-kinds';

export interface NoteDraft {
  timeSec: number;
  kind: NoteKind;
  speaker: string;
  text: string;
}

export const sameDraft = (a: NoteDraft, b: NoteDraft) =>
  a.timeSec === b.timeSec && a.kind === b.kind && a.speaker === b.speaker && a.text === b.text;

export function NoteForm({
  initial,
  playheadSec,
  submitLabel,
  onStore,
  onDone,
  onCancel,
}: {
  initial: NoteDraft;
  playheadSec: () => number;
  submitLabel: string;
  /** Stores a draft (a moment after each change, and on Enter); false when that failed. */
  onStore: (draft: NoteDraft) => Promise<boolean>;
  /** Enter, once the draft is stored. */
  onDone: () => void;
  /** Escape, once saves under way are done and nothing more will be stored. */
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [timeText, setTimeText] = useState(formatTimecode(initial.timeSec, { fractionDigits: 2 }));
  const [kind, setKind] = useState(initial.kind);
  const [speaker, setSpeaker] = useState(initial.speaker);
  const [text, setText] = useState(initial.text);
  const timeSec = parseTimecode(timeText);
  const valid = timeSec !== null && text.trim() !== '';

  const draft = useMemo<NoteDraft | null>(
    () => (valid && timeSec !== null ? { timeSec, kind, speaker: speaker.trim(), text: text.trim() } : null),
    [valid, timeSec, kind, speaker, text],
  );
  const autosave = useAutosave(draft, onStore, { equals: sameDraft });

  // After Enter the note is in the list while the store still works on it: Escape then doesn't
  // take it back (the form closes when it is stored, or stays with the text when that failed).
  const submitting = useRef(false);
  const submit = () => {
    if (!draft || submitting.current) return;
    submitting.current = true;
    void autosave.flush().then((stored) => {
      submitting.current = false;
      if (stored) onDone();
    });
  };
  const cancel = () => {
    if (!submitting.current) void autosave.discard().then(onCancel);
  };

  return (
    <form
      className="note-form"
      aria-label={submitLabel}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          cancel();
        }
      }}
    >
      <div className="note-form-row">
        <input
          className="time-input"
          value={timeText}
          aria-label={t('notes.time')}
          aria-invalid={timeSec === null}
          onChange={(e) => setTimeText(e.target.value)}
        />
        <button type="button" onClick={() => setTimeText(formatTimecode(playheadSec(), { fractionDigits: 2 }))}>
          {t('notes.toPlayhead')}
        </button>
        <select value={kind} aria-label={t('notes.kind')} onChange={(e) => setKind(e.target.value as NoteKind)}>
          {NOTE_KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {t(k.label)}
            </option>
          ))}
        </select>
        {kind === 'transcript' && (
          <input
            className="speaker-input"
            value={speaker}
            placeholder={t('notes.speaker')}
            aria-label={t('notes.speaker')}
            onChange={(e) => setSpeaker(e.target.value)}
          />
        )}
      </div>
      <textarea
        value={text}
        autoFocus
        rows={3}
        aria-label={t('notes.text')}
        placeholder={t('notes.textPlaceholder')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            submit();
          }
        }}
      />
      <div className="button-row">
        <button type="submit" className="primary" disabled={!valid}>
          {submitLabel}
        </button>
        <button type="button" onClick={cancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
