// The backend answers the contract (shared/contract.ts) with the services. The Electron main
// process and the test host both create one and differ only in the options they pass: how to
// show a file dialog, how media URLs look, and how events reach the page.
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  contract,
  DroppedFiles,
  isChannel,
  type AppEvent,
  type Channel,
  type ResponseOf,
  type ValidRequestOf,
  type Result,
} from '../../../shared/contract';
import { loadFrameworks } from '../frameworks/load-frameworks';
import { locateBinaries, type MediaBinaries } from '../media';
import { TimelineService, toTimelineData, type TimelineSource } from '../media/timeline-service';
import type { StoredRecording } from '../../../shared/domain';
import type { MediaTool } from '../media';
import { chooseBinary, resetBinary, type BinarySettingsOptions } from './binary-settings';
import { lockDataFolder, openStore, type Store } from '../store';
import { removeLeftoverFiles } from '../startup/leftover-files';
import { removeUnreferencedMedia } from '../startup/unreferenced-media';
import { RunningFfmpegLog, stopSurvivingFfmpeg } from '../media/running-ffmpeg';
import { BinaryVersionCache } from '../media/binary-version-cache';
import { isStartupChannel, type MediaToolInfo, type StartupChannel } from '../../../shared/startup-contract';
import { AlignmentService } from './alignment-service';
import { ClipsService } from './clips-service';
import { toAppError, UserFacingError } from './errors';
import { ExchangeService } from './exchange-service';
import { ExportLogService } from './export-log-service';
import { ForgetService } from './forget-service';
import { MethodService } from './method-service';
import { RecordingsService } from './recordings-service';
import { ReportService } from './report-service';
import { ReviewPackageService } from './review-package-service';
import { WriteGate } from './write-gate';

export interface BackendOptions {
  dataDir: string;
  /** The app's resources folder (frameworks, translations). */
  resourcesPath: string;
  /** Where a packaged app keeps its bundled ffmpeg (process.resourcesPath); undefined in development. */
  binariesResourcesPath?: string;
  appVersion: string;
  /** Open the data without changing it (a newer VKZ's data): every change is refused. */
  readOnly?: boolean;
  /** Shows the shell's open-file dialog; resolves to the chosen paths (empty when cancelled). */
  pickMediaFiles(options: { multiple: boolean }): Promise<string[]>;
  mediaUrlFor(recordingId: string, version: string): string;
  emit(event: AppEvent): void;
  /** Shows the shell's save dialog; resolves to the chosen path, or null when cancelled. Without it, exports are refused. */
  pickSavePath?(options: { defaultName: string; extensions: string[] }): Promise<string | null>;
  /** Prints HTML to PDF (Electron: a hidden, sandboxed window's printToPDF). Without it, a headless Chromium is used. */
  printHtmlToPdf?(html: string): Promise<Buffer>;
  /** Shows the shell's open dialog for one file of the given extensions (transcripts, archives); null when cancelled. */
  pickOpenFile?(options: { extensions: string[] }): Promise<string | null>;
  /** Shows the shell's open dialog for the ffmpeg or ffprobe program; null when cancelled. */
  pickBinaryFile?(options: { which: MediaTool }): Promise<string | null>;
}

/** The channels answered here; the start, backup and About channels are the runtime's (startup/app-runtime.ts). */
export type BackendChannel = Exclude<Channel, StartupChannel>;
type Handlers = { [C in BackendChannel]: (request: ValidRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C> };

export interface Backend {
  /** Answers one of the page's channels (the contract); any other channel is refused. */
  handle(channel: unknown, request: unknown): Promise<Result<unknown>>;
  /** Adds files dropped on the window: for the shell's own drop channel only, never the page's relay. */
  addDropped(request: unknown): Promise<Result<unknown>>;
  resolveMediaPath(recordingId: string): string | null;
  /** A cached timeline file (waveform, thumbnail) of a known recording, or null. */
  resolveTimelineFile(recordingId: string, file: string): string | null;
  /** An exported clip of this session (`/clips/<id>`), or null. */
  resolveClipPath(clipId: string): string | null;
  /** The ffmpeg and ffprobe in use (throws MediaError 'no-ffmpeg' when none works). */
  mediaTools(): Promise<{ ffmpeg: MediaToolInfo; ffprobe: MediaToolInfo }>;
  /** Resolves when background media work is finished (tests). */
  idle(): Promise<void>;
  close(): void;
  readonly store: Store;
}

export function createBackend(options: BackendOptions): Backend {
  // One app per data folder: the lock first, then the leftovers of a killed run (ours to remove
  // now that no other VKZ writes here), then the database, then media no recording refers to.
  const lock = lockDataFolder(options.dataDir);
  let store: Store;
  try {
    if (!options.readOnly) {
      // ffmpeg a killed run left going would write its files again after the cleanup below.
      const survivors = stopSurvivingFfmpeg(options.dataDir);
      if (survivors.killed.length > 0) console.log(`[backend] stopped ffmpeg left running by an interrupted run: pids ${survivors.killed.join(', ')}`);
      const removed = removeLeftoverFiles(options.dataDir);
      if (removed.length > 0) console.log(`[backend] removed leftovers of an interrupted run: ${removed.join(', ')}`);
    }
    store = openStore(options.dataDir, { readOnly: options.readOnly });
    if (!options.readOnly) {
      const unreferenced = removeUnreferencedMedia(options.dataDir, store.recordings.referencedFiles());
      if (unreferenced.length > 0) console.log(`[backend] removed media no recording refers to (an import that was interrupted): ${unreferenced.join(', ')}`);
    }
  } catch (error) {
    lock.release();
    throw error;
  }
  const author = () => store.settings.get().authorName;
  const runningFfmpeg = new RunningFfmpegLog(options.dataDir);
  const versionCache = new BinaryVersionCache(path.join(options.dataDir, 'binary-versions.json'));

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
      versionCache: options.readOnly ? undefined : versionCache, // read-only: nothing written in the folder
    }).then((located) => ({ ...located, running: runningFfmpeg }));
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

  // Waveform and thumbnails, computed in the background and cached under <dataDir>/cache.
  const timeline = new TimelineService({
    dataDir: options.dataDir,
    binaries: findBinaries,
    onChange: (source, status) =>
      options.emit({
        type: 'recording.timeline',
        recordingId: source.recordingId,
        cycleId: source.cycleId,
        state: status.state,
        progress: status.progress,
        keyframeIntervalSec: status.keyframeIntervalSec,
      }),
  });
  const timelineSource = (row: StoredRecording): TimelineSource => {
    const proxy = row.proxyState === 'done' && row.proxyPath && existsSync(row.proxyPath) ? row.proxyPath : null;
    return {
      recordingId: row.id,
      cycleId: row.cycleId,
      input: existsSync(row.filePath) ? row.filePath : proxy,
      media: row.media,
    };
  };
  const startTimelines = <T extends { added: { id: string }[] }>(result: T): T => {
    for (const { id } of result.added) {
      const row = store.recordings.get(id);
      if (row) timeline.ensure(timelineSource(row));
    }
    return result;
  };
  const removeOrphanTimelines = () => timeline.removeOrphans((id) => store.recordings.get(id) !== null);
  if (!options.readOnly) void removeOrphanTimelines().catch(() => undefined);

  const exportLog = new ExportLogService({
    store,
    author,
    language: () => store.settings.get().language,
    pickSavePath: options.pickSavePath?.bind(options),
  });
  const forgetting = new ForgetService({
    store,
    dataDir: options.dataDir,
    async stopWork(recordingIds) {
      await recordings.stopProxies(recordingIds);
      for (const id of recordingIds) timeline.cancel(id);
      await timeline.idle();
    },
  });

  const method = new MethodService({ store, resourcesPath: options.resourcesPath, dataDir: options.dataDir, author });
  const report = new ReportService({
    store,
    resourcesPath: options.resourcesPath,
    dataDir: options.dataDir,
    author,
    pickSavePath: options.pickSavePath?.bind(options),
    printHtmlToPdf: options.printHtmlToPdf?.bind(options),
    binaries: findBinaries,
    recordExport: exportLog.record,
  });

  // Fragment clips and showreels: their own queue, so a clip never waits behind a proxy.
  const clips = new ClipsService({
    store,
    resourcesPath: options.resourcesPath,
    dataDir: options.dataDir,
    binaries: findBinaries,
    emit: options.emit,
    pickSavePath: options.pickSavePath?.bind(options),
    playlist: (cycleId, source) => method.playlist(cycleId, source),
    recordExport: exportLog.record,
  });

  const reviewPackages = new ReviewPackageService({
    store,
    resourcesPath: options.resourcesPath,
    clips,
    method,
    binaries: findBinaries,
    author,
    pickSavePath: options.pickSavePath?.bind(options),
    pickOpenFile: options.pickOpenFile?.bind(options),
  });

  // Held while an archive import's merge holds the database's write lock (write-gate.ts).
  const writeGate = new WriteGate();
  store.onWriteTransaction(() => writeGate.writeStarting());
  const exchange = new ExchangeService({
    store,
    holdWrites: (onWaiting) => writeGate.hold(onWaiting),
    dataDir: options.dataDir,
    resourcesPath: options.resourcesPath,
    appVersion: options.appVersion,
    author,
    pickSavePath: options.pickSavePath?.bind(options),
    pickOpenFile: options.pickOpenFile?.bind(options),
    recordExport: exportLog.record,
  });

  const alignment = new AlignmentService({
    store,
    author,
    framework: (cycleId) => method.frameworkOfCycle(cycleId),
    pickSavePath: options.pickSavePath?.bind(options),
    recordExport: exportLog.record,
  });

  /** A cycle with its trajectory and recordings: the part of a workspace every cycle page shows. */
  const cycleHeader = (cycleId: string) => {
    const cycle = store.cycles.get(cycleId);
    if (!cycle) throw new UserFacingError('cycle.not-found', `No cycle ${cycleId}`);
    const trajectory = store.trajectories.get(cycle.trajectoryId);
    if (!trajectory) throw new UserFacingError('trajectory.not-found', `No trajectory ${cycle.trajectoryId}`);
    return { trajectory, cycle, recordings: recordings.listForCycle(cycleId) };
  };
  const pickOne = async () => (await options.pickMediaFiles({ multiple: false }))[0] ?? null;
  const binarySettings: BinarySettingsOptions = {
    store,
    pickBinaryFile: options.pickBinaryFile?.bind(options),
    onChange: () => (binaries = null),
  };

  const handlers: Handlers = {
    'app.info': async () => {
      let ffmpeg = { ok: false, detail: '' };
      let tools: MediaToolInfo[] = [];
      try {
        const found = await findBinaries();
        ffmpeg = { ok: true, detail: `${found.ffmpeg} (${found.ffmpegSource})` };
        tools = mediaToolsOf(found);
      } catch (error) {
        ffmpeg = { ok: false, detail: toAppError(error).message };
      }
      return { version: options.appVersion, dataDir: options.dataDir, ffmpeg, tools };
    },

    'settings.get': () => store.settings.get(),
    'settings.update': (patch) => store.settings.update(patch),
    'settings.chooseBinary': ({ which }) => chooseBinary(binarySettings, which),
    'settings.resetBinary': ({ which }) => resetBinary(binarySettings, which),

    'frameworks.list': () =>
      loadFrameworks(path.join(options.resourcesPath, 'frameworks'), path.join(options.dataDir, 'frameworks')),

    'trajectories.list': () => store.trajectories.list(),
    'trajectories.create': (req) => store.trajectories.create(req, author()),
    'trajectories.update': ({ id, ...patch }) => store.trajectories.update(id, patch, author()),
    // Deleting is forgetting: every record and every derived file goes.
    'trajectories.delete': async ({ id }) => {
      await forgetting.forget(id);
      await removeOrphanTimelines();
      return { done: true };
    },
    'trajectories.forget': async ({ id }) => {
      const report = await forgetting.forget(id);
      await removeOrphanTimelines();
      return report;
    },
    'retention.list': () => store.retention.all(),
    'retention.set': ({ trajectoryId, keepUntil }) => ({ keepUntil: store.retention.set(trajectoryId, keepUntil, author()) }),
    'exportLog.list': ({ trajectoryId }) => exportLog.list(trajectoryId),
    'exportLog.exportCsv': ({ trajectoryId }) => exportLog.exportCsv(trajectoryId),

    'cycles.list': ({ trajectoryId }) => store.cycles.listByTrajectory(trajectoryId),
    'cycles.create': (req) => store.cycles.create(req, author()),
    'cycles.update': ({ id, ...patch }) => store.cycles.update(id, patch, author()),
    'cycles.delete': async ({ id }) => {
      await recordings.deleteProxyFiles(store.cycles.delete(id));
      await removeOrphanTimelines();
      return { done: true };
    },

    'workspace.get': ({ cycleId }) => ({
      ...cycleHeader(cycleId),
      notes: store.notes.listByCycle(cycleId),
      fragments: store.fragments.listByCycle(cycleId),
    }),
    'cycle.header': ({ cycleId }) => cycleHeader(cycleId),

    'recordings.addViaDialog': async ({ cycleId }) =>
      startTimelines(await recordings.add(cycleId, await options.pickMediaFiles({ multiple: true }))),
    'recordings.relocate': async ({ id }) => {
      const chosen = await pickOne();
      if (!chosen) return null;
      const relocated = await recordings.relocate(id, chosen);
      timeline.forget(id);
      const row = store.recordings.get(id);
      if (row) timeline.ensure(timelineSource(row));
      return relocated;
    },
    'recordings.remove': async ({ id }) => {
      await recordings.remove(id);
      await timeline.remove(id);
      return { done: true };
    },
    'recordings.reorder': ({ cycleId, ids }) => {
      store.recordings.reorder(cycleId, ids);
      return recordings.listForCycle(cycleId);
    },
    'recordings.cancelProxy': ({ id }) => recordings.cancelProxy(id),
    'recordings.retryProxy': ({ id }) => recordings.retryProxy(id),
    'recordings.makeScrubProxy': ({ id }) => recordings.makeScrubProxy(id),
    'media.timelineData': async ({ recordingId, retry }) => {
      const row = store.recordings.get(recordingId);
      if (!row) throw new UserFacingError('recording.not-found', `No recording ${recordingId}`);
      return toTimelineData(row.id, await timeline.status(timelineSource(row), { retry }));
    },
    'media.cancelTimeline': ({ recordingId }) => ({ cancelled: timeline.cancel(recordingId) }),

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
    'report.preview': ({ cycleId, scope, lang, includeStills, includeAlignment }) =>
      report.preview(cycleId, scope, lang, includeStills, includeAlignment),
    'report.export': ({ cycleId, scope, format, lang, includeStills, includeAlignment }) =>
      report.export(cycleId, scope, format, lang, includeStills, includeAlignment),
    'report.background.get': ({ trajectoryId }) => ({ text: report.background(trajectoryId) }),
    'report.background.set': ({ trajectoryId, text }) => ({ text: report.setBackground(trajectoryId, text) }),
    'pseudonyms.get': ({ trajectoryId }) => report.pseudonyms(trajectoryId),
    'pseudonyms.set': ({ trajectoryId, list }) => report.setPseudonyms(trajectoryId, list),
    'exchange.info': ({ cycleId }) => exchange.info(cycleId),
    'exchange.exportFile': (req) => exchange.exportFile(req),
    'exchange.previewTranscript': ({ recordingId }) => exchange.previewTranscript(recordingId),
    'exchange.importTranscript': ({ recordingId, notes, fragments }) => exchange.importTranscript(recordingId, notes, fragments),
    'exchange.exportArchive': ({ scope, kind, includeMedia }) => exchange.exportArchive(scope, kind, includeMedia),
    'exchange.importArchive': () => exchange.importArchive(),
    'exchange.progress': () => exchange.progress(),
    'exchange.cancel': () => exchange.cancel(),
    'exchange.conflicts': () => exchange.conflicts(),
    'exchange.resolveConflicts': ({ choices }) => exchange.resolveConflicts(choices),
    'clips.export': ({ fragmentIds, burnTimecode }) => clips.exportFragments(fragmentIds, burnTimecode),
    'clips.showreel': ({ cycleId, source, burnTimecode, titleCards }) =>
      clips.exportShowreel(cycleId, source, { burnTimecode, titleCards }),
    'clips.cancel': ({ jobId }) => clips.cancel(jobId),
    'alignment.list': ({ cycleId }) => alignment.list(cycleId),
    'alignment.decide': (req) => alignment.decide(req),
    'alignment.editResult': ({ decisionId, patch }) => alignment.editResult(decisionId, patch),
    'alignment.setComment': ({ decisionId, comment }) => alignment.setComment(decisionId, comment),
    'alignment.undo': ({ id }) => alignment.undo(id),
    'alignment.exportAgreement': (req) => alignment.exportAgreement(req),
    'reviewPackage.plan': ({ cycleId, source }) => reviewPackages.plan(cycleId, source),
    'reviewPackage.make': ({ cycleId, source, leaveOut, asZip }) => reviewPackages.make(cycleId, source, leaveOut, asZip),
    'reviewPackage.importAnswers': ({ cycleId }) => reviewPackages.importAnswers(cycleId, () => method.view(cycleId)),
  };

  const answer = async (what: string, work: () => unknown): Promise<Result<unknown>> => {
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'internal') console.error(`[backend] ${what} failed:`, error);
      return { ok: false, error: appError };
    }
  };

  return {
    store,
    async handle(channel, request) {
      if (!isChannel(channel) || isStartupChannel(channel)) {
        return { ok: false, error: { code: 'invalid-request', message: `Unknown channel ${String(channel)}` } };
      }
      await writeGate.pass(channel);
      return answer(channel, () => (handlers[channel] as (req: unknown) => unknown)(contract[channel].request.parse(request ?? {})));
    },
    addDropped: async (request) => {
      await writeGate.writesMayGo();
      return answer('drop', async () => {
        const { cycleId, paths } = DroppedFiles.parse(request);
        return startTimelines(await recordings.add(cycleId, paths));
      });
    },
    async mediaTools() {
      const [ffmpeg, ffprobe] = mediaToolsOf(await findBinaries()) as [MediaToolInfo, MediaToolInfo];
      return { ffmpeg, ffprobe };
    },
    resolveMediaPath: (id) => recordings.resolveMediaPath(id),
    resolveTimelineFile: (id, file) => (store.recordings.get(id) ? timeline.resolveFile(id, file) : null),
    resolveClipPath: (id) => clips.resolveClipPath(id),
    async idle() {
      await recordings.idle();
      await timeline.idle();
      await clips.idle();
    },
    close() {
      clips.close();
      timeline.close();
      recordings.close();
      store.close();
      lock.release();
    },
  };
}

function mediaToolsOf(found: MediaBinaries): MediaToolInfo[] {
  return (['ffmpeg', 'ffprobe'] as const).map((tool) => {
    const version = tool === 'ffmpeg' ? found.ffmpegVersion : found.ffprobeVersion;
    return {
      tool,
      path: found[tool],
      source: tool === 'ffmpeg' ? found.ffmpegSource : found.ffprobeSource,
      version: version.version,
      buildYear: version.buildYear,
      licence: version.licence,
    };
  });
}
