// The workspace's data: the cycle with its recordings, notes and fragments, kept in step with the
// store. Every change is saved as it is made (no save button); deletes can be undone.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { AddRecordingsResult, RequestOf, Workspace } from '../../../shared/contract';
import type { Fragment, Note, Recording } from '../../../shared/domain';
import { addDroppedFiles, call, onAppEvent } from '../api';
import { insertSorted, noteOrder, placeSorted } from './note-order';

type Deleted = { kind: 'note'; id: string } | { kind: 'fragment'; id: string };

/** By time, then in the order they were made (as the store lists them). */
const sortFragments = (fragments: Fragment[]) =>
  [...fragments].sort(
    (a, b) => a.inSec - b.inSec || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) || a.id.localeCompare(b.id),
  );

function replaceById<T extends { id: string }>(list: T[], item: T): T[] {
  return list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];
}

export type AddFailure = AddRecordingsResult['failed'][number];

export function useWorkspace(
  cycleId: string,
  authorName: string,
  reportError: (error: unknown) => void,
  reportAddFailures: (failed: AddFailure[]) => void,
) {
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const undoStack = useRef<Deleted[]>([]);
  // Read by createNote, so a new name doesn't make new actions (memoised rows take them).
  const authorRef = useRef(authorName);
  authorRef.current = authorName;

  const reload = useCallback(async () => {
    try {
      const ws = await call('workspace.get', { cycleId });
      // Notes come in the store's order (note-order.ts): not sorted again.
      setWorkspace({ ...ws, fragments: sortFragments(ws.fragments) });
    } catch (error) {
      setLoadFailed(true);
      reportError(error);
    }
  }, [cycleId, reportError]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // Proxy progress arrives as events; a finished proxy changes what the player loads, so reload.
  useEffect(
    () =>
      onAppEvent((event) => {
        if (event.type !== 'recording.proxy' || event.cycleId !== cycleId) return;
        if (event.state === 'done' || event.state === 'failed' || event.state === 'cancelled') {
          void reload();
          return;
        }
        setWorkspace((ws) =>
          ws && {
            ...ws,
            recordings: ws.recordings.map((r) =>
              r.id === event.recordingId ? { ...r, proxyState: event.state, proxyProgress: event.progress } : r,
            ),
          },
        );
      }),
    [cycleId, reload],
  );

  const guard = useCallback(
    <T,>(work: () => Promise<T>) =>
      work().catch((error: unknown) => {
        reportError(error);
        return null;
      }),
    [reportError],
  );

  // One object for the life of the cycle's page: memoised rows and panels that take it (or
  // callbacks made from it) skip re-rendering when a note is added.
  const actions = useMemo(() => {
    const setFragments = (update: (fragments: Fragment[]) => Fragment[]) =>
      setWorkspace((ws) => ws && { ...ws, fragments: sortFragments(update(ws.fragments)) });
    // Notes keep the store's order: each change puts its one note in place (note-order.ts).
    const setNotes = (update: (notes: Note[], order: (a: Note, b: Note) => number) => Note[]) =>
      setWorkspace((ws) => {
        if (!ws) return ws;
        const notes = update(ws.notes, noteOrder(ws.recordings));
        return notes === ws.notes ? ws : { ...ws, notes };
      });
    // Notes are ordered by recording first: a new order of recordings is a new order of notes.
    const setRecordings = (recordings: Recording[]) =>
      setWorkspace((ws) => ws && { ...ws, recordings, notes: [...ws.notes].sort(noteOrder(recordings)) });
    const afterAdd = async (result: AddRecordingsResult | null) => {
      if (result?.failed.length) reportAddFailures(result.failed);
      await reload();
      return result;
    };

    return {
      reload,

      addRecordingsViaDialog: () => guard(() => call('recordings.addViaDialog', { cycleId })).then(afterAdd),
      addDroppedRecordings: (files: File[]) => guard(() => addDroppedFiles(cycleId, files)).then(afterAdd),
      relocateRecording: (id: string) => guard(() => call('recordings.relocate', { id })).then((r) => r && reload()),
      removeRecording: (id: string) => guard(() => call('recordings.remove', { id })).then(() => reload()),
      reorderRecordings: (ids: string[]) =>
        guard(() => call('recordings.reorder', { cycleId, ids })).then((list) => list && setRecordings(list)),
      cancelProxy: (id: string) => guard(() => call('recordings.cancelProxy', { id })).then(() => reload()),
      retryProxy: (id: string) => guard(() => call('recordings.retryProxy', { id })).then(() => reload()),

      // A new note shows at once, under an id the page names (the store keeps it): the row is
      // there on Enter, not after the round trip. What the store returns replaces it; when storing
      // fails it goes again (the form keeps the draft). Inserted in place (binary search), no sort.
      createNote: async (request: Omit<RequestOf<'notes.create'>, 'id'>) => {
        const id = globalThis.crypto.randomUUID();
        const stamp = new Date().toISOString();
        const shown: Note = { ...request, id, createdAt: stamp, updatedAt: stamp, author: authorRef.current, cycleId, speaker: request.speaker ?? '' };
        // Rendered now: the Enter that asked for it is over, and an update outside an event would
        // wait its turn behind the store's answer.
        flushSync(() => setNotes((notes, order) => insertSorted(notes, shown, order)));
        const note = await guard(() => call('notes.create', { ...request, id }));
        setNotes((notes, order) => (note ? placeSorted(notes, note, order) : notes.filter((n) => n.id !== id)));
        return note;
      },
      // Updates show at once (optimistic) and are replaced by what the store returns; a failed
      // update reloads the truth. Each puts the one note at its place, no sort of the whole list.
      updateNote: async (id: string, patch: RequestOf<'notes.update'>['patch']) => {
        setNotes((notes, order) => {
          const old = notes.find((n) => n.id === id);
          return old ? placeSorted(notes, { ...old, ...patch }, order) : notes;
        });
        const note = await guard(() => call('notes.update', { id, patch }));
        if (note) setNotes((notes, order) => placeSorted(notes, note, order));
        else void reload();
        return note;
      },
      deleteNote: async (id: string) => {
        const done = await guard(() => call('notes.delete', { id }));
        if (done) {
          undoStack.current.push({ kind: 'note', id });
          // Removing keeps the order: no sort.
          setNotes((notes) => notes.filter((n) => n.id !== id));
        }
        return Boolean(done);
      },

      createFragment: async (request: RequestOf<'fragments.create'>) => {
        const fragment = await guard(() => call('fragments.create', request));
        if (fragment) setFragments((fragments) => [...fragments, fragment]);
        return fragment;
      },
      updateFragment: async (id: string, patch: RequestOf<'fragments.update'>['patch']) => {
        setFragments((fragments) => fragments.map((f) => (f.id === id ? { ...f, ...patch } : f)));
        const fragment = await guard(() => call('fragments.update', { id, patch }));
        if (fragment) setFragments((fragments) => replaceById(fragments, fragment));
        else void reload();
        return fragment;
      },
      deleteFragment: async (id: string) => {
        const done = await guard(() => call('fragments.delete', { id }));
        if (done) {
          undoStack.current.push({ kind: 'fragment', id });
          setFragments((fragments) => fragments.filter((f) => f.id !== id));
        }
        return Boolean(done);
      },

      /** Restores the most recently deleted note or fragment; false when there is nothing to undo. */
      undoDelete: async () => {
        const last = undoStack.current.pop();
        if (!last) return false;
        if (last.kind === 'note') {
          const note = await guard(() => call('notes.restore', { id: last.id }));
          if (note) setNotes((notes, order) => placeSorted(notes, note, order));
        } else {
          const fragment = await guard(() => call('fragments.restore', { id: last.id }));
          if (fragment) setFragments((fragments) => replaceById(fragments, fragment));
        }
        return true;
      },
    };
  }, [cycleId, guard, reload, reportAddFailures]);

  return { workspace, loadFailed, actions };
}

export type WorkspaceActions = ReturnType<typeof useWorkspace>['actions'];
