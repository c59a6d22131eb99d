// The rules every time-stamped annotation obeys: its recording exists, belongs to the cycle
// the annotation is filed under, and the time lies within the recording.
import type BetterSqlite3 from 'better-sqlite3';
import { pastRecordingEnd } from '../../../shared/input-rules';
import { notFound, StoreError } from './store-error';

export interface RecordingBounds {
  fileName: string;
  /** 0 when ffprobe could not tell (e.g. some browser-made WebM files): then any time goes. */
  durationSec: number;
}

interface BoundsRow {
  cycle_id: string;
  file_name: string;
  duration_sec: number | null;
}

export interface RecordingBoundsReader {
  /** Throws 'not-found' for an unknown recording, 'invalid' for one of another cycle. */
  forAnnotation(cycleId: string, recordingId: string): RecordingBounds;
}

export function createRecordingBoundsReader(db: BetterSqlite3.Database): RecordingBoundsReader {
  const select = db.prepare<[string], BoundsRow>(
    `SELECT cycle_id, file_name, json_extract(media_json, '$.durationSec') AS duration_sec
     FROM recordings WHERE id = ?`,
  );
  return {
    forAnnotation(cycleId, recordingId) {
      const row = select.get(recordingId);
      if (!row) throw notFound('Recording', recordingId);
      if (row.cycle_id !== cycleId) {
        throw new StoreError(
          'invalid',
          `Recording "${row.file_name}" (${recordingId}) belongs to another cycle than ${cycleId}.`,
          { params: { recordingId, cycleId } },
        );
      }
      return { fileName: row.file_name, durationSec: row.duration_sec ?? 0 };
    },
  };
}

/** Rejects a time past the end of the recording (beyond a small tolerance). */
export function assertWithinRecording(bounds: RecordingBounds, field: string, seconds: number): void {
  if (pastRecordingEnd(seconds, bounds.durationSec)) {
    throw new StoreError(
      'invalid',
      `${field} ${formatSeconds(seconds)} lies past the end of "${bounds.fileName}" (${formatSeconds(bounds.durationSec)}).`,
      { params: { field, seconds, durationSec: bounds.durationSec, fileName: bounds.fileName } },
    );
  }
}

/** m:ss.s, e.g. 6:11.0, for messages only. */
function formatSeconds(seconds: number): string {
  const tenths = Math.round(seconds * 10);
  const minutes = Math.floor(tenths / 600);
  const rest = ((tenths - minutes * 600) / 10).toFixed(1).padStart(4, '0');
  return `${minutes}:${rest}`;
}
