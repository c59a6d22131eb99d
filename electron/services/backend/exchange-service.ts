// Data exchange as the app offers it: the shell's file dialogs around the exchange services
// (electron/services/exchange), with their errors turned into codes the UI translates
// (error.exchange.<code>). One archive export or import runs at a time; the page polls its
// progress and can cancel it.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArchiveImportSummary, ExchangeConflict, ExchangeFormat, ExchangeInfo, TranscriptPreview } from '../../../shared/contract';
import type { Language } from '../../../shared/domain';
import type { Framework } from '../../../shared/framework';
import type { ArchiveKind } from '../../../shared/exchange/archive-kind';
import { createPseudonymiser } from '../../../shared/exchange/pseudonymise';
import {
  ARCHIVE_EXTENSION,
  describeConflict,
  estimateMediaBytes,
  exportArchive,
  ExchangeError,
  exportFormat,
  FORMAT_EXTENSION,
  importArchive,
  listConflicts,
  previewTranscriptFile,
  resolveConflict,
  TRANSCRIPT_EXTENSIONS,
  type ExportScope,
  type TranscriptFragmentDraft,
  type TranscriptNoteDraft,
} from '../exchange';
import { loadFrameworks } from '../frameworks/load-frameworks';
import type { Store } from '../store';
import type { RecordExport } from './export-log-service';
import { UserFacingError } from './errors';

export interface ExchangeServiceOptions {
  store: Store;
  dataDir: string;
  resourcesPath: string;
  appVersion: string;
  author: () => string;
  pickSavePath?: (options: { defaultName: string; extensions: string[] }) => Promise<string | null>;
  pickOpenFile?: (options: { extensions: string[] }) => Promise<string | null>;
  /** The export log: told once a file is written. */
  recordExport?: RecordExport;
  /** Holds the backend's writing requests back while an import's merge holds the write lock (write-gate.ts). */
  holdWrites?: (onWaiting: () => void) => () => void;
}

interface Running {
  operation: 'export-archive' | 'import-archive' | 'preview-transcript';
  done: number;
  total: number;
  controller: AbortController;
}

/** Turns the exchange services' errors into the backend's user-facing errors. */
async function translated<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ExchangeError) throw new UserFacingError(`exchange.${error.code}`, error.message, error.params);
    throw error;
  }
}

function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001F]/g, '_').replace(/\s+/g, ' ').trim();
}

function withExtension(filePath: string, extension: string): string {
  return path.extname(filePath).toLowerCase() === `.${extension}` ? filePath : `${filePath}.${extension}`;
}

export class ExchangeService {
  private running: Running | null = null;

  constructor(private readonly opts: ExchangeServiceOptions) {}

  private get lang(): Language {
    return this.opts.store.settings.get().language;
  }

  private async savePath(defaultName: string, extension: string): Promise<string | null> {
    if (!this.opts.pickSavePath) throw new UserFacingError('exchange.no-dialog', 'This shell has no save dialog');
    const chosen = await this.opts.pickSavePath({ defaultName, extensions: [extension] });
    return chosen ? withExtension(chosen, extension) : null;
  }

  private async openPath(extensions: string[]): Promise<string | null> {
    if (!this.opts.pickOpenFile) throw new UserFacingError('exchange.no-dialog', 'This shell has no open dialog');
    return this.opts.pickOpenFile({ extensions });
  }

  private mustCycle(cycleId: string) {
    const cycle = this.opts.store.cycles.get(cycleId);
    if (!cycle) throw new UserFacingError('cycle.not-found', `No cycle ${cycleId}`);
    return cycle;
  }

  private async frameworkOf(cycleId: string): Promise<Framework | undefined> {
    const id = this.opts.store.methods.get(cycleId)?.frameworkId ?? 'kijkwijzer';
    const { frameworks } = await loadFrameworks(
      path.join(this.opts.resourcesPath, 'frameworks'),
      path.join(this.opts.dataDir, 'frameworks'),
    );
    return frameworks.find((f) => f.id === id) ?? frameworks.find((f) => f.id === 'kijkwijzer');
  }

  async info(cycleId: string): Promise<ExchangeInfo> {
    const { store } = this.opts;
    const cycle = this.mustCycle(cycleId);
    const notes = store.notes.listByCycle(cycleId);
    const fragments = store.fragments.listByCycle(cycleId);
    return {
      trajectoryId: cycle.trajectoryId,
      cycleNumber: cycle.number,
      notes: notes.length,
      fragments: fragments.length,
      pseudonymCount: store.reportSettings.get(cycle.trajectoryId).pseudonyms.length,
      recordings: store.recordings.listByCycle(cycleId).map((r) => ({
        id: r.id,
        position: r.position,
        fileName: r.fileName,
        notes: notes.filter((n) => n.recordingId === r.id).length,
        fragments: fragments.filter((f) => f.recordingId === r.id).length,
      })),
      cycleMedia: await estimateMediaBytes(store, { kind: 'cycle', cycleId }),
      trajectoryMedia: await estimateMediaBytes(store, { kind: 'trajectory', trajectoryId: cycle.trajectoryId }),
    };
  }

  exportFile(request: { cycleId: string; format: ExchangeFormat; recordingId?: string; separator?: ';' | ',' }): Promise<{ path: string | null }> {
    return translated(async () => {
      const cycle = this.mustCycle(request.cycleId);
      const file = exportFormat(this.opts.store, {
        ...request,
        lang: this.lang,
        framework: request.format === 'csv' ? await this.frameworkOf(request.cycleId) : undefined,
        author: this.opts.author(),
      });
      const target = await this.savePath(file.fileName, FORMAT_EXTENSION[request.format]);
      if (!target) return { path: null };
      try {
        await writeFile(target, file.content, 'utf8');
      } catch (error) {
        throw new ExchangeError('write-failed', `Could not write ${target}: ${(error as Error).message}`, { path: target });
      }
      const recording = request.recordingId ? this.opts.store.recordings.get(request.recordingId) : null;
      this.opts.recordExport?.({
        trajectoryId: cycle.trajectoryId,
        what: 'notes',
        scope: `cycle:${cycle.number}${recording ? `/video:${recording.position}` : ''}`,
        format: request.format,
        destination: target,
      });
      return { path: target };
    });
  }

  previewTranscript(recordingId: string): Promise<TranscriptPreview> {
    return translated(async () => {
      if (!this.opts.store.recordings.get(recordingId)) throw new UserFacingError('recording.not-found', `No recording ${recordingId}`);
      const chosen = await this.openPath([...TRANSCRIPT_EXTENSIONS]);
      if (!chosen) return { status: 'cancelled' };
      // A big file takes a while to parse: the page sees it running (exchange.progress) and can cancel.
      const run = this.begin('preview-transcript');
      try {
        const preview = await previewTranscriptFile(chosen, run.controller.signal);
        if (preview.status === 'error') console.warn(`[exchange] transcript ${preview.fileName} refused: ${preview.detail}`);
        return preview;
      } finally {
        this.running = null;
      }
    });
  }

  /** Stores reviewed transcript lines (and EAF fragments) in one transaction: all or nothing. */
  importTranscript(recordingId: string, notes: TranscriptNoteDraft[], fragments: TranscriptFragmentDraft[]): { notes: number; fragments: number } {
    const { store } = this.opts;
    const recording = store.recordings.get(recordingId);
    if (!recording) throw new UserFacingError('recording.not-found', `No recording ${recordingId}`);
    const me = this.opts.author();
    return store.transaction(() => {
      const byAuthor = new Map<string, TranscriptNoteDraft[]>();
      for (const n of notes) {
        const author = n.author.trim() || me;
        byAuthor.set(author, [...(byAuthor.get(author) ?? []), n]);
      }
      let created = 0;
      for (const [author, list] of byAuthor) {
        created += store.notes.createMany(
          list.map((n) => ({ cycleId: recording.cycleId, recordingId, timeSec: n.timeSec, kind: n.kind, text: n.text, speaker: n.speaker })),
          author,
        ).length;
      }
      for (const f of fragments) {
        store.fragments.create(
          {
            cycleId: recording.cycleId,
            recordingId,
            inSec: f.inSec,
            outSec: f.outSec,
            title: f.title,
            note: f.note,
            themes: f.themes,
            valence: f.valence,
          },
          f.author.trim() || me,
        );
      }
      return { notes: created, fragments: fragments.length };
    });
  }

  private begin(operation: Running['operation']): Running {
    if (this.running) throw new UserFacingError('exchange.busy', 'Another archive export or import, or transcript reading, is running');
    this.running = { operation, done: 0, total: 0, controller: new AbortController() };
    return this.running;
  }

  exportArchive(scope: ExportScope, kind: ArchiveKind, includeMedia: boolean) {
    return translated(async () => {
      const { store } = this.opts;
      const trajectoryId = scope.kind === 'trajectory' ? scope.trajectoryId : this.mustCycle(scope.cycleId).trajectoryId;
      const trajectory = store.trajectories.get(trajectoryId);
      if (!trajectory) throw new UserFacingError('trajectory.not-found', `No trajectory ${trajectoryId}`);
      const plainLabel = `VKZ ${trajectory.caseManager} ${trajectory.client}`;
      const label = kind === 'others' ? createPseudonymiser(store.reportSettings.get(trajectoryId).pseudonyms).pseudonymise(plainLabel) : plainLabel;
      const suffix = scope.kind === 'cycle' ? ` - cyclus ${this.mustCycle(scope.cycleId).number}` : '';
      const target = await this.savePath(`${safeName(label + suffix)}.${ARCHIVE_EXTENSION}`, ARCHIVE_EXTENSION);
      if (!target) return { path: null, sizeBytes: 0, mediaFiles: 0, missingMedia: [], withheld: 0 };
      const run = this.begin('export-archive');
      try {
        const result = await exportArchive({
          store,
          scope,
          kind,
          includeMedia,
          targetPath: target,
          author: this.opts.author(),
          appVersion: this.opts.appVersion,
          signal: run.controller.signal,
          onProgress: (done, total) => Object.assign(run, { done, total }),
        });
        this.opts.recordExport?.({
          trajectoryId,
          what: kind === 'others' ? 'archive-others' : 'archive-team',
          scope: scope.kind === 'cycle' ? `cycle:${this.mustCycle(scope.cycleId).number}` : 'trajectory',
          format: ARCHIVE_EXTENSION,
          destination: result.path,
          withheld: result.withheld,
        });
        return {
          path: result.path,
          sizeBytes: result.sizeBytes,
          mediaFiles: result.mediaFiles,
          missingMedia: result.missingMedia,
          withheld: result.withheld,
        };
      } finally {
        this.running = null;
      }
    });
  }

  importArchive(): Promise<ArchiveImportSummary | null> {
    return translated(async () => {
      if (this.opts.store.readOnly) throw new UserFacingError('store.read-only', 'The data is open read-only; an archive cannot be imported');
      const chosen = await this.openPath([ARCHIVE_EXTENSION]);
      if (!chosen) return null;
      const run = this.begin('import-archive');
      try {
        const result = await importArchive({
          dataDir: this.opts.dataDir,
          archivePath: chosen,
          author: this.opts.author(),
          signal: run.controller.signal,
          onProgress: (done, total) => Object.assign(run, { done, total }),
          holdWrites: this.opts.holdWrites,
        });
        const trajectory = this.opts.store.trajectories.get(result.trajectoryId);
        const counts = Object.values(result.counts);
        const sum = (key: keyof (typeof counts)[number]) => counts.reduce((s, c) => s + c[key], 0);
        return {
          trajectoryId: result.trajectoryId,
          trajectoryLabel: trajectory ? `${trajectory.caseManager} · ${trajectory.client}` : '',
          archiveAuthor: result.manifest.author,
          archiveCreatedAt: result.manifest.createdAt,
          includesMedia: result.manifest.includesMedia,
          archiveKind: result.manifest.kind,
          scope: result.manifest.scope.kind,
          total: { added: sum('added'), updated: sum('updated'), unchanged: sum('unchanged'), kept: sum('kept'), conflicts: sum('conflicts') },
          counts: result.counts,
          mediaImported: result.mediaImported,
          renumberedCycles: result.renumberedCycles.length,
          conflicts: result.conflicts.map((c) => describeConflict(this.opts.store, c, this.lang)),
          cancelTooLate: result.cancelTooLate,
        };
      } finally {
        this.running = null;
      }
    });
  }

  progress(): { operation: Running['operation']; done: number; total: number } | null {
    return this.running ? { operation: this.running.operation, done: this.running.done, total: this.running.total } : null;
  }

  cancel(): { cancelled: boolean } {
    if (!this.running) return { cancelled: false };
    this.running.controller.abort();
    return { cancelled: true };
  }

  conflicts(): ExchangeConflict[] {
    return listConflicts(this.opts.store, this.lang);
  }

  resolveConflicts(choices: { id: string; take: 'theirs' | 'mine' }[]): Promise<{ resolved: number; remaining: ExchangeConflict[] }> {
    return translated(() => {
      const author = this.opts.author();
      this.opts.store.transaction(() => {
        for (const choice of choices) resolveConflict(this.opts.store, choice.id, choice.take, author);
      });
      return { resolved: choices.length, remaining: this.conflicts() };
    });
  }
}
