// parseProbeOutput on ffprobe JSON captured from real files (trimmed to the fields ffprobe always
// prints that matter here; `disposition` shortened to two of its keys).
import { describe, expect, it } from 'vitest';
import { MediaError } from '../../../electron/services/media/errors';
import { parseProbeOutput, probeArgs } from '../../../electron/services/media/probe';

const H264_MP4 = JSON.stringify({
  streams: [
    { index: 0, codec_name: 'h264', profile: 'Constrained Baseline', codec_type: 'video', width: 640, height: 360,
      pix_fmt: 'yuv420p', r_frame_rate: '25/1', avg_frame_rate: '25/1', duration: '120.000000', nb_frames: '3000',
      disposition: { default: 1, attached_pic: 0 } },
    { index: 1, codec_name: 'aac', profile: 'LC', codec_type: 'audio', sample_rate: '48000', channels: 2,
      r_frame_rate: '0/0', avg_frame_rate: '0/0', duration: '120.000000', nb_frames: '5626',
      disposition: { default: 1, attached_pic: 0 } },
  ],
  format: { filename: 'playable.mp4', nb_streams: 2, format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '120.022000', size: '29663858' },
});

const HEVC_MP4 = JSON.stringify({
  streams: [
    { index: 0, codec_name: 'hevc', profile: 'Main 10', codec_type: 'video', width: 320, height: 240,
      pix_fmt: 'yuv420p10le', r_frame_rate: '30000/1001', avg_frame_rate: '30000/1001', duration: '1.001000',
      nb_frames: '30', disposition: { default: 1, attached_pic: 0 } },
  ],
  format: { filename: 'hevc.mp4', nb_streams: 1, format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '1.001000', size: '37669' },
});

const MP3_WITH_COVER = JSON.stringify({
  streams: [
    { index: 0, codec_name: 'mp3', codec_type: 'audio', sample_rate: '44100', channels: 1, r_frame_rate: '0/0',
      avg_frame_rate: '0/0', duration: '2.037551', disposition: { default: 0, attached_pic: 0 } },
    { index: 1, codec_name: 'png', codec_type: 'video', width: 64, height: 64, pix_fmt: 'rgb24',
      r_frame_rate: '90000/1', avg_frame_rate: '0/0', duration: '2.037556', disposition: { default: 0, attached_pic: 1 } },
  ],
  format: { filename: 'cover.mp3', nb_streams: 2, format_name: 'mp3', duration: '2.037551', size: '18237' },
});

const SUBTITLES_ONLY = JSON.stringify({
  streams: [
    { index: 0, codec_name: 'subrip', codec_type: 'subtitle', r_frame_rate: '0/0', avg_frame_rate: '0/0',
      disposition: { default: 0, attached_pic: 0 } },
  ],
  format: { filename: 's.srt', nb_streams: 1, format_name: 'srt', size: '35' },
});

const VFR_MP4 = JSON.stringify({
  streams: [
    { index: 0, codec_name: 'h264', profile: 'Constrained Baseline', codec_type: 'video', width: 640, height: 360,
      pix_fmt: 'yuv420p', r_frame_rate: '30/1', avg_frame_rate: '6750/299', duration: '9.966667', nb_frames: '225',
      disposition: { default: 1, attached_pic: 0 } },
  ],
  format: { filename: 'vfr.mp4', nb_streams: 1, format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '10.022000', size: '2140347' },
});

const PNG_IMAGE = JSON.stringify({
  streams: [
    { index: 0, codec_name: 'png', codec_type: 'video', width: 64, height: 64, pix_fmt: 'rgb24',
      r_frame_rate: '25/1', avg_frame_rate: '25/1', disposition: { default: 0, attached_pic: 0 } },
  ],
  format: { filename: 'cover.png', nb_streams: 1, format_name: 'png_pipe', size: '1687' },
});

// A text file with a .txt name: ffprobe "plays" it as ANSI art.
const TEXT_FILE = JSON.stringify({
  streams: [
    { index: 0, codec_name: 'ansi', codec_type: 'video', width: 640, height: 400, pix_fmt: 'pal8',
      r_frame_rate: '25/1', avg_frame_rate: '25/1', disposition: { default: 0, attached_pic: 0 } },
  ],
  format: { filename: 't.txt', nb_streams: 1, format_name: 'tty', duration: '0.040000', size: '1380' },
});

function errorOf(fn: () => unknown): MediaError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MediaError) return error;
    throw error;
  }
  throw new Error('expected a MediaError');
}

describe('probeArgs', () => {
  it('asks ffprobe for format and streams as JSON, with the file after -i', () => {
    const args = probeArgs('/videos/gesprek 1.mp4');
    expect(args.slice(0, 2)).toEqual(['-v', 'error']);
    expect(args).toEqual(expect.arrayContaining(['-of', 'json', '-show_format', '-show_streams']));
    expect(args.slice(-2)).toEqual(['-i', '/videos/gesprek 1.mp4']);
  });
});

describe('parseProbeOutput', () => {
  it('reads an H.264/AAC MP4: duration, container, video and audio', () => {
    expect(parseProbeOutput(H264_MP4, 29663858)).toEqual({
      durationSec: 120.022,
      formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
      sizeBytes: 29663858,
      video: {
        codec: 'h264',
        profile: 'Constrained Baseline',
        width: 640,
        height: 360,
        pixFmt: 'yuv420p',
        fps: 25,
        variableFrameRate: false,
      },
      audio: { codec: 'aac', channels: 2, sampleRate: 48000 },
    });
  });

  it('reads HEVC 10-bit with a fractional frame rate', () => {
    const info = parseProbeOutput(HEVC_MP4, 37669);
    expect(info.video).toMatchObject({ codec: 'hevc', profile: 'Main 10', pixFmt: 'yuv420p10le', variableFrameRate: false });
    expect(info.video?.fps).toBeCloseTo(29.97, 2);
    expect(info.audio).toBeNull();
  });

  it('treats cover art in an MP3 as no video: an audio-only recording', () => {
    const info = parseProbeOutput(MP3_WITH_COVER, 18237);
    expect(info.video).toBeNull();
    expect(info.audio).toEqual({ codec: 'mp3', channels: 1, sampleRate: 44100 });
    expect(info.durationSec).toBeCloseTo(2.04, 2);
  });

  it('marks video whose average and nominal frame rates disagree as variable frame rate', () => {
    const info = parseProbeOutput(VFR_MP4, 2140347);
    expect(info.video?.variableFrameRate).toBe(true);
    expect(info.video?.fps).toBeCloseTo(6750 / 299, 6);
  });

  it("says 'no-streams' for a file with only subtitles", () => {
    const error = errorOf(() => parseProbeOutput(SUBTITLES_ONLY, 35));
    expect(error.code).toBe('no-streams');
    expect(error.message).toMatch(/no audio or video/);
  });

  it("says 'no-streams' for a file with only cover art", () => {
    const coverOnly = JSON.parse(MP3_WITH_COVER) as { streams: unknown[] };
    coverOnly.streams = coverOnly.streams.slice(1);
    expect(errorOf(() => parseProbeOutput(JSON.stringify(coverOnly), 18237)).code).toBe('no-streams');
  });

  it("says 'not-media' for a still image", () => {
    const error = errorOf(() => parseProbeOutput(PNG_IMAGE, 1687));
    expect(error.code).toBe('not-media');
    expect(error.message).toMatch(/still image/);
  });

  it("says 'not-media' for a text file that ffprobe reads as ANSI art", () => {
    const error = errorOf(() => parseProbeOutput(TEXT_FILE, 1380));
    expect(error.code).toBe('not-media');
    expect(error.message).toMatch(/text file/);
  });

  it("says 'not-media' for ffprobe's empty answer and for output that isn't JSON", () => {
    expect(errorOf(() => parseProbeOutput('{\n\n}', 1380)).code).toBe('not-media');
    expect(errorOf(() => parseProbeOutput('', 1380)).code).toBe('not-media');
    expect(errorOf(() => parseProbeOutput('Invalid data found', 1380)).code).toBe('not-media');
  });

  it('falls back to the stream duration, and to 0 when nothing says how long the file is', () => {
    const noFormatDuration = JSON.parse(HEVC_MP4) as { format: Record<string, unknown>; streams: Record<string, unknown>[] };
    delete noFormatDuration.format.duration;
    expect(parseProbeOutput(JSON.stringify(noFormatDuration), 37669).durationSec).toBeCloseTo(1.001, 3);
    noFormatDuration.format.duration = 'N/A';
    delete noFormatDuration.streams[0]!.duration;
    expect(parseProbeOutput(JSON.stringify(noFormatDuration), 37669).durationSec).toBe(0);
  });

  it('uses the nominal rate when the average rate is unknown, and never reports VFR then', () => {
    const sample = JSON.parse(H264_MP4) as { streams: Record<string, unknown>[] };
    sample.streams[0]!.avg_frame_rate = '0/0';
    const info = parseProbeOutput(JSON.stringify(sample), 1);
    expect(info.video).toMatchObject({ fps: 25, variableFrameRate: false });
  });
});
