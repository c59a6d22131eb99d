import { describe, expect, it } from 'vitest';
import { nearestThumbnail } from '../../../renderer/src/timeline/nearest-thumbnail';

const strip = [0, 10, 20, 30].map((timeSec) => ({ timeSec, url: `/t/${timeSec}.jpg` }));

describe('nearestThumbnail', () => {
  it('picks the thumbnail nearest to the time, the earlier one on a tie', () => {
    expect(nearestThumbnail(strip, 14)?.timeSec).toBe(10);
    expect(nearestThumbnail(strip, 16)?.timeSec).toBe(20);
    expect(nearestThumbnail(strip, 15)?.timeSec).toBe(10);
    expect(nearestThumbnail(strip, 20)?.timeSec).toBe(20);
  });

  it('holds at both ends of the strip', () => {
    expect(nearestThumbnail(strip, -3)?.timeSec).toBe(0);
    expect(nearestThumbnail(strip, 3600)?.timeSec).toBe(30);
  });

  it('has nothing to show without thumbnails or without a real time', () => {
    expect(nearestThumbnail([], 5)).toBeNull();
    expect(nearestThumbnail(strip, Number.NaN)).toBeNull();
  });
});
