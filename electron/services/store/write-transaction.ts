// Every transaction that writes begins IMMEDIATE: it takes the write lock before its first
// read. A deferred one reads first and then asks for the lock; when another connection (the
// exchange worker's merge) has written in between, SQLite cannot upgrade the stale read and
// answers SQLITE_BUSY at once, without waiting (busy_timeout) — a lost save. Nested calls
// become savepoints as before.
import type Database from 'better-sqlite3';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function writeTransaction<F extends (...args: any[]) => any>(db: Database.Database, fn: F): Database.Transaction<F>['immediate'] {
  return db.transaction(fn).immediate;
}
