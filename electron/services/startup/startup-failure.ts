// A failure to open the data folder, as the recovery page needs it: one of the codes it has a
// text and choices for, and the English message for the log.
import type { StartupFailureCode } from '../../../shared/startup-contract';
import { isStoreError } from '../store';
import { openFailureCode } from '../store/open-failure';

export interface StartupFailure {
  code: StartupFailureCode;
  message: string;
}

const KNOWN: readonly string[] = ['corrupt', 'newer-version', 'no-access', 'disk-full', 'locked', 'open-failed'];

export function startupFailureOf(error: unknown): StartupFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (isStoreError(error) && KNOWN.includes(error.code)) return { code: error.code as StartupFailureCode, message };
  return { code: openFailureCode(error), message };
}
