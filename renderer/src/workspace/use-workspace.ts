// The workspace's data: the cycle with its recordings, notes and fragments, kept in step with the
// store. Every change is saved as it is made (no save button); deletes can be undone.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AddRecordingsResult, RequestOf, Workspace } from '../../../shared/contract';
import type { Fragment, Note, Recording } from '../../../shared/domain';
import { addDroppedFiles, call, onAppEvent } from '../api';

type Deleted = { kind: 'note'; id: string } | { kind: 'fragment'; id: string };

/** By time, then in the order they were made (as the store lists them): a new note comes last among equals. */
function byTimeThen<T extends { id: string; createdAt: string }>(key: (x: T) => number) {
  return (a: T, b: T) =>
    key(a) - key(b) || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) || a.id.localeCompare(b.id);
}
const noteOrder = byTimeThen<Note>((n) => n.timeSec);
const sortNotes = (notes: Note[]) => [...notes].sort(noteOrder);

/** A copy of sorted `list` with `item` at its place. */
function insertSorted<T>(list: readonly T[], item: T, order: (a: T, b: T) => number): T[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order(list[mid]!, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return [...list.slice(0, lo), item, ...list.slice(lo)];
}
const sortFragments = (fragments: Fragment[]) => [...fragments].sort(byTimeThen((f) => f.inSec));

function replaceById<T extends { id: string }>(list: T[], item: T): T[] {
  return list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];
}

export type AddFailure = AddRecordingsResult['failed'][number];

export function useWorkspace(
  cycleId: string,
  reportError: (error: unknown) => void,
  reportAddFailures: (failed: AddFailure[]) => void,
) {
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const undoStack = useRef<Deleted[]>([]);

  const reload = useCallback(async () => {
    try {
      const ws = await call('workspace.get', { cycleId });
      setWorkspace({ ...ws, notes: sortNotes(ws.notes), fragments: sortFragments(ws.fragments) });
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

  const setNotes = (update: (notes: Note[]) => Note[]) =>
    setWorkspace((ws) => ws && { ...ws, notes: sortNotes(update(ws.notes)) });
  const setFragments = (update: (fragments: Fragment[]) => Fragment[]) =>
    setWorkspace((ws) => ws && { ...ws, fragments: sortFragments(update(ws.fragments)) });
  const setRecordings = (recordings: Recording[]) => setWorkspace((ws) => ws && { ...ws, recordings });

  const actions = {
    reload,

    addRecordingsViaDialog: () => guard(() => call('recordings.addViaDialog', { cycleId })).then(afterAdd),
    addDroppedRecordings: (files: File[]) => guard(() => addDroppedFiles(cycleId, files)).then(afterAdd),
    relocateRecording: (id: string) => guard(() => call('recordings.relocate', { id })).then((r) => r && reload()),
    removeRecording: (id: string) => guard(() => call('recordings.remove', { id })).then(() => reload()),
    reorderRecordings: (ids: string[]) =>
      guard(() => call('recordings.reorder', { cycleId, ids })).then((list) => list && setRecordings(list)),
    cancelProxy: (id: string) => guard(() => call('recordings.cancelProxy', { id })).then(() => reload()),
    retryProxy: (id: string) => guard(() => call('recordings.retryProxy', { id })).then(() => reload()),

    createNote: async (request: RequestOf<'notes.create'>) => {
      const note = await guard(() => call('notes.create', request));
      // Inserted in place (binary search) rather than re-sorting 10,000 notes.
      if (note) setWorkspace((ws) => ws && { ...ws, notes: insertSorted(ws.notes, note, noteOrder) });
      return note;
    },
    // Updates show at once (optimistic) and are replaced by what the store returns; a failed
    // update reloads the truth.
    updateNote: async (id: string, patch: RequestOf<'notes.update'>['patch']) => {
      setNotes((notes) => notes.map((n) => (n.id === id ? { ...n, ...patch } : n)));
      const note = await guard(() => call('notes.update', { id, patch }));
      if (note) setNotes((notes) => replaceById(notes, note));
      else void reload();
      return note;
    },
    deleteNote: async (id: string) => {
      const done = await guard(() => call('notes.delete', { id }));
      if (done) {
        undoStack.current.push({ kind: 'note', id });
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
        if (note) setNotes((notes) => replaceById(notes, note));
      } else {
        const fragment = await guard(() => call('fragments.restore', { id: last.id }));
        if (fragment) setFragments((fragments) => replaceById(fragments, fragment));
      }
      return true;
    },
  };

  async function afterAdd(result: AddRecordingsResult | null) {
    if (result?.failed.length) reportAddFailures(result.failed);
    await reload();
    return result;
  }

  return { workspace, loadFailed, actions };
}

export type WorkspaceActions = ReturnType<typeof useWorkspace>['actions'];
