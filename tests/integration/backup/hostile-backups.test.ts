// Restoring a backup is a hostile-input path: a file in backups/ may have been crafted or
// swapped. Only a VKZ database of a version this build knows is put in place; anything else is
// refused with a clear code and the current database is left exactly as it was.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, ftruncateSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDir, createBackup, listBackups, restoreBackup } from '../../../electron/services/backup/backups';
import { toAppError } from '../../../electron/services/backend/errors';
import { openStore, STORE_FILE_NAME, StoreError, type Store } from '../../../electron/services/store';
const MAX_BACKUP_BYTES = 4 * 1024 ** 3;
import { MIGRATIONS } from '../../../electron/services/store/migrations';

let dataDir: string;
let store: Store | null = null;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'vkz-hostile-backup-'));
});
afterEach(() => {
  store?.close();
  store = null;
  rmSync(dataDir, { recursive: true, force: true });
});

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A data folder with one trajectory, a good backup of it, and the store closed. Returns the backup's path. */
async function goodBackup(): Promise<string> {
  store = openStore(dataDir);
  store.trajectories.create({ caseManager: 'KM-1', client: 'Cliënt A' }, 'Ann');
  const backup = await createBackup(dataDir);
  store.trajectories.create({ caseManager: 'KM-2', client: 'Cliënt B' }, 'Ann'); // the current data differs
  store.close();
  store = null;
  return path.join(backupDir(dataDir), backup.id);
}

/** Changes `file` with raw SQL, as an attacker with the file would. */
function tamper(file: string, sql: string): void {
  const db = new Database(file);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

/** Restoring `file` is refused with `code`; the current database and the folder are unchanged. */
function expectRefused(file: string, code: string): void {
  const current = path.join(dataDir, STORE_FILE_NAME);
  const before = sha256(current);
  let thrown: unknown = null;
  try {
    restoreBackup(dataDir, path.basename(file));
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'the restore must be refused').not.toBeNull();
  expect(toAppError(thrown).code).toBe(code);
  expect(sha256(current)).toBe(before);
  expect(readdirSync(backupDir(dataDir)).filter((name) => name.startsWith('replaced-'))).toEqual([]);
  expect(readdirSync(dataDir).filter((name) => name.endsWith('.part'))).toEqual([]);
  // The data opens as before.
  store = openStore(dataDir);
  expect(store.trajectories.list().map((t) => t.caseManager).sort()).toEqual(['KM-1', 'KM-2']);
}

describe('restoring a backup that is not what VKZ wrote', () => {
  it('refuses a backup with an extra trigger that deletes data on insert', async () => {
    const file = await goodBackup();
    tamper(file, 'CREATE TRIGGER wipe AFTER INSERT ON notes BEGIN DELETE FROM notes; DELETE FROM trajectories; END;');
    expectRefused(file, 'backup.not-vkz');
    expect(listBackups(dataDir)[0]!.counts).toBeNull(); // listed, but nothing of it is read
  });

  it('refuses a backup where a view stands in a table’s place', async () => {
    const file = await goodBackup();
    tamper(
      file,
      `PRAGMA foreign_keys = OFF;
       DROP TABLE export_log;
       CREATE VIEW export_log AS SELECT * FROM trajectories;`,
    );
    expectRefused(file, 'backup.not-vkz');
  });

  it('refuses a backup whose table definition was changed', async () => {
    const file = await goodBackup();
    tamper(file, 'ALTER TABLE trajectories ADD COLUMN payload TEXT');
    expectRefused(file, 'backup.not-vkz');
  });

  it('refuses a backup of a newer, unknown schema version', async () => {
    const file = await goodBackup();
    tamper(file, `PRAGMA user_version = ${MIGRATIONS.length + 1}`);
    expectRefused(file, 'backup.newer-version');
  });

  it('refuses a file that is not SQLite', async () => {
    const file = await goodBackup();
    writeFileSync(file, 'PK\u0003\u0004 not a database at all'.repeat(100));
    expectRefused(file, 'store.corrupt');
  });

  it('refuses a file larger than any VKZ database, without copying it', async () => {
    const file = await goodBackup();
    const fd = openSync(file, 'r+');
    ftruncateSync(fd, MAX_BACKUP_BYTES + 1); // sparse: takes no disk space
    closeSync(fd);
    expectRefused(file, 'backup.too-large');
  });

  it('refuses a backup that is a link to a file elsewhere', async () => {
    const file = await goodBackup();
    const elsewhere = path.join(dataDir, 'elsewhere.sqlite');
    writeFileSync(elsewhere, readFileSync(file));
    rmSync(file);
    symlinkSync(elsewhere, file);
    expectRefused(file, 'backup.not-a-file');
  });
});

describe('restoring a backup VKZ wrote', () => {
  it('puts it in place and keeps the current database aside', async () => {
    const file = await goodBackup();
    restoreBackup(dataDir, path.basename(file));
    store = openStore(dataDir);
    expect(store.trajectories.list().map((t) => t.caseManager)).toEqual(['KM-1']);
  });

  it('restores a backup of an older version and migrates it when opened', async () => {
    await goodBackup();
    const old = path.join(backupDir(dataDir), 'vkz-20200101-000000-000.sqlite');
    const db = new Database(old);
    for (const migration of MIGRATIONS.slice(0, 3)) db.transaction(() => migration.up(db))();
    db.pragma('user_version = 3');
    db.close();
    restoreBackup(dataDir, path.basename(old));
    store = openStore(dataDir);
    expect(store.schemaVersion).toBe(MIGRATIONS.length);
    expect(existsSync(path.join(dataDir, STORE_FILE_NAME))).toBe(true);
  });
});

describe('opening the data folder uses the same definition', () => {
  it('refuses a database with a trigger VKZ did not write, and leaves it untouched', async () => {
    await goodBackup();
    const current = path.join(dataDir, STORE_FILE_NAME);
    tamper(current, 'CREATE TRIGGER wipe AFTER INSERT ON notes BEGIN DELETE FROM notes; END;');
    const before = sha256(current);
    expect(() => openStore(dataDir)).toThrow(StoreError);
    try {
      openStore(dataDir);
    } catch (error) {
      expect((error as StoreError).code).toBe('corrupt');
      expect((error as StoreError).message).toMatch(/not VKZ's schema: unknown trigger wipe/);
    }
    expect(sha256(current)).toBe(before);
  });
});
