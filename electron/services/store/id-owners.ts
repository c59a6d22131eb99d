// Which record holds an id. Ids are unique across every kind of record (an archive merges records
// by id), so a new record named by its caller (the app names a note before the store has it)
// must not take an id any record has, a deleted one included.
import type BetterSqlite3 from 'better-sqlite3';

/** The kinds of record that have their own id (methods and report settings go by their cycle / trajectory). */
export type IdKind = 'trajectory' | 'cycle' | 'recording' | 'note' | 'fragment' | 'alignment';

export interface IdOwners {
  /** Which kind of record holds each of `ids` here, and in which trajectory; ids no record has are left out. */
  of(ids: string[]): Map<string, { kind: IdKind; trajectoryId: string }>;
  /**
   * True when any record (deleted ones included) has `id`, or the exchange still remembers a
   * record of `kind` by it (merge log, pending conflicts: a removed recording's notes are gone,
   * their merge history is not, and a new note must not inherit it).
   */
  taken(id: string, kind: IdKind): boolean;
}

export function createIdOwners(db: BetterSqlite3.Database): IdOwners {
  const select = db.prepare<[string], { id: string; kind: IdKind; trajectoryId: string }>(
    `WITH wanted(id) AS (SELECT value FROM json_each(?))
     SELECT t.id, 'trajectory' AS kind, t.id AS trajectoryId FROM trajectories t JOIN wanted USING (id)
     UNION ALL SELECT c.id, 'cycle', c.trajectory_id FROM cycles c JOIN wanted USING (id)
     UNION ALL SELECT r.id, 'recording', c.trajectory_id FROM recordings r JOIN wanted USING (id) JOIN cycles c ON c.id = r.cycle_id
     UNION ALL SELECT n.id, 'note', c.trajectory_id FROM notes n JOIN wanted USING (id) JOIN cycles c ON c.id = n.cycle_id
     UNION ALL SELECT f.id, 'fragment', c.trajectory_id FROM fragments f JOIN wanted USING (id) JOIN cycles c ON c.id = f.cycle_id
     UNION ALL SELECT a.id, 'alignment', c.trajectory_id FROM alignment_decisions a JOIN wanted USING (id) JOIN cycles c ON c.id = a.cycle_id`,
  );
  const remembered = db.prepare<{ id: string; kind: string }, 1>(
    `SELECT 1 FROM exchange_merge_log WHERE record_type = @kind AND record_id = @id
     UNION ALL SELECT 1 FROM exchange_conflicts WHERE record_type = @kind AND record_id = @id`,
  );
  const of = (ids: string[]) => new Map(select.all(JSON.stringify(ids)).map((row) => [row.id, { kind: row.kind, trajectoryId: row.trajectoryId }]));
  return { of, taken: (id, kind) => of([id]).size > 0 || remembered.get({ id, kind }) !== undefined };
}
