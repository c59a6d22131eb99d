// The one error type the store throws on purpose. `code` lets the UI pick a translated text;
// `message` is plain English for logs and developers; `params` carries the numbers a
// translated text may need.
import type { z } from 'zod';

export type StoreErrorCode =
  /** The database was written by a newer VKZ (its schema version is unknown to this build). */
  | 'newer-version'
  /** The file is not a SQLite database, or SQLite reports it damaged. Never touched by us. */
  | 'corrupt'
  /** The data folder or database file could not be created or opened, for another reason. */
  | 'open-failed'
  /** The data folder or database file may not be read or written (permissions, read-only disk). */
  | 'no-access'
  /** The disk is full: the database could not be written. */
  | 'disk-full'
  /** Another VKZ (or another user's) has this data folder open. */
  | 'locked'
  /** The database was opened read-only (a newer VKZ's data) and a change was asked for. */
  | 'read-only'
  /** The input breaks a rule (shape, range, a recording from another cycle ...). */
  | 'invalid'
  /** The record asked for does not exist (or was deleted). */
  | 'not-found';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;
  readonly params: Record<string, string | number> | undefined;

  constructor(
    code: StoreErrorCode,
    message: string,
    options: { params?: Record<string, string | number>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.params = options.params;
  }
}

export function isStoreError(value: unknown, code?: StoreErrorCode): value is StoreError {
  return value instanceof StoreError && (code === undefined || value.code === code);
}

/** Parses `input` with `schema`, turning a zod failure into StoreError 'invalid'. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path === '' ? issue.message : `${path}: ${issue.message}`;
    })
    .join('; ');
  throw new StoreError('invalid', `Invalid ${what}: ${details}`, { cause: result.error });
}

export function notFound(what: string, id: string): StoreError {
  return new StoreError('not-found', `${what} ${id} does not exist (it may have been deleted).`, {
    params: { id },
  });
}
