import { describe, expect, it } from 'vitest';
import type { MediaInfo } from '../../../shared/domain';
import { planClipCut } from '../../../electron/services/media/clip-args';
import {
  buildShowreelArgs,
  showreelCanvas,
  showreelDuration,
  TITLE_CARD_SEC,
  titleCardFilter,
  type ShowreelSegment,
} from '../../../electron/services/media/showreel-args';
import { parseFilterChain, parseFilterOptions } from './ffmpeg-escaping';

function media(video: Partial<NonNullable<MediaInfo['video']>> | null, audio = true): MediaInfo {
  return {
    durationSec: 600,
    formatName: 'mov,mp4',
    sizeBytes: 1,
    video: video && { codec: 'h264', profile: null, width: 1920, height: 1080, pixFmt: 'yuv420p', fps: 25, variableFrameRate: false, ...video },
    audio: audio ? { codec: 'aac', channels: 1, sampleRate: 44100 } : null,
  };
}
const segment = (input: string, info: MediaInfo, inSec: number, outSec: number, card?: string[]): ShowreelSegment => ({
  input, info, cut: planClipCut({ inSec, outSec }, info), ...(card ? { card } : {}),
});

describe('showreel arguments', () => {
  it('fits the first video into 1280x720 (720x1280 upright), at its standard frame rate', () => {
    expect(showreelCanvas([segment('a', media({}), 0, 1)])).toEqual({ width: 1280, height: 720, fps: { value: 25, arg: '25' } });
    expect(showreelCanvas([segment('a', media({ width: 1080, height: 1920, fps: 29.97 }), 0, 1)])).toMatchObject({ width: 720, height: 1280, fps: { arg: '30000/1001' } });
    expect(showreelCanvas([segment('a', media({ width: 320, height: 180 }), 0, 1)])).toMatchObject({ width: 320, height: 180 });
    expect(showreelCanvas([segment('a', media(null), 0, 1)])).toMatchObject({ width: 640, height: 360 });
  });

  it('cuts every fragment precisely as its own input and joins them in order with the concat filter', () => {
    const info = media({});
    const args = buildShowreelArgs({
      segments: [segment('/r/b.mp4', info, 8, 9.6), segment('/r/a.mp4', info, 1, 3)],
      output: '/o/reel.part.mp4',
      fontFile: null,
      burnTimecode: true,
    });
    const inputs = args.flatMap((a, i) => (a === '-i' ? [args[i + 1]] : []));
    expect(inputs).toEqual(['/r/b.mp4', '/r/a.mp4']);
    expect(args.slice(args.indexOf('/r/b.mp4') - 6, args.indexOf('/r/b.mp4'))).toEqual(['-ss', '8.000000', '-t', '1.600000', '-accurate_seek', '-i']);
    const graph = args[args.indexOf('-filter_complex') + 1]!;
    expect(graph).toContain('[v0][a0][v1][a1]concat=n=2:v=1:a=1[vout][aout]');
    expect(graph).toContain('[0:v:0]setpts=PTS-STARTPTS,scale=1280:720:force_original_aspect_ratio=decrease');
    expect(graph).not.toContain('drawtext'); // no font: no time code, no cards
    expect(args.slice(args.indexOf('-map'), args.indexOf('-map') + 4)).toEqual(['-map', '[vout]', '-map', '[aout]']);
    expect(args.at(-1)).toBe('/o/reel.part.mp4');
  });

  it('fills a silent recording with silence and an audio-only one with a blank picture', () => {
    const args = buildShowreelArgs({
      segments: [segment('/r/silent.mp4', media({}, false), 0, 2), segment('/r/voice.m4a', media(null), 0, 2)],
      output: 'o.mp4', fontFile: null, burnTimecode: false,
    });
    const lavfi = args.flatMap((a, i) => (a === 'lavfi' ? [args[i + 4]] : []));
    expect(lavfi).toEqual(['anullsrc=r=48000:cl=stereo', 'color=c=0x1f2933:s=1280x720:r=25']);
    const graph = args[args.indexOf('-filter_complex') + 1]!;
    expect(graph).toContain('[1:a]asetpts');
    expect(graph).toContain('[3:v]setsar=1');
  });

  it('puts a title card before each fragment when a font exists, and counts it in the length', () => {
    const info = media({});
    const segments = [segment('a.mp4', info, 0, 2, ['Fragment 1 van 2', "Jan's: 'twijfel', [1]"]), segment('a.mp4', info, 4, 5, ['Fragment 2 van 2'])];
    const args = buildShowreelArgs({ segments, output: 'o.mp4', fontFile: '/f/Mono.ttf', burnTimecode: false });
    const graph = args[args.indexOf('-filter_complex') + 1]!;
    expect(graph).toContain('[cv0][ca0][v0][a0][cv1][ca1][v1][a1]concat=n=4');
    expect(args.filter((a) => a === '-i')).toHaveLength(6);
    expect(showreelDuration(segments, true)).toBeCloseTo(3 + 2 * TITLE_CARD_SEC, 9);
    expect(showreelDuration(segments, false)).toBeCloseTo(3, 9);
  });

  it("writes card text literally, whatever ':' '\\'' ',' or '%' it holds", () => {
    const lines = ["Jan's: 'twijfel', [1]; 100%", '6:00 – 6:30'];
    const chain = parseFilterChain(titleCardFilter(lines, 'C:\\Fonts\\a.ttf', { width: 1280, height: 720, fps: { value: 25, arg: '25' } }));
    expect(chain).toHaveLength(2);
    const first = parseFilterOptions(chain[0]![1]);
    expect(first).toMatchObject({ fontfile: 'C:\\Fonts\\a.ttf', expansion: 'none', text: lines[0] });
    expect(parseFilterOptions(chain[1]![1]).text).toBe(lines[1]);
  });
});
