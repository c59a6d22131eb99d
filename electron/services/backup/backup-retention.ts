// Which backups to keep: the newest `snapshots` of them, and for each of the last `days` days
// the newest of that day. Pure, so the rule is tested alone.
export interface RetentionRule {
  snapshots: number;
  days: number;
}

export const DEFAULT_RETENTION: RetentionRule = { snapshots: 10, days: 7 };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The ids to keep among `backups` (any order), judged at `now`. */
export function backupsToKeep(
  backups: readonly { id: string; createdAt: Date }[],
  now: Date,
  rule: RetentionRule = DEFAULT_RETENTION,
): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const keep = new Set(newestFirst.slice(0, rule.snapshots).map((b) => b.id));
  const seenDays = new Set<string>();
  for (const backup of newestFirst) {
    if (now.getTime() - backup.createdAt.getTime() >= rule.days * DAY_MS) break;
    const day = localDay(backup.createdAt);
    if (seenDays.has(day)) continue;
    seenDays.add(day);
    keep.add(backup.id);
  }
  return keep;
}

function localDay(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}
