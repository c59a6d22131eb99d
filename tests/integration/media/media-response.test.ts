// createFileResponse serving a real MP4 the way the media protocol and the test host do.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileResponse, RANGE_LIMIT_BYTES } from '../../../electron/services/media/media-response';
import { makeFixture, removeFixtureDir } from '../../support/media-fixtures';

let dir: string;
let file: string;
let bytes: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vkz-response-'));
  file = await makeFixture('playable-mp4', dir, { durationSec: 2 });
  bytes = await readFile(file);
});
afterAll(() => removeFixtureDir(dir));

const request = (headers: Record<string, string> = {}, method = 'GET') =>
  new Request('vkz://app/media/0b7c4f1e-3f6a-4c59-9a55-0d7d7b1f1c11', { method, headers });

async function body(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

describe('createFileResponse', () => {
  it('sends the whole file with its type, length, range support and no caching', async () => {
    const response = await createFileResponse(request(), file, 'media');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await body(response)).equals(bytes)).toBe(true);
  });

  it('answers a range request with 206 and exactly those bytes (seeking in the player)', async () => {
    const response = await createFileResponse(request({ Range: 'bytes=1000-4999' }), file, 'media');
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 1000-4999/${bytes.length}`);
    expect(response.headers.get('content-length')).toBe('4000');
    expect((await body(response)).equals(bytes.subarray(1000, 5000))).toBe(true);
  });

  it("answers Chromium's first request, bytes=0-, with the whole file as a 206 when it is within the limit", async () => {
    const response = await createFileResponse(request({ Range: 'bytes=0-' }), file, 'media');
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 0-${bytes.length - 1}/${bytes.length}`);
    expect((await body(response)).equals(bytes)).toBe(true);
  });

  it('serves the end of the file for a suffix range and an open range', async () => {
    const suffix = await createFileResponse(request({ Range: 'bytes=-500' }), file, 'media');
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get('content-range')).toBe(`bytes ${bytes.length - 500}-${bytes.length - 1}/${bytes.length}`);
    expect((await body(suffix)).equals(bytes.subarray(bytes.length - 500))).toBe(true);

    const open = await createFileResponse(request({ Range: `bytes=${bytes.length - 10}-` }), file, 'media');
    expect((await body(open)).equals(bytes.subarray(bytes.length - 10))).toBe(true);
  });

  it('answers 416 with the real size for a range past the end', async () => {
    const response = await createFileResponse(request({ Range: `bytes=${bytes.length}-` }), file, 'media');
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
  });

  it('answers HEAD with the headers only', async () => {
    const response = await createFileResponse(request({}, 'HEAD'), file, 'media');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    expect((await body(response)).length).toBe(0);
    const ranged = await createFileResponse(request({ Range: 'bytes=0-99' }, 'HEAD'), file, 'media');
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-length')).toBe('100');
  });

  it('answers 404 for a file that is gone, and 405 for anything but GET and HEAD', async () => {
    expect((await createFileResponse(request(), path.join(dir, 'gone.mp4'), 'media')).status).toBe(404);
    expect((await createFileResponse(request(), dir, 'media')).status).toBe(404);
    const post = await createFileResponse(request({}, 'POST'), file, 'media');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it.runIf(process.platform !== 'win32')('answers 404 at once for a named pipe in place of a file (opening one could wait forever)', async () => {
    const fifo = path.join(dir, 'pipe.mp4');
    await promisify(execFile)('mkfifo', [fifo]);
    expect((await createFileResponse(request({ Range: 'bytes=0-' }), fifo, 'media')).status).toBe(404);
  });

  it('serves an empty file as an empty 200', async () => {
    const empty = path.join(dir, 'empty.txt');
    await writeFile(empty, '');
    const response = await createFileResponse(request(), empty, 'media');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('0');
    expect((await body(response)).length).toBe(0);
  });

  it('lets the player stop reading halfway (the stream can be cancelled)', async () => {
    const response = await createFileResponse(request(), file, 'media');
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    await reader.cancel();
  });

  it('sends the first and the last byte alone', async () => {
    const first = await createFileResponse(request({ Range: 'bytes=0-0' }), file, 'media');
    expect(first.headers.get('content-range')).toBe(`bytes 0-0/${bytes.length}`);
    expect((await body(first)).equals(bytes.subarray(0, 1))).toBe(true);
    const last = await createFileResponse(request({ Range: `bytes=${bytes.length - 1}-` }), file, 'media');
    expect(last.headers.get('content-range')).toBe(`bytes ${bytes.length - 1}-${bytes.length - 1}/${bytes.length}`);
    expect((await body(last)).equals(bytes.subarray(bytes.length - 1))).toBe(true);
  });
});

// Chromium asks `bytes=N-` at every seek and reads ahead until the next seek: a range answer holds
// at most a limit, and the player asks on from where it ended (as it does when playing on).
describe('createFileResponse: a range answer holds at most the limit', () => {
  const limit = 10_000;

  it('answers bytes=0- with the first `limit` bytes and says so in Content-Range', async () => {
    const response = await createFileResponse(request({ Range: 'bytes=0-' }), file, 'media', limit);
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 0-${limit - 1}/${bytes.length}`);
    expect(response.headers.get('content-length')).toBe(String(limit));
    expect((await body(response)).equals(bytes.subarray(0, limit))).toBe(true);
  });

  it('lets a player read the whole file by asking on from where each answer ended', async () => {
    const parts: Buffer[] = [];
    let from = 0;
    for (;;) {
      const response = await createFileResponse(request({ Range: `bytes=${from}-` }), file, 'media', limit);
      if (response.status === 416) break;
      const [, start, end, total] = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(response.headers.get('content-range') ?? '')!.map(Number);
      expect([start, total]).toEqual([from, bytes.length]);
      parts.push(await body(response));
      from = end! + 1;
    }
    expect(parts.length).toBe(Math.ceil(bytes.length / limit));
    expect(Buffer.concat(parts).equals(bytes)).toBe(true);
  });

  it('limits a closed range and a suffix range too, from their first byte', async () => {
    const closed = await createFileResponse(request({ Range: `bytes=100-${100 + 3 * limit}` }), file, 'media', limit);
    expect(closed.headers.get('content-range')).toBe(`bytes 100-${100 + limit - 1}/${bytes.length}`);
    expect((await body(closed)).equals(bytes.subarray(100, 100 + limit))).toBe(true);
    const suffix = await createFileResponse(request({ Range: `bytes=-${2 * limit}` }), file, 'media', limit);
    const start = bytes.length - 2 * limit;
    expect(suffix.headers.get('content-range')).toBe(`bytes ${start}-${start + limit - 1}/${bytes.length}`);
    expect((await body(suffix)).equals(bytes.subarray(start, start + limit))).toBe(true);
  });

  it('still sends the whole file to a request without Range (an image, a download)', async () => {
    const response = await createFileResponse(request(), file, 'media', limit);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    expect((await body(response)).equals(bytes)).toBe(true);
  });

  it('keeps 416 for a range past the end', async () => {
    const response = await createFileResponse(request({ Range: `bytes=${bytes.length + 5}-` }), file, 'media', limit);
    expect(response.status).toBe(416);
  });

  it('limits at a few megabytes by default', async () => {
    const big = path.join(dir, 'big.mp4');
    const content = Buffer.alloc(RANGE_LIMIT_BYTES + 12_345, 7);
    content.write('end', content.length - 3);
    await writeFile(big, content);
    const ranged = await createFileResponse(request({ Range: 'bytes=0-' }), big, 'media');
    expect(ranged.headers.get('content-range')).toBe(`bytes 0-${RANGE_LIMIT_BYTES - 1}/${content.length}`);
    expect((await body(ranged)).length).toBe(RANGE_LIMIT_BYTES);
    const rest = await createFileResponse(request({ Range: `bytes=${RANGE_LIMIT_BYTES}-` }), big, 'media');
    expect((await body(rest)).toString('latin1').endsWith('end')).toBe(true);
  });
});
