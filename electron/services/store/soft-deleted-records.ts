// Notes and fragments are soft-deleted: delete sets deleted_at, restore clears it, so a delete can
// be undone and merges with another researcher's copy like any other change. One definition of
// finding, deleting and restoring such records, for each table that has them.
import type BetterSqlite3 from 'better-sqlite3';
import { Author, Id } from '../../../shared/input-rules';
import type { Clock } from './clock';
import { notFound, parseInput } from './store-error';
import { writeTransaction } from './write-transaction';

export interface SoftDeletedRecords<Row, T> {
  /** The live record of `id`, or null when unknown (a malformed id included) or deleted. */
  get(id: string): T | null;
  /** The row of `id`, deleted or not; not-found when there is none (a malformed id included). */
  findAny(id: string): Row;
  /** The row of `id` unless it is deleted; not-found otherwise. */
  findLive(id: string): Row;
  /** Marks the record deleted (once: deleting it again changes nothing); `author`, when given, is recorded. */
  remove(id: string, author?: string): void;
  /** Undoes remove(); a live record is returned as it is. */
  restore(id: string, author?: string): T;
}

export function softDeletedRecords<Row extends { id: string; deleted_at: string | null }, T>(
  db: BetterSqlite3.Database,
  now: Clock,
  table: 'notes' | 'fragments',
  what: string,
  selectAny: BetterSqlite3.Statement<[string], Row>,
  toRecord: (row: Row) => T,
): SoftDeletedRecords<Row, T> {
  const setDeletedAt = db.prepare<{ id: string; deletedAt: string | null; now: string; author: string | null }>(
    `UPDATE ${table} SET deleted_at = @deletedAt, updated_at = @now, author = coalesce(@author, author) WHERE id = @id`,
  );

  function findAny(id: string): Row {
    const row = selectAny.get(parseInput(Id, id, `${what.toLowerCase()} id`));
    if (!row) throw notFound(what, id);
    return row;
  }

  function findLive(id: string): Row {
    const row = findAny(id);
    if (row.deleted_at !== null) throw notFound(what, id);
    return row;
  }

  const validAuthor = (author: string | undefined) => (author === undefined ? null : parseInput(Author, author, 'author'));

  const remove = writeTransaction(db, (id: string, author?: string): void => {
    const by = validAuthor(author);
    const current = findAny(id);
    if (current.deleted_at !== null) return;
    const stamp = now();
    setDeletedAt.run({ id: current.id, deletedAt: stamp, now: stamp, author: by });
  });

  const restore = writeTransaction(db, (id: string, author?: string): T => {
    const by = validAuthor(author);
    const current = findAny(id);
    if (current.deleted_at === null) return toRecord(current);
    setDeletedAt.run({ id: current.id, deletedAt: null, now: now(), author: by });
    return toRecord(findAny(current.id));
  });

  function get(id: string): T | null {
    const row = typeof id === 'string' ? selectAny.get(id) : undefined;
    return row && row.deleted_at === null ? toRecord(row) : null;
  }

  return { get, findAny, findLive, remove, restore };
}
