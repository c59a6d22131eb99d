// The input rules: one definition of what a stored value may be, used by the IPC contract
// (what the page may send), the store (checked again, because the test host, importers and
// merges call it too) and the archive importer (records from someone else's file).
import { z } from 'zod';
import { Id } from './domain';
import { MAX_SECONDS } from './timecode';

export { Id };
/**
 * The id the page gives a record it makes (it shows it before the store answers): a random
 * (version 4) UUID in lower case, as crypto.randomUUID() makes; not the nil UUID, nor an
 * upper-case spelling of an id that exists (SQLite compares ids byte by byte).
 */
export const NewId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'Not a random lower-case UUID');
/** Who makes the change: the author name from settings; may be empty until one is set. */
export const Author = z.string().max(200);
/** Pseudonymous labels such as "KM-3" or "Cliënt A". Stored trimmed. */
export const Label = z.string().trim().min(1).max(200);
/**
 * A time in a recording. Finite, and no longer than any recording can be: 1e308 is not a time
 * a person types, and must not reach a message as "Infinity:0NaN".
 */
export const Seconds = z
  .number({ error: 'Not a number of seconds' })
  .refine((n) => Number.isFinite(n), 'Not a finite number of seconds')
  .refine((n) => n >= 0, 'A time cannot be negative')
  .refine((n) => n <= MAX_SECONDS, `A time can be at most ${MAX_SECONDS} seconds (100 hours)`);
export const NoteText = z.string().max(20_000);
export const Speaker = z.string().max(100);
/** The most transcript lines (and ELAN fragments) one transcript import stores; a longer file is refused in its preview. */
export const MAX_TRANSCRIPT_LINES = 50_000;
export const MAX_TRANSCRIPT_FRAGMENTS = 10_000;
export const FragmentTitle = z.string().max(500);
export const ThemeId = z.string().max(100);
export const Themes = z.array(ThemeId).max(50);
/** The trajectory's background text with which the report opens. */
export const ReportBackground = z.string().max(50_000);
export const CycleTitle = z.string().max(200);
/** YYYY-MM-DD, a real calendar date. */
export const CalendarDate = z.iso.date();
/** When a record was made or changed: an ISO 8601 time as the app writes it (never a formula). */
export const Timestamp = z.iso.datetime({ offset: true });
/** A file's name as shown (not a path). */
export const FileName = z.string().min(1).max(1024);

/**
 * How far past the probed duration a time may lie. The player's notion of the end can be a
 * frame or two beyond ffprobe's container duration, and a note typed at the very end must
 * not be refused for that.
 */
export const DURATION_TOLERANCE_SEC = 0.5;

/** True when `seconds` lies past the end of a recording of `durationSec` (0: unknown length). */
export function pastRecordingEnd(seconds: number, durationSec: number): boolean {
  return durationSec > 0 && seconds > durationSec + DURATION_TOLERANCE_SEC;
}
