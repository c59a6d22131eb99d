// Makes a proxy of a recording: writes `<name>.part.<ext>` next to the output, renames it to the
// output only when ffmpeg succeeded, and removes the partial file on failure or cancel, so a
// proxy file that exists is always complete. The input is only ever read.
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { MediaInfo } from '../../../shared/domain';
import type { MediaBinaries } from './binaries';
import { MediaError } from './errors';
import { BACKGROUND_NICENESS, runFfmpeg } from './ffmpeg-runner';
import { buildProxyArgs } from './proxy-args';

export interface CreateProxyOptions {
  input: string;
  output: string;
  info: MediaInfo;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/** `/p/abc.mp4` -> `/p/abc.part.mp4`: ffmpeg picks the container from the real extension. */
export function partialPathFor(output: string): string {
  const ext = path.extname(output);
  return path.join(path.dirname(output), `${path.basename(output, ext)}.part${ext}`);
}

export async function createProxy(bin: MediaBinaries, opts: CreateProxyOptions): Promise<void> {
  const { input, output, info, signal, onProgress } = opts;
  const partial = partialPathFor(output);
  const resolvedInput = path.resolve(input);
  if (path.resolve(output) === resolvedInput || path.resolve(partial) === resolvedInput) {
    throw new MediaError('ffmpeg-failed', `Refusing to write a proxy over its own original: ${input}`);
  }
  const source = await stat(input).catch(() => null);
  if (!source?.isFile()) throw new MediaError('not-found', `The original file is not there: ${input}`);
  if (signal?.aborted) throw new MediaError('cancelled', 'Proxy cancelled before it started');

  await rm(partial, { force: true });
  try {
    await runFfmpeg(bin, buildProxyArgs(input, partial, info), {
      signal,
      niceness: BACKGROUND_NICENESS,
      durationSec: info.durationSec,
      onProgress: (fraction) => onProgress?.(Math.min(fraction, 0.999)),
    });
    if (signal?.aborted) throw new MediaError('cancelled', 'Proxy cancelled');
    const written = await stat(partial).catch(() => null);
    if (!written || written.size === 0) throw new MediaError('ffmpeg-failed', 'ffmpeg finished but wrote no proxy file');
    await rename(partial, output);
  } catch (error) {
    await rm(partial, { force: true }).catch(() => undefined);
    throw error;
  }
  onProgress?.(1);
}
