// The method record of each cycle (intake, steps, agendas, client feedback, meeting outcome),
// kept as one validated JSON document per cycle.
import type BetterSqlite3 from 'better-sqlite3';
import { CycleMethod, methodForStorage } from '../../../shared/method';
import type { Clock } from './clock';
import { writeTransaction } from './write-transaction';
import { StoreError } from './store-error';

export interface MethodsRepo {
  /** The stored record, or null when the cycle has none yet (or an unreadable one: see below). */
  get(cycleId: string): CycleMethod | null;
  save(method: CycleMethod, author: string): CycleMethod;
}

interface Row {
  doc_json: string;
}

export function createMethodsRepo(db: BetterSqlite3.Database, now: Clock): MethodsRepo {
  const select = db.prepare<[string], Row>('SELECT doc_json FROM cycle_methods WHERE cycle_id = ?');
  const cycleExists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM cycles WHERE id = ?');
  const upsert = db.prepare<{ cycleId: string; doc: string; now: string; author: string }>(
    `INSERT INTO cycle_methods (cycle_id, doc_json, created_at, updated_at, author)
     VALUES (@cycleId, @doc, @now, @now, @author)
     ON CONFLICT (cycle_id) DO UPDATE SET doc_json = excluded.doc_json, updated_at = excluded.updated_at,
       author = excluded.author`,
  );

  return {
    get(cycleId) {
      const row = select.get(cycleId);
      if (!row) return null;
      const parsed = CycleMethod.safeParse(JSON.parse(row.doc_json));
      if (!parsed.success) {
        // Never silently replace what the user wrote: refuse, so nothing overwrites it.
        throw new StoreError('corrupt', `The method record of cycle ${cycleId} cannot be read: ${parsed.error.issues[0]?.message}`);
      }
      return parsed.data;
    },
    save: writeTransaction(db, (method: CycleMethod, author: string): CycleMethod => {
      // Agendas are stored with references to the client's feedback, never copies of it.
      const valid = methodForStorage(CycleMethod.parse(method));
      if (!cycleExists.get(valid.cycleId)) throw new StoreError('not-found', `No cycle ${valid.cycleId}`);
      upsert.run({ cycleId: valid.cycleId, doc: JSON.stringify(valid), now: now(), author });
      return valid;
    }),
  };
}
