// ffmpeg arguments for a recording's waveform: the first audio stream alone (`-vn`: no video is
// decoded), mixed to mono and resampled to a low rate, written as raw 16-bit PCM to stdout. The
// peaks are computed from that stream in Node as it arrives (waveform-peaks.ts), so the decoded
// audio is never held in memory. Pure.

/** Samples per second of the PCM ffmpeg writes: plenty for an envelope of speech, cheap to move. */
export const WAVEFORM_SAMPLE_RATE = 8000;
/** Peaks per second of media: 2.5 px per peak at the closest zoom (4 s across ~1000 px). */
export const WAVEFORM_BUCKETS_PER_SEC = 100;
/** Bytes per PCM sample (s16le). */
export const WAVEFORM_BYTES_PER_SAMPLE = 2;

export function buildWaveformArgs(input: string): string[] {
  return [
    '-hide_banner',
    '-nostdin',
    '-loglevel', 'error',
    '-nostats',
    '-i', input,
    '-map', '0:a:0',
    '-vn', '-sn', '-dn',
    '-ac', '1',
    '-ar', String(WAVEFORM_SAMPLE_RATE),
    '-c:a', 'pcm_s16le',
    '-f', 's16le',
    'pipe:1',
  ];
}
