// Every transaction that writes begins IMMEDIATE: it takes the write lock before its first
// read. A deferred one reads first and then asks for the lock; when another connection (the
// exchange worker's merge) has written in between, SQLite cannot upgrade the stale read and
// answers SQLITE_BUSY at once, without waiting (busy_timeout) — a lost save. Nested calls
// become savepoints as before.
//
// A connection may have a listener told as each write transaction begins (before it asks for
// the lock): the backend uses it to have an archive merge that holds the lock give it up soon
// (backend/write-gate.ts), so a write the backend makes by itself waits briefly, not for the
// whole merge.
import type Database from 'better-sqlite3';

const listeners = new WeakMap<Database.Database, () => void>();

export function onWriteTransaction(db: Database.Database, listener: (() => void) | null): void {
  if (listener) listeners.set(db, listener);
  else listeners.delete(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function writeTransaction<F extends (...args: any[]) => any>(db: Database.Database, fn: F): Database.Transaction<F>['immediate'] {
  const transaction = db.transaction(fn).immediate;
  type Args = Parameters<typeof transaction>;
  return (...args: Args) => {
    if (!db.inTransaction) listeners.get(db)?.();
    return transaction(...args);
  };
}
