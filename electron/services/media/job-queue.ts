// A small background queue for long media jobs (proxies). Serial by default: on a 2-core laptop
// one ffmpeg at a time keeps the player responsive. Each job gets its own AbortSignal; cancel()
// takes queued jobs out at once and aborts running ones (their state follows when the work stops).
import { randomUUID } from 'node:crypto';

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobEvent {
  jobId: string;
  key: string;
  state: JobState;
  progress: number;
  error?: string;
}

export type JobWork = (signal: AbortSignal, onProgress: (fraction: number) => void) => Promise<void>;

interface Job {
  id: string;
  key: string;
  work: JobWork;
  controller: AbortController;
  progress: number;
  lastProgressEventAt: number;
}

/** Running jobs report progress at most this often (the final state is always reported). */
const PROGRESS_INTERVAL_MS = 100;

export class JobQueue {
  private readonly concurrency: number;
  private readonly waiting: Job[] = [];
  private readonly running = new Map<string, Job>();
  private readonly listeners = new Set<(e: JobEvent) => void>();
  private idleWaiters: (() => void)[] = [];

  constructor(opts: { concurrency?: number } = {}) {
    this.concurrency = Math.max(1, Math.floor(opts.concurrency ?? 1));
  }

  /** Queues work under `key` (e.g. a recording id) and returns the new job's id. */
  enqueue(key: string, work: JobWork): string {
    const job: Job = {
      id: randomUUID(),
      key,
      work,
      controller: new AbortController(),
      progress: 0,
      lastProgressEventAt: 0,
    };
    this.waiting.push(job);
    this.emit(job, 'queued');
    this.pump();
    return job.id;
  }

  /** Cancels every queued or running job with this key or job id; false when there was none. */
  cancel(keyOrJobId: string): boolean {
    let found = false;
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      const job = this.waiting[i]!;
      if (job.id !== keyOrJobId && job.key !== keyOrJobId) continue;
      found = true;
      this.waiting.splice(i, 1);
      job.controller.abort();
      this.emit(job, 'cancelled');
    }
    for (const job of this.running.values()) {
      if (job.id !== keyOrJobId && job.key !== keyOrJobId) continue;
      found = true;
      job.controller.abort(); // the 'cancelled' event follows when the work has stopped
    }
    this.resolveIdleIfIdle();
    return found;
  }

  /** Listens to every job's events; returns the function that stops listening. */
  onEvent(listener: (e: JobEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private isIdle(): boolean {
    return this.waiting.length === 0 && this.running.size === 0;
  }

  private pump(): void {
    while (this.running.size < this.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      this.running.set(job.id, job);
      void this.start(job);
    }
    this.resolveIdleIfIdle();
  }

  private async start(job: Job): Promise<void> {
    this.emit(job, 'running');
    const onProgress = (fraction: number) => this.progress(job, fraction);
    let outcome: { state: JobState; error?: string };
    try {
      await job.work(job.controller.signal, onProgress);
      outcome = job.controller.signal.aborted ? { state: 'cancelled' } : { state: 'done' };
    } catch (error) {
      outcome = job.controller.signal.aborted
        ? { state: 'cancelled' }
        : { state: 'failed', error: error instanceof Error ? error.message : String(error) };
    }
    this.running.delete(job.id);
    if (outcome.state === 'done') job.progress = 1;
    this.emit(job, outcome.state, outcome.error);
    this.pump();
  }

  private progress(job: Job, fraction: number): void {
    if (!this.running.has(job.id) || job.controller.signal.aborted || !Number.isFinite(fraction)) return;
    const clamped = Math.min(1, Math.max(0, fraction));
    if (clamped <= job.progress) return;
    job.progress = clamped;
    const now = Date.now();
    if (now - job.lastProgressEventAt < PROGRESS_INTERVAL_MS && clamped < 1) return;
    job.lastProgressEventAt = now;
    this.emit(job, 'running');
  }

  private emit(job: Job, state: JobState, error?: string): void {
    const event: JobEvent = { jobId: job.id, key: job.key, state, progress: job.progress };
    if (error !== undefined) event.error = error;
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A failing listener must not stop the queue or the other listeners.
      }
    }
  }

  private resolveIdleIfIdle(): void {
    if (!this.isIdle() || this.idleWaiters.length === 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
