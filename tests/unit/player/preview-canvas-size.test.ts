// The scrub preview's canvas: the picture's own shape as the video shows it, at the size it is
// shown in device pixels, up to a cap.
import { describe, expect, it } from 'vitest';
import { MAX_PREVIEW_PIXELS, previewCanvasSize } from '../../../renderer/src/player/preview-canvas-size';

describe('previewCanvasSize', () => {
  it('is the size of the picture as shown: contained in the box, letterboxed or pillarboxed like the video', () => {
    // A 4:3 picture in a wide box: as high as the box (bars left and right).
    expect(previewCanvasSize({ width: 400, height: 200 }, 4 / 3)).toEqual({ width: 267, height: 200 });
    // A 16:9 picture in a tall box: as wide as the box (bars above and below).
    expect(previewCanvasSize({ width: 320, height: 400 }, 16 / 9)).toEqual({ width: 320, height: 180 });
    // A phone held upright.
    expect(previewCanvasSize({ width: 480, height: 270 }, 9 / 16)).toEqual({ width: 152, height: 270 });
  });

  it('counts device pixels: the caller passes the box at the device pixel ratio, so a 2× screen draws twice as sharp', () => {
    const at1 = previewCanvasSize({ width: 300, height: 169 }, 16 / 9);
    const at2 = previewCanvasSize({ width: 600, height: 338 }, 16 / 9);
    expect(at2.width).toBeCloseTo(2 * at1.width, -1);
    expect(at2.height).toBeCloseTo(2 * at1.height, -1);
  });

  it('draws at most the cap, in the same shape (a big player on a 2× screen)', () => {
    const size = previewCanvasSize({ width: 1710, height: 744 }, 16 / 9);
    expect(size.width * size.height).toBeLessThanOrEqual(MAX_PREVIEW_PIXELS * 1.01);
    expect(size.width / size.height).toBeCloseTo(16 / 9, 2);
    expect(size).toEqual({ width: 640, height: 360 });
  });

  it('is empty for a box or a picture without size (hidden player, no metadata yet)', () => {
    for (const [box, aspect] of [
      [{ width: 0, height: 300 }, 16 / 9],
      [{ width: 300, height: 0 }, 16 / 9],
      [{ width: 300, height: 200 }, 0],
      [{ width: 300, height: 200 }, Number.NaN],
      [{ width: 300, height: 200 }, Number.POSITIVE_INFINITY],
    ] as const) {
      expect(previewCanvasSize(box, aspect)).toEqual({ width: 0, height: 0 });
    }
  });
});
