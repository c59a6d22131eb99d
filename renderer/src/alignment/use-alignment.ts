// The data of the alignment page: the cycle's analysis, the alignment decisions and the overlap
// threshold (kept in the cycle's method record, so both researchers and the report use the
// same). Every decision goes to the store at once and the page reloads what it changed.
import { useCallback, useRef, useState } from 'react';
import { DEFAULT_OVERLAP_THRESHOLD, type AlignmentDecision } from '../../../shared/alignment';
import type { RequestOf, Workspace } from '../../../shared/contract';
import type { Fragment } from '../../../shared/domain';
import { call } from '../api';
import { useBackendCall } from '../components/use-backend-call';
import { useReadOnly } from '../startup/read-only';

export interface AlignmentData {
  workspace: Workspace;
  decisions: AlignmentDecision[];
  threshold: number;
  frameworkId: string;
}

export function useAlignment(cycleId: string, reportError: (error: unknown) => void) {
  const [busy, setBusy] = useState(false);
  const readOnly = useReadOnly();
  const reportRef = useRef(reportError);
  reportRef.current = reportError;

  const {
    value: data,
    failed: loadFailed,
    reload: load,
    setValue: setData,
  } = useBackendCall(
    cycleId,
    async (): Promise<AlignmentData> => {
      const [workspace, decisions, method] = await Promise.all([
        call('workspace.get', { cycleId }),
        call('alignment.list', { cycleId }),
        call('method.get', { cycleId }),
      ]);
      return {
        workspace,
        decisions,
        threshold: method.method.alignmentThreshold ?? DEFAULT_OVERLAP_THRESHOLD,
        frameworkId: method.method.frameworkId,
      };
    },
    { onError: (error) => reportRef.current(error) },
  );

  /** Runs a change, then reloads; resolves to its value, or null when it failed (reported). */
  const run = useCallback(
    async <T,>(work: () => Promise<T>): Promise<T | null> => {
      // Read-only: the buttons are disabled; the page's keys change nothing either.
      if (readOnly) return null;
      setBusy(true);
      try {
        const value = await work();
        await load();
        return value;
      } catch (error) {
        reportRef.current(error);
        return null;
      } finally {
        setBusy(false);
      }
    },
    [load, readOnly],
  );

  const decide = useCallback(
    (request: Omit<RequestOf<'alignment.decide'>, 'cycleId'>) => run(() => call('alignment.decide', { ...request, cycleId })),
    [run, cycleId],
  );
  const undo = useCallback((id: string) => run(() => call('alignment.undo', { id })), [run]);
  const editResult = useCallback(
    (decisionId: string, patch: RequestOf<'alignment.editResult'>['patch']): Promise<Fragment | null> =>
      run(() => call('alignment.editResult', { decisionId, patch })),
    [run],
  );
  const setComment = useCallback(
    (decisionId: string, comment: string) => run(() => call('alignment.setComment', { decisionId, comment })),
    [run],
  );
  const setThreshold = useCallback(
    (threshold: number) => {
      if (readOnly) return;
      setData((d) => (d ? { ...d, threshold } : d));
      call('method.update', { cycleId, patch: { alignmentThreshold: threshold } }).catch(reportRef.current);
    },
    [cycleId, readOnly],
  );

  return { data, loadFailed, busy, actions: { decide, undo, editResult, setComment, setThreshold } };
}

export type AlignmentActions = ReturnType<typeof useAlignment>['actions'];
