// ffmpeg arguments for a recording's thumbnail strip: keyframes only (`-skip_frame nokey`: the
// decoder skips every other frame, so an hour of 1080p costs a few hundred picture decodes instead
// of 90,000), one picture per N seconds (the `fps` filter: picture k shows the keyframe nearest
// to k * N seconds), scaled small, as numbered JPEG files. Pure.

/** Height of a thumbnail in pixels: the strip is 46 CSS px high, so this is sharp at 2x. */
export const THUMBNAIL_HEIGHT = 90;
/** At most this many thumbnails per recording (one per pixel column is pointless and slow). */
export const THUMBNAIL_MAX_COUNT = 400;
/** One thumbnail per this many seconds, the first of these that stays under the maximum count. */
export const THUMBNAIL_INTERVAL_STEPS = [1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600] as const;
/** The numbered output files: 00001.jpg is the picture at 0 s, 00002.jpg at N s, ... */
export const THUMBNAIL_FILE_PATTERN = '%05d.jpg';

/** Seconds between thumbnails for a recording of this duration. */
export function thumbnailIntervalSec(durationSec: number, maxCount = THUMBNAIL_MAX_COUNT): number {
  if (!(durationSec > 0)) return THUMBNAIL_INTERVAL_STEPS[0];
  return (
    THUMBNAIL_INTERVAL_STEPS.find((step) => Math.ceil(durationSec / step) <= maxCount) ??
    Math.ceil(durationSec / maxCount)
  );
}

/** The media time shown by the thumbnail in file number `fileNumber` (1-based, as ffmpeg numbers). */
export function thumbnailTimeSec(fileNumber: number, intervalSec: number): number {
  return (fileNumber - 1) * intervalSec;
}

/** `12` -> `00012.jpg` (THUMBNAIL_FILE_PATTERN for one number). */
export function thumbnailFileName(fileNumber: number): string {
  return `${String(fileNumber).padStart(5, '0')}.jpg`;
}

/** The widest thumbnail: 7:1 at THUMBNAIL_HEIGHT, beyond any real video (a hostile pixel shape makes no 40,000-px JPEG). */
export const THUMBNAIL_MAX_WIDTH = 640;

/**
 * The filter chain: one frame per interval, then scaled to THUMBNAIL_HEIGHT (never upscaled, even)
 * in the shape the video is shown in, with square pixels.
 */
export function thumbnailFilter(intervalSec: number): string {
  // eof_action=pass: the last keyframe still gets its picture (by default the filter drops it,
  // leaving up to a whole keyframe interval at the end without a thumbnail).
  const fps = `fps=fps=1/${intervalSec}:eof_action=pass`;
  const height = `trunc(min(${THUMBNAIL_HEIGHT}\\,ih)/2)*2`;
  // The width of the shown picture at that height: the stored width times the sample aspect ratio
  // (camcorder DV is stored 720x576 and shown 16:9; browsers ignore a JPEG's own pixel shape), to
  // the nearest even number. In this order (oh*iw first, an exact integer) square pixels give
  // exactly `scale=-2:height`, ffmpeg's own rounding (av_rescale, halves up). At least 2: a width
  // of 0 would mean "the input's".
  const width = `max(2\\,min(${THUMBNAIL_MAX_WIDTH}\\,round(oh*iw*sar/ih/2)*2))`;
  return `${fps},scale=${width}:${height},setsar=1`;
}

/**
 * @param outputPattern a path ending in THUMBNAIL_FILE_PATTERN, inside a folder that exists.
 */
export function buildThumbnailArgs(input: string, outputPattern: string, intervalSec: number): string[] {
  return [
    '-hide_banner',
    '-nostdin',
    '-y',
    '-loglevel', 'error',
    '-progress', 'pipe:1',
    '-nostats',
    // Input (decoder) options: only keyframes are decoded; one decoding thread, since a keyframe
    // decode is short and the other core belongs to the player and the proxy.
    '-skip_frame', 'nokey',
    '-threads', '1',
    '-i', input,
    '-map', '0:v:0',
    '-an', '-sn', '-dn',
    '-vf', thumbnailFilter(intervalSec),
    '-q:v', '5',
    '-f', 'image2',
    outputPattern,
  ];
}
