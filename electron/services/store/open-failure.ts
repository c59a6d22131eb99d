// Why opening the data folder failed, as one of the store's error codes. The same rule for every
// step (creating the folder, taking its lock, opening the file, migrating): a full disk and a
// folder we may not write are told apart from other failures because the user can act on them.
import type { StoreErrorCode } from './store-error';

const NO_ACCESS = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOTDIR',
  'EISDIR',
  'SQLITE_CANTOPEN',
  'SQLITE_READONLY',
  'SQLITE_READONLY_DIRECTORY',
  'SQLITE_READONLY_CANTINIT',
  'SQLITE_READONLY_CANTLOCK',
  'SQLITE_AUTH',
  'SQLITE_PERM',
]);
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

export function openFailureCode(error: unknown): Extract<StoreErrorCode, 'no-access' | 'disk-full' | 'open-failed'> {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return 'open-failed';
  if (DISK_FULL.has(code)) return 'disk-full';
  if (NO_ACCESS.has(code)) return 'no-access';
  return 'open-failed';
}
