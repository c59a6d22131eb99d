// The schema migrations: one test per migration (a database one version behind, holding
// data, is brought up to date without losing it), plus the runner's promises.
//
// Adding migration N? Add a `describe('migration N')` below: build a database at version N-1
// with applyMigrations(db, MIGRATIONS.slice(0, N - 1)), put representative rows in it with
// plain SQL, open it with openStore, and check those rows through the repositories.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NoteKind, Valence } from '../../../shared/domain';
import { newCycleMethod } from '../../../shared/method';
import { openStore, STORE_FILE_NAME, STORE_PRAGMAS, type Store } from '../../../electron/services/store';
import {
  applyMigrations,
  assertMigrationList,
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
  readSchemaVersion,
  type Migration,
} from '../../../electron/services/store/migrations';

let root: string;
let dbPath: string;
const toClose: Array<{ close(): unknown }> = [];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'vkz-store-migrations-'));
  dbPath = join(root, STORE_FILE_NAME);
});
afterEach(() => {
  for (const handle of toClose.splice(0)) handle.close();
  rmSync(root, { recursive: true, force: true });
});

function rawDb(): Database.Database {
  const db = new Database(dbPath);
  for (const pragma of STORE_PRAGMAS) db.pragma(pragma);
  toClose.push(db);
  return db;
}
function open(): Store {
  const store = openStore(root);
  toClose.push(store);
  return store;
}

function tableNames(db: Database.Database): string[] {
  return (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[]);
}

const MEDIA = {
  durationSec: 600,
  formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
  sizeBytes: 1_000_000,
  video: { codec: 'h264', profile: 'High', width: 1280, height: 720, pixFmt: 'yuv420p', fps: 25, variableFrameRate: false },
  audio: { codec: 'aac', channels: 2, sampleRate: 48000 },
};

describe('the migration list', () => {
  it('is numbered 1, 2, 3 ... so every database walks the same path', () => {
    expect(() => assertMigrationList(MIGRATIONS)).not.toThrow();
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(() => assertMigrationList([{ version: 2, description: 'gap', up() {} }])).toThrow(/out of order/);
  });
});

describe('migration 1: the first schema', () => {
  it('turns an empty file into a database at version 1 with every table', () => {
    const db = rawDb();
    expect(readSchemaVersion(db)).toBe(0);
    expect(applyMigrations(db, MIGRATIONS.slice(0, 1))).toEqual([1]);
    expect(readSchemaVersion(db)).toBe(1);
    expect(tableNames(db)).toEqual(['cycles', 'fragments', 'notes', 'recordings', 'settings', 'trajectories']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('accepts every note kind and valence the domain knows (the CHECK lists match the schemas)', () => {
    const store = open();
    const trajectory = store.trajectories.create({ caseManager: 'KM-1', client: 'Cliënt A' }, 'Ann');
    const cycle = store.cycles.create({ trajectoryId: trajectory.id, title: '', date: null }, 'Ann');
    const recording = store.recordings.create(
      { cycleId: cycle.id, fileName: 'a.mp4', filePath: '/x/a.mp4', media: MEDIA, proxyReason: null, proxyState: 'not-needed' },
      'Ann',
    );
    for (const kind of NoteKind.options) {
      store.notes.create({ cycleId: cycle.id, recordingId: recording.id, timeSec: 1, kind, text: kind }, 'Ann');
    }
    for (const valence of Valence.options) {
      store.fragments.create({ cycleId: cycle.id, recordingId: recording.id, inSec: 1, outSec: 2, valence }, 'Ann');
    }
    expect(store.notes.listByCycle(cycle.id).map((n) => n.kind).sort()).toEqual([...NoteKind.options].sort());
    expect(store.fragments.listByCycle(cycle.id).map((f) => f.valence).sort()).toEqual([...Valence.options].sort());
  });

  it('refuses a version-0 database that already holds unrelated tables, and leaves them untouched', () => {
    // Version 0 is "no VKZ schema yet"; the only data it can hold is someone else's. It is not a
    // VKZ database (vkz-schema.ts), so VKZ writes nothing into it.
    const db = rawDb();
    db.exec(`CREATE TABLE scratch (x TEXT); INSERT INTO scratch VALUES ('keep me');`);
    db.close();
    expect(() => open()).toThrow(/not VKZ's schema: unknown table scratch/);
    const check = rawDb();
    expect(check.prepare('SELECT x FROM scratch').pluck().all()).toEqual(['keep me']);
    expect(check.pragma('user_version', { simple: true })).toBe(0);
    check.close();
  });
});

describe('migration 2: the method record per cycle', () => {
  it('brings a version-1 database with a trajectory, cycle and notes to version 2, keeping them', () => {
    const db = rawDb();
    applyMigrations(db, MIGRATIONS.slice(0, 1));
    const stamp = '2026-11-20T10:00:00.000Z';
    const trajectoryId = '11111111-1111-4111-8111-111111111111';
    const cycleId = '22222222-2222-4222-8222-222222222222';
    db.prepare(`INSERT INTO trajectories VALUES (?, ?, ?, 'A', 'KM-1', 'Cliënt A')`).run(trajectoryId, stamp, stamp);
    db.prepare(`INSERT INTO cycles VALUES (?, ?, ?, 'A', ?, 1, 'Gesprek 1', '2026-11-20')`).run(cycleId, stamp, stamp, trajectoryId);
    db.close();

    const store = open();
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(store.cycles.get(cycleId)?.title).toBe('Gesprek 1');
    expect(store.methods.get(cycleId)).toBeNull();
    const method = newCycleMethod(cycleId, 'kijkwijzer');
    method.intake.consent = 'yes';
    method.intake.doubts.push({ id: 'd1', text: 'Was ik te sturend?' });
    store.methods.save(method, 'Onderzoeker A');
    expect(store.methods.get(cycleId)).toEqual(method);

    // The record goes with its cycle.
    store.cycles.delete(cycleId);
    expect(store.methods.get(cycleId)).toBeNull();
  });
});

describe('migration 3: pseudonym list and report background per trajectory', () => {
  it('brings a version-2 database with trajectories, cycles and a method record to version 3, keeping them', () => {
    const db = rawDb();
    applyMigrations(db, MIGRATIONS.slice(0, 2));
    const stamp = '2026-11-20T10:00:00.000Z';
    const trajectoryId = '11111111-1111-4111-8111-111111111111';
    const otherId = '33333333-3333-4333-8333-333333333333';
    const cycleId = '22222222-2222-4222-8222-222222222222';
    db.prepare(`INSERT INTO trajectories VALUES (?, ?, ?, 'A', 'KM-1', 'Cliënt A')`).run(trajectoryId, stamp, stamp);
    db.prepare(`INSERT INTO trajectories VALUES (?, ?, ?, 'A', 'KM-2', 'Cliënt B')`).run(otherId, stamp, stamp);
    db.prepare(`INSERT INTO cycles VALUES (?, ?, ?, 'A', ?, 1, 'Gesprek 1', '2026-11-20')`).run(cycleId, stamp, stamp, trajectoryId);
    const method = newCycleMethod(cycleId, 'kijkwijzer');
    db.prepare(`INSERT INTO cycle_methods VALUES (?, ?, ?, ?, 'A')`).run(cycleId, JSON.stringify(method), stamp, stamp);
    db.close();

    const store = open();
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(store.trajectories.list().map((t) => t.client)).toEqual(['Cliënt A', 'Cliënt B']);
    expect(store.methods.get(cycleId)).toEqual(method);
    // Nothing saved yet: an empty list and no background.
    expect(store.reportSettings.get(trajectoryId)).toEqual({ pseudonyms: [], background: '' });

    const list = [{ name: 'Jan de Vries', replacement: '[naam cliënt]' }];
    expect(store.reportSettings.setPseudonyms(trajectoryId, list, 'Onderzoeker A')).toEqual(list);
    expect(store.reportSettings.setBackground(trajectoryId, 'Sinds 2025 in beeld.', 'Onderzoeker A')).toBe('Sinds 2025 in beeld.');
    expect(store.reportSettings.get(trajectoryId)).toEqual({ pseudonyms: list, background: 'Sinds 2025 in beeld.' });
    expect(store.reportSettings.get(otherId)).toEqual({ pseudonyms: [], background: '' });
    expect(() => store.reportSettings.setPseudonyms(trajectoryId, [{ name: '', replacement: 'x' }], 'A')).toThrow(/Invalid/);
    expect(() => store.reportSettings.get('44444444-4444-4444-8444-444444444444')).toThrow(/does not exist/);

    // The settings go with their trajectory.
    store.trajectories.delete(trajectoryId);
    const raw = rawDb();
    expect(raw.prepare('SELECT count(*) FROM trajectory_report_settings').pluck().get()).toBe(0);
  });
});

describe('migration 4: merge log and pending conflicts of project exchange', () => {
  it('brings a version-3 database with notes (one deleted) to version 4, keeping them, with empty exchange tables', () => {
    const db = rawDb();
    applyMigrations(db, MIGRATIONS.slice(0, 3));
    const stamp = '2026-11-20T10:00:00.000Z';
    const trajectoryId = '11111111-1111-4111-8111-111111111111';
    const cycleId = '22222222-2222-4222-8222-222222222222';
    const recordingId = '33333333-3333-4333-8333-333333333333';
    const noteId = '44444444-4444-4444-8444-444444444444';
    const deletedId = '55555555-5555-4555-8555-555555555555';
    db.prepare(`INSERT INTO trajectories VALUES (?, ?, ?, 'A', 'KM-1', 'Cliënt A')`).run(trajectoryId, stamp, stamp);
    db.prepare(`INSERT INTO cycles VALUES (?, ?, ?, 'A', ?, 1, 'Gesprek 1', NULL)`).run(cycleId, stamp, stamp, trajectoryId);
    const media = JSON.stringify({ durationSec: 60, formatName: 'mov,mp4', sizeBytes: 1, video: null, audio: null });
    db.prepare(
      `INSERT INTO recordings (id, created_at, updated_at, author, cycle_id, position, file_name, file_path, media_json, proxy_state)
       VALUES (?, ?, ?, 'A', ?, 1, 'a.mp4', '/x/a.mp4', ?, 'not-needed')`,
    ).run(recordingId, stamp, stamp, cycleId, media);
    const insertNote = db.prepare(
      `INSERT INTO notes (id, created_at, updated_at, author, cycle_id, recording_id, time_sec, kind, text, deleted_at)
       VALUES (?, ?, ?, 'A', ?, ?, 5, 'observation', ?, ?)`,
    );
    insertNote.run(noteId, stamp, stamp, cycleId, recordingId, 'Ze kijkt weg.', null);
    insertNote.run(deletedId, stamp, stamp, cycleId, recordingId, 'Weg.', stamp);
    db.close();

    const store = open();
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(store.notes.listByCycle(cycleId).map((n) => n.text)).toEqual(['Ze kijkt weg.']);
    expect(store.exchange.notesOfCycle(cycleId).map((n) => [n.id, n.deletedAt])).toEqual([
      [noteId, null],
      [deletedId, stamp],
    ]);
    expect(store.exchange.mergeLog('note', noteId)).toBeNull();
    expect(store.exchange.conflicts()).toEqual([]);

    store.exchange.setMergeLog('note', noteId, { contentHash: 'abc', updatedAt: stamp });
    expect(store.exchange.mergeLog('note', noteId)).toEqual({ contentHash: 'abc', updatedAt: stamp });
    const conflictId = '66666666-6666-4666-8666-666666666666';
    const theirs = { id: noteId, text: 'Ze kijkt naar buiten.' };
    store.exchange.putConflict({ id: conflictId, recordType: 'note', recordId: noteId, theirs, archiveAuthor: 'B', archiveCreatedAt: stamp });
    // One pending conflict per record: a later import replaces it.
    store.exchange.putConflict({ id: '77777777-7777-4777-8777-777777777777', recordType: 'note', recordId: noteId, theirs, archiveAuthor: 'B', archiveCreatedAt: stamp });
    expect(store.exchange.conflicts().map((c) => [c.id, c.theirs])).toEqual([['77777777-7777-4777-8777-777777777777', theirs]]);
    // The log outlives the record (a deletion here must not forget what was shared).
    store.cycles.delete(cycleId);
    expect(store.exchange.mergeLog('note', noteId)).toEqual({ contentHash: 'abc', updatedAt: stamp });
  });
});

describe('migration 5: the still moment of a fragment', () => {
  it('brings a version-4 database with fragments (one deleted) to version 5: no still chosen, all kept', () => {
    const db = rawDb();
    applyMigrations(db, MIGRATIONS.slice(0, 4));
    const stamp = '2026-11-20T10:00:00.000Z';
    const trajectoryId = '11111111-1111-4111-8111-111111111111';
    const cycleId = '22222222-2222-4222-8222-222222222222';
    const recordingId = '33333333-3333-4333-8333-333333333333';
    const fragmentId = '44444444-4444-4444-8444-444444444444';
    const deletedId = '55555555-5555-4555-8555-555555555555';
    db.prepare(`INSERT INTO trajectories VALUES (?, ?, ?, 'A', 'KM-1', 'Cliënt A')`).run(trajectoryId, stamp, stamp);
    db.prepare(`INSERT INTO cycles VALUES (?, ?, ?, 'A', ?, 1, 'Gesprek 1', NULL)`).run(cycleId, stamp, stamp, trajectoryId);
    db.prepare(
      `INSERT INTO recordings (id, created_at, updated_at, author, cycle_id, position, file_name, file_path, media_json, proxy_state)
       VALUES (?, ?, ?, 'A', ?, 1, 'a.mp4', '/x/a.mp4', ?, 'not-needed')`,
    ).run(recordingId, stamp, stamp, cycleId, JSON.stringify(MEDIA));
    const insertFragment = db.prepare(
      `INSERT INTO fragments (id, created_at, updated_at, author, cycle_id, recording_id, in_sec, out_sec, title, valence, themes_json, deleted_at)
       VALUES (?, ?, ?, 'A', ?, ?, ?, ?, ?, 'positive', '["authenticity"]', ?)`,
    );
    insertFragment.run(fragmentId, stamp, stamp, cycleId, recordingId, 360, 390, 'Samen het doel', null);
    insertFragment.run(deletedId, stamp, stamp, cycleId, recordingId, 10, 20, 'Weg', stamp);
    db.close();

    const store = open();
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(store.fragments.listByCycle(cycleId)).toEqual([
      expect.objectContaining({ id: fragmentId, inSec: 360, outSec: 390, title: 'Samen het doel', themes: ['authenticity'], stillSec: null }),
    ]);
    expect(store.exchange.fragmentsOfCycle(cycleId).map((f) => [f.id, f.stillSec, f.deletedAt])).toEqual([
      [deletedId, null, stamp],
      [fragmentId, null, null],
    ]);

    // A still moment inside the fragment is kept; outside it is refused with a clear message.
    expect(store.fragments.update(fragmentId, { stillSec: 372.4 }, 'Ann').stillSec).toBe(372.4);
    expect(() => store.fragments.update(fragmentId, { stillSec: 395 }, 'Ann')).toThrow(/still moment 395 s lies outside the fragment \(360 - 390 s\)/);
    expect(store.fragments.get(fragmentId)?.stillSec).toBe(372.4);
    // Trimming the fragment away from its still puts the still back in the middle; a range that keeps it, keeps it.
    expect(store.fragments.update(fragmentId, { inSec: 365 }, 'Ann').stillSec).toBe(372.4);
    expect(store.fragments.update(fragmentId, { inSec: 375, outSec: 385 }, 'Ann').stillSec).toBeNull();
    expect(store.fragments.update(fragmentId, { inSec: 360, outSec: 390, stillSec: 360 }, 'Ann').stillSec).toBe(360);
    expect(store.fragments.update(fragmentId, { stillSec: null }, 'Ann').stillSec).toBeNull();
    expect(store.fragments.create({ cycleId, recordingId, inSec: 1, outSec: 3, stillSec: 2 }, 'Ann').stillSec).toBe(2);
    expect(() => store.fragments.create({ cycleId, recordingId, inSec: 1, outSec: 3, stillSec: 4 }, 'Ann')).toThrow(/outside the fragment/);

    // The database itself refuses a still outside the fragment, whoever writes it.
    const raw = rawDb();
    expect(() => raw.prepare('UPDATE fragments SET still_sec = 400 WHERE id = ?').run(fragmentId)).toThrow(/CHECK constraint failed/);
    expect(() => raw.prepare('UPDATE fragments SET still_sec = 390 WHERE id = ?').run(fragmentId)).not.toThrow();
  });
});

describe('migration 6: alignment decisions of two researchers', () => {
  it('brings a version-5 database with fragments to version 6: they stay, decisions can be made and undone', () => {
    const db = rawDb();
    applyMigrations(db, MIGRATIONS.slice(0, 5));
    const stamp = '2026-11-20T10:00:00.000Z';
    const trajectoryId = '11111111-1111-4111-8111-111111111111';
    const cycleId = '22222222-2222-4222-8222-222222222222';
    const recordingId = '33333333-3333-4333-8333-333333333333';
    const annaId = '44444444-4444-4444-8444-444444444444';
    const bramId = '55555555-5555-4555-8555-555555555555';
    db.prepare(`INSERT INTO trajectories VALUES (?, ?, ?, 'Anna', 'KM-1', 'Cliënt A')`).run(trajectoryId, stamp, stamp);
    db.prepare(`INSERT INTO cycles VALUES (?, ?, ?, 'Anna', ?, 1, 'Gesprek 1', NULL)`).run(cycleId, stamp, stamp, trajectoryId);
    db.prepare(
      `INSERT INTO recordings (id, created_at, updated_at, author, cycle_id, position, file_name, file_path, media_json, proxy_state)
       VALUES (?, ?, ?, 'Anna', ?, 1, 'a.mp4', '/x/a.mp4', ?, 'not-needed')`,
    ).run(recordingId, stamp, stamp, cycleId, JSON.stringify(MEDIA));
    const insertFragment = db.prepare(
      `INSERT INTO fragments (id, created_at, updated_at, author, cycle_id, recording_id, in_sec, out_sec, title, valence, themes_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'x', 'positive', '["flow"]')`,
    );
    insertFragment.run(annaId, stamp, stamp, 'Anna', cycleId, recordingId, 10, 20);
    insertFragment.run(bramId, stamp, stamp, 'Bram', cycleId, recordingId, 12, 22);
    db.close();

    const store = open();
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(store.fragments.listByCycle(cycleId).map((f) => [f.id, f.author])).toEqual([
      [annaId, 'Anna'],
      [bramId, 'Bram'],
    ]);
    expect(store.alignments.listByCycle(cycleId)).toEqual([]);
    const decision = store.alignments.create(
      { cycleId, recordingId, subject: 'fragments', sourceIds: [annaId, bramId], action: 'discussed', resultId: null, comment: 'eens', authors: ['Anna', 'Bram'] },
      'Anna',
    );
    expect(store.alignments.listByCycle(cycleId)).toEqual([decision]);
    store.alignments.delete(decision.id, 'Bram');
    expect(store.alignments.listByCycle(cycleId)).toEqual([]);
    expect(store.alignments.allOfCycle(cycleId)).toEqual([expect.objectContaining({ id: decision.id, author: 'Bram', deletedAt: expect.any(String) })]);

    // The database itself refuses an unknown action and a recording of another cycle.
    const raw = rawDb();
    const insert = raw.prepare(
      `INSERT INTO alignment_decisions (id, created_at, updated_at, author, cycle_id, recording_id, subject, source_ids_json, action)
       VALUES (?, ?, ?, 'A', ?, ?, 'fragments', '[]', ?)`,
    );
    expect(() => insert.run('66666666-6666-4666-8666-666666666666', stamp, stamp, cycleId, recordingId, 'vote')).toThrow(/CHECK constraint failed/);
    expect(() => insert.run('77777777-7777-4777-8777-777777777777', stamp, stamp, cycleId, annaId, 'take')).toThrow(/FOREIGN KEY constraint failed/);
  });
});

describe('migration 7: retention date and export log', () => {
  it('brings a version-6 database with a trajectory to version 7: no date, an empty log, both removed with the trajectory', () => {
    const db = rawDb();
    applyMigrations(db, MIGRATIONS.slice(0, 6));
    const stamp = '2026-11-20T10:00:00.000Z';
    const trajectoryId = '11111111-1111-4111-8111-111111111111';
    db.prepare(`INSERT INTO trajectories VALUES (?, ?, ?, 'A', 'KM-1', 'Cliënt A')`).run(trajectoryId, stamp, stamp);
    db.close();

    const store = open();
    expect(store.schemaVersion).toBe(7);
    expect(store.trajectories.get(trajectoryId)).toMatchObject({ caseManager: 'KM-1', client: 'Cliënt A' });
    expect(store.retention.all()).toEqual({});
    expect(store.exportLog.listByTrajectory(trajectoryId)).toEqual([]);

    expect(store.retention.set(trajectoryId, '2027-06-30', 'Ann')).toBe('2027-06-30');
    expect(() => store.retention.set(trajectoryId, '30-06-2027', 'Ann')).toThrow(/YYYY-MM-DD/);
    const entry = store.exportLog.add({
      trajectoryId,
      author: 'Ann',
      what: 'report',
      scope: 'cycle:1',
      format: 'pdf',
      destination: '/tmp/rapport.pdf',
      pseudonymCount: 2,
      pseudonymFingerprint: 'abcd1234',
      withheld: 1,
    });
    expect(store.exportLog.listByTrajectory(trajectoryId)).toEqual([entry]);
    expect(store.retention.all()).toEqual({ [trajectoryId]: '2027-06-30' });

    // The database refuses a malformed date whoever writes it, and both go with their trajectory.
    const raw = rawDb();
    expect(() => raw.prepare(`UPDATE trajectory_retention SET keep_until = 'morgen'`).run()).toThrow(/CHECK constraint failed/);
    store.forgetting.forget(trajectoryId);
    expect(store.retention.all()).toEqual({});
    expect(store.exportLog.listByTrajectory(trajectoryId)).toEqual([]);
  });
});

describe('the migration runner', () => {
  // A stand-in for a future migration, to show how data at version N-1 is carried to N.
  const addColour: Migration = {
    version: LATEST_SCHEMA_VERSION + 1,
    description: 'test: a colour per fragment',
    up(db) {
      db.exec(`ALTER TABLE fragments ADD COLUMN colour TEXT NOT NULL DEFAULT 'yellow'`);
    },
  };

  function seedLatest(): { noteIds: string[]; fragmentId: string } {
    const store = open();
    const trajectory = store.trajectories.create({ caseManager: 'KM-1', client: 'Cliënt A' }, 'Ann');
    const cycle = store.cycles.create({ trajectoryId: trajectory.id, title: 'Gesprek 1', date: '2024-03-01' }, 'Ann');
    const recording = store.recordings.create(
      { cycleId: cycle.id, fileName: 'a.mp4', filePath: '/x/a.mp4', media: MEDIA, proxyReason: null, proxyState: 'not-needed' },
      'Ann',
    );
    const notes = store.notes.createMany(
      [1, 2, 3].map((t) => ({ cycleId: cycle.id, recordingId: recording.id, timeSec: t, kind: 'transcript' as const, text: `line ${t}` })),
      'Ann',
    );
    const fragment = store.fragments.create({ cycleId: cycle.id, recordingId: recording.id, inSec: 5, outSec: 9 }, 'Ann');
    store.close();
    return { noteIds: notes.map((n) => n.id), fragmentId: fragment.id };
  }

  it('migrates a database one version behind, holding data, without losing any of it', () => {
    const { noteIds, fragmentId } = seedLatest();
    const db = rawDb();
    expect(applyMigrations(db, [...MIGRATIONS, addColour])).toEqual([addColour.version]);
    expect(readSchemaVersion(db)).toBe(addColour.version);
    expect(db.prepare('SELECT id FROM notes ORDER BY time_sec').pluck().all()).toEqual(noteIds);
    expect(db.prepare('SELECT colour FROM fragments WHERE id = ?').pluck().get(fragmentId)).toBe('yellow');
  });

  it('does nothing to a database that is already up to date', () => {
    seedLatest();
    const db = rawDb();
    expect(applyMigrations(db, MIGRATIONS)).toEqual([]);
    expect(readSchemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
  });

  it('rolls a failing migration back completely: data and version stay as they were', () => {
    const { noteIds } = seedLatest();
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      description: 'test: fails halfway',
      up(db) {
        db.exec(`DELETE FROM notes`);
        db.exec(`ALTER TABLE notes ADD COLUMN nope TEXT`);
        throw new Error('disk on fire');
      },
    };
    const db = rawDb();
    expect(() => applyMigrations(db, [...MIGRATIONS, broken])).toThrow('disk on fire');
    expect(readSchemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT id FROM notes ORDER BY time_sec').pluck().all()).toEqual(noteIds);
    const columns = db.prepare(`SELECT name FROM pragma_table_info('notes')`).pluck().all();
    expect(columns).not.toContain('nope');
  });

  it('lets a table-rebuilding migration run with foreign keys off, and refuses one that breaks references', () => {
    const { noteIds } = seedLatest();
    const rebuildNotes: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      description: 'test: rebuild the recordings table (as a CHECK change would)',
      foreignKeys: 'off',
      up(db) {
        const sql = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'recordings'`).pluck().get() as string;
        db.exec(sql.replace('CREATE TABLE recordings', 'CREATE TABLE recordings_new'));
        db.exec(`INSERT INTO recordings_new SELECT * FROM recordings; DROP TABLE recordings;
                 ALTER TABLE recordings_new RENAME TO recordings;
                 CREATE INDEX recordings_by_cycle ON recordings (cycle_id, position);`);
      },
    };
    const db = rawDb();
    applyMigrations(db, [...MIGRATIONS, rebuildNotes]);
    expect(db.prepare('SELECT id FROM notes ORDER BY time_sec').pluck().all()).toEqual(noteIds);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);

    const orphaning: Migration = {
      version: LATEST_SCHEMA_VERSION + 2,
      description: 'test: drops rows others point at',
      foreignKeys: 'off',
      up(inner) {
        inner.exec('DELETE FROM recordings');
      },
    };
    expect(() => applyMigrations(db, [...MIGRATIONS, rebuildNotes, orphaning])).toThrow(/broken reference/);
    expect(readSchemaVersion(db)).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(db.prepare('SELECT count(*) FROM recordings').pluck().get()).toBe(1);
  });
});
