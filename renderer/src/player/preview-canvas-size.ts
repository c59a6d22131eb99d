// How many pixels the scrub preview is drawn with: the picture as the video shows it (its own
// aspect ratio, contained in the player's box, as `object-fit: contain` places it), in device
// pixels, but no more than MAX_PREVIEW_PIXELS. Pure.
//
// The cap: a thumbnail is 160×90. Drawn smoothly up to 4× that, it looks as good as it can; past
// that it has nothing more to show, while the cost of the one drawImage per scrub step grows with
// the pixels drawn: without a GPU (a software canvas, also where Chromium blocklists the GPU) a
// 1710×744 picture took 17 ms with high-quality smoothing, 640×360 some 2 ms. The compositor
// scales the rest, off the main thread.

/** 640×360: four times a thumbnail each way. */
export const MAX_PREVIEW_PIXELS = 640 * 360;

/**
 * The canvas size for a picture of `aspect` (width / height) contained in a box of `box` device
 * pixels: the picture's displayed size, scaled down (same aspect) to at most `maxPixels`.
 */
export function previewCanvasSize(
  box: { width: number; height: number },
  aspect: number,
  maxPixels = MAX_PREVIEW_PIXELS,
): { width: number; height: number } {
  if (!(box.width > 0 && box.height > 0 && aspect > 0 && Number.isFinite(aspect))) return { width: 0, height: 0 };
  // Contained: as wide as the box, unless that makes it taller than the box.
  let width = Math.min(box.width, box.height * aspect);
  let height = width / aspect;
  const scale = Math.min(1, Math.sqrt(maxPixels / (width * height)));
  width *= scale;
  height *= scale;
  return { width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) };
}
