// ffmpeg arguments for a proxy: a copy of a recording the player can play and scrub through
// smoothly. Pure; the options are chosen to work with both the bundled 2018 ffmpeg and current
// ones (hence `-vsync cfr`, not the newer `-fps_mode cfr`).
import type { MediaInfo } from '../../../shared/domain';

/**
 * How a proxy's video is encoded: its height and keyframe spacing decide how fast a seek decodes
 * (the benchmark measures candidates side by side: `npm run bench -- --only=seek`).
 */
export interface ProxyProfile {
  /** At most this many lines high (never upscaled). */
  maxHeight: number;
  /** Seconds between keyframes; 0: every frame is a keyframe (intra-only). */
  keyframeSec: number;
  /** x264's fastdecode tuning (no CABAC, no deblocking: cheaper to decode, bigger files). */
  fastDecode: boolean;
}

/**
 * The proxies the app makes (playable copies and scrub proxies alike): 540 lines (enough to see a
 * face), a keyframe every half second, tuned for fast decoding. Chosen with numbers
 * (bench/RESULTS.md, 2026-11-29): 540p with fastdecode seeks in about half the time of 720p; in a
 * long recording, where every seek is a new range request, half-second keyframes seeked in
 * 0.63-0.83× the time of 1-s ones at the median (a 10-min proxy, alternating rounds), and 0.66× at
 * p95 on the 30-s excerpt, for 15% more bytes (7.7 instead of 6.7 MB per minute). Intra-only is
 * hardly faster and three times the size.
 */
export const PROXY_PROFILE: ProxyProfile = { maxHeight: 540, keyframeSec: 0.5, fastDecode: true };
export const PROXY_DEFAULT_FPS = 25;
const PROXY_MAX_FPS = 60;
const STANDARD_RATE_TOLERANCE = 0.02;

/** Frame rates cameras and phones actually use; a measured average near one of them snaps to it. */
const STANDARD_RATES: { value: number; arg: string }[] = [
  { value: 24000 / 1001, arg: '24000/1001' },
  { value: 24, arg: '24' },
  { value: 25, arg: '25' },
  { value: 30000 / 1001, arg: '30000/1001' },
  { value: 30, arg: '30' },
  { value: 50, arg: '50' },
  { value: 60000 / 1001, arg: '60000/1001' },
  { value: 60, arg: '60' },
];

export function proxyOutputExtension(info: MediaInfo): '.mp4' | '.m4a' {
  return info.video ? '.mp4' : '.m4a';
}

/**
 * The constant frame rate of a proxy: the source's average rate snapped to the nearest standard
 * rate when within 2% (29.97 stays 29.97; a phone's variable 29.6 becomes 29.97), else rounded to
 * whole frames (at most 60); 25 when unknown.
 * `value` is for arithmetic, `arg` for ffmpeg's -r, `gop` is the number of frames in one second.
 */
export function proxyFrameRate(info: MediaInfo): { value: number; arg: string; gop: number } {
  const fps = info.video?.fps ?? 0;
  if (!Number.isFinite(fps) || fps < 1) {
    return { value: PROXY_DEFAULT_FPS, arg: String(PROXY_DEFAULT_FPS), gop: PROXY_DEFAULT_FPS };
  }
  const nearest = STANDARD_RATES.reduce((best, rate) =>
    Math.abs(fps - rate.value) < Math.abs(fps - best.value) ? rate : best,
  );
  if (Math.abs(fps - nearest.value) / nearest.value <= STANDARD_RATE_TOLERANCE) {
    return { value: nearest.value, arg: nearest.arg, gop: Math.round(nearest.value) };
  }
  const rounded = Math.min(PROXY_MAX_FPS, Math.max(1, Math.round(fps)));
  return { value: rounded, arg: String(rounded), gop: rounded };
}

/** The scale filter: at most `maxHeight` lines, never upscaled, aspect kept, both sides even. */
export function proxyScaleFilter(maxHeight = PROXY_PROFILE.maxHeight): string {
  // Evaluated by ffmpeg on the decoded (already rotated) frame, so phone videos in portrait come
  // out right. The comma inside min() is escaped for the filtergraph parser.
  return `scale=-2:trunc(min(${maxHeight}\\,ih)/2)*2`;
}

export function buildProxyArgs(input: string, output: string, info: MediaInfo, profile: ProxyProfile = PROXY_PROFILE): string[] {
  const head = ['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-progress', 'pipe:1', '-nostats', '-i', input];
  const audio = ['-c:a', 'aac', '-b:a', '128k', '-ac', '2', '-ar', '48000'];
  const tail = ['-movflags', '+faststart', '-max_muxing_queue_size', '1024', output];

  if (!info.video) {
    return [...head, '-map', '0:a:0', '-vn', '-sn', '-dn', ...audio, ...tail];
  }
  const rate = proxyFrameRate(info);
  const gop = String(profile.keyframeSec > 0 ? Math.max(1, Math.round(rate.gop * profile.keyframeSec)) : 1);
  return [
    ...head,
    '-map', '0:v:0?',
    '-map', '0:a:0?',
    '-sn', '-dn',
    '-vf', proxyScaleFilter(profile.maxHeight),
    '-c:v', 'libx264',
    '-preset', 'veryfast',
    ...(profile.fastDecode ? ['-tune', 'fastdecode'] : []),
    '-crf', '23',
    '-pix_fmt', 'yuv420p',
    '-r', rate.arg,
    '-vsync', 'cfr',
    '-g', gop,
    '-keyint_min', gop,
    '-sc_threshold', '0',
    ...(info.audio ? audio : ['-an']),
    ...tail,
  ];
}
