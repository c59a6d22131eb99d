// A recording whose timeline data was cached by an older VKZ: thumbnails made before they had the
// shown shape (squeezed for non-square pixels) are made again, once, while its waveform, which did
// not change, is kept. Real ffmpeg on a generated 4:3-pixel video; the old cache is the one this
// VKZ writes, turned back into what the previous version wrote (no per-part versions in
// timeline.json, squeezed pictures).
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { locateBinaries } from '../../../electron/services/media/binaries';
import { runFfprobe } from '../../../electron/services/media/ffmpeg-runner';
import { THUMBNAILS_DIR, TIMELINE_MANIFEST, WAVEFORM_FILE, recordingCacheDir } from '../../../electron/services/media/media-cache';
import { probeMedia } from '../../../electron/services/media/probe';
import { thumbnailFileName } from '../../../electron/services/media/thumbnail-args';
import { TimelineService, type TimelineSource } from '../../../electron/services/media/timeline-service';
import { makeBrightnessClock } from '../../support/long-media';

const execFileAsync = promisify(execFile);
const bin = await locateBinaries({ env: {} });
let tmp: string;
let source: TimelineSource;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'vkz-timeline-upgrade-'));
  // 120x90 stored, 4:3 pixels: shown 160x90.
  const input = await makeBrightnessClock(tmp, { durationSec: 3, fps: 2, gopSec: 1, width: 120, height: 90, sar: '4/3' });
  source = { recordingId: randomUUID(), cycleId: randomUUID(), input, media: await probeMedia(bin, input) };
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

function service(dataDir: string): TimelineService {
  return new TimelineService({ dataDir, binaries: async () => bin, onChange: () => undefined });
}

async function sizeOf(jpeg: string): Promise<string> {
  const { stdout } = await runFfprobe(bin, ['-v', 'error', '-show_entries', 'stream=width,height', '-of', 'csv=p=0:s=x', jpeg]);
  return stdout.trim();
}

/** The recording's timeline data computed by a service that is then closed; its cache folder. */
async function computedOnce(dataDir: string): Promise<string> {
  const first = service(dataDir);
  await first.status(source);
  await first.idle();
  first.close();
  return recordingCacheDir(dataDir, source.recordingId);
}

it('thumbnails cached before they had the shown shape are made again; the waveform is kept', async () => {
  const dataDir = path.join(tmp, 'data');
  const dir = await computedOnce(dataDir);
  const firstThumb = path.join(dir, THUMBNAILS_DIR, thumbnailFileName(1));
  expect(await sizeOf(firstThumb)).toBe('160x90');

  // What the previous version left: the same manifest without per-part versions, squeezed pictures.
  const manifest = JSON.parse(await readFile(path.join(dir, TIMELINE_MANIFEST), 'utf8'));
  const old = {
    ...manifest,
    waveform: { bucketsPerSec: manifest.waveform.bucketsPerSec, count: manifest.waveform.count },
    thumbnails: { intervalSec: manifest.thumbnails.intervalSec, count: manifest.thumbnails.count },
  };
  await writeFile(path.join(dir, TIMELINE_MANIFEST), JSON.stringify(old));
  await execFileAsync(bin.ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=gray:s=120x90', '-frames:v', '1', firstThumb]);
  expect(await sizeOf(firstThumb)).toBe('120x90');
  const waveformBefore = await stat(path.join(dir, WAVEFORM_FILE));

  // An upgrade cut short (the app closed while the new pictures are made) leaves the old manifest:
  // the next start still knows the waveform is current and redoes only the thumbnails.
  const started = path.join(tmp, 'slow-ffmpeg-started');
  const slowFfmpeg = path.join(tmp, 'slow-ffmpeg');
  await writeFile(slowFfmpeg, `#!/bin/sh\ntouch '${started}'\nexec sleep 30\n`, { mode: 0o755 });
  const cut = new TimelineService({ dataDir, binaries: async () => ({ ...bin, ffmpeg: slowFfmpeg }), onChange: () => undefined });
  await cut.status(source);
  await expect.poll(() => stat(started).then(() => true, () => false), { timeout: 10_000 }).toBe(true);
  cut.close();
  await cut.idle();
  expect(JSON.parse(await readFile(path.join(dir, TIMELINE_MANIFEST), 'utf8'))).toEqual(old);

  // The next start: the old strip is not served, new pictures are made.
  const next = service(dataDir);
  const status = await next.status(source);
  expect(status.state).not.toBe('done');
  await next.idle();
  const done = await next.status(source);
  expect(done.state).toBe('done');
  expect(done.manifest?.createdAt).toBeGreaterThan(old.createdAt); // new URLs: no browser serves the old pictures
  expect(await sizeOf(firstThumb)).toBe('160x90');
  expect(done.manifest?.thumbnails?.count).toBe(old.thumbnails.count);
  // The waveform was not computed again: the same file, untouched.
  const waveformAfter = await stat(path.join(dir, WAVEFORM_FILE));
  expect(waveformAfter.ino).toBe(waveformBefore.ino);
  expect(waveformAfter.mtimeMs).toBe(waveformBefore.mtimeMs);
  expect(done.manifest?.waveform).toMatchObject(old.waveform);
  next.close();

  // And once made again, a start after that serves them at once.
  const third = service(dataDir);
  expect((await third.status(source)).state).toBe('done');
  third.close();
});

it('a timeline.json changed on disk into something hostile is not served but made again', async () => {
  const dataDir = path.join(tmp, 'data-hostile');
  const dir = await computedOnce(dataDir);
  const good = JSON.parse(await readFile(path.join(dir, TIMELINE_MANIFEST), 'utf8'));

  for (const hostile of [
    { ...good, thumbnails: { ...good.thumbnails, count: 4e9 } }, // would size an array of 4e9
    { ...good, thumbnails: { ...good.thumbnails, count: -1 } },
    { ...good, waveform: true },
    { ...good, createdAt: '1' },
  ]) {
    await writeFile(path.join(dir, TIMELINE_MANIFEST), JSON.stringify(hostile));
    const next = service(dataDir);
    expect((await next.status(source)).state).not.toBe('done');
    await next.idle();
    const done = await next.status(source);
    expect(done.state).toBe('done');
    expect(done.manifest).toMatchObject({ thumbnails: { count: good.thumbnails.count }, waveform: { count: good.waveform.count } });
    next.close();
  }
});
