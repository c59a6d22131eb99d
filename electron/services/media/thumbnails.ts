// Makes a recording's thumbnail strip (thumbnail-args.ts) into a folder: written into
// `<folder>.part`, which replaces `<folder>` only when ffmpeg succeeded, so a thumbnail folder that
// exists is always complete.
import { readdir, rename, rm, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { MediaBinaries } from './binaries';
import { MediaError } from './errors';
import { BACKGROUND_NICENESS, runFfmpeg } from './ffmpeg-runner';
import {
  buildThumbnailArgs,
  THUMBNAIL_FILE_PATTERN,
  thumbnailFileName,
  thumbnailIntervalSec,
  thumbnailTimeSec,
} from './thumbnail-args';

export interface ThumbnailStrip {
  intervalSec: number;
  /** Files 00001.jpg .. count, the first at 0 s, one per interval. */
  count: number;
}

export interface MakeThumbnailsOptions {
  input: string;
  /** The folder the JPEG files end up in (replaced when it exists). */
  outputDir: string;
  durationSec: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export async function makeThumbnails(bin: MediaBinaries, opts: MakeThumbnailsOptions): Promise<ThumbnailStrip> {
  const { input, outputDir, durationSec, signal, onProgress } = opts;
  const intervalSec = thumbnailIntervalSec(durationSec);
  const partial = `${outputDir}.part`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  try {
    await runFfmpeg(bin, buildThumbnailArgs(input, path.join(partial, THUMBNAIL_FILE_PATTERN), intervalSec), {
      signal,
      niceness: BACKGROUND_NICENESS,
      durationSec,
      onProgress: (fraction) => onProgress?.(Math.min(fraction, 0.999)),
    });
    if (signal?.aborted) throw new MediaError('cancelled', 'Thumbnails cancelled');
    const count = countNumberedFiles(await readdir(partial));
    if (count === 0) throw new MediaError('ffmpeg-failed', 'ffmpeg finished but wrote no thumbnails');
    await rm(outputDir, { recursive: true, force: true });
    await rename(partial, outputDir);
    onProgress?.(1);
    return { intervalSec, count };
  } catch (error) {
    await rm(partial, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
}

/** How many of 00001.jpg, 00002.jpg ... are there without a gap. */
export function countNumberedFiles(names: string[]): number {
  const present = new Set(names);
  let count = 0;
  while (present.has(thumbnailFileName(count + 1))) count++;
  return count;
}

/** The times of a strip's thumbnails, in file order. */
export function thumbnailTimes(strip: ThumbnailStrip): number[] {
  return Array.from({ length: strip.count }, (_, i) => thumbnailTimeSec(i + 1, strip.intervalSec));
}
