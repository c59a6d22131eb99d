// Opening the data folder: a fresh start, the connection settings, and the files VKZ must
// refuse (and leave alone).
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, openStore, STORE_FILE_NAME, StoreError, type Store } from '../../../electron/services/store';

let root: string;
const opened: Store[] = [];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'vkz-store-open-'));
});
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  rmSync(root, { recursive: true, force: true });
});

function open(dataDir: string): Store {
  const store = openStore(dataDir);
  opened.push(store);
  return store;
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function expectStoreError(fn: () => unknown, code: string): StoreError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe(code);
    return error as StoreError;
  }
  throw new Error(`expected StoreError '${code}', nothing was thrown`);
}

describe('openStore', () => {
  it('creates a missing data folder and the database file in it, at the latest schema', () => {
    const dataDir = join(root, 'nested', 'VKZ data');
    const store = open(dataDir);
    expect(store.path).toBe(join(dataDir, STORE_FILE_NAME));
    expect(existsSync(store.path)).toBe(true);
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
  });

  it('uses WAL, full sync, foreign keys and a busy timeout on the connection', () => {
    const store = open(root);
    store.close();
    // Journal mode is stored in the file: a second connection sees it.
    const db = new Database(join(root, STORE_FILE_NAME));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    // Per-connection settings are visible through their effects: a cascade happens.
    const again = open(root);
    const trajectory = again.trajectories.create({ caseManager: 'KM-1', client: 'Cliënt A' }, 'Ann');
    again.cycles.create({ trajectoryId: trajectory.id, title: 'Gesprek 1', date: null }, 'Ann');
    again.trajectories.delete(trajectory.id);
    expect(again.trajectories.list()).toEqual([]);
    expect(again.checkIntegrity()).toEqual({ ok: true, problems: [] });
  });

  it('keeps what was written across close and reopen', () => {
    const first = open(root);
    first.settings.update({ authorName: 'Ann' });
    const trajectory = first.trajectories.create({ caseManager: 'KM-1', client: 'Cliënt A' }, 'Ann');
    first.close();
    const second = open(root);
    expect(second.settings.get().authorName).toBe('Ann');
    expect(second.trajectories.get(trajectory.id)).toEqual(trajectory);
  });

  it('refuses a database written by a newer VKZ, with a clear message, and leaves it as it was', () => {
    const path = join(root, STORE_FILE_NAME);
    const db = new Database(path);
    db.exec('CREATE TABLE future_things (id TEXT PRIMARY KEY)');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 7}`);
    db.close();
    const before = sha256(path);

    const error = expectStoreError(() => open(root), 'newer-version');
    expect(error.message).toBe(
      `This data was written by a newer version of VKZ (schema ${LATEST_SCHEMA_VERSION + 7}); this version knows up to ${LATEST_SCHEMA_VERSION}. Update VKZ.`,
    );
    expect(sha256(path)).toBe(before);
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 7);
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });

  it('refuses a file that is not a SQLite database and leaves it byte for byte untouched', () => {
    const path = join(root, STORE_FILE_NAME);
    const content = Buffer.from('Notities gesprek KM-3\n'.repeat(500), 'utf8');
    writeFileSync(path, content);

    const error = expectStoreError(() => open(root), 'corrupt');
    expect(error.message).toContain(path);
    expect(error.message).toContain('untouched');
    expect(readFileSync(path).equals(content)).toBe(true);
    // No WAL or shared-memory files were made next to it.
    expect(readdirSync(root)).toEqual([STORE_FILE_NAME]);
    // Trying again gives the same answer: nothing was "repaired" in between.
    expectStoreError(() => open(root), 'corrupt');
    expect(readFileSync(path).equals(content)).toBe(true);
  });

  it('refuses a file shorter than a SQLite header', () => {
    const path = join(root, STORE_FILE_NAME);
    writeFileSync(path, 'SQLite');
    expectStoreError(() => open(root), 'corrupt');
    expect(readFileSync(path, 'utf8')).toBe('SQLite');
  });

  it('refuses a damaged SQLite database without changing it', () => {
    const path = join(root, STORE_FILE_NAME);
    const db = new Database(path);
    db.exec('CREATE TABLE t (x TEXT); CREATE INDEX t_x ON t (x);');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`row ${i} `.repeat(20));
    })();
    db.close();
    // Scribble over pages in the middle of the file, keeping the header intact.
    const bytes = readFileSync(path);
    bytes.fill(0xab, 8192, bytes.length - 8192);
    writeFileSync(path, bytes);
    const before = sha256(path);

    expectStoreError(() => open(root), 'corrupt');
    expect(sha256(path)).toBe(before);
  });

  it('treats an empty file as a new database', () => {
    writeFileSync(join(root, STORE_FILE_NAME), '');
    const store = open(root);
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(store.trajectories.list()).toEqual([]);
  });

  it('reports a data folder that cannot be created', () => {
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, 'x');
    expectStoreError(() => open(join(blocker, 'data')), 'no-access');
  });

  it('runs several repository calls as one transaction: all or nothing', () => {
    const store = open(root);
    expect(() =>
      store.transaction(() => {
        store.trajectories.create({ caseManager: 'KM-1', client: 'Cliënt A' }, 'Ann');
        store.trajectories.create({ caseManager: '', client: 'Cliënt B' }, 'Ann');
      }),
    ).toThrow(StoreError);
    expect(store.trajectories.list()).toEqual([]);
  });
});
