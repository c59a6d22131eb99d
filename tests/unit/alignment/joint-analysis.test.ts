// The alignment decisions: joint fragments, progress, and the analysis the agendas use.
import { describe, expect, it } from 'vitest';
import {
  alignmentProgress,
  combineFragments,
  jointAnalysis,
  jointAuthor,
  mergeNoteTexts,
  takeVersion,
  type AlignableFragment,
} from '../../../shared/alignment';

const anna: AlignableFragment = {
  id: 'a',
  inSec: 10,
  outSec: 20,
  title: 'Knikt',
  note: 'KM vat samen',
  valence: 'positive',
  themes: ['flow'],
  forClient: false,
  forCaseManager: true,
};
const bram: AlignableFragment = {
  id: 'b',
  inSec: 14,
  outSec: 26,
  title: 'Stilte',
  note: 'KM vat samen',
  valence: 'concern',
  themes: ['flow', 'shared-goal'],
  forClient: true,
  forCaseManager: false,
};

describe('joint fragments', () => {
  it('take: a copy of one version', () => {
    expect(takeVersion(bram)).toEqual({
      inSec: 14,
      outSec: 26,
      title: 'Stilte',
      note: 'KM vat samen',
      valence: 'concern',
      themes: ['flow', 'shared-goal'],
      forClient: true,
      forCaseManager: false,
    });
  });

  it.each([
    { range: 'union' as const, inSec: 10, outSec: 26 },
    { range: 'intersection' as const, inSec: 14, outSec: 20 },
  ])('combine ($range): range, united themes and marks, both titles, one note when equal', ({ range, inSec, outSec }) => {
    expect(combineFragments([anna, bram], range)).toEqual({
      inSec,
      outSec,
      title: 'Knikt / Stilte',
      note: 'KM vat samen',
      valence: 'positive',
      themes: ['flow', 'shared-goal'],
      forClient: true,
      forCaseManager: true,
    });
  });

  it('combine (intersection) of ranges that do not overlap falls back to the union', () => {
    expect(combineFragments([anna, { ...bram, inSec: 30, outSec: 40 }], 'intersection')).toMatchObject({ inSec: 10, outSec: 40 });
  });

  it('names the researchers in the joint author', () => {
    expect(jointAuthor(['Anna', 'Bram', 'Anna'])).toBe('samen (Anna & Bram)');
    expect(jointAuthor([])).toBe('samen');
  });

  it('merges notes in time order with their authors', () => {
    expect(mergeNoteTexts([{ text: 'Zucht', author: 'Bram', timeSec: 12 }, { text: 'Kijkt weg', author: 'Anna', timeSec: 10 }])).toBe(
      'Kijkt weg (Anna)\nZucht (Bram)',
    );
  });
});

describe('progress and the joint analysis', () => {
  const decisions = [
    { id: 'd1', sourceIds: ['a', 'b'], action: 'combine' as const, resultId: 'j1' },
    { id: 'd2', sourceIds: ['c'], action: 'discussed' as const, resultId: null },
    { id: 'd3', sourceIds: ['n1', 'n2'], action: 'keep' as const, resultId: null },
  ];

  it('counts units a decision covers', () => {
    expect(alignmentProgress([['a', 'b'], ['c'], ['d', 'e'], ['n1', 'n2']], decisions)).toEqual({ done: 3, total: 4 });
  });

  it('without decisions the analysis is unchanged', () => {
    const fragments = [{ id: 'a' }, { id: 'b' }];
    expect(jointAnalysis(fragments, [], [])).toEqual({ fragments, notes: [] });
  });

  it('joint records replace their originals, "besproken" leaves out, "keep" keeps, the unaligned stay', () => {
    const fragments = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }, { id: 'j1' }];
    const notes = [{ id: 'n1' }, { id: 'n2' }, { id: 'n3' }];
    expect(jointAnalysis(fragments, notes, decisions)).toEqual({
      fragments: [{ id: 'd' }, { id: 'j1' }],
      notes: [{ id: 'n1' }, { id: 'n2' }, { id: 'n3' }],
    });
  });
});
