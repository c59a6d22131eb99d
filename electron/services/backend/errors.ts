// Turns anything thrown by a service into an AppError value for the IPC boundary.
import { ZodError } from 'zod';
import type { AppError } from '../../../shared/contract';
import { MediaError } from '../media';
import { StoreError } from '../store';

/** A failure the user can act on, raised by backend code itself (not a store or media error). */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
  }
}

function withParams(code: string, message: string, params?: Record<string, string | number>): AppError {
  return params ? { code, message, params } : { code, message };
}

export function toAppError(error: unknown): AppError {
  if (error instanceof ZodError) {
    const first = error.issues[0];
    const where = first?.path.join('.') || 'request';
    return { code: 'invalid-request', message: `Invalid ${where}: ${first?.message ?? 'bad input'}` };
  }
  if (error instanceof UserFacingError) return withParams(error.code, error.message, error.params);
  // Codes are namespaced so the UI can look up `error.media.empty`, `error.store.invalid` ...
  if (error instanceof StoreError) return withParams(`store.${error.code}`, error.message, error.params);
  if (error instanceof MediaError) return { code: `media.${error.code}`, message: error.message };
  if (isReadOnlyRefusal(error)) {
    return { code: 'store.read-only', message: 'The data is open read-only (written by a newer VKZ); nothing can be changed.' };
  }
  if (error instanceof Error) return { code: 'internal', message: error.message };
  return { code: 'internal', message: String(error) };
}

/** SQLite refused a write because the database was opened read-only (see openStore's readOnly). */
function isReadOnlyRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_READONLY');
}
