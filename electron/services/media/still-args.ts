// ffmpeg arguments for a fragment's still frame: one JPEG of the frame shown at a moment, scaled
// to a width (height in proportion, even). Pure.
//
// How the frame is the right one: `-ss` goes BEFORE `-i` with `-accurate_seek` (ffmpeg's default,
// spelled out): ffmpeg seeks to the keyframe before the moment, decodes from there and drops every
// frame that starts before the seek point, so the first frame out is the first one starting at
// or after it. The frame SHOWN at a moment is the one that started at or before it, so for a
// constant frame rate the moment is first snapped down to the frame grid (stillSeekSec), like a
// clip's in-point (clip-args.ts). The seek point is floored to whole microseconds, so rounding
// never pushes it past that frame's start.
//
// Works with the bundled 2018 ffmpeg and current ones (`-update 1`: one picture into a plain file
// name, no %d pattern; current ffmpeg warns without it).
import path from 'node:path';
import { secondsArg } from './clip-args';

/** Stills are this wide (or the video's own width when smaller): sharp at half size in a report. */
export const STILL_WIDTH = 640;
/** JPEG quality for mjpeg's -q:v (2 best .. 31 worst). */
export const STILL_QUALITY = 3;
/** One frame of tolerance on the frame grid, relative (1/1000 of a frame). */
const GRID_EPSILON = 1e-3;

export interface StillArgsOptions {
  input: string;
  /** Where ffmpeg seeks (see stillSeekSec). */
  timeSec: number;
  /** A .jpg path. */
  output: string;
  /** Output width in pixels (even); the height follows the picture's proportions. */
  width: number;
}

/**
 * The seek point for the frame shown at `timeSec`: the start of that frame when the frame rate is
 * known and constant (`fps`), else the moment itself.
 */
export function stillSeekSec(timeSec: number, fps: number | null | undefined): number {
  const t = Math.max(0, timeSec);
  if (!fps || !Number.isFinite(fps) || fps <= 0) return t;
  return Math.floor(t * fps + GRID_EPSILON) / fps;
}

/** An even width no wider than the video (a still is never upscaled), at most `max`. */
export function stillWidth(videoWidth: number | null | undefined, max = STILL_WIDTH): number {
  const limit = videoWidth && videoWidth > 0 ? Math.min(max, videoWidth) : max;
  return Math.max(2, Math.floor(limit / 2) * 2);
}

/**
 * The cache file name of a still: `still-<ms>-<width>.jpg`, or `still-<ms>-<width>-proxy.jpg`
 * when taken from the playable proxy because the original is missing (another source, another
 * picture: when the original is back, its own still is taken).
 */
export function stillFileName(timeSec: number, width: number, fromProxy = false): string {
  const ms = Math.max(0, Math.round(timeSec * 1000));
  return `still-${ms}-${Math.round(width)}${fromProxy ? '-proxy' : ''}.jpg`;
}

/** Names stillFileName makes, and nothing else (the page may fetch these). */
export const STILL_FILE = /^still-\d{1,10}-\d{1,5}(?:-proxy)?\.jpg$/;

/** The full ffmpeg argument list for one still. */
export function buildStillArgs(opts: StillArgsOptions): string[] {
  if (path.extname(opts.output).toLowerCase() !== '.jpg') throw new Error(`A still is a .jpg file, not ${opts.output}`);
  const width = Math.max(2, Math.round(opts.width));
  return [
    '-hide_banner',
    '-nostdin',
    '-loglevel', 'error',
    '-ss', secondsArg(opts.timeSec),
    '-accurate_seek',
    '-i', opts.input,
    '-map', '0:v:0',
    '-an', '-sn', '-dn',
    '-frames:v', '1',
    '-vf', `scale=${width}:-2`,
    '-q:v', String(STILL_QUALITY),
    // A still may leave the machine in a report: no metadata of the recording goes with it.
    '-map_metadata', '-1',
    '-f', 'image2',
    '-update', '1',
    '-y',
    opts.output,
  ];
}
