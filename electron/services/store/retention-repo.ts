// "Bewaren tot": per trajectory, the date until which its data may be kept (YYYY-MM-DD).
// Local to this machine; the library shows the trajectories past their date.
import type BetterSqlite3 from 'better-sqlite3';
import { IsoDate } from '../../../shared/method/model';
import type { Clock } from './clock';
import { writeTransaction } from './write-transaction';
import { notFound, parseInput } from './store-error';

export interface RetentionRepo {
  /** Every trajectory that has a date: trajectory id -> YYYY-MM-DD. */
  all(): Record<string, string>;
  /** Sets the date, or clears it with null. */
  set(trajectoryId: string, keepUntil: string | null, author: string): string | null;
}

export function createRetentionRepo(db: BetterSqlite3.Database, now: Clock): RetentionRepo {
  const selectAll = db.prepare<[], { trajectory_id: string; keep_until: string }>('SELECT trajectory_id, keep_until FROM trajectory_retention');
  const trajectoryExists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM trajectories WHERE id = ?');
  const upsert = db.prepare<{ id: string; date: string; now: string; author: string }>(
    `INSERT INTO trajectory_retention (trajectory_id, keep_until, updated_at, author) VALUES (@id, @date, @now, @author)
     ON CONFLICT (trajectory_id) DO UPDATE SET keep_until = excluded.keep_until, updated_at = excluded.updated_at, author = excluded.author`,
  );
  const remove = db.prepare<[string]>('DELETE FROM trajectory_retention WHERE trajectory_id = ?');
  return {
    all() {
      return Object.fromEntries(selectAll.all().map((r) => [r.trajectory_id, r.keep_until]));
    },
    set: writeTransaction(db, (trajectoryId: string, keepUntil: string | null, author: string): string | null => {
      if (!trajectoryExists.get(trajectoryId)) throw notFound('Trajectory', trajectoryId);
      if (keepUntil === null) {
        remove.run(trajectoryId);
        return null;
      }
      const date = parseInput(IsoDate, keepUntil, 'retention date');
      upsert.run({ id: trajectoryId, date, now: now(), author });
      return date;
    }),
  };
}
