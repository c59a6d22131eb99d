import { describe, expect, it } from 'vitest';
import { backupsToKeep } from '../../../electron/services/backup/backup-retention';

const HOUR = 3600_000;
const now = new Date('2026-11-29T12:00:00');
const at = (hoursAgo: number) => ({ id: `b${hoursAgo}`, createdAt: new Date(now.getTime() - hoursAgo * HOUR) });

describe('backup retention', () => {
  it('keeps the newest 10 and the newest of each of the last 7 days, and nothing older', () => {
    // Every 2 hours for 10 days.
    const backups = Array.from({ length: 120 }, (_, i) => at(i * 2));
    const keep = backupsToKeep(backups, now);
    const newest10 = backups.slice(0, 10).map((b) => b.id);
    for (const id of newest10) expect(keep.has(id)).toBe(true);
    const days = new Set([...keep].map((id) => backups.find((b) => b.id === id)!.createdAt.toDateString()));
    expect(days.size).toBe(7 + 1); // today's and the 7 days reaching back 168 hours
    expect([...keep].every((id) => now.getTime() - backups.find((b) => b.id === id)!.createdAt.getTime() < 7 * 24 * HOUR)).toBe(true);
    expect(keep.size).toBeLessThan(20);
  });

  it('keeps everything while there are few', () => {
    const backups = [at(1), at(30), at(200)];
    expect(backupsToKeep(backups, now)).toEqual(new Set(['b1', 'b30', 'b200']));
  });
});
