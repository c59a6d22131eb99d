// A backup is copied in a worker thread while the backend goes on writing: the copy is a
// consistent snapshot (integrity ok, everything stored before it started is in it), one
// self-contained file (no -wal beside it), listed with its counts, and restorable.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDir, createBackup, listBackups } from '../../../electron/services/backup/backups';
import { openStore, type Store } from '../../../electron/services/store';

let dir: string;
let store: Store | null = null;
afterEach(() => {
  store?.close();
  store = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('backups', () => {
  it('copies a consistent snapshot off the main thread while writes go on', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vkz-backups-'));
    store = openStore(dir);
    for (let i = 0; i < 200; i++) store.trajectories.create({ caseManager: `KM-${i}`, client: `Cliënt ${i}` }, 'Test');

    const backup = createBackup(dir);
    let writtenDuring = 0;
    let done = false;
    void backup.finally(() => (done = true));
    while (!done) {
      store.trajectories.create({ caseManager: `KM-x${writtenDuring}`, client: 'Tijdens' }, 'Test');
      writtenDuring++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const info = await backup;

    const file = path.join(backupDir(dir), info.id);
    expect(existsSync(`${file}-wal`)).toBe(false);
    const copy = new Database(file, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      const count = copy.prepare('SELECT count(*) FROM trajectories').pluck().get() as number;
      expect(count).toBeGreaterThanOrEqual(200);
      expect(count).toBeLessThanOrEqual(200 + writtenDuring);
      expect(info.counts?.trajectories).toBe(count);
    } finally {
      copy.close();
    }
    expect(listBackups(dir).map((b) => b.id)).toEqual([info.id]);
  });

  it('a failed copy leaves no half-written file and says why', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vkz-backups-'));
    await expect(createBackup(dir)).rejects.toThrow(/The backup copy failed/);
    expect(listBackups(dir)).toEqual([]);
  });
});
