// The timeline data of each recording: its waveform and thumbnail strip, computed once by ffmpeg
// in the background and cached on disk (media-cache.ts), and its estimated keyframe interval.
//
// - Jobs run on their own queue, one at a time, beside the proxy queue: a waveform and a strip
//   together take well under a minute per media hour, so they should not wait behind a proxy of
//   many minutes. The waveform's ffmpeg runs niced and the strip's decoder on one thread, so the
//   player and the proxy keep a core.
// - A recording whose timeline.json exists is done: reopening it (or restarting the app) shows the
//   data at once. The manifest is written last, after the files, so it never describes missing files.
// - The keyframe interval is probed right away (a fraction of a second, not queued), so the app can
//   suggest a scrub proxy before any seek.
// - Progress and state changes are reported through `onChange`; a failed part (say, audio that
//   doesn't decode) doesn't stop the other.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { MediaInfo } from '../../../shared/domain';
import type { MediaBinaries } from './binaries';
import { MediaError } from './errors';
import { JobQueue, type JobEvent } from './job-queue';
import { estimateKeyframeInterval } from './keyframes';
import {
  KEYFRAMES_FILE,
  recordingCacheDir,
  removeOrphanCaches,
  removeRecordingCache,
  resolveCachedFile,
  THUMBNAILS_DIR,
  TIMELINE_MANIFEST,
  WAVEFORM_FILE,
} from './media-cache';
import { thumbnailFileName, thumbnailTimeSec } from './thumbnail-args';
import { makeThumbnails } from './thumbnails';
import { computeWaveform } from './waveform';

export type TimelineState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'unavailable';

/** What to compute from: the recording's readable file (original, else its proxy) and what's in it. */
export interface TimelineSource {
  recordingId: string;
  cycleId: string;
  /** null when no file can be read (original missing, no proxy): state 'unavailable'. */
  input: string | null;
  media: MediaInfo;
}

/** Bump when the manifest's layout changes: older caches are then computed again, whole. */
export const TIMELINE_FORMAT_VERSION = 1;

/**
 * What each part is computed as: bump a part's version when its output changes, and caches made
 * before are made again for that part only (the other part is kept). Manifests written before
 * parts had versions count as version 1.
 * - thumbnails 2: in the shape the video is shown in (non-square pixels were squeezed).
 */
export const TIMELINE_PART_VERSIONS = { waveform: 1, thumbnails: 2 } as const;
type TimelinePart = keyof typeof TIMELINE_PART_VERSIONS;

export interface TimelineManifest {
  formatVersion: number;
  /** When computed (ms since epoch); also the version in the file URLs. */
  createdAt: number;
  /** `version`: TIMELINE_PART_VERSIONS when computed (absent in older manifests: 1). */
  waveform: { bucketsPerSec: number; count: number; version?: number } | null;
  thumbnails: { intervalSec: number; count: number; version?: number } | null;
  /** What could not be computed, for the UI's details (e.g. audio that doesn't decode). */
  problems: string[];
}

/**
 * What a timeline.json read back from disk may hold: anything may have changed the file, and its
 * counts size arrays (a count of 4e9 would take the main process down). Unknown fields are dropped.
 */
const ManifestOnDisk = z.object({
  formatVersion: z.literal(TIMELINE_FORMAT_VERSION),
  createdAt: z.number(),
  waveform: z
    .object({ bucketsPerSec: z.number().positive(), count: z.number().int().min(0).max(1e9), version: z.number().int().optional() })
    .nullable(),
  thumbnails: z
    .object({ intervalSec: z.number().positive(), count: z.number().int().min(0).max(1e6), version: z.number().int().optional() })
    .nullable(),
  problems: z.array(z.string()).catch([]),
});

export interface TimelineStatus {
  state: TimelineState;
  progress: number;
  error: string | null;
  manifest: TimelineManifest | null;
  /** Estimated keyframe interval of the input's video, or null (no video, not known yet). */
  keyframeIntervalSec: number | null;
}

/** The shape the page gets (contract 'media.timelineData'). */
export interface TimelineData {
  state: TimelineState;
  progress: number;
  error: string | null;
  waveform: { url: string; bucketsPerSec: number } | null;
  thumbnails: { timeSec: number; url: string }[];
  keyframeIntervalSec: number | null;
}

export interface TimelineServiceOptions {
  dataDir: string;
  binaries: () => Promise<MediaBinaries>;
  /** Called on every state change and (throttled) progress tick. */
  onChange: (source: TimelineSource, status: TimelineStatus) => void;
}

/** `/media/<id>/<file>?v=<version>`: served by app-request.ts from the recording's cache folder only. */
export function timelineFileUrl(recordingId: string, file: string, version: number): string {
  return `/media/${recordingId}/${file}?v=${version}`;
}

/** Pure: a status as the page sees it, with URLs for the cached files. */
export function toTimelineData(recordingId: string, status: TimelineStatus): TimelineData {
  const manifest = status.state === 'done' ? status.manifest : null;
  const version = manifest?.createdAt ?? 0;
  return {
    state: status.state,
    progress: status.progress,
    error: status.error,
    keyframeIntervalSec: status.keyframeIntervalSec,
    waveform: manifest?.waveform
      ? { url: timelineFileUrl(recordingId, WAVEFORM_FILE, version), bucketsPerSec: manifest.waveform.bucketsPerSec }
      : null,
    thumbnails: manifest?.thumbnails
      ? Array.from({ length: manifest.thumbnails.count }, (_, i) => ({
          timeSec: thumbnailTimeSec(i + 1, manifest.thumbnails!.intervalSec),
          url: timelineFileUrl(recordingId, `${THUMBNAILS_DIR}/${thumbnailFileName(i + 1)}`, version),
        }))
      : [],
  };
}

export class TimelineService {
  private readonly queue = new JobQueue({ concurrency: 1 });
  private readonly statuses = new Map<string, TimelineStatus>();
  private readonly sources = new Map<string, TimelineSource>();
  /** Running work per recording (status loads, jobs, keyframe probes), awaited by idle() and remove(). */
  private readonly pending = new Map<string, Set<Promise<unknown>>>();
  /** Recordings whose job the user cancelled (rather than removed or the app closing). */
  private readonly cancelled = new Set<string>();
  private closed = false;

  constructor(private readonly opts: TimelineServiceOptions) {
    this.queue.onEvent((event) => this.onJobEvent(event));
  }

  /**
   * The recording's timeline data, starting its computation when nothing is cached or under way.
   * A computation that failed or was cancelled stays so until asked again with `retry`.
   */
  async status(source: TimelineSource, opts: { retry?: boolean } = {}): Promise<TimelineStatus> {
    this.sources.set(source.recordingId, source);
    const known = this.statuses.get(source.recordingId);
    const stopped = known?.state === 'failed' || known?.state === 'cancelled';
    if (known && stopped && opts.retry) this.statuses.delete(source.recordingId);
    else if (known && known.state !== 'unavailable') return known;
    return this.track(source.recordingId, this.start(source));
  }

  /** Stops computing a recording's timeline data (the user cancelled); true when something was under way. */
  cancel(recordingId: string): boolean {
    const state = this.statuses.get(recordingId)?.state;
    if (state !== 'queued' && state !== 'running') return false;
    this.cancelled.add(recordingId);
    this.queue.cancel(recordingId);
    return true;
  }

  /** Starts computing in the background (after a recording was added); returns at once. */
  ensure(source: TimelineSource): void {
    void this.status(source).catch(() => undefined);
  }

  /** Resolves a page request for a cached file of a known recording to its path, or null. */
  resolveFile(recordingId: string, file: string): string | null {
    const filePath = resolveCachedFile(this.opts.dataDir, recordingId, file);
    return filePath && existsSync(filePath) ? filePath : null;
  }

  /** Stops the recording's work and deletes its cached data. */
  async remove(recordingId: string): Promise<void> {
    this.queue.cancel(recordingId);
    await this.settled(recordingId);
    this.statuses.delete(recordingId);
    this.sources.delete(recordingId);
    await removeRecordingCache(this.opts.dataDir, recordingId);
  }

  /** Forgets a recording's state (its file moved): the next status() looks again. */
  forget(recordingId: string): void {
    const status = this.statuses.get(recordingId);
    if (status && (status.state === 'failed' || status.state === 'unavailable')) this.statuses.delete(recordingId);
  }

  /** Deletes cached data of recordings that no longer exist. */
  async removeOrphans(exists: (recordingId: string) => boolean): Promise<void> {
    const removed = await removeOrphanCaches(this.opts.dataDir, (id) => exists(id) || this.pending.has(id));
    for (const id of removed) {
      this.queue.cancel(id);
      this.statuses.delete(id);
      this.sources.delete(id);
    }
  }

  /** Resolves when nothing is being computed (tests, the benchmark). */
  async idle(): Promise<void> {
    for (;;) {
      const all = [...this.pending.values()].flatMap((set) => [...set]);
      if (all.length === 0) {
        await this.queue.idle();
        if (this.pending.size === 0) return;
        continue;
      }
      await Promise.allSettled(all);
    }
  }

  close(): void {
    this.closed = true;
    for (const id of this.sources.keys()) this.queue.cancel(id);
  }

  private async start(source: TimelineSource): Promise<TimelineStatus> {
    const id = source.recordingId;
    const dir = recordingCacheDir(this.opts.dataDir, id);
    const [manifest, keyframes] = await Promise.all([readManifest(dir), readKeyframes(dir)]);
    // Another call may have started it while we read.
    const raced = this.statuses.get(id);
    if (raced && raced.state !== 'unavailable') return raced;

    if (!source.input || this.closed) {
      const keyframeIntervalSec = keyframes ?? null;
      const status: TimelineStatus = manifest
        ? { state: 'done', progress: 1, error: null, manifest, keyframeIntervalSec }
        : { state: 'unavailable', progress: 0, error: null, manifest: null, keyframeIntervalSec };
      this.statuses.set(id, status);
      return status;
    }
    if (keyframes === undefined && source.media.video) this.track(id, this.probeKeyframes(source, dir));
    const keyframeIntervalSec = keyframes ?? null;
    if (manifest && isPartCurrent(manifest, 'waveform') && isPartCurrent(manifest, 'thumbnails')) {
      const status: TimelineStatus = { state: 'done', progress: 1, error: null, manifest, keyframeIntervalSec };
      this.statuses.set(id, status);
      return status;
    }
    const status: TimelineStatus = { state: 'queued', progress: 0, error: null, manifest: null, keyframeIntervalSec };
    this.statuses.set(id, status);
    const input = source.input;
    // An outdated cache: what is still current in it is kept, the rest is computed again.
    const previous = manifest;
    this.queue.enqueue(id, (signal, onProgress) =>
      this.track(id, this.compute(source, input, dir, previous, signal, onProgress)),
    );
    return status;
  }

  private async compute(
    source: TimelineSource,
    input: string,
    dir: string,
    previous: TimelineManifest | null,
    signal: AbortSignal,
    onProgress: (fraction: number) => void,
  ): Promise<void> {
    const bin = await this.opts.binaries();
    const { media } = source;
    await mkdir(dir, { recursive: true });
    // An outdated manifest stays until the new one is written: an upgrade cut short (the app
    // closed, the job cancelled) then redoes only its outdated part next time, not the waveform.
    if (!previous) await rm(path.join(dir, TIMELINE_MANIFEST), { force: true });
    let waveform: TimelineManifest['waveform'] =
      previous?.waveform && isPartCurrent(previous, 'waveform') ? previous.waveform : null;
    // Progress: the waveform's share is its part of the expected work (audio decodes faster).
    const audioShare = media.audio && !waveform ? (media.video ? 0.4 : 1) : 0;
    const problems: string[] = [];
    const failures: unknown[] = [];

    if (media.audio && !waveform) {
      try {
        const result = await computeWaveform(bin, {
          input,
          durationSec: media.durationSec,
          signal,
          onProgress: (f) => onProgress(f * audioShare),
        });
        await writeAtomically(path.join(dir, WAVEFORM_FILE), result.peaks);
        waveform = { bucketsPerSec: result.bucketsPerSec, count: result.peaks.length, version: TIMELINE_PART_VERSIONS.waveform };
      } catch (error) {
        if (signal.aborted) throw error;
        failures.push(error);
        problems.push(`waveform: ${messageOf(error)}`);
      }
    }

    let thumbnails: TimelineManifest['thumbnails'] = null;
    if (media.video) {
      try {
        const strip = await makeThumbnails(bin, {
          input,
          outputDir: path.join(dir, THUMBNAILS_DIR),
          durationSec: media.durationSec,
          signal,
          onProgress: (f) => onProgress(audioShare + f * (1 - audioShare)),
        });
        thumbnails = { ...strip, version: TIMELINE_PART_VERSIONS.thumbnails };
      } catch (error) {
        if (signal.aborted) throw error;
        failures.push(error);
        problems.push(`thumbnails: ${messageOf(error)}`);
      }
    }

    if (signal.aborted) throw new MediaError('cancelled', 'Timeline data cancelled');
    if (!waveform && !thumbnails) {
      throw failures[0] ?? new MediaError('no-streams', 'The recording has neither audio nor video to show');
    }
    const manifest: TimelineManifest = {
      formatVersion: TIMELINE_FORMAT_VERSION,
      createdAt: Date.now(),
      waveform,
      thumbnails,
      problems,
    };
    await writeAtomically(path.join(dir, TIMELINE_MANIFEST), JSON.stringify(manifest));
    const current = this.statuses.get(source.recordingId);
    if (current) this.statuses.set(source.recordingId, { ...current, manifest });
  }

  private async probeKeyframes(source: TimelineSource, dir: string): Promise<void> {
    if (!source.input) return;
    let intervalSec: number | null = null;
    try {
      const bin = await this.opts.binaries();
      intervalSec = (await estimateKeyframeInterval(bin, source.input, source.media.durationSec)).intervalSec;
      await mkdir(dir, { recursive: true });
      await writeAtomically(path.join(dir, KEYFRAMES_FILE), JSON.stringify({ intervalSec }));
    } catch {
      return; // Not knowing only means no early suggestion; measured slow seeks still suggest one.
    }
    const status = this.statuses.get(source.recordingId);
    if (!status || this.closed) return;
    const next = { ...status, keyframeIntervalSec: intervalSec };
    this.statuses.set(source.recordingId, next);
    this.notify(source.recordingId, next);
  }

  private onJobEvent(event: JobEvent): void {
    const id = event.key;
    const status = this.statuses.get(id);
    if (!status) return;
    let next: TimelineStatus;
    switch (event.state) {
      case 'queued':
      case 'running':
        next = { ...status, state: event.state, progress: event.progress, error: null };
        break;
      case 'done':
        next = { ...status, state: 'done', progress: 1, error: null };
        break;
      case 'failed':
        next = { ...status, state: 'failed', progress: 0, error: event.error ?? 'failed', manifest: null };
        break;
      case 'cancelled':
        if (!this.cancelled.delete(id)) {
          // Removed, or the app is closing: nothing to show; the next status() starts again.
          this.statuses.delete(id);
          return;
        }
        next = { ...status, state: 'cancelled', progress: 0, error: null, manifest: null };
        break;
    }
    this.statuses.set(id, next);
    this.notify(id, next);
  }

  private notify(recordingId: string, status: TimelineStatus): void {
    const source = this.sources.get(recordingId);
    if (!source || this.closed) return;
    try {
      this.opts.onChange(source, status);
    } catch {
      // A failing listener must not break the queue.
    }
  }

  private track<T>(recordingId: string, promise: Promise<T>): Promise<T> {
    let set = this.pending.get(recordingId);
    if (!set) this.pending.set(recordingId, (set = new Set()));
    set.add(promise);
    const done = () => {
      set.delete(promise);
      if (set.size === 0 && this.pending.get(recordingId) === set) this.pending.delete(recordingId);
    };
    promise.then(done, done);
    return promise;
  }

  private async settled(recordingId: string): Promise<void> {
    for (;;) {
      const set = this.pending.get(recordingId);
      if (!set || set.size === 0) return;
      await Promise.allSettled([...set]);
    }
  }
}

/** Whether a cached part was computed as this version computes it (a part not there is: nothing to redo). */
function isPartCurrent(manifest: TimelineManifest, part: TimelinePart): boolean {
  const computed = manifest[part];
  return !computed || (computed.version ?? 1) === TIMELINE_PART_VERSIONS[part];
}

async function readManifest(dir: string): Promise<TimelineManifest | null> {
  try {
    const read = ManifestOnDisk.safeParse(JSON.parse(await readFile(path.join(dir, TIMELINE_MANIFEST), 'utf8')));
    if (!read.success) return null;
    const manifest: TimelineManifest = read.data;
    if (manifest.waveform && !existsSync(path.join(dir, WAVEFORM_FILE))) return null;
    if (manifest.thumbnails && !existsSync(path.join(dir, THUMBNAILS_DIR, thumbnailFileName(1)))) return null;
    return manifest;
  } catch {
    return null;
  }
}

/** The cached keyframe interval: a number or null (known: no keyframes seen), undefined when not probed. */
async function readKeyframes(dir: string): Promise<number | null | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path.join(dir, KEYFRAMES_FILE), 'utf8')) as { intervalSec?: unknown };
    return typeof parsed.intervalSec === 'number' && Number.isFinite(parsed.intervalSec) ? parsed.intervalSec : null;
  } catch {
    return undefined;
  }
}

async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  const partial = `${file}.part`;
  await writeFile(partial, data);
  await rename(partial, file);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
