// When backups are made: once when the data opens, then every `intervalMs` if anything changed
// since the last one. One at a time; a failure is logged and tried again at the next turn.
import type { BackupInfo } from '../../../shared/startup-contract';
import type { Store } from '../store';
import { createBackup } from './backups';

export const DEFAULT_BACKUP_INTERVAL_MS = 10 * 60 * 1000;

export class BackupSchedule {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<BackupInfo> | null = null;
  private changesAtLastBackup = -1;

  constructor(
    private readonly store: Store,
    private readonly dataDir: string,
    private readonly intervalMs = DEFAULT_BACKUP_INTERVAL_MS,
  ) {}

  start(): void {
    void this.backUpNow().catch(logFailure);
    this.timer = setInterval(() => {
      if (this.store.changeCount() !== this.changesAtLastBackup) void this.backUpNow().catch(logFailure);
    }, this.intervalMs);
    this.timer.unref(); // never keeps a quitting process alive
  }

  /** Makes a backup now (or joins the one being made). */
  backUpNow(): Promise<BackupInfo> {
    if (this.running) return this.running;
    this.changesAtLastBackup = this.store.changeCount();
    const run = createBackup(this.dataDir).finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  /** Stops the timer and waits for a backup in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }
}

function logFailure(error: unknown): void {
  console.error('[backup] failed:', error);
}
