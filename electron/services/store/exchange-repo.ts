// What project exchange (electron/services/exchange) needs from the database beyond the other
// repositories: records as they are, soft-deleted notes and fragments included, written back
// with the stamps (id, created_at, updated_at, author) they came with; the merge log; and the
// conflicts waiting for the user's choice (migration 4).
//
// The writes here do not validate content rules again (times within the recording and so on):
// the exchange service validates an archive as a whole before it writes anything, and the
// table constraints still hold. They run inside the caller's transaction.
import type BetterSqlite3 from 'better-sqlite3';
import type { Cycle, Fragment, MediaInfo, Note, ProxyState, StoredRecording, Trajectory } from '../../../shared/domain';
import type { Clock } from './clock';
import { fragmentFromRow, type FragmentRow } from './fragments-repo';
import { createIdOwners, type IdKind } from './id-owners';
import { noteFromRow, type NoteRow } from './notes-repo';
import { writeTransaction } from './write-transaction';

export type SharedTrajectory = Omit<Trajectory, 'cycleCount'>;
export type SharedNote = Note & { deletedAt: string | null };
export type SharedFragment = Fragment & { deletedAt: string | null };
export interface SharedMethodRow {
  cycleId: string;
  /** The stored document, parsed from JSON but not validated (the caller does that). */
  doc: unknown;
  createdAt: string;
  updatedAt: string;
  author: string;
}
export interface SharedReportSettingsRow {
  trajectoryId: string;
  pseudonyms: unknown;
  background: string;
  createdAt: string;
  updatedAt: string;
  author: string;
}

export type MergeRecordType = 'trajectory' | 'cycle' | 'recording' | 'note' | 'fragment' | 'method' | 'report_settings';

export interface MergeLogEntry {
  contentHash: string;
  updatedAt: string;
}

export interface StoredConflict {
  id: string;
  recordType: MergeRecordType;
  recordId: string;
  theirs: unknown;
  archiveAuthor: string;
  archiveCreatedAt: string;
  foundAt: string;
}


export interface ExchangeRepo {
  /** Which kind of record holds each of `ids` here, and in which trajectory; ids no record has are left out. */
  ownersOf(ids: string[]): Map<string, { kind: IdKind; trajectoryId: string }>;
  trajectory(id: string): SharedTrajectory | null;
  notesOfCycle(cycleId: string): SharedNote[];
  fragmentsOfCycle(cycleId: string): SharedFragment[];
  note(id: string): SharedNote | null;
  fragment(id: string): SharedFragment | null;
  method(cycleId: string): SharedMethodRow | null;
  reportSettings(trajectoryId: string): SharedReportSettingsRow | null;

  putTrajectory(t: SharedTrajectory): void;
  putCycle(c: Cycle): void;
  insertRecording(r: StoredRecording): void;
  /** The shared part of a recording that exists here (its place in the cycle); the file stays. */
  setRecordingPosition(id: string, position: number, updatedAt: string, author: string): void;
  /** Points a recording at a file (imported media for a recording whose file is missing here). */
  setRecordingFile(id: string, filePath: string): void;
  putNote(n: SharedNote): void;
  putFragment(f: SharedFragment): void;
  putMethod(m: SharedMethodRow): void;
  putReportSettings(s: SharedReportSettingsRow): void;
  /** Positions 1..n in the current order (merges can leave two "video 2"s); returns the ids moved. */
  renumberRecordings(cycleId: string): string[];
  /** The number a new cycle of the trajectory would get. */
  nextCycleNumber(trajectoryId: string): number;
  cycleNumberTaken(trajectoryId: string, number: number, exceptId: string): boolean;

  /**
   * The version of each of `ids` here (records of `type`): its updated_at (stamped by every
   * change the user makes, strictly increasing; a merge writes the incoming one), for a recording
   * also its position (renumbering moves one without stamping it), and its merge-log entry.
   * Writes that stamp nothing and that the merge does not decide on (proxy progress, the file a
   * recording points at: looked at again as the merge writes) leave it as it is. Ids with
   * neither a record nor a log entry are left out. An import plans its merge outside the write
   * transaction and compares these under the lock, to know that what it read is still so.
   */
  versionsOf(type: MergeRecordType, ids: string[]): Map<string, string>;
  mergeLog(type: MergeRecordType, id: string): MergeLogEntry | null;
  setMergeLog(type: MergeRecordType, id: string, entry: MergeLogEntry): void;

  conflicts(): StoredConflict[];
  conflict(id: string): StoredConflict | null;
  /** Records (or replaces) the pending conflict of a record. */
  putConflict(c: Omit<StoredConflict, 'foundAt'>): StoredConflict;
  deleteConflict(id: string): void;
  deleteConflictFor(type: MergeRecordType, recordId: string): void;
}

// With deletedAt: the exchange carries deletions too.
const toNote = (r: NoteRow): SharedNote => ({ ...noteFromRow(r), deletedAt: r.deleted_at });
const toFragment = (r: FragmentRow): SharedFragment => ({ ...fragmentFromRow(r), deletedAt: r.deleted_at });

interface ConflictRow {
  id: string;
  record_type: MergeRecordType;
  record_id: string;
  theirs_json: string;
  archive_author: string;
  archive_created_at: string;
  found_at: string;
}

const toConflict = (r: ConflictRow): StoredConflict => ({
  id: r.id,
  recordType: r.record_type,
  recordId: r.record_id,
  theirs: JSON.parse(r.theirs_json) as unknown,
  archiveAuthor: r.archive_author,
  archiveCreatedAt: r.archive_created_at,
  foundAt: r.found_at,
});

export function createExchangeRepo(db: BetterSqlite3.Database, now: Clock): ExchangeRepo {
  // Many ids in one query (an archive brings thousands): the ids go in as one JSON array.
  const owners = createIdOwners(db);
  const selectTrajectory = db.prepare<[string], { id: string; created_at: string; updated_at: string; author: string; case_manager: string; client: string }>(
    'SELECT id, created_at, updated_at, author, case_manager, client FROM trajectories WHERE id = ?',
  );
  const selectNotes = db.prepare<[string], NoteRow>(
    `SELECT n.* FROM notes n JOIN recordings r ON r.id = n.recording_id
     WHERE n.cycle_id = ? ORDER BY r.position, n.time_sec, n.created_at, n.id`,
  );
  const selectNote = db.prepare<[string], NoteRow>('SELECT * FROM notes WHERE id = ?');
  const selectFragments = db.prepare<[string], FragmentRow>(
    `SELECT f.* FROM fragments f JOIN recordings r ON r.id = f.recording_id
     WHERE f.cycle_id = ? ORDER BY r.position, f.in_sec, f.created_at, f.id`,
  );
  const selectFragment = db.prepare<[string], FragmentRow>('SELECT * FROM fragments WHERE id = ?');
  const selectMethod = db.prepare<[string], { cycle_id: string; doc_json: string; created_at: string; updated_at: string; author: string }>(
    'SELECT cycle_id, doc_json, created_at, updated_at, author FROM cycle_methods WHERE cycle_id = ?',
  );
  const selectReportSettings = db.prepare<
    [string],
    { trajectory_id: string; pseudonyms_json: string; background: string; created_at: string; updated_at: string; author: string }
  >(
    `SELECT trajectory_id, pseudonyms_json, background, created_at, updated_at, author
     FROM trajectory_report_settings WHERE trajectory_id = ?`,
  );

  const upsertTrajectory = db.prepare<SharedTrajectory>(
    `INSERT INTO trajectories (id, created_at, updated_at, author, case_manager, client)
     VALUES (@id, @createdAt, @updatedAt, @author, @caseManager, @client)
     ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, author = excluded.author,
       case_manager = excluded.case_manager, client = excluded.client`,
  );
  const upsertCycle = db.prepare<Cycle>(
    `INSERT INTO cycles (id, created_at, updated_at, author, trajectory_id, number, title, date)
     VALUES (@id, @createdAt, @updatedAt, @author, @trajectoryId, @number, @title, @date)
     ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, author = excluded.author,
       number = excluded.number, title = excluded.title, date = excluded.date`,
  );
  const insertRecordingRow = db.prepare<{
    id: string;
    createdAt: string;
    updatedAt: string;
    author: string;
    cycleId: string;
    position: number;
    fileName: string;
    filePath: string;
    mediaJson: string;
    proxyReason: string | null;
    proxyState: ProxyState;
    proxyProgress: number;
    proxyError: string | null;
    proxyPath: string | null;
  }>(
    `INSERT INTO recordings (id, created_at, updated_at, author, cycle_id, position, file_name, file_path,
                             media_json, proxy_reason, proxy_state, proxy_progress, proxy_error, proxy_path)
     VALUES (@id, @createdAt, @updatedAt, @author, @cycleId, @position, @fileName, @filePath,
             @mediaJson, @proxyReason, @proxyState, @proxyProgress, @proxyError, @proxyPath)`,
  );
  const updateRecordingPosition = db.prepare<{ id: string; position: number; updatedAt: string; author: string }>(
    'UPDATE recordings SET position = @position, updated_at = @updatedAt, author = @author WHERE id = @id',
  );
  const updateRecordingFile = db.prepare<{ id: string; filePath: string }>(
    'UPDATE recordings SET file_path = @filePath WHERE id = @id',
  );
  const selectRecordingOrder = db.prepare<[string], { id: string; position: number }>(
    'SELECT id, position FROM recordings WHERE cycle_id = ? ORDER BY position, created_at, id',
  );
  const setPositionOnly = db.prepare<{ id: string; position: number }>('UPDATE recordings SET position = @position WHERE id = @id');
  const maxCycleNumber = db
    .prepare<[string], number | null>('SELECT max(number) FROM cycles WHERE trajectory_id = ?')
    .pluck();
  const numberTaken = db
    .prepare<[string, number, string], number>('SELECT 1 FROM cycles WHERE trajectory_id = ? AND number = ? AND id <> ?')
    .pluck();

  const upsertNote = db.prepare<NoteRow>(
    `INSERT INTO notes (id, created_at, updated_at, author, cycle_id, recording_id, time_sec, kind, text, speaker, deleted_at)
     VALUES (@id, @created_at, @updated_at, @author, @cycle_id, @recording_id, @time_sec, @kind, @text, @speaker, @deleted_at)
     ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at, updated_at = excluded.updated_at,
       author = excluded.author, time_sec = excluded.time_sec, kind = excluded.kind, text = excluded.text,
       speaker = excluded.speaker, deleted_at = excluded.deleted_at`,
  );
  const upsertFragment = db.prepare<FragmentRow>(
    `INSERT INTO fragments (id, created_at, updated_at, author, cycle_id, recording_id, in_sec, out_sec, title, note,
                            valence, themes_json, for_client, for_case_manager, still_sec, deleted_at)
     VALUES (@id, @created_at, @updated_at, @author, @cycle_id, @recording_id, @in_sec, @out_sec, @title, @note,
             @valence, @themes_json, @for_client, @for_case_manager, @still_sec, @deleted_at)
     ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at, updated_at = excluded.updated_at,
       author = excluded.author, in_sec = excluded.in_sec, out_sec = excluded.out_sec, title = excluded.title,
       note = excluded.note, valence = excluded.valence, themes_json = excluded.themes_json,
       for_client = excluded.for_client, for_case_manager = excluded.for_case_manager, still_sec = excluded.still_sec,
       deleted_at = excluded.deleted_at`,
  );
  const upsertMethod = db.prepare<{ cycleId: string; doc: string; createdAt: string; updatedAt: string; author: string }>(
    `INSERT INTO cycle_methods (cycle_id, doc_json, created_at, updated_at, author)
     VALUES (@cycleId, @doc, @createdAt, @updatedAt, @author)
     ON CONFLICT (cycle_id) DO UPDATE SET doc_json = excluded.doc_json, updated_at = excluded.updated_at,
       author = excluded.author`,
  );
  const upsertReportSettings = db.prepare<{
    trajectoryId: string;
    pseudonyms: string;
    background: string;
    createdAt: string;
    updatedAt: string;
    author: string;
  }>(
    `INSERT INTO trajectory_report_settings (trajectory_id, pseudonyms_json, background, created_at, updated_at, author)
     VALUES (@trajectoryId, @pseudonyms, @background, @createdAt, @updatedAt, @author)
     ON CONFLICT (trajectory_id) DO UPDATE SET pseudonyms_json = excluded.pseudonyms_json,
       background = excluded.background, updated_at = excluded.updated_at, author = excluded.author`,
  );

  // One query per kind; the ids go in as one JSON array. The merge-log entry is part of the
  // version: a conflict chosen meanwhile changes it.
  const versionOf: Record<MergeRecordType, string> = {
    trajectory: 'SELECT id, updated_at AS v FROM trajectories',
    cycle: 'SELECT id, updated_at AS v FROM cycles',
    // Renumbering moves a recording without stamping it.
    recording: "SELECT id, updated_at || ' #' || position AS v FROM recordings",
    note: 'SELECT id, updated_at AS v FROM notes',
    fragment: 'SELECT id, updated_at AS v FROM fragments',
    method: 'SELECT cycle_id AS id, updated_at AS v FROM cycle_methods',
    report_settings: 'SELECT trajectory_id AS id, updated_at AS v FROM trajectory_report_settings',
  };
  const selectVersions = Object.fromEntries(
    Object.entries(versionOf).map(([type, select]) => [
      type,
      db.prepare<[string, string], { id: string; v: string | null; log: string | null }>(
        `WITH wanted(id) AS (SELECT value FROM json_each(?)), mine AS (${select})
         SELECT wanted.id, mine.v, l.content_hash || ' ' || l.updated_at AS log FROM wanted
         LEFT JOIN mine ON mine.id = wanted.id
         LEFT JOIN exchange_merge_log l ON l.record_type = ? AND l.record_id = wanted.id
         WHERE mine.v IS NOT NULL OR l.content_hash IS NOT NULL`,
      ),
    ]),
  ) as Record<MergeRecordType, BetterSqlite3.Statement<[string, string], { id: string; v: string | null; log: string | null }>>;

  const selectLog = db.prepare<[string, string], { content_hash: string; updated_at: string }>(
    'SELECT content_hash, updated_at FROM exchange_merge_log WHERE record_type = ? AND record_id = ?',
  );
  const upsertLog = db.prepare<{ type: string; id: string; hash: string; updatedAt: string; now: string }>(
    `INSERT INTO exchange_merge_log (record_type, record_id, content_hash, updated_at, merged_at)
     VALUES (@type, @id, @hash, @updatedAt, @now)
     ON CONFLICT (record_type, record_id) DO UPDATE SET content_hash = excluded.content_hash,
       updated_at = excluded.updated_at, merged_at = excluded.merged_at`,
  );

  const selectConflicts = db.prepare<[], ConflictRow>('SELECT * FROM exchange_conflicts ORDER BY found_at, id');
  const selectConflict = db.prepare<[string], ConflictRow>('SELECT * FROM exchange_conflicts WHERE id = ?');
  const upsertConflict = db.prepare<ConflictRow>(
    `INSERT INTO exchange_conflicts (id, record_type, record_id, theirs_json, archive_author, archive_created_at, found_at)
     VALUES (@id, @record_type, @record_id, @theirs_json, @archive_author, @archive_created_at, @found_at)
     ON CONFLICT (record_type, record_id) DO UPDATE SET id = excluded.id, theirs_json = excluded.theirs_json,
       archive_author = excluded.archive_author, archive_created_at = excluded.archive_created_at,
       found_at = excluded.found_at`,
  );
  const removeConflict = db.prepare<[string]>('DELETE FROM exchange_conflicts WHERE id = ?');
  const removeConflictFor = db.prepare<[string, string]>('DELETE FROM exchange_conflicts WHERE record_type = ? AND record_id = ?');

  const noteParams = (n: SharedNote): NoteRow => ({
    id: n.id,
    created_at: n.createdAt,
    updated_at: n.updatedAt,
    author: n.author,
    cycle_id: n.cycleId,
    recording_id: n.recordingId,
    time_sec: n.timeSec,
    kind: n.kind,
    text: n.text,
    speaker: n.speaker,
    deleted_at: n.deletedAt,
  });
  const fragmentParams = (f: SharedFragment): FragmentRow => ({
    id: f.id,
    created_at: f.createdAt,
    updated_at: f.updatedAt,
    author: f.author,
    cycle_id: f.cycleId,
    recording_id: f.recordingId,
    in_sec: f.inSec,
    out_sec: f.outSec,
    title: f.title,
    note: f.note,
    valence: f.valence,
    themes_json: JSON.stringify(f.themes),
    for_client: f.forClient ? 1 : 0,
    for_case_manager: f.forCaseManager ? 1 : 0,
    still_sec: f.stillSec ?? null,
    deleted_at: f.deletedAt,
  });

  return {
    ownersOf: (ids) => owners.of(ids),
    trajectory(id) {
      const r = selectTrajectory.get(id);
      return r
        ? { id: r.id, createdAt: r.created_at, updatedAt: r.updated_at, author: r.author, caseManager: r.case_manager, client: r.client }
        : null;
    },
    notesOfCycle: (cycleId) => selectNotes.all(cycleId).map(toNote),
    fragmentsOfCycle: (cycleId) => selectFragments.all(cycleId).map(toFragment),
    note(id) {
      const r = selectNote.get(id);
      return r ? toNote(r) : null;
    },
    fragment(id) {
      const r = selectFragment.get(id);
      return r ? toFragment(r) : null;
    },
    method(cycleId) {
      const r = selectMethod.get(cycleId);
      return r
        ? { cycleId: r.cycle_id, doc: JSON.parse(r.doc_json) as unknown, createdAt: r.created_at, updatedAt: r.updated_at, author: r.author }
        : null;
    },
    reportSettings(trajectoryId) {
      const r = selectReportSettings.get(trajectoryId);
      return r
        ? {
            trajectoryId: r.trajectory_id,
            pseudonyms: JSON.parse(r.pseudonyms_json) as unknown,
            background: r.background,
            createdAt: r.created_at,
            updatedAt: r.updated_at,
            author: r.author,
          }
        : null;
    },

    putTrajectory: writeTransaction(db, (t: SharedTrajectory) =>
      void upsertTrajectory.run({
        id: t.id,
        createdAt: t.createdAt,
        updatedAt: t.updatedAt,
        author: t.author,
        caseManager: t.caseManager,
        client: t.client,
      }),
    ),
    putCycle: writeTransaction(db, (c: Cycle) =>
      void upsertCycle.run({
        id: c.id,
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
        author: c.author,
        trajectoryId: c.trajectoryId,
        number: c.number,
        title: c.title,
        date: c.date,
      }),
    ),
    insertRecording: writeTransaction(db, (r: StoredRecording) =>
      void insertRecordingRow.run({
        id: r.id,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        author: r.author,
        cycleId: r.cycleId,
        position: r.position,
        fileName: r.fileName,
        filePath: r.filePath,
        mediaJson: JSON.stringify(r.media satisfies MediaInfo),
        proxyReason: r.proxyReason,
        proxyState: r.proxyState,
        proxyProgress: r.proxyProgress,
        proxyError: r.proxyError,
        proxyPath: r.proxyPath,
      }),
    ),
    setRecordingPosition: writeTransaction(db, (id: string, position: number, updatedAt: string, author: string) =>
      void updateRecordingPosition.run({ id, position, updatedAt, author }),
    ),
    setRecordingFile: writeTransaction(db, (id: string, filePath: string) => void updateRecordingFile.run({ id, filePath })),
    putNote: writeTransaction(db, (n: SharedNote) => void upsertNote.run(noteParams(n))),
    putFragment: writeTransaction(db, (f: SharedFragment) => void upsertFragment.run(fragmentParams(f))),
    putMethod: writeTransaction(db, (m: SharedMethodRow) =>
      void upsertMethod.run({ cycleId: m.cycleId, doc: JSON.stringify(m.doc), createdAt: m.createdAt, updatedAt: m.updatedAt, author: m.author }),
    ),
    putReportSettings: writeTransaction(db, (s: SharedReportSettingsRow) =>
      void upsertReportSettings.run({
        trajectoryId: s.trajectoryId,
        pseudonyms: JSON.stringify(s.pseudonyms),
        background: s.background,
        createdAt: s.createdAt,
        updatedAt: s.updatedAt,
        author: s.author,
      }),
    ),
    renumberRecordings: writeTransaction(db, (cycleId: string): string[] => {
      const moved: string[] = [];
      selectRecordingOrder.all(cycleId).forEach((row, index) => {
        if (row.position !== index + 1) {
          setPositionOnly.run({ id: row.id, position: index + 1 });
          moved.push(row.id);
        }
      });
      return moved;
    }),
    nextCycleNumber: (trajectoryId) => (maxCycleNumber.get(trajectoryId) ?? 0) + 1,
    cycleNumberTaken: (trajectoryId, number, exceptId) => numberTaken.get(trajectoryId, number, exceptId) === 1,

    versionsOf(type, ids) {
      return new Map(selectVersions[type].all(JSON.stringify(ids), type).map((r) => [r.id, `${r.v ?? '-'} | ${r.log ?? '-'}`]));
    },
    mergeLog(type, id) {
      const r = selectLog.get(type, id);
      return r ? { contentHash: r.content_hash, updatedAt: r.updated_at } : null;
    },
    setMergeLog: writeTransaction(db, (type: MergeRecordType, id: string, entry: MergeLogEntry) =>
      void upsertLog.run({ type, id, hash: entry.contentHash, updatedAt: entry.updatedAt, now: now() }),
    ),

    conflicts: () => selectConflicts.all().map(toConflict),
    conflict(id) {
      const r = selectConflict.get(id);
      return r ? toConflict(r) : null;
    },
    putConflict: writeTransaction(db, (c: Omit<StoredConflict, 'foundAt'>): StoredConflict => {
      const row: ConflictRow = {
        id: c.id,
        record_type: c.recordType,
        record_id: c.recordId,
        theirs_json: JSON.stringify(c.theirs),
        archive_author: c.archiveAuthor,
        archive_created_at: c.archiveCreatedAt,
        found_at: now(),
      };
      upsertConflict.run(row);
      return toConflict(row);
    }),
    deleteConflict: writeTransaction(db, (id: string) => void removeConflict.run(id)),
    deleteConflictFor: writeTransaction(db, (type: MergeRecordType, recordId: string) => void removeConflictFor.run(type, recordId)),
  };
}
