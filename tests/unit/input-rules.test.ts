// Numbers a person can't type get a clear answer wherever a time is accepted: the shared rules
// (contract, store, archive importer), and the timecode reader.
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { Seconds } from '../../shared/input-rules';
import { formatTimecode, MAX_SECONDS, parseTimecode, parseTimeRange } from '../../shared/timecode';

describe('times a person can type', () => {
  it.each([
    [1e308, /at most 360000 seconds/],
    [Number.POSITIVE_INFINITY, /number/],
    [Number.NaN, /./],
    [-1, /negative/],
  ])('refuses %s with a clear message', (value, message) => {
    const result = Seconds.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(message);
    expect(result.error?.issues[0]?.message).not.toMatch(/Infinity:|NaN/);
  });

  it('accepts every time up to 100 hours', () => {
    for (const value of [0, 0.001, 371.5, MAX_SECONDS]) expect(Seconds.parse(value)).toBe(value);
  });

  it('guards every time field of the page’s requests', () => {
    const note = contract['notes.create'].request.safeParse({
      recordingId: '2b7c3a0e-3f0e-4c8e-9a55-0c9d3f1f8e11',
      timeSec: 1e308,
      kind: 'observation',
      text: 'x',
    });
    expect(note.success).toBe(false);
    const fragment = contract['fragments.update'].request.safeParse({ id: '2b7c3a0e-3f0e-4c8e-9a55-0c9d3f1f8e11', patch: { outSec: 1e308 } });
    expect(fragment.success).toBe(false);
  });

  it('reads no timecode past 100 hours, and formats what it reads back', () => {
    expect(parseTimecode('9'.repeat(400))).toBeNull();
    expect(parseTimecode('99999999:00')).toBeNull();
    expect(parseTimecode('100:00:00')).toBe(MAX_SECONDS);
    expect(parseTimecode('100:00:01')).toBeNull();
    expect(parseTimeRange('minuut 1-99999999')).toBeNull();
    expect(formatTimecode(1e308)).not.toMatch(/Infinity|NaN/);
    expect(formatTimecode(Number.NaN)).toBe('0:00');
  });
});
