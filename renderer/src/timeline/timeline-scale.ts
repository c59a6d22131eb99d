// The timeline's geometry, as pure functions: which part of the recording is in view at a zoom
// level, where a time lands in pixels, and which tick spacing keeps labels readable.

export interface TimelineView {
  /** First second in view. */
  startSec: number;
  /** Pixels per second. */
  pxPerSec: number;
  widthPx: number;
}

/** Zoom steps are multiplicative; the closest zoom shows this many seconds across the width. */
export const MIN_VISIBLE_SEC = 4;
export const ZOOM_STEP = 1.6;

export function fitView(durationSec: number, widthPx: number): TimelineView {
  return { startSec: 0, pxPerSec: durationSec > 0 ? widthPx / durationSec : 1, widthPx };
}

export function visibleSeconds(view: TimelineView): number {
  return view.widthPx / view.pxPerSec;
}

/** Keeps the view inside the recording. */
export function clampView(view: TimelineView, durationSec: number): TimelineView {
  const fit = fitView(durationSec, view.widthPx);
  const pxPerSec = Math.min(Math.max(view.pxPerSec, fit.pxPerSec), view.widthPx / MIN_VISIBLE_SEC);
  const span = view.widthPx / pxPerSec;
  const startSec = Math.min(Math.max(0, view.startSec), Math.max(0, durationSec - span));
  return { startSec, pxPerSec, widthPx: view.widthPx };
}

/** Zooms by `factor` keeping the time under `anchorPx` where it is. */
export function zoomView(view: TimelineView, factor: number, anchorPx: number, durationSec: number): TimelineView {
  const anchorSec = view.startSec + anchorPx / view.pxPerSec;
  const pxPerSec = view.pxPerSec * factor;
  return clampView({ ...view, pxPerSec, startSec: anchorSec - anchorPx / pxPerSec }, durationSec);
}

export function xForTime(view: TimelineView, sec: number): number {
  return (sec - view.startSec) * view.pxPerSec;
}

export function timeForX(view: TimelineView, x: number): number {
  return view.startSec + x / view.pxPerSec;
}

/** Scrolls so that `sec` is in view (with a margin), leaving the view alone when it already is. */
export function followTime(view: TimelineView, sec: number, durationSec: number): TimelineView {
  const span = visibleSeconds(view);
  if (sec >= view.startSec && sec <= view.startSec + span * 0.95) return view;
  return clampView({ ...view, startSec: sec - span * 0.1 }, durationSec);
}

const TICK_STEPS = [0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

/** The smallest tick step that keeps labels at least `minPx` apart. */
export function tickStep(view: TimelineView, minPx = 70): number {
  return TICK_STEPS.find((step) => step * view.pxPerSec >= minPx) ?? 7200;
}

/** Index range [from, to) of time-sorted items whose time lies in [startSec, endSec]. */
export function visibleRange<T>(items: readonly T[], timeOf: (item: T) => number, startSec: number, endSec: number): [number, number] {
  const lowerBound = (sec: number) => {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (timeOf(items[mid]!) < sec) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [lowerBound(startSec), lowerBound(endSec + 1e-9)];
}
