import { describe, expect, it } from 'vitest';
import { layoutRows, remeasureRows, rowAt } from '../../../renderer/src/components/row-offsets';

type Row = { id: string };
const rows = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ id: `r${i}` }));

/** Heights by key, as the list measures them; counts look-ups. */
function measured(heights: Record<string, number>, estimate = 50) {
  const asked: string[] = [];
  return {
    asked,
    heightOf: (row: Row) => {
      asked.push(row.id);
      return heights[row.id] ?? estimate;
    },
  };
}

describe('virtual list row offsets', () => {
  it('sums measured and estimated heights', () => {
    const m = measured({ r1: 80, r3: 20 });
    const layout = layoutRows(null, rows(5), m.heightOf);
    expect([...layout.offsets]).toEqual([0, 50, 130, 180, 200, 250]);
    expect(rowAt(layout.offsets, 5, 0)).toBe(0);
    expect(rowAt(layout.offsets, 5, 129)).toBe(1);
    expect(rowAt(layout.offsets, 5, 130)).toBe(2);
    expect(rowAt(layout.offsets, 5, 10_000)).toBe(5);
  });

  it.each([
    ['a row added', (list: Row[], extra: Row) => [...list.slice(0, 3), extra, ...list.slice(3)]],
    ['a row added first', (list: Row[], extra: Row) => [extra, ...list]],
    ['a row added last', (list: Row[], extra: Row) => [...list, extra]],
    ['a row removed', (list: Row[]) => [...list.slice(0, 4), ...list.slice(5)]],
    ['a row replaced', (list: Row[]) => list.map((r, i) => (i === 2 ? { ...r } : r))],
  ])('after %s: the same offsets as laid out anew, asking only about the new rows', (_, change) => {
    const heights = { r0: 31, r2: 77, r4: 12, r5: 90, r6: 64, x: 45 };
    const before = rows(8);
    const first = layoutRows(null, before, measured(heights).heightOf);
    const after = change(before, { id: 'x' });
    const m = measured(heights);
    const updated = layoutRows(first, after, m.heightOf);
    expect([...updated.offsets]).toEqual([...layoutRows(null, after, measured(heights).heightOf).offsets]);
    expect(m.asked.length).toBeLessThanOrEqual(1);
  });

  it('patches rows measured on screen from where they are', () => {
    const layout = layoutRows(null, rows(6), measured({}).heightOf);
    const patched = remeasureRows(layout, [{ index: 4, height: 10 }, { index: 1, height: 100 }]);
    expect([...patched.offsets]).toEqual([0, 50, 150, 200, 250, 260, 310]);
    expect([...layout.offsets]).toEqual([0, 50, 100, 150, 200, 250, 300]); // the old layout is left as it was
    expect(remeasureRows(patched, [{ index: 4, height: 10 }])).toBe(patched);
  });
});
