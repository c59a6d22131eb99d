// One VKZ per data folder. The lock is an operating-system file lock, held for as long as the
// app runs: SQLite's exclusive locking mode on a small file `vkz.lock` in the data folder
// (POSIX fcntl locks on Linux and macOS, LockFileEx on Windows). The operating system drops it
// when the process ends in any way, SIGKILL and power cuts included, so a crash never leaves a
// stale lock behind, and no process id has to be guessed alive or dead.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openFailureCode } from './open-failure';
import { StoreError } from './store-error';

export const LOCK_FILE_NAME = 'vkz.lock';

export interface DataFolderLock {
  readonly path: string;
  release(): void;
}

/** Takes the data folder's lock, or throws StoreError 'locked' (or why the folder can't be used). */
export function lockDataFolder(dataDir: string): DataFolderLock {
  const path = join(dataDir, LOCK_FILE_NAME);
  let db: Database.Database | null = null;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(path);
    db.pragma('busy_timeout = 0'); // the holder keeps it until it quits: waiting would not help
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = OFF'); // nothing to roll back: no -journal files beside it
    // The first write takes the exclusive lock; EXCLUSIVE locking mode keeps it until close.
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since TEXT NOT NULL)');
    db.transaction(() => {
      db!.exec('DELETE FROM holder');
      db!.prepare('INSERT INTO holder (pid, since) VALUES (?, ?)').run(process.pid, new Date().toISOString());
    })();
  } catch (error) {
    db?.close();
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) {
      throw new StoreError('locked', `The data folder ${dataDir} is in use by another VKZ.`, {
        params: { path: dataDir },
        cause: error,
      });
    }
    const failure = openFailureCode(error);
    throw new StoreError(failure, `Cannot lock the data folder ${dataDir}: ${(error as Error).message}`, {
      params: { path: dataDir },
      cause: error,
    });
  }
  const held = db;
  return {
    path,
    release() {
      if (held.open) held.close();
    },
  };
}
