// Where each row of a virtual list starts: a prefix sum over row heights (measured, or estimated
// until a row has been on screen). Kept between updates so that a list of 10,000 rows that gains,
// loses or changes one row costs a pass of reference comparisons and additions, not 10,000
// height look-ups by key.

export interface RowLayout<T> {
  items: readonly T[];
  /** Height of each row, by index. */
  heights: Float64Array;
  /** offsets[i]: top of row i; offsets[items.length]: the height of the whole list. */
  offsets: Float64Array;
}

/**
 * The layout of `items`. Rows that are the same objects as in `previous` (in the same order, as
 * after an insert, a delete or a replaced row) keep their height; the others ask `heightOf`.
 */
export function layoutRows<T>(previous: RowLayout<T> | null, items: readonly T[], heightOf: (item: T) => number): RowLayout<T> {
  const heights = new Float64Array(items.length);
  const before = previous?.items ?? [];
  const beforeHeights = previous?.heights ?? new Float64Array(0);
  let i = 0;
  for (let j = 0; j < items.length; j++) {
    const item = items[j]!;
    if (before[i] === item) {
      heights[j] = beforeHeights[i++]!;
    } else if (i + 1 < before.length && before[i + 1] === item) {
      heights[j] = beforeHeights[i + 1]!; // before[i] was removed
      i += 2;
    } else {
      heights[j] = heightOf(item);
      // Replaced in place when the next rows line up again; otherwise inserted.
      if (i + 1 < before.length && j + 1 < items.length && before[i + 1] === items[j + 1]) i++;
    }
  }
  const offsets = new Float64Array(items.length + 1);
  sumFrom(heights, offsets, 0);
  return { items, heights, offsets };
}

/** The layout after the rows at these indexes changed height (measured on screen). */
export function remeasureRows<T>(
  layout: RowLayout<T>,
  changed: Iterable<{ index: number; height: number }>,
): RowLayout<T> {
  const heights = layout.heights.slice();
  let first = heights.length;
  for (const { index, height } of changed) {
    if (heights[index] === height) continue;
    heights[index] = height;
    first = Math.min(first, index);
  }
  if (first === heights.length) return layout;
  const offsets = layout.offsets.slice();
  sumFrom(heights, offsets, first);
  return { items: layout.items, heights, offsets };
}

function sumFrom(heights: Float64Array, offsets: Float64Array, from: number): void {
  for (let i = from; i < heights.length; i++) offsets[i + 1] = offsets[i]! + heights[i]!;
}

/** The index of the row that contains `y` (the last row for y past the end). */
export function rowAt(offsets: Float64Array, count: number, y: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
