import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/exchange/csv';
import { exportLogToCsv, pseudonymFingerprint, scopeLabel, type ExportLogEntry } from '../../../shared/privacy/export-log';
import { isPastRetention } from '../../../shared/privacy/forgetting';

const entry = (over: Partial<ExportLogEntry>): ExportLogEntry => ({
  id: 'e1',
  trajectoryId: 't1',
  exportedAt: '2026-11-29T10:00:00.000Z',
  author: 'Onderzoeker A',
  what: 'report',
  scope: 'cycle:2',
  format: 'pdf',
  destination: 'D:\\Rapporten\\rapport.pdf',
  pseudonymCount: 3,
  pseudonymFingerprint: 'a1b2c3d4',
  withheld: 2,
  ...over,
});

describe('export log as CSV', () => {
  it('writes one row per export, oldest first, in the language asked', () => {
    const csv = exportLogToCsv(
      [entry({ id: 'e2', exportedAt: '2026-11-29T11:00:00.000Z', what: 'archive-others', scope: 'trajectory', format: 'vkz', withheld: 1 }), entry({})],
      'nl',
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(csv)).toEqual([
      ['Wanneer', 'Door wie', 'Wat', 'Welk deel', 'Formaat', 'Waarheen', 'Pseudoniemenlijst', 'Weggelaten "niet delen"'],
      ['2026-11-29T10:00:00.000Z', 'Onderzoeker A', 'Rapport', 'cyclus 2', 'pdf', 'D:\\Rapporten\\rapport.pdf', '3 naam/namen, versie a1b2c3d4', '2'],
      ['2026-11-29T11:00:00.000Z', 'Onderzoeker A', 'Projectarchief voor anderen (gepseudonimiseerd)', 'het hele traject', 'vkz', 'D:\\Rapporten\\rapport.pdf', '3 naam/namen, versie a1b2c3d4', '1'],
    ]);
  });

  it('guards every cell against spreadsheet formulas', () => {
    const rows = parseCsv(exportLogToCsv([entry({ author: '=HYPERLINK("http://x")', destination: '+31 rapport.pdf' })], 'en'));
    expect(rows[1]?.[1]).toBe('\'=HYPERLINK("http://x")');
    expect(rows[1]?.[5]).toBe("'+31 rapport.pdf");
  });

  it('says which part in words', () => {
    expect(scopeLabel('cycle:2/video:1', 'nl')).toBe('cyclus 2 · video 1');
    expect(scopeLabel('cycle:3/fragments:4', 'en')).toBe('cycle 3 · 4 fragment(s)');
  });
});

describe('pseudonym list fingerprint', () => {
  it('is stable for the same list and differs when a name or replacement changes', () => {
    const list = [{ name: 'Jan', replacement: '[cliënt]' }];
    expect(pseudonymFingerprint(list)).toBe(pseudonymFingerprint([{ name: ' Jan ', replacement: '[cliënt]' }]));
    expect(pseudonymFingerprint(list)).not.toBe(pseudonymFingerprint([{ name: 'Jan', replacement: '[client]' }]));
    expect(pseudonymFingerprint(list)).toMatch(/^[0-9a-f]{8}$/);
    // The real names are not readable from it.
    expect(pseudonymFingerprint(list)).not.toContain('Jan');
  });
});

describe('retention date', () => {
  it('is past only after the day itself', () => {
    expect(isPastRetention('2026-11-28', '2026-11-29')).toBe(true);
    expect(isPastRetention('2026-11-29', '2026-11-29')).toBe(false);
    expect(isPastRetention(null, '2026-11-29')).toBe(false);
  });
});
