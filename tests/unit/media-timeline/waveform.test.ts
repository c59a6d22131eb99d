import { describe, expect, it } from 'vitest';
import { buildWaveformArgs, WAVEFORM_BUCKETS_PER_SEC, WAVEFORM_SAMPLE_RATE } from '../../../electron/services/media/waveform-args';
import { peakByte, WaveformPeaks } from '../../../electron/services/media/waveform-peaks';

/** s16le bytes of the given samples. */
function pcm(samples: number[]): Uint8Array {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  samples.forEach((s, i) => view.setInt16(i * 2, s, true));
  return bytes;
}

describe('buildWaveformArgs', () => {
  it('decodes the first audio stream alone to low-rate mono PCM on stdout', () => {
    const args = buildWaveformArgs('/rec/a b.mp4');
    expect(args).toContain('-vn');
    expect(args.slice(args.indexOf('-i'), args.indexOf('-i') + 2)).toEqual(['-i', '/rec/a b.mp4']);
    expect(args.slice(args.indexOf('-map'), args.indexOf('-map') + 2)).toEqual(['-map', '0:a:0']);
    expect(args.slice(args.indexOf('-ac'), args.indexOf('-ac') + 2)).toEqual(['-ac', '1']);
    expect(args.slice(args.indexOf('-ar'), args.indexOf('-ar') + 2)).toEqual(['-ar', String(WAVEFORM_SAMPLE_RATE)]);
    expect(args.slice(-3)).toEqual(['-f', 's16le', 'pipe:1']);
    expect(WAVEFORM_SAMPLE_RATE % WAVEFORM_BUCKETS_PER_SEC).toBe(0);
  });
});

describe('WaveformPeaks', () => {
  it('takes the loudest absolute sample per bucket, scaled to 0..255', () => {
    const peaks = new WaveformPeaks(4);
    peaks.push(pcm([0, 100, -200, 50, /* */ 32767, 0, 0, 0, /* */ -32768, 1, 1, 1, /* */ 0, 0]));
    expect(Array.from(peaks.finish())).toEqual([peakByte(200), 255, 255, 0]);
    expect(peakByte(200)).toBe(2);
    expect(peakByte(1)).toBe(1); // any sound shows
    expect(peakByte(0)).toBe(0);
    expect(peakByte(16384)).toBe(128);
  });

  it('gives the same peaks however the stream is cut into chunks, odd byte counts included', () => {
    const samples = Array.from({ length: 1001 }, (_, i) => Math.round(Math.sin(i / 7) * 20000 * (i % 50 === 0 ? 1 : 0.3)));
    const bytes = pcm(samples);
    const whole = new WaveformPeaks(10);
    whole.push(bytes);
    const expected = Array.from(whole.finish());
    for (const size of [1, 3, 7, 64, 333]) {
      const chunked = new WaveformPeaks(10, 5);
      for (let i = 0; i < bytes.length; i += size) chunked.push(bytes.subarray(i, i + size));
      expect(Array.from(chunked.finish()), `chunks of ${size}`).toEqual(expected);
      expect(chunked.samplesSeen).toBe(1001);
    }
    expect(expected).toHaveLength(101);
  });

  it('grows past its size hint and counts samples for progress', () => {
    const peaks = new WaveformPeaks(2, 1);
    peaks.push(pcm(new Array(200).fill(1000)));
    expect(peaks.samplesSeen).toBe(200);
    const result = peaks.finish();
    expect(result).toHaveLength(100);
    expect(new Set(result)).toEqual(new Set([peakByte(1000)]));
  });
});
