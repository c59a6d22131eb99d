// The cycle, its trajectory and recordings, for the cycle's pages that don't show the analysis
// (cycle, interview, reflection, report & export, review): the slim `cycle.header` call, never
// the 10,000 notes. Kept per cycle, so switching tabs shows the header at once; refreshed on
// each visit, and when the backend says a recording's playable file changed (proxy events).
import type { AppEvent, CycleHeader } from '../../../shared/contract';
import { call } from '../api';
import { useBackendCall } from './use-backend-call';

const cache = new Map<string, CycleHeader>();
const CACHE_LIMIT = 16;

function remember(cycleId: string, header: CycleHeader): void {
  cache.delete(cycleId);
  cache.set(cycleId, header);
  while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
}

const playableFileChanged = (event: AppEvent, cycleId: string) =>
  event.type === 'recording.proxy' &&
  event.cycleId === cycleId &&
  (event.state === 'done' || event.state === 'failed' || event.state === 'cancelled');

export function useCycleHeader(cycleId: string, reportError: (error: unknown) => void) {
  const { value: header, failed: loadFailed } = useBackendCall(
    cycleId,
    () =>
      call('cycle.header', { cycleId }).then(
        (fresh) => {
          remember(cycleId, fresh);
          return fresh;
        },
        (error: unknown) => {
          cache.delete(cycleId);
          throw error;
        },
      ),
    {
      placeholder: (id) => cache.get(id) ?? null,
      reloadOn: (event) => playableFileChanged(event, cycleId),
      onError: reportError,
    },
  );
  return { header, loadFailed };
}
