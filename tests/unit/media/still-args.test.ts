// The still frame's ffmpeg arguments, seek point, size and cache names, and the page route that
// serves cached stills: pure functions.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTimelineFileRoute, resolveCachedFile } from '../../../electron/services/media/media-cache';
import { splitFfmpegArgs } from '../../../electron/services/media/ffmpeg-runner';
import { jpegSize, stillCachePath } from '../../../electron/services/media/still';
import {
  buildStillArgs,
  STILL_FILE,
  STILL_WIDTH,
  stillFileName,
  stillSeekSec,
  stillWidth,
} from '../../../electron/services/media/still-args';

const id = '3f1c2a9e-5b7d-4c1e-9a2b-0c3d4e5f6a7b';

describe('buildStillArgs', () => {
  it('seeks accurately before the input and writes one scaled JPEG', () => {
    const args = buildStillArgs({ input: '/media/my talk.mp4', timeSec: 372.4, output: '/cache/still-372400-640.part.jpg', width: 640 });
    const at = (flag: string) => args[args.indexOf(flag) + 1];
    expect(at('-ss')).toBe('372.400000');
    expect(args.indexOf('-ss')).toBeLessThan(args.indexOf('-i'));
    expect(args.indexOf('-accurate_seek')).toBeLessThan(args.indexOf('-i'));
    expect(at('-i')).toBe('/media/my talk.mp4');
    expect(at('-frames:v')).toBe('1');
    expect(at('-vf')).toBe('scale=640:-2');
    expect(at('-q:v')).toBe('3');
    expect(at('-map')).toBe('0:v:0');
    expect(args).toContain('-y');
    expect(args.at(-1)).toBe('/cache/still-372400-640.part.jpg');
    // As the runner hands it to fluent-ffmpeg: the seek is an input option, the rest output options.
    const parts = splitFfmpegArgs(args);
    expect(parts.inputs).toEqual([
      { options: ['-hide_banner', '-nostdin', '-loglevel', 'error', '-ss', '372.400000', '-accurate_seek'], source: '/media/my talk.mp4' },
    ]);
    expect(parts.target).toBe('/cache/still-372400-640.part.jpg');
  });

  it('floors the seek point to whole microseconds and refuses a non-JPEG output', () => {
    const args = buildStillArgs({ input: 'a.mp4', timeSec: 5.2, output: 'x.jpg', width: 320 });
    expect(args[args.indexOf('-ss') + 1]).toBe('5.200000');
    expect(() => buildStillArgs({ input: 'a.mp4', timeSec: 1, output: 'x.png', width: 320 })).toThrow(/\.jpg/);
  });
});

describe('stillSeekSec', () => {
  it('snaps down to the start of the frame shown at the moment (constant frame rate)', () => {
    expect(stillSeekSec(5.23, 25)).toBeCloseTo(5.2, 9); // frame 130 shows from 5.20 to 5.24
    expect(stillSeekSec(3, 25)).toBe(3); // on a frame: that frame
    expect(stillSeekSec(2.9999999, 25)).toBe(3); // float noise does not drop a frame
    expect(stillSeekSec(1.05, 30000 / 1001)).toBeCloseTo(31 / (30000 / 1001), 9);
  });

  it('keeps the moment when the frame rate is unknown or variable, and never goes below 0', () => {
    expect(stillSeekSec(5.23, null)).toBe(5.23);
    expect(stillSeekSec(5.23, 0)).toBe(5.23);
    expect(stillSeekSec(-1, 25)).toBe(0);
  });
});

describe('stillWidth and the cache names', () => {
  it('is STILL_WIDTH, or the video\'s own (even) width when smaller: never upscaled', () => {
    expect(STILL_WIDTH).toBe(640);
    expect(stillWidth(1920)).toBe(640);
    expect(stillWidth(320)).toBe(320);
    expect(stillWidth(319)).toBe(318);
    expect(stillWidth(null)).toBe(640);
  });

  it('names a still by moment (ms), width and source, and serves exactly those names', () => {
    expect(stillFileName(372.4, 640)).toBe('still-372400-640.jpg');
    expect(stillFileName(372.4, 640, true)).toBe('still-372400-640-proxy.jpg');
    expect(stillCachePath('/data', id, 6, 320)).toBe(path.join('/data', 'cache', id, 'still-6000-320.jpg'));
    for (const good of ['still-0-2.jpg', 'still-372400-640.jpg', 'still-372400-640-proxy.jpg']) expect(good).toMatch(STILL_FILE);
    for (const bad of ['still-1-640.part.jpg', 'still--640.jpg', 'still-1-640.png', '../still-1-640.jpg', 'still-1.jpg']) {
      expect(bad).not.toMatch(STILL_FILE);
    }
  });

  it('the page route accepts still names only in a recording\'s cache folder', () => {
    expect(parseTimelineFileRoute(`/media/${id}/still-372400-640.jpg`)).toEqual({ recordingId: id, file: 'still-372400-640.jpg' });
    expect(parseTimelineFileRoute(`/media/${id}/still-372400-640-proxy.jpg`)).toEqual({ recordingId: id, file: 'still-372400-640-proxy.jpg' });
    for (const bad of [
      `/media/${id}/still-372400-640.part.jpg`,
      `/media/${id}/thumbs/still-1-640.jpg`,
      `/media/${id}/still-1-640.jpg/`,
      `/media/${id}/still-1-640%2ejpg`,
      `/media/${id}/still-1-640.jpg%00`,
      `/media/${id}/../still-1-640.jpg`,
    ]) {
      expect(parseTimelineFileRoute(bad), bad).toBeNull();
    }
    const dataDir = path.resolve('/data/vkz');
    expect(resolveCachedFile(dataDir, id, 'still-6000-320.jpg')).toBe(path.join(dataDir, 'cache', id, 'still-6000-320.jpg'));
    expect(resolveCachedFile(dataDir, id, 'STILL-6000-320.JPG')).toBeNull();
    expect(resolveCachedFile(dataDir, id, 'still-6000-320.part.jpg')).toBeNull();
  });
});

describe('jpegSize', () => {
  // SOI, APP0 (length 4, two bytes of payload), SOF0 (8 bit, 90 high, 160 wide, 1 component), EOI.
  const jpeg = Uint8Array.from([
    0xff, 0xd8,
    0xff, 0xe0, 0x00, 0x04, 0x00, 0x00,
    0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x5a, 0x00, 0xa0, 0x01, 0x01, 0x11, 0x00,
    0xff, 0xd9,
  ]);

  it('reads the size from the start-of-frame segment', () => {
    expect(jpegSize(jpeg)).toEqual({ width: 160, height: 90 });
  });

  it('says null for what is not a complete JPEG', () => {
    expect(jpegSize(new Uint8Array())).toBeNull();
    expect(jpegSize(jpeg.slice(0, -2))).toBeNull(); // cut short: no EOI
    expect(jpegSize(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xd9]))).toBeNull(); // PNG
    expect(jpegSize(Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0xff, 0xd9]))).toBeNull(); // scan before any SOF
  });
});
