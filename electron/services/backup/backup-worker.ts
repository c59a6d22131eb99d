// The worker thread that copies the database for a backup (node:worker_threads), so the copy's
// reading, writing and fsyncs never hold up the backend: on a busy or slow disk they can take
// seconds, and the page's requests (saving a setting at first start) would wait for them.
// Built as its own bundle (out/workers/backup-worker.mjs); backups.ts starts one per backup.
//
// It opens its own connection and runs `VACUUM INTO`: one statement, one read transaction, so
// the copy is a consistent snapshot while the backend goes on writing (WAL: readers never block
// the writer). The copy is then switched to a rollback journal: one self-contained file.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

export interface BackupRequest {
  database: string;
  target: string;
}
export type BackupReply = { ok: true } | { ok: false; message: string };

const { database, target } = workerData as BackupRequest;
let reply: BackupReply;
try {
  const source = new Database(database, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 10000');
    source.prepare('VACUUM INTO ?').run(target);
  } finally {
    source.close();
  }
  const copy = new Database(target);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  reply = { ok: true };
} catch (error) {
  reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(reply);
