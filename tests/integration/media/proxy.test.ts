// createProxy with real ffmpeg on generated media, with the bundled 2018 ffmpeg and (when
// installed) the system's: what comes out must play in the app, scrub well and keep time.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaInfo } from '../../../shared/domain';
import { locateBinaries, type MediaBinaries } from '../../../electron/services/media/binaries';
import { MediaError } from '../../../electron/services/media/errors';
import { runFfmpeg, runFfprobe } from '../../../electron/services/media/ffmpeg-runner';
import { hasFaststartLayout, inspectIsoBmff } from '../../../electron/services/media/mp4-boxes';
import { decidePlayback } from '../../../electron/services/media/playability';
import { probeMedia } from '../../../electron/services/media/probe';
import { createProxy, partialPathFor } from '../../../electron/services/media/proxy';
import { proxyOutputExtension } from '../../../electron/services/media/proxy-args';
import { makeFixture, removeFixtureDir } from '../../support/media-fixtures';

const execFileAsync = promisify(execFile);
const bundled = await locateBinaries({ env: {} });
const system = await locateBinaries({ ffmpegSetting: 'ffmpeg', ffprobeSetting: 'ffprobe', env: {} });
const binarySets: [string, MediaBinaries][] = [['bundled 2018 ffmpeg', bundled]];
if (system.ffmpegSource === 'setting') binarySets.push(['system ffmpeg', system]);

let dir: string;
let shortAvi: string;
let longAvi: string;
let portraitAvi: string;
let vfrMp4: string;
let wav24: string;
let truncatedMp4: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vkz-proxy-'));
  [shortAvi, longAvi, portraitAvi, vfrMp4, truncatedMp4] = await Promise.all([
    makeFixture('needs-proxy', dir, { durationSec: 4 }),
    makeFixture('needs-proxy', dir, { durationSec: 12 }),
    makeFixture('needs-proxy', dir, { durationSec: 1, width: 540, height: 1080 }),
    makeFixture('vfr-mp4', dir, { durationSec: 4 }),
    makeFixture('truncated-mp4', dir, { durationSec: 4 }),
  ]);
  // A 24-bit WAV (as from a field recorder): audio only, and not playable in the app as it is.
  wav24 = path.join(dir, 'recorder.wav');
  await runFfmpeg(bundled, ['-y', '-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=300:sample_rate=48000', '-t', '3',
    '-c:a', 'pcm_s24le', wav24], {});
});
afterAll(() => removeFixtureDir(dir));

interface StreamFacts {
  codec_name: string;
  pix_fmt?: string;
  width?: number;
  height?: number;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  sample_rate?: string;
  channels?: number;
}

async function streamsOf(bin: MediaBinaries, file: string): Promise<{ video?: StreamFacts; audio?: StreamFacts }> {
  const { stdout } = await runFfprobe(bin, ['-v', 'error', '-of', 'json', '-show_streams', file]);
  const streams = (JSON.parse(stdout) as { streams: (StreamFacts & { codec_type: string })[] }).streams;
  return { video: streams.find((s) => s.codec_type === 'video'), audio: streams.find((s) => s.codec_type === 'audio') };
}

/** Presentation times of the keyframes, from packet flags (no decoding needed). */
async function keyframeTimes(bin: MediaBinaries, file: string): Promise<number[]> {
  const { stdout } = await runFfprobe(bin, [
    '-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time,flags', '-of', 'csv=p=0', file,
  ]);
  return stdout
    .trim()
    .split('\n')
    .map((line) => line.split(','))
    .filter(([, flags]) => flags?.startsWith('K'))
    .map(([pts]) => Number(pts))
    .sort((a, b) => a - b);
}

/** "Lavf58.20.100": the muxer version ffmpeg writes into the files it makes. */
async function muxerOf(bin: MediaBinaries, file: string): Promise<string | undefined> {
  const { stdout } = await runFfprobe(bin, ['-v', 'error', '-of', 'json', '-show_entries', 'format_tags=encoder', file]);
  return (JSON.parse(stdout) as { format?: { tags?: { encoder?: string } } }).format?.tags?.encoder;
}

async function libavformatOf(bin: MediaBinaries): Promise<string> {
  const { stdout } = await execFileAsync(bin.ffmpeg, ['-version']);
  const match = /libavformat\s+(\d+)\.\s*(\d+)\.\s*(\d+)/.exec(stdout);
  return `Lavf${match?.[1]}.${match?.[2]}.${match?.[3]}`;
}

async function fingerprint(file: string): Promise<{ size: number; mtimeMs: number }> {
  const { size, mtimeMs } = await stat(file);
  return { size, mtimeMs };
}

async function makeProxy(bin: MediaBinaries, input: string, name: string) {
  const info = await probeMedia(bin, input);
  const output = path.join(dir, `${name}${proxyOutputExtension(info)}`);
  const progress: number[] = [];
  await createProxy(bin, { input, output, info, onProgress: (f) => progress.push(f) });
  return { info, output, progress };
}

describe.each(binarySets)('createProxy with the %s', (label, bin) => {
  const tag = label.split(' ')[0]!;

  it('turns an AVI the app cannot play into an MP4 it can, leaving the original alone', async () => {
    const before = await fingerprint(shortAvi);
    const { info, output, progress } = await makeProxy(bin, shortAvi, `avi-${tag}`);

    expect(await fingerprint(shortAvi)).toEqual(before);
    expect(existsSync(partialPathFor(output))).toBe(false);
    const proxyInfo = await probeMedia(bin, output);
    expect(decidePlayback(proxyInfo)).toEqual({ needsProxy: false, reason: null });
    expect(proxyInfo.durationSec).toBeCloseTo(info.durationSec, 0);

    const { video, audio } = await streamsOf(bin, output);
    expect(video).toMatchObject({ codec_name: 'h264', pix_fmt: 'yuv420p', width: 640, height: 360 });
    expect(video?.r_frame_rate).toBe('25/1');
    expect(video?.avg_frame_rate).toBe('25/1'); // constant frame rate
    expect(audio).toMatchObject({ codec_name: 'aac', sample_rate: '48000', channels: 2 });

    // Made by the ffmpeg we were given (fluent-ffmpeg keeps its path in a global).
    expect(await muxerOf(bin, output)).toBe(await libavformatOf(bin));

    // Playback can start before the whole file is read.
    expect(hasFaststartLayout(await inspectIsoBmff(output))).toBe(true);

    // A keyframe every half second, in whole frames (13 at 25 fps): a seek decodes at most that.
    const keys = await keyframeTimes(bin, output);
    expect(keys.length).toBeGreaterThanOrEqual(7);
    keys.forEach((t, i) => expect(t).toBeCloseTo(i * 0.52, 2));

    // Progress rose step by step and ended at 1.
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1]!)).toBe(true);
    expect(progress.every((f) => f >= 0 && f <= 1)).toBe(true);
  });

  it('cancelled halfway: rejects as cancelled and leaves neither proxy nor partial file', async () => {
    const before = await fingerprint(longAvi);
    const info = await probeMedia(bin, longAvi);
    const output = path.join(dir, `cancelled-${tag}.mp4`);
    const controller = new AbortController();
    const seen: number[] = [];
    const started = Date.now();
    const error = await createProxy(bin, {
      input: longAvi,
      output,
      info,
      signal: controller.signal,
      onProgress: (fraction) => {
        seen.push(fraction);
        if (fraction > 0.05) controller.abort();
      },
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MediaError);
    expect((error as MediaError).code).toBe('cancelled');
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBeLessThan(1);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(existsSync(output)).toBe(false);
    expect(existsSync(partialPathFor(output))).toBe(false);
    expect(await fingerprint(longAvi)).toEqual(before);
  });

  it('fails with the reason from ffmpeg, and leaves nothing behind, when the original is broken', async () => {
    const info: MediaInfo = (await probeMedia(bin, shortAvi));
    const output = path.join(dir, `broken-${tag}.mp4`);
    const error = await createProxy(bin, { input: truncatedMp4, output, info }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaError);
    expect((error as MediaError).code).toBe('ffmpeg-failed');
    expect((error as MediaError).detail).toMatch(/moov atom not found|Invalid data/);
    expect(existsSync(output)).toBe(false);
    expect(existsSync(partialPathFor(output))).toBe(false);
  });
});

// The app's default ffmpeg; the cases above already run with both builds.
describe('createProxy with the bundled ffmpeg, for other kinds of recordings', () => {
  it('gives variable-frame-rate video a constant frame rate of the same length', async () => {
    const { info, output } = await makeProxy(bundled, vfrMp4, 'vfr');
    const { video } = await streamsOf(bundled, output);
    expect(video?.r_frame_rate).toBe(video?.avg_frame_rate);
    const proxyInfo = await probeMedia(bundled, output);
    expect(proxyInfo.video?.variableFrameRate).toBe(false);
    expect(Math.abs(proxyInfo.durationSec - info.durationSec)).toBeLessThan(0.1);
  });

  it('scales tall video down to 540 lines, keeping its shape and even sizes', async () => {
    const { output } = await makeProxy(bundled, portraitAvi, 'portrait');
    const { video } = await streamsOf(bundled, output);
    expect(video?.height).toBe(540);
    expect(video!.width! % 2).toBe(0);
    expect(video?.width).toBe(270);
  });

  it('makes an .m4a for audio-only recordings', async () => {
    const info = await probeMedia(bundled, wav24);
    expect(decidePlayback(info).needsProxy).toBe(true);
    const { output } = await makeProxy(bundled, wav24, 'wav');
    expect(output.endsWith('.m4a')).toBe(true);
    const { video, audio } = await streamsOf(bundled, output);
    expect(video).toBeUndefined();
    expect(audio).toMatchObject({ codec_name: 'aac', channels: 2 });
    expect(decidePlayback(await probeMedia(bundled, output)).needsProxy).toBe(false);
  });
});

describe('createProxy', () => {
  it("says 'not-found' when the original has gone", async () => {
    const info = await probeMedia(bundled, shortAvi);
    const error = await createProxy(bundled, { input: path.join(dir, 'gone.avi'), output: path.join(dir, 'gone.mp4'), info })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'not-found' });
  });

  it('never writes over its own input', async () => {
    const info = await probeMedia(bundled, shortAvi);
    const before = await fingerprint(shortAvi);
    await expect(createProxy(bundled, { input: shortAvi, output: shortAvi, info })).rejects.toBeInstanceOf(MediaError);
    expect(await fingerprint(shortAvi)).toEqual(before);
  });

  it('leaves no partial files in the proxy folder after all of the above', async () => {
    const leftovers = (await readdir(dir)).filter((name) => name.includes('.part.'));
    expect(leftovers).toEqual([]);
  });
});
