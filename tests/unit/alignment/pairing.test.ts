// Pairing fragments by overlap, what differs in a pair, and grouping nearby notes.
import { describe, expect, it } from 'vitest';
import { authorsOf, differencesOf, groupNearbyNotes, overlapOf, pairFragments, validThreshold } from '../../../shared/alignment';

const R1 = 'rec-1';
const R2 = 'rec-2';
const f = (id: string, author: string, inSec: number, outSec: number, recordingId = R1) => ({ id, author, inSec, outSec, recordingId });

describe('overlapOf (intersection over union)', () => {
  it.each([
    { a: [0, 10], b: [0, 10], expected: 1 },
    { a: [0, 10], b: [5, 15], expected: 5 / 15 },
    { a: [0, 60], b: [20, 30], expected: 10 / 60 },
    { a: [0, 10], b: [10, 20], expected: 0 },
    { a: [0, 10], b: [30, 40], expected: 0 },
  ])('$a and $b: $expected', ({ a, b, expected }) => {
    const span = (r: number[]) => ({ inSec: r[0]!, outSec: r[1]! });
    expect(overlapOf(span(a), span(b))).toBeCloseTo(expected, 10);
    expect(overlapOf(span(b), span(a))).toBeCloseTo(expected, 10);
  });

  it.each([0, -1, 1.5, Number.NaN, '0.5', null])('an unusable threshold %s becomes the default', (t) => {
    expect(validThreshold(t)).toBe(0.3);
  });
});

describe('pairFragments', () => {
  const authors = { left: 'Anna', right: 'Bram' };

  it('pairs at the threshold, best overlap first, each fragment once; the rest are singles', () => {
    const list = [
      f('a1', 'Anna', 10, 20),
      f('a2', 'Anna', 100, 130),
      f('a3', 'Anna', 300, 310),
      f('b1', 'Bram', 12, 22), // 8/12 with a1
      f('b2', 'Bram', 11, 19), // 8/10 with a1: the better one
      f('b3', 'Bram', 105, 140), // 25/40 with a2
      f('b4', 'Bram', 500, 520),
      f('c1', 'Cas', 10, 20), // a third author: not in this comparison
    ];
    const { pairs, singles } = pairFragments(list, authors, 0.3);
    expect(pairs.map((p) => [p.left.id, p.right.id])).toEqual([
      ['a1', 'b2'],
      ['a2', 'b3'],
    ]);
    expect(pairs[0]!.overlap).toBeCloseTo(0.8, 10);
    expect(singles.map((s) => [s.fragment.id, s.side])).toEqual([
      ['b1', 'right'],
      ['a3', 'left'],
      ['b4', 'right'],
    ]);
  });

  it('a higher threshold leaves weakly overlapping fragments single', () => {
    const list = [f('a', 'Anna', 0, 10), f('b', 'Bram', 5, 15)];
    expect(pairFragments(list, authors, 0.3).pairs).toHaveLength(1);
    expect(pairFragments(list, authors, 0.4).pairs).toHaveLength(0);
  });

  it('never pairs across recordings', () => {
    const list = [f('a', 'Anna', 0, 10, R1), f('b', 'Bram', 0, 10, R2)];
    expect(pairFragments(list, authors, 0.3).pairs).toHaveLength(0);
  });

  it('authorsOf lists the most prolific first', () => {
    expect(authorsOf([{ author: 'B' }, { author: 'A' }, { author: 'B' }, { author: 'C' }])).toEqual(['B', 'A', 'C']);
  });
});

describe('differencesOf', () => {
  const base = { inSec: 10, outSec: 20, title: 'Knikt', note: 'KM vat samen', valence: 'positive' as const, themes: ['flow', 'authenticity'] };

  it('finds nothing in two equal versions (times within 0.1 s, spacing ignored)', () => {
    expect(differencesOf(base, { ...base, inSec: 10.05, note: ' KM  vat samen ' }).same).toBe(true);
  });

  it('names themes, valence, times, title and note that differ', () => {
    const d = differencesOf(base, { ...base, inSec: 12, outSec: 18.5, title: 'Stilte', note: '', valence: 'concern', themes: ['flow', 'shared-goal'] });
    expect(d).toMatchObject({
      themesBoth: ['flow'],
      themesOnlyLeft: ['authenticity'],
      themesOnlyRight: ['shared-goal'],
      valence: { left: 'positive', right: 'concern' },
      inDeltaSec: 2,
      outDeltaSec: -1.5,
      title: true,
      note: true,
      same: false,
    });
  });
});

describe('groupNearbyNotes', () => {
  const n = (id: string, author: string, timeSec: number, kind = 'observation', recordingId = R1) => ({ id, author, timeSec, kind, recordingId });

  it('groups notes of different researchers within the window, chaining', () => {
    const notes = [
      n('a1', 'Anna', 10),
      n('b1', 'Bram', 13),
      n('a2', 'Anna', 17), // 4 s after b1: same group
      n('a3', 'Anna', 40),
      n('a4', 'Anna', 42), // only Anna: no group
      n('b2', 'Bram', 80),
      n('t1', 'Bram', 81, 'transcript'), // transcript lines are not aligned
      n('a5', 'Anna', 84, 'observation', R2), // another recording
    ];
    const groups = groupNearbyNotes(notes, ['Anna', 'Bram'], 5);
    expect(groups.map((g) => g.notes.map((x) => x.id))).toEqual([['a1', 'b1', 'a2']]);
    expect(groups[0]).toMatchObject({ startSec: 10, endSec: 17, authors: ['Anna', 'Bram'] });
  });
});
