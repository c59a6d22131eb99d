// Can the app's player (Chromium inside Electron, or Chromium under Playwright) play a file as
// it is, or does it need a proxy? Deliberately conservative: when in doubt, make a proxy. A proxy
// costs some minutes of background work; a file that plays badly costs the researcher trust in
// every timestamp.
import type { MediaInfo } from '../../../shared/domain';

export interface PlaybackDecision {
  needsProxy: boolean;
  /** Short English phrase saying why a proxy is needed, or null when the original plays. */
  reason: string | null;
}

type Container = 'mp4' | 'webm' | 'ogg' | 'mp3' | 'wav' | 'flac';

/** Codecs Chromium decodes, per container it reads. */
const PLAYABLE: Record<Container, { video: readonly string[]; audio: readonly string[] }> = {
  mp4: { video: ['h264', 'vp9', 'av1'], audio: ['aac', 'mp3', 'opus', 'flac'] },
  // Chromium reads Matroska too, but only with WebM's codecs is it reliable; h264 in MKV is proxied.
  webm: { video: ['vp8', 'vp9', 'av1'], audio: ['opus', 'vorbis'] },
  // Theora was removed from Chromium: Ogg is for audio only.
  ogg: { video: [], audio: ['opus', 'vorbis', 'flac'] },
  mp3: { video: [], audio: ['mp3'] },
  wav: { video: [], audio: ['pcm_s16le'] },
  flac: { video: [], audio: ['flac'] },
};

const PLAYABLE_VIDEO_CODECS = new Set(['h264', 'vp8', 'vp9', 'av1']);
const PLAYABLE_AUDIO_CODECS = new Set(['aac', 'mp3', 'opus', 'vorbis', 'flac', 'pcm_s16le']);
/** Pixel formats Chromium decodes for H.264 (8-bit 4:2:0). */
const H264_PIXEL_FORMATS = new Set(['yuv420p', 'yuvj420p']);

/** Which container family an ffprobe format_name (e.g. "mov,mp4,m4a,3gp,3g2,mj2") belongs to. */
export function containerOf(formatName: string): Container | null {
  const names = formatName.toLowerCase().split(',').map((n) => n.trim());
  if (names.includes('mp4') || names.includes('mov')) return 'mp4';
  if (names.includes('webm') || names.includes('matroska')) return 'webm';
  for (const family of ['ogg', 'mp3', 'wav', 'flac'] as const) if (names.includes(family)) return family;
  return null;
}

/** Pure: does the player need a proxy for this file, and why. */
export function decidePlayback(info: MediaInfo): PlaybackDecision {
  const reason = proxyReason(info);
  return { needsProxy: reason !== null, reason };
}

function proxyReason(info: MediaInfo): string | null {
  const { video, audio } = info;
  if (!video && !audio) return 'the file has no audio or video stream';
  const container = containerOf(info.formatName);
  const label = containerLabel(info.formatName);

  if (video) {
    if (!PLAYABLE_VIDEO_CODECS.has(video.codec)) return `video codec ${video.codec} is not playable in the app`;
    if (video.codec === 'h264') {
      const profile = video.profile ?? '';
      if (/10|4:2:2|4:4:4/.test(profile)) return `H.264 profile ${profile} is not playable in the app`;
      if (!video.pixFmt || !H264_PIXEL_FORMATS.has(video.pixFmt)) {
        return `H.264 with pixel format ${video.pixFmt ?? 'unknown'} is not playable in the app`;
      }
    }
  }
  if (audio && !PLAYABLE_AUDIO_CODECS.has(audio.codec)) return `audio codec ${audio.codec} is not playable in the app`;

  if (!container) return `the ${label} container is not playable in the app`;
  const allowed = PLAYABLE[container];
  if (video && !allowed.video.includes(video.codec)) {
    return `video codec ${video.codec} in a ${label} file is not reliably playable in the app`;
  }
  if (audio && !allowed.audio.includes(audio.codec)) {
    return `audio codec ${audio.codec} in a ${label} file is not reliably playable in the app`;
  }

  if (video?.variableFrameRate) {
    return 'the video has a variable frame rate; a constant-rate copy keeps shown and stored times in step';
  }
  return null;
}

function containerLabel(formatName: string): string {
  const first = formatName.split(',')[0]?.trim();
  if (!first) return 'unknown';
  return formatName.includes('matroska') ? 'Matroska/WebM' : first.toUpperCase();
}
