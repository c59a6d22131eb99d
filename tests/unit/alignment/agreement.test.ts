// Agreement figures against values computed by hand and worked examples from the literature.
import { describe, expect, it } from 'vitest';
import {
  agreementTable,
  cohenKappa,
  confidenceOf,
  eventAgreement,
  kappaLevel,
  type GridFragment,
} from '../../../shared/alignment';

const R = '00000000-0000-4000-8000-000000000001';
let seq = 0;
function frag(author: string, inSec: number, outSec: number, themes: string[] = [], valence: GridFragment['valence'] = 'positive'): GridFragment {
  seq++;
  return { id: `f${seq}`, recordingId: R, author, inSec, outSec, themes, valence };
}

describe('cohenKappa', () => {
  it.each([
    {
      name: 'Cohen (1960), table 1: three categories, 200 subjects',
      // Proportions .44 .07 .09 / .05 .20 .05 / .01 .03 .06 times 200.
      matrix: [
        [88, 14, 18],
        [10, 40, 10],
        [2, 6, 12],
      ],
      po: 0.7,
      pe: 0.41,
      kappa: 0.29 / 0.59, // 0.4915: Cohen reports .49
    },
    {
      name: 'two categories, 50 items: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no',
      matrix: [
        [20, 5],
        [10, 15],
      ],
      po: 0.7,
      pe: 0.5, // (25/50)(30/50) + (25/50)(20/50)
      kappa: 0.4,
    },
    { name: 'perfect agreement', matrix: [[7, 0], [0, 3]], po: 1, pe: 0.58, kappa: 1 },
    { name: 'chance agreement only', matrix: [[25, 25], [25, 25]], po: 0.5, pe: 0.5, kappa: 0 },
    { name: 'systematic disagreement', matrix: [[0, 5], [5, 0]], po: 0, pe: 0.5, kappa: -1 },
  ])('$name', ({ matrix, po, pe, kappa }) => {
    const k = cohenKappa(matrix);
    expect(k.po).toBeCloseTo(po, 10);
    expect(k.pe).toBeCloseTo(pe, 10);
    expect(k.kappa).toBeCloseTo(kappa, 10);
  });

  it('is undefined (null) when there is no variation: both always said no', () => {
    expect(cohenKappa([[10, 0], [0, 0]]).kappa).toBeNull();
    expect(cohenKappa([[0, 0], [0, 0]])).toEqual({ n: 0, po: 0, pe: 0, kappa: null });
  });

  it('refuses a table that is not square', () => {
    expect(() => cohenKappa([[1, 2], [3]])).toThrow(/row 1/);
  });
});

describe('agreementTable on a 1-second grid', () => {
  // A codes 0-4 s with "flow", B codes 2-6 s with "flow", in a 10 s recording. Moments at
  // 0.5 … 9.5: both yes 2 (2.5, 3.5), A only 2, B only 2, both no 4.
  // po = 6/10; pA = pB = 0.4, pe = .4*.4 + .6*.6 = .52; kappa = (.6 - .52) / .48 = 1/6.
  const fragments = [frag('A', 0, 4, ['flow']), frag('B', 2, 6, ['flow'], 'concern')];
  const table = (threshold: number) =>
    agreementTable({
      recordings: [{ id: R, durationSec: 10 }],
      fragments,
      authors: { left: 'A', right: 'B' },
      threshold,
      themeIds: ['flow', 'results'],
    });

  it('computes percent agreement and kappa per theme', () => {
    const flow = table(0.3).find((r) => r.key === 'flow')!;
    expect(flow.percent).toBeCloseTo(0.6, 10);
    expect(flow.kappa).toBeCloseTo(1 / 6, 10);
    expect(flow.kappaLevel).toBe('slight');
  });

  it('counts events as paired at the threshold: overlap 2 s of 6 s = 0.33', () => {
    expect(table(0.3).find((r) => r.key === 'flow')!.event).toEqual({ leftCount: 1, rightCount: 1, matched: 1, share: 1 });
    expect(table(0.5).find((r) => r.key === 'flow')!.event).toEqual({ leftCount: 1, rightCount: 1, matched: 0, share: 0 });
  });

  it('valence: moments positive for A and concern for B disagree; the fragments do not pair', () => {
    const valence = table(0.3).find((r) => r.key === 'valence')!;
    // none/none 4, pos/none 2 (0.5, 1.5), pos/concern 2 (2.5, 3.5), none/concern 2 (4.5, 5.5): po = .4.
    // rows A: none .6, pos .4; cols B: none .6, concern .4: pe = .36; kappa = (.4-.36)/.64 = .0625.
    expect(valence.percent).toBeCloseTo(0.4, 10);
    expect(valence.kappa).toBeCloseTo(0.0625, 10);
    expect(valence.event.matched).toBe(0);
  });

  it('a theme neither used has no figures and says so', () => {
    const results = table(0.3).find((r) => r.key === 'results')!;
    expect(results).toMatchObject({ percent: null, kappa: null, confidence: 'none' });
  });
});

describe('eventAgreement', () => {
  it('is 2 * matched / all fragments, each fragment paired once', () => {
    const list = [frag('A', 0, 10), frag('A', 20, 30), frag('A', 40, 50), frag('B', 1, 10), frag('B', 21, 31)];
    // Pairs: (0-10, 1-10) 0.9, (20-30, 21-31) 9/11; A's 40-50 is single: 2*2 / 5 = 0.8.
    expect(eventAgreement(list, { left: 'A', right: 'B' }, 0.3)).toEqual({ leftCount: 3, rightCount: 2, matched: 2, share: 0.8 });
  });
  it('is null when neither has fragments', () => {
    expect(eventAgreement([], { left: 'A', right: 'B' }, 0.3).share).toBeNull();
  });
});

describe('words for figures', () => {
  it.each([
    [-0.1, 'poor'],
    [0.2, 'slight'],
    [0.4, 'fair'],
    [0.49, 'moderate'],
    [0.8, 'substantial'],
    [0.81, 'almost-perfect'],
  ] as const)('kappa %d is %s (Landis & Koch)', (kappa, level) => expect(kappaLevel(kappa)).toBe(level));

  it.each([
    [0, 'none'],
    [1, 'few'],
    [5, 'few'],
    [6, 'some'],
    [19, 'some'],
    [20, 'enough'],
  ] as const)('%d fragments: confidence %s', (n, c) => expect(confidenceOf(n)).toBe(c));
});
