// The backend answers the contract (shared/contract.ts) with the services. The Electron main
// process and the test host both create one and differ only in the options they pass: how to
// show a file dialog, how media URLs look, and how events reach the page.
import path from 'node:path';
import {
  contract,
  isChannel,
  type AppEvent,
  type Channel,
  type ResponseOf,
  type ValidRequestOf,
  type Result,
} from '../../../shared/contract';
import { loadFrameworks } from '../frameworks/load-frameworks';
import { locateBinaries, type MediaBinaries } from '../media';
import { openStore, type Store } from '../store';
import { toAppError, UserFacingError } from './errors';
import { MethodService } from './method-service';
import { RecordingsService } from './recordings-service';

export interface BackendOptions {
  dataDir: string;
  /** The app's resources folder (frameworks, translations). */
  resourcesPath: string;
  /** Where a packaged app keeps its bundled ffmpeg (process.resourcesPath); undefined in development. */
  binariesResourcesPath?: string;
  appVersion: string;
  /** Shows the shell's open-file dialog; resolves to the chosen paths (empty when cancelled). */
  pickMediaFiles(options: { multiple: boolean }): Promise<string[]>;
  mediaUrlFor(recordingId: string, version: string): string;
  emit(event: AppEvent): void;
}

type Handlers = { [C in Channel]: (request: ValidRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C> };

export interface Backend {
  handle(channel: unknown, request: unknown): Promise<Result<unknown>>;
  resolveMediaPath(recordingId: string): string | null;
  /** Resolves when background media work is finished (tests). */
  idle(): Promise<void>;
  close(): void;
  readonly store: Store;
}

export function createBackend(options: BackendOptions): Backend {
  const store = openStore(options.dataDir);
  const author = () => store.settings.get().authorName;

  // Found once and reused; forgotten when it failed or the user changes the ffmpeg settings.
  let binaries: Promise<MediaBinaries> | null = null;
  const findBinaries = (): Promise<MediaBinaries> => {
    if (binaries) return binaries;
    const settings = store.settings.get();
    const found = locateBinaries({
      ffmpegSetting: settings.ffmpegPath || undefined,
      ffprobeSetting: settings.ffprobePath || undefined,
      env: process.env,
      resourcesPath: options.binariesResourcesPath,
    });
    binaries = found;
    found.catch(() => {
      if (binaries === found) binaries = null;
    });
    return found;
  };

  const recordings = new RecordingsService({
    store,
    proxyDir: path.join(options.dataDir, 'proxies'),
    binaries: findBinaries,
    mediaUrlFor: options.mediaUrlFor,
    emit: options.emit,
    author,
  });

  const method = new MethodService({ store, resourcesPath: options.resourcesPath, dataDir: options.dataDir, author });

  const pickOne = async () => (await options.pickMediaFiles({ multiple: false }))[0] ?? null;

  const handlers: Handlers = {
    'app.info': async () => {
      let ffmpeg = { ok: false, detail: '' };
      try {
        const found = await findBinaries();
        ffmpeg = { ok: true, detail: `${found.ffmpeg} (${found.ffmpegSource})` };
      } catch (error) {
        ffmpeg = { ok: false, detail: toAppError(error).message };
      }
      return { version: options.appVersion, dataDir: options.dataDir, ffmpeg };
    },

    'settings.get': () => store.settings.get(),
    'settings.update': (patch) => {
      const updated = store.settings.update(patch);
      if (patch.ffmpegPath !== undefined || patch.ffprobePath !== undefined) binaries = null;
      return updated;
    },

    'frameworks.list': () =>
      loadFrameworks(path.join(options.resourcesPath, 'frameworks'), path.join(options.dataDir, 'frameworks')),

    'trajectories.list': () => store.trajectories.list(),
    'trajectories.create': (req) => store.trajectories.create(req, author()),
    'trajectories.update': ({ id, ...patch }) => store.trajectories.update(id, patch, author()),
    'trajectories.delete': async ({ id }) => {
      await recordings.deleteProxyFiles(store.trajectories.delete(id));
      return { done: true };
    },

    'cycles.list': ({ trajectoryId }) => store.cycles.listByTrajectory(trajectoryId),
    'cycles.create': (req) => store.cycles.create(req, author()),
    'cycles.update': ({ id, ...patch }) => store.cycles.update(id, patch, author()),
    'cycles.delete': async ({ id }) => {
      await recordings.deleteProxyFiles(store.cycles.delete(id));
      return { done: true };
    },

    'workspace.get': ({ cycleId }) => {
      const cycle = store.cycles.get(cycleId);
      if (!cycle) throw new UserFacingError('cycle.not-found', `No cycle ${cycleId}`);
      const trajectory = store.trajectories.get(cycle.trajectoryId);
      if (!trajectory) throw new UserFacingError('trajectory.not-found', `No trajectory ${cycle.trajectoryId}`);
      return {
        trajectory,
        cycle,
        recordings: recordings.listForCycle(cycleId),
        notes: store.notes.listByCycle(cycleId),
        fragments: store.fragments.listByCycle(cycleId),
      };
    },

    'recordings.addViaDialog': async ({ cycleId }) =>
      recordings.add(cycleId, await options.pickMediaFiles({ multiple: true })),
    'recordings.addDropped': ({ cycleId, paths }) => recordings.add(cycleId, paths),
    'recordings.relocate': async ({ id }) => {
      const chosen = await pickOne();
      return chosen ? recordings.relocate(id, chosen) : null;
    },
    'recordings.remove': async ({ id }) => {
      await recordings.remove(id);
      return { done: true };
    },
    'recordings.reorder': ({ cycleId, ids }) => {
      store.recordings.reorder(cycleId, ids);
      return recordings.listForCycle(cycleId);
    },
    'recordings.cancelProxy': ({ id }) => recordings.cancelProxy(id),
    'recordings.retryProxy': ({ id }) => recordings.retryProxy(id),

    'notes.create': ({ recordingId, ...rest }) => {
      const recording = store.recordings.get(recordingId);
      if (!recording) throw new UserFacingError('recording.not-found', `No recording ${recordingId}`);
      return store.notes.create({ cycleId: recording.cycleId, recordingId, ...rest }, author());
    },
    'notes.update': ({ id, patch }) => store.notes.update(id, patch, author()),
    'notes.delete': ({ id }) => {
      store.notes.delete(id);
      return { done: true };
    },
    'notes.restore': ({ id }) => store.notes.restore(id),

    'fragments.create': ({ recordingId, ...rest }) => {
      const recording = store.recordings.get(recordingId);
      if (!recording) throw new UserFacingError('recording.not-found', `No recording ${recordingId}`);
      return store.fragments.create({ cycleId: recording.cycleId, recordingId, ...rest }, author());
    },
    'fragments.update': ({ id, patch }) => store.fragments.update(id, patch, author()),
    'fragments.delete': ({ id }) => {
      store.fragments.delete(id);
      return { done: true };
    },
    'fragments.restore': ({ id }) => store.fragments.restore(id),

    'method.get': ({ cycleId }) => method.view(cycleId),
    'method.update': ({ cycleId, patch }) => method.update(cycleId, patch),
    'method.buildInterviewAgenda': ({ cycleId }) => method.buildInterviewAgenda(cycleId),
    'method.buildReflectionAgenda': ({ cycleId }) => method.buildReflectionAgenda(cycleId),
    'review.playlist': ({ cycleId, source }) => method.playlist(cycleId, source),
  };

  return {
    store,
    async handle(channel, request) {
      if (!isChannel(channel)) {
        return { ok: false, error: { code: 'invalid-request', message: `Unknown channel ${String(channel)}` } };
      }
      try {
        const parsed = contract[channel].request.parse(request ?? {});
        const handler = handlers[channel] as (req: unknown) => unknown;
        const value = await handler(parsed);
        return { ok: true, value };
      } catch (error) {
        const appError = toAppError(error);
        if (appError.code === 'internal') console.error(`[backend] ${channel} failed:`, error);
        return { ok: false, error: appError };
      }
    },
    resolveMediaPath: (id) => recordings.resolveMediaPath(id),
    idle: () => recordings.idle(),
    close() {
      recordings.close();
      store.close();
    },
  };
}
