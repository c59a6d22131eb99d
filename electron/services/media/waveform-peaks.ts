// Turns a stream of raw mono s16le PCM (see waveform-args.ts) into one peak per bucket: the
// loudest absolute sample in each 1/bucketsPerSec of a second, scaled to 0..255. Chunks may split
// a sample between them (an odd byte is carried over). Memory is the peaks only: one byte per
// bucket (360 kB for an hour at 100 buckets per second). Pure.

export class WaveformPeaks {
  private peaks: Uint8Array;
  private count = 0;
  private bucketMax = 0;
  private inBucket = 0;
  private carry = -1;
  private samples = 0;
  private readonly samplesPerBucket: number;

  /**
   * @param samplesPerBucket PCM samples per peak (sample rate / buckets per second), at least 1.
   * @param expectedBuckets  a size hint (e.g. from the probed duration); the buffer grows if needed.
   */
  constructor(samplesPerBucket: number, expectedBuckets = 0) {
    this.samplesPerBucket = Math.max(1, Math.floor(samplesPerBucket));
    this.peaks = new Uint8Array(Math.max(16, Math.ceil(expectedBuckets) + 1));
  }

  /** PCM samples seen so far (for progress: samples / sample rate = seconds decoded). */
  get samplesSeen(): number {
    return this.samples;
  }

  push(chunk: Uint8Array): void {
    let i = 0;
    const n = chunk.length;
    if (n === 0) return;
    if (this.carry >= 0) {
      this.addSample(((this.carry | (chunk[0]! << 8)) << 16) >> 16);
      this.carry = -1;
      i = 1;
    }
    // Local copies: this loop runs 28.8 million times per media hour.
    let max = this.bucketMax;
    let inBucket = this.inBucket;
    const per = this.samplesPerBucket;
    let samples = 0;
    for (; i + 1 < n; i += 2) {
      let s = ((chunk[i]! | (chunk[i + 1]! << 8)) << 16) >> 16;
      if (s < 0) s = -s;
      if (s > max) max = s;
      samples++;
      if (++inBucket === per) {
        this.append(max);
        max = 0;
        inBucket = 0;
      }
    }
    this.bucketMax = max;
    this.inBucket = inBucket;
    this.samples += samples;
    if (i < n) this.carry = chunk[i]!;
  }

  /** The peaks, including a last partial bucket. The accumulator should not be used afterwards. */
  finish(): Uint8Array {
    if (this.inBucket > 0) {
      this.append(this.bucketMax);
      this.bucketMax = 0;
      this.inBucket = 0;
    }
    return this.peaks.slice(0, this.count);
  }

  private addSample(value: number): void {
    const s = value < 0 ? -value : value;
    if (s > this.bucketMax) this.bucketMax = s;
    this.samples++;
    if (++this.inBucket === this.samplesPerBucket) {
      this.append(this.bucketMax);
      this.bucketMax = 0;
      this.inBucket = 0;
    }
  }

  private append(absMax: number): void {
    if (this.count === this.peaks.length) {
      const grown = new Uint8Array(this.peaks.length * 2);
      grown.set(this.peaks);
      this.peaks = grown;
    }
    this.peaks[this.count++] = peakByte(absMax);
  }
}

/** |sample| 0..32768 to 0..255, rounding up so that any sound at all shows as at least 1. */
export function peakByte(absSample: number): number {
  if (absSample <= 0) return 0;
  return Math.min(255, Math.ceil((absSample * 255) / 32768));
}
