// The worker thread that reads files from elsewhere (node:worker_threads), so inflating,
// hashing and parsing an archive or a transcript never holds up the backend: it keeps answering
// the page, and cancel works. Built as its own bundle (out/workers/exchange-worker.mjs);
// exchange-worker-client.ts is the main thread's side. The worker never touches the store.
//
// Messages in:  { type: 'open-archive', path }      -> 'archive' (manifest, data, media entries)
//               { type: 'copy-media', targets }     -> 'progress'..., 'copied'
//               { type: 'preview-transcript', path } -> 'preview'
// Any failure -> 'error' with the ExchangeError's code, message and params.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { openArchive, type OpenedArchive } from './archive-read';
import { ExchangeError } from './exchange-error';
import { readTranscriptFile } from './transcript-import';

export type WorkerRequest =
  | { type: 'open-archive'; path: string }
  | { type: 'copy-media'; targets: [entry: string, target: string | null][] }
  | { type: 'preview-transcript'; path: string };

export type WorkerReply =
  | { type: 'archive'; manifest: OpenedArchive['manifest']; data: OpenedArchive['data']; media: string[] }
  | { type: 'progress'; done: number; total: number }
  | { type: 'copied' }
  | { type: 'preview'; preview: Awaited<ReturnType<typeof readTranscriptFile>> }
  | { type: 'error'; code: string; message: string; params?: Record<string, string | number> };

const port = parentPort;
let archive: OpenedArchive | null = null;
let fileName = '';

function reply(message: WorkerReply): void {
  port?.postMessage(message);
}

/** Copies (or only checks) every media entry, checking each SHA-256 against the manifest. */
async function copyMedia(targets: [string, string | null][]): Promise<void> {
  if (!archive) throw new Error('No archive open');
  const opened = archive;
  const total = targets.reduce((sum, [name]) => sum + (opened.media.get(name)?.size ?? 0), 0);
  let done = 0;
  for (const [name, target] of targets) {
    const entry = opened.media.get(name);
    const expected = opened.manifest.entries[name]?.sha256;
    if (!entry || !expected) throw new ExchangeError('damaged', `${fileName}: entry ${name} is missing`, { file: fileName, entry: name });
    const hash = createHash('sha256');
    const source = await opened.zip.stream(entry, entry.compressedSize);
    const out = target ? await open(target, 'w') : null;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        hash.update(chunk);
        if (out) {
          let written = 0;
          while (written < chunk.length) written += (await out.write(chunk, written, chunk.length - written)).bytesWritten;
        }
        done += chunk.length;
        reply({ type: 'progress', done, total });
      }
    } catch (error) {
      if (error instanceof ExchangeError) throw error;
      throw new ExchangeError('damaged', `${fileName}: entry ${name} cannot be read (${(error as Error).message})`, { file: fileName, entry: name });
    } finally {
      source.destroy();
      await out?.close();
    }
    if (hash.digest('hex') !== expected) {
      throw new ExchangeError('damaged', `${fileName}: entry ${name} does not match its checksum: it was changed or damaged`, { file: fileName, entry: name });
    }
  }
}

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.type) {
    case 'open-archive': {
      fileName = path.basename(request.path);
      archive = await openArchive(request.path, fileName);
      reply({ type: 'archive', manifest: archive.manifest, data: archive.data, media: [...archive.media.keys()] });
      return;
    }
    case 'copy-media':
      await copyMedia(request.targets);
      reply({ type: 'copied' });
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
port?.on('close', () => archive?.zip.close());
