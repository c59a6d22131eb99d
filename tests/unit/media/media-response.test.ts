import { describe, expect, it } from 'vitest';
import { mediaContentType, parseRangeHeader } from '../../../electron/services/media/media-response';

describe('parseRangeHeader', () => {
  const size = 1000;
  it.each([
    ['bytes=0-499', { start: 0, end: 499 }],
    ['bytes=500-999', { start: 500, end: 999 }],
    ['bytes=500-', { start: 500, end: 999 }],
    ['bytes=-200', { start: 800, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }], // suffix longer than the file: the whole file
    ['bytes=900-5000', { start: 900, end: 999 }], // end past the file is clipped
    ['bytes=999-999', { start: 999, end: 999 }],
    ['bytes=0-', { start: 0, end: 999 }], // what Chromium's media player sends first
    ['Bytes = 10 - 20', { start: 10, end: 20 }],
  ])('%s -> %o', (header, range) => {
    expect(parseRangeHeader(header, size)).toEqual(range);
  });

  it.each(['bytes=1000-', 'bytes=1000-1200', 'bytes=-0'])('%s cannot be satisfied', (header) => {
    expect(parseRangeHeader(header, size)).toBe('unsatisfiable');
  });

  it('cannot satisfy any range of an empty file', () => {
    expect(parseRangeHeader('bytes=0-', 0)).toBe('unsatisfiable');
    expect(parseRangeHeader('bytes=-10', 0)).toBe('unsatisfiable');
  });

  it.each([null, '', 'bytes=-', 'bytes=500-100', 'items=0-10', 'bytes=0-10,20-30', 'bytes=abc-', 'garbage'])(
    'ignores %o (the whole file is sent)',
    (header) => {
      expect(parseRangeHeader(header, size)).toBeNull();
    },
  );
});

describe('mediaContentType: audio, video and raster images only', () => {
  it.each([
    ['/p/a.mp4', 'video/mp4'],
    ['/p/A.MP4', 'video/mp4'],
    ['/p/proxy.m4a', 'audio/mp4'],
    ['/p/clip.webm', 'video/webm'],
    ['/p/camera.mov', 'video/quicktime'],
    ['/p/memo.mp3', 'audio/mpeg'],
    ['/p/memo.wav', 'audio/wav'],
    ['/p/thumbs/00001.jpg', 'image/jpeg'],
    ['/p/opname.html', 'application/octet-stream'],
    ['/p/opname.js', 'application/octet-stream'],
    ['/p/opname.svg', 'application/octet-stream'],
    ['/p/no-extension', 'application/octet-stream'],
    ['/p/data.xyz', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(mediaContentType(file)).toBe(type);
  });
});
