import { describe, expect, it } from 'vitest';
import { datePattern, formatDate, formatDateTime, parseDate, todayIso } from '../../shared/calendar-date';

const iso = (text: string, lang: 'nl' | 'en' = 'nl') => {
  const result = parseDate(text, lang);
  return result.ok ? result.iso : result.reason;
};

describe('dates as people write them', () => {
  it('shows a stored date day first: dd-mm-jjjj in Dutch, dd/mm/yyyy in English', () => {
    expect(formatDate('2025-03-10', 'nl')).toBe('10-03-2025');
    expect(formatDate('2025-03-10', 'en')).toBe('10/03/2025');
    expect(datePattern('nl')).toBe('dd-mm-jjjj');
    expect(datePattern('en')).toBe('dd/mm/yyyy');
    // Something that is not a stored date is shown as it is, not hidden or mangled.
    expect(formatDate('maart', 'nl')).toBe('maart');
  });

  it('reads the ways a Dutch researcher types a date', () => {
    for (const text of ['10-03-2025', '10-3-2025', '10/3/2025', '10.03.2025', '10 3 2025', ' 10 - 03 - 2025 ', '10032025', '10-3-25']) {
      expect(iso(text), text).toBe('2025-03-10');
    }
    expect(iso('2025-03-10')).toBe('2025-03-10');
    expect(iso('10 maart 2025')).toBe('2025-03-10');
    expect(iso('10 mrt. 2025')).toBe('2025-03-10');
    expect(iso('1 Oktober 2024')).toBe('2024-10-01');
    expect(iso('10 March 2025', 'en')).toBe('2025-03-10');
    expect(iso('10/03/2025', 'en')).toBe('2025-03-10');
  });

  it('reads day first whatever the language: 03-10-2025 is the 3rd of October', () => {
    expect(iso('03-10-2025', 'nl')).toBe('2025-10-03');
    expect(iso('03/10/2025', 'en')).toBe('2025-10-03');
  });

  it('empty is no date', () => {
    expect(parseDate('', 'nl')).toEqual({ ok: true, iso: null });
    expect(parseDate('   ', 'en')).toEqual({ ok: true, iso: null });
  });

  it('refuses dates that do not exist, with the reason', () => {
    expect(iso('31-02-2025')).toBe('no-such-date');
    expect(iso('29-02-2025')).toBe('no-such-date');
    expect(iso('29-02-2024')).toBe('2024-02-29');
    expect(iso('29-02-1900')).toBe('no-such-date'); // not a leap year
    expect(iso('00-03-2025')).toBe('no-such-date');
    expect(iso('10-13-2025')).toBe('no-such-date');
    expect(iso('2025-02-30')).toBe('no-such-date');
    expect(iso('10-03-0202')).toBe('out-of-range');
    expect(iso('10-03-1899')).toBe('out-of-range');
  });

  it('refuses text that is not a date', () => {
    for (const text of ['gisteren', '10-03', '2025', '10-03-20255', '10--03-2025', '10 maartje 2025', '١٠-٠٣-٢٠٢٥', '10-03-2025; DROP', '1e3-1-2025']) {
      expect(iso(text), text).toBe('format');
    }
    // A month name of the other language is not guessed at.
    expect(iso('10 mrt 2025', 'en')).toBe('format');
  });

  it('today in local time', () => {
    expect(todayIso(new Date(2025, 2, 10, 23, 59))).toBe('2025-03-10');
    expect(todayIso(new Date(2025, 0, 1, 0, 0))).toBe('2025-01-01');
  });

  it('moments day first with a 24-hour time, in local time, whatever the locale', () => {
    const moment = new Date(2026, 10, 9, 15, 6).toISOString();
    expect(formatDateTime(moment, 'nl')).toBe('09-11-2026 15:06');
    expect(formatDateTime(moment, 'en')).toBe('09/11/2026 15:06');
    expect(formatDateTime('kapot', 'nl')).toBe('kapot');
  });
});
