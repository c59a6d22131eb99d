// runFfmpeg / runFfprobe / queryTool with real binaries: our argument lists reach the binary we
// name, and every run can be cancelled, time-limited and size-limited.
import { mkdtemp, stat } from 'node:fs/promises';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateBinaries, type MediaBinaries } from '../../../electron/services/media/binaries';
import { MediaError } from '../../../electron/services/media/errors';
import { queryTool, runFfmpeg, runFfprobe } from '../../../electron/services/media/ffmpeg-runner';
import { removeFixtureDir } from '../../support/media-fixtures';

// The @ffmpeg-installer build, named as a setting (without one, a newer system ffmpeg would win).
const installerFfmpeg = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg').path as string;
const bundled = await locateBinaries({ ffmpegSetting: installerFfmpeg, env: {} });
const system = await locateBinaries({ ffmpegSetting: 'ffmpeg', ffprobeSetting: 'ffprobe', env: {} });
const hasSystem = system.ffmpegSource === 'setting';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vkz-runner-'));
});
afterAll(() => removeFixtureDir(dir));

/** A 2-second tone as AAC, written by `bin`; returns the output path. */
function toneArgs(output: string): string[] {
  return ['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-progress', 'pipe:1', '-nostats',
    '-f', 'lavfi', '-i', 'sine=frequency=500:sample_rate=48000', '-t', '2', '-c:a', 'aac', output];
}

async function muxerOf(bin: MediaBinaries, file: string): Promise<string> {
  const { stdout } = await runFfprobe(bin, ['-v', 'error', '-of', 'json', '-show_entries', 'format_tags=encoder', file]);
  return (JSON.parse(stdout) as { format: { tags: { encoder: string } } }).format.tags.encoder;
}

describe('runFfmpeg', () => {
  it('runs our own argument list, with a path containing spaces, and reports progress to 1', async () => {
    const output = path.join(dir, 'toon met spaties.m4a');
    const progress: number[] = [];
    await runFfmpeg(bundled, toneArgs(output), { durationSec: 2, onProgress: (f) => progress.push(f) });
    expect((await stat(output)).size).toBeGreaterThan(1000);
    expect(progress.at(-1)).toBe(1);
  });

  it.runIf(hasSystem)('runs each job with the binary it was given, even when started together', async () => {
    const a = path.join(dir, 'bundled.m4a');
    const b = path.join(dir, 'system.m4a');
    await Promise.all([runFfmpeg(bundled, toneArgs(a), {}), runFfmpeg(system, toneArgs(b), {})]);
    const [muxA, muxB] = await Promise.all([muxerOf(bundled, a), muxerOf(bundled, b)]);
    expect(muxA).not.toBe(muxB);
    expect(muxA).toMatch(/^Lavf58\./); // the 2018 build
  });

  it("rejects with 'ffmpeg-failed' and ffmpeg's own words when ffmpeg fails", async () => {
    const error = await runFfmpeg(bundled, ['-v', 'error', '-i', path.join(dir, 'nope.avi'), path.join(dir, 'x.mp4')], {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaError);
    expect(error).toMatchObject({ code: 'ffmpeg-failed' });
    expect((error as MediaError).detail).toMatch(/No such file or directory/);
    expect((error as MediaError).message).toMatch(/ffmpeg exited with code \d+: .*No such file/);
  });

  it("rejects with 'cancelled' without starting when already cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    const output = path.join(dir, 'never.m4a');
    await expect(runFfmpeg(bundled, toneArgs(output), { signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' });
    await expect(stat(output)).rejects.toThrow();
  });

  it("rejects with 'no-ffmpeg' naming the binary when it has gone since it was found", async () => {
    const gone = path.join(dir, 'missing-ffmpeg');
    const error = await runFfmpeg({ ...bundled, ffmpeg: gone }, toneArgs(path.join(dir, 'y.m4a')), {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'no-ffmpeg' });
    expect((error as MediaError).message).toContain(gone);
    await expect(runFfmpeg({ ...bundled, ffmpeg: 'vkz-not-on-path' }, toneArgs(path.join(dir, 'z.m4a')), {}))
      .rejects.toMatchObject({ code: 'no-ffmpeg' });
    await expect(runFfmpeg({ ...bundled, ffmpeg: '' }, toneArgs(path.join(dir, 'z.m4a')), {}))
      .rejects.toMatchObject({ code: 'no-ffmpeg' });
  });

  it('still runs after such a refusal (nothing was left half-started)', async () => {
    const output = path.join(dir, 'after-refusal.m4a');
    await runFfmpeg(system.ffmpegSource === 'setting' ? system : bundled, toneArgs(output), {});
    expect((await stat(output)).size).toBeGreaterThan(1000);
  });
});

describe('runFfmpeg limits', () => {
  it('streams raw stdout (the waveform) at low priority, and stops a stream past its size limit', async () => {
    const pcm = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-f', 'lavfi', '-i', 'sine=frequency=500:sample_rate=8000', '-t', '2', '-f', 's16le', '-ac', '1', 'pipe:1'];
    let bytes = 0;
    await runFfmpeg(bundled, pcm, { onStdout: (chunk) => (bytes += chunk.length), niceness: 10 });
    expect(bytes).toBe(2 * 8000 * 2);
    await expect(runFfmpeg(bundled, pcm, { onStdout: () => undefined, maxOutputBytes: 1000 })).rejects.toMatchObject({
      code: 'ffmpeg-failed',
      message: expect.stringMatching(/more than 1000 bytes/),
    });
  });

  it('refuses a file output that reaches its size limit', async () => {
    const output = path.join(dir, 'te-groot.m4a');
    await expect(runFfmpeg(bundled, toneArgs(output), { maxOutputBytes: 2000 })).rejects.toMatchObject({
      code: 'ffmpeg-failed',
      message: expect.stringMatching(/limit of 2000 bytes/),
    });
  });

  it('stops ffmpeg at its time limit', async () => {
    const endless = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', 'sine=frequency=500', '-f', 'null', '-'];
    await expect(runFfmpeg(bundled, endless, { timeLimitMs: 1000 })).rejects.toMatchObject({
      code: 'ffmpeg-failed',
      message: expect.stringMatching(/did not finish within 1 s/),
    });
  });
});

describe('runFfprobe', () => {
  it("rejects with 'ffmpeg-failed' and ffprobe's stderr as detail", async () => {
    const error = await runFfprobe(bundled, ['-v', 'error', '-i', path.join(dir, 'nope.mp4')]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ffmpeg-failed' });
    expect((error as MediaError).detail).toMatch(/No such file or directory/);
  });

  it("rejects with 'no-ffmpeg' when ffprobe has gone", async () => {
    await expect(runFfprobe({ ...bundled, ffprobe: path.join(dir, 'gone-ffprobe') }, ['-version']))
      .rejects.toMatchObject({ code: 'no-ffmpeg' });
  });

  // ffprobe listing the packets of an endless generated tone never ends by itself.
  const endlessProbe = ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=500', '-show_packets', '-of', 'compact'];

  it('stops ffprobe when cancelled, and at its time limit', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    await expect(runFfprobe(bundled, endlessProbe, { signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' });
    await expect(runFfprobe(bundled, endlessProbe, { timeoutMs: 500 })).rejects.toMatchObject({
      code: 'ffmpeg-failed',
      message: expect.stringMatching(/did not answer within/),
    });
  });

  it('stops ffprobe when its output passes the size limit', async () => {
    await expect(runFfprobe(bundled, endlessProbe, { maxOutputBytes: 100_000, timeoutMs: 10_000 })).rejects.toMatchObject({
      code: 'ffmpeg-failed',
      message: expect.stringMatching(/more than 100000 bytes/),
    });
  });
});

describe('queryTool', () => {
  it('asks a binary for its version, with a time limit, and answers with what it printed', async () => {
    const answer = await queryTool(bundled.ffmpeg, ['-version'], { timeoutMs: 10_000 });
    expect(answer).toMatchObject({ code: 0, stdout: expect.stringMatching(/^ffmpeg version/) });
    await expect(queryTool(path.join(dir, 'gone'), ['-version'], { timeoutMs: 10_000 })).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
