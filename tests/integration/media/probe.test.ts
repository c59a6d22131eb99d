// probeMedia on generated files of every kind a researcher may pick, with the bundled ffprobe and
// (when installed) the system's.
import { copyFile, mkdir, mkdtemp, stat, truncate } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateBinaries, type MediaBinaries } from '../../../electron/services/media/binaries';
import { MediaError } from '../../../electron/services/media/errors';
import { decidePlayback } from '../../../electron/services/media/playability';
import { probeMedia } from '../../../electron/services/media/probe';
import { makeFixture, removeFixtureDir, type FixtureKind } from '../../support/media-fixtures';

const bundled = await locateBinaries({ env: {} });
const system = await locateBinaries({ ffmpegSetting: 'ffmpeg', ffprobeSetting: 'ffprobe', env: {} });
const binarySets: [string, MediaBinaries][] = [['bundled ffprobe', bundled]];
if (system.ffprobeSource === 'setting') binarySets.push(['system ffprobe', system]);

let dir: string;
const files = {} as Record<FixtureKind | 'cut-faststart', string>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vkz-probe-'));
  const kinds: FixtureKind[] = ['playable-mp4', 'needs-proxy', 'audio-only', 'zero-byte', 'text-as-mp4', 'truncated-mp4', 'vfr-mp4'];
  const results = await Promise.all(kinds.map((kind) => makeFixture(kind, dir, { durationSec: 4 })));
  kinds.forEach((kind, i) => (files[kind] = results[i]!));
  // A copy cut off halfway, of an MP4 whose index IS at the start: ffprobe opens it happily.
  files['cut-faststart'] = path.join(dir, 'cut-faststart.mp4');
  await copyFile(files['playable-mp4'], files['cut-faststart']);
  await truncate(files['cut-faststart'], Math.floor((await stat(files['playable-mp4'])).size / 2));
});
afterAll(() => removeFixtureDir(dir));

async function probeError(bin: MediaBinaries, file: string, signal?: AbortSignal): Promise<MediaError> {
  const error = await probeMedia(bin, file, signal).then(
    () => new Error(`expected ${file} to fail`),
    (e: unknown) => e,
  );
  if (!(error instanceof MediaError)) throw error;
  return error;
}

describe.each(binarySets)('probeMedia with the %s', (_name, bin) => {
  it('reads a playable MP4 and lets the app play it directly', async () => {
    const info = await probeMedia(bin, files['playable-mp4']);
    expect(info.durationSec).toBeCloseTo(4, 1);
    expect(info.formatName).toContain('mp4');
    expect(info.sizeBytes).toBe((await stat(files['playable-mp4'])).size);
    expect(info.video).toMatchObject({ codec: 'h264', width: 640, height: 360, pixFmt: 'yuv420p', fps: 25, variableFrameRate: false });
    expect(info.audio).toMatchObject({ codec: 'aac', sampleRate: 48000 });
    expect(decidePlayback(info)).toEqual({ needsProxy: false, reason: null });
  });

  it('reads an old AVI and says it needs a proxy', async () => {
    const info = await probeMedia(bin, files['needs-proxy']);
    expect(info.formatName).toBe('avi');
    expect(info.video?.codec).toBe('mpeg4');
    expect(info.audio?.codec).toBe('mp3');
    expect(decidePlayback(info)).toEqual({ needsProxy: true, reason: 'video codec mpeg4 is not playable in the app' });
  });

  it('reads an audio-only recording as audio without video', async () => {
    const info = await probeMedia(bin, files['audio-only']);
    expect(info.video).toBeNull();
    expect(info.audio?.codec).toBe('aac');
    expect(info.durationSec).toBeCloseTo(4, 1);
    expect(decidePlayback(info).needsProxy).toBe(false);
  });

  it('sees variable frame rate phone-style video and asks for a constant-rate proxy', async () => {
    const info = await probeMedia(bin, files['vfr-mp4']);
    expect(info.video?.variableFrameRate).toBe(true);
    expect(decidePlayback(info)).toMatchObject({ needsProxy: true, reason: expect.stringMatching(/variable frame rate/) });
  });

  it.each([
    ['a missing file', () => path.join(dir, 'moved-away.mp4'), 'not-found'],
    ['a folder', () => dir, 'not-found'],
    ['an empty file', () => files['zero-byte'], 'empty'],
    ['a text file named .mp4', () => files['text-as-mp4'], 'not-media'],
    ['an MP4 copy that stopped before its index', () => files['truncated-mp4'], 'truncated'],
    ['an MP4 copy cut off halfway through its data', () => files['cut-faststart'], 'truncated'],
  ] as const)('refuses %s with code %s', async (_what, file, code) => {
    const error = await probeError(bin, file());
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('explains a truncated MP4 in words a person can act on', async () => {
    expect((await probeError(bin, files['truncated-mp4'])).message).toMatch(/not copied or recorded completely/);
    expect((await probeError(bin, files['cut-faststart'])).message).toMatch(/cut off/);
  });

  it("stops when cancelled, with code 'cancelled'", async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await probeError(bin, files['playable-mp4'], controller.signal)).code).toBe('cancelled');
  });
});

describe('probeMedia on files the user may not read', () => {
  it.skipIf(process.getuid?.() === 0)("says 'unreadable' without permission", async () => {
    const locked = path.join(dir, 'locked');
    await mkdir(locked, { recursive: true });
    const file = path.join(locked, 'locked.mp4');
    await copyFile(files['playable-mp4'], file);
    const { chmod } = await import('node:fs/promises');
    await chmod(file, 0o000);
    try {
      expect((await probeError(bundled, file)).code).toBe('unreadable');
    } finally {
      await chmod(file, 0o644);
    }
  });
});
