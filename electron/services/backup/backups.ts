// Backups of the database in `<data folder>/backups/`: a consistent copy taken in a worker thread
// while the app keeps working (backup-worker.ts), written as `.part` and renamed when complete, kept as a
// rolling set (backup-retention.ts), listed with what they hold, and restored with the current
// database set aside first in `backups/replaced-<time>/`.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../../shared/startup-contract';
import { STORE_FILE_NAME, StoreError } from '../store';
import { workerScript } from '../workers/worker-script';
import { backupsToKeep, DEFAULT_RETENTION, type RetentionRule } from './backup-retention';
import type { BackupReply, BackupRequest } from './backup-worker';

export const BACKUP_DIR_NAME = 'backups';
/** `vkz-20261129-142501-123.sqlite`: the time (UTC) is in the name, so sorting needs no stat. */
const BACKUP_NAME = /^vkz-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})\.sqlite$/;

export function backupDir(dataDir: string): string {
  return path.join(dataDir, BACKUP_DIR_NAME);
}

function backupName(at: Date): string {
  const iso = at.toISOString(); // 2026-11-29T14:25:01.123Z
  return `vkz-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${iso.slice(20, 23)}.sqlite`;
}

function createdAtOf(id: string): Date | null {
  const m = BACKUP_NAME.exec(id);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms] = m;
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
}

/** Backs the data folder's database up into a new file, prunes the set, and returns the new backup. */
export async function createBackup(dataDir: string, now = new Date(), rule = DEFAULT_RETENTION): Promise<BackupInfo> {
  const dir = backupDir(dataDir);
  mkdirSync(dir, { recursive: true });
  let at = now;
  while (existsSync(path.join(dir, backupName(at)))) at = new Date(at.getTime() + 1);
  const final = path.join(dir, backupName(at));
  const part = `${final}.part`;
  try {
    await copyInWorker(path.join(dataDir, STORE_FILE_NAME), part);
    renameSync(part, final);
  } catch (error) {
    rmSync(part, { force: true });
    throw error;
  }
  pruneBackups(dataDir, now, rule);
  return describeBackup(dir, path.basename(final));
}

/** Copies the database off the main thread (backup-worker.ts): a consistent, self-contained snapshot. */
function copyInWorker(database: string, target: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const worker = new Worker(workerScript('backup-worker'), { workerData: { database, target } satisfies BackupRequest });
    let reply: BackupReply | null = null;
    worker.once('message', (message: BackupReply) => (reply = message));
    worker.once('error', reject);
    worker.once('exit', () => {
      if (reply?.ok) resolve();
      else reject(new Error(`The backup copy failed: ${reply?.message ?? 'the worker stopped'}`));
    });
  });
}

/** Deletes the backups the retention rule doesn't keep. */
export function pruneBackups(dataDir: string, now: Date, rule: RetentionRule = DEFAULT_RETENTION): void {
  const dir = backupDir(dataDir);
  const all = backupIds(dir).map((id) => ({ id, createdAt: createdAtOf(id)! }));
  const keep = backupsToKeep(all, now, rule);
  for (const { id } of all) if (!keep.has(id)) rmSync(path.join(dir, id), { force: true });
}

/** The backups, newest first, each with what it holds. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupDir(dataDir);
  return backupIds(dir)
    .sort()
    .reverse()
    .map((id) => describeBackup(dir, id));
}

function backupIds(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => BACKUP_NAME.test(name));
  } catch {
    return []; // no backups yet (or the folder can't be read: nothing to offer)
  }
}

function describeBackup(dir: string, id: string): BackupInfo {
  const file = path.join(dir, id);
  return {
    id,
    createdAt: createdAtOf(id)!.toISOString(),
    sizeBytes: statSync(file).size,
    counts: countRecords(file),
  };
}

function countRecords(file: string): BackupInfo['counts'] {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const row = db
      .prepare(
        `SELECT (SELECT count(*) FROM trajectories) AS trajectories,
                (SELECT count(*) FROM notes WHERE deleted_at IS NULL) AS notes,
                (SELECT count(*) FROM fragments WHERE deleted_at IS NULL) AS fragments`,
      )
      .get() as { trajectories: number; notes: number; fragments: number };
    return row;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/**
 * Puts backup `id` in place of the database. The store must be closed. The backup is checked
 * first; the current database (with its -wal and -shm files) is moved to
 * `backups/replaced-<time>/`, never deleted. Returns that folder.
 */
export function restoreBackup(dataDir: string, id: string, now = new Date()): string {
  const dir = backupDir(dataDir);
  if (!BACKUP_NAME.test(id) || !existsSync(path.join(dir, id))) {
    throw new StoreError('not-found', `There is no backup ${id}.`, { params: { id } });
  }
  const source = path.join(dir, id);
  assertSound(source);

  const aside = path.join(dir, `replaced-${backupName(now).slice(4, -'.sqlite'.length)}`);
  mkdirSync(aside, { recursive: true });
  const current = path.join(dataDir, STORE_FILE_NAME);
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(current + suffix)) renameSync(current + suffix, path.join(aside, STORE_FILE_NAME + suffix));
  }
  const part = `${current}.part`;
  copyFileSync(source, part);
  renameSync(part, current);
  return aside;
}

function assertSound(file: string): void {
  let db: Database.Database | null = null;
  let result: unknown;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    result = db.pragma('quick_check', { simple: true });
  } catch (error) {
    result = error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
  if (result !== 'ok') {
    throw new StoreError('corrupt', `Backup ${path.basename(file)} is damaged (${String(result)}); choose another.`, {
      params: { path: file },
    });
  }
}
