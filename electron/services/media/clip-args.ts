// ffmpeg arguments for a fragment clip: an MP4 a phone plays (H.264 Main, yuv420p, even size,
// AAC stereo, moov box first) cut at the fragment's in and out within one frame. Pure.
//
// How the cut is precise: `-ss` and `-t` go BEFORE `-i` with `-accurate_seek` (ffmpeg's default,
// spelled out). ffmpeg then seeks to the keyframe before the in-point, decodes from there and
// drops every frame before it, so the clip starts on the frame shown at the in-point whatever the
// GOP, and its timestamps start at 0. We re-encode the whole clip; lossless-cut's "smart cut"
// (re-encode only up to the next keyframe, copy the rest) would be faster for long clips and is a
// possible later optimisation, but a copied stream keeps the source's codec, profile and level,
// which is not always phone-playable.
//
// In and out are snapped to the source's frame grid when its frame rate is constant
// (planClipCut): the clip holds the frames whose start lies in [in, out), so a 3.0 - 7.0 s
// fragment at 25 fps is frames 75 .. 174, 4.00 s. Times are passed to ffmpeg floored to whole
// microseconds, so rounding can never push the seek point past the first wanted frame.
//
// Works with the bundled 2018 ffmpeg and current ones: only options both know (no -fps_mode,
// no expression font sizes; drawtext's %{eif:...:d:2} exists in both).
import type { MediaInfo } from '../../../shared/domain';

/** Clips are at most this many pixels (1920x1080): phones play it, and a 4K recording shrinks. */
export const CLIP_MAX_PIXELS = 1920 * 1080;
export const CLIP_MAX_FPS = 60;
/** One frame of tolerance on the frame grid, relative (1/1000 of a frame). */
const GRID_EPSILON = 1e-3;

export interface ClipRange {
  inSec: number;
  outSec: number;
}

export interface ClipCut {
  /** Where the clip starts in the recording (snapped to a frame when the rate is constant). */
  startSec: number;
  durationSec: number;
  /** Number of video frames, when the source has a constant frame rate; else null. */
  frames: number | null;
  /** `-ss` and `-t` values: whole microseconds, floored. */
  startArg: string;
  durationArg: string;
}

export class ClipRangeError extends Error {
  override readonly name = 'ClipRangeError';
}

/** "3.000000": seconds floored to whole microseconds, printed without float noise. */
export function secondsArg(sec: number): string {
  const micros = Math.max(0, Math.floor(sec * 1_000_000 + 1e-6));
  const whole = Math.floor(micros / 1_000_000);
  return `${whole}.${String(micros % 1_000_000).padStart(6, '0')}`;
}

/**
 * Where to cut: the fragment's range clamped to the recording, on the frame grid of a constant
 * frame rate source (the first frame is the one showing at `inSec`, the last the one before
 * `outSec`). Throws ClipRangeError for a range that holds not even one frame.
 */
export function planClipCut(range: ClipRange, info: MediaInfo): ClipCut {
  const end = info.durationSec > 0 ? Math.min(range.outSec, info.durationSec) : range.outSec;
  const start = Math.max(0, range.inSec);
  const fps = info.video?.fps ?? 0;
  if (info.video && !info.video.variableFrameRate && fps > 0 && Number.isFinite(fps)) {
    const firstFrame = Math.floor(start * fps + GRID_EPSILON);
    const endFrame = Math.ceil(end * fps - GRID_EPSILON);
    const frames = endFrame - firstFrame;
    if (frames < 1) throw new ClipRangeError(`The range ${range.inSec}-${range.outSec} s holds no whole frame`);
    const startSec = firstFrame / fps;
    const durationSec = frames / fps;
    return { startSec, durationSec, frames, startArg: secondsArg(startSec), durationArg: secondsArg(durationSec) };
  }
  const durationSec = end - start;
  if (!(durationSec > 0.01)) throw new ClipRangeError(`The range ${range.inSec}-${range.outSec} s is empty`);
  return { startSec: start, durationSec, frames: null, startArg: secondsArg(start), durationArg: secondsArg(durationSec) };
}

// ---- escaping for ffmpeg filtergraphs -------------------------------------------------------
// A drawtext text passes three parsers, each removing one level of escaping, outermost first:
//   1. the filtergraph parser (av_get_token with terminators `[],;`): `\` escapes, `'` quotes;
//   2. the filter's option parser (av_get_token with terminator `:`): `\` escapes, `'` quotes;
//   3. drawtext's own expansion (expansion=normal): `\x` is x, `%{...}` is a function.
// So a literal text is escaped for 3, then 2, then 1.

/** Level 3: a literal for drawtext's expansion (`\` and `%` lose their meaning). */
export function escapeDrawtextLiteral(text: string): string {
  return text.replace(/[\\%]/g, (c) => `\\${c}`);
}

/** Level 2: an option value (`\`, `'` and the option separator `:`). */
export function escapeFilterOption(value: string): string {
  return value.replace(/[\\':]/g, (c) => `\\${c}`);
}

/** Level 1: text inside one filter's arguments in a filtergraph (`\`, `'`, `[`, `]`, `,`, `;`). */
export function escapeFilterGraph(value: string): string {
  return value.replace(/[\\'[\],;]/g, (c) => `\\${c}`);
}

/** `key=value` for a filter's argument list, the value escaped for levels 2 and 1. */
export function filterOption(key: string, value: string | number): string {
  return `${key}=${escapeFilterGraph(escapeFilterOption(String(value)))}`;
}

/**
 * drawtext (expansion=normal) text that shows the ORIGINAL recording time of each frame in the
 * method's notation with tenths, `m:ss.d` ("6:11.4"), or `h:mm:ss.d` when the clip reaches an
 * hour: `t` is the frame's time in the clip, `originSec` where the clip starts in the recording.
 * Like formatTimecode it floors (a frame at 6:11.96 shows 6:11.9), with a half-millisecond
 * margin so a frame exactly on a tenth is not floored below it by float error.
 * `label`, when given, is a literal shown before the time ("video 2  6:11.4").
 */
export function timecodeDrawtextText(originSec: number, opts: { withHours: boolean; label?: string | null }): string {
  const T = `(t+${secondsArg(originSec)}+0.0005)`;
  const eif = (expr: string, width?: number) => `%{eif:${expr}:d${width ? `:${width}` : ''}}`;
  const tenths = eif(`mod(floor(${T}*10),10)`);
  const seconds = eif(`mod(floor(${T}),60)`, 2);
  const clock = opts.withHours
    ? `${eif(`floor(${T}/3600)`)}:${eif(`mod(floor(${T}/60),60)`, 2)}:${seconds}.${tenths}`
    : `${eif(`floor(${T}/60)`)}:${seconds}.${tenths}`;
  const label = opts.label?.trim();
  return label ? `${escapeDrawtextLiteral(label)}  ${clock}` : clock;
}

export interface TimecodeBurnIn {
  /** A TrueType/OpenType font file (drawtext needs one; fontconfig lookups differ per build). */
  fontFile: string;
  /** Shown before the time code, e.g. "video 2". */
  label?: string | null;
}

/** A readable size for the burned-in text on a picture of this size (fixed: 2018 drawtext has no size expressions). */
export function timecodeFontSize(width: number, height: number): number {
  const shortSide = Math.min(width, height) > 0 ? Math.min(width, height) : 360;
  return Math.max(14, Math.round(shortSide / 18));
}

/** The drawtext filter for a time code in the lower left corner, on a translucent box. */
export function timecodeDrawtextFilter(
  burnIn: TimecodeBurnIn,
  originSec: number,
  opts: { withHours: boolean; fontSize: number },
): string {
  const margin = Math.round(opts.fontSize * 0.6);
  return [
    'drawtext=' + filterOption('fontfile', burnIn.fontFile),
    filterOption('text', timecodeDrawtextText(originSec, { withHours: opts.withHours, label: burnIn.label })),
    filterOption('fontsize', opts.fontSize),
    filterOption('fontcolor', 'white'),
    filterOption('box', 1),
    filterOption('boxcolor', 'black@0.6'),
    filterOption('boxborderw', Math.max(2, Math.round(opts.fontSize / 4))),
    filterOption('x', margin),
    filterOption('y', `h-th-${margin}`),
  ].join(':');
}

/**
 * Scale filter: never upscaled, at most CLIP_MAX_PIXELS, both sides even (H.264 4:2:0 needs
 * that). Evaluated by ffmpeg on the decoded, already rotated frame.
 */
export function clipScaleFilter(): string {
  const factor = `min(1\\,sqrt(${CLIP_MAX_PIXELS}/(iw*ih)))`;
  return `scale=trunc(iw*${factor}/2)*2:trunc(ih*${factor}/2)*2`;
}

/** Size after clipScaleFilter, computed the same way (for the level and the font size). */
export function clipOutputSize(width: number, height: number): { width: number; height: number } {
  if (!(width > 0 && height > 0)) return { width: 0, height: 0 };
  const factor = Math.min(1, Math.sqrt(CLIP_MAX_PIXELS / (width * height)));
  return { width: Math.trunc((width * factor) / 2) * 2, height: Math.trunc((height * factor) / 2) * 2 };
}

/** H.264 levels: max macroblocks per second and per frame (ITU-T H.264 table A-1). */
const H264_LEVELS: { level: string; mbps: number; fs: number }[] = [
  { level: '3.0', mbps: 40_500, fs: 1_620 },
  { level: '3.1', mbps: 108_000, fs: 3_600 },
  { level: '3.2', mbps: 216_000, fs: 5_120 },
  { level: '4.0', mbps: 245_760, fs: 8_192 },
  { level: '4.2', mbps: 522_240, fs: 8_704 },
  { level: '5.1', mbps: 983_040, fs: 36_864 },
];

/**
 * The lowest level of the usual phone-playable ones (3.0 .. 4.2, 5.1 as a last resort) whose
 * limits fit the picture. Never below 3.0: every phone decodes that.
 */
export function h264Level(width: number, height: number, fps: number): string {
  const fs = Math.ceil(Math.max(width, 16) / 16) * Math.ceil(Math.max(height, 16) / 16);
  const rate = Number.isFinite(fps) && fps > 0 ? fps : 30;
  const mbps = fs * rate;
  return (H264_LEVELS.find((l) => fs <= l.fs && mbps <= l.mbps) ?? H264_LEVELS[H264_LEVELS.length - 1]!).level;
}

/** H.264 Main + AAC options shared by clips and showreels. */
export function phoneEncoderArgs(opts: { width: number; height: number; fps: number; withAudio: boolean }): string[] {
  const gop = Math.max(1, Math.round(2 * (opts.fps > 0 ? Math.min(opts.fps, CLIP_MAX_FPS) : 25)));
  const video = [
    '-c:v', 'libx264',
    '-preset', 'veryfast',
    '-crf', '20',
    '-profile:v', 'main',
    '-level:v', h264Level(opts.width, opts.height, Math.min(opts.fps, CLIP_MAX_FPS)),
    '-pix_fmt', 'yuv420p',
    '-g', String(gop),
  ];
  const audio = opts.withAudio ? ['-c:a', 'aac', '-b:a', '128k', '-ac', '2', '-ar', '48000'] : ['-an'];
  return [...video, ...audio];
}

/** Options every clip/showreel command starts and ends with. */
export const COMMAND_HEAD = ['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-progress', 'pipe:1', '-nostats'];
/** Metadata (a phone's GPS position, the camera, the original title) stays behind: clips leave the machine. */
export const PRIVACY_ARGS = ['-map_metadata', '-1', '-map_chapters', '-1'];
export const MP4_TAIL = ['-movflags', '+faststart', '-max_muxing_queue_size', '1024'];

export interface ClipArgsOptions {
  input: string;
  output: string;
  info: MediaInfo;
  cut: ClipCut;
  /** Burn the original time code in; null or absent: no burn-in. Ignored without video. */
  burnIn?: TimecodeBurnIn | null;
}

/** The full ffmpeg argument list for one clip. */
export function buildClipArgs(opts: ClipArgsOptions): string[] {
  const { input, output, info, cut } = opts;
  const seek = ['-ss', cut.startArg, '-t', cut.durationArg, '-accurate_seek', '-i', input];
  const tail = [...PRIVACY_ARGS, ...MP4_TAIL, output];

  if (!info.video) {
    return [...COMMAND_HEAD, ...seek, '-map', '0:a:0', '-vn', '-sn', '-dn',
      '-c:a', 'aac', '-b:a', '128k', '-ac', '2', '-ar', '48000', ...tail];
  }

  const size = clipOutputSize(info.video.width, info.video.height);
  const fps = info.video.fps > 0 ? info.video.fps : 25;
  const filters = [clipScaleFilter()];
  if (opts.burnIn) {
    filters.push(
      timecodeDrawtextFilter(opts.burnIn, cut.startSec, {
        withHours: cut.startSec + cut.durationSec >= 3600,
        fontSize: timecodeFontSize(size.width, size.height),
      }),
    );
  }
  return [
    ...COMMAND_HEAD,
    ...seek,
    '-map', '0:v:0',
    ...(info.audio ? ['-map', '0:a:0'] : []),
    '-sn', '-dn',
    '-vf', filters.join(','),
    ...(fps > CLIP_MAX_FPS + 0.5 ? ['-r', String(CLIP_MAX_FPS)] : []),
    ...phoneEncoderArgs({ width: size.width, height: size.height, fps, withAudio: info.audio !== null }),
    ...tail,
  ];
}

/**
 * Bits per pixel per frame that phoneEncoderArgs (x264 veryfast, CRF 20) spends on a recorded
 * conversation, roughly; used only for a size shown before a package is made ("ca. 40 MB").
 */
const ESTIMATE_BITS_PER_PIXEL = 0.08;
const ESTIMATE_AUDIO_BITS_PER_SEC = 128_000;

/** About how many bytes a clip of `durationSec` of this recording takes (buildClipArgs' output). */
export function estimateClipBytes(info: MediaInfo, durationSec: number): number {
  const seconds = Math.max(0, durationSec);
  let bitsPerSec = info.audio ? ESTIMATE_AUDIO_BITS_PER_SEC : 0;
  if (info.video) {
    const size = clipOutputSize(info.video.width, info.video.height);
    const fps = Math.min(info.video.fps > 0 ? info.video.fps : 25, CLIP_MAX_FPS);
    bitsPerSec += size.width * size.height * fps * ESTIMATE_BITS_PER_PIXEL;
  }
  return Math.round((bitsPerSec * seconds) / 8 * 1.02);
}
