// Computes a recording's waveform: ffmpeg decodes the audio stream alone to low-rate mono PCM on
// stdout, and the peaks are taken from it as it streams (never the whole decode in memory).
import type { MediaBinaries } from './binaries';
import { BACKGROUND_NICENESS, runFfmpeg } from './ffmpeg-runner';
import { buildWaveformArgs, WAVEFORM_BUCKETS_PER_SEC, WAVEFORM_SAMPLE_RATE } from './waveform-args';
import { WaveformPeaks } from './waveform-peaks';

export interface Waveform {
  bucketsPerSec: number;
  /** One peak per bucket, 0..255. */
  peaks: Uint8Array;
}

export interface ComputeWaveformOptions {
  input: string;
  /** The probed duration, for progress and to size the buffer. */
  durationSec: number;
  signal?: AbortSignal;
  /** 0..1 as the audio is decoded. */
  onProgress?: (fraction: number) => void;
}

const PROGRESS_EVERY_SAMPLES = WAVEFORM_SAMPLE_RATE * 30;

export async function computeWaveform(bin: MediaBinaries, opts: ComputeWaveformOptions): Promise<Waveform> {
  const { input, durationSec, signal, onProgress } = opts;
  const samplesPerBucket = WAVEFORM_SAMPLE_RATE / WAVEFORM_BUCKETS_PER_SEC;
  const peaks = new WaveformPeaks(samplesPerBucket, durationSec * WAVEFORM_BUCKETS_PER_SEC);
  const totalSamples = durationSec * WAVEFORM_SAMPLE_RATE;
  let nextReport = PROGRESS_EVERY_SAMPLES;
  await runFfmpeg(bin, buildWaveformArgs(input), {
    signal,
    niceness: BACKGROUND_NICENESS,
    onStdout: (chunk) => {
      peaks.push(chunk);
      if (onProgress && totalSamples > 0 && peaks.samplesSeen >= nextReport) {
        nextReport = peaks.samplesSeen + PROGRESS_EVERY_SAMPLES;
        onProgress(Math.min(0.999, peaks.samplesSeen / totalSamples));
      }
    },
  });
  onProgress?.(1);
  return { bucketsPerSec: WAVEFORM_BUCKETS_PER_SEC, peaks: peaks.finish() };
}
