// What the timeline can show besides notes and fragments, computed once per recording by ffmpeg
// in the background (see electron/services/media): an audio envelope and keyframe thumbnails.

export interface WaveformData {
  /** Buckets per second of media. */
  bucketsPerSec: number;
  /** Peak amplitude per bucket, 0..255. */
  peaks: Uint8Array;
}

export interface Thumbnail {
  timeSec: number;
  url: string;
}
