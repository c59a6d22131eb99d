import { describe, expect, it } from 'vitest';
import type { Recording } from '../../../shared/domain';
import {
  canHaveScrubProxy,
  LONG_KEYFRAME_INTERVAL_SEC,
  median,
  scrubSuggestion,
  SLOW_SEEK_MS,
} from '../../../renderer/src/timeline/scrub-suggestion';
import { normalisePeaks } from '../../../renderer/src/timeline/use-timeline-data';

const playable: Pick<Recording, 'proxyReason' | 'proxyState' | 'missing' | 'media' | 'mediaUrl'> = {
  proxyReason: null,
  proxyState: 'not-needed',
  missing: false,
  mediaUrl: '/media/x?v=original',
  media: {
    durationSec: 3600,
    formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
    sizeBytes: 1,
    video: { codec: 'h264', profile: 'High', width: 1920, height: 1080, pixFmt: 'yuv420p', fps: 25, variableFrameRate: false },
    audio: { codec: 'aac', channels: 2, sampleRate: 48000 },
  },
};

describe('scrub proxy suggestion', () => {
  it('is only for a playable original with video and no proxy', () => {
    expect(canHaveScrubProxy(playable)).toBe(true);
    expect(canHaveScrubProxy({ ...playable, proxyReason: 'video codec hevc is not playable in the app' })).toBe(false);
    expect(canHaveScrubProxy({ ...playable, proxyState: 'done' })).toBe(false);
    expect(canHaveScrubProxy({ ...playable, proxyState: 'running' })).toBe(false);
    expect(canHaveScrubProxy({ ...playable, missing: true })).toBe(false);
    expect(canHaveScrubProxy({ ...playable, media: { ...playable.media, video: null } })).toBe(false);
  });

  it('is suggested at once when keyframes are far apart', () => {
    expect(scrubSuggestion({ eligible: true, keyframeIntervalSec: 10, seekLatenciesMs: [] })).toBe('long-keyframe-interval');
    expect(scrubSuggestion({ eligible: true, keyframeIntervalSec: LONG_KEYFRAME_INTERVAL_SEC, seekLatenciesMs: [] })).toBeNull();
    expect(scrubSuggestion({ eligible: true, keyframeIntervalSec: 1, seekLatenciesMs: [] })).toBeNull();
    expect(scrubSuggestion({ eligible: false, keyframeIntervalSec: 10, seekLatenciesMs: [] })).toBeNull();
  });

  it('is suggested when the recent seeks are typically slow, not for one slow seek', () => {
    const slow = SLOW_SEEK_MS + 100;
    expect(scrubSuggestion({ eligible: true, keyframeIntervalSec: null, seekLatenciesMs: [slow, slow] })).toBeNull();
    expect(scrubSuggestion({ eligible: true, keyframeIntervalSec: null, seekLatenciesMs: [slow, slow, slow] })).toBe('slow-seeks');
    expect(scrubSuggestion({ eligible: true, keyframeIntervalSec: 1, seekLatenciesMs: [20, 900, 25, 30] })).toBeNull();
    // Only the last seven count: fast seeks after a slow start (e.g. the file was still loading).
    expect(scrubSuggestion({ eligible: true, keyframeIntervalSec: null, seekLatenciesMs: [slow, slow, slow, 20, 20, 20, 20, 20, 20, 20] })).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});

describe('normalisePeaks', () => {
  it('scales a quiet recording up (at most 8x) so it shows, ignoring a rare click', () => {
    const quiet = new Uint8Array(10_000).fill(40);
    quiet[5] = 255; // one click
    const scaled = normalisePeaks(quiet);
    expect(scaled[0]).toBe(255);
    expect(scaled[5]).toBe(255);
    expect(normalisePeaks(new Uint8Array(100).fill(20))[0]).toBe(160);
  });

  it('leaves a loud recording and silence alone', () => {
    const loud = Uint8Array.from([0, 128, 255, 255, 64]);
    expect(Array.from(normalisePeaks(loud))).toEqual([0, 128, 255, 255, 64]);
    expect(Array.from(normalisePeaks(new Uint8Array(5)))).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(normalisePeaks(Uint8Array.from([2, 3, 1])))).toEqual([16, 24, 8]); // near-silence stays small
  });
});
