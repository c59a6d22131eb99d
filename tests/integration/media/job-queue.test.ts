// The proxy queue as the app uses it: real createProxy jobs, one ffmpeg at a time.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaInfo } from '../../../shared/domain';
import { locateBinaries, type MediaBinaries } from '../../../electron/services/media/binaries';
import { JobQueue, type JobEvent } from '../../../electron/services/media/job-queue';
import { probeMedia } from '../../../electron/services/media/probe';
import { createProxy, partialPathFor } from '../../../electron/services/media/proxy';
import { makeFixture, removeFixtureDir } from '../../support/media-fixtures';

let bin: MediaBinaries;
let dir: string;
let input: string;
let info: MediaInfo;

beforeAll(async () => {
  bin = await locateBinaries({ env: process.env });
  dir = await mkdtemp(path.join(os.tmpdir(), 'vkz-queue-'));
  input = await makeFixture('needs-proxy', dir, { durationSec: 4 });
  info = await probeMedia(bin, input);
});
afterAll(() => removeFixtureDir(dir));

function proxyJob(name: string) {
  const output = path.join(dir, `${name}.mp4`);
  return {
    output,
    work: (signal: AbortSignal, onProgress: (fraction: number) => void) =>
      createProxy(bin, { input, output, info, signal, onProgress }),
  };
}

describe('JobQueue with real proxies', () => {
  it('makes proxies one after the other, each reported from queued to done', async () => {
    const queue = new JobQueue({ concurrency: 1 });
    const events: (JobEvent & { at: number })[] = [];
    queue.onEvent((e) => events.push({ ...e, at: Date.now() }));
    const a = proxyJob('serial-a');
    const b = proxyJob('serial-b');
    queue.enqueue('rec-a', a.work);
    queue.enqueue('rec-b', b.work);
    await queue.idle();

    expect(existsSync(a.output) && existsSync(b.output)).toBe(true);
    const aDone = events.find((e) => e.key === 'rec-a' && e.state === 'done')!;
    const bRunning = events.find((e) => e.key === 'rec-b' && e.state === 'running')!;
    expect(bRunning.at).toBeGreaterThanOrEqual(aDone.at); // never two ffmpegs at once
    expect(events.indexOf(bRunning)).toBeGreaterThan(events.indexOf(aDone));

    for (const key of ['rec-a', 'rec-b']) {
      const progress = events.filter((e) => e.key === key && e.state === 'running').map((e) => e.progress);
      expect(progress.length).toBeGreaterThan(1); // the UI sees it move
      expect(progress.every((p, i) => i === 0 || p >= progress[i - 1]!)).toBe(true);
      expect(events.filter((e) => e.key === key).at(-1)).toMatchObject({ state: 'done', progress: 1 });
      // throttled: no more than ~10 updates per second of work
      const mine = events.filter((e) => e.key === key && e.state === 'running');
      const seconds = Math.max(0.1, (mine.at(-1)!.at - mine[0]!.at) / 1000);
      expect(mine.length).toBeLessThanOrEqual(Math.ceil(seconds * 10) + 2);
    }
  });

  it('cancels the running proxy and a queued one, leaving no files, and still makes the rest', async () => {
    const queue = new JobQueue();
    const events: JobEvent[] = [];
    const running = proxyJob('cancel-running');
    const queued = proxyJob('cancel-queued');
    const last = proxyJob('after-cancel');
    let cancelledRunning = false;
    queue.onEvent((e) => {
      events.push(e);
      if (e.key === 'rec-running' && e.state === 'running' && e.progress > 0.1 && !cancelledRunning) {
        cancelledRunning = true;
        queue.cancel('rec-running');
      }
    });
    queue.enqueue('rec-running', running.work);
    const queuedId = queue.enqueue('rec-queued', queued.work);
    queue.enqueue('rec-last', last.work);
    expect(queue.cancel(queuedId)).toBe(true);
    await queue.idle();

    const finalState = (key: string) => events.filter((e) => e.key === key).at(-1)?.state;
    expect(finalState('rec-running')).toBe('cancelled');
    expect(finalState('rec-queued')).toBe('cancelled');
    expect(events.some((e) => e.key === 'rec-queued' && e.state === 'running')).toBe(false);
    expect(finalState('rec-last')).toBe('done');
    for (const job of [running, queued]) {
      expect(existsSync(job.output)).toBe(false);
      expect(existsSync(partialPathFor(job.output))).toBe(false);
    }
    expect(existsSync(last.output)).toBe(true);
  });
});
