// The worker thread that reads files from elsewhere (node:worker_threads), so inflating,
// hashing, parsing and merging an archive or parsing a transcript never holds up the backend:
// it keeps answering the page, and cancel works. Built as its own bundle
// (out/workers/exchange-worker.mjs); exchange-worker-client.ts is the main thread's side.
// An archive import opens its own connection to the data folder's database (WAL: the backend
// keeps reading while the merge transaction runs); the data folder lock stays the backend's.
//
// Messages in:  { type: 'import-archive', path, dataDir, author, flags }
//                   -> 'writing', 'progress'..., then per merge attempt 'merging' (answered by
//                      { type: 'go' } once the backend holds its writes back) and 'merged',
//                      then 'imported'
//               { type: 'preview-transcript', path }              -> 'preview'
// `flags` (merge-flags.ts) are raised by the main thread while the merge's write transaction
// runs: cancel pressed (before the merge, cancel stops the worker instead), a save waiting.
// Any failure -> 'error' with the ExchangeError's code, message and params.
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { openStore } from '../store/open-store';
import { importOpenedArchive, type ArchiveImportResult } from './archive-import';
import { openArchive } from './archive-read';
import { ExchangeError } from './exchange-error';
import { CANCELLED, isRaised, SAVES_WAITING } from './merge-flags';
import { readTranscriptFile } from './transcript-import';

export type WorkerRequest =
  | { type: 'import-archive'; path: string; dataDir: string; author: string; flags: Int32Array }
  | { type: 'preview-transcript'; path: string }
  | { type: 'go' };

/** Replies that only report how the work goes; the last reply is the answer or an error. */
export type WorkerNotice =
  | { type: 'progress'; done: number; total: number }
  | { type: 'writing'; files: string[] }
  | { type: 'merging' }
  | { type: 'merged' };

export type WorkerReply =
  | WorkerNotice
  | { type: 'imported'; result: ArchiveImportResult }
  | { type: 'preview'; preview: Awaited<ReturnType<typeof readTranscriptFile>> }
  | { type: 'error'; code: string; message: string; params?: Record<string, string | number> };

const port = parentPort;

function reply(message: WorkerReply): void {
  port?.postMessage(message);
}

const onProgress = (done: number, total: number) => reply({ type: 'progress', done, total });

/** Resolves the wait for the main thread's 'go'. */
let go: (() => void) | null = null;

async function importArchive(request: Extract<WorkerRequest, { type: 'import-archive' }>): Promise<ArchiveImportResult> {
  const fileName = path.basename(request.path);
  const archive = await openArchive(request.path, fileName);
  try {
    const store = openStore(request.dataDir);
    try {
      return await importOpenedArchive({
        store,
        dataDir: request.dataDir,
        archive,
        fileName,
        author: request.author,
        onProgress,
        onWriting: (files) => reply({ type: 'writing', files }),
        beforeWriting: () =>
          new Promise<void>((resolve) => {
            go = resolve;
            reply({ type: 'merging' });
          }),
        afterWriting: () => reply({ type: 'merged' }),
        cancelled: () => isRaised(request.flags, CANCELLED),
        savesWaiting: () => isRaised(request.flags, SAVES_WAITING),
      });
    } finally {
      store.close();
    }
  } finally {
    archive.zip.close();
  }
}

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.type) {
    case 'go':
      go?.();
      go = null;
      return;
    case 'import-archive':
      reply({ type: 'imported', result: await importArchive(request) });
      return;
    case 'preview-transcript':
      reply({ type: 'preview', preview: await readTranscriptFile(request.path) });
      return;
  }
}

port?.on('message', (request: WorkerRequest) => {
  handle(request).catch((error: unknown) => {
    if (error instanceof ExchangeError) reply({ type: 'error', code: error.code, message: error.message, params: error.params });
    else reply({ type: 'error', code: 'internal', message: error instanceof Error ? error.message : String(error) });
  });
});
