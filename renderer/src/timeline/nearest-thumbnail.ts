// Which cached thumbnail stands in for a moment of the recording while its frame is decoded.
import type { Thumbnail } from './timeline-data';

/** The thumbnail nearest to `timeSec` (the earlier one on a tie); null when there are none. */
export function nearestThumbnail(thumbnails: readonly Thumbnail[], timeSec: number): Thumbnail | null {
  if (thumbnails.length === 0 || !Number.isFinite(timeSec)) return null;
  // Binary search for the first thumbnail after timeSec: the strip is sorted by time.
  let lo = 0;
  let hi = thumbnails.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (thumbnails[mid]!.timeSec <= timeSec) lo = mid + 1;
    else hi = mid;
  }
  const after = thumbnails[lo];
  const before = thumbnails[lo - 1];
  if (!before) return after ?? null;
  if (!after) return before;
  return timeSec - before.timeSec <= after.timeSec - timeSec ? before : after;
}
