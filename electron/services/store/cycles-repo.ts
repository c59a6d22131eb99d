// Cycles: one recorded conversation of a trajectory and the work on it, numbered 1, 2, 3 ...
// A new cycle gets the highest number + 1; deleting one leaves a gap (numbers are what the
// researchers call the cycles by, so they don't shift under them).
import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import type { Cycle } from '../../../shared/domain';
import type { Clock } from './clock';
import { Author, CalendarDate, CycleTitle, Id } from '../../../shared/input-rules';
import { notFound, parseInput } from './store-error';
import { writeTransaction } from './write-transaction';

export interface CycleCreate {
  trajectoryId: string;
  title: string;
  /** YYYY-MM-DD, or null when not known yet. */
  date: string | null;
}
export interface CyclePatch {
  title?: string;
  date?: string | null;
}

export interface CyclesRepo {
  /** Ordered by number. */
  listByTrajectory(trajectoryId: string): Cycle[];
  /** null when no record has this id (a malformed id included). */
  get(id: string): Cycle | null;
  create(input: CycleCreate, author: string): Cycle;
  update(id: string, patch: CyclePatch, author: string): Cycle;
  /** Deletes the cycle and everything in it; returns the proxy paths of its recordings. */
  delete(id: string): string[];
}

const Title = CycleTitle;
const DateOrNull = CalendarDate.nullable();
const CreateInput = z.object({ trajectoryId: Id, title: Title, date: DateOrNull }).strict();
const PatchInput = z.object({ title: Title.optional(), date: DateOrNull.optional() }).strict();

interface CycleRow {
  id: string;
  created_at: string;
  updated_at: string;
  author: string;
  trajectory_id: string;
  number: number;
  title: string;
  date: string | null;
}

function toCycle(row: CycleRow): Cycle {
  return {
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    author: row.author,
    trajectoryId: row.trajectory_id,
    number: row.number,
    title: row.title,
    date: row.date,
  };
}

export function createCyclesRepo(db: BetterSqlite3.Database, now: Clock): CyclesRepo {
  const selectByTrajectory = db.prepare<[string], CycleRow>(
    'SELECT * FROM cycles WHERE trajectory_id = ? ORDER BY number, created_at, id',
  );
  const selectOne = db.prepare<[string], CycleRow>('SELECT * FROM cycles WHERE id = ?');
  const trajectoryExists = db.prepare<[string], number>('SELECT 1 FROM trajectories WHERE id = ?').pluck();
  // One statement: the number is computed and the row written atomically.
  const insert = db.prepare<{ id: string; now: string; author: string; trajectoryId: string; title: string; date: string | null }>(
    `INSERT INTO cycles (id, created_at, updated_at, author, trajectory_id, number, title, date)
     SELECT @id, @now, @now, @author, @trajectoryId,
            coalesce((SELECT max(number) FROM cycles WHERE trajectory_id = @trajectoryId), 0) + 1,
            @title, @date`,
  );
  const updateRow = db.prepare<{ id: string; now: string; author: string; title: string; date: string | null }>(
    'UPDATE cycles SET title = @title, date = @date, updated_at = @now, author = @author WHERE id = @id',
  );
  const selectProxyPaths = db.prepare<[string], string>(
    `SELECT proxy_path FROM recordings WHERE cycle_id = ? AND proxy_path IS NOT NULL ORDER BY position`,
  ).pluck();
  const deleteRow = db.prepare<[string]>('DELETE FROM cycles WHERE id = ?');

  function get(id: string): Cycle | null {
    const row = typeof id === 'string' ? selectOne.get(id) : undefined;
    return row ? toCycle(row) : null;
  }

  function mustGet(id: string): Cycle {
    const cycle = get(id);
    if (!cycle) throw notFound('Cycle', id);
    return cycle;
  }

  const create = writeTransaction(db, (input: CycleCreate, author: string): Cycle => {
    const valid = parseInput(CreateInput, input, 'cycle');
    const validAuthor = parseInput(Author, author, 'author');
    if (!trajectoryExists.get(valid.trajectoryId)) throw notFound('Trajectory', valid.trajectoryId);
    const id = randomUUID();
    insert.run({ id, now: now(), author: validAuthor, ...valid });
    return mustGet(id);
  });

  const update = writeTransaction(db, (id: string, patch: CyclePatch, author: string): Cycle => {
    const validId = parseInput(Id, id, 'cycle id');
    const valid = parseInput(PatchInput, patch, 'cycle');
    const validAuthor = parseInput(Author, author, 'author');
    const current = mustGet(validId);
    updateRow.run({
      id: validId,
      now: now(),
      author: validAuthor,
      title: valid.title ?? current.title,
      date: valid.date === undefined ? current.date : valid.date,
    });
    return mustGet(validId);
  });

  const remove = writeTransaction(db, (id: string): string[] => {
    const validId = parseInput(Id, id, 'cycle id');
    mustGet(validId);
    const proxyPaths = selectProxyPaths.all(validId);
    deleteRow.run(validId);
    return proxyPaths;
  });

  return {
    listByTrajectory(trajectoryId) {
      return selectByTrajectory.all(parseInput(Id, trajectoryId, 'trajectory id')).map(toCycle);
    },
    get,
    create,
    update,
    delete: remove,
  };
}
