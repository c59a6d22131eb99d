// The method record of one cycle, kept in step with the store. Every change is saved as it is
// made (no save button): choices at once, typing after a short pause (and at once on blur or when
// the page closes), so nothing typed is lost. Changes replace whole parts of the record (the
// intake, the outcome, an agenda ...), computed from the latest local state.
//
// Saves run one after another. The store's answer to a save is shown with every later change laid
// over it (those still on their way and those waiting for a pause in typing), so an answer to an
// older save never undoes what the user did since.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MethodView } from '../../../shared/contract';
import type { CycleMethod } from '../../../shared/method';
import { call } from '../api';

export type MethodPatch = Partial<Omit<CycleMethod, 'cycleId' | 'preparations'>>;

/** How long typing may pause before it is saved. */
export const TYPING_SAVE_DELAY_MS = 400;

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

interface Sent {
  id: number;
  patch: MethodPatch;
}

export function useMethod(cycleId: string, reportError: (error: unknown) => void) {
  const [view, setView] = useState<MethodView | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [saving, setSaving] = useState(false);
  const viewRef = useRef<MethodView | null>(null);
  /** Changed on screen, not sent yet (waiting for a pause in typing). */
  const pending = useRef<MethodPatch>({});
  /** Sent to the store, no answer yet; oldest first. */
  const sent = useRef<Sent[]>([]);
  const jobs = useRef(0);
  const nextId = useRef(1);
  const timer = useRef<number | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const reportRef = useRef(reportError);
  reportRef.current = reportError;

  const show = useCallback((next: MethodView) => {
    viewRef.current = next;
    setView(next);
  }, []);

  const refreshSaving = useCallback(() => {
    setSaving(jobs.current > 0 || Object.keys(pending.current).length > 0);
  }, []);

  /** The store's answer with every change it does not know about yet laid over it. */
  const withUnsaved = useCallback((server: MethodView): MethodView => {
    const method = { ...server.method };
    for (const { patch } of sent.current) Object.assign(method, patch);
    Object.assign(method, pending.current);
    return { ...server, method };
  }, []);

  useEffect(() => {
    let cancelled = false;
    call('method.get', { cycleId })
      .then((v) => !cancelled && show(withUnsaved(v)))
      .catch((error: unknown) => {
        if (cancelled) return;
        setLoadFailed(true);
        reportRef.current(error);
      });
    return () => {
      cancelled = true;
    };
  }, [cycleId, show, withUnsaved]);

  /**
   * Runs a request after the ones before it. `patch` is the change it carries (laid over older
   * answers until this one is answered). Shows the answer; on failure reports it and shows what
   * the store really holds, so the page never pretends unsaved work is saved.
   */
  const send = useCallback(
    (patch: MethodPatch, request: () => Promise<MethodView>): Promise<boolean> => {
      const entry: Sent = { id: nextId.current++, patch };
      sent.current = [...sent.current, entry];
      jobs.current += 1;
      refreshSaving();
      const done = () => {
        sent.current = sent.current.filter((s) => s.id !== entry.id);
        jobs.current -= 1;
      };
      const run = queue.current.then(async () => {
        try {
          const server = await request();
          done();
          show(withUnsaved(server));
          return true;
        } catch (error) {
          done();
          reportRef.current(error);
          try {
            show(withUnsaved(await call('method.get', { cycleId })));
          } catch {
            // The first error is the one the user needs to see.
          }
          return false;
        } finally {
          refreshSaving();
        }
      });
      queue.current = run;
      return run;
    },
    [cycleId, refreshSaving, show, withUnsaved],
  );

  const flush = useCallback(async () => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    const patch = pending.current;
    if (Object.keys(patch).length === 0) {
      await queue.current;
      return;
    }
    pending.current = {};
    await send(patch, () => call('method.update', { cycleId, patch }));
  }, [cycleId, send]);

  const flushRef = useRef(flush);
  flushRef.current = flush;

  const change = useCallback<MethodActions['change']>(
    (makePatch, opts) => {
      const current = viewRef.current;
      if (!current) return;
      const patch = makePatch(current.method);
      if (Object.keys(patch).length === 0) return;
      pending.current = { ...pending.current, ...patch };
      show({ ...current, method: { ...current.method, ...patch } });
      refreshSaving();
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = null;
      if (opts?.typing) {
        timer.current = window.setTimeout(() => void flushRef.current(), TYPING_SAVE_DELAY_MS);
      } else {
        void flushRef.current();
      }
    },
    [show, refreshSaving],
  );

  const buildAgenda = useCallback(
    async (kind: 'interview' | 'reflection') => {
      await flush();
      const channel = kind === 'interview' ? 'method.buildInterviewAgenda' : 'method.buildReflectionAgenda';
      return send({}, () => call(channel, { cycleId }));
    },
    [cycleId, flush, send],
  );

  const apply = useCallback(
    async (request: () => Promise<MethodView>) => {
      await flush();
      return send({}, request);
    },
    [flush, send],
  );

  // Leaving the page (another tab of the cycle, the library, closing the window) saves what waits.
  useEffect(() => {
    const onHide = () => void flushRef.current();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void flushRef.current();
    };
  }, []);

  const actions = useMemo<MethodActions>(() => ({ change, flush, buildAgenda, apply }), [change, flush, buildAgenda, apply]);
  return { view, loadFailed, saving, actions };
}
