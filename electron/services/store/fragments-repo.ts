// Fragments: a time range in one recording, picked to replay in the client interview or the
// reflection meeting. Soft-deleted like notes. A new fragment is 'positive' unless said
// otherwise: the reflection meeting starts from what went well (appreciative inquiry).
import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { Valence, type Fragment } from '../../../shared/domain';
import type { Clock } from './clock';
import { Author, FragmentTitle, Id, NoteText, Seconds, Themes } from '../../../shared/input-rules';
import { assertWithinRecording, createRecordingBoundsReader } from './recording-bounds';
import { parseInput, StoreError } from './store-error';
import { softDeletedRecords } from './soft-deleted-records';
import { writeTransaction } from './write-transaction';

export interface FragmentCreate {
  cycleId: string;
  recordingId: string;
  inSec: number;
  outSec: number;
  title?: string;
  note?: string;
  valence?: Valence;
  themes?: string[];
  forClient?: boolean;
  forCaseManager?: boolean;
  /** The moment of the report's still, inside [inSec, outSec]; null: the middle. */
  stillSec?: number | null;
}
export type FragmentPatch = Partial<Omit<FragmentCreate, 'cycleId' | 'recordingId'>>;

export interface FragmentsRepo {
  /** Live fragments of the cycle, ordered by recording position, then in-point (then creation). */
  listByCycle(cycleId: string): Fragment[];
  /** A live fragment, or null when unknown (a malformed id included) or deleted. */
  get(id: string): Fragment | null;
  create(input: FragmentCreate, author: string): Fragment;
  update(id: string, patch: FragmentPatch, author: string): Fragment;
  /** Soft delete; `author`, when given, is recorded as who made the change. */
  delete(id: string, author?: string): void;
  /** Undoes delete(); a live fragment is returned as is. */
  restore(id: string, author?: string): Fragment;
}

export const DEFAULT_VALENCE: Valence = 'positive';

const Fields = {
  inSec: Seconds,
  outSec: Seconds,
  title: FragmentTitle.optional(),
  note: NoteText.optional(),
  valence: Valence.optional(),
  themes: Themes.optional(),
  forClient: z.boolean().optional(),
  forCaseManager: z.boolean().optional(),
  stillSec: Seconds.nullable().optional(),
};
const CreateInput = z.object({ cycleId: Id, recordingId: Id, ...Fields }).strict();
const PatchInput = z
  .object({ ...Fields, inSec: Seconds.optional(), outSec: Seconds.optional() })
  .strict();

/** A fragments row as SQLite returns it (the exchange reads the same rows). */
export interface FragmentRow {
  id: string;
  created_at: string;
  updated_at: string;
  author: string;
  cycle_id: string;
  recording_id: string;
  in_sec: number;
  out_sec: number;
  title: string;
  note: string;
  valence: Valence;
  themes_json: string;
  for_client: number;
  for_case_manager: number;
  still_sec: number | null;
  deleted_at: string | null;
}

type FragmentValues = Omit<Fragment, 'id' | 'createdAt' | 'updatedAt' | 'author'>;

export function fragmentFromRow(row: FragmentRow): Fragment {
  return {
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    author: row.author,
    cycleId: row.cycle_id,
    recordingId: row.recording_id,
    inSec: row.in_sec,
    outSec: row.out_sec,
    title: row.title,
    note: row.note,
    valence: row.valence,
    themes: JSON.parse(row.themes_json) as string[],
    forClient: row.for_client === 1,
    forCaseManager: row.for_case_manager === 1,
    stillSec: row.still_sec,
  };
}

function toParams(id: string, now: string, author: string, values: FragmentValues) {
  return {
    id,
    now,
    author,
    cycleId: values.cycleId,
    recordingId: values.recordingId,
    inSec: values.inSec,
    outSec: values.outSec,
    title: values.title,
    note: values.note,
    valence: values.valence,
    themesJson: JSON.stringify(values.themes),
    forClient: values.forClient ? 1 : 0,
    forCaseManager: values.forCaseManager ? 1 : 0,
    stillSec: values.stillSec,
  };
}
type FragmentParams = ReturnType<typeof toParams>;

const COLUMNS = `f.id, f.created_at, f.updated_at, f.author, f.cycle_id, f.recording_id, f.in_sec, f.out_sec,
  f.title, f.note, f.valence, f.themes_json, f.for_client, f.for_case_manager, f.still_sec, f.deleted_at`;

export function createFragmentsRepo(db: BetterSqlite3.Database, now: Clock): FragmentsRepo {
  const bounds = createRecordingBoundsReader(db);
  const selectByCycle = db.prepare<[string], FragmentRow>(
    `SELECT ${COLUMNS} FROM fragments f JOIN recordings r ON r.id = f.recording_id
     WHERE f.cycle_id = ? AND f.deleted_at IS NULL
     ORDER BY r.position, f.in_sec, f.created_at, f.id`,
  );
  const selectAny = db.prepare<[string], FragmentRow>(`SELECT ${COLUMNS} FROM fragments f WHERE f.id = ?`);
  const insert = db.prepare<FragmentParams>(
    `INSERT INTO fragments (id, created_at, updated_at, author, cycle_id, recording_id, in_sec, out_sec,
                            title, note, valence, themes_json, for_client, for_case_manager, still_sec)
     VALUES (@id, @now, @now, @author, @cycleId, @recordingId, @inSec, @outSec,
             @title, @note, @valence, @themesJson, @forClient, @forCaseManager, @stillSec)`,
  );
  const updateRow = db.prepare<FragmentParams>(
    `UPDATE fragments SET in_sec = @inSec, out_sec = @outSec, title = @title, note = @note,
            valence = @valence, themes_json = @themesJson, for_client = @forClient,
            for_case_manager = @forCaseManager, still_sec = @stillSec, updated_at = @now, author = @author
     WHERE id = @id AND cycle_id = @cycleId AND recording_id = @recordingId`,
  );

  const records = softDeletedRecords(db, now, 'fragments', 'Fragment', selectAny, fragmentFromRow);
  const { findAny, findLive } = records;


  /** The checks that need the recording: it belongs to the cycle; in < out <= its end. */
  function assertRange(values: FragmentValues): void {
    const recording = bounds.forAnnotation(values.cycleId, values.recordingId);
    if (!(values.outSec > values.inSec)) {
      throw new StoreError(
        'invalid',
        `A fragment must end after it starts (in ${values.inSec} s, out ${values.outSec} s).`,
        { params: { inSec: values.inSec, outSec: values.outSec } },
      );
    }
    assertWithinRecording(recording, 'outSec', values.outSec);
  }

  /** A chosen still moment lies inside the fragment (the report shows a frame OF the fragment). */
  function assertStill(values: FragmentValues): void {
    const { stillSec, inSec, outSec } = values;
    if (stillSec === null || (stillSec >= inSec && stillSec <= outSec)) return;
    throw new StoreError(
      'invalid',
      `The still moment ${stillSec} s lies outside the fragment (${inSec} - ${outSec} s); choose a moment inside it, or none for the middle.`,
      { params: { stillSec, inSec, outSec } },
    );
  }

  const create = writeTransaction(db, (input: FragmentCreate, author: string): Fragment => {
    const valid = parseInput(CreateInput, input, 'fragment');
    const validAuthor = parseInput(Author, author, 'author');
    const values: FragmentValues = {
      cycleId: valid.cycleId,
      recordingId: valid.recordingId,
      inSec: valid.inSec,
      outSec: valid.outSec,
      title: valid.title ?? '',
      note: valid.note ?? '',
      valence: valid.valence ?? DEFAULT_VALENCE,
      themes: valid.themes ?? [],
      forClient: valid.forClient ?? false,
      forCaseManager: valid.forCaseManager ?? false,
      stillSec: valid.stillSec ?? null,
    };
    assertRange(values);
    assertStill(values);
    const id = randomUUID();
    insert.run(toParams(id, now(), validAuthor, values));
    return fragmentFromRow(findAny(id));
  });

  const update = writeTransaction(db, (id: string, patch: FragmentPatch, author: string): Fragment => {
    const valid = parseInput(PatchInput, patch, 'fragment');
    const validAuthor = parseInput(Author, author, 'author');
    const current = fragmentFromRow(findLive(id));
    const values: FragmentValues = {
      cycleId: current.cycleId,
      recordingId: current.recordingId,
      inSec: valid.inSec ?? current.inSec,
      outSec: valid.outSec ?? current.outSec,
      title: valid.title ?? current.title,
      note: valid.note ?? current.note,
      valence: valid.valence ?? current.valence,
      themes: valid.themes ?? current.themes,
      forClient: valid.forClient ?? current.forClient,
      forCaseManager: valid.forCaseManager ?? current.forCaseManager,
      stillSec: valid.stillSec !== undefined ? valid.stillSec : current.stillSec,
    };
    if (valid.inSec !== undefined || valid.outSec !== undefined) {
      assertRange(values);
      // A range moved away from the chosen still (and not given a new one): back to the middle.
      if (valid.stillSec === undefined && values.stillSec !== null && (values.stillSec < values.inSec || values.stillSec > values.outSec)) {
        values.stillSec = null;
      }
    }
    assertStill(values);
    updateRow.run(toParams(current.id, now(), validAuthor, values));
    return fragmentFromRow(findAny(current.id));
  });

  return {
    listByCycle(cycleId) {
      return selectByCycle.all(parseInput(Id, cycleId, 'cycle id')).map(fragmentFromRow);
    },
    get: records.get,
    create,
    update,
    delete: records.remove,
    restore: records.restore,
  };
}
