// Serves one file as a web Response, with HTTP range support so the player can seek in large
// recordings without reading them whole. Used by the Electron custom protocol (protocol.handle
// gives a web Request and wants a web Response) and by the Node test host, so both behave the
// same. It does not decide WHICH files may be served: the caller resolves an opaque id to a path.
//
// Seeking is a new range request each time (a seek far from what the player holds), so the
// answer is made for that: the file is opened once (its size read from the open file, not by a
// second lookup of the path), the body is a byte stream that reads the file directly (no Node
// stream adapted into a web stream and back), and a range answer holds at most RANGE_LIMIT_BYTES.
// Chromium asks `bytes=N-` (to the end) and reads ahead until the next seek aborts the request:
// without the limit every seek had the app read and push megabytes nobody looks at, on a
// machine that is busy decoding the frame the user wants. A 206 may hold less than asked (RFC
// 9110, 14.4): the player asks for the rest when it plays on. bench/RESULTS.md has the numbers.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** At most this much in one range answer: 2 s of a 1080p recording at 8 Mbit/s, 16 s of a proxy. */
export const RANGE_LIMIT_BYTES = 2 * 2 ** 20;
/** Bytes per read of the file (Chromium's media cache works in 32 KiB blocks). */
const CHUNK_BYTES = 64 * 2 ** 10;
/** Opening never waits: a named pipe in a recording's place is refused, not waited on (no effect on files; 0 on Windows). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

// Which files may be served as what. Recordings, clips and timeline files come from outside
// the app (an archive, a colleague, a phone): only audio, video and raster images get their
// type; anything else is plain bytes, so an ".html" or ".svg" recording is never a page or an
// image that can run script in the app's origin.
const MEDIA_TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.m4a': 'audio/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.mkv': 'video/x-matroska',
  '.ogv': 'video/ogg',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.flac': 'audio/flac',
  '.aac': 'audio/aac',
  '.avi': 'video/x-msvideo',
  '.wmv': 'video/x-ms-wmv',
  '.3gp': 'video/3gpp',
  '.mts': 'video/mp2t',
  '.ts': 'video/mp2t',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

/** The renderer's own built files (app-request.ts serves them through here too). */
const APP_FILE_TYPES: Record<string, string> = {
  ...MEDIA_TYPES,
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/**
 * The policy of every response that is not one of the app's documents: should it ever be
 * opened as a document (navigated to, or an SVG opened), nothing in it may run or load.
 */
export const SCRIPT_FREE_POLICY = "default-src 'none'; sandbox";

export type FileKind = 'media' | 'app';

const OCTET_STREAM = 'application/octet-stream';

/** The Content-Type of a recording, clip or timeline file: from the media allow-list, else plain bytes. */
export function mediaContentType(filePath: string): string {
  return MEDIA_TYPES[path.extname(filePath).toLowerCase()] ?? OCTET_STREAM;
}

function contentTypeFor(filePath: string, kind: FileKind): string {
  return kind === 'media' ? mediaContentType(filePath) : (APP_FILE_TYPES[path.extname(filePath).toLowerCase()] ?? OCTET_STREAM);
}

/**
 * Pure: reads a Range header for a file of `size` bytes. Returns the inclusive byte range,
 * 'unsatisfiable' (answer 416), or null to ignore it and send the whole file: no header, a
 * malformed one, another unit, or several ranges (which we don't serve, as HTTP allows).
 */
export function parseRangeHeader(
  header: string | null,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    // Suffix range: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Number(last);
  if (last !== '' && end < start) return null; // syntactically invalid: ignore
  if (start >= size) return 'unsatisfiable';
  return { start, end: Math.min(end, size - 1) };
}

/**
 * Serves `filePath` as media (recordings, clips, timeline files) or as one of the app's own files.
 * The file is closed however the answer ends: sent without a body, the body read to its end,
 * cancelled (the player seeked elsewhere), a read failing, or the request's signal aborting.
 */
export async function createFileResponse(
  request: Request,
  filePath: string,
  kind: FileKind,
  rangeLimitBytes = RANGE_LIMIT_BYTES,
): Promise<Response> {
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers: { Allow: 'GET, HEAD' } });
  }
  const { signal } = request;
  // Nobody waits for this answer any more: open nothing (a network error, as fetch gives).
  if (signal.aborted) return Response.error();
  let file: FileHandle;
  try {
    file = await open(filePath, OPEN_FLAGS);
  } catch (error) {
    return openFailed(error);
  }
  const closeFile = closeOnce(file);
  let body: ReadableStream<Uint8Array> | null = null;
  try {
    const info = await file.stat();
    if (!info.isFile()) return notFound();
    if (signal.aborted) return Response.error();
    const size = info.size;

    const contentType = contentTypeFor(filePath, kind);
    const headers = new Headers({
      'Content-Type': contentType,
      'Accept-Ranges': 'bytes',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    // Scripts keep no header: a worker script takes its policy from its own response.
    if (!contentType.startsWith('text/javascript')) headers.set('Content-Security-Policy', SCRIPT_FREE_POLICY);
    const range = parseRangeHeader(request.headers.get('range'), size);
    if (range === 'unsatisfiable') {
      headers.set('Content-Range', `bytes */${size}`);
      headers.set('Content-Length', '0');
      return new Response(null, { status: 416, headers });
    }

    const start = range?.start ?? 0;
    // A range answer holds at most the limit; a request without Range gets the whole file (200).
    const end = range ? Math.min(range.end, start + Math.max(1, rangeLimitBytes) - 1) : size - 1;
    const length = size === 0 ? 0 : end - start + 1;
    headers.set('Content-Length', String(length));
    if (range) headers.set('Content-Range', `bytes ${start}-${end}/${size}`);
    const status = range ? 206 : 200;
    if (method === 'HEAD' || length === 0) return new Response(null, { status, headers });
    body = fileBody(file, start, end, closeFile, signal);
    return new Response(body, { status, headers });
  } catch (error) {
    return openFailed(error);
  } finally {
    // Every answer without a body ends here; one with a body closes the file when the body ends.
    if (!body) await closeFile();
  }
}

/** Closes `file` the first time it is called, whoever calls; later calls wait for that close. */
function closeOnce(file: FileHandle): () => Promise<void> {
  let closing: Promise<void> | null = null;
  // FileHandle.close waits for a read in flight, so closing during a read is safe.
  return () => (closing ??= file.close().catch(() => {}));
}

/**
 * Bytes `start`..`end` (inclusive) of an open file as a web stream, read on demand. `closeFile`
 * runs on every way the body ends: the last byte read, the reader cancelling (the player seeked
 * elsewhere), a read failing, or `signal` aborting (the body then ends with the abort's reason).
 */
function fileBody(
  file: FileHandle,
  start: number,
  end: number,
  closeFile: () => Promise<void>,
  signal: AbortSignal,
): ReadableStream<Uint8Array> {
  let position = start;
  let ended = false;
  let onAbort = () => {};
  const finish = () => {
    ended = true;
    signal.removeEventListener('abort', onAbort);
    return closeFile();
  };
  return new ReadableStream({
    type: 'bytes',
    start(controller) {
      onAbort = () => {
        void finish();
        controller.error(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
    },
    async pull(controller) {
      const want = Math.min(CHUNK_BYTES, end + 1 - position);
      const chunk = new Uint8Array(want);
      let bytesRead: number;
      try {
        ({ bytesRead } = await file.read(chunk, 0, want, position));
        if (bytesRead === 0) throw new Error('The file became shorter while it was being sent');
      } catch (error) {
        if (ended) return;
        await finish();
        controller.error(error);
        return;
      }
      if (ended) return; // cancelled or aborted while reading
      position += bytesRead;
      controller.enqueue(bytesRead === want ? chunk : chunk.subarray(0, bytesRead));
      if (position > end) {
        await finish();
        controller.close();
      }
    },
    cancel: finish,
  });
}

function openFailed(error: unknown): Response {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return notFound();
  if (code === 'EACCES' || code === 'EPERM') return new Response('Forbidden', { status: 403 });
  return new Response('Cannot read file', { status: 500 });
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
}
