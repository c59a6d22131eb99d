// The schema, as an ordered list of migrations applied against `PRAGMA user_version`.
//
// To change the schema, APPEND a migration with the next version number; never edit one that
// has shipped (databases in the field already ran it). Each migration runs in one transaction
// together with the user_version bump, so a failure leaves the database as it was. Add a test
// for it in tests/integration/store/migrations.test.ts: a database at version N-1 holding
// data is migrated without losing that data.
//
// CHECK constraints (note kinds, valences, proxy states) are frozen into the table
// definitions here. Adding a value later means rebuilding that table in a new migration
// (create new table, copy, drop, rename). Such a migration sets `foreignKeys: 'off'`: the
// runner then switches foreign keys off around its transaction (SQLite cannot do that inside
// one) and runs `PRAGMA foreign_key_check` before committing.
import type BetterSqlite3 from 'better-sqlite3';

type Db = BetterSqlite3.Database;

export interface Migration {
  version: number;
  description: string;
  foreignKeys?: 'on' | 'off';
  up(db: Db): void;
}

/** Fields every shared record carries (see shared/domain.ts `Stamped`). */
const STAMPS = `
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  author TEXT NOT NULL`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'settings, trajectories, cycles, recordings, notes, fragments',
    up(db) {
      db.exec(`
        -- Machine-local preferences (author name, language, ffmpeg paths): one row per key,
        -- the value as JSON. Not a shared record, so no id/author: it is never merged.
        CREATE TABLE settings (
          key TEXT PRIMARY KEY NOT NULL,
          value_json TEXT NOT NULL CHECK (json_valid(value_json)),
          updated_at TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE trajectories (${STAMPS},
          case_manager TEXT NOT NULL,
          client TEXT NOT NULL
        );

        CREATE TABLE cycles (${STAMPS},
          trajectory_id TEXT NOT NULL REFERENCES trajectories (id) ON DELETE CASCADE,
          number INTEGER NOT NULL CHECK (number >= 1),
          title TEXT NOT NULL,
          date TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
        );
        -- Not UNIQUE: merging two researchers' databases may briefly produce equal numbers.
        CREATE INDEX cycles_by_trajectory ON cycles (trajectory_id, number);

        CREATE TABLE recordings (${STAMPS},
          cycle_id TEXT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
          position INTEGER NOT NULL CHECK (position >= 1),
          file_name TEXT NOT NULL,
          file_path TEXT NOT NULL,
          media_json TEXT NOT NULL CHECK (json_valid(media_json)),
          proxy_reason TEXT,
          proxy_state TEXT NOT NULL
            CHECK (proxy_state IN ('not-needed', 'queued', 'running', 'done', 'failed', 'cancelled')),
          proxy_progress REAL NOT NULL DEFAULT 0 CHECK (proxy_progress >= 0 AND proxy_progress <= 1),
          proxy_error TEXT,
          proxy_path TEXT,
          -- Target of the (recording_id, cycle_id) foreign keys below: a note or fragment can
          -- only point at a recording of its own cycle.
          UNIQUE (id, cycle_id)
        );
        CREATE INDEX recordings_by_cycle ON recordings (cycle_id, position);

        CREATE TABLE notes (${STAMPS},
          cycle_id TEXT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
          recording_id TEXT NOT NULL,
          time_sec REAL NOT NULL CHECK (time_sec >= 0),
          kind TEXT NOT NULL CHECK (kind IN
            ('transcript', 'event', 'observation', 'question_client', 'question_case_manager')),
          text TEXT NOT NULL,
          speaker TEXT NOT NULL DEFAULT '',
          deleted_at TEXT,
          FOREIGN KEY (recording_id, cycle_id) REFERENCES recordings (id, cycle_id)
            ON DELETE CASCADE ON UPDATE CASCADE
        );
        CREATE INDEX notes_by_recording_time ON notes (recording_id, time_sec);
        CREATE INDEX notes_by_cycle ON notes (cycle_id);

        CREATE TABLE fragments (${STAMPS},
          cycle_id TEXT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
          recording_id TEXT NOT NULL,
          in_sec REAL NOT NULL CHECK (in_sec >= 0),
          out_sec REAL NOT NULL,
          title TEXT NOT NULL DEFAULT '',
          note TEXT NOT NULL DEFAULT '',
          valence TEXT NOT NULL CHECK (valence IN ('positive', 'concern')),
          themes_json TEXT NOT NULL DEFAULT '[]'
            CHECK (json_valid(themes_json) AND json_type(themes_json) = 'array'),
          for_client INTEGER NOT NULL DEFAULT 0 CHECK (for_client IN (0, 1)),
          for_case_manager INTEGER NOT NULL DEFAULT 0 CHECK (for_case_manager IN (0, 1)),
          deleted_at TEXT,
          CHECK (out_sec > in_sec),
          FOREIGN KEY (recording_id, cycle_id) REFERENCES recordings (id, cycle_id)
            ON DELETE CASCADE ON UPDATE CASCADE
        );
        CREATE INDEX fragments_by_recording_in ON fragments (recording_id, in_sec);
        CREATE INDEX fragments_by_cycle ON fragments (cycle_id);
      `);
    },
  },
  {
    version: 2,
    description: 'the method per cycle: steps, intake, agendas, client feedback, meeting outcome',
    up(db) {
      db.exec(`
        -- One document per cycle (shared/method/model.ts CycleMethod), validated with zod on
        -- the way in and out. The method's parts are edited together on one page and agendas
        -- are nested lists the user reorders, so a document fits better than a dozen tables.
        CREATE TABLE cycle_methods (
          cycle_id TEXT PRIMARY KEY NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
          doc_json TEXT NOT NULL CHECK (json_valid(doc_json)),
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          author TEXT NOT NULL
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    version: 3,
    description: 'per trajectory: the pseudonymisation list and the report background',
    up(db) {
      db.exec(`
        -- What a trajectory's exports need beyond the analysis: the names to replace in every
        -- exported text (a JSON array of {name, replacement}, shared/report/pseudonym-list.ts)
        -- and the background text the report opens with. One row per trajectory, made on
        -- first save; no row means an empty list and no background.
        CREATE TABLE trajectory_report_settings (
          trajectory_id TEXT PRIMARY KEY NOT NULL REFERENCES trajectories (id) ON DELETE CASCADE,
          pseudonyms_json TEXT NOT NULL DEFAULT '[]'
            CHECK (json_valid(pseudonyms_json) AND json_type(pseudonyms_json) = 'array'),
          background TEXT NOT NULL DEFAULT '',
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          author TEXT NOT NULL
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    version: 4,
    description: 'project exchange: what was last merged per record, and conflicts waiting for a choice',
    up(db) {
      db.exec(`
        -- Per shared record (record_type: trajectory, cycle, recording, note, fragment, method,
        -- report_settings), the content hash and updated_at of the version last shared with a
        -- colleague through an archive. The merge compares both sides against it to tell "only
        -- they changed it" from "both changed it" (electron/services/exchange/merge-plan.ts).
        -- Not a foreign key: a record may be deleted locally and still be known here.
        CREATE TABLE exchange_merge_log (
          record_type TEXT NOT NULL,
          record_id TEXT NOT NULL,
          content_hash TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          merged_at TEXT NOT NULL,
          PRIMARY KEY (record_type, record_id)
        ) WITHOUT ROWID;

        -- An incoming version of a record that both sides changed: kept until the user picks
        -- theirs or mine. The local record is untouched meanwhile. One per record: a newer
        -- import replaces it.
        CREATE TABLE exchange_conflicts (
          id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
          record_type TEXT NOT NULL,
          record_id TEXT NOT NULL,
          theirs_json TEXT NOT NULL CHECK (json_valid(theirs_json)),
          archive_author TEXT NOT NULL,
          archive_created_at TEXT NOT NULL,
          found_at TEXT NOT NULL,
          UNIQUE (record_type, record_id)
        );
      `);
    },
  },
  {
    version: 5,
    description: 'fragments: the moment of the still frame in the report',
    up(db) {
      db.exec(`
        -- Where the report's still of a fragment is taken; NULL: the fragment's middle. Inside
        -- the fragment (the repository resets it when the range moves away from it).
        ALTER TABLE fragments ADD COLUMN still_sec REAL
          CHECK (still_sec IS NULL OR (still_sec >= in_sec AND still_sec <= out_sec));
      `);
    },
  },
  {
    version: 6,
    description: 'alignment of two researchers: one decision per pair, single fragment or group of notes',
    up(db) {
      db.exec(`
        -- How two researchers aligned their analyses of a cycle (shared/alignment/model.ts):
        -- the originals (source_ids_json, fragment or note ids), what was done, and the joint
        -- fragment or note it produced (result_id; NULL for "besproken" and "keep"). Not foreign
        -- keys: the originals and results are soft-deleted like every annotation. Undo is a soft
        -- delete too, so it merges through archives like an edit.
        CREATE TABLE alignment_decisions (${STAMPS},
          cycle_id TEXT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
          recording_id TEXT NOT NULL,
          subject TEXT NOT NULL CHECK (subject IN ('fragments', 'notes')),
          source_ids_json TEXT NOT NULL
            CHECK (json_valid(source_ids_json) AND json_type(source_ids_json) = 'array'),
          action TEXT NOT NULL CHECK (action IN ('take', 'combine', 'discussed', 'keep', 'merge')),
          result_id TEXT,
          comment TEXT NOT NULL DEFAULT '',
          authors_json TEXT NOT NULL DEFAULT '[]'
            CHECK (json_valid(authors_json) AND json_type(authors_json) = 'array'),
          deleted_at TEXT,
          FOREIGN KEY (recording_id, cycle_id) REFERENCES recordings (id, cycle_id)
            ON DELETE CASCADE ON UPDATE CASCADE
        );
        CREATE INDEX alignment_decisions_by_cycle ON alignment_decisions (cycle_id);
      `);
    },
  },
  {
    version: 7,
    description: 'privacy: a retention date per trajectory, and the log of what left the machine',
    up(db) {
      db.exec(`
        -- "Bewaren tot": the date until which a trajectory may be kept. Local policy of this
        -- machine, not a shared record: it never travels in an archive.
        CREATE TABLE trajectory_retention (
          trajectory_id TEXT PRIMARY KEY NOT NULL REFERENCES trajectories(id) ON DELETE CASCADE,
          keep_until TEXT NOT NULL CHECK (keep_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          updated_at TEXT NOT NULL,
          author TEXT NOT NULL
        ) WITHOUT ROWID;

        -- Every export of a trajectory's data: what, of which part, in which format, to where,
        -- when, by whom, with which pseudonym list (count and fingerprint), and how many pieces
        -- of "niet delen" feedback were withheld. Forgetting the trajectory removes it too.
        CREATE TABLE export_log (
          id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
          trajectory_id TEXT NOT NULL REFERENCES trajectories(id) ON DELETE CASCADE,
          exported_at TEXT NOT NULL,
          author TEXT NOT NULL,
          what TEXT NOT NULL,
          scope TEXT NOT NULL,
          format TEXT NOT NULL,
          destination TEXT NOT NULL,
          pseudonym_count INTEGER NOT NULL CHECK (pseudonym_count >= 0),
          pseudonym_fingerprint TEXT NOT NULL,
          withheld INTEGER NOT NULL CHECK (withheld >= 0)
        );
        CREATE INDEX export_log_by_trajectory ON export_log (trajectory_id, exported_at);
      `);
    },
  },
];

/** The schema version this build writes. */
export const LATEST_SCHEMA_VERSION: number = MIGRATIONS.length;

export function readSchemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Throws when the list is not 1, 2, 3 ... in order: a mistake in this file, caught early. */
export function assertMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration list is out of order: entry ${index} has version ${migration.version}, expected ${index + 1}.`,
      );
    }
  });
}

/**
 * Applies every migration newer than the database's user_version, each in its own
 * transaction that also bumps user_version. Returns the versions applied. The caller has
 * already refused databases newer than `migrations` knows.
 */
export function applyMigrations(db: Db, migrations: readonly Migration[] = MIGRATIONS): number[] {
  assertMigrationList(migrations);
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= readSchemaVersion(db)) continue;
    // The version is read again inside the IMMEDIATE transaction, which holds the write lock:
    // another process that migrated the same file a moment ago is seen here, not run twice.
    const run = db.transaction((): boolean => {
      if (migration.version <= readSchemaVersion(db)) return false;
      migration.up(db);
      if (migration.foreignKeys === 'off') {
        const problems = db.pragma('foreign_key_check') as unknown[];
        if (problems.length > 0) {
          throw new Error(
            `Migration ${migration.version} would leave ${problems.length} broken reference(s); nothing was changed.`,
          );
        }
      }
      db.pragma(`user_version = ${migration.version}`);
      return true;
    });
    let ran: boolean;
    if (migration.foreignKeys === 'off') {
      const before = db.pragma('foreign_keys', { simple: true }) as number;
      db.pragma('foreign_keys = OFF');
      try {
        ran = run.immediate();
      } finally {
        db.pragma(`foreign_keys = ${before ? 'ON' : 'OFF'}`);
      }
    } else {
      ran = run.immediate();
    }
    if (ran) applied.push(migration.version);
  }
  return applied;
}
