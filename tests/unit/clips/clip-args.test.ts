import { describe, expect, it } from 'vitest';
import type { MediaInfo } from '../../../shared/domain';
import { formatTimecode } from '../../../shared/timecode';
import {
  buildClipArgs,
  ClipRangeError,
  clipOutputSize,
  escapeDrawtextLiteral,
  escapeFilterGraph,
  escapeFilterOption,
  filterOption,
  h264Level,
  planClipCut,
  secondsArg,
  timecodeDrawtextFilter,
  timecodeDrawtextText,
} from '../../../electron/services/media/clip-args';
import { avGetToken, expandDrawtext, parseFilterChain, parseFilterOptions } from './ffmpeg-escaping';

function media(video: Partial<NonNullable<MediaInfo['video']>> | null, durationSec = 600, audio = true): MediaInfo {
  return {
    durationSec,
    formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
    sizeBytes: 1000,
    video: video && { codec: 'h264', profile: 'High', width: 1280, height: 720, pixFmt: 'yuv420p', fps: 25, variableFrameRate: false, ...video },
    audio: audio ? { codec: 'aac', channels: 2, sampleRate: 48000 } : null,
  };
}

describe('secondsArg', () => {
  it('prints whole microseconds, floored, without float noise', () => {
    expect(secondsArg(3)).toBe('3.000000');
    expect(secondsArg(0.1 + 0.2)).toBe('0.300000');
    expect(secondsArg((89 * 1001) / 30000)).toBe('2.969633'); // 2.9696333...: never above the frame
    expect(secondsArg(371.2)).toBe('371.200000');
    expect(secondsArg(-1)).toBe('0.000000');
  });
});

describe('planClipCut', () => {
  it('keeps frame-aligned ranges: 3.0 - 7.0 s at 25 fps is frames 75 .. 174', () => {
    expect(planClipCut({ inSec: 3, outSec: 7 }, media({}))).toEqual({
      startSec: 3, durationSec: 4, frames: 100, startArg: '3.000000', durationArg: '4.000000',
    });
  });

  it('starts on the frame showing at the in-point and ends with the frame showing at the out-point', () => {
    // 2.01 s shows frame 50 (2.00 .. 2.04); 2.53 s shows frame 63 (2.52 .. 2.56).
    const cut = planClipCut({ inSec: 2.01, outSec: 2.53 }, media({}));
    expect(cut).toMatchObject({ startSec: 2, frames: 14, startArg: '2.000000', durationArg: '0.560000' });
  });

  it('uses the exact NTSC frame grid at 29.97 fps', () => {
    const cut = planClipCut({ inSec: 3, outSec: 4 }, media({ fps: 30000 / 1001 }));
    expect(cut.frames).toBe(31); // frames 89 (showing at 3.0 s) .. 119 (showing at 4.0 s)
    expect(cut.startSec).toBeCloseTo((89 * 1001) / 30000, 12);
    expect(cut.startArg).toBe('2.969633');
  });

  it('cuts at the given times for variable frame rate video and audio-only recordings', () => {
    expect(planClipCut({ inSec: 2.01, outSec: 2.53 }, media({ variableFrameRate: true }))).toMatchObject({ frames: null, startArg: '2.010000', durationArg: '0.520000' });
    expect(planClipCut({ inSec: 2.01, outSec: 2.53 }, media(null))).toMatchObject({ frames: null, startArg: '2.010000' });
  });

  it('clamps to the end of the recording and refuses a range without a whole frame', () => {
    expect(planClipCut({ inSec: 598, outSec: 700 }, media({}))).toMatchObject({ durationSec: 2, frames: 50 });
    expect(() => planClipCut({ inSec: 5, outSec: 5 }, media({}))).toThrow(ClipRangeError);
    expect(() => planClipCut({ inSec: 700, outSec: 710 }, media({}))).toThrow(ClipRangeError);
  });
});

describe('buildClipArgs', () => {
  const cut = planClipCut({ inSec: 3, outSec: 7 }, media({}));

  it('seeks precisely before the input and encodes H.264 Main yuv420p + AAC with the index first', () => {
    const args = buildClipArgs({ input: '/in/gesprek 1.mp4', output: '/out/clip.part.mp4', info: media({}), cut });
    const input = args.indexOf('-i');
    expect(args.slice(input - 5, input + 2)).toEqual(['-ss', '3.000000', '-t', '4.000000', '-accurate_seek', '-i', '/in/gesprek 1.mp4']);
    const pairs = new Map(args.map((a, i) => [a, args[i + 1]]));
    expect(pairs.get('-c:v')).toBe('libx264');
    expect(pairs.get('-profile:v')).toBe('main');
    expect(pairs.get('-level:v')).toBe('3.1');
    expect(pairs.get('-pix_fmt')).toBe('yuv420p');
    expect(pairs.get('-c:a')).toBe('aac');
    expect(pairs.get('-ac')).toBe('2');
    expect(pairs.get('-movflags')).toBe('+faststart');
    expect(pairs.get('-map_metadata')).toBe('-1');
    expect(pairs.get('-vf')).toBe('scale=trunc(iw*min(1\\,sqrt(2073600/(iw*ih)))/2)*2:trunc(ih*min(1\\,sqrt(2073600/(iw*ih)))/2)*2');
    expect(args).toContain('-nostdin');
    expect(args.at(-1)).toBe('/out/clip.part.mp4');
    expect(args.join(' ')).not.toContain('drawtext');
  });

  it('maps only audio for an audio-only recording and only video for a silent one', () => {
    const audioOnly = buildClipArgs({ input: 'a.m4a', output: 'o.mp4', info: media(null), cut });
    expect(audioOnly).toContain('-vn');
    expect(audioOnly.join(' ')).not.toContain('libx264');
    const silent = buildClipArgs({ input: 'v.mp4', output: 'o.mp4', info: media({}, 600, false), cut });
    expect(silent).toContain('-an');
    expect(silent.join(' ')).not.toContain('0:a:0');
  });

  it('caps the frame rate at 60 and picks the level for the size and rate', () => {
    expect(buildClipArgs({ input: 'v.mp4', output: 'o.mp4', info: media({ fps: 120 }), cut })).toEqual(expect.arrayContaining(['-r', '60']));
    expect(h264Level(320, 180, 25)).toBe('3.0');
    expect(h264Level(1280, 720, 30)).toBe('3.1');
    expect(h264Level(1920, 1080, 30)).toBe('4.0');
    expect(h264Level(1080, 1920, 30)).toBe('4.0');
    expect(h264Level(1920, 1080, 60)).toBe('4.2');
    expect(clipOutputSize(3840, 2160)).toEqual({ width: 1920, height: 1080 });
    expect(clipOutputSize(641, 361)).toEqual({ width: 640, height: 360 });
  });

  it('adds the time code after scaling, when asked', () => {
    const args = buildClipArgs({ input: 'v.mp4', output: 'o.mp4', info: media({}), cut, burnIn: { fontFile: '/fonts/Mono.ttf' } });
    const vf = args[args.indexOf('-vf') + 1]!;
    expect(vf.startsWith('scale=')).toBe(true);
    expect(vf).toContain(',drawtext=fontfile=/fonts/Mono.ttf:text=');
  });
});

describe('escaping for drawtext', () => {
  it('escapes each level for what it treats specially', () => {
    expect(escapeDrawtextLiteral('50% \\ ok')).toBe('50\\% \\\\ ok');
    expect(escapeFilterOption("Jan's: a\\b")).toBe("Jan\\'s\\: a\\\\b");
    expect(escapeFilterGraph("a,b;[c]'d\\")).toBe("a\\,b\\;\\[c\\]\\'d\\\\");
    expect(filterOption('text', "it's 6:11")).toBe("text=it\\\\\\'s 6\\\\:11");
  });

  it("gets ':' and '\\'' and a Windows font path through ffmpeg's parsers unchanged", () => {
    const label = "Jan's video: 2, [deel 1]; 100% \\ klaar";
    const fontFile = 'C:\\Windows\\Fonts\\consola.ttf';
    const filter = timecodeDrawtextFilter({ fontFile, label }, 371.2, { withHours: false, fontSize: 20 });
    const chain = parseFilterChain(`scale=2:2,${filter},format=yuv420p`);
    expect(chain.map(([name]) => name)).toEqual(['scale', 'drawtext', 'format']);
    const options = parseFilterOptions(chain[1]![1]);
    expect(options.fontfile).toBe(fontFile);
    expect(options.y).toBe('h-th-12');
    expect(expandDrawtext(options.text!, 0)).toBe(`${label}  6:11.2`);
  });

  it('shows the original recording time of every frame as the method writes it, with tenths', () => {
    const text = (origin: number, withHours: boolean) =>
      expandDrawtext(parseFilterOptions(parseFilterChain(timecodeDrawtextFilter({ fontFile: 'f.ttf' }, origin, { withHours, fontSize: 20 }))[0]![1]).text!, 0);
    expect(text(371.2, false)).toBe('6:11.2');
    const template = timecodeDrawtextText(371.2, { withHours: false });
    for (let frame = 0; frame < 100; frame++) {
      const t = frame / 25;
      expect(expandDrawtext(template, t)).toBe(formatTimecode(371.2 + t, { fractionDigits: 1 }));
    }
    const hours = timecodeDrawtextText(3599, { withHours: true });
    expect(expandDrawtext(hours, 0)).toBe('0:59:59.0');
    expect(expandDrawtext(hours, 1.04)).toBe(formatTimecode(3600.04, { fractionDigits: 1 }));
    expect(expandDrawtext(hours, 1.04)).toBe('1:00:00.0');
  });

  it('models av_get_token as ffmpeg does', () => {
    expect(avGetToken("  a\\:b'c:d'e:f", ':')).toEqual({ token: 'a:bc:de', rest: ':f' });
  });
});
