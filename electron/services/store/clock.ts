// Timestamps for created_at / updated_at / deleted_at: ISO 8601 in UTC with milliseconds.
// Strictly increasing within one open store, so "most recent change" is never a tie, even
// when two writes land in the same millisecond (or the system clock steps back).
export type Clock = () => string;

export function createMonotonicClock(now: () => number = Date.now): Clock {
  let last = 0;
  return () => {
    const ms = Math.max(now(), last + 1);
    last = ms;
    return new Date(ms).toISOString();
  };
}
