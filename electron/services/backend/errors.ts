// Turns anything thrown by a service into an AppError value for the IPC boundary.
import { ZodError } from 'zod';
import type { AppError } from '../../../shared/contract';

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

export function toAppError(error: unknown): AppError {
  if (error instanceof ZodError) {
    const first = error.issues[0];
    const where = first?.path.join('.') || 'request';
    return { code: 'invalid-request', message: `Invalid ${where}: ${first?.message ?? 'bad input'}` };
  }
  if (error instanceof UserFacingError) {
    return { code: error.code, message: error.message, ...(error.params ? { params: error.params } : {}) };
  }
  if (error instanceof Error) {
    const named = error as Error & { code?: unknown };
    // StoreError and MediaError carry a string code; media codes are namespaced for the UI.
    if (typeof named.code === 'string' && error.name === 'MediaError') {
      return { code: `media.${named.code}`, message: error.message };
    }
    if (typeof named.code === 'string' && error.name === 'StoreError') {
      return { code: `store.${named.code}`, message: error.message };
    }
    return { code: 'internal', message: error.message };
  }
  return { code: 'internal', message: String(error) };
}
