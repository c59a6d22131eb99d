import { describe, expect, it } from 'vitest';
import { hasFaststartLayout, looksLikeIsoBmff } from '../../../electron/services/media/mp4-boxes';

const box = (type: string) => Buffer.concat([Buffer.from([0, 0, 0, 32]), Buffer.from(type, 'latin1'), Buffer.alloc(8)]);

describe('looksLikeIsoBmff', () => {
  it('recognises the start of an MP4/MOV file', () => {
    expect(looksLikeIsoBmff(box('ftyp'))).toBe(true);
    expect(looksLikeIsoBmff(box('moov'))).toBe(true);
    expect(looksLikeIsoBmff(box('wide'))).toBe(true); // old QuickTime files
  });

  it('does not mistake text or other formats for MP4', () => {
    expect(looksLikeIsoBmff(Buffer.from('This is not a video.'))).toBe(false);
    expect(looksLikeIsoBmff(Buffer.from('RIFF\x00\x00\x00\x00AVI ', 'latin1'))).toBe(false);
    expect(looksLikeIsoBmff(Buffer.alloc(0))).toBe(false);
  });
});

describe('hasFaststartLayout', () => {
  it('is true only when moov comes before mdat', () => {
    expect(hasFaststartLayout({ boxes: ['ftyp', 'moov', 'free', 'mdat'], cutOff: null })).toBe(true);
    expect(hasFaststartLayout({ boxes: ['ftyp', 'free', 'mdat', 'moov'], cutOff: null })).toBe(false);
    expect(hasFaststartLayout({ boxes: ['ftyp', 'mdat'], cutOff: null })).toBe(false);
  });
});
