// What review mode shows: the cycle (its recordings, trajectory and title), its framework, and
// the playlist of fragments for the source (an agenda, or a theme for an audience).
import type { RequestOf } from '../../../shared/contract';
import { call } from '../api';
import { useBackendCall } from '../components/use-backend-call';
import { useCycleHeader } from '../components/use-cycle-header';
import type { ReviewSource } from '../route';

export type Audience = 'case-manager' | 'client' | 'all';

export function useReviewData(cycleId: string, source: ReviewSource, audience: Audience, reportError: (error: unknown) => void) {
  const { header: workspace, loadFailed: headerFailed } = useCycleHeader(cycleId, reportError);
  const method = useBackendCall(cycleId, () => call('method.get', { cycleId }), { onError: reportError });

  // source is a fresh object per render of the app; its kind and theme are what matter.
  const request: RequestOf<'review.playlist'>['source'] =
    source.kind === 'theme' ? { kind: 'theme', themeId: source.themeId, audience } : { kind: source.kind };
  const playlist = useBackendCall(JSON.stringify([cycleId, request]), () => call('review.playlist', { cycleId, source: request }), {
    onError: reportError,
  });

  return {
    workspace,
    frameworkId: method.value?.method.frameworkId ?? null,
    playlist: playlist.value,
    loadFailed: method.failed || playlist.failed || headerFailed,
  };
}
