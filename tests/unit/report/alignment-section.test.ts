// The report's optional part on aligning the analysis: off by default, and when asked for the
// aligned count and the agreement table, pseudonymised like every other text.
import { describe, expect, it } from 'vitest';
import { alignmentSummary } from '../../../shared/alignment';
import { buildReport, type ReportDocument } from '../../../shared/report';
import { CYCLE_1, PSEUDONYMS, trajectoryInput } from './fixtures';

const R = '00000000-0000-4000-8000-0000000000aa';

function withAlignment(): ReturnType<typeof trajectoryInput> {
  const input = trajectoryInput();
  const frag = (id: string, author: string, inSec: number, outSec: number, themes: string[]) => ({
    id,
    author,
    recordingId: R,
    inSec,
    outSec,
    themes,
    valence: 'positive' as const,
  });
  // "Jan" is a listed name in the fixtures: as a researcher's name it must not reach the report either.
  const summary = alignmentSummary({
    fragments: [frag('a', 'Anna', 0, 10, ['authenticity']), frag('b', 'Jan', 2, 10, ['authenticity']), frag('c', 'Jan', 50, 60, [])],
    notes: [],
    recordings: [{ id: R, durationSec: 100 }],
    decisions: [{ id: 'd', sourceIds: ['a', 'b'], action: 'combine', resultId: 'j' }],
    threshold: 0.3,
    themeIds: ['authenticity'],
  });
  return { ...input, cycles: input.cycles.map((c) => (c.cycle.id === CYCLE_1 ? { ...c, alignment: summary } : c)) };
}

const report = (includeAlignment?: boolean): ReportDocument =>
  buildReport(withAlignment(), { lang: 'nl', scope: 'cycle', cycleId: CYCLE_1, pseudonyms: PSEUDONYMS, includeAlignment });

describe('the alignment in the report', () => {
  it('is left out unless asked for', () => {
    expect(JSON.stringify(report().blocks)).not.toContain('Afstemming van de analyse');
  });

  it('says how many items were aligned and shows the agreement table, pseudonymised', () => {
    const blocks = report(true).blocks;
    const at = blocks.findIndex((b) => b.type === 'heading' && b.text === 'Afstemming van de analyse');
    expect(at).toBeGreaterThan(0);
    const summary = blocks[at + 1];
    expect(summary).toMatchObject({ type: 'paragraph' });
    const text = JSON.stringify(blocks.slice(at, at + 4));
    expect(text).toContain('stemden daarna 1 van de 2 items af');
    expect(text).not.toContain('Jan');
    const table = blocks[at + 3];
    expect(table).toMatchObject({ type: 'table', caption: 'Overeenstemming per thema' });
    if (table?.type !== 'table') throw new Error('no table');
    expect(table.header[2]).toBe('Cohens kappa');
    // Echtheid: Anna 0-10, Jan 2-10 of 100 s: both 8, Anna only 2, none 90: po = .98,
    // pe = .1*.08 + .9*.92 = .836, kappa = .144/.164 = 0.88.
    expect(table.rows.find((r) => r[0] === 'Echtheid')).toEqual(['Echtheid', '98%', '0.88', 'bijna volledig', '100%', '1 + 1', 'Weinig fragmenten: zegt nog weinig.']);
  });
});
