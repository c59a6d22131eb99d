// The one definition of "this file is a VKZ database of version N": its user_version is one
// this build knows, and its schema (every table, index, trigger and view in sqlite_schema, by
// name and SQL) is exactly what our migrations produce for that version. Anything else (an
// extra trigger that runs SQL on our inserts, a view in a table's place, a table we don't
// know) is refused before we write to the file or copy it over ours. Used by openStore and
// by restoring a backup.
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, readSchemaVersion } from './migrations';

type Db = Database.Database;

interface SchemaEntry {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

export type SchemaVerdict =
  | { ok: true; version: number }
  | { ok: false; reason: 'newer-version'; version: number }
  | { ok: false; reason: 'foreign-schema'; version: number; detail: string };

/** SQLite's own bookkeeping (sqlite_sequence, sqlite_stat1, automatic indexes) is not schema we define. */
const SCHEMA_QUERY = `SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name`;

const expected = new Map<number, Map<string, SchemaEntry>>();

/** What our migrations produce for `version`, built once per version in a memory database. */
function expectedSchema(version: number): Map<string, SchemaEntry> {
  let schema = expected.get(version);
  if (!schema) {
    const db = new Database(':memory:');
    try {
      for (const migration of MIGRATIONS.slice(0, version)) {
        db.transaction(() => migration.up(db))();
      }
      schema = schemaOf(db);
    } finally {
      db.close();
    }
    expected.set(version, schema);
  }
  return schema;
}

function schemaOf(db: Db): Map<string, SchemaEntry> {
  const rows = db.prepare(SCHEMA_QUERY).all() as SchemaEntry[];
  return new Map(rows.map((row) => [`${row.type} ${row.name}`, row]));
}

/**
 * Reads `db`'s version and schema (nothing is written) and says whether it is ours. Both are
 * read in one snapshot: another process migrating the file meanwhile is seen wholly or not at all.
 */
export function checkVkzSchema(db: Db): SchemaVerdict {
  return db.transaction(() => verdictOf(readSchemaVersion(db), schemaOf(db))).deferred();
}

function verdictOf(version: number, have: Map<string, SchemaEntry>): SchemaVerdict {
  if (version > LATEST_SCHEMA_VERSION) return { ok: false, reason: 'newer-version', version };
  const want = expectedSchema(version);
  for (const [key, entry] of have) {
    const ours = want.get(key);
    if (!ours) return { ok: false, reason: 'foreign-schema', version, detail: `unknown ${key}` };
    if (ours.sql !== entry.sql || ours.tbl_name !== entry.tbl_name) {
      return { ok: false, reason: 'foreign-schema', version, detail: `${key} differs from VKZ's definition` };
    }
  }
  for (const key of want.keys()) {
    if (!have.has(key)) return { ok: false, reason: 'foreign-schema', version, detail: `missing ${key}` };
  }
  return { ok: true, version };
}
