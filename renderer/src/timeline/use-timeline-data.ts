// Loads what the timeline shows besides notes and fragments for the recording on screen: its
// waveform (fetched as bytes from a cached file) and thumbnail strip, computed in the background by
// the backend. Follows progress through 'recording.timeline' events and loads the data when it is
// done. Data of recordings seen before is kept, so switching back shows it at once.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TimelineData as TimelineResponse, TimelineState } from '../../../shared/contract';
import type { Recording } from '../../../shared/domain';
import { call, onAppEvent } from '../api';
import type { Thumbnail, WaveformData } from './timeline-data';

export interface TimelineView {
  state: TimelineState | 'loading';
  progress: number;
  error: string | null;
  waveform: WaveformData | null;
  thumbnails: Thumbnail[];
  keyframeIntervalSec: number | null;
}

const EMPTY: TimelineView = {
  state: 'loading',
  progress: 0,
  error: null,
  waveform: null,
  thumbnails: [],
  keyframeIntervalSec: null,
};

/** Finished data by recording id (a few hundred kB each at most). */
const loaded = new Map<string, TimelineView>();
const LOADED_LIMIT = 8;

function remember(recordingId: string, view: TimelineView): void {
  loaded.delete(recordingId);
  loaded.set(recordingId, view);
  while (loaded.size > LOADED_LIMIT) loaded.delete(loaded.keys().next().value!);
}

const MAX_GAIN = 8;

/**
 * Peaks scaled so the loudest part of the recording fills the row: a quiet recording still shows
 * its shape. (The 99.9th percentile, so one click doesn't flatten the rest.)
 */
export function normalisePeaks(peaks: Uint8Array): Uint8Array {
  if (peaks.length === 0) return peaks;
  const histogram = new Uint32Array(256);
  for (const p of peaks) histogram[p]!++;
  let seen = 0;
  let reference = 255;
  const skip = Math.floor(peaks.length * 0.001);
  for (let v = 255; v > 0; v--) {
    seen += histogram[v]!;
    if (seen > skip) {
      reference = v;
      break;
    }
  }
  if (seen === 0 || reference >= 255) return peaks;
  // At most 8x (18 dB): a quiet recording fills most of the row, near-silence stays small.
  const gain = Math.min(MAX_GAIN, 255 / reference);
  const out = new Uint8Array(peaks.length);
  for (let i = 0; i < peaks.length; i++) out[i] = Math.min(255, Math.round(peaks[i]! * gain));
  return out;
}

async function fetchView(recordingId: string, data: TimelineResponse, signal: AbortSignal): Promise<TimelineView> {
  let waveform: WaveformData | null = null;
  if (data.state === 'done' && data.waveform) {
    const response = await fetch(data.waveform.url, { signal });
    if (!response.ok) throw new Error(`waveform: HTTP ${response.status}`);
    waveform = { bucketsPerSec: data.waveform.bucketsPerSec, peaks: normalisePeaks(new Uint8Array(await response.arrayBuffer())) };
  }
  const view: TimelineView = {
    state: data.state,
    progress: data.progress,
    error: data.error,
    waveform,
    thumbnails: data.thumbnails,
    keyframeIntervalSec: data.keyframeIntervalSec,
  };
  if (data.state === 'done') remember(recordingId, view);
  return view;
}

export interface TimelineData extends TimelineView {
  /** Stops computing (the status line's Cancel). */
  cancel(): void;
  /** Computes again after a failure or a cancel. */
  retry(): void;
}

export function useTimelineData(recording: Pick<Recording, 'id'> | null): TimelineData {
  const recordingId = recording?.id ?? null;
  const [view, setView] = useState<TimelineView>(() => (recordingId && loaded.get(recordingId)) || EMPTY);
  const [retryOf, setRetryOf] = useState<{ recordingId: string; n: number } | null>(null);

  useEffect(() => {
    if (!recordingId) {
      setView(EMPTY);
      return;
    }
    const cached = loaded.get(recordingId);
    setView(cached ?? EMPTY);
    const controller = new AbortController();
    // One request at a time; a 'done' event during a request asks for one more after it.
    let loading = false;
    let again = false;
    const load = (retry = false) => {
      if (loading) {
        again = true;
        return;
      }
      loading = true;
      call('media.timelineData', { recordingId, ...(retry ? { retry } : {}) })
        .then((data) => fetchView(recordingId, data, controller.signal))
        .then((next) => !controller.signal.aborted && setView(next))
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          console.error('[vkz] timeline data', error);
          setView((v) => ({ ...v, state: 'failed', error: error instanceof Error ? error.message : String(error) }));
        })
        .finally(() => {
          loading = false;
          if (again && !controller.signal.aborted) {
            again = false;
            load();
          }
        });
    };
    if (retryOf?.recordingId === recordingId) load(true);
    else if (!cached) load();
    const unsubscribe = onAppEvent((event) => {
      if (event.type !== 'recording.timeline' || event.recordingId !== recordingId) return;
      if (event.state === 'done') {
        loaded.delete(recordingId);
        load();
        return;
      }
      setView((v) => ({
        ...v,
        state: event.state,
        progress: event.progress,
        keyframeIntervalSec: event.keyframeIntervalSec,
      }));
    });
    return () => {
      controller.abort();
      unsubscribe();
    };
  }, [recordingId, retryOf]);

  const cancel = useCallback(() => {
    if (recordingId) void call('media.cancelTimeline', { recordingId }).catch((error: unknown) => console.error('[vkz] cancel', error));
  }, [recordingId]);
  const retry = useCallback(() => {
    if (recordingId) setRetryOf((r) => ({ recordingId, n: (r?.n ?? 0) + 1 }));
  }, [recordingId]);
  return useMemo(() => ({ ...view, cancel, retry }), [view, cancel, retry]);
}
