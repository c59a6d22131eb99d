import { describe, expect, it } from 'vitest';
import type { MediaInfo } from '../../../shared/domain';
import {
  buildProxyArgs,
  proxyFrameRate,
  proxyOutputExtension,
  proxyScaleFilter,
} from '../../../electron/services/media/proxy-args';

const video = (fps: number, extra: Partial<NonNullable<MediaInfo['video']>> = {}): MediaInfo => ({
  durationSec: 600,
  formatName: 'avi',
  sizeBytes: 1,
  video: { codec: 'mpeg4', profile: null, width: 1920, height: 1080, pixFmt: 'yuv420p', fps, variableFrameRate: false, ...extra },
  audio: { codec: 'mp3', channels: 1, sampleRate: 44100 },
});
const audioOnly: MediaInfo = {
  durationSec: 600,
  formatName: 'asf',
  sizeBytes: 1,
  video: null,
  audio: { codec: 'wmav2', channels: 2, sampleRate: 44100 },
};

/** The value after `flag` in an argument list. */
const valueOf = (args: string[], flag: string) => args[args.indexOf(flag) + 1];

describe('proxyOutputExtension', () => {
  it('is .mp4 for video and .m4a for audio-only recordings', () => {
    expect(proxyOutputExtension(video(25))).toBe('.mp4');
    expect(proxyOutputExtension(audioOnly)).toBe('.m4a');
  });
});

describe('proxyFrameRate', () => {
  it.each([
    [25, '25', 25],
    [30000 / 1001, '30000/1001', 30],
    [29.6, '30000/1001', 30], // a phone's variable rate snaps to the nearest standard rate
    [24, '24', 24],
    [50, '50', 50],
    [22.57, '23', 23], // nowhere near a standard rate: whole frames
    [240, '60', 60], // slow motion is capped
    [0, '25', 25], // unknown
  ])('a %d fps source gives a %s fps proxy with %d frames a second', (fps, arg, gop) => {
    const rate = proxyFrameRate(video(fps));
    expect(rate.arg).toBe(arg);
    expect(rate.gop).toBe(gop);
  });
});

describe('buildProxyArgs for video', () => {
  const args = buildProxyArgs('/in/gesprek 1.avi', '/out/abc.part.mp4', video(25));

  it('reads the input after -i and writes the output as the last argument', () => {
    expect(valueOf(args, '-i')).toBe('/in/gesprek 1.avi');
    expect(args.at(-1)).toBe('/out/abc.part.mp4');
    expect(args).toContain('-y');
  });

  it('encodes H.264 yuv420p with libx264 veryfast CRF 23', () => {
    expect(valueOf(args, '-c:v')).toBe('libx264');
    expect(valueOf(args, '-preset')).toBe('veryfast');
    expect(valueOf(args, '-crf')).toBe('23');
    expect(valueOf(args, '-pix_fmt')).toBe('yuv420p');
  });

  it('forces a constant frame rate with options the 2018 ffmpeg knows', () => {
    expect(valueOf(args, '-r')).toBe('25');
    expect(valueOf(args, '-vsync')).toBe('cfr');
    expect(args).not.toContain('-fps_mode');
  });

  it('puts a keyframe every half second so scrubbing lands quickly', () => {
    expect(valueOf(args, '-g')).toBe('13');
    expect(valueOf(args, '-keyint_min')).toBe('13');
    expect(valueOf(args, '-sc_threshold')).toBe('0');
    const ntsc = buildProxyArgs('a', 'b.mp4', video(30000 / 1001));
    expect(valueOf(ntsc, '-r')).toBe('30000/1001');
    expect(valueOf(ntsc, '-g')).toBe('15');
  });

  it('scales down to at most 540 lines, even sizes, never up, tuned for fast decoding', () => {
    expect(valueOf(args, '-vf')).toBe(proxyScaleFilter());
    expect(proxyScaleFilter()).toBe('scale=-2:trunc(min(540\\,ih)/2)*2');
    expect(valueOf(args, '-tune')).toBe('fastdecode');
  });

  it('builds the other profiles the benchmark compares: height, keyframe spacing, intra-only, no tuning', () => {
    const second = buildProxyArgs('a', 'b.mp4', video(25), { maxHeight: 720, keyframeSec: 1, fastDecode: false });
    expect(valueOf(second, '-vf')).toBe('scale=-2:trunc(min(720\\,ih)/2)*2');
    expect(valueOf(second, '-g')).toBe('25');
    expect(second).not.toContain('-tune');
    const intra = buildProxyArgs('a', 'b.mp4', video(25), { maxHeight: 540, keyframeSec: 0, fastDecode: false });
    expect(valueOf(intra, '-g')).toBe('1');
    expect(valueOf(intra, '-keyint_min')).toBe('1');
  });

  it('maps the first video and audio stream, AAC 128k stereo 48 kHz, faststart, progress on stdout', () => {
    expect(args.join(' ')).toContain('-map 0:v:0? -map 0:a:0?');
    expect(valueOf(args, '-c:a')).toBe('aac');
    expect(valueOf(args, '-b:a')).toBe('128k');
    expect(valueOf(args, '-ac')).toBe('2');
    expect(valueOf(args, '-ar')).toBe('48000');
    expect(valueOf(args, '-movflags')).toBe('+faststart');
    expect(valueOf(args, '-progress')).toBe('pipe:1');
    expect(args).toContain('-nostats');
  });

  it('leaves audio out when the recording has none', () => {
    const silent = buildProxyArgs('a.avi', 'b.mp4', { ...video(25), audio: null });
    expect(silent).toContain('-an');
    expect(silent).not.toContain('-c:a');
  });
});

describe('buildProxyArgs for audio only', () => {
  it('writes AAC without video, with faststart', () => {
    const args = buildProxyArgs('/in/memo.wma', '/out/abc.part.m4a', audioOnly);
    expect(args).toContain('-vn');
    expect(args).not.toContain('-c:v');
    expect(valueOf(args, '-c:a')).toBe('aac');
    expect(valueOf(args, '-movflags')).toBe('+faststart');
    expect(args.at(-1)).toBe('/out/abc.part.m4a');
  });
});
