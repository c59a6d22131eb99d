// The test host: a small Node server that serves the built renderer, answers the same contract
// as Electron's IPC with the same backend, and streams media through the same code as the
// Electron protocol. The whole UI runs in a real browser against real SQLite and ffmpeg.
//
//   VKZ_DATA_DIR=/tmp/x PORT=5174 node out/host/host.js
//
// Test-only route: POST /__test/dialog {"paths": [...]} sets what the next file dialog returns
//                  (media, transcript, archive, the ffmpeg/ffprobe program, or a data folder).
//                  POST /__test/save-dialog {"path": "..."} sets what the next save dialog returns
//                  (null or nothing queued: the user cancelled).
//                  GET /__test/memory: the backend's memory (process.memoryUsage(), after a full
//                  garbage collection when Node runs with --expose-gc), for the benchmark.
import http from 'node:http';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { AppEvent } from '../../shared/contract';
import { handleAppRequest } from '../../electron/services/app-request';
import { createAppRuntime } from '../../electron/services/startup/app-runtime';
import { createFileResponse } from '../../electron/services/media';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const dataDir = process.env.VKZ_DATA_DIR || mkdtempSync(path.join(os.tmpdir(), 'vkz-host-'));
const rendererDir = process.env.VKZ_RENDERER_DIR || path.join(repoRoot, 'out/renderer');
const port = Number(process.env.PORT ?? 0);

const eventClients = new Set<http.ServerResponse>();
const dialogQueue: string[][] = [];
const saveDialogQueue: (string | null)[] = [];

const backend = createAppRuntime({
  dataDir,
  // "Choose another data folder" answers from the same queue as the file dialogs.
  pickDataFolder: async () => dialogQueue.shift()?.[0] ?? null,
  quit: () => shutdown(),
  backupIntervalMs: Number(process.env.VKZ_BACKUP_INTERVAL_MS) || undefined,
  resourcesPath: path.join(repoRoot, 'resources'),
  appVersion: process.env.npm_package_version ?? 'dev',
  pickMediaFiles: async () => dialogQueue.shift() ?? [],
  pickSavePath: async () => saveDialogQueue.shift() ?? null,
  // Open dialogs for one file (transcripts, archives) answer from the same queue as /__test/dialog.
  pickOpenFile: async () => dialogQueue.shift()?.[0] ?? null,
  // Like main's dialog for the ffmpeg/ffprobe program: the test queues the file "chosen".
  pickBinaryFile: async () => dialogQueue.shift()?.[0] ?? null,
  mediaUrlFor: (id, version) => `/media/${id}?v=${version}`,
  emit: (event: AppEvent) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const client of eventClients) client.write(line);
  },
});

const shimTag = '<script src="/__vkz/transport.js"></script>';

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function sendWebResponse(res: http.ServerResponse, response: Response) {
  // The browser gave up while the answer was made (a seek superseded by the next one): let the
  // body close its file now rather than when the garbage collector finds it.
  if (res.destroyed) return void response.body?.cancel().catch(() => {});
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return res.end();
  const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
  res.on('close', () => body.destroy()); // the browser aborted (seeking): stop reading the file
  body.pipe(res);
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname.startsWith('/api/invoke/')) {
      const channel = decodeURIComponent(url.pathname.slice('/api/invoke/'.length));
      return sendJson(res, 200, await backend.handle(channel, await readJson(req)));
    }
    if (url.pathname === '/api/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
      res.write(': connected\n\n');
      eventClients.add(res);
      req.on('close', () => eventClients.delete(res));
      return;
    }
    if (req.method === 'POST' && url.pathname === '/__test/dialog') {
      const { paths } = (await readJson(req)) as { paths: string[] };
      dialogQueue.push(paths);
      return sendJson(res, 200, { queued: dialogQueue.length });
    }
    if (req.method === 'POST' && url.pathname === '/__test/save-dialog') {
      const { path: chosen } = (await readJson(req)) as { path: string | null };
      saveDialogQueue.push(chosen ?? null);
      return sendJson(res, 200, { queued: saveDialogQueue.length });
    }
    if (req.method === 'POST' && url.pathname === '/__test/idle') {
      await backend.idle();
      return sendJson(res, 200, { idle: true });
    }
    if (url.pathname === '/__test/memory') {
      (globalThis as { gc?: () => void }).gc?.();
      return sendJson(res, 200, process.memoryUsage());
    }
    if (url.pathname === '/__vkz/transport.js') {
      const request = new Request(url, { method: req.method });
      return sendWebResponse(res, await createFileResponse(request, path.join(here, 'transport.js'), 'app'));
    }
    const request = new Request(url, { method: req.method, headers: req.headers as Record<string, string> });
    const response = await handleAppRequest(request, {
      rendererDir,
      resolveMediaPath: (id) => backend.resolveMediaPath(id),
      resolveTimelineFile: (id, file) => backend.resolveTimelineFile(id, file),
      resolveClipPath: (id) => backend.resolveClipPath(id),
      transformIndexHtml: (html) => html.replace('<script', `${shimTag}<script`),
    });
    await sendWebResponse(res, response);
  } catch (error) {
    console.error('[host]', error);
    if (!res.headersSent) sendJson(res, 500, { error: String(error) });
    else res.end();
  }
});

server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`VKZ test host on http://127.0.0.1:${actual}/ (data: ${dataDir})`);
});

function shutdown() {
  for (const client of eventClients) client.end();
  server.close();
  void backend.close().finally(() => process.exit(0));
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
