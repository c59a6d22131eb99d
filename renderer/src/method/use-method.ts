// The method record of one cycle, kept in step with the store. Every change is shown at once and
// stored through the one autosave (components/use-autosave.ts): choices at once, typing after a
// short pause (and at once on blur, when the page closes or goes away), in order, newest last.
// Changes replace whole parts of the record (the intake, the outcome, an agenda ...), computed
// from the latest local state; a save sends only the parts that differ from what the store holds.
//
// The store's answer to a save is shown with every part changed on screen since laid over it, so
// an answer to an older save never undoes what the user did meanwhile.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { MethodView } from '../../../shared/contract';
import type { CycleMethod } from '../../../shared/method';
import { call } from '../api';
import { useAutosave } from '../components/use-autosave';
import { useBackendCall } from '../components/use-backend-call';
import { useReadOnly } from '../startup/read-only';

export type MethodPatch = Partial<Omit<CycleMethod, 'cycleId' | 'preparations'>>;

export interface MethodActions {
  /**
   * Applies a change to the record at once on screen and saves it: immediately, or after a
   * short pause in typing when `typing` is set. `change` gets the latest record.
   */
  change(change: (method: CycleMethod) => MethodPatch, opts?: { typing?: boolean }): void;
  /** Saves what is still waiting for a pause in typing; resolves when all saves are done. */
  flush(): Promise<void>;
  /** (Re)generates an agenda; pending changes are saved first. False when it failed. */
  buildAgenda(kind: 'interview' | 'reflection'): Promise<boolean>;
  /** Runs a request that changes the record in main and answers with it (an import); pending changes are saved first. */
  apply(request: () => Promise<MethodView>): Promise<boolean>;
}

/** The parts of `to` that are not the very parts of `from` (changes replace whole parts). */
function changedParts(from: CycleMethod, to: CycleMethod): MethodPatch {
  const patch: Record<string, unknown> = {};
  for (const part of Object.keys(to) as (keyof CycleMethod)[]) {
    if (part !== 'cycleId' && part !== 'preparations' && to[part] !== from[part]) patch[part] = to[part];
  }
  return patch as MethodPatch;
}

const isEmpty = (patch: MethodPatch) => Object.keys(patch).length === 0;

export function useMethod(cycleId: string, reportError: (error: unknown) => void) {
  const [view, setView] = useState<MethodView | null>(null);
  const [saving, setSaving] = useState(false);
  const readOnly = useReadOnly();
  const viewRef = useRef<MethodView | null>(null);
  /** The record as the store holds it (its last answer). */
  const stored = useRef<CycleMethod | null>(null);
  const reportRef = useRef(reportError);
  reportRef.current = reportError;

  const show = useCallback((next: MethodView) => {
    viewRef.current = next;
    setView(next);
  }, []);

  /**
   * Takes the store's answer to a request made when the screen showed `sentFrom`: shows it with
   * the parts changed on screen since laid over, and says whether anything still waits.
   */
  const answered = useCallback(
    (server: MethodView, sentFrom: CycleMethod | null) => {
      stored.current = server.method;
      const current = viewRef.current?.method;
      const since = current && sentFrom ? changedParts(sentFrom, current) : {};
      show({ ...server, method: { ...server.method, ...since } });
      setSaving(!isEmpty(since));
    },
    [show],
  );

  const { failed: loadFailed } = useBackendCall(cycleId, () => call('method.get', { cycleId }), {
    onLoaded: (v) => answered(v, viewRef.current?.method ?? v.method),
    onError: (error) => reportRef.current(error),
  });

  /** Stores the parts of `method` the store doesn't hold; on failure shows what the store really holds. */
  const save = useCallback(
    async (method: CycleMethod): Promise<boolean> => {
      const base = stored.current;
      const patch = base ? changedParts(base, method) : {};
      if (isEmpty(patch)) {
        const current = viewRef.current?.method;
        setSaving(!!base && !!current && !isEmpty(changedParts(base, current)));
        return true;
      }
      try {
        answered(await call('method.update', { cycleId, patch }), method);
        return true;
      } catch (error) {
        reportRef.current(error);
        try {
          answered(await call('method.get', { cycleId }), method);
        } catch {
          // The first error is the one the user needs to see.
        }
        return false;
      }
    },
    [cycleId, answered],
  );

  const autosave = useAutosave(view?.method ?? null, save);

  const change = useCallback<MethodActions['change']>(
    (makePatch, opts) => {
      const current = viewRef.current;
      // Read-only: the controls are disabled; a key that moves an agenda item changes nothing either.
      if (!current || readOnly) return;
      const patch = makePatch(current.method);
      if (isEmpty(patch)) return;
      const method = { ...current.method, ...patch };
      show({ ...current, method });
      setSaving(true);
      if (!opts?.typing) void autosave.flush(method);
    },
    [show, autosave, readOnly],
  );

  const flush = useCallback(async () => {
    await autosave.flush();
  }, [autosave]);

  /** Runs `request` once what waits is stored, and shows its answer. */
  const apply = useCallback(
    async (request: () => Promise<MethodView>) => {
      await autosave.flush();
      const sentFrom = viewRef.current?.method ?? null;
      setSaving(true);
      try {
        answered(await request(), sentFrom);
        return true;
      } catch (error) {
        reportRef.current(error);
        setSaving(false);
        return false;
      }
    },
    [autosave, answered],
  );

  const buildAgenda = useCallback(
    (kind: 'interview' | 'reflection') =>
      apply(() => call(kind === 'interview' ? 'method.buildInterviewAgenda' : 'method.buildReflectionAgenda', { cycleId })),
    [cycleId, apply],
  );

  const actions = useMemo<MethodActions>(() => ({ change, flush, buildAgenda, apply }), [change, flush, buildAgenda, apply]);
  return { view, loadFailed, saving, actions };
}
