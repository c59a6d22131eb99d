// While an archive import's merge holds the database's write lock (in the exchange worker, on
// its own connection), a request that writes would wait for that lock inside SQLite
// (busy_timeout): synchronously, with the whole backend frozen. The gate makes such requests
// wait here instead, asynchronously, until the merge's write transaction is over; requests
// that only read pass at once (WAL: readers never wait for the writer), so progress, cancel and
// every screen keep answering, and they never make the merge give way. Which channels write is
// declared once, for every channel, in shared/channel-access.ts. The holder is told when a
// write waits (the merge then gives the lock up for it, archive-import.ts).
import { CHANNEL_ACCESS } from '../../../shared/channel-access';
import type { Channel } from '../../../shared/contract';

export class WriteGate {
  private held: Promise<void> | null = null;
  private holders = 0;
  private open: (() => void) | null = null;
  private readonly waiting = new Set<() => void>();

  /** Holds writing requests back until the returned function is called (once); `onWaiting` hears when one waits. */
  hold(onWaiting?: () => void): () => void {
    if (this.holders++ === 0) this.held = new Promise((resolve) => (this.open = resolve));
    if (onWaiting) this.waiting.add(onWaiting);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (onWaiting) this.waiting.delete(onWaiting);
      if (--this.holders > 0) return;
      this.open?.();
      this.held = null;
      this.open = null;
    };
  }

  /** Resolves when `channel` may run: at once for a channel that only reads, or while nothing is held. */
  pass(channel: Channel): Promise<void> {
    return CHANNEL_ACCESS[channel] === 'reads' ? Promise.resolve() : this.writesMayGo();
  }

  /**
   * A write is about to ask for the lock without passing here (one the backend makes by
   * itself, such as proxy progress): while held, the holder hears of it, so that it waits
   * briefly rather than for the whole merge.
   */
  writeStarting(): void {
    if (this.held) for (const tell of this.waiting) tell();
  }

  /** Resolves when nothing is held (a write may go); waiting writes go in the order they came. */
  async writesMayGo(): Promise<void> {
    while (this.held) {
      for (const tell of this.waiting) tell();
      await this.held;
    }
  }
}
