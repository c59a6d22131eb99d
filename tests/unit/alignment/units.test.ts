// The list of items to align and who is compared with whom.
import { describe, expect, it } from 'vitest';
import { alignmentUnits, compareAuthors } from '../../../shared/alignment';

const f = (id: string, author: string, inSec: number, outSec: number, recordingId = 'r1') => ({ id, author, inSec, outSec, recordingId });
const n = (id: string, author: string, timeSec: number, recordingId = 'r1') => ({ id, author, timeSec, recordingId, kind: 'observation' });

describe('alignmentUnits', () => {
  it('lists pairs, singles and note groups by recording, then time', () => {
    const units = alignmentUnits({
      fragments: [f('a1', 'A', 10, 20), f('b1', 'B', 11, 21), f('a2', 'A', 5, 8, 'r2'), f('b2', 'B', 40, 50)],
      notes: [n('na', 'A', 30), n('nb', 'B', 33)],
      authors: { left: 'A', right: 'B' },
      threshold: 0.3,
      recordingOrder: ['r1', 'r2'],
    });
    expect(units.map((u) => [u.kind, u.ids, u.startSec])).toEqual([
      ['pair', ['a1', 'b1'], 10],
      ['notes', ['na', 'nb'], 30],
      ['single', ['b2'], 40],
      ['single', ['a2'], 5],
    ]);
  });
});

describe('compareAuthors', () => {
  const fragments = [f('a', 'Anna', 0, 1), f('b', 'Bram', 0, 1), f('c', 'Cas', 0, 1), f('c2', 'Cas', 2, 3), f('j', 'samen (Anna & Bram)', 0, 1)];
  const decisions = [{ id: 'd', sourceIds: ['a', 'b'], action: 'combine' as const, resultId: 'j' }];

  it('leaves joint records out and compares the two most prolific researchers', () => {
    const c = compareAuthors(fragments, [], decisions);
    expect(c.authors).toEqual(['Cas', 'Anna', 'Bram']);
    expect([c.left, c.right]).toEqual(['Cas', 'Anna']);
    expect(c.fragments.map((x) => x.id)).not.toContain('j');
  });

  it('takes the chosen pair, never the same researcher twice', () => {
    expect(compareAuthors(fragments, [], decisions, { left: 'Bram', right: 'Anna' })).toMatchObject({ left: 'Bram', right: 'Anna' });
    expect(compareAuthors(fragments, [], decisions, { left: 'Bram', right: 'Bram' })).toMatchObject({ left: 'Bram', right: 'Cas' });
    expect(compareAuthors(fragments, [], decisions, { left: 'Nobody' })).toMatchObject({ left: 'Cas' });
  });
});
