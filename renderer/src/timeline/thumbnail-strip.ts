// The timeline's thumbnail strip: each picture drawn in its own shape at the row's height (the
// backend makes them in the shape the video is shown in, so a 4:3 video gets narrower pictures than
// a 16:9 one), and which pictures to draw: one per slot of that width, since overlapping pictures
// would show only slivers. Pure.
import type { Thumbnail } from './timeline-data';
import type { TimelineView } from './timeline-scale';

interface PictureSize {
  width: number;
  height: number;
}

/** The shape assumed until a picture of the strip is decoded (most recordings are 16:9). */
const DEFAULT_ASPECT = 16 / 9;

/** A picture's width in the strip (CSS px) at the row's height, in its own shape. */
export function thumbnailWidthPx(picture: PictureSize, rowHeightPx: number): number {
  const aspect = picture.width > 0 && picture.height > 0 ? picture.width / picture.height : DEFAULT_ASPECT;
  return Math.max(1, Math.round(rowHeightPx * aspect));
}

/** The width of the strip's slots: that of its pictures (a recording's are all one shape). */
export function stripSlotWidthPx(pictures: ReadonlyMap<string, PictureSize>, rowHeightPx: number): number {
  const first = pictures.values().next();
  return thumbnailWidthPx(first.done ? { width: 0, height: 0 } : first.value, rowHeightPx);
}

/**
 * The thumbnails to draw: one per slot of `slotWidthPx` (every `stride`-th, by index so the
 * choice stays put while panning), from the one covering the left edge to the last in view.
 */
export function thumbnailsInView(thumbnails: readonly Thumbnail[], view: TimelineView, slotWidthPx: number): Thumbnail[] {
  const span = view.widthPx / view.pxPerSec;
  const stepSec = thumbnails.length > 1 ? thumbnails[1]!.timeSec - thumbnails[0]!.timeSec : 1;
  const stride = Math.max(1, Math.ceil(slotWidthPx / Math.max(1e-6, stepSec * view.pxPerSec)));
  return thumbnails.filter(
    (th, i) => i % stride === 0 && th.timeSec >= view.startSec - stride * stepSec && th.timeSec <= view.startSec + span,
  );
}
