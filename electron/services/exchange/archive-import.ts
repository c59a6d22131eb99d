// Importing a project archive, in the exchange worker (exchange-worker.ts) with its own
// connection to the database, so nothing of it holds up the backend: the archive has been
// checked whole (archive-read.ts); here the ids are checked against this machine's, the media
// it brings for recordings this machine doesn't have are copied (each SHA-256 checked on the
// way), and its records are merged into the store in one transaction by the rule in
// merge-plan.ts (see mergeArchive below for how it shares the write lock with the backend's
// saves). Conflicts are kept (exchange_conflicts) with the incoming version; the local record
// stays as it is until the user chooses (conflicts.ts). The main thread's side is importArchive
// in exchange-worker-client.ts.
//
// Media: a recording new here gets its file at <dataDir>/media/<recording id>.<ext>. A
// recording that exists here keeps its own file, unless that file is missing and the archive
// has it. Without media in the archive a new recording is "missing" and the user points VKZ at
// a copy of the video (relocate).
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { IdKind, MergeRecordType, Store, StoredConflict } from '../store';
import {
  mediaExtension,
  type ArchiveCycle,
  type ArchiveData,
  type ArchiveFragment,
  type ArchiveMethod,
  type ArchiveNote,
  type ArchiveRecording,
  type ArchiveReportSettings,
  type ArchiveTrajectory,
  type Manifest,
} from './archive-model';
import { mergeAlignments } from './archive-alignments';
import { copyArchiveMedia } from './archive-media-copy';
import type { OpenedArchive } from './archive-read';
import { ExchangeError } from './exchange-error';
import { contentOf, decideMerge, hashContent, unitePseudonyms, type MergeDecision } from './merge-plan';

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** Theirs was an older version of what is here: kept mine. */
  kept: number;
  conflicts: number;
}

export interface ArchiveImportResult {
  trajectoryId: string;
  manifest: Pick<Manifest, 'author' | 'createdAt' | 'includesMedia' | 'scope' | 'appVersion' | 'kind'>;
  counts: Record<MergeRecordType, ImportCounts>;
  /** Conflicts this import found (waiting for the user's choice). */
  conflicts: StoredConflict[];
  mediaImported: number;
  /** Incoming cycles whose number was taken here and that got the next free one. */
  renumberedCycles: { id: string; from: number; to: number }[];
}

export interface ArchiveImportWork {
  /** The worker's own connection to the data folder's database. */
  store: Store;
  dataDir: string;
  archive: OpenedArchive;
  fileName: string;
  /** Who imports: author of changes the merge itself makes (a united pseudonym list). */
  author: string;
  onProgress(done: number, total: number): void;
  /** Before any file is written: every file this import may leave behind (removed on cancel). */
  onWriting(files: string[]): void;
  /**
   * The merge is decided and about to take the write lock: resolves when the backend holds its
   * own writes back. From here on cancel is asked through `cancelled`, not by stopping the worker.
   */
  beforeWriting(): Promise<void>;
  /** The write transaction is over (committed or rolled back): the backend may write again. */
  afterWriting(): void;
  /** Cancel was pressed during the merge: the write transaction rolls back at its next check. */
  cancelled(): boolean;
  /** The backend has a save waiting for the write lock. */
  savesWaiting(): boolean;
}

const RECORD_TYPES: MergeRecordType[] = ['trajectory', 'report_settings', 'cycle', 'recording', 'method', 'note', 'fragment'];

function emptyCounts(): Record<MergeRecordType, ImportCounts> {
  return Object.fromEntries(RECORD_TYPES.map((t) => [t, { added: 0, updated: 0, unchanged: 0, kept: 0, conflicts: 0 }])) as Record<
    MergeRecordType,
    ImportCounts
  >;
}

export function mediaDirOf(dataDir: string): string {
  return path.join(dataDir, 'media');
}

function strip<T extends { syncedHash: string | null }>(record: T): Omit<T, 'syncedHash'> {
  const { syncedHash: _synced, ...rest } = record;
  return rest;
}

/** Which recordings need the archive's media here: new ones, and those whose file is missing. */
function recordingsNeedingMedia(store: Store, data: ArchiveData): ArchiveRecording[] {
  return data.recordings.filter((r) => {
    if (r.mediaEntry === null) return false;
    const local = store.recordings.get(r.id);
    return !local || !existsSync(local.filePath);
  });
}

/**
 * Refuses an archive that would overwrite a record of another trajectory, or of another kind,
 * that happens to have (or was given) the same id: ids merge only within one trajectory.
 */
function assertNoIdClash(store: Store, data: ArchiveData, fileName: string): void {
  const records: [IdKind, string][] = [
    ['trajectory', data.trajectory.id],
    ...data.cycles.map((c): [IdKind, string] => ['cycle', c.id]),
    ...data.recordings.map((r): [IdKind, string] => ['recording', r.id]),
    ...data.notes.map((n): [IdKind, string] => ['note', n.id]),
    ...data.fragments.map((f): [IdKind, string] => ['fragment', f.id]),
    ...data.alignments.map((a): [IdKind, string] => ['alignment', a.id]),
  ];
  const owners = store.exchange.ownersOf(records.map(([, id]) => id));
  for (const [kind, id] of records) {
    const owner = owners.get(id);
    if (owner && (owner.kind !== kind || owner.trajectoryId !== data.trajectory.id)) {
      throw new ExchangeError(
        'id-clash',
        `${fileName}: ${kind} ${id} has the id of a ${owner.kind} of ${owner.trajectoryId === data.trajectory.id ? 'this' : 'another'} trajectory here; nothing imported`,
        { file: fileName, kind, id },
      );
    }
  }
}

export async function importOpenedArchive(work: ArchiveImportWork): Promise<ArchiveImportResult> {
  const { store, archive, fileName } = work;
  const { manifest, data } = archive;
  assertNoIdClash(store, data, fileName);

  // Media: verify every entry; copy the ones this machine needs.
  const needed = new Map(recordingsNeedingMedia(store, data).map((r) => [r.mediaEntry as string, r]));
  const mediaDir = mediaDirOf(work.dataDir);
  const parts: { part: string; final: string }[] = [];
  const imported = new Map<string, string>(); // recording id -> file path
  const targets: [string, string | null][] = [...archive.media.keys()].map((name) => {
    const recording = needed.get(name);
    if (!recording) return [name, null];
    const final = path.join(mediaDir, `${recording.id}${mediaExtension(recording.fileName) || mediaExtension(name)}`);
    parts.push({ part: `${final}.part`, final });
    imported.set(recording.id, final);
    return [name, `${final}.part`];
  });
  const cleanUp = async (paths: string[]) => Promise.all(paths.map((p) => rm(p, { force: true })));
  work.onWriting(parts.flatMap((p) => [p.part, p.final]));
  try {
    if (needed.size > 0) await mkdir(mediaDir, { recursive: true });
    await copyArchiveMedia(archive, fileName, targets, work.onProgress);
    for (const { part, final } of parts) await rename(part, final);
  } catch (error) {
    await cleanUp(parts.flatMap((p) => [p.part, p.final]));
    throw error;
  }

  try {
    const { unusedMedia, ...result } = await mergeArchive({ ...work, data, manifest, importedMedia: imported });
    // A copy the merge did not use (the user relinked the recording meanwhile) is not kept.
    await cleanUp(unusedMedia);
    return { ...result, mediaImported: imported.size - unusedMedia.length };
  } catch (error) {
    await cleanUp(parts.map((p) => p.final));
    throw error;
  }
}

interface Merger {
  counts: Record<MergeRecordType, ImportCounts>;
  conflicts: StoredConflict[];
  renumberedCycles: ArchiveImportResult['renumberedCycles'];
  /** The content hash of each incoming record, by the record. */
  theirHashes: WeakMap<object, string>;
  /** What the decisions need written, in order; run under the write lock. Added with `write`. */
  writes: (() => void)[];
  write(fn: () => void): void;
  /** Media copied for a recording whose file was found again before the merge wrote (removed after the commit). */
  unusedMedia: string[];
}

interface MergeWork extends ArchiveImportWork {
  data: ArchiveData;
  manifest: Manifest;
  importedMedia: Map<string, string>;
}

/** Plans decided on a snapshot before the merge decides under the write lock (a save kept changing what they read). */
const SNAPSHOT_PLANS = 3;
/** Writes between two looks at the cancel and saves-waiting flags inside the write transaction. */
const WRITES_PER_CHECK = 50;
/**
 * How often the merge gives the write lock up for the backend's saves (rolling back, deciding
 * again and starting over) before it holds on to the end: a save waits for a few dozen writes,
 * not for the whole merge, and a user who saves without pause still sees the import finish.
 */
const YIELDS_TO_SAVES = 3;

class YieldToSaves extends Error {}

/**
 * Decides the merge on a read snapshot, then takes the write lock and writes it, if what the
 * decisions read is still so (a save of another record does not matter; an edit of a record
 * the archive brings does: then it is decided again, so the user's edit meets the merge rule
 * and is never overwritten unseen). One transaction: the import is all or nothing, also when
 * the process is killed. A save that comes in while it writes makes it roll back and start
 * over after the save (up to YIELDS_TO_SAVES times).
 */
async function mergeArchive(work: MergeWork): Promise<Omit<ArchiveImportResult, 'mediaImported'> & { unusedMedia: string[] }> {
  const { store, data } = work;
  // Hashing theirs needs nothing from the store: done once, before any plan.
  const theirHashes = hashTheirs(data);
  let stalePlans = 0;
  let yields = 0;
  for (;;) {
    if (work.cancelled()) throw cancelledDuringMerge();
    const planned =
      stalePlans < SNAPSHOT_PLANS
        ? store.readSnapshot(() => {
            assertNoIdClash(store, data, work.fileName);
            return { versions: versionsRead(store, data), merger: planMerge(work, theirHashes) };
          })
        : null;
    await work.beforeWriting();
    try {
      const merger = store.transaction(() => {
        // Again under the lock: an id may have been taken meanwhile, also by a record of another
        // kind (which versionsRead does not see).
        assertNoIdClash(store, data, work.fileName);
        if (planned && !sameVersions(planned.versions, versionsRead(store, data))) return null;
        const merger = planned?.merger ?? planMerge(work, theirHashes);
        merger.writes.forEach((write, i) => {
          if (i > 0 && i % WRITES_PER_CHECK === 0) {
            if (work.cancelled()) throw cancelledDuringMerge();
            if (yields < YIELDS_TO_SAVES && work.savesWaiting()) throw new YieldToSaves();
          }
          write();
        });
        if (work.cancelled()) throw cancelledDuringMerge();
        return merger;
      });
      if (merger) return { ...resultOf(merger, data, work.manifest), unusedMedia: merger.unusedMedia };
      stalePlans++;
    } catch (error) {
      if (!(error instanceof YieldToSaves)) throw error;
      yields++;
    } finally {
      work.afterWriting();
    }
  }
}

function cancelledDuringMerge(): ExchangeError {
  return new ExchangeError('cancelled', 'Cancelled during the merge; nothing imported');
}

type Versions = Map<MergeRecordType, Map<string, string>>;

/** The version here of every record the archive brings (and of its merge-log entry). */
function versionsRead(store: Store, data: ArchiveData): Versions {
  const ids: [MergeRecordType, string[]][] = [
    ['trajectory', [data.trajectory.id]],
    ['report_settings', data.reportSettings ? [data.reportSettings.trajectoryId] : []],
    ['cycle', data.cycles.map((c) => c.id)],
    ['recording', data.recordings.map((r) => r.id)],
    ['method', data.methods.map((m) => m.cycleId)],
    ['note', data.notes.map((n) => n.id)],
    ['fragment', data.fragments.map((f) => f.id)],
  ];
  return new Map(ids.map(([type, list]) => [type, list.length > 0 ? store.exchange.versionsOf(type, list) : new Map<string, string>()]));
}

function sameVersions(a: Versions, b: Versions): boolean {
  for (const [type, mine] of a) {
    const now = b.get(type)!;
    if (now.size !== mine.size) return false;
    for (const [id, version] of mine) if (now.get(id) !== version) return false;
  }
  return true;
}

function hashTheirs(data: ArchiveData): WeakMap<object, string> {
  const hashes = new WeakMap<object, string>();
  hashes.set(data.trajectory, hashContent(contentOf.trajectory(data.trajectory)));
  for (const c of data.cycles) hashes.set(c, hashContent(contentOf.cycle(c)));
  for (const m of data.methods) hashes.set(m, hashContent(contentOf.method(m)));
  for (const n of data.notes) hashes.set(n, hashContent(contentOf.note(n)));
  for (const f of data.fragments) hashes.set(f, hashContent(contentOf.fragment(f)));
  return hashes;
}

/**
 * Decides one record and records the outcome. `apply` writes theirs (for add and take-theirs);
 * conflicts are stored with theirs for the user. The merge log learns theirs in every case but
 * a conflict (which learns it when the user chooses).
 */
function mergeOne<T extends { updatedAt: string; syncedHash: string | null }>(
  store: Store,
  merger: Merger,
  manifest: Manifest,
  type: MergeRecordType,
  id: string,
  theirs: T,
  theirsContent: unknown,
  local: { updatedAt: string; content: unknown } | null,
  apply: (decision: 'add' | 'take-theirs') => void,
  onConflict?: () => MergeDecision,
): MergeDecision {
  const theirsHash = merger.theirHashes.get(theirs) ?? hashContent(theirsContent);
  const myBase = store.exchange.mergeLog(type, id);
  let decision = decideMerge({
    localHash: local ? hashContent(local.content) : null,
    localUpdatedAt: local?.updatedAt ?? null,
    theirsHash,
    theirsUpdatedAt: theirs.updatedAt,
    myBaseHash: myBase?.contentHash ?? null,
    myBaseUpdatedAt: myBase?.updatedAt ?? null,
    theirBaseHash: theirs.syncedHash,
  });
  if (decision === 'conflict' && onConflict) decision = onConflict();
  const counts = merger.counts[type];
  const { write } = merger;
  switch (decision) {
    case 'add':
    case 'take-theirs': {
      const chosen = decision;
      write(() => apply(chosen));
      if (decision === 'add') counts.added++;
      else counts.updated++;
      break;
    }
    case 'same':
      counts.unchanged++;
      break;
    case 'keep-mine':
      counts.kept++;
      // The log never goes back to an older version than it knows.
      if (myBase && theirs.updatedAt < myBase.updatedAt) return decision;
      break;
    case 'conflict':
      counts.conflicts++;
      write(() =>
        merger.conflicts.push(
          store.exchange.putConflict({
            id: randomUUID(),
            recordType: type,
            recordId: id,
            theirs,
            archiveAuthor: manifest.author,
            archiveCreatedAt: manifest.createdAt,
          }),
        ),
      );
      return decision;
  }
  write(() => store.exchange.setMergeLog(type, id, { contentHash: theirsHash, updatedAt: theirs.updatedAt }));
  return decision;
}

/**
 * Decides every incoming record by the merge rule against what is here, and collects the
 * writes that carries out (only reads here). The few writes that depend on the state they
 * find (cycle numbers, recording order, a missing file) read it when they run.
 */
function planMerge(work: MergeWork, theirHashes: WeakMap<object, string>): Merger {
  const { store, data, manifest, importedMedia } = work;
  const writes: (() => void)[] = [];
  const merger: Merger = { counts: emptyCounts(), conflicts: [], renumberedCycles: [], theirHashes, writes, write: (fn) => writes.push(fn), unusedMedia: [] };
  const { write } = merger;
  const ex = store.exchange;
  const renumberedCycles = merger.renumberedCycles;

  // Trajectory.
  const t = data.trajectory;
  const localT = ex.trajectory(t.id);
  mergeOne(store, merger, manifest, 'trajectory', t.id, t, contentOf.trajectory(t), localT && { updatedAt: localT.updatedAt, content: contentOf.trajectory(localT) }, () =>
    ex.putTrajectory(strip(t)),
  );

  // Report settings: background by the rule; the pseudonym lists are always united.
  if (data.reportSettings) applyIncomingReportSettings(store, merger, manifest, data.reportSettings, work.author);

  // Cycles: an incoming cycle keeps its number unless that number is taken here.
  for (const c of data.cycles) {
    const local = store.cycles.get(c.id);
    mergeOne(store, merger, manifest, 'cycle', c.id, c, contentOf.cycle(c), local && { updatedAt: local.updatedAt, content: contentOf.cycle(local) }, (d) => {
      if (d === 'take-theirs' && local) return ex.putCycle({ ...strip(c), number: local.number });
      let number = c.number;
      if (ex.cycleNumberTaken(c.trajectoryId, number, c.id)) {
        number = ex.nextCycleNumber(c.trajectoryId);
        renumberedCycles.push({ id: c.id, from: c.number, to: number });
      }
      ex.putCycle({ ...strip(c), number });
    });
  }

  // Recordings: their place in the cycle merges; where both moved it, the newer order wins
  // (not worth a question). The file is this machine's.
  const touchedCycles = new Set<string>();
  for (const r of data.recordings) {
    const local = store.recordings.get(r.id);
    const decision = mergeOne(
      store,
      merger,
      manifest,
      'recording',
      r.id,
      r,
      contentOf.recording(r),
      local && { updatedAt: local.updatedAt, content: contentOf.recording(local) },
      (d) => {
        touchedCycles.add(r.cycleId);
        if (d === 'take-theirs' && local) return ex.setRecordingPosition(r.id, r.position, r.updatedAt, r.author);
        const media = importedMedia.get(r.id);
        ex.insertRecording({
          id: r.id,
          createdAt: r.createdAt,
          updatedAt: r.updatedAt,
          author: r.author,
          cycleId: r.cycleId,
          position: r.position,
          fileName: r.fileName,
          filePath: media ?? path.join(mediaDirOf(work.dataDir), `${r.id}${mediaExtension(r.fileName)}`),
          media: r.media,
          proxyReason: r.proxyReason,
          // A proxy is made here when needed: 'queued' is picked up when the cycle is opened.
          proxyState: r.proxyReason === null ? 'not-needed' : media ? 'queued' : 'cancelled',
          proxyProgress: 0,
          proxyError: null,
          proxyPath: null,
        });
      },
      () => (r.updatedAt > (local?.updatedAt ?? '') ? 'take-theirs' : 'keep-mine'),
    );
    // A recording whose file is missing here gets the archive's copy: if it is still missing
    // when the merge writes (the user may have relinked it since the copy began). A recording
    // that came without its video already names the copy's place (see insertRecording above).
    const media = importedMedia.get(r.id);
    if (local && media && decision !== 'add') {
      write(() => {
        const now = store.recordings.get(r.id);
        if (!now || (now.filePath !== media && existsSync(now.filePath))) return void merger.unusedMedia.push(media);
        ex.setRecordingFile(r.id, media);
        if (now.proxyReason !== null && now.proxyState !== 'done') store.recordings.updateProxy(r.id, { proxyState: 'queued' });
      });
    }
  }
  write(() => {
    for (const cycleId of touchedCycles) ex.renumberRecordings(cycleId);
  });

  // Method records (one document per cycle).
  for (const m of data.methods) {
    const local = ex.method(m.cycleId);
    mergeOne(store, merger, manifest, 'method', m.cycleId, m, contentOf.method(m), local && { updatedAt: local.updatedAt, content: contentOf.method(local) }, () =>
      ex.putMethod(strip(m)),
    );
  }

  for (const n of data.notes) {
    const local = ex.note(n.id);
    mergeOne(store, merger, manifest, 'note', n.id, n, contentOf.note(n), local && { updatedAt: local.updatedAt, content: contentOf.note(local) }, () =>
      ex.putNote(strip(n)),
    );
  }
  for (const f of data.fragments) {
    const local = ex.fragment(f.id);
    mergeOne(store, merger, manifest, 'fragment', f.id, f, contentOf.fragment(f), local && { updatedAt: local.updatedAt, content: contentOf.fragment(local) }, () =>
      ex.putFragment(strip(f)),
    );
  }
  // After the fragments and notes, so the joint records decisions name are there.
  write(() => void mergeAlignments(store, data.alignments));
  return merger;
}

function resultOf(merger: Merger, data: ArchiveData, manifest: Manifest): Omit<ArchiveImportResult, 'mediaImported'> {
  return {
    trajectoryId: data.trajectory.id,
    manifest: {
      author: manifest.author,
      createdAt: manifest.createdAt,
      includesMedia: manifest.includesMedia,
      kind: manifest.kind,
      scope: manifest.scope,
      appVersion: manifest.appVersion,
    },
    counts: merger.counts,
    conflicts: merger.conflicts,
    renumberedCycles: merger.renumberedCycles,
  };
}

function applyIncomingReportSettings(store: Store, merger: Merger, manifest: Manifest, theirs: ArchiveReportSettings, importer: string): void {
  const ex = store.exchange;
  const local = ex.reportSettings(theirs.trajectoryId);
  const localList = local ? parsePseudonyms(local.pseudonyms) : [];
  const decision = mergeOne(
    store,
    merger,
    manifest,
    'report_settings',
    theirs.trajectoryId,
    theirs,
    contentOf.report_settings(theirs),
    local && { updatedAt: local.updatedAt, content: contentOf.report_settings(local) },
    () => {
      ex.putReportSettings({ ...strip(theirs), pseudonyms: unitePseudonyms(theirs.pseudonyms, localList) });
    },
  );
  const wroteTheirs = decision === 'add' || decision === 'take-theirs';
  if (!wroteTheirs && local) {
    const united = unitePseudonyms(localList, theirs.pseudonyms);
    if (united.length > localList.length) {
      merger.write(() => ex.putReportSettings({ ...local, pseudonyms: united, updatedAt: new Date().toISOString(), author: importer }));
    }
  }
}

function parsePseudonyms(value: unknown): { name: string; replacement: string }[] {
  return Array.isArray(value)
    ? value.filter(
        (p): p is { name: string; replacement: string } =>
          typeof p === 'object' && p !== null && typeof (p as { name?: unknown }).name === 'string' && typeof (p as { replacement?: unknown }).replacement === 'string',
      )
    : [];
}

export type IncomingRecord = ArchiveTrajectory | ArchiveCycle | ArchiveRecording | ArchiveNote | ArchiveFragment | ArchiveMethod | ArchiveReportSettings;
export { parsePseudonyms };
