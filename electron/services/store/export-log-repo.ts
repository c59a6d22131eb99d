// The export log: one row per file (or archive, clip batch, showreel) that left the machine
// with a trajectory's data. It answers "what left, when, for whom" for the data-management file.
import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { ExportLogEntry } from '../../../shared/privacy/export-log';
import type { Clock } from './clock';
import { writeTransaction } from './write-transaction';

export type ExportLogInput = Omit<ExportLogEntry, 'id' | 'exportedAt'>;

export interface ExportLogRepo {
  add(entry: ExportLogInput): ExportLogEntry;
  /** Newest first. */
  listByTrajectory(trajectoryId: string): ExportLogEntry[];
}

interface Row {
  id: string;
  trajectory_id: string;
  exported_at: string;
  author: string;
  what: string;
  scope: string;
  format: string;
  destination: string;
  pseudonym_count: number;
  pseudonym_fingerprint: string;
  withheld: number;
}

const toEntry = (r: Row): ExportLogEntry => ({
  id: r.id,
  trajectoryId: r.trajectory_id,
  exportedAt: r.exported_at,
  author: r.author,
  what: r.what as ExportLogEntry['what'],
  scope: r.scope,
  format: r.format,
  destination: r.destination,
  pseudonymCount: r.pseudonym_count,
  pseudonymFingerprint: r.pseudonym_fingerprint,
  withheld: r.withheld,
});

export function createExportLogRepo(db: BetterSqlite3.Database, now: Clock): ExportLogRepo {
  const insert = db.prepare<Row>(
    `INSERT INTO export_log (id, trajectory_id, exported_at, author, what, scope, format, destination, pseudonym_count, pseudonym_fingerprint, withheld)
     VALUES (@id, @trajectory_id, @exported_at, @author, @what, @scope, @format, @destination, @pseudonym_count, @pseudonym_fingerprint, @withheld)`,
  );
  const select = db.prepare<[string], Row>('SELECT * FROM export_log WHERE trajectory_id = ? ORDER BY exported_at DESC, rowid DESC');
  return {
    add: writeTransaction(db, (entry: ExportLogInput): ExportLogEntry => {
      const row: Row = {
        id: randomUUID(),
        trajectory_id: entry.trajectoryId,
        exported_at: now(),
        author: entry.author,
        what: entry.what,
        scope: entry.scope,
        format: entry.format,
        destination: entry.destination,
        pseudonym_count: entry.pseudonymCount,
        pseudonym_fingerprint: entry.pseudonymFingerprint,
        withheld: entry.withheld,
      };
      insert.run(row);
      return toEntry(row);
    }),
    listByTrajectory(trajectoryId) {
      return select.all(trajectoryId).map(toEntry);
    },
  };
}
