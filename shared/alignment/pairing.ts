// Pairs one researcher's fragments with another's: two fragments of the same recording pair
// when their overlap (overlap.ts) reaches the threshold. Each fragment pairs at most once; the
// best-overlapping pairs are taken first (greedy, which for interval overlaps is what a person
// would pick too). What is left are singles: a fragment only one of them marked.
import { overlapOf, type Span } from './overlap';

export interface PairableFragment extends Span {
  id: string;
  recordingId: string;
  author: string;
}

export type Side = 'left' | 'right';

export interface FragmentPair<F> {
  left: F;
  right: F;
  /** Intersection over union of the two ranges. */
  overlap: number;
}

export interface FragmentSingle<F> {
  fragment: F;
  side: Side;
}

export interface Pairing<F> {
  pairs: FragmentPair<F>[];
  singles: FragmentSingle<F>[];
}

/**
 * Pairs the fragments `left` wrote with those `right` wrote (by `author`); other authors'
 * fragments are ignored. Pairs and singles come sorted by recording order of the input, then time.
 */
export function pairFragments<F extends PairableFragment>(
  fragments: readonly F[],
  authors: { left: string; right: string },
  threshold: number,
): Pairing<F> {
  const lefts = fragments.filter((f) => f.author === authors.left);
  const rights = fragments.filter((f) => f.author === authors.right);
  const candidates: FragmentPair<F>[] = [];
  for (const l of lefts) {
    for (const r of rights) {
      if (l.recordingId !== r.recordingId) continue;
      const overlap = overlapOf(l, r);
      if (overlap > 0 && overlap >= threshold) candidates.push({ left: l, right: r, overlap });
    }
  }
  candidates.sort((a, b) => b.overlap - a.overlap || a.left.inSec - b.left.inSec || a.right.inSec - b.right.inSec);
  const used = new Set<string>();
  const pairs: FragmentPair<F>[] = [];
  for (const c of candidates) {
    if (used.has(c.left.id) || used.has(c.right.id)) continue;
    used.add(c.left.id);
    used.add(c.right.id);
    pairs.push(c);
  }
  const singles: FragmentSingle<F>[] = [
    ...lefts.filter((f) => !used.has(f.id)).map((fragment) => ({ fragment, side: 'left' as const })),
    ...rights.filter((f) => !used.has(f.id)).map((fragment) => ({ fragment, side: 'right' as const })),
  ];
  const order = recordingOrder(fragments);
  const key = (f: F) => [order.get(f.recordingId) ?? 0, f.inSec] as const;
  const byTime = (a: F, b: F) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1];
  pairs.sort((a, b) => byTime(earlier(a), earlier(b)));
  singles.sort((a, b) => byTime(a.fragment, b.fragment));
  return { pairs, singles };
}

function earlier<F extends Span>(pair: FragmentPair<F>): F {
  return pair.left.inSec <= pair.right.inSec ? pair.left : pair.right;
}

function recordingOrder(fragments: readonly PairableFragment[]): Map<string, number> {
  const order = new Map<string, number>();
  for (const f of fragments) if (!order.has(f.recordingId)) order.set(f.recordingId, order.size);
  return order;
}

/** The authors of a set of records, most prolific first (the first two are compared by default). */
export function authorsOf(records: readonly { author: string }[]): string[] {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.author, (counts.get(r.author) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([author]) => author);
}
