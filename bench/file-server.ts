// The baseline for serving media to the player: a plain Node file server, as most Node servers
// (and `send`/`serve-static`) answer ranges: `fs.createReadStream` of the asked range piped into
// the response, `bytes=N-` answered to the end of the file. The bench seeks the same file through
// it and through the app's media route in alternating rounds.
import http from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parseRangeHeader } from '../electron/services/media/media-response';

export interface FileServer {
  /** An empty page on the server's origin (no CSP: it may play media from the test host too). */
  pageUrl: string;
  /** The file. */
  fileUrl: string;
  close(): Promise<void>;
}

export async function startFileServer(file: string): Promise<FileServer> {
  const server = http.createServer(async (req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end('<!doctype html><title>bench</title>');
    }
    if (req.url !== '/file.mp4') {
      res.writeHead(404);
      return res.end();
    }
    const { size } = await stat(file);
    const range = parseRangeHeader(req.headers.range ?? null, size);
    if (range === 'unsatisfiable') {
      res.writeHead(416, { 'Content-Range': `bytes */${size}` });
      return res.end();
    }
    const start = range?.start ?? 0;
    const end = range?.end ?? size - 1;
    res.writeHead(range ? 206 : 200, {
      'Content-Type': 'video/mp4',
      'Accept-Ranges': 'bytes',
      'Cache-Control': 'no-store', // as the app's route: no seek is answered from the browser's cache
      'Content-Length': String(end - start + 1),
      ...(range ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
    });
    const body = createReadStream(file, { start, end });
    res.on('close', () => body.destroy());
    body.pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    pageUrl: `${base}/`,
    fileUrl: `${base}/file.mp4`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
