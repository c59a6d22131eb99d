// What the main thread tells an archive import's merge while its write transaction runs in the
// exchange worker. The transaction is synchronous, so messages would only arrive after it: these
// are flags in shared memory that the merge reads between writes (archive-import.ts).
/** Cancel was pressed: roll back. */
export const CANCELLED = 0;
/** The backend has a save waiting for the write lock: roll back, let it go, start over. */
export const SAVES_WAITING = 1;

export function createMergeFlags(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
}

export function raise(flags: Int32Array, flag: number): void {
  Atomics.store(flags, flag, 1);
}

export function lower(flags: Int32Array, flag: number): void {
  Atomics.store(flags, flag, 0);
}

export function isRaised(flags: Int32Array, flag: number): boolean {
  return Atomics.load(flags, flag) === 1;
}
