// Small numeric helpers and the one results table the benchmark prints.

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank: the smallest value with at least p% of the values at or below it.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** A seeded pseudo-random generator (mulberry32), so every run seeks to the same times. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Met = 'yes' | 'no' | '—' | 'n/a';

export interface Row {
  group: string;
  name: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  met: Met;
  note?: string;
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(1) : Math.round(value)} ms` : 'n/a');
export const sec = (value: number) => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(2) : value.toFixed(1)} s` : 'n/a');
export const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 0)}×` : 'n/a');
export const ratio = (ours: number, bare: number) => (Number.isFinite(ours / bare) && bare > 0 ? `${(ours / bare).toFixed(2)}` : 'n/a');

export function renderTable(rows: Row[]): string {
  const header = ['Measure', 'Value', 'Baseline', 'Ratio', 'Target', 'Met'];
  const lines = rows.map((r) => [`${r.group}: ${r.name}`, r.value, r.baseline, r.ratio, r.target, r.met]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}
