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

/** The filter chain: one frame per interval, then scaled to THUMBNAIL_HEIGHT (never upscaled, even width). */
export function thumbnailFilter(intervalSec: number): string {
  // eof_action=pass: the last keyframe still gets its picture (by default the filter drops it,
  // leaving up to a whole keyframe interval at the end without a thumbnail).
  return `fps=fps=1/${intervalSec}:eof_action=pass,scale=-2:trunc(min(${THUMBNAIL_HEIGHT}\\,ih)/2)*2`;
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
