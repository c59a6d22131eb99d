// createFileResponse must close the file on every way a response can end: read to the end,
// cancelled before the first read or halfway (Chromium aborts the previous seek's request at every
// new seek), destroyed as a Node stream (how Electron's protocol.handle and the test host consume
// it), the request aborted, or a read failing. A leaked descriptor per seek runs a long session
// out of file handles and keeps a recording the user removes in use on Windows.
import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { mkdtemp, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileResponse } from '../../../electron/services/media/media-response';
import { removeFixtureDir } from '../../support/media-fixtures';

/** Larger than a few range answers at the small limit below, and than one read chunk. */
const FILE_BYTES = 3 * 2 ** 20;
const LIMIT = 512 * 2 ** 10;
const ROUNDS = 20;

let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vkz-handles-'));
  file = path.join(dir, 'recording.mp4');
  await writeFile(file, Buffer.alloc(FILE_BYTES, 0x5a));
});
afterAll(() => removeFixtureDir(dir));

/** How many of this process's descriptors point at `target` (Linux lists them in /proc/self/fd). */
function descriptorsOn(target: string): number {
  let count = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) === target) count++;
    } catch {
      // closed between the listing and the look (the listing's own descriptor, for one)
    }
  }
  return count;
}

/** Lets closes that are under way finish: a few turns of the event loop, no clock. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 50 && descriptorsOn(file) > 0; turn++) await new Promise((resolve) => setImmediate(resolve));
}

const rangeFrom = (start: number, signal?: AbortSignal) =>
  new Request('vkz://app/media/0b7c4f1e-3f6a-4c59-9a55-0d7d7b1f1c11', { headers: { Range: `bytes=${start}-` }, signal });

/** A range answer the way Chromium asks at a seek: `bytes=N-`, somewhere in the file. */
const seekTo = (round: number, signal?: AbortSignal) =>
  createFileResponse(rangeFrom((round * 97_003) % (FILE_BYTES - 1), signal), file, 'media', LIMIT);

const asNodeStream = (response: Response) => Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);

describe.runIf(existsSync('/proc/self/fd'))('createFileResponse closes the file however the response ends', () => {
  const endings: Record<string, (round: number) => Promise<unknown>> = {
    'read to the end': async (round) => (await seekTo(round)).arrayBuffer(),
    'cancelled before the first read': async (round) => (await seekTo(round)).body!.cancel(),
    'cancelled after a partial read': async (round) => {
      const reader = (await seekTo(round)).body!.getReader();
      await reader.read();
      await reader.cancel();
    },
    'cancelled while a read is under way': async (round) => {
      const reader = (await seekTo(round)).body!.getReader();
      const pending = reader.read();
      await reader.cancel();
      await pending;
    },
    'destroyed as a Node stream before it is read (Electron, test host)': async (round) => {
      const stream = asNodeStream(await seekTo(round));
      stream.destroy();
      await finished(stream).catch(() => {});
    },
    'destroyed as a Node stream after a partial read': async (round) => {
      const stream = asNodeStream(await seekTo(round));
      await new Promise((resolve) => stream.once('data', resolve));
      stream.destroy();
      await finished(stream).catch(() => {});
    },
    'answered without a body (HEAD, a range past the end, an empty file, a folder)': async (round) => {
      const head = new Request(rangeFrom(0), { method: 'HEAD' });
      expect((await createFileResponse(head, file, 'media')).body).toBeNull();
      expect((await createFileResponse(rangeFrom(FILE_BYTES + round), file, 'media')).status).toBe(416);
      expect((await createFileResponse(rangeFrom(0), dir, 'media')).status).toBe(404);
    },
    'request aborted before the answer is made': async (round) => {
      const abort = new AbortController();
      abort.abort();
      expect((await seekTo(round, abort.signal)).type).toBe('error'); // a network error, as fetch gives
    },
    'request aborted before the body is read': async (round) => {
      const abort = new AbortController();
      const response = await seekTo(round, abort.signal);
      abort.abort();
      await expect(response.body!.getReader().read()).rejects.toThrow();
    },
    'request aborted after a partial read': async (round) => {
      const abort = new AbortController();
      const reader = (await seekTo(round, abort.signal)).body!.getReader();
      await reader.read();
      abort.abort();
      await expect(reader.read()).rejects.toThrow();
    },
    'request aborted and the body never touched': async (round) => {
      const abort = new AbortController();
      await seekTo(round, abort.signal);
      abort.abort();
    },
  };

  for (const [ending, end] of Object.entries(endings)) {
    it(ending, async () => {
      for (let round = 0; round < ROUNDS; round++) await end(round);
      await settle();
      expect(descriptorsOn(file)).toBe(0);
    });
  }

  it('a read that fails (the file became shorter while it was sent): the body ends with an error, not made-up bytes', async () => {
    const shrinking = path.join(dir, 'shrinking.mp4');
    for (let round = 0; round < ROUNDS; round++) {
      await writeFile(shrinking, Buffer.alloc(FILE_BYTES, 1));
      const response = await createFileResponse(rangeFrom(0), shrinking, 'media', LIMIT);
      await truncate(shrinking, 1000);
      await expect(response.arrayBuffer()).rejects.toThrow();
    }
    await settle();
    expect(descriptorsOn(shrinking)).toBe(0);
  });
});
