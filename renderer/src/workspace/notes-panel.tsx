// The observation blocks of the recording on screen, ordered by time. The list follows the
// playhead; clicking a note's time seeks there.
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import type { Note } from '../../../shared/domain';
import { formatTimecode } from '../../../shared/timecode';
import { Icon } from '../components/icon';
import { VirtualList } from '../components/virtual-list';
import { useI18n } from '../i18n';
import type { PlayerAdapter } from '../player/player-adapter';
import { usePlayerSelector } from '../player/use-player-state';
import { currentNoteIndex } from './current-note';
import { NoteForm, type NoteDraft } from './note-form';
import { noteKindLabel } from './note-kinds';
import type { WorkspaceActions } from './use-workspace';
import { useEditControl } from '../startup/read-only';

const noteKey = (note: Note) => note.id;


const NoteRow = memo(function NoteRow({
  note,
  current,
  editing,
  onSeek,
  onEdit,
  onRetime,
  onDelete,
}: {
  note: Note;
  current: boolean;
  editing: boolean;
  onSeek: (note: Note) => void;
  onEdit: (note: Note) => void;
  onRetime: (note: Note) => void;
  onDelete: (note: Note) => void;
}) {
  const { t } = useI18n();
  const editControl = useEditControl();
  return (
    <div
      role="listitem"
      className={`note kind-${note.kind}${current ? ' current' : ''}${editing ? ' editing' : ''}`}
      data-testid="note"
      data-time={note.timeSec}
      aria-current={current}
    >
      <button type="button" className="note-time" onClick={() => onSeek(note)} title={t('notes.seekHere')}>
        {formatTimecode(note.timeSec)}
      </button>
      <div className="note-body">
        <div className="note-meta">
          <span className={`badge kind-${note.kind}`}>{t(noteKindLabel(note.kind))}</span>
          {note.speaker && <span className="note-speaker">{note.speaker}:</span>}
          <span className="note-author">{note.author}</span>
        </div>
        <p className="note-text">{note.text}</p>
      </div>
      <div className="note-actions">
        <button type="button" {...editControl()} onClick={() => onEdit(note)} aria-label={t('common.edit')} title={t('common.edit')}>
          <Icon name="edit" />
        </button>
        <button type="button" {...editControl()} onClick={() => onRetime(note)} aria-label={t('notes.retime')} title={t('notes.retime')}>
          <Icon name="retime" />
        </button>
        <button type="button" {...editControl()} onClick={() => onDelete(note)} aria-label={t('common.delete')} title={t('common.delete')}>
          <Icon name="trash" />
        </button>
      </div>
    </div>
  );
});

export function NotesPanel({
  notes,
  recordingId,
  player,
  composing,
  onComposeDone,
  onComposeStart,
  actions,
  onDeleted,
}: {
  notes: Note[];
  recordingId: string | null;
  player: PlayerAdapter | null;
  /** The playhead time the new note was started at, or null when not composing. */
  composing: number | null;
  onComposeStart: () => void;
  onComposeDone: () => void;
  actions: WorkspaceActions;
  onDeleted: (what: 'note') => void;
}) {
  const { t } = useI18n();
  const editControl = useEditControl();
  const [editingId, setEditingId] = useState<string | null>(null);
  const editOriginal = useRef<Note | null>(null);
  const currentIndex = usePlayerSelector(player, (s) => currentNoteIndex(notes, s.time));
  const playhead = () => player?.currentTime() ?? 0;

  // Stable callbacks, so memoised rows don't re-render when the playhead moves.
  const seekTo = useCallback((n: Note) => player?.seek(n.timeSec), [player]);
  const startEdit = useCallback((n: Note) => {
    editOriginal.current = n;
    setEditingId(n.id);
  }, []);
  const retime = useCallback((n: Note) => void actions.updateNote(n.id, { timeSec: player?.currentTime() ?? 0 }), [actions, player]);
  const remove = useCallback(
    (n: Note) => void actions.deleteNote(n.id).then((ok) => ok && onDeleted('note')),
    [actions, onDeleted],
  );

  // A note being written is stored as it is typed (NoteForm's autosave, in order): the first
  // store creates it, later ones update it, Enter finishes, Escape removes it again. Each
  // composing session (one press of N) has its own record of the note it made.
  const compose = useMemo(() => (composing === null ? null : { noteId: null as string | null }), [composing]);
  const storeNew = async (draft: NoteDraft) => {
    if (!compose || !recordingId) return false;
    if (compose.noteId) return Boolean(await actions.updateNote(compose.noteId, draft));
    compose.noteId = (await actions.createNote({ recordingId, ...draft }))?.id ?? null;
    return compose.noteId !== null;
  };
  const cancelNew = async () => {
    if (compose?.noteId) await actions.deleteNote(compose.noteId);
    onComposeDone();
  };

  // Editing an existing note stores as it is typed too; Escape puts back what it said before
  // (after any save under way, so a late save can't undo the revert).
  const storeEdit = async (id: string, draft: NoteDraft) => Boolean(await actions.updateNote(id, draft));
  const finishEdit = () => {
    editOriginal.current = null;
    setEditingId(null);
  };
  const cancelEdit = () => {
    const original = editOriginal.current;
    finishEdit();
    if (original) {
      const { timeSec, kind, speaker, text } = original;
      void actions.updateNote(original.id, { timeSec, kind, speaker, text });
    }
  };

  return (
    <section className="notes-panel" aria-label={t('notes.title')}>
      {composing !== null ? (
        <NoteForm
          initial={{ timeSec: composing, kind: 'observation', speaker: '', text: '' }}
          playheadSec={playhead}
          submitLabel={t('notes.add')}
          onStore={storeNew}
          onDone={onComposeDone}
          onCancel={() => void cancelNew()}
        />
      ) : (
        <button type="button" className="primary add-note" {...editControl(!recordingId)} onClick={onComposeStart}>
          {t('notes.addAtPlayhead')} <kbd>N</kbd>
        </button>
      )}
      {notes.length === 0 && <p className="empty">{t('notes.empty')}</p>}
      <VirtualList
        items={notes}
        keyOf={noteKey}
        estimateHeight={64}
        label={t('notes.title')}
        className="note-list"
        scrollToIndex={editingId ? null : currentIndex}
        renderItem={(note, index) =>
          note.id === editingId ? (
            <div role="listitem" className="note editing">
              <NoteForm
                initial={editOriginal.current ?? note}
                playheadSec={playhead}
                submitLabel={t('common.save')}
                onStore={(draft) => storeEdit(note.id, draft)}
                onDone={finishEdit}
                onCancel={cancelEdit}
              />
            </div>
          ) : (
            <NoteRow
              note={note}
              current={index === currentIndex}
              editing={false}
              onSeek={seekTo}
              onEdit={startEdit}
              onRetime={retime}
              onDelete={remove}
            />
          )
        }
      />
    </section>
  );
}
