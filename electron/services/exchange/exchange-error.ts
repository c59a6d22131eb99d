// Errors of the exchange services. `code` picks the translated text in the UI
// (error.exchange.<code>), `message` is English for the log, `params` fill the text.
export type ExchangeErrorCode =
  /** Not a ZIP file at all, or a ZIP without a VKZ manifest (someone else's archive). */
  | 'not-archive'
  /** The file ends too early: a copy or download was interrupted. */
  | 'truncated'
  /** An entry's checksum or size doesn't match the manifest, or the ZIP is damaged. */
  | 'damaged'
  /** Written by a newer VKZ (archive format or database schema). */
  | 'newer-version'
  /** The manifest or data.json doesn't have the expected shape. */
  | 'invalid-data'
  /** A record's text is longer than the app's input rules allow. */
  | 'record-too-long'
  /** A note or fragment lies past the end of its recording. */
  | 'record-past-end'
  /** An id in the archive belongs here to another trajectory or another kind of record. */
  | 'id-clash'
  /** Overlapping entries, an inflation bomb, too many entries: an archive VKZ never makes. */
  | 'unsafe-archive'
  /** A media entry that is not a media file VKZ accepts (e.g. a web page). */
  | 'not-media'
  /** Another archive export or import is running. */
  | 'busy'
  | 'cancelled'
  /** A transcript/subtitle/EAF file that cannot be read. */
  | 'unreadable-file'
  /** Something to export that isn't there (no notes, unknown recording). */
  | 'nothing-to-export'
  /** A listed name would still be in an export. */
  | 'pseudonyms-incomplete'
  | 'conflict-not-found'
  | 'write-failed';

export class ExchangeError extends Error {
  override readonly name = 'ExchangeError';
  constructor(
    readonly code: ExchangeErrorCode,
    message: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
  }
}
