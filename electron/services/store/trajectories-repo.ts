// Trajectories: one case manager with one client, holding the cycles.
//
// list() order: by case manager label, then client label, compared the way a person reads
// them (case- and accent-insensitive, numbers by value: "KM-2" before "KM-10"), then by
// creation. A stable, findable order; "recently used" would reshuffle the list whenever a
// label is edited and says little, because work happens in cycles, not on the trajectory.
import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import type { Trajectory } from '../../../shared/domain';
import type { Clock } from './clock';
import { Author, Id, Label } from '../../../shared/input-rules';
import { notFound, parseInput } from './store-error';
import { writeTransaction } from './write-transaction';

export interface TrajectoryCreate {
  caseManager: string;
  client: string;
}
export interface TrajectoryPatch {
  caseManager?: string;
  client?: string;
}

export interface TrajectoriesRepo {
  list(): Trajectory[];
  /** null when no record has this id (a malformed id included). */
  get(id: string): Trajectory | null;
  create(input: TrajectoryCreate, author: string): Trajectory;
  update(id: string, patch: TrajectoryPatch, author: string): Trajectory;
  /**
   * Deletes the trajectory with its cycles, recordings, notes and fragments. Returns the
   * proxy file paths of the deleted recordings, for the caller to remove from the cache.
   */
  delete(id: string): string[];
}

const CreateInput = z.object({ caseManager: Label, client: Label }).strict();
const PatchInput = z.object({ caseManager: Label.optional(), client: Label.optional() }).strict();

interface TrajectoryRow {
  id: string;
  created_at: string;
  updated_at: string;
  author: string;
  case_manager: string;
  client: string;
  cycle_count: number;
}

const SELECT = `
  SELECT t.id, t.created_at, t.updated_at, t.author, t.case_manager, t.client,
         (SELECT count(*) FROM cycles c WHERE c.trajectory_id = t.id) AS cycle_count
  FROM trajectories t`;

function toTrajectory(row: TrajectoryRow): Trajectory {
  return {
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    author: row.author,
    caseManager: row.case_manager,
    client: row.client,
    cycleCount: row.cycle_count,
  };
}

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

export function createTrajectoriesRepo(db: BetterSqlite3.Database, now: Clock): TrajectoriesRepo {
  const selectAll = db.prepare<[], TrajectoryRow>(SELECT);
  const selectOne = db.prepare<[string], TrajectoryRow>(`${SELECT} WHERE t.id = ?`);
  const insert = db.prepare<{ id: string; now: string; author: string; caseManager: string; client: string }>(
    `INSERT INTO trajectories (id, created_at, updated_at, author, case_manager, client)
     VALUES (@id, @now, @now, @author, @caseManager, @client)`,
  );
  const updateRow = db.prepare<{ id: string; now: string; author: string; caseManager: string; client: string }>(
    `UPDATE trajectories SET case_manager = @caseManager, client = @client, updated_at = @now, author = @author
     WHERE id = @id`,
  );
  const selectProxyPaths = db.prepare<[string], string>(
    `SELECT r.proxy_path FROM recordings r JOIN cycles c ON c.id = r.cycle_id
     WHERE c.trajectory_id = ? AND r.proxy_path IS NOT NULL
     ORDER BY c.number, r.position`,
  ).pluck();
  const deleteRow = db.prepare<[string]>('DELETE FROM trajectories WHERE id = ?');

  function get(id: string): Trajectory | null {
    const row = typeof id === 'string' ? selectOne.get(id) : undefined;
    return row ? toTrajectory(row) : null;
  }

  function mustGet(id: string): Trajectory {
    const trajectory = get(id);
    if (!trajectory) throw notFound('Trajectory', id);
    return trajectory;
  }

  const update = writeTransaction(db, (id: string, patch: TrajectoryPatch, author: string): Trajectory => {
    const validId = parseInput(Id, id, 'trajectory id');
    const valid = parseInput(PatchInput, patch, 'trajectory');
    const validAuthor = parseInput(Author, author, 'author');
    const current = mustGet(validId);
    updateRow.run({
      id: validId,
      now: now(),
      author: validAuthor,
      caseManager: valid.caseManager ?? current.caseManager,
      client: valid.client ?? current.client,
    });
    return mustGet(validId);
  });

  const remove = writeTransaction(db, (id: string): string[] => {
    const validId = parseInput(Id, id, 'trajectory id');
    mustGet(validId);
    const proxyPaths = selectProxyPaths.all(validId);
    deleteRow.run(validId);
    return proxyPaths;
  });

  return {
    list() {
      return selectAll
        .all()
        .map(toTrajectory)
        .sort(
          (a, b) =>
            collator.compare(a.caseManager, b.caseManager) ||
            collator.compare(a.client, b.client) ||
            a.createdAt.localeCompare(b.createdAt),
        );
    },
    get,
    create: writeTransaction(db, (input: TrajectoryCreate, author: string): Trajectory => {
      const valid = parseInput(CreateInput, input, 'trajectory');
      const id = randomUUID();
      insert.run({ id, now: now(), author: parseInput(Author, author, 'author'), ...valid });
      return mustGet(id);
    }),
    update,
    delete: remove,
  };
}
