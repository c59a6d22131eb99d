// Forgetting a trajectory ("vergeet deze cliënt"): every record of it goes, including what
// project exchange remembers about its records (merge log, pending conflicts), and the space
// it took in the database file is reclaimed, so its text is not left in free pages or the WAL.
// The files derived from its recordings are the caller's to remove (backend/forget-service.ts).
import type BetterSqlite3 from 'better-sqlite3';
import { Id } from '../../../shared/domain';
import { parseInput } from './store-error';
import { writeTransaction } from './write-transaction';

export interface ForgottenRecording {
  id: string;
  filePath: string;
  proxyPath: string | null;
}

export interface ForgottenRecords {
  cycles: number;
  recordings: ForgottenRecording[];
  notes: number;
  fragments: number;
  methods: number;
  exports: number;
}

export interface Forgetting {
  /** Removes the trajectory and everything of it, in one transaction. */
  forget(trajectoryId: string): ForgottenRecords;
  /** Rewrites the database file without free pages and empties the WAL. Not in a transaction. */
  reclaimSpace(): void;
}

const IN_TRAJECTORY = {
  cycles: 'SELECT id FROM cycles WHERE trajectory_id = @t',
  recordings: 'SELECT r.id FROM recordings r JOIN cycles c ON c.id = r.cycle_id WHERE c.trajectory_id = @t',
  notes: 'SELECT n.id FROM notes n JOIN cycles c ON c.id = n.cycle_id WHERE c.trajectory_id = @t',
  fragments: 'SELECT f.id FROM fragments f JOIN cycles c ON c.id = f.cycle_id WHERE c.trajectory_id = @t',
};

/** Exchange bookkeeping names records by type and id (no foreign keys): match them all. */
const EXCHANGE_ROWS = `
  (record_type IN ('trajectory', 'report_settings') AND record_id = @t)
  OR (record_type IN ('cycle', 'method') AND record_id IN (${IN_TRAJECTORY.cycles}))
  OR (record_type = 'recording' AND record_id IN (${IN_TRAJECTORY.recordings}))
  OR (record_type = 'note' AND record_id IN (${IN_TRAJECTORY.notes}))
  OR (record_type = 'fragment' AND record_id IN (${IN_TRAJECTORY.fragments}))`;

export function createForgetting(db: BetterSqlite3.Database): Forgetting {
  const count = (sql: string) => db.prepare<{ t: string }, { n: number }>(`SELECT count(*) AS n FROM (${sql})`);
  const counts = {
    cycles: count(IN_TRAJECTORY.cycles),
    notes: count(IN_TRAJECTORY.notes),
    fragments: count(IN_TRAJECTORY.fragments),
    methods: count('SELECT m.cycle_id FROM cycle_methods m JOIN cycles c ON c.id = m.cycle_id WHERE c.trajectory_id = @t'),
    exports: count('SELECT id FROM export_log WHERE trajectory_id = @t'),
  };
  const recordings = db.prepare<{ t: string }, { id: string; file_path: string; proxy_path: string | null }>(
    'SELECT r.id, r.file_path, r.proxy_path FROM recordings r JOIN cycles c ON c.id = r.cycle_id WHERE c.trajectory_id = @t',
  );
  const deleteMergeLog = db.prepare<{ t: string }>(`DELETE FROM exchange_merge_log WHERE ${EXCHANGE_ROWS}`);
  const deleteConflicts = db.prepare<{ t: string }>(`DELETE FROM exchange_conflicts WHERE ${EXCHANGE_ROWS}`);
  const deleteTrajectory = db.prepare<{ t: string }>('DELETE FROM trajectories WHERE id = @t');

  const forget = writeTransaction(db, (trajectoryId: string): ForgottenRecords => {
    const t = parseInput(Id, trajectoryId, 'trajectory id');
    const n = (q: BetterSqlite3.Statement<{ t: string }, { n: number }>) => q.get({ t })?.n ?? 0;
    const result: ForgottenRecords = {
      cycles: n(counts.cycles),
      recordings: recordings.all({ t }).map((r) => ({ id: r.id, filePath: r.file_path, proxyPath: r.proxy_path })),
      notes: n(counts.notes),
      fragments: n(counts.fragments),
      methods: n(counts.methods),
      exports: n(counts.exports),
    };
    deleteMergeLog.run({ t });
    deleteConflicts.run({ t });
    // Cycles, recordings, notes, fragments, method records, report settings, retention date
    // and export log follow by ON DELETE CASCADE.
    deleteTrajectory.run({ t });
    return result;
  });

  return {
    forget,
    reclaimSpace() {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.exec('VACUUM');
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
  };
}
