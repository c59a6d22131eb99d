// Notes: timestamped lines in a recording (transcript, event, observation, question).
// Soft-deleted (soft-deleted-records.ts): delete() sets deleted_at, restore() clears it, so a
// delete can be undone and later merged with another researcher's copy. Lists and get() leave
// deleted notes out.
import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { NoteKind, type Note } from '../../../shared/domain';
import type { Clock } from './clock';
import { Author, Id, NewId, NoteText, Seconds, Speaker } from '../../../shared/input-rules';
import { createIdOwners } from './id-owners';
import { assertWithinRecording, createRecordingBoundsReader, type RecordingBounds } from './recording-bounds';
import { parseInput, StoreError } from './store-error';
import { softDeletedRecords } from './soft-deleted-records';
import { writeTransaction } from './write-transaction';

export interface NoteCreate {
  /** The id the app named the note with (it shows the note before the store answers); new when absent. */
  id?: string;
  cycleId: string;
  recordingId: string;
  timeSec: number;
  kind: NoteKind;
  text: string;
  speaker?: string;
}
export interface NotePatch {
  timeSec?: number;
  kind?: NoteKind;
  text?: string;
  speaker?: string;
}

export interface NotesRepo {
  /** Live notes of the cycle, ordered by recording position, then time (then creation). */
  listByCycle(cycleId: string): Note[];
  /** A live note, or null when unknown (a malformed id included) or deleted. */
  get(id: string): Note | null;
  create(input: NoteCreate, author: string): Note;
  /** Creates all notes in one transaction (an import, a paste): all or nothing. */
  createMany(inputs: NoteCreate[], author: string): Note[];
  update(id: string, patch: NotePatch, author: string): Note;
  /** Soft delete; `author`, when given, is recorded as who made the change. */
  delete(id: string, author?: string): void;
  /** Undoes delete(); a live note is returned as is. */
  restore(id: string, author?: string): Note;
}

const CreateInput = z
  .object({
    id: NewId.optional(),
    cycleId: Id,
    recordingId: Id,
    timeSec: Seconds,
    kind: NoteKind,
    text: NoteText,
    speaker: Speaker.optional(),
  })
  .strict();
const PatchInput = z
  .object({
    timeSec: Seconds.optional(),
    kind: NoteKind.optional(),
    text: NoteText.optional(),
    speaker: Speaker.optional(),
  })
  .strict();

/** A notes row as SQLite returns it (the exchange reads the same rows). */
export interface NoteRow {
  id: string;
  created_at: string;
  updated_at: string;
  author: string;
  cycle_id: string;
  recording_id: string;
  time_sec: number;
  kind: NoteKind;
  text: string;
  speaker: string;
  deleted_at: string | null;
}

export function noteFromRow(row: NoteRow): Note {
  return {
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    author: row.author,
    cycleId: row.cycle_id,
    recordingId: row.recording_id,
    timeSec: row.time_sec,
    kind: row.kind,
    text: row.text,
    speaker: row.speaker,
  };
}

const COLUMNS = 'n.id, n.created_at, n.updated_at, n.author, n.cycle_id, n.recording_id, n.time_sec, n.kind, n.text, n.speaker, n.deleted_at';

export function createNotesRepo(db: BetterSqlite3.Database, now: Clock): NotesRepo {
  const bounds = createRecordingBoundsReader(db);
  const owners = createIdOwners(db);
  const selectByCycle = db.prepare<[string], NoteRow>(
    `SELECT ${COLUMNS} FROM notes n JOIN recordings r ON r.id = n.recording_id
     WHERE n.cycle_id = ? AND n.deleted_at IS NULL
     ORDER BY r.position, n.time_sec, n.created_at, n.id`,
  );
  const selectAny = db.prepare<[string], NoteRow>(`SELECT ${COLUMNS} FROM notes n WHERE n.id = ?`);
  const insert = db.prepare<{
    id: string;
    now: string;
    author: string;
    cycleId: string;
    recordingId: string;
    timeSec: number;
    kind: NoteKind;
    text: string;
    speaker: string;
  }>(
    `INSERT INTO notes (id, created_at, updated_at, author, cycle_id, recording_id, time_sec, kind, text, speaker)
     VALUES (@id, @now, @now, @author, @cycleId, @recordingId, @timeSec, @kind, @text, @speaker)`,
  );
  const updateRow = db.prepare<{
    id: string;
    now: string;
    author: string;
    timeSec: number;
    kind: NoteKind;
    text: string;
    speaker: string;
  }>(
    `UPDATE notes SET time_sec = @timeSec, kind = @kind, text = @text, speaker = @speaker,
            updated_at = @now, author = @author
     WHERE id = @id`,
  );

  const records = softDeletedRecords(db, now, 'notes', 'Note', selectAny, noteFromRow);
  const { findAny, findLive } = records;


  /** Validates and writes one note; `cache` spares repeated recording look-ups in createMany. */
  const insertOne = writeTransaction(db, (input: NoteCreate, author: string, cache: Map<string, RecordingBounds>): Note => {
    const valid = parseInput(CreateInput, input, 'note');
    const key = `${valid.cycleId}/${valid.recordingId}`;
    let recording = cache.get(key);
    if (!recording) {
      recording = bounds.forAnnotation(valid.cycleId, valid.recordingId);
      cache.set(key, recording);
    }
    assertWithinRecording(recording, 'timeSec', valid.timeSec);
    if (valid.id !== undefined && owners.taken(valid.id, 'note')) throw new StoreError('invalid', `Invalid note: id ${valid.id} is taken.`);
    const stamp = now();
    const note: Note = {
      id: valid.id ?? randomUUID(),
      createdAt: stamp,
      updatedAt: stamp,
      author,
      cycleId: valid.cycleId,
      recordingId: valid.recordingId,
      timeSec: valid.timeSec,
      kind: valid.kind,
      text: valid.text,
      speaker: valid.speaker ?? '',
    };
    insert.run({
      id: note.id,
      now: stamp,
      author,
      cycleId: note.cycleId,
      recordingId: note.recordingId,
      timeSec: note.timeSec,
      kind: note.kind,
      text: note.text,
      speaker: note.speaker,
    });
    return note;
  });

  const create = writeTransaction(db, (input: NoteCreate, author: string): Note => {
    return insertOne(input, parseInput(Author, author, 'author'), new Map());
  });

  const createMany = writeTransaction(db, (inputs: NoteCreate[], author: string): Note[] => {
    const validAuthor = parseInput(Author, author, 'author');
    parseInput(z.array(z.unknown()), inputs, 'notes');
    const cache = new Map<string, RecordingBounds>();
    return inputs.map((input, index) => {
      try {
        return insertOne(input, validAuthor, cache);
      } catch (error) {
        if (!(error instanceof StoreError)) throw error;
        throw new StoreError(error.code, `Note ${index + 1} of ${inputs.length}: ${error.message} Nothing was saved.`, {
          params: { ...error.params, index },
          cause: error,
        });
      }
    });
  });

  const update = writeTransaction(db, (id: string, patch: NotePatch, author: string): Note => {
    const valid = parseInput(PatchInput, patch, 'note');
    const validAuthor = parseInput(Author, author, 'author');
    const current = findLive(id);
    const timeSec = valid.timeSec ?? current.time_sec;
    if (valid.timeSec !== undefined) {
      assertWithinRecording(bounds.forAnnotation(current.cycle_id, current.recording_id), 'timeSec', timeSec);
    }
    updateRow.run({
      id: current.id,
      now: now(),
      author: validAuthor,
      timeSec,
      kind: valid.kind ?? current.kind,
      text: valid.text ?? current.text,
      speaker: valid.speaker ?? current.speaker,
    });
    return noteFromRow(findAny(current.id));
  });

  return {
    listByCycle(cycleId) {
      return selectByCycle.all(parseInput(Id, cycleId, 'cycle id')).map(noteFromRow);
    },
    get: records.get,
    create,
    createMany,
    update,
    delete: records.remove,
    restore: records.restore,
  };
}
