// Backups of the database in `<data folder>/backups/`: a consistent copy taken in a worker thread
// while the app keeps working (backup-worker.ts), written as `.part` and renamed when complete, kept as a
// rolling set (backup-retention.ts), listed with what they hold, and restored with the current
// database set aside first in `backups/replaced-<time>/`.
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../../shared/startup-contract';
import { STORE_FILE_NAME, StoreError } from '../store';
import { UserFacingError } from '../backend/errors';
import { checkVkzSchema, type SchemaVerdict } from '../store/vkz-schema';
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
    db = openCandidate(file);
    if (!checkVkzSchema(db).ok) return null; // not ours: nothing of it is read, let alone run
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
 * A backup larger than this is refused: VKZ's database holds text (media stay beside it), so
 * even years of work stay far below it, and a bigger file would fill the disk when copied.
 */
export const MAX_BACKUP_BYTES = 4 * 1024 ** 3;

/**
 * Puts backup `id` in place of the database. The store must be closed. The backup must be a
 * regular file (not a link to elsewhere) of a sane size; it is copied beside the database and
 * the copy is checked (sound, and a VKZ database of a version this build knows, by
 * vkz-schema.ts). Only then is the current database (with its -wal and -shm files) moved to
 * `backups/replaced-<time>/`, never deleted, and the copy put in its place. An older version
 * is migrated when the store opens it. Returns that folder.
 */
export function restoreBackup(dataDir: string, id: string, now = new Date()): string {
  const dir = backupDir(dataDir);
  const source = path.join(dir, id);
  const stat = BACKUP_NAME.test(id) ? lstatOrNull(source) : null;
  if (!stat) throw new StoreError('not-found', `There is no backup ${id}.`, { params: { id } });
  if (!stat.isFile()) {
    throw new UserFacingError('backup.not-a-file', `Backup ${id} is not a regular file (a link or folder); refused.`, { id });
  }
  if (stat.size > MAX_BACKUP_BYTES) {
    throw new UserFacingError('backup.too-large', `Backup ${id} is ${stat.size} bytes, over the ${MAX_BACKUP_BYTES} limit; refused.`, { id });
  }

  const current = path.join(dataDir, STORE_FILE_NAME);
  const part = `${current}.part`;
  try {
    copyFileSync(source, part);
    assertRestorable(part, id);
  } catch (error) {
    rmSync(part, { force: true });
    throw error;
  }

  const aside = path.join(dir, `replaced-${backupName(now).slice(4, -'.sqlite'.length)}`);
  mkdirSync(aside, { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(current + suffix)) renameSync(current + suffix, path.join(aside, STORE_FILE_NAME + suffix));
  }
  renameSync(part, current);
  return aside;
}

function lstatOrNull(file: string): Stats | null {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}

/**
 * Opens a file that may come from anywhere without letting it act: read-only, SQL stored in it
 * may not call functions with side effects, and pages are checked for sane cell sizes as read.
 */
function openCandidate(file: string): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('trusted_schema = OFF');
  db.pragma('cell_size_check = ON');
  return db;
}

function assertRestorable(file: string, id: string): void {
  let db: Database.Database | null = null;
  let result: unknown;
  let verdict: SchemaVerdict | null = null;
  try {
    db = openCandidate(file);
    result = db.pragma('quick_check', { simple: true });
    if (result === 'ok') verdict = checkVkzSchema(db);
  } catch (error) {
    result = error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
  if (result !== 'ok' || !verdict) {
    throw new StoreError('corrupt', `Backup ${id} is damaged or not a database (${String(result)}); choose another.`, {
      params: { path: id },
    });
  }
  if (!verdict.ok && verdict.reason === 'newer-version') {
    throw new UserFacingError('backup.newer-version', `Backup ${id} has schema ${verdict.version}, newer than this VKZ knows; refused.`, { id });
  }
  if (!verdict.ok) {
    throw new UserFacingError('backup.not-vkz', `Backup ${id} is not a VKZ database (${verdict.detail}); refused.`, { id });
  }
}
