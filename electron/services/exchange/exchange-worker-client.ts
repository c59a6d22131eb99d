// The main thread's side of the exchange worker (exchange-worker.ts): one worker per archive
// import or transcript preview, ended when the work is done or cancelled. Cancelling terminates
// the worker at once, whatever it is inflating, hashing or parsing. An archive import's merge
// is not stopped that way (a worker stopped inside its write transaction would leave the lock
// to chance): cancel then sets a flag the merge reads between writes, and it rolls back. Cancel
// that comes after the commit is too late, and the answer says so (cancelTooLate).
import { rm } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { workerScript } from '../workers/worker-script';
import type { ArchiveImportResult } from './archive-import';
import type { TranscriptPreview } from './transcript-import';
import { ExchangeError, type ExchangeErrorCode } from './exchange-error';
import type { WorkerNotice, WorkerReply, WorkerRequest } from './exchange-worker';
import { CANCELLED, createMergeFlags, lower, raise, SAVES_WAITING } from './merge-flags';

type Reply<T extends WorkerReply['type']> = Extract<WorkerReply, { type: T }>;

export class ExchangeWorker {
  private readonly worker = new Worker(workerScript('exchange-worker'));
  private failure: Error | null = null;
  private waiting: { type: WorkerReply['type']; resolve(reply: WorkerReply): void; reject(error: Error): void } | null = null;

  constructor(private readonly onNotice?: (notice: WorkerNotice) => void) {
    this.worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'progress' || reply.type === 'writing' || reply.type === 'merging' || reply.type === 'merged') return this.onNotice?.(reply);
      const waiting = this.waiting;
      this.waiting = null;
      if (!waiting) return;
      if (reply.type === 'error') {
        waiting.reject(
          reply.code === 'internal' ? new Error(reply.message) : new ExchangeError(reply.code as ExchangeErrorCode, reply.message, reply.params),
        );
      } else waiting.resolve(reply);
    });
    const fail = (error: Error) => {
      this.failure ??= error;
      this.waiting?.reject(this.failure);
      this.waiting = null;
    };
    this.worker.on('error', fail);
    this.worker.on('exit', () => fail(new ExchangeError('cancelled', 'The exchange worker stopped')));
  }

  /** Sends one request and waits for its answer; rejects with the worker's ExchangeError. */
  ask<T extends WorkerReply['type']>(request: WorkerRequest, answer: T, signal?: AbortSignal): Promise<Reply<T>> {
    if (this.failure) return Promise.reject(this.failure);
    if (signal?.aborted) return Promise.reject(new ExchangeError('cancelled', 'Cancelled'));
    return new Promise<Reply<T>>((resolve, reject) => {
      const onAbort = () => {
        reject(new ExchangeError('cancelled', 'Cancelled'));
        void this.close();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.waiting = {
        type: answer,
        resolve: (reply) => {
          done();
          resolve(reply as Reply<T>);
        },
        reject: (error) => {
          done();
          reject(error);
        },
      };
      this.worker.postMessage(request);
    });
  }

  /** A message that needs no answer. */
  tell(message: WorkerRequest): void {
    this.worker.postMessage(message);
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

export interface ArchiveImportOptions {
  /** The data folder: the worker opens its own connection to the database there. */
  dataDir: string;
  archivePath: string;
  /** Who imports: author of changes the merge itself makes (a united pseudonym list). */
  author: string;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /**
   * Called when the worker is about to take the database's write lock for the merge: the
   * backend holds its own writes back (waiting asynchronously, not on the lock) until the
   * returned function is called, when the write transaction is over; it calls `onWaiting` when
   * a write is waiting (the merge then gives the lock up for it, see archive-import.ts).
   */
  holdWrites?: (onWaiting: () => void) => () => void;
}

export interface ArchiveImportOutcome extends ArchiveImportResult {
  /** Cancel was pressed after the merge had been committed: the import is complete. */
  cancelTooLate: boolean;
}

/**
 * Imports a project archive in the worker (archive-import.ts). Cancelled (or failed), the
 * worker is stopped or its merge rolled back, and every file it wrote is removed: nothing is stored.
 */
export async function importArchive(opts: ArchiveImportOptions): Promise<ArchiveImportOutcome> {
  let written: string[] = [];
  let merging = false;
  let release: (() => void) | null = null;
  const letWritesGo = () => {
    release?.();
    release = null;
  };
  const flags = createMergeFlags();
  const stop = new AbortController();
  const worker = new ExchangeWorker((notice) => {
    if (notice.type === 'progress') opts.onProgress?.(notice.done, notice.total);
    else if (notice.type === 'writing') written = notice.files;
    else if (notice.type === 'merging') {
      merging = true;
      lower(flags, SAVES_WAITING);
      release ??= opts.holdWrites?.(() => raise(flags, SAVES_WAITING)) ?? null;
      worker.tell({ type: 'go' });
    } else letWritesGo();
  });
  // Before the merge the worker is stopped; during it the merge rolls back at its next check.
  const cancel = () => (merging ? raise(flags, CANCELLED) : stop.abort());
  if (opts.signal?.aborted) cancel();
  opts.signal?.addEventListener('abort', cancel, { once: true });
  try {
    const request = { type: 'import-archive', path: opts.archivePath, dataDir: opts.dataDir, author: opts.author, flags } as const;
    const { result } = await worker.ask(request, 'imported', stop.signal);
    return { ...result, cancelTooLate: opts.signal?.aborted === true };
  } catch (error) {
    // Cancelled, or the worker failed or died: no merge committed, so no file it wrote may stay.
    await worker.close(); // no write is under way when the files go
    letWritesGo(); // saves need not wait for the files to go
    await Promise.all(written.map((file) => rm(file, { force: true })));
    throw error;
  } finally {
    opts.signal?.removeEventListener('abort', cancel);
    letWritesGo();
    await worker.close();
  }
}

/** Reads a transcript file in the worker: the backend keeps answering while a big file is parsed, and cancel stops it. */
export async function previewTranscriptFile(filePath: string, signal?: AbortSignal): Promise<TranscriptPreview> {
  const worker = new ExchangeWorker();
  try {
    return (await worker.ask({ type: 'preview-transcript', path: filePath }, 'preview', signal)).preview;
  } finally {
    await worker.close();
  }
}
