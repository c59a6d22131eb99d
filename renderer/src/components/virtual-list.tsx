// A list that renders only the rows in view, so 10,000 notes scroll smoothly. Rows may have any
// height: each rendered row is measured, the others are estimated.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';

interface VirtualListProps<T> {
  items: readonly T[];
  keyOf: (item: T) => string;
  renderItem: (item: T, index: number) => ReactNode;
  estimateHeight: number;
  /** Scrolls this row into view when it changes (null: leave the scroll position alone). */
  scrollToIndex?: number | null;
  overscanPx?: number;
  className?: string;
  label?: string;
}

export function VirtualList<T>({
  items,
  keyOf,
  renderItem,
  estimateHeight,
  scrollToIndex = null,
  overscanPx = 400,
  className,
  label,
}: VirtualListProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const heights = useRef(new Map<string, number>());
  const [measureVersion, setMeasureVersion] = useState(0);
  const [viewport, setViewport] = useState({ top: 0, height: 600 });

  // Offsets of every row: a prefix sum over measured or estimated heights.
  const offsets = useMemo(() => {
    const result = new Float64Array(items.length + 1);
    for (let i = 0; i < items.length; i++) {
      result[i + 1] = result[i]! + (heights.current.get(keyOf(items[i]!)) ?? estimateHeight);
    }
    return result;
    // measureVersion: recompute when a row's measured height changed
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items, keyOf, estimateHeight, measureVersion]);

  const firstAt = (y: number) => {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offsets[mid + 1]! <= y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const from = firstAt(Math.max(0, viewport.top - overscanPx));
  const to = Math.min(items.length, firstAt(viewport.top + viewport.height + overscanPx) + 1);

  const observer = useMemo(
    () =>
      new ResizeObserver((entries) => {
        let changed = false;
        for (const entry of entries) {
          const key = (entry.target as HTMLElement).dataset.vkey;
          const height = (entry.target as HTMLElement).offsetHeight;
          if (key && height > 0 && heights.current.get(key) !== height) {
            heights.current.set(key, height);
            changed = true;
          }
        }
        if (changed) setMeasureVersion((v) => v + 1);
      }),
    [],
  );
  useEffect(() => () => observer.disconnect(), [observer]);

  // Rows scrolled out of view are unobserved (React 19 ref cleanup): otherwise the observer keeps
  // every row ever shown alive, and scrolling through 10,000 notes piles them up.
  const measureRef = useCallback(
    (element: HTMLDivElement | null) => {
      if (!element) return;
      observer.observe(element);
      return () => observer.unobserve(element);
    },
    [observer],
  );

  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const update = () => setViewport({ top: scroller.scrollTop, height: scroller.clientHeight });
    update();
    scroller.addEventListener('scroll', update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', update);
      resize.disconnect();
    };
  }, []);

  useEffect(() => {
    const scroller = scrollRef.current;
    if (scrollToIndex === null || scrollToIndex < 0 || !scroller) return;
    const top = offsets[scrollToIndex] ?? 0;
    const bottom = offsets[scrollToIndex + 1] ?? top;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (bottom > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = bottom - scroller.clientHeight;
    // Only when the target row changes, not on every re-measure.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollToIndex]);

  const rows: ReactNode[] = [];
  for (let i = from; i < to; i++) {
    const item = items[i]!;
    const key = keyOf(item);
    rows.push(
      <div key={key} ref={measureRef} data-vkey={key} className="virtual-row" style={{ transform: `translateY(${offsets[i]}px)` }}>
        {renderItem(item, i)}
      </div>,
    );
  }

  return (
    <div ref={scrollRef} className={`virtual-scroll ${className ?? ''}`} role="list" aria-label={label}>
      <div className="virtual-spacer" style={{ height: `${offsets[items.length]}px` }}>
        {rows}
      </div>
    </div>
  );
}
