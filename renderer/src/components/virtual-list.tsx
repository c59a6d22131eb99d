// A list that renders only the rows in view, so 10,000 notes scroll smoothly. Rows may have any
// height: each rendered row is measured, the others are estimated.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { layoutRows, remeasureRows, rowAt, type RowLayout } from './row-offsets';

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

/**
 * Indexes of the rows with these keys, looked for near where they were last rendered (rows
 * are measured on screen, and an added row moves the others by one); null when one is not there.
 */
function findRows<T>(items: readonly T[], keyOf: (item: T) => string, keys: Set<string>, renderedAt: Map<string, number>): number[] | null {
  const found: number[] = [];
  for (const key of keys) {
    const at = renderedAt.get(key);
    if (at === undefined) return null;
    const index = [at, at + 1, at - 1].find((i) => items[i] !== undefined && keyOf(items[i]!) === key);
    if (index === undefined) return null;
    found.push(index);
  }
  return found;
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
  // Rows measured since the last layout, and where each rendered row was (to find them again).
  const remeasured = useRef(new Set<string>());
  const renderedAt = useRef(new Map<string, number>());
  const laidOut = useRef<{ layout: RowLayout<T>; keyOf: (item: T) => string; estimateHeight: number } | null>(null);

  // Offsets of every row. A new or removed row reuses the other rows' heights (no look-up of
  // 10,000 keys); a measured row is patched where it is.
  const { offsets } = useMemo(() => {
    const heightOf = (item: T) => heights.current.get(keyOf(item)) ?? estimateHeight;
    const last = laidOut.current;
    const same = last !== null && last.keyOf === keyOf && last.estimateHeight === estimateHeight;
    let layout = same ? (last.layout.items === items ? last.layout : layoutRows(last.layout, items, heightOf)) : layoutRows(null, items, heightOf);
    if (same && remeasured.current.size > 0) {
      const changed = findRows(items, keyOf, remeasured.current, renderedAt.current);
      layout = changed
        ? remeasureRows(layout, changed.map((index) => ({ index, height: heightOf(items[index]!) })))
        : layoutRows(null, items, heightOf);
    }
    remeasured.current.clear();
    laidOut.current = { layout, keyOf, estimateHeight };
    return layout;
    // measureVersion: lay out again when a row's measured height changed
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items, keyOf, estimateHeight, measureVersion]);

  const from = rowAt(offsets, items.length, Math.max(0, viewport.top - overscanPx));
  const to = Math.min(items.length, rowAt(offsets, items.length, viewport.top + viewport.height + overscanPx) + 1);

  const observer = useMemo(
    () =>
      new ResizeObserver((entries) => {
        let changed = false;
        for (const entry of entries) {
          const key = (entry.target as HTMLElement).dataset.vkey;
          const height = (entry.target as HTMLElement).offsetHeight;
          if (key && height > 0 && heights.current.get(key) !== height) {
            heights.current.set(key, height);
            remeasured.current.add(key);
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
  renderedAt.current.clear();
  for (let i = from; i < to; i++) {
    const item = items[i]!;
    const key = keyOf(item);
    renderedAt.current.set(key, i);
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
