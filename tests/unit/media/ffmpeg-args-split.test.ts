// How the runner hands our argument list to fluent-ffmpeg: the list must reach ffmpeg unchanged.
import { describe, expect, it } from 'vitest';
import { splitFfmpegArgs } from '../../../electron/services/media/ffmpeg-runner';
import { buildProxyArgs } from '../../../electron/services/media/proxy-args';

/** What fluent-ffmpeg builds from the parts (see its processor.js _getArguments). */
function rebuild(parts: ReturnType<typeof splitFfmpegArgs>): string[] {
  return [
    ...parts.inputs.flatMap((input) => [...input.options, '-i', input.source]),
    '-y',
    ...parts.outputOptions,
    parts.target,
  ];
}

describe('splitFfmpegArgs', () => {
  it('keeps a proxy command intact, paths with spaces included', () => {
    const args = buildProxyArgs('/Users/onderzoeker/Video 1.avi', '/data/proxies/x y.part.mp4', {
      durationSec: 10,
      formatName: 'avi',
      sizeBytes: 1,
      video: { codec: 'mpeg4', profile: null, width: 640, height: 360, pixFmt: 'yuv420p', fps: 25, variableFrameRate: false },
      audio: { codec: 'mp3', channels: 2, sampleRate: 48000 },
    });
    const parts = splitFfmpegArgs(args);
    expect(parts.inputs).toHaveLength(1);
    expect(parts.inputs[0]!.source).toBe('/Users/onderzoeker/Video 1.avi');
    expect(parts.target).toBe('/data/proxies/x y.part.mp4');
    // fluent-ffmpeg only adds -y, which the proxy command has already.
    expect(rebuild(parts).filter((a) => a !== '-y')).toEqual(args.filter((a) => a !== '-y'));
  });

  it('keeps options of several inputs with their own input (e.g. -f before -i)', () => {
    const args = ['-f', 'lavfi', '-i', 'testsrc2', '-ss', '5', '-i', 'b.mp4', '-map', '1:a', '-f', 'null', '-'];
    const parts = splitFfmpegArgs(args);
    expect(parts.inputs).toEqual([
      { options: ['-f', 'lavfi'], source: 'testsrc2' },
      { options: ['-ss', '5'], source: 'b.mp4' },
    ]);
    expect(parts.outputOptions).toEqual(['-map', '1:a', '-f', 'null']);
    expect(parts.target).toBe('-');
  });

  it('handles a command without inputs', () => {
    expect(splitFfmpegArgs(['-hide_banner', 'out.mp4'])).toEqual({ inputs: [], outputOptions: ['-hide_banner'], target: 'out.mp4' });
  });
});
