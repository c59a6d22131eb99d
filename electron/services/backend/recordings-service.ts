// Adding recordings to a cycle and keeping them playable: probe, decide whether the player can
// play the original, make a proxy in the background when it can't, and find moved files again.
// The original file is only ever read.
import { existsSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AppEvent, AddRecordingsResult } from '../../../shared/contract';
import type { Recording, StoredRecording } from '../../../shared/domain';
import {
  mediaContentType,
  createProxy,
  decidePlayback,
  JobQueue,
  MediaError,
  probeMedia,
  proxyOutputExtension,
  type MediaBinaries,
} from '../media';
import type { Store } from '../store';
import { toAppError, UserFacingError } from './errors';

export interface RecordingsServiceOptions {
  store: Store;
  proxyDir: string;
  binaries: () => Promise<MediaBinaries>;
  mediaUrlFor: (recordingId: string, version: string) => string;
  emit: (event: AppEvent) => void;
  author: () => string;
}

/** How far a relocated file's duration may differ from the original's before we call it another file. */
const RELOCATE_DURATION_TOLERANCE_SEC = 1;

type ProxyEvent = Extract<AppEvent, { type: 'recording.proxy' }>;

export class RecordingsService {
  private readonly queue = new JobQueue({ concurrency: 1 });

  constructor(private readonly opts: RecordingsServiceOptions) {
    this.queue.onEvent((event) => this.onProxyEvent(event.key, event.state, event.progress, event.error));
  }

  /** The stored row plus what is true on disk right now: is the file there, what should play. */
  view(row: StoredRecording): Recording {
    const { proxyPath, ...rest } = row;
    const missing = !existsSync(row.filePath);
    const playable = this.playablePath(row);
    const version = playable === row.filePath ? 'original' : 'proxy';
    return {
      ...rest,
      missing,
      mediaUrl: playable ? this.opts.mediaUrlFor(row.id, version) : null,
      mediaType: mediaContentType(playable ?? row.filePath),
    };
  }

  /** The file the media protocol may serve for this recording, or null. Only known ids resolve. */
  resolveMediaPath(recordingId: string): string | null {
    const row = this.opts.store.recordings.get(recordingId);
    return row ? this.playablePath(row) : null;
  }

  private playablePath(row: StoredRecording): string | null {
    // A finished proxy plays first: it is either needed, or a scrub proxy the user asked for.
    if (row.proxyState === 'done' && row.proxyPath && existsSync(row.proxyPath)) return row.proxyPath;
    if (row.proxyReason === null) return existsSync(row.filePath) ? row.filePath : null;
    return null;
  }

  listForCycle(cycleId: string): Recording[] {
    const rows = this.opts.store.recordings.listByCycle(cycleId);
    if (!this.opts.store.readOnly) for (const row of rows) this.resumeInterruptedProxy(row);
    return rows.map((row) => this.view(row));
  }

  async add(cycleId: string, filePaths: string[]): Promise<AddRecordingsResult> {
    const result: AddRecordingsResult = { added: [], failed: [] };
    for (const filePath of filePaths) {
      const fileName = path.basename(filePath);
      try {
        result.added.push(await this.addOne(cycleId, filePath));
      } catch (error) {
        const appError = toAppError(error);
        result.failed.push({ fileName, code: appError.code, message: appError.message });
      }
    }
    return result;
  }

  private async addOne(cycleId: string, filePath: string): Promise<Recording> {
    const info = await stat(filePath).catch(() => null);
    if (!info?.isFile()) throw new MediaError('not-found', `Not a file: ${filePath}`);
    const media = await probeMedia(await this.opts.binaries(), filePath);
    const playback = decidePlayback(media);
    // One insert: a file that failed above left nothing behind.
    const row = this.opts.store.recordings.create(
      {
        cycleId,
        fileName: path.basename(filePath),
        filePath,
        media,
        proxyReason: playback.reason,
        proxyState: playback.needsProxy ? 'queued' : 'not-needed',
      },
      this.opts.author(),
    );
    if (playback.needsProxy) this.enqueueProxy(row);
    return this.view(row);
  }

  async relocate(recordingId: string, newPath: string): Promise<Recording> {
    const row = this.mustGet(recordingId);
    const media = await probeMedia(await this.opts.binaries(), newPath);
    if (Math.abs(media.durationSec - row.media.durationSec) > RELOCATE_DURATION_TOLERANCE_SEC) {
      throw new UserFacingError(
        'recording.different-file',
        `The chosen file lasts ${media.durationSec.toFixed(1)} s, the recording ${row.media.durationSec.toFixed(1)} s: not the same recording.`,
      );
    }
    const updated = this.opts.store.recordings.relocate(recordingId, newPath, this.opts.author());
    if (updated.proxyReason !== null && updated.proxyState !== 'done') this.enqueueProxy(updated);
    return this.view(updated);
  }

  async remove(recordingId: string): Promise<void> {
    this.queue.cancel(recordingId);
    const proxyPath = this.opts.store.recordings.delete(recordingId);
    await this.deleteProxyFiles([proxyPath]);
  }

  /** Stops making proxies of these recordings and waits until nothing is being written. */
  async stopProxies(recordingIds: string[]): Promise<void> {
    for (const id of recordingIds) this.queue.cancel(id);
    await this.queue.idle();
  }

  /** Deletes cached proxies; never the user's own files. */
  async deleteProxyFiles(paths: (string | null | undefined)[]): Promise<void> {
    for (const p of paths) {
      if (p && path.dirname(p) === this.opts.proxyDir) await rm(p, { force: true });
    }
  }

  cancelProxy(recordingId: string): Recording {
    const row = this.mustGet(recordingId);
    this.queue.cancel(recordingId);
    if (row.proxyState === 'queued' || row.proxyState === 'running') {
      this.opts.store.recordings.updateProxy(recordingId, { proxyState: 'cancelled', proxyProgress: 0 });
    }
    return this.view(this.mustGet(recordingId));
  }

  retryProxy(recordingId: string): Recording {
    const row = this.mustGet(recordingId);
    // A playable original has no proxy to retry, unless a scrub proxy was asked for and failed.
    if (row.proxyReason === null && row.proxyState !== 'failed' && row.proxyState !== 'cancelled') return this.view(row);
    this.enqueueProxy(row);
    return this.view(this.mustGet(recordingId));
  }

  /**
   * A scrub proxy: the same proxy as for an unplayable file (half-second keyframes, constant frame rate,
   * faststart), made on request for a playable original that seeks slowly. The original keeps
   * playing until it is done; then the recording plays the proxy (mediaUrl changes).
   */
  makeScrubProxy(recordingId: string): Recording {
    const row = this.mustGet(recordingId);
    const inFlight = row.proxyState === 'queued' || row.proxyState === 'running';
    if (row.proxyReason !== null || inFlight || this.playablePath(row) === row.proxyPath) return this.view(row);
    if (!existsSync(row.filePath)) throw new MediaError('not-found', `The original file is not there: ${row.filePath}`);
    this.enqueueProxy(row);
    return this.view(this.mustGet(recordingId));
  }

  /** Resolves when no proxy is queued or being made (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  close(): void {
    for (const key of this.running) this.queue.cancel(key);
  }

  private readonly running = new Set<string>();

  private mustGet(recordingId: string): StoredRecording {
    const row = this.opts.store.recordings.get(recordingId);
    if (!row) throw new UserFacingError('recording.not-found', `No recording ${recordingId}`);
    return row;
  }

  /** A proxy that was queued or running when the app was killed is started again. */
  private resumeInterruptedProxy(row: StoredRecording): void {
    if ((row.proxyState === 'queued' || row.proxyState === 'running') && !this.running.has(row.id)) {
      this.enqueueProxy(row);
    }
  }

  private enqueueProxy(row: StoredRecording): void {
    if (this.running.has(row.id)) return;
    this.running.add(row.id);
    this.opts.store.recordings.updateProxy(row.id, { proxyState: 'queued', proxyProgress: 0, proxyError: null });
    const output = path.join(this.opts.proxyDir, `${row.id}${proxyOutputExtension(row.media)}`);
    this.queue.enqueue(row.id, async (signal, onProgress) => {
      await mkdir(this.opts.proxyDir, { recursive: true });
      await createProxy(await this.opts.binaries(), { input: row.filePath, output, info: row.media, signal, onProgress });
      if (this.opts.store.recordings.get(row.id)) {
        this.opts.store.recordings.updateProxy(row.id, { proxyState: 'done', proxyProgress: 1, proxyPath: output });
      } else {
        await rm(output, { force: true }); // the recording was removed while its proxy was made
      }
    });
  }

  private onProxyEvent(recordingId: string, state: ProxyEvent['state'], progress: number, error?: string): void {
    const row = this.opts.store.recordings.get(recordingId);
    if (!row) return; // removed while its proxy was being made
    if (state === 'running' || state === 'queued') {
      this.opts.store.recordings.updateProxy(recordingId, { proxyState: state, proxyProgress: progress });
    } else {
      this.running.delete(recordingId);
      if (state !== 'done') {
        this.opts.store.recordings.updateProxy(recordingId, {
          proxyState: state,
          proxyProgress: 0,
          proxyError: error ?? null,
        });
      }
    }
    this.opts.emit({
      type: 'recording.proxy',
      recordingId,
      cycleId: row.cycleId,
      state,
      progress,
      ...(error ? { error } : {}),
    });
  }
}
