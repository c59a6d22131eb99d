import { describe, expect, it } from 'vitest';
import { formatTimecode, formatTimeRange, parseTimecode, parseTimeRange } from '../../shared/timecode';

describe('parseTimecode', () => {
  it.each<[string, number]>([
    // minutes and seconds, both separators
    ['6:11', 371],
    ['06.11', 371],
    ['06:11', 371],
    ['0:00', 0],
    ['0.05', 5],
    ['75:00', 4500], // the leading field is unbounded
    ['6.30', 390],
    // hours, minutes, seconds
    ['1:02:03', 3723],
    ['1.02.03', 3723],
    ['01:00:00', 3600],
    ['12:59:59', 46799],
    // fractions after the last field with a different separator
    ['6:11.5', 371.5],
    ['6:11,5', 371.5],
    ['6:11,250', 371.25],
    ['06.11,5', 371.5],
    ['1:02:03.04', 3723.04],
    ['1.02.03,5', 3723.5],
    ['1:02.03', 62.03], // '.' after ':' fields is a fraction, not an hours field
    // plain seconds
    ['75', 75],
    ['0', 0],
    ['75,5', 75.5],
    ['75s', 75],
    ['75.5s', 75.5],
    ['75,5 s', 75.5],
    ['75 S', 75],
    // whitespace
    ['  6:11  ', 371],
    ['6 : 11', 371],
    ['\t06.11\n', 371],
  ])('%j -> %d', (text, seconds) => {
    expect(parseTimecode(text)).toBeCloseTo(seconds, 9);
  });

  it.each([
    '',
    '   ',
    'abc',
    '6:',
    ':11',
    '6:1', // fields after the first are two digits
    '6:111',
    '6:60', // seconds < 60 when there are minutes
    '1:60:00', // minutes < 60 when there are hours
    '1:2:3',
    '1:02:03:04',
    '06.11.5', // '.' fields can't take a '.' fraction: the fraction separator must differ
    '1.02:03', // mixed field separators
    '1:02.03.04',
    '75.5', // a dot after a bare number is a minute separator, and "5" is not a seconds field
    '-6:11',
    '6:11.',
    '6:11,',
    '6 11',
    '6:11 uur',
    '6:11s', // the unit belongs to the plain-seconds form only
  ])('%j is not a timecode', (text) => {
    expect(parseTimecode(text)).toBeNull();
  });
});

describe('formatTimecode', () => {
  it.each<[number, Parameters<typeof formatTimecode>[1], string]>([
    [0, undefined, '0:00'],
    [5, undefined, '0:05'],
    [371, undefined, '6:11'],
    [371.9, undefined, '6:11'], // floor, not round
    [599.999, undefined, '9:59'],
    [3599.99, undefined, '59:59'],
    [3600, undefined, '1:00:00'],
    [3723, undefined, '1:02:03'],
    [36000, undefined, '10:00:00'],
    [371.5, { fractionDigits: 1 }, '6:11.5'],
    [371.25, { fractionDigits: 2 }, '6:11.25'],
    [371.3, { fractionDigits: 1 }, '6:11.3'], // float noise doesn't floor to .2
    [371.0999, { fractionDigits: 1 }, '6:11.0'],
    [371.123456, { fractionDigits: 3 }, '6:11.123'],
    [371.05, { fractionDigits: 3 }, '6:11.050'],
    [371, { separator: '.' }, '6.11'],
    [3723, { separator: '.' }, '1.02.03'],
    [371.5, { separator: '.', fractionDigits: 1 }, '6.11,5'],
    [-3, undefined, '0:00'],
    [Number.NaN, undefined, '0:00'],
    [Number.POSITIVE_INFINITY, undefined, '0:00'],
  ])('%d with %j -> %s', (sec, opts, text) => {
    expect(formatTimecode(sec, opts)).toBe(text);
  });

  it('round-trips through parseTimecode', () => {
    for (const sec of [0, 1, 59, 60, 371, 3599, 3600, 3723, 45296]) {
      for (const separator of [':', '.'] as const) {
        expect(parseTimecode(formatTimecode(sec, { separator }))).toBe(sec);
      }
    }
    for (const sec of [0.5, 371.25, 3723.125]) {
      for (const separator of [':', '.'] as const) {
        expect(parseTimecode(formatTimecode(sec, { separator, fractionDigits: 3 }))).toBeCloseTo(sec, 9);
      }
    }
  });
});

describe('parseTimeRange', () => {
  it.each<[string, number, number]>([
    ['6:00 - 6:30', 360, 390],
    ['6:00-6:30', 360, 390],
    ['6:00–6:30', 360, 390],
    ['6:00 – 6:30', 360, 390],
    ['6:00 — 6:30', 360, 390],
    ['6.00 tot 6.30', 360, 390],
    ['6.00 TOT 6.30', 360, 390],
    ['van 6.00 tot 6.30', 360, 390],
    ['from 6:00 to 6:30', 360, 390],
    ['6.00 t/m 6.30', 360, 390],
    ['minuut 11-14', 660, 840],
    ['Minuut 11 - 14', 660, 840],
    ['minuten 11-14', 660, 840],
    ['min 11-14', 660, 840],
    ['11-14 min', 660, 840],
    ['11-14 min.', 660, 840],
    ['11–14 minuten', 660, 840],
    ['minutes 11-14', 660, 840],
    ['minuut 6.30-7', 390, 420], // a clock time stays a clock time; a bare number is minutes
    ['75-90', 75, 90], // without a minute word, bare numbers are seconds
    ['59:58 - 1:00:02', 3598, 3602],
    ['6:11.5 - 6:12,25', 371.5, 372.25],
    ['  6:00   -   6:30  ', 360, 390],
  ])('%j -> %d..%d', (text, inSec, outSec) => {
    expect(parseTimeRange(text)).toEqual({ inSec, outSec });
  });

  it.each([
    '',
    '6:00',
    '6:30 - 6:00', // out before in
    '6:00 - 6:00', // empty range
    'minuut 14-11',
    '6:00 - ',
    '- 6:30',
    '6:00 - abc',
    '6:60 - 7:00',
    '6:00 tot',
    '6:00tot6:30', // words need spaces around them
  ])('%j is not a range', (text) => {
    expect(parseTimeRange(text)).toBeNull();
  });
});

describe('formatTimeRange', () => {
  it('uses an en dash with spaces', () => {
    expect(formatTimeRange(360, 390)).toBe('6:00 – 6:30');
    expect(formatTimeRange(3590, 3630)).toBe('59:50 – 1:00:30');
    expect(formatTimeRange(360, 390.5, { fractionDigits: 1 })).toBe('6:00.0 – 6:30.5');
  });

  it('round-trips through parseTimeRange', () => {
    expect(parseTimeRange(formatTimeRange(660, 840))).toEqual({ inSec: 660, outSec: 840 });
  });
});
