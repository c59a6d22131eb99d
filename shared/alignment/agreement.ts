// How far two researchers agree, per theme and for valence. Three figures:
//
// - Percent agreement on a time grid: the recording is cut into moments (1 s); at each moment
//   each researcher either coded the theme (a fragment with it covers the moment) or not. The
//   share of moments on which they say the same.
// - Cohen's kappa on the same grid: that agreement corrected for the agreement expected by
//   chance from how often each of them codes the theme (Cohen 1960):
//       kappa = (po - pe) / (1 - pe),  pe = sum over categories of pA(c) * pB(c).
//   Undefined (null) when pe = 1: both coded the theme everywhere or nowhere.
// - Event agreement: fragments with the theme, paired at the overlap threshold (pairing.ts);
//   matched fragments / all fragments = 2 * pairs / (fragments of A + fragments of B).
//
// Moments next to each other are not independent observations, so the grid kappa is a
// description, not a test: its confidence is judged by how many fragments stand behind it.
// No statistics library was used: kappa is the four lines below, and the well-kept npm
// statistics packages (simple-statistics, jStat) have no kappa to offer.
import { pairFragments, type PairableFragment } from './pairing';

/** Square table of counts: rows researcher A's category, columns researcher B's. */
export type ConfusionMatrix = readonly (readonly number[])[];

export interface Kappa {
  n: number;
  /** Observed agreement (share of the diagonal). */
  po: number;
  /** Agreement expected by chance. */
  pe: number;
  /** null when pe is 1 (no variation: kappa says nothing). */
  kappa: number | null;
}

export function cohenKappa(matrix: ConfusionMatrix): Kappa {
  const k = matrix.length;
  let n = 0;
  let diagonal = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  matrix.forEach((row, i) => {
    if (row.length !== k) throw new Error(`cohenKappa: row ${i} has ${row.length} cells, expected ${k}`);
    row.forEach((count, j) => {
      n += count;
      rows[i]! += count;
      cols[j]! += count;
      if (i === j) diagonal += count;
    });
  });
  if (n === 0) return { n: 0, po: 0, pe: 0, kappa: null };
  const po = diagonal / n;
  const pe = rows.reduce((sum, r, i) => sum + (r / n) * (cols[i]! / n), 0);
  const kappa = 1 - pe < 1e-12 ? null : (po - pe) / (1 - pe);
  return { n, po, pe, kappa };
}

export interface GridFragment extends PairableFragment {
  valence: 'positive' | 'concern';
  themes: readonly string[];
}

export interface GridRecording {
  id: string;
  durationSec: number;
}

export const GRID_STEP_SEC = 1;

/** A category of a moment for one researcher; moments are sampled at the middle of each step. */
type Categorise<F> = (covering: readonly F[]) => number;

/** The confusion matrix of two researchers over all moments of all recordings. */
export function gridMatrix<F extends GridFragment>(
  recordings: readonly GridRecording[],
  left: readonly F[],
  right: readonly F[],
  categories: number,
  categorise: Categorise<F>,
  stepSec = GRID_STEP_SEC,
): number[][] {
  const matrix = Array.from({ length: categories }, () => new Array<number>(categories).fill(0));
  for (const recording of recordings) {
    const l = left.filter((f) => f.recordingId === recording.id);
    const r = right.filter((f) => f.recordingId === recording.id);
    const steps = Math.ceil(recording.durationSec / stepSec);
    for (let i = 0; i < steps; i++) {
      const t = (i + 0.5) * stepSec;
      const covers = (f: F) => f.inSec <= t && t < f.outSec;
      matrix[categorise(l.filter(covers))]![categorise(r.filter(covers))]! += 1;
    }
  }
  return matrix;
}

/** 2 x 2: did the researcher code the moment with a fragment matching `has`? (0 no, 1 yes) */
export const binaryCategory =
  <F>(has: (f: F) => boolean) =>
  (covering: readonly F[]): number =>
    covering.some(has) ? 1 : 0;

/** Valence of a moment: 0 not marked, 1 positive, 2 concern, 3 both (overlapping fragments). */
export const VALENCE_CATEGORIES = 4;
export function valenceCategory(covering: readonly GridFragment[]): number {
  const positive = covering.some((f) => f.valence === 'positive');
  const concern = covering.some((f) => f.valence === 'concern');
  return positive && concern ? 3 : concern ? 2 : positive ? 1 : 0;
}

export interface EventAgreement {
  leftCount: number;
  rightCount: number;
  matched: number;
  /** 2 * matched / (leftCount + rightCount); null when neither has such a fragment. */
  share: number | null;
}

export function eventAgreement<F extends PairableFragment>(
  fragments: readonly F[],
  authors: { left: string; right: string },
  threshold: number,
): EventAgreement {
  const leftCount = fragments.filter((f) => f.author === authors.left).length;
  const rightCount = fragments.filter((f) => f.author === authors.right).length;
  const matched = pairFragments(fragments, authors, threshold).pairs.length;
  const total = leftCount + rightCount;
  return { leftCount, rightCount, matched, share: total === 0 ? null : (2 * matched) / total };
}

/** How much a figure can be trusted, by the number of fragments behind it. */
export type Confidence = 'none' | 'few' | 'some' | 'enough';
export const FEW_FRAGMENTS = 6;
export const ENOUGH_FRAGMENTS = 20;

export function confidenceOf(fragmentCount: number): Confidence {
  if (fragmentCount === 0) return 'none';
  if (fragmentCount < FEW_FRAGMENTS) return 'few';
  if (fragmentCount < ENOUGH_FRAGMENTS) return 'some';
  return 'enough';
}

/** Landis & Koch (1977): the usual words for a kappa. */
export type KappaLevel = 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almost-perfect';
export function kappaLevel(kappa: number): KappaLevel {
  if (kappa < 0) return 'poor';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost-perfect';
}

export interface AgreementRow {
  /** 'marked' (any fragment), 'valence', or a theme id. */
  key: string;
  kind: 'marked' | 'valence' | 'theme';
  percent: number | null;
  kappa: number | null;
  kappaLevel: KappaLevel | null;
  event: EventAgreement;
  confidence: Confidence;
}

export interface AgreementInput<F extends GridFragment> {
  recordings: readonly GridRecording[];
  fragments: readonly F[];
  authors: { left: string; right: string };
  threshold: number;
  themeIds: readonly string[];
  stepSec?: number;
}

/** The agreement table: any fragment at all, valence, then each theme of the framework. */
export function agreementTable<F extends GridFragment>(input: AgreementInput<F>): AgreementRow[] {
  const { authors, threshold, recordings } = input;
  const left = input.fragments.filter((f) => f.author === authors.left);
  const right = input.fragments.filter((f) => f.author === authors.right);
  const both = [...left, ...right];
  const row = (key: string, kind: AgreementRow['kind'], matrix: number[][], event: EventAgreement): AgreementRow => {
    const k = cohenKappa(matrix);
    const count = event.leftCount + event.rightCount;
    return {
      key,
      kind,
      percent: k.n === 0 || count === 0 ? null : k.po,
      kappa: count === 0 ? null : k.kappa,
      kappaLevel: count === 0 || k.kappa === null ? null : kappaLevel(k.kappa),
      event,
      confidence: confidenceOf(count),
    };
  };
  const step = input.stepSec ?? GRID_STEP_SEC;
  const rows: AgreementRow[] = [
    row('marked', 'marked', gridMatrix(recordings, left, right, 2, binaryCategory<F>(() => true), step), eventAgreement(both, authors, threshold)),
  ];
  // Valence: fragments pair only with fragments of the same valence.
  const positive = eventAgreement(both.filter((f) => f.valence === 'positive'), authors, threshold);
  const concern = eventAgreement(both.filter((f) => f.valence === 'concern'), authors, threshold);
  const valenceEvent: EventAgreement = {
    leftCount: positive.leftCount + concern.leftCount,
    rightCount: positive.rightCount + concern.rightCount,
    matched: positive.matched + concern.matched,
    share: null,
  };
  const total = valenceEvent.leftCount + valenceEvent.rightCount;
  valenceEvent.share = total === 0 ? null : (2 * valenceEvent.matched) / total;
  rows.push(row('valence', 'valence', gridMatrix(recordings, left, right, VALENCE_CATEGORIES, valenceCategory, step), valenceEvent));
  for (const theme of input.themeIds) {
    const has = (f: F) => f.themes.includes(theme);
    rows.push(
      row(
        theme,
        'theme',
        gridMatrix(recordings, left, right, 2, binaryCategory(has), step),
        eventAgreement(both.filter(has), authors, threshold),
      ),
    );
  }
  return rows;
}
