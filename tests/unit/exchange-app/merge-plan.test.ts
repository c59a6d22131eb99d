// The merge rule of project exchange (electron/services/exchange/merge-plan.ts), case by case.
import { describe, expect, it } from 'vitest';
import { decideMerge, hashContent, unitePseudonyms, type MergeInput } from '../../../electron/services/exchange/merge-plan';

const T0 = '2026-03-01T10:00:00.000Z';
const T1 = '2026-03-02T10:00:00.000Z';
const T2 = '2026-03-03T10:00:00.000Z';

function decide(over: Partial<MergeInput>) {
  return decideMerge({
    localHash: 'mine',
    localUpdatedAt: T1,
    theirsHash: 'theirs',
    theirsUpdatedAt: T2,
    myBaseHash: null,
    theirBaseHash: null,
    ...over,
  });
}

describe('decideMerge', () => {
  it('adds what is new here and ignores what is the same', () => {
    expect(decide({ localHash: null, localUpdatedAt: null })).toBe('add');
    expect(decide({ theirsHash: 'mine' })).toBe('same');
  });

  it('takes theirs when only they changed it since a shared version, and it is newer', () => {
    // They started from the version I have (their base is my current content).
    expect(decide({ theirBaseHash: 'mine' })).toBe('take-theirs');
    // I have not changed it since I last imported it.
    expect(decide({ myBaseHash: 'mine' })).toBe('take-theirs');
    // ... but an "older change" is not taken silently.
    expect(decide({ myBaseHash: 'mine', theirsUpdatedAt: T0 })).toBe('conflict');
  });

  it('keeps mine when only I changed it since the version they send', () => {
    expect(decide({ myBaseHash: 'theirs', localUpdatedAt: T2, theirsUpdatedAt: T1 })).toBe('keep-mine');
    expect(decide({ theirBaseHash: 'theirs', localUpdatedAt: T2, theirsUpdatedAt: T1 })).toBe('keep-mine');
    // Theirs is newer than my "change": something happened elsewhere; ask.
    expect(decide({ theirBaseHash: 'theirs', localUpdatedAt: T1, theirsUpdatedAt: T2 })).toBe('conflict');
  });

  it('reports a conflict when both changed it, or when nothing is known about a shared version', () => {
    expect(decide({ myBaseHash: 'base', theirBaseHash: 'base' })).toBe('conflict');
    expect(decide({})).toBe('conflict');
  });

  it('keeps mine when an older archive comes in again after a newer one was taken', () => {
    expect(decide({ myBaseHash: 'mine', myBaseUpdatedAt: T2, localUpdatedAt: T2, theirsUpdatedAt: T1 })).toBe('keep-mine');
  });

  it('between two known shared versions, the newer wins', () => {
    expect(decide({ myBaseHash: 'mine', theirBaseHash: 'theirs' })).toBe('take-theirs');
    expect(decide({ myBaseHash: 'mine', theirBaseHash: 'theirs', theirsUpdatedAt: T0 })).toBe('keep-mine');
  });
});

describe('hashContent', () => {
  it('is the same for equal content whatever the key order, and differs otherwise', () => {
    expect(hashContent({ a: 1, b: [1, 2], c: { x: 'é' } })).toBe(hashContent({ c: { x: 'é' }, b: [1, 2], a: 1 }));
    expect(hashContent({ a: 1, b: [2, 1] })).not.toBe(hashContent({ a: 1, b: [1, 2] }));
    expect(hashContent({ a: 1, b: undefined })).toBe(hashContent({ a: 1 }));
  });
});

describe('unitePseudonyms', () => {
  it('keeps every name listed on either side, mine first, one entry per name', () => {
    const mine = [{ name: 'Jan de Vries', replacement: '[naam cliënt]' }];
    const theirs = [
      { name: 'jan de vries', replacement: '[cliënt]' },
      { name: 'Petra', replacement: '[naam klantmanager]' },
    ];
    expect(unitePseudonyms(mine, theirs)).toEqual([
      { name: 'Jan de Vries', replacement: '[naam cliënt]' },
      { name: 'Petra', replacement: '[naam klantmanager]' },
    ]);
  });
});
