// The media timeline through the backend, as both shells use it: real SQLite, real ffmpeg on
// generated media. Waveform and thumbnails are computed after a recording is added, cached on
// disk, served only from that recording's cache folder, shown at once by a new backend on the
// same data, and removed with the recording. Scrub proxies and the proxies of phone video have
// 1-second keyframes and a constant frame rate.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent, ResponseOf } from '../../../shared/contract';
import type { Recording } from '../../../shared/domain';
import { handleAppRequest, type AppRequestContext } from '../../../electron/services/app-request';
import { createBackend, type Backend } from '../../../electron/services/backend/backend';
import { runFfprobe } from '../../../electron/services/media/ffmpeg-runner';
import { locateBinaries } from '../../../electron/services/media/binaries';
import { makeBrightnessClock } from '../../support/long-media';
import { makeFixture } from '../../support/media-fixtures';

const repoRoot = path.resolve(__dirname, '../../..');
const bin = await locateBinaries({ env: {} });
let tmp: string;
let dataDir: string;
let backend: Backend;
const dialog: string[][] = [];
const events: AppEvent[] = [];
let media: { longGop: string; vfr: string; short: string; slow: string };

function startBackend(): Backend {
  return createBackend({
    dataDir,
    resourcesPath: path.join(repoRoot, 'resources'),
    appVersion: 'test',
    pickMediaFiles: async () => dialog.shift() ?? [],
    mediaUrlFor: (id, version) => `/media/${id}?v=${version}`,
    emit: (event) => events.push(event),
  });
}

async function ok<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const timelineData = (recordingId: string) =>
  ok<ResponseOf<'media.timelineData'>>(backend.handle('media.timelineData', { recordingId }));

function requestContext(): AppRequestContext {
  return {
    rendererDir: path.join(tmp, 'no-renderer'),
    resolveMediaPath: (id) => backend.resolveMediaPath(id),
    resolveTimelineFile: (id, file) => backend.resolveTimelineFile(id, file),
  };
}
const get = (url: string) => handleAppRequest(new Request(new URL(url, 'http://127.0.0.1')), requestContext());

/** Keyframe times and the distinct frame durations of the first video stream, from packets. */
async function videoTiming(file: string): Promise<{ keyframes: number[]; frameDurations: number[]; rates: string[] }> {
  const { stdout } = await runFfprobe(bin, [
    '-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time,flags', '-of', 'csv=p=0', file,
  ]);
  const packets = stdout
    .trim()
    .split('\n')
    .map((line) => line.split(','))
    .map(([pts, flags]) => ({ t: Number(pts), key: (flags ?? '').startsWith('K') }))
    .sort((a, b) => a.t - b.t);
  const durations = new Set<number>();
  for (let i = 1; i < packets.length; i++) durations.add(Math.round((packets[i]!.t - packets[i - 1]!.t) * 1e4) / 1e4);
  const streams = await runFfprobe(bin, ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=r_frame_rate,avg_frame_rate', '-of', 'csv=p=0', file]);
  return {
    keyframes: packets.filter((p) => p.key).map((p) => p.t),
    frameDurations: [...durations],
    rates: streams.stdout.trim().split(','),
  };
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vkz-timeline-backend-'));
  dataDir = path.join(tmp, 'data');
  const mediaDir = path.join(tmp, 'media');
  mkdirSync(mediaDir);
  const [longGop, vfr, short, slow] = await Promise.all([
    makeBrightnessClock(mediaDir, { durationSec: 30, fps: 5, gopSec: 10 }),
    makeFixture('vfr-mp4', mediaDir, { durationSec: 4, width: 160, height: 90 }),
    makeFixture('playable-mp4', mediaDir, { durationSec: 3, width: 160, height: 90, fps: 10 }),
    makeBrightnessClock(mediaDir, { durationSec: 240, fps: 10, gopSec: 1, width: 640, height: 360 }),
  ]);
  media = { longGop, vfr, short, slow };
  backend = startBackend();
});

afterAll(() => {
  backend?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('media timeline through the backend', () => {
  let cycleId: string;
  let recording: Recording;

  it('computes waveform and thumbnails in the background after a recording is added', async () => {
    await ok(backend.handle('settings.update', { authorName: 'Onderzoeker T' }));
    const trajectory = await ok<{ id: string }>(backend.handle('trajectories.create', { caseManager: 'KM-9', client: 'C' }));
    cycleId = (await ok<{ id: string }>(backend.handle('cycles.create', { trajectoryId: trajectory.id, title: 'T', date: null }))).id;
    dialog.push([media.longGop]);
    const added = await ok<ResponseOf<'recordings.addViaDialog'>>(backend.handle('recordings.addViaDialog', { cycleId }));
    recording = added.added[0]!;
    expect(recording.proxyReason).toBeNull();

    await backend.idle();
    const data = await timelineData(recording.id);
    expect(data.state).toBe('done');
    expect(data.progress).toBe(1);
    expect(data.waveform?.bucketsPerSec).toBe(100);
    expect(data.waveform?.url).toMatch(new RegExp(`^/media/${recording.id}/waveform\\.bin\\?v=\\d+$`));
    expect(data.thumbnails.length).toBe(21); // keyframes at 0, 10, 20 s: one picture per second up to the last
    expect(data.thumbnails.slice(0, 3).map((t) => t.timeSec)).toEqual([0, 1, 2]);
    expect(data.keyframeIntervalSec).toBeCloseTo(10, 1);

    const timelineEvents = events.filter((e) => e.type === 'recording.timeline' && e.recordingId === recording.id);
    expect(timelineEvents.map((e) => e.state)).toContain('running');
    expect(timelineEvents.at(-1)).toMatchObject({ state: 'done', progress: 1, cycleId });
    expect(existsSync(path.join(dataDir, 'cache', recording.id, 'timeline.json'))).toBe(true);
  });

  it('serves the cached files by recording id and strict names only', async () => {
    const data = await timelineData(recording.id);
    const wave = await get(data.waveform!.url);
    expect(wave.status).toBe(200);
    expect((await wave.arrayBuffer()).byteLength).toBeGreaterThanOrEqual(2990);
    expect(wave.headers.get('cache-control')).toContain('immutable');
    const thumb = await get(data.thumbnails[5]!.url);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');

    const base = `/media/${recording.id}`;
    for (const url of [
      `${base}/thumbs/1.jpg`,
      `${base}/thumbs/99999.jpg`,
      `${base}/timeline.json`,
      `${base}/keyframes.json`,
      `${base}/thumbs/..%2F..%2F..%2Fvkz.sqlite`,
      `${base}/..%2F..%2Fvkz.sqlite`,
      `${base}/thumbs/../../../vkz.sqlite`,
      `/media/00000000-0000-4000-8000-000000000000/waveform.bin`,
      `/media/..%2Fcache%2F${recording.id}/waveform.bin`,
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
    // The recording itself is still served as before.
    expect((await get(recording.mediaUrl!)).status).toBe(200);
  });

  it('a new backend on the same data shows them at once, from the cache', async () => {
    backend.close();
    backend = startBackend();
    const data = await timelineData(recording.id);
    expect(data.state).toBe('done');
    expect(data.thumbnails.length).toBe(21); // keyframes at 0, 10, 20 s: one picture per second up to the last
    expect(data.keyframeIntervalSec).toBeCloseTo(10, 1);
  });

  it('makes a scrub proxy on request: keyframes every half second, constant frame rate, and the recording then plays it', async () => {
    expect(recording.mediaUrl).toMatch(/v=original$/);
    const requested = await ok<Recording>(backend.handle('recordings.makeScrubProxy', { id: recording.id }));
    expect(['queued', 'running']).toContain(requested.proxyState);
    expect(requested.mediaUrl).toMatch(/v=original$/); // the original plays until the proxy is done
    await backend.idle();
    const workspace = await ok<ResponseOf<'workspace.get'>>(backend.handle('workspace.get', { cycleId }));
    const after = workspace.recordings.find((r) => r.id === recording.id)!;
    expect(after.proxyState).toBe('done');
    expect(after.mediaUrl).toMatch(/v=proxy$/);
    const proxyPath = backend.resolveMediaPath(recording.id)!;
    expect(proxyPath).toContain(`${path.sep}proxies${path.sep}`);

    const timing = await videoTiming(proxyPath);
    const gaps = timing.keyframes.slice(1).map((t, i) => Math.round((t - timing.keyframes[i]!) * 1000) / 1000);
    expect(new Set(gaps)).toEqual(new Set([0.6])); // 5 fps: half a second is 2.5 frames, made 3
    expect(timing.frameDurations).toEqual([0.2]); // every frame
    expect(timing.rates[0]).toBe(timing.rates[1]);
    // Asking again changes nothing.
    const again = await ok<Recording>(backend.handle('recordings.makeScrubProxy', { id: recording.id }));
    expect(again.proxyState).toBe('done');
  });

  it('a phone video with a variable frame rate gets a constant-rate proxy with keyframes every half second', async () => {
    dialog.push([media.vfr]);
    const added = await ok<ResponseOf<'recordings.addViaDialog'>>(backend.handle('recordings.addViaDialog', { cycleId }));
    const vfr = added.added[0]!;
    expect(vfr.media.video?.variableFrameRate).toBe(true);
    await backend.idle();
    const proxyPath = backend.resolveMediaPath(vfr.id)!;
    expect(proxyPath).toContain(`${path.sep}proxies${path.sep}`);
    const timing = await videoTiming(proxyPath);
    expect(timing.frameDurations).toHaveLength(1);
    const frame = timing.frameDurations[0]!;
    const gaps = timing.keyframes.slice(1).map((t, i) => t - timing.keyframes[i]!);
    for (const gap of gaps) expect(gap).toBeCloseTo(Math.round(Math.round(1 / frame) / 2) * frame, 3);
    expect(timing.rates[0]).toBe(timing.rates[1]);
    expect((await timelineData(vfr.id)).state).toBe('done');
  });

  it('computing can be cancelled, stays cancelled, and is done again on retry', async () => {
    dialog.push([media.slow]);
    const added = await ok<ResponseOf<'recordings.addViaDialog'>>(backend.handle('recordings.addViaDialog', { cycleId }));
    const id = added.added[0]!.id;
    const started = await timelineData(id);
    expect(['queued', 'running']).toContain(started.state);
    expect(await ok(backend.handle('media.cancelTimeline', { recordingId: id }))).toEqual({ cancelled: true });
    await backend.idle();
    const stopped = await timelineData(id);
    expect(stopped).toMatchObject({ state: 'cancelled', waveform: null, thumbnails: [] });
    expect(events.some((e) => e.type === 'recording.timeline' && e.recordingId === id && e.state === 'cancelled')).toBe(true);
    expect(existsSync(path.join(dataDir, 'cache', id, 'timeline.json'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'cache', id, 'thumbs.part'))).toBe(false);
    expect(await ok(backend.handle('media.cancelTimeline', { recordingId: id }))).toEqual({ cancelled: false });

    const again = await ok<ResponseOf<'media.timelineData'>>(backend.handle('media.timelineData', { recordingId: id, retry: true }));
    expect(['queued', 'running']).toContain(again.state);
    await backend.idle();
    const done = await timelineData(id);
    expect(done.state).toBe('done');
    expect(done.thumbnails.length).toBeGreaterThan(200);
    await ok(backend.handle('recordings.remove', { id }));
  });

  it('removing a recording removes its cached data; deleting a cycle removes what is left', async () => {
    const cacheDir = path.join(dataDir, 'cache', recording.id);
    expect(existsSync(cacheDir)).toBe(true);
    await ok(backend.handle('recordings.remove', { id: recording.id }));
    expect(existsSync(cacheDir)).toBe(false);
    expect(await backend.handle('media.timelineData', { recordingId: recording.id })).toMatchObject({ ok: false });

    dialog.push([media.short]);
    const added = await ok<ResponseOf<'recordings.addViaDialog'>>(backend.handle('recordings.addViaDialog', { cycleId }));
    await backend.idle();
    const shortCache = path.join(dataDir, 'cache', added.added[0]!.id);
    expect(existsSync(path.join(shortCache, 'timeline.json'))).toBe(true);
    await ok(backend.handle('cycles.delete', { id: cycleId }));
    expect(existsSync(shortCache)).toBe(false);
  });
});
