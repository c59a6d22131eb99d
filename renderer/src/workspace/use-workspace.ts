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

/**
 * A copy of sorted `list` with `item` (new or changed) at its place: replaced where it is when its
 * place is unchanged, else moved by binary search. No sort of the whole list: with 10,000 notes a
 * sort per keystroke of an edit costs frames.
 */
function placeSorted<T extends { id: string }>(list: readonly T[], item: T, order: (a: T, b: T) => number): T[] {
  const at = list.findIndex((x) => x.id === item.id);
  if (at >= 0) {
    const before = list[at - 1];
    const after = list[at + 1];
    if ((!before || order(before, item) <= 0) && (!after || order(item, after) <= 0)) {
      const copy = list.slice();
      copy[at] = item;
      return copy;
    }
  }
  return insertSorted(at >= 0 ? [...list.slice(0, at), ...list.slice(at + 1)] : list, item, order);
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
    // update reloads the truth. Each puts the one note at its place, no sort of the whole list.
    updateNote: async (id: string, patch: RequestOf<'notes.update'>['patch']) => {
      setWorkspace((ws) => {
        const old = ws?.notes.find((n) => n.id === id);
        return ws && old ? { ...ws, notes: placeSorted(ws.notes, { ...old, ...patch }, noteOrder) } : ws;
      });
      const note = await guard(() => call('notes.update', { id, patch }));
      if (note) setWorkspace((ws) => ws && { ...ws, notes: placeSorted(ws.notes, note, noteOrder) });
      else void reload();
      return note;
    },
    deleteNote: async (id: string) => {
      const done = await guard(() => call('notes.delete', { id }));
      if (done) {
        undoStack.current.push({ kind: 'note', id });
        // Removing keeps the order: no sort.
        setWorkspace((ws) => ws && { ...ws, notes: ws.notes.filter((n) => n.id !== id) });
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
        if (note) setWorkspace((ws) => ws && { ...ws, notes: placeSorted(ws.notes, note, noteOrder) });
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
