// Takes a fragment's still frame (still-args.ts) through the runner: ffmpeg writes
// `<name>.part.jpg`, renamed to the output only when it succeeded and wrote a JPEG, so a still
// file that exists is always complete. A still that is already there is reused: stills live in
// the recording's cache folder (`<dataDir>/cache/<recordingId>/still-<ms>-<width>.jpg`, see
// stillCachePath), named by moment and width, so the same moment is taken once.
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { MediaBinaries } from './binaries';
import { MediaError } from './errors';
import { runFfmpeg } from './ffmpeg-runner';
import { recordingCacheDir } from './media-cache';
import { partialPathFor } from './proxy';
import { buildStillArgs, STILL_WIDTH, stillFileName, stillSeekSec } from './still-args';

export interface TakeStillOptions {
  input: string;
  /** The moment in the recording whose frame is wanted. */
  timeSec: number;
  /** A .jpg path; its folder is created when missing. */
  output: string;
  /** Output width in pixels (default STILL_WIDTH); the height follows the picture. */
  width?: number;
  /** The video's constant frame rate, if known: the moment is snapped to the frame shown then. */
  fps?: number | null;
  signal?: AbortSignal;
}

export interface Still {
  output: string;
  /** Pixel size of the JPEG. */
  width: number;
  height: number;
  /** True when the file was there already. */
  reused: boolean;
}

/** Where a recording's still at `timeSec` is cached (see stillFileName). */
export function stillCachePath(dataDir: string, recordingId: string, timeSec: number, width: number, fromProxy = false): string {
  return path.join(recordingCacheDir(dataDir, recordingId), stillFileName(timeSec, width, fromProxy));
}

// Two requests for the same still (a preview and an export) share one ffmpeg run.
const inFlight = new Map<string, Promise<Still>>();

/** The still at `output`, taken now unless a complete one is there. */
export function takeStill(bin: MediaBinaries, opts: TakeStillOptions): Promise<Still> {
  const key = path.resolve(opts.output);
  let running = inFlight.get(key);
  if (!running) {
    running = take(bin, opts).finally(() => inFlight.delete(key));
    inFlight.set(key, running);
  }
  return running;
}

async function take(bin: MediaBinaries, opts: TakeStillOptions): Promise<Still> {
  const { input, output, signal } = opts;
  const existing = await readJpegSize(output);
  if (existing) return { output, ...existing, reused: true };

  if (path.resolve(input) === path.resolve(output)) throw new MediaError('ffmpeg-failed', `Refusing to write a still over its recording: ${input}`);
  const source = await stat(input).catch(() => null);
  if (!source?.isFile()) throw new MediaError('not-found', `The recording is not there: ${input}`);
  if (signal?.aborted) throw new MediaError('cancelled', 'Still cancelled before it started');
  await mkdir(path.dirname(output), { recursive: true });

  const partial = partialPathFor(output);
  await rm(partial, { force: true });
  try {
    const args = buildStillArgs({
      input,
      timeSec: stillSeekSec(opts.timeSec, opts.fps),
      output: partial,
      width: opts.width ?? STILL_WIDTH,
    });
    await runFfmpeg(bin, args, { signal });
    if (signal?.aborted) throw new MediaError('cancelled', 'Still cancelled');
    const size = await readJpegSize(partial);
    // Seeking past the last frame gives ffmpeg nothing to write (or an empty file).
    if (!size) throw new MediaError('ffmpeg-failed', `ffmpeg wrote no picture at ${opts.timeSec} s (past the end of the video?)`);
    await rename(partial, output);
    return { output, ...size, reused: false };
  } catch (error) {
    await rm(partial, { force: true }).catch(() => undefined);
    throw error;
  }
}

async function readJpegSize(file: string): Promise<{ width: number; height: number } | null> {
  const data = await readFile(file).catch(() => null);
  return data ? jpegSize(data) : null;
}

/**
 * Pure: the pixel size of a JPEG from its start-of-frame segment; null when `data` is not a
 * complete-looking JPEG (no SOI at the start, no EOI at the end, or no SOF).
 */
export function jpegSize(data: Uint8Array): { width: number; height: number } | null {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return null;
  if (data[data.length - 2] !== 0xff || data[data.length - 1] !== 0xd9) return null;
  let i = 2;
  while (i + 4 <= data.length) {
    if (data[i] !== 0xff) return null;
    const marker = data[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    const length = (data[i + 2]! << 8) | data[i + 3]!;
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (i + 9 > data.length) return null;
      const height = (data[i + 5]! << 8) | data[i + 6]!;
      const width = (data[i + 7]! << 8) | data[i + 8]!;
      return width > 0 && height > 0 ? { width, height } : null;
    }
    if (marker === 0xda || marker === 0xd9) return null; // scan data before any SOF
    i += 2 + length;
  }
  return null;
}
