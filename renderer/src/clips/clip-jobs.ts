// The clip exports and showreels of this page session: started by the page ('clips.export',
// 'clips.showreel'), followed through 'clip.progress' events. A module-level store, so the
// progress survives the fragments panel being re-mounted (another recording, another tab).
import { useSyncExternalStore } from 'react';
import type { AppEvent, ClipJobKind } from '../../../shared/contract';
import { onAppEvent } from '../api';

type ClipEvent = Extract<AppEvent, { type: 'clip.progress' }>;

export interface ClipJobView {
  jobId: string;
  kind: ClipJobKind;
  /** What the user asked for, e.g. "0:03 – 0:07" or "2 clips" (set by the page). */
  label: string;
  state: ClipEvent['state'];
  progress: number;
  path: string | null;
  clips: NonNullable<ClipEvent['clips']>;
  warning: string | null;
  error: { code: string; message: string } | null;
}

let jobs: ClipJobView[] = [];
const listeners = new Set<() => void>();
let unsubscribeEvents: (() => void) | null = null;

function publish(next: ClipJobView[]) {
  jobs = next;
  for (const listener of [...listeners]) listener();
}

function upsert(jobId: string, patch: (job: ClipJobView | undefined) => ClipJobView) {
  const existing = jobs.find((j) => j.jobId === jobId);
  const updated = patch(existing);
  publish(existing ? jobs.map((j) => (j.jobId === jobId ? updated : j)) : [updated, ...jobs]);
}

function blank(jobId: string, kind: ClipJobKind): ClipJobView {
  return { jobId, kind, label: '', state: 'queued', progress: 0, path: null, clips: [], warning: null, error: null };
}

function onEvent(event: AppEvent) {
  if (event.type !== 'clip.progress') return;
  upsert(event.jobId, (job) => {
    const base = job ?? blank(event.jobId, event.kind);
    // A late 'running' after the final state (events may cross) does not undo it.
    if (base.state === 'done' || base.state === 'failed' || base.state === 'cancelled') return base;
    return {
      ...base,
      state: event.state,
      progress: event.state === 'done' ? 1 : Math.max(base.progress, event.progress),
      path: event.path ?? base.path,
      clips: event.clips ?? base.clips,
      warning: event.warning ?? base.warning,
      error: event.state === 'failed' ? { code: event.errorCode ?? 'internal', message: event.error ?? '' } : null,
    };
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  unsubscribeEvents ??= onAppEvent(onEvent);
  return () => listeners.delete(listener);
}

/** Called with the answer to 'clips.export' / 'clips.showreel': names the job (its events may already be in). */
export function registerClipJob(jobId: string, kind: ClipJobKind, label: string, path: string | null): void {
  upsert(jobId, (job) => ({ ...(job ?? blank(jobId, kind)), label, path: job?.path ?? path }));
}

export function dismissClipJob(jobId: string): void {
  publish(jobs.filter((j) => j.jobId !== jobId));
}

/** Jobs of one kind, newest first. */
export function useClipJobs(kind: ClipJobKind): ClipJobView[] {
  const all = useSyncExternalStore(subscribe, () => jobs);
  return all.filter((j) => j.kind === kind);
}
