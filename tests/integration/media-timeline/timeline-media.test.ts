// Waveform, thumbnails and keyframe estimates with real ffmpeg on generated media whose content
// says what time it is: with the bundled 2018 ffmpeg (what the app uses by default) and, when
// installed, the system's.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateBinaries, type MediaBinaries } from '../../../electron/services/media/binaries';
import { MediaError } from '../../../electron/services/media/errors';
import { runFfprobe } from '../../../electron/services/media/ffmpeg-runner';
import { estimateKeyframeInterval } from '../../../electron/services/media/keyframes';
import { THUMBNAIL_HEIGHT, THUMBNAIL_MAX_WIDTH, thumbnailFileName } from '../../../electron/services/media/thumbnail-args';
import { makeThumbnails, thumbnailTimes } from '../../../electron/services/media/thumbnails';
import { computeWaveform } from '../../../electron/services/media/waveform';
import { brightnessAt, makeBrightnessClock, makeToneBetweenSilences } from '../../support/long-media';
import { makeFixture, removeFixtureDir } from '../../support/media-fixtures';

const execFileAsync = promisify(execFile);
const bundled = await locateBinaries({ env: {} });
const system = await locateBinaries({ ffmpegSetting: 'ffmpeg', ffprobeSetting: 'ffprobe', env: {} });
const binarySets: [string, MediaBinaries][] = [['bundled 2018 ffmpeg', bundled]];
if (system.ffmpegSource === 'setting') binarySets.push(['system ffmpeg', system]);

let dir: string;
let tone: string;
let clock: string;
let longGop: string;
let audioOnly: string;
/** Two seconds of video in each shape: stored size and pixel shape (sample aspect ratio). */
let shapes: { name: string; file: string }[];
/** A hostile pixel shape: 255 times as wide as high (shown 40,800 px wide at 160x90). */
let absurdlyWide: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vkz-timeline-'));
  [tone, clock, longGop, audioOnly] = await Promise.all([
    makeToneBetweenSilences(dir, { silenceSec: 2, toneSec: 2, amplitude: 0.8 }),
    makeBrightnessClock(dir, { durationSec: 20, fps: 5, gopSec: 1 }),
    makeBrightnessClock(dir, { durationSec: 40, fps: 5, gopSec: 10, audio: false }),
    makeFixture('audio-only', dir, { durationSec: 3 }),
  ]);
  const shape = (width: number, height: number, sar?: string) =>
    makeBrightnessClock(dir, { durationSec: 2, fps: 2, gopSec: 1, width, height, sar, audio: false });
  const made = await Promise.all([
    // Non-square pixels: PAL DV shown 16:9 (16:11), DV/HDV shown 4:3 -> 16:9, NTSC DV shown 4:3 (8:9).
    shape(720, 576, '16/11'),
    shape(120, 90, '4/3'),
    shape(720, 480, '8/9'),
    // Square pixels, one of them on the half-way rounding of the width (644 * 90/360 = 161).
    shape(640, 360),
    shape(644, 360),
    shape(100, 76),
  ]);
  shapes = made.map((file) => ({ name: path.basename(file), file }));
  absurdlyWide = await shape(160, 90, '255/1');
});
afterAll(() => removeFixtureDir(dir));

/** The average luma of a JPEG, decoded by ffmpeg to one gray pixel. */
async function lumaOf(bin: MediaBinaries, jpeg: string): Promise<number> {
  const { stdout } = await execFileAsync(
    bin.ffmpeg,
    ['-v', 'error', '-i', jpeg, '-vf', 'scale=1:1,format=gray', '-f', 'rawvideo', 'pipe:1'],
    { encoding: 'buffer' },
  );
  return (stdout as Buffer)[0]!;
}

/** Stored width, height and sample aspect ratio of a file's first video stream (an image too). */
async function pictureShape(bin: MediaBinaries, file: string): Promise<{ width: number; height: number; sar: number }> {
  const { stdout } = await runFfprobe(bin, [
    '-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height,sample_aspect_ratio', '-of', 'csv=p=0', file,
  ]);
  const [width, height, sar = '1:1'] = stdout.trim().split(',');
  const [num, den] = sar.split(':').map(Number);
  return { width: Number(width), height: Number(height), sar: num && den ? num / den : 1 };
}

const mean = (values: Uint8Array) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);

describe.each(binarySets)('timeline media (%s)', (_name, bin) => {
  it('the waveform follows a tone between two silences: low, high, low', async () => {
    const fractions: number[] = [];
    const waveform = await computeWaveform(bin, { input: tone, durationSec: 6, onProgress: (f) => fractions.push(f) });
    const { bucketsPerSec, peaks } = waveform;
    expect(bucketsPerSec).toBe(100);
    expect(peaks.length).toBeGreaterThanOrEqual(595);
    expect(peaks.length).toBeLessThanOrEqual(610);
    // Away from the edges (the AAC codec smears a few milliseconds around them):
    const slice = (fromSec: number, toSec: number) => peaks.subarray(fromSec * bucketsPerSec, toSec * bucketsPerSec);
    const before = slice(0.2, 1.8);
    const during = slice(2.2, 3.8);
    const after = slice(4.2, 5.8);
    expect(Math.max(...before)).toBeLessThan(8);
    expect(Math.max(...after)).toBeLessThan(8);
    // A 0.8 sine peaks at 0.8 of full scale (204 of 255) in every 10 ms bucket (4.4 periods).
    expect(Math.min(...during)).toBeGreaterThan(170);
    expect(mean(during)).toBeGreaterThan(190);
    expect(mean(during)).toBeLessThan(225);
    expect(fractions.at(-1)).toBe(1);
  });

  it('thumbnails are keyframes at 0, N, 2N ... seconds and show those moments', async () => {
    const outputDir = path.join(dir, `thumbs-${bin.ffmpegSource}`);
    const strip = await makeThumbnails(bin, { input: clock, outputDir, durationSec: 20 });
    expect(strip.intervalSec).toBe(1); // 20 s: one per second
    const files = (await readdir(outputDir)).sort();
    expect(files.length).toBe(strip.count);
    expect(strip.count).toBe(20); // 0 .. 19 s
    expect(files[0]).toBe(thumbnailFileName(1));
    const times = thumbnailTimes(strip);
    expect(times.slice(0, 4)).toEqual([0, 1, 2, 3]);
    for (const index of [0, 3, 7, 12, 19]) {
      const luma = await lumaOf(bin, path.join(outputDir, thumbnailFileName(index + 1)));
      // JPEG and full-range conversion move the value a little; neighbours are 20 apart.
      expect(Math.abs(luma - fullRange(brightnessAt(times[index]!))), `thumbnail at ${times[index]} s`).toBeLessThan(8);
    }
  });

  it('a thumbnail between two distant keyframes shows the nearest keyframe before it, not a decoded frame', async () => {
    const outputDir = path.join(dir, `thumbs-gop-${bin.ffmpegSource}`);
    const strip = await makeThumbnails(bin, { input: longGop, outputDir, durationSec: 40 });
    expect(strip.intervalSec).toBe(1);
    const times = thumbnailTimes(strip);
    // Keyframes at 0, 10, 20, 30 s: the picture at 4 s is the one at 0 s; at 13 s the one at 10 s.
    expect(await lumaOf(bin, path.join(outputDir, thumbnailFileName(times.indexOf(4) + 1)))).toBeCloseTo(fullRange(brightnessAt(0)), -1);
    expect(await lumaOf(bin, path.join(outputDir, thumbnailFileName(times.indexOf(13) + 1)))).toBeCloseTo(fullRange(brightnessAt(10)), -1);
  });

  it('thumbnails have the shape the video is shown in, also when its pixels are not square', async () => {
    for (const { name, file } of shapes) {
      const source = await pictureShape(bin, file);
      const outputDir = path.join(dir, `thumbs-shape-${name}-${bin.ffmpegSource}`);
      await makeThumbnails(bin, { input: file, outputDir, durationSec: 2 });
      const thumb = await pictureShape(bin, path.join(outputDir, thumbnailFileName(1)));
      // As high as the strip needs (never upscaled), even; as wide as the shown picture at that
      // height, even (so within one pixel), with square pixels (a browser ignores a JPEG's own).
      const height = Math.floor(Math.min(THUMBNAIL_HEIGHT, source.height) / 2) * 2;
      const shownAspect = (source.width * source.sar) / source.height;
      expect(thumb.height, name).toBe(height);
      expect(Math.abs(thumb.width - height * shownAspect), `${name}: ${thumb.width}x${thumb.height}`).toBeLessThanOrEqual(1);
      expect(thumb.sar, name).toBe(1);
      if (source.sar === 1) {
        // Square pixels come out exactly as before: ffmpeg's `scale=-2:h`, the width rounded to the
        // nearest even number, halves up (av_rescale).
        expect(thumb.width, name).toBe(Math.round((height * source.width) / source.height / 2) * 2);
      }
    }
  });

  it('a hostile pixel shape makes no giant thumbnails', async () => {
    const outputDir = path.join(dir, `thumbs-absurd-${bin.ffmpegSource}`);
    await makeThumbnails(bin, { input: absurdlyWide, outputDir, durationSec: 2 });
    const thumb = await pictureShape(bin, path.join(outputDir, thumbnailFileName(1)));
    expect(thumb).toEqual({ width: THUMBNAIL_MAX_WIDTH, height: 90, sar: 1 });
  });

  it('estimates the keyframe interval from a few windows', async () => {
    expect(await estimateKeyframeInterval(bin, clock, 20)).toEqual({ intervalSec: 1, exact: true });
    const long = await estimateKeyframeInterval(bin, longGop, 40);
    expect(long.intervalSec).toBeCloseTo(10, 1);
    expect((await estimateKeyframeInterval(bin, audioOnly, 3)).intervalSec).toBeNull();
  });

  it('a waveform of a file without audio fails with a MediaError, and cancelling stops it', async () => {
    await expect(computeWaveform(bin, { input: longGop, durationSec: 40 })).rejects.toBeInstanceOf(MediaError);
    const controller = new AbortController();
    controller.abort();
    await expect(computeWaveform(bin, { input: tone, durationSec: 6, signal: controller.signal })).rejects.toMatchObject({
      code: 'cancelled',
    });
  });
});

/** Limited-range luma (16..235) as a full-range gray value, the way the JPEG decode shows it. */
function fullRange(luma: number): number {
  return Math.round(((luma - 16) * 255) / 219);
}
