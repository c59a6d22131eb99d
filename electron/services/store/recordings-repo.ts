// Recordings: the video or audio files of a cycle, in the order "video 1", "video 2" ...
//
// Proxy fields (state, progress, error, path) describe this machine's playable copy, a cache
// file, not the shared annotation work: updateProxy() therefore never touches updated_at or
// author, so a stream of progress ticks (or a proxy finishing) is not a "change" to merge.
//
// Positions stay 1..n: a new recording goes last, delete() closes the gap, reorder() sets a
// new order.
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { MediaInfo, ProxyState, type StoredRecording } from '../../../shared/domain';
import type { Clock } from './clock';
import { Author, Id } from '../../../shared/input-rules';
import { notFound, parseInput, StoreError } from './store-error';
import { writeTransaction } from './write-transaction';

export interface RecordingCreate {
  cycleId: string;
  fileName: string;
  filePath: string;
  media: MediaInfo;
  proxyReason: string | null;
  proxyState: ProxyState;
}

export interface ProxyUpdate {
  proxyState: ProxyState;
  /** 0..1. Omitted: 0 when the state becomes 'queued', 1 when 'done', otherwise unchanged. */
  proxyProgress?: number;
  /** Omitted: kept when the state is 'failed', cleared otherwise. */
  proxyError?: string | null;
  /** Omitted: unchanged. */
  proxyPath?: string | null;
}

export interface RecordingsRepo {
  /** Ordered by position. */
  listByCycle(cycleId: string): StoredRecording[];
  /** null when no record has this id (a malformed id included). */
  get(id: string): StoredRecording | null;
  /** Adds the recording after the cycle's last one. */
  create(input: RecordingCreate, author: string): StoredRecording;
  /** Records proxy progress; does not change updated_at or author (see top of file). */
  updateProxy(id: string, update: ProxyUpdate): StoredRecording;
  /** The user pointed VKZ at the file's new location: sets filePath, and fileName from it. */
  relocate(id: string, newPath: string, author: string): StoredRecording;
  /**
   * `orderedIds` must list every recording of the cycle exactly once. Returns the new order.
   * Moved rows get a new updated_at, and `author` when given.
   */
  reorder(cycleId: string, orderedIds: string[], author?: string): StoredRecording[];
  /** Deletes the recording with its notes and fragments; returns its proxy path (or null). */
  delete(id: string): string | null;
  /** Every file a recording refers to: its video and its proxy. */
  referencedFiles(): string[];
}

const PathText = z.string().min(1).max(4096);
const CreateInput = z
  .object({
    cycleId: Id,
    fileName: z.string().min(1).max(1024),
    filePath: PathText,
    media: MediaInfo,
    proxyReason: z.string().max(2000).nullable(),
    proxyState: ProxyState,
  })
  .strict();
const ProxyInput = z
  .object({
    proxyState: ProxyState,
    proxyProgress: z.number().min(0).max(1).optional(),
    proxyError: z.string().max(10_000).nullable().optional(),
    proxyPath: PathText.nullable().optional(),
  })
  .strict();
const OrderedIds = z.array(Id);

interface RecordingRow {
  id: string;
  created_at: string;
  updated_at: string;
  author: string;
  cycle_id: string;
  position: number;
  file_name: string;
  file_path: string;
  media_json: string;
  proxy_reason: string | null;
  proxy_state: ProxyState;
  proxy_progress: number;
  proxy_error: string | null;
  proxy_path: string | null;
}

function toRecording(row: RecordingRow): StoredRecording {
  return {
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    author: row.author,
    cycleId: row.cycle_id,
    position: row.position,
    fileName: row.file_name,
    filePath: row.file_path,
    media: JSON.parse(row.media_json) as MediaInfo,
    proxyReason: row.proxy_reason,
    proxyState: row.proxy_state,
    proxyProgress: row.proxy_progress,
    proxyError: row.proxy_error,
    proxyPath: row.proxy_path,
  };
}

export function createRecordingsRepo(db: BetterSqlite3.Database, now: Clock): RecordingsRepo {
  const selectByCycle = db.prepare<[string], RecordingRow>(
    'SELECT * FROM recordings WHERE cycle_id = ? ORDER BY position, created_at, id',
  );
  const selectOne = db.prepare<[string], RecordingRow>('SELECT * FROM recordings WHERE id = ?');
  const cycleExists = db.prepare<[string], number>('SELECT 1 FROM cycles WHERE id = ?').pluck();
  // One statement: position computed and row written together, nothing half-made.
  const insert = db.prepare<{
    id: string;
    now: string;
    author: string;
    cycleId: string;
    fileName: string;
    filePath: string;
    mediaJson: string;
    proxyReason: string | null;
    proxyState: ProxyState;
    proxyProgress: number;
  }>(
    `INSERT INTO recordings (id, created_at, updated_at, author, cycle_id, position, file_name, file_path,
                             media_json, proxy_reason, proxy_state, proxy_progress, proxy_error, proxy_path)
     SELECT @id, @now, @now, @author, @cycleId,
            coalesce((SELECT max(position) FROM recordings WHERE cycle_id = @cycleId), 0) + 1,
            @fileName, @filePath, @mediaJson, @proxyReason, @proxyState, @proxyProgress, NULL, NULL`,
  );
  const updateProxyRow = db.prepare<{
    id: string;
    proxyState: ProxyState;
    proxyProgress: number;
    proxyError: string | null;
    proxyPath: string | null;
  }>(
    `UPDATE recordings SET proxy_state = @proxyState, proxy_progress = @proxyProgress,
            proxy_error = @proxyError, proxy_path = @proxyPath
     WHERE id = @id`,
  );
  const relocateRow = db.prepare<{ id: string; now: string; author: string; fileName: string; filePath: string }>(
    `UPDATE recordings SET file_path = @filePath, file_name = @fileName, updated_at = @now, author = @author
     WHERE id = @id`,
  );
  const setPosition = db.prepare<{ id: string; position: number; now: string; author: string | null }>(
    `UPDATE recordings SET position = @position, updated_at = @now, author = coalesce(@author, author)
     WHERE id = @id`,
  );
  const deleteRow = db.prepare<[string]>('DELETE FROM recordings WHERE id = ?');
  const selectFiles = db.prepare<[], { file: string }>(
    'SELECT file_path AS file FROM recordings UNION SELECT proxy_path FROM recordings WHERE proxy_path IS NOT NULL',
  );

  function get(id: string): StoredRecording | null {
    const row = typeof id === 'string' ? selectOne.get(id) : undefined;
    return row ? toRecording(row) : null;
  }

  function mustGet(id: string): StoredRecording {
    const recording = get(id);
    if (!recording) throw notFound('Recording', id);
    return recording;
  }

  function listByCycle(cycleId: string): StoredRecording[] {
    return selectByCycle.all(parseInput(Id, cycleId, 'cycle id')).map(toRecording);
  }

  /** Gives `ordered` positions 1..n, stamping only the rows whose position changes. */
  const renumber = writeTransaction(db, (ordered: readonly StoredRecording[], author: string | null): void => {
    const stamp = now();
    ordered.forEach((recording, index) => {
      if (recording.position !== index + 1) {
        setPosition.run({ id: recording.id, position: index + 1, now: stamp, author });
      }
    });
  });

  const create = writeTransaction(db, (input: RecordingCreate, author: string): StoredRecording => {
    const valid = parseInput(CreateInput, input, 'recording');
    const validAuthor = parseInput(Author, author, 'author');
    if (!cycleExists.get(valid.cycleId)) throw notFound('Cycle', valid.cycleId);
    const id = randomUUID();
    insert.run({
      id,
      now: now(),
      author: validAuthor,
      cycleId: valid.cycleId,
      fileName: valid.fileName,
      filePath: valid.filePath,
      mediaJson: JSON.stringify(valid.media),
      proxyReason: valid.proxyReason,
      proxyState: valid.proxyState,
      proxyProgress: valid.proxyState === 'done' ? 1 : 0,
    });
    return mustGet(id);
  });

  const updateProxy = writeTransaction(db, (id: string, update: ProxyUpdate): StoredRecording => {
    const validId = parseInput(Id, id, 'recording id');
    const valid = parseInput(ProxyInput, update, 'proxy update');
    const current = mustGet(validId);
    const state = valid.proxyState;
    const defaultProgress = state === 'queued' ? 0 : state === 'done' ? 1 : current.proxyProgress;
    const defaultError = state === 'failed' ? current.proxyError : null;
    updateProxyRow.run({
      id: validId,
      proxyState: state,
      proxyProgress: valid.proxyProgress ?? defaultProgress,
      proxyError: valid.proxyError === undefined ? defaultError : valid.proxyError,
      proxyPath: valid.proxyPath === undefined ? current.proxyPath : valid.proxyPath,
    });
    return mustGet(validId);
  });

  const relocate = writeTransaction(db, (id: string, newPath: string, author: string): StoredRecording => {
    const validId = parseInput(Id, id, 'recording id');
    const filePath = parseInput(PathText, newPath, 'file path');
    const validAuthor = parseInput(Author, author, 'author');
    mustGet(validId);
    relocateRow.run({ id: validId, now: now(), author: validAuthor, filePath, fileName: basename(filePath) });
    return mustGet(validId);
  });

  const reorder = writeTransaction(db, (cycleId: string, orderedIds: string[], author?: string): StoredRecording[] => {
    const validCycleId = parseInput(Id, cycleId, 'cycle id');
    const ids = parseInput(OrderedIds, orderedIds, 'recording order');
    const validAuthor = author === undefined ? null : parseInput(Author, author, 'author');
    if (!cycleExists.get(validCycleId)) throw notFound('Cycle', validCycleId);
    const current = listByCycle(validCycleId);
    const byId = new Map(current.map((recording) => [recording.id, recording]));
    const sameSet = ids.length === current.length && new Set(ids).size === ids.length && ids.every((i) => byId.has(i));
    if (!sameSet) {
      throw new StoreError(
        'invalid',
        `The new order must list each of the cycle's ${current.length} recording(s) exactly once; got ${ids.length} id(s).`,
        { params: { expected: current.length, received: ids.length } },
      );
    }
    renumber(
      ids.map((i) => byId.get(i) as StoredRecording),
      validAuthor,
    );
    return listByCycle(validCycleId);
  });

  const remove = writeTransaction(db, (id: string): string | null => {
    const recording = mustGet(parseInput(Id, id, 'recording id'));
    deleteRow.run(recording.id);
    renumber(listByCycle(recording.cycleId), null);
    return recording.proxyPath;
  });

  const referencedFiles = () => selectFiles.all().map((r) => r.file);

  return { listByCycle, get, create, updateProxy, relocate, reorder, delete: remove, referencedFiles };
}
