// Opens (or creates) the one database file in the data folder, refusing files it must not
// touch: something that isn't a SQLite database, a damaged database, or one written by a newer
// VKZ. In those cases the file is left exactly as it was: no pragma that writes, no
// migration, no repair, no delete.
import { closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createMonotonicClock } from './clock';
import { createAlignmentsRepo, type AlignmentsRepo } from './alignments-repo';
import { createCyclesRepo, type CyclesRepo } from './cycles-repo';
import { createExchangeRepo, type ExchangeRepo } from './exchange-repo';
import { createFragmentsRepo, type FragmentsRepo } from './fragments-repo';
import { createExportLogRepo, type ExportLogRepo } from './export-log-repo';
import { createForgetting, type Forgetting } from './forget-trajectory';
import { createMethodsRepo, type MethodsRepo } from './methods-repo';
import { applyMigrations, LATEST_SCHEMA_VERSION, MIGRATIONS, readSchemaVersion } from './migrations';
import { createNotesRepo, type NotesRepo } from './notes-repo';
import { createRecordingsRepo, type RecordingsRepo } from './recordings-repo';
import { createReportSettingsRepo, type ReportSettingsRepo } from './report-settings-repo';
import { createRetentionRepo, type RetentionRepo } from './retention-repo';
import { createSettingsRepo, type SettingsRepo } from './settings-repo';
import { openFailureCode } from './open-failure';
import { StoreError } from './store-error';
import { checkVkzSchema } from './vkz-schema';
import { onWriteTransaction, writeTransaction } from './write-transaction';
import { createTrajectoriesRepo, type TrajectoriesRepo } from './trajectories-repo';

export const STORE_FILE_NAME = 'vkz.sqlite';

/**
 * Applied in this order on every connection. Exported so tests (and any other process that
 * writes the file) use exactly the same settings.
 * - busy_timeout first, so the others wait for a lock instead of failing at once.
 * - WAL: readers never block the writer; a crash leaves the last commits in the -wal file.
 * - synchronous=FULL: every commit is fsynced, so a power cut loses at most the change in
 *   flight (NORMAL would be faster but may lose the last commits on power loss).
 * - foreign_keys: cascades and references are enforced (SQLite's default is off).
 * - trusted_schema=OFF: SQL stored in the file (views, triggers, CHECKs, defaults) may only call
 *   functions without side effects; ours need nothing else. The schema is also checked to be
 *   exactly ours (vkz-schema.ts) before anything is written.
 */
export const STORE_PRAGMAS = [
  'busy_timeout = 5000',
  'trusted_schema = OFF',
  'journal_mode = WAL',
  'synchronous = FULL',
  'foreign_keys = ON',
] as const;

export interface Store {
  /** Absolute path of the database file. */
  readonly path: string;
  readonly schemaVersion: number;
  readonly settings: SettingsRepo;
  readonly trajectories: TrajectoriesRepo;
  readonly cycles: CyclesRepo;
  readonly recordings: RecordingsRepo;
  readonly notes: NotesRepo;
  readonly fragments: FragmentsRepo;
  readonly methods: MethodsRepo;
  /** Project exchange: records with their stamps, the merge log, pending conflicts. */
  readonly exchange: ExchangeRepo;
  /** Per trajectory: the pseudonymisation list and the report background. */
  readonly reportSettings: ReportSettingsRepo;
  /** How two researchers aligned their analyses (afstemmen). */
  readonly alignments: AlignmentsRepo;
  /** Per trajectory: the "bewaren tot" date. */
  readonly retention: RetentionRepo;
  /** Per trajectory: what left the machine. */
  readonly exportLog: ExportLogRepo;
  /** Removing a trajectory with everything of it, and reclaiming the space. */
  readonly forgetting: Forgetting;
  /** Runs `fn` in one transaction (nested repository calls become savepoints). */
  transaction<T>(fn: () => T): T;
  /** Runs `fn`, which only reads, on one consistent snapshot of the database, without taking the write lock. */
  readSnapshot<T>(fn: () => T): T;
  /** SQLite's full integrity check: ok, or the problems it lists. */
  checkIntegrity(): { ok: boolean; problems: string[] };
  /** Opened read-only (a newer VKZ's data): every change is refused. */
  readonly readOnly: boolean;
  /** Grows with every change, through this connection or another: tells whether a new backup is due. */
  changeCount(): number;
  /** `listener` is told as each write transaction begins, before it asks for the write lock (null: no longer). */
  onWriteTransaction(listener: (() => void) | null): void;
  close(): void;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenStoreOptions {
  /**
   * Open without writing anything (no migration, no pragma that writes): for a database written
   * by a newer VKZ, which may then be read but not changed. Writes fail with SQLITE_READONLY.
   */
  readOnly?: boolean;
}

export function openStore(dataDir: string, options: OpenStoreOptions = {}): Store {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new StoreError(openFailureCode(error), `Cannot create the data folder ${dataDir}: ${messageOf(error)}`, {
      params: { path: dataDir },
      cause: error,
    });
  }
  const path = join(dataDir, STORE_FILE_NAME);
  refuseForeignFile(path);

  let db: Database.Database;
  try {
    db = new Database(path, options.readOnly ? { readonly: true, fileMustExist: true } : {});
  } catch (error) {
    throw new StoreError(openFailureCode(error), `Cannot open ${path}: ${messageOf(error)}`, {
      params: { path },
      cause: error,
    });
  }

  try {
    if (options.readOnly) {
      db.pragma(STORE_PRAGMAS[0]);
      db.pragma(STORE_PRAGMAS[1]);
      const result = db.pragma('quick_check', { simple: true });
      if (result !== 'ok') throw corrupt(path, undefined, String(result));
      const verdict = checkVkzSchema(db);
      if (!verdict.ok && verdict.reason === 'foreign-schema') throw corrupt(path, undefined, `not VKZ's schema: ${verdict.detail}`);
    } else {
      retryWhileBusy(() => {
        checkBeforeWriting(db, path);
        for (const pragma of STORE_PRAGMAS) db.pragma(pragma);
        applyMigrations(db, MIGRATIONS);
      });
    }
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    if (isCorruptionError(error)) throw corrupt(path, error);
    const failure = openFailureCode(error);
    if (failure !== 'open-failed') {
      throw new StoreError(failure, `Cannot prepare ${path}: ${messageOf(error)}`, { params: { path }, cause: error });
    }
    throw error;
  }

  return buildStore(db, path, options.readOnly === true);
}

const BUSY_RETRY_MS = 10_000;

/**
 * Runs the opening steps again while another process holds the lock they need. busy_timeout
 * does not cover every case: two connections that both read the file and then want to switch it
 * to WAL (or start writing) deadlock, and SQLite answers one of them SQLITE_BUSY at once instead
 * of waiting. Every step is safe to repeat: the checks only read, the pragmas are idempotent and
 * each migration reads the version inside its own IMMEDIATE transaction.
 */
function retryWhileBusy(steps: () => void): void {
  const deadline = Date.now() + BUSY_RETRY_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      steps();
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const busy = typeof code === 'string' && code.startsWith('SQLITE_BUSY');
      if (!busy || Date.now() > deadline) throw error;
      Atomics.wait(pause, 0, 0, 20 + Math.floor(Math.random() * 30)); // synchronous back-off
    }
  }
}

/** A file that exists but doesn't start like a SQLite database is never opened by SQLite. */
function refuseForeignFile(path: string): void {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) {
      throw new StoreError('open-failed', `${path} exists but is not a file.`, { params: { path } });
    }
    size = stat.size;
  } catch (error) {
    if (error instanceof StoreError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new StoreError(openFailureCode(error), `Cannot read ${path}: ${messageOf(error)}`, {
      params: { path },
      cause: error,
    });
  }
  if (size === 0) return; // SQLite treats an empty file as a new, empty database.
  const header = Buffer.alloc(SQLITE_HEADER.length);
  let read = 0;
  const fd = openSync(path, 'r');
  try {
    read = readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (read < header.length || !header.equals(SQLITE_HEADER)) throw corrupt(path);
}

/** Read-only checks: the file is a sound database, and one this build understands. */
function checkBeforeWriting(db: Database.Database, path: string): void {
  db.pragma(STORE_PRAGMAS[0]);
  const version = readSchemaVersion(db);
  if (version > LATEST_SCHEMA_VERSION) {
    throw new StoreError(
      'newer-version',
      `This data was written by a newer version of VKZ (schema ${version}); this version knows up to ${LATEST_SCHEMA_VERSION}. Update VKZ.`,
      { params: { found: version, known: LATEST_SCHEMA_VERSION, path } },
    );
  }
  const result = db.pragma('quick_check', { simple: true });
  if (result !== 'ok') throw corrupt(path, undefined, String(result));
  const verdict = checkVkzSchema(db);
  if (!verdict.ok) throw corrupt(path, undefined, `not VKZ's schema: ${verdict.reason === 'foreign-schema' ? verdict.detail : verdict.reason}`);
}

function corrupt(path: string, cause?: unknown, detail?: string): StoreError {
  const why = detail ? ` (SQLite reports: ${detail})` : '';
  return new StoreError(
    'corrupt',
    `${path} is not a readable VKZ database${why}. VKZ has left the file untouched; move it aside or restore a backup to continue.`,
    { params: { path }, cause },
  );
}

function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(NOTADB|CORRUPT)/.test(code);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function buildStore(db: Database.Database, path: string, readOnly: boolean): Store {
  const now = createMonotonicClock();
  return {
    path,
    schemaVersion: readSchemaVersion(db),
    settings: createSettingsRepo(db, now),
    trajectories: createTrajectoriesRepo(db, now),
    cycles: createCyclesRepo(db, now),
    recordings: createRecordingsRepo(db, now),
    notes: createNotesRepo(db, now),
    fragments: createFragmentsRepo(db, now),
    methods: createMethodsRepo(db, now),
    exchange: createExchangeRepo(db, now),
    reportSettings: createReportSettingsRepo(db, now),
    alignments: createAlignmentsRepo(db, now),
    retention: createRetentionRepo(db, now),
    exportLog: createExportLogRepo(db, now),
    forgetting: createForgetting(db),
    transaction: (fn) => writeTransaction(db, fn)(),
    readSnapshot: (fn) => db.transaction(fn).deferred(),
    onWriteTransaction: (listener) => onWriteTransaction(db, listener),
    readOnly,
    // data_version moves when another connection commits (an archive import in the exchange worker).
    changeCount: () => (db.prepare('SELECT total_changes()').pluck().get() as number) + (db.pragma('data_version', { simple: true }) as number),
    checkIntegrity() {
      const rows = db.pragma('integrity_check', { simple: false }) as Array<{ integrity_check: string }>;
      const problems = rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
      return { ok: problems.length === 0, problems };
    },
    close() {
      if (db.open) db.close();
    },
  };
}
