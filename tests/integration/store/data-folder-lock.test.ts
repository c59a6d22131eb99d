// One app per data folder: the lock refuses a second holder (also in another process), and a
// killed holder leaves no stale lock behind.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDataFolder, StoreError } from '../../../electron/services/store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'vkz-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Another process that takes the lock the same way (SQLite exclusive locking) and holds it. */
function holdInOtherProcess() {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(path.join(dir, 'vkz.lock'))});
    db.pragma('locking_mode = EXCLUSIVE'); db.pragma('journal_mode = OFF');
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since TEXT NOT NULL)');
    db.exec('DELETE FROM holder');
    console.log('held'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'], cwd: process.cwd() });
  const held = new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, held, exited };
}

describe('data folder lock', () => {
  it('refuses a second holder in the same process until the first releases it', () => {
    const first = lockDataFolder(dir);
    expect(() => lockDataFolder(dir)).toThrow(expect.objectContaining({ code: 'locked' }) as unknown as StoreError);
    first.release();
    lockDataFolder(dir).release();
  });

  it('refuses while another process holds it, and is free at once when that process is killed', async () => {
    const other = holdInOtherProcess();
    await other.held;
    let refused: unknown;
    try {
      lockDataFolder(dir).release();
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(StoreError);
    expect((refused as StoreError).code).toBe('locked');
    other.child.kill('SIGKILL');
    await other.exited;
    lockDataFolder(dir).release(); // no stale lock
  });
});
