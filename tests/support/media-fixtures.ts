// Generates small test media with ffmpeg at test time, so no binary media is committed and every
// test works on a file whose properties it knows. Used by the media integration tests, other
// services' tests and the Playwright end-to-end tests.
//
//   const file = await makeFixture('playable-mp4', tmpDir, { durationSec: 10 });
//
// Each kind stands for something a researcher may pick in the file dialog:
//   playable-mp4   H.264 yuv420p + AAC MP4, 640x360, 25 fps, 1 s GOP, faststart: plays directly
//   needs-proxy    MPEG-4 part 2 + MP3 in AVI (an old camcorder/Xvid file): needs a proxy
//   audio-only     AAC in .m4a (a phone voice recording)
//   zero-byte      an empty .mp4 (a failed copy)
//   text-as-mp4    a text file named .mp4
//   truncated-mp4  the first 40% of an MP4 whose moov box is at the end (an interrupted copy)
//   vfr-mp4        H.264 whose frame rate changes halfway (30 fps, then 15 fps): phone video
import { execFile } from 'node:child_process';
import { rm, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { locateBinaries, type MediaBinaries } from '../../electron/services/media/binaries';
import { cachedMedia } from './media-cache';

export type FixtureKind =
  | 'playable-mp4'
  | 'needs-proxy'
  | 'audio-only'
  | 'zero-byte'
  | 'text-as-mp4'
  | 'truncated-mp4'
  | 'vfr-mp4';

export interface FixtureOptions {
  durationSec?: number;
  width?: number;
  height?: number;
  fps?: number;
}

const execFileAsync = promisify(execFile);

const DEFAULT_DURATION: Record<FixtureKind, number> = {
  'playable-mp4': 120,
  'needs-proxy': 20,
  'audio-only': 20,
  'zero-byte': 0,
  'text-as-mp4': 0,
  'truncated-mp4': 20,
  'vfr-mp4': 10,
};

const FILE_NAME: Record<FixtureKind, string> = {
  'playable-mp4': 'playable.mp4',
  'needs-proxy': 'needs-proxy.avi',
  'audio-only': 'audio-only.m4a',
  'zero-byte': 'zero-byte.mp4',
  'text-as-mp4': 'text-as.mp4',
  'truncated-mp4': 'truncated.mp4',
  'vfr-mp4': 'vfr.mp4',
};

let binaries: Promise<MediaBinaries> | null = null;

/**
 * The binaries the fixtures are made with: the same search the app does, except that `ffmpeg` on
 * PATH is tried first (as if it were the user's setting) unless VKZ_FFMPEG_PATH names one: a
 * current ffmpeg encodes these test files 2-3 times faster than the bundled 2018 build.
 */
export function fixtureBinaries(): Promise<MediaBinaries> {
  binaries ??= locateBinaries({
    ffmpegSetting: process.env.VKZ_FFMPEG_PATH ? undefined : 'ffmpeg',
    env: process.env,
  });
  return binaries;
}

/** Makes a fixture file of `kind` in `dir` (created if needed) and returns its path. */
export function makeFixture(kind: FixtureKind, dir: string, opts: FixtureOptions = {}): Promise<string> {
  // Made once per test run (media-cache.ts); each call gets a fresh copy, which it may change.
  return cachedMedia(dir, uniqueName(FILE_NAME[kind], opts), (output) => generate(kind, output, opts), { fresh: true });
}

async function generate(kind: FixtureKind, output: string, opts: FixtureOptions): Promise<void> {
  const durationSec = opts.durationSec ?? DEFAULT_DURATION[kind];
  const width = opts.width ?? 640;
  const height = opts.height ?? 360;
  const fps = opts.fps ?? 25;
  const video = (rate: number) => ['-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=${rate}`];
  const tone = ['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000'];
  const h264 = (gop: number) =>
    ['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '30', '-pix_fmt', 'yuv420p', '-g', String(gop)];
  // A pure tone is slow for ffmpeg's AAC encoder; the fast coder in mono keeps a 2-minute file quick.
  const aac = ['-c:a', 'aac', '-aac_coder', 'fast', '-b:a', '64k', '-ac', '1'];
  const t = ['-t', String(durationSec)];

  switch (kind) {
    case 'playable-mp4':
      await ffmpeg([...video(fps), ...tone, ...t, ...h264(fps), ...aac, '-movflags', '+faststart', output]);
      break;
    case 'needs-proxy':
      // mpeg4 + mp3 encode faster than HEVC and are just as unplayable in Chromium.
      await ffmpeg([...video(fps), ...tone, ...t, '-c:v', 'mpeg4', '-q:v', '5', '-g', String(fps),
        '-c:a', 'libmp3lame', '-b:a', '64k', '-ac', '1', output]);
      break;
    case 'audio-only':
      await ffmpeg([...tone, ...t, ...aac, '-movflags', '+faststart', output]);
      break;
    case 'zero-byte':
      await writeFile(output, '');
      break;
    case 'text-as-mp4':
      await writeFile(output, 'This is not a video.\nIt is a text file that someone renamed to .mp4.\n'.repeat(20));
      break;
    case 'truncated-mp4': {
      // No faststart: the moov box (the index) is written last, so a cut-off copy has none.
      await ffmpeg([...video(fps), ...tone, ...t, ...h264(fps), ...aac, output]);
      const { size } = await stat(output);
      await truncate(output, Math.floor(size * 0.4));
      break;
    }
    case 'vfr-mp4': {
      // 30 fps for the first half, then every other frame dropped (15 fps), timestamps kept.
      const rate = opts.fps ?? 30;
      await ffmpeg([...video(rate), ...tone, ...t,
        '-vf', `select='lt(t\\,${durationSec / 2})+not(mod(n\\,2))'`, '-vsync', 'vfr',
        ...h264(rate), ...aac, '-movflags', '+faststart', output]);
      break;
    }
  }
}

/** Removes a fixture folder (for afterAll). */
export async function removeFixtureDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

function uniqueName(fileName: string, opts: FixtureOptions): string {
  const suffix = [opts.durationSec, opts.width, opts.height, opts.fps].some((v) => v !== undefined)
    ? `-${opts.durationSec ?? 'd'}s-${opts.width ?? 'w'}x${opts.height ?? 'h'}-${opts.fps ?? 'r'}fps`
    : '';
  const ext = path.extname(fileName);
  return `${path.basename(fileName, ext)}${suffix}${ext}`;
}

async function ffmpeg(args: string[]): Promise<void> {
  const bin = await fixtureBinaries();
  try {
    await execFileAsync(bin.ffmpeg, ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args], {
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`Making a test fixture failed: ${bin.ffmpeg} ${args.join(' ')}\n${stderr}`);
  }
}
