// When to suggest a scrub proxy: a copy with a keyframe every half second, in which seeks land in tens
// of milliseconds instead of hundreds. Only for a playable original (files that need a proxy get
// one that is already scrub-friendly). Suggested at once when the keyframe interval is long, and
// otherwise when seeks are measured to be slow. Pure.
import type { Recording } from '../../../shared/domain';

/** Keyframes further apart than this make every seek decode seconds of video. */
export const LONG_KEYFRAME_INTERVAL_SEC = 4;
/** A typical seek slower than this is noticeably slow (a scrub proxy seeks in 20-50 ms). */
export const SLOW_SEEK_MS = 150;
/** Judge seek speed on at least this many seeks, the most recent SEEK_WINDOW of them. */
export const SEEKS_TO_JUDGE = 3;
export const SEEK_WINDOW = 7;

export type ScrubSuggestionReason = 'long-keyframe-interval' | 'slow-seeks';

/** A playable original with video that has no proxy and none under way. */
export function canHaveScrubProxy(recording: Pick<Recording, 'proxyReason' | 'proxyState' | 'missing' | 'media' | 'mediaUrl'>): boolean {
  return (
    recording.proxyReason === null &&
    recording.proxyState === 'not-needed' &&
    !recording.missing &&
    recording.media.video !== null &&
    recording.mediaUrl !== null
  );
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function scrubSuggestion(input: {
  eligible: boolean;
  keyframeIntervalSec: number | null;
  /** Seek latencies in ms, oldest first. */
  seekLatenciesMs: readonly number[];
}): ScrubSuggestionReason | null {
  if (!input.eligible) return null;
  if (input.keyframeIntervalSec !== null && input.keyframeIntervalSec > LONG_KEYFRAME_INTERVAL_SEC) {
    return 'long-keyframe-interval';
  }
  const recent = input.seekLatenciesMs.slice(-SEEK_WINDOW);
  if (recent.length >= SEEKS_TO_JUDGE && median(recent) > SLOW_SEEK_MS) return 'slow-seeks';
  return null;
}
