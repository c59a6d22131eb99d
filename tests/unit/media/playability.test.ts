import { describe, expect, it } from 'vitest';
import type { MediaInfo } from '../../../shared/domain';
import { decidePlayback } from '../../../electron/services/media/playability';

const MP4 = 'mov,mp4,m4a,3gp,3g2,mj2';
const MKV = 'matroska,webm';

function media(
  formatName: string,
  video: Partial<NonNullable<MediaInfo['video']>> | null,
  audio: string | null,
): MediaInfo {
  return {
    durationSec: 60,
    formatName,
    sizeBytes: 1000,
    video: video && {
      codec: 'h264',
      profile: 'High',
      width: 1280,
      height: 720,
      pixFmt: 'yuv420p',
      fps: 25,
      variableFrameRate: false,
      ...video,
    },
    audio: audio === null ? null : { codec: audio, channels: 2, sampleRate: 48000 },
  };
}

describe('decidePlayback', () => {
  const plays: [string, MediaInfo][] = [
    ['H.264 High + AAC in MP4', media(MP4, {}, 'aac')],
    ['H.264 full-range (yuvj420p) in MOV from a camera', media(MP4, { pixFmt: 'yuvj420p', profile: 'Main' }, 'aac')],
    ['H.264 without audio', media(MP4, {}, null)],
    ['AAC in M4A', media(MP4, null, 'aac')],
    ['VP9 + Opus in WebM', media(MKV, { codec: 'vp9', profile: 'Profile 0' }, 'opus')],
    ['VP8 + Vorbis in WebM', media(MKV, { codec: 'vp8', profile: null }, 'vorbis')],
    ['AV1 in MP4', media(MP4, { codec: 'av1', profile: 'Main' }, 'opus')],
    ['MP3', media('mp3', null, 'mp3')],
    ['16-bit WAV', media('wav', null, 'pcm_s16le')],
    ['FLAC', media('flac', null, 'flac')],
    ['Opus in Ogg', media('ogg', null, 'opus')],
  ];
  it.each(plays)('plays %s directly', (_name, info) => {
    expect(decidePlayback(info)).toEqual({ needsProxy: false, reason: null });
  });

  const proxied: [string, MediaInfo, RegExp][] = [
    ['HEVC from an iPhone', media(MP4, { codec: 'hevc', profile: 'Main' }, 'aac'), /video codec hevc/],
    ['MPEG-4 part 2 in AVI', media('avi', { codec: 'mpeg4', profile: 'Simple Profile' }, 'mp3'), /video codec mpeg4/],
    ['ProRes in MOV', media(MP4, { codec: 'prores', pixFmt: 'yuv422p10le' }, 'pcm_s16le'), /video codec prores/],
    ['MJPEG from a webcam', media('avi', { codec: 'mjpeg', pixFmt: 'yuvj422p' }, 'pcm_s16le'), /video codec mjpeg/],
    ['WMV', media('asf', { codec: 'wmv2' }, 'wmav2'), /video codec wmv2/],
    ['MS-MPEG4', media('avi', { codec: 'msmpeg4v3' }, 'mp3'), /video codec msmpeg4v3/],
    ['MPEG-2 from a DVD', media('mpeg', { codec: 'mpeg2video' }, 'mp2'), /video codec mpeg2video/],
    ['H.264 High 10', media(MP4, { profile: 'High 10', pixFmt: 'yuv420p10le' }, 'aac'), /High 10/],
    ['H.264 4:2:2', media(MP4, { profile: 'High 4:2:2', pixFmt: 'yuv422p' }, 'aac'), /High 4:2:2/],
    ['H.264 in 4:4:4 pixels', media(MP4, { profile: 'High', pixFmt: 'yuv444p' }, 'aac'), /pixel format yuv444p/],
    ['H.264 in Matroska', media(MKV, {}, 'aac'), /h264 in a Matroska\/WebM file/],
    ['H.264 + MP3 in AVI', media('avi', {}, 'mp3'), /AVI container/],
    ['AMR voice memo in 3GP', media(MP4, null, 'amr_nb'), /audio codec amr_nb/],
    ['WMA', media('asf', null, 'wmav2'), /audio codec wmav2/],
    ['24-bit WAV', media('wav', null, 'pcm_s24le'), /audio codec pcm_s24le/],
    ['PCM audio in MOV', media(MP4, {}, 'pcm_s16le'), /audio codec pcm_s16le in a MOV file/],
    ['Theora in Ogg', media('ogg', { codec: 'theora' }, 'vorbis'), /video codec theora/],
    ['variable-frame-rate phone video', media(MP4, { variableFrameRate: true, fps: 29.6 }, 'aac'), /variable frame rate/],
  ];
  it.each(proxied)('makes a proxy for %s, saying why', (_name, info, reason) => {
    const decision = decidePlayback(info);
    expect(decision.needsProxy).toBe(true);
    expect(decision.reason).toMatch(reason);
  });
});
