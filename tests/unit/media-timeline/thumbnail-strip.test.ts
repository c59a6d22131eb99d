import { describe, expect, it } from 'vitest';
import { stripSlotWidthPx, thumbnailsInView, thumbnailWidthPx } from '../../../renderer/src/timeline/thumbnail-strip';

const ROW_HEIGHT = 46;
const strip = Array.from({ length: 100 }, (_, i) => ({ timeSec: i, url: `/t/${i}.jpg` }));

describe('the thumbnail strip', () => {
  it('draws each picture in its own shape at the row height', () => {
    expect(thumbnailWidthPx({ width: 160, height: 90 }, ROW_HEIGHT)).toBe(82); // 16:9
    expect(thumbnailWidthPx({ width: 120, height: 90 }, ROW_HEIGHT)).toBe(61); // 4:3
    expect(thumbnailWidthPx({ width: 164, height: 90 }, ROW_HEIGHT)).toBe(84); // PAL DV 720x576 at 16:11 pixels
    expect(thumbnailWidthPx({ width: 50, height: 90 }, ROW_HEIGHT)).toBe(26); // portrait phone video
  });

  it('makes its slots as wide as the strip\'s pictures, 16:9 until one is decoded', () => {
    expect(stripSlotWidthPx(new Map(), ROW_HEIGHT)).toBe(82);
    expect(stripSlotWidthPx(new Map([['/t/0.jpg', { width: 120, height: 90 }]]), ROW_HEIGHT)).toBe(61);
    // A picture that did not decode to a size does not make slots of no width.
    expect(stripSlotWidthPx(new Map([['/t/0.jpg', { width: 0, height: 0 }]]), ROW_HEIGHT)).toBe(82);
  });

  it('shows one picture per slot: narrower pictures, more of them, none overlapping the next', () => {
    // 10 px per second, one thumbnail per second: a 16:9 picture covers 8.2 s, a 4:3 one 6.1 s.
    const view = { startSec: 0, pxPerSec: 10, widthPx: 900 };
    const wide = thumbnailsInView(strip, view, 82);
    const narrow = thumbnailsInView(strip, view, 61);
    expect(wide.map((t) => t.timeSec).slice(0, 3)).toEqual([0, 9, 18]);
    expect(narrow.map((t) => t.timeSec).slice(0, 3)).toEqual([0, 7, 14]);
    expect(narrow.length).toBeGreaterThan(wide.length);
    // The last one starts in view; the one before it starts before the view ends.
    expect(narrow.at(-1)!.timeSec).toBeLessThanOrEqual(90);
  });
});
