// The cycle, its trajectory and recordings, for the cycle's pages that don't show the analysis
// (cycle, interview, reflection, report & export, review): the slim `cycle.header` call, never
// the 10,000 notes. Kept per cycle, so switching tabs shows the header at once; refreshed on
// each visit, and when the backend says a recording's playable file changed (proxy events).
import { useEffect, useState } from 'react';
import type { CycleHeader } from '../../../shared/contract';
import { call, onAppEvent } from '../api';

const cache = new Map<string, CycleHeader>();
const CACHE_LIMIT = 16;

function remember(cycleId: string, header: CycleHeader): void {
  cache.delete(cycleId);
  cache.set(cycleId, header);
  while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
}

export function useCycleHeader(cycleId: string, reportError: (error: unknown) => void) {
  const [header, setHeader] = useState<CycleHeader | null>(() => cache.get(cycleId) ?? null);
  const [loadFailed, setLoadFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setHeader(cache.get(cycleId) ?? null);
    setLoadFailed(false);
    const load = () =>
      call('cycle.header', { cycleId })
        .then((fresh) => {
          remember(cycleId, fresh);
          if (!cancelled) setHeader(fresh);
        })
        .catch((error: unknown) => {
          if (cancelled) return;
          cache.delete(cycleId);
          setLoadFailed(true);
          reportError(error);
        });
    void load();
    const unsubscribe = onAppEvent((event) => {
      if (event.type !== 'recording.proxy' || event.cycleId !== cycleId) return;
      if (event.state === 'done' || event.state === 'failed' || event.state === 'cancelled') void load();
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [cycleId, reportError]);

  return { header, loadFailed };
}
