// Alignment decisions (migration 6): how two researchers aligned a pair of fragments, a single
// fragment or a group of notes. Soft-deleted on undo, like notes and fragments, so an undo
// travels through archives. Listing returns the live ones in the order they were made.
import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { AlignmentDecision } from '../../../shared/alignment/model';
import type { Clock } from './clock';
import { writeTransaction } from './write-transaction';
import { Author, Id } from '../../../shared/input-rules';
import { notFound, parseInput } from './store-error';

export type AlignmentDecisionCreate = Pick<
  AlignmentDecision,
  'cycleId' | 'recordingId' | 'subject' | 'sourceIds' | 'action' | 'resultId' | 'comment' | 'authors'
>;
/** A decision as archives carry it: with its stamps and deletion. */
export type SharedAlignmentDecision = AlignmentDecision & { deletedAt: string | null };

export interface AlignmentsRepo {
  listByCycle(cycleId: string): AlignmentDecision[];
  get(id: string): AlignmentDecision | null;
  create(input: AlignmentDecisionCreate, author: string): AlignmentDecision;
  /** A new comment (e.g. the note of "besproken"), or the decision touched after its result was edited. */
  touch(id: string, comment: string | undefined, author: string): AlignmentDecision;
  /** Soft delete (undo). */
  delete(id: string, author: string): void;
  /** Every decision of the cycle, deleted ones included (archives). */
  allOfCycle(cycleId: string): SharedAlignmentDecision[];
  /** Writes a decision as it comes from an archive (insert or replace, stamps kept). */
  put(decision: SharedAlignmentDecision): void;
}

const CreateInput = AlignmentDecision.pick({
  cycleId: true,
  recordingId: true,
  subject: true,
  sourceIds: true,
  action: true,
  resultId: true,
  comment: true,
  authors: true,
}).strict();

interface Row {
  id: string;
  created_at: string;
  updated_at: string;
  author: string;
  cycle_id: string;
  recording_id: string;
  subject: AlignmentDecision['subject'];
  source_ids_json: string;
  action: AlignmentDecision['action'];
  result_id: string | null;
  comment: string;
  authors_json: string;
  deleted_at: string | null;
}

function toShared(row: Row): SharedAlignmentDecision {
  return {
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    author: row.author,
    cycleId: row.cycle_id,
    recordingId: row.recording_id,
    subject: row.subject,
    sourceIds: JSON.parse(row.source_ids_json) as string[],
    action: row.action,
    resultId: row.result_id,
    comment: row.comment,
    authors: JSON.parse(row.authors_json) as string[],
    deletedAt: row.deleted_at,
  };
}

function toDecision(row: Row): AlignmentDecision {
  const { deletedAt: _deleted, ...decision } = toShared(row);
  return decision;
}

export function createAlignmentsRepo(db: BetterSqlite3.Database, now: Clock): AlignmentsRepo {
  const selectLive = db.prepare<[string], Row>(
    'SELECT * FROM alignment_decisions WHERE cycle_id = ? AND deleted_at IS NULL ORDER BY created_at, id',
  );
  const selectAll = db.prepare<[string], Row>('SELECT * FROM alignment_decisions WHERE cycle_id = ? ORDER BY created_at, id');
  const selectOne = db.prepare<[string], Row>('SELECT * FROM alignment_decisions WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO alignment_decisions (id, created_at, updated_at, author, cycle_id, recording_id, subject, source_ids_json,
                                      action, result_id, comment, authors_json, deleted_at)
     VALUES (@id, @created_at, @updated_at, @author, @cycle_id, @recording_id, @subject, @source_ids_json,
             @action, @result_id, @comment, @authors_json, @deleted_at)
     ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, author = excluded.author, subject = excluded.subject,
       source_ids_json = excluded.source_ids_json, action = excluded.action, result_id = excluded.result_id,
       comment = excluded.comment, authors_json = excluded.authors_json, deleted_at = excluded.deleted_at`,
  );
  const setComment = db.prepare('UPDATE alignment_decisions SET comment = @comment, updated_at = @now, author = @author WHERE id = @id');
  const setDeleted = db.prepare('UPDATE alignment_decisions SET deleted_at = @now, updated_at = @now, author = @author WHERE id = @id');

  const live = (id: string): Row => {
    const row = selectOne.get(parseInput(Id, id, 'alignment decision id'));
    if (!row || row.deleted_at !== null) throw notFound('Alignment decision', id);
    return row;
  };
  const rowOf = (d: SharedAlignmentDecision): Row => ({
    id: d.id,
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    author: d.author,
    cycle_id: d.cycleId,
    recording_id: d.recordingId,
    subject: d.subject,
    source_ids_json: JSON.stringify(d.sourceIds),
    action: d.action,
    result_id: d.resultId,
    comment: d.comment,
    authors_json: JSON.stringify(d.authors),
    deleted_at: d.deletedAt,
  });

  return {
    listByCycle: (cycleId) => selectLive.all(parseInput(Id, cycleId, 'cycle id')).map(toDecision),
    get(id) {
      const row = typeof id === 'string' ? selectOne.get(id) : undefined;
      return row && row.deleted_at === null ? toDecision(row) : null;
    },
    create: writeTransaction(db, (input: AlignmentDecisionCreate, author: string): AlignmentDecision => {
      const valid = parseInput(CreateInput, input, 'alignment decision');
      const stamp = now();
      const id = randomUUID();
      insert.run(rowOf({ ...valid, id, createdAt: stamp, updatedAt: stamp, author: parseInput(Author, author, 'author'), deletedAt: null }));
      return toDecision(live(id));
    }),
    touch: writeTransaction(db, (id: string, comment: string | undefined, author: string): AlignmentDecision => {
      const row = live(id);
      setComment.run({ id: row.id, comment: comment === undefined ? row.comment : parseInput(z.string().max(2000), comment, 'comment'), now: now(), author: parseInput(Author, author, 'author') });
      return toDecision(live(id));
    }),
    delete: writeTransaction(db, (id: string, author: string): void => {
      const row = live(id);
      setDeleted.run({ id: row.id, now: now(), author: parseInput(Author, author, 'author') });
    }),
    allOfCycle: (cycleId) => selectAll.all(cycleId).map(toShared),
    put: writeTransaction(db, (decision: SharedAlignmentDecision) => void insert.run(rowOf(decision))),
  };
}
