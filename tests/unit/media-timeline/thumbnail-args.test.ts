import { describe, expect, it } from 'vitest';
import {
  buildThumbnailArgs,
  thumbnailFileName,
  thumbnailFilter,
  thumbnailIntervalSec,
  thumbnailTimeSec,
  THUMBNAIL_MAX_COUNT,
} from '../../../electron/services/media/thumbnail-args';
import { countNumberedFiles, thumbnailTimes } from '../../../electron/services/media/thumbnails';

describe('thumbnail strip arguments', () => {
  it('chooses one thumbnail per N seconds so that a recording has at most a few hundred', () => {
    expect(thumbnailIntervalSec(20)).toBe(1);
    expect(thumbnailIntervalSec(120)).toBe(1);
    expect(thumbnailIntervalSec(600)).toBe(2);
    expect(thumbnailIntervalSec(3600)).toBe(10);
    expect(thumbnailIntervalSec(3 * 3600)).toBe(30);
    expect(thumbnailIntervalSec(0)).toBe(1);
    for (const d of [1, 59, 401, 3599, 7201, 40_000, 300_000]) {
      expect(Math.ceil(d / thumbnailIntervalSec(d))).toBeLessThanOrEqual(THUMBNAIL_MAX_COUNT);
    }
  });

  it('decodes keyframes only, one frame per interval, scaled small, into numbered JPEGs', () => {
    const args = buildThumbnailArgs('/rec/in put.mov', '/cache/thumbs.part/%05d.jpg', 10);
    const at = (flag: string) => args[args.indexOf(flag) + 1];
    // -skip_frame is a decoder option: it must come before the input.
    expect(args.indexOf('-skip_frame')).toBeLessThan(args.indexOf('-i'));
    expect(at('-skip_frame')).toBe('nokey');
    expect(at('-i')).toBe('/rec/in put.mov');
    expect(at('-map')).toBe('0:v:0');
    expect(args).toContain('-an');
    expect(at('-vf')).toBe(thumbnailFilter(10));
    expect(thumbnailFilter(10)).toMatch(/^fps=fps=1\/10:eof_action=pass,scale=/);
    expect(at('-f')).toBe('image2');
    expect(args.at(-1)).toBe('/cache/thumbs.part/%05d.jpg');
    expect(at('-progress')).toBe('pipe:1');
  });

  it('names and times the files: 00001.jpg is 0 s', () => {
    expect(thumbnailFileName(1)).toBe('00001.jpg');
    expect(thumbnailFileName(361)).toBe('00361.jpg');
    expect(thumbnailTimeSec(1, 10)).toBe(0);
    expect(thumbnailTimeSec(4, 10)).toBe(30);
    expect(thumbnailTimes({ intervalSec: 2, count: 4 })).toEqual([0, 2, 4, 6]);
  });

  it('counts numbered files up to the first gap', () => {
    expect(countNumberedFiles(['00001.jpg', '00002.jpg', '00003.jpg', 'x.jpg'])).toBe(3);
    expect(countNumberedFiles(['00001.jpg', '00003.jpg'])).toBe(1);
    expect(countNumberedFiles([])).toBe(0);
  });
});
