// Writes a project archive (see archive-model.ts) of a trajectory or one of its cycles.
//
// Two kinds (the manifest says which):
// - for the research team: the project itself, NOT pseudonymised (the receiver must be able to
//   go on with the same work), with the pseudonym list so the receiver's exports are
//   pseudonymised the same way;
// - for others: pseudonymised, without "niet delen" feedback and without videos
//   (archive-for-others.ts); a video shows the client, which no pseudonym hides.
//
// The file is written as <target>.part and renamed when complete, so a cancelled or failed
// export never leaves something that looks like an archive.
import { rename, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { Store, MergeRecordType } from '../store';
import { LATEST_SCHEMA_VERSION } from '../store';
import type { ArchiveKind } from '../../../shared/exchange/archive-kind';
import { CycleMethod } from '../../../shared/method';
import { PseudonymList } from '../../../shared/report/pseudonym-list';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  DATA_ENTRY,
  MANIFEST_ENTRY,
  mediaExtension,
  type ArchiveData,
  type ArchiveRecording,
  type ArchiveScope,
  type Manifest,
} from './archive-model';
import { alignmentsForArchive } from './archive-alignments';
import { archiveDataForOthers } from './archive-for-others';
import { ExchangeError } from './exchange-error';
import { ZipWriteAborted, ZipWriter } from './zip-writer';

export type ExportScope = { kind: 'trajectory'; trajectoryId: string } | { kind: 'cycle'; cycleId: string };

export interface ArchiveExportOptions {
  store: Store;
  scope: ExportScope;
  kind: ArchiveKind;
  /** Ignored for an archive for others, which never carries videos. */
  includeMedia: boolean;
  targetPath: string;
  author: string;
  appVersion: string;
  signal?: AbortSignal;
  /** Bytes written of the expected total (media dominates). */
  onProgress?: (done: number, total: number) => void;
  /** For tests: the clock of createdAt. */
  now?: () => Date;
}

export interface ArchiveExportResult {
  path: string;
  sizeBytes: number;
  mediaFiles: number;
  /** File names of recordings whose media was asked for but is not on this machine. */
  missingMedia: string[];
  /** Pieces of "niet delen" feedback left out (archive for others). */
  withheld: number;
  counts: { cycles: number; recordings: number; notes: number; fragments: number };
}

/** Collects the records of the scope from the store (soft-deleted annotations included). */
export function collectArchiveData(store: Store, scope: ExportScope): { data: ArchiveData; archiveScope: ArchiveScope; mediaPaths: Map<string, string> } {
  const cycleScope = scope.kind === 'cycle' ? store.cycles.get(scope.cycleId) : null;
  if (scope.kind === 'cycle' && !cycleScope) throw new ExchangeError('nothing-to-export', `No cycle ${scope.cycleId}`);
  const trajectoryId = scope.kind === 'trajectory' ? scope.trajectoryId : (cycleScope?.trajectoryId as string);
  const trajectory = store.exchange.trajectory(trajectoryId);
  if (!trajectory) throw new ExchangeError('nothing-to-export', `No trajectory ${trajectoryId}`);

  const synced = (type: MergeRecordType, id: string) => store.exchange.mergeLog(type, id)?.contentHash ?? null;
  const cycles = cycleScope ? [cycleScope] : store.cycles.listByTrajectory(trajectoryId);
  const mediaPaths = new Map<string, string>();
  const data: ArchiveData = {
    trajectory: { ...trajectory, syncedHash: synced('trajectory', trajectory.id) },
    reportSettings: null,
    cycles: cycles.map((c) => ({ ...c, syncedHash: synced('cycle', c.id) })),
    recordings: [],
    notes: [],
    fragments: [],
    methods: [],
    alignments: [],
  };
  const settings = store.exchange.reportSettings(trajectoryId);
  if (settings) {
    data.reportSettings = {
      ...settings,
      pseudonyms: PseudonymList.parse(settings.pseudonyms),
      syncedHash: synced('report_settings', trajectoryId),
    };
  }
  for (const cycle of cycles) {
    for (const r of store.recordings.listByCycle(cycle.id)) {
      const recording: ArchiveRecording = {
        id: r.id,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        author: r.author,
        cycleId: r.cycleId,
        position: r.position,
        fileName: r.fileName,
        media: r.media,
        proxyReason: r.proxyReason,
        mediaEntry: null,
        syncedHash: synced('recording', r.id),
      };
      data.recordings.push(recording);
      mediaPaths.set(r.id, r.filePath);
    }
    for (const n of store.exchange.notesOfCycle(cycle.id)) data.notes.push({ ...n, syncedHash: synced('note', n.id) });
    for (const f of store.exchange.fragmentsOfCycle(cycle.id)) data.fragments.push({ ...f, syncedHash: synced('fragment', f.id) });
    data.alignments.push(...alignmentsForArchive(store, cycle.id));
    const method = store.exchange.method(cycle.id);
    if (method) {
      const doc = CycleMethod.safeParse(method.doc);
      if (!doc.success) throw new ExchangeError('invalid-data', `The method record of cycle ${cycle.id} cannot be read`);
      data.methods.push({ ...method, doc: doc.data, syncedHash: synced('method', cycle.id) });
    }
  }
  const archiveScope: ArchiveScope =
    scope.kind === 'cycle' ? { kind: 'cycle', trajectoryId, cycleId: scope.cycleId } : { kind: 'trajectory', trajectoryId };
  return { data, archiveScope, mediaPaths };
}

/** The videos an archive of the scope would carry, without writing it: for "with videos (1.2 GB)". */
export async function estimateMediaBytes(store: Store, scope: ExportScope): Promise<{ bytes: number; files: number; missing: number }> {
  const cycleIds = scope.kind === 'cycle' ? [scope.cycleId] : store.cycles.listByTrajectory(scope.trajectoryId).map((c) => c.id);
  let bytes = 0;
  let files = 0;
  let missing = 0;
  for (const cycleId of cycleIds) {
    for (const recording of store.recordings.listByCycle(cycleId)) {
      const info = await stat(recording.filePath).catch(() => null);
      if (info?.isFile()) {
        bytes += info.size;
        files++;
      } else missing++;
    }
  }
  return { bytes, files, missing };
}

export async function exportArchive(opts: ArchiveExportOptions): Promise<ArchiveExportResult> {
  const collected = collectArchiveData(opts.store, opts.scope);
  const { archiveScope, mediaPaths } = collected;
  const forOthers = opts.kind === 'others' ? archiveDataForOthers(collected.data, collected.data.reportSettings?.pseudonyms ?? []) : null;
  const data = forOthers?.data ?? collected.data;
  const includeMedia = opts.includeMedia && !forOthers;

  // Which media go in, and how big everything will be.
  const media: { recording: ArchiveRecording; path: string; size: number }[] = [];
  const missingMedia: string[] = [];
  if (includeMedia) {
    for (const recording of data.recordings) {
      const filePath = mediaPaths.get(recording.id) ?? '';
      const info = existsSync(filePath) ? await stat(filePath).catch(() => null) : null;
      if (!info?.isFile()) {
        missingMedia.push(recording.fileName);
        continue;
      }
      recording.mediaEntry = `media/${recording.id}${mediaExtension(recording.fileName) || mediaExtension(filePath)}`;
      media.push({ recording, path: filePath, size: info.size });
    }
  }
  const dataBytes = Buffer.from(JSON.stringify(data), 'utf8');
  const mediaBytes = media.reduce((sum, m) => sum + m.size, 0);
  const total = dataBytes.length + mediaBytes;

  const partPath = `${opts.targetPath}.part`;
  const writer = new ZipWriter(partPath);
  let done = 0;
  const progress = (n: number) => {
    done += n;
    opts.onProgress?.(done, total);
  };
  try {
    const entries: Manifest['entries'] = {};
    entries[DATA_ENTRY] = await writer.addBytes(DATA_ENTRY, dataBytes);
    progress(dataBytes.length);
    for (const m of media) {
      const name = m.recording.mediaEntry as string;
      entries[name] = await writer.addFile(name, m.path, { signal: opts.signal, onBytes: progress });
    }
    const manifest: Manifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      appSchemaVersion: LATEST_SCHEMA_VERSION,
      appVersion: opts.appVersion,
      createdAt: (opts.now?.() ?? new Date()).toISOString(),
      author: opts.author,
      scope: archiveScope,
      kind: opts.kind,
      includesMedia: includeMedia,
      entries,
    };
    await writer.addBytes(MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'));
    await writer.close();
    await rename(partPath, opts.targetPath);
  } catch (error) {
    await writer.abort();
    await rm(partPath, { force: true });
    if (error instanceof ZipWriteAborted) throw new ExchangeError('cancelled', 'Archive export cancelled');
    if (error instanceof ExchangeError) throw error;
    throw new ExchangeError('write-failed', `Could not write ${opts.targetPath}: ${(error as Error).message}`, {
      path: opts.targetPath,
    });
  }
  const { size } = await stat(opts.targetPath);
  return {
    path: opts.targetPath,
    sizeBytes: size,
    mediaFiles: media.length,
    missingMedia,
    withheld: forOthers?.withheld ?? 0,
    counts: {
      cycles: data.cycles.length,
      recordings: data.recordings.length,
      notes: data.notes.length,
      fragments: data.fragments.length,
    },
  };
}
