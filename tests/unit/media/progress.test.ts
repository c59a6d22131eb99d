import { describe, expect, it } from 'vitest';
import { parseProgressChunk } from '../../../electron/services/media/progress';

const block = (us: number, progress = 'continue') =>
  [
    'frame=250',
    'fps=110.5',
    'bitrate= 955.7kbits/s',
    `out_time_us=${us}`,
    `out_time_ms=${us}`,
    `out_time=00:00:${(us / 1e6).toFixed(6).padStart(9, '0')}`,
    'speed=4.4x',
    `progress=${progress}`,
    '',
  ].join('\n');

describe('parseProgressChunk', () => {
  it('gives the fraction of the duration reached', () => {
    expect(parseProgressChunk(block(10_000_000), 20)).toBeCloseTo(0.5);
  });

  it('uses the latest value when a chunk holds several blocks', () => {
    expect(parseProgressChunk(block(2_000_000) + block(15_000_000), 20)).toBeCloseTo(0.75);
  });

  it('reads the 2018 ffmpeg, which writes out_time_ms (in microseconds) and out_time only', () => {
    expect(parseProgressChunk('out_time_ms=5000000\nprogress=continue\n', 10)).toBeCloseTo(0.5);
    expect(parseProgressChunk('out_time=00:01:30.500000\n', 181)).toBeCloseTo(0.5);
    expect(parseProgressChunk('out_time=01:00:00.000000\n', 7200)).toBeCloseTo(0.5);
  });

  it('says 1 at progress=end', () => {
    expect(parseProgressChunk(block(19_900_000, 'end'), 20)).toBe(1);
    expect(parseProgressChunk('progress=end\n', 0)).toBe(1);
  });

  it('never goes past 1 when ffmpeg runs a little past the probed duration', () => {
    expect(parseProgressChunk(block(20_050_000), 20)).toBe(1);
  });

  it('returns null when there is nothing to go on', () => {
    expect(parseProgressChunk('', 20)).toBeNull();
    expect(parseProgressChunk('frame=1\nfps=0.0\n', 20)).toBeNull();
    expect(parseProgressChunk('out_time_us=N/A\nout_time_ms=N/A\nout_time=N/A\n', 20)).toBeNull();
    expect(parseProgressChunk('out_time_us=-9223372036854775807\nout_time=-577014:32:22.775808\n', 20)).toBeNull();
    expect(parseProgressChunk(block(10_000_000), 0)).toBeNull();
    expect(parseProgressChunk(block(10_000_000), Number.NaN)).toBeNull();
  });

  it('copes with Windows line endings', () => {
    expect(parseProgressChunk('out_time_us=5000000\r\nprogress=continue\r\n', 10)).toBeCloseTo(0.5);
  });
});
