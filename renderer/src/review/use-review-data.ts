// What review mode shows: the cycle (its recordings, trajectory and title), its framework, and
// the playlist of fragments for the source (an agenda, or a theme for an audience).
import { useEffect, useState } from 'react';
import type { PlaylistEntry } from '../../../shared/contract';
import { call } from '../api';
import { useCycleHeader } from '../components/use-cycle-header';
import type { ReviewSource } from '../route';

export type Audience = 'case-manager' | 'client' | 'all';

export function useReviewData(cycleId: string, source: ReviewSource, audience: Audience, reportError: (error: unknown) => void) {
  const { header: workspace, loadFailed: headerFailed } = useCycleHeader(cycleId, reportError);
  const [frameworkId, setFrameworkId] = useState<string | null>(null);
  const [playlist, setPlaylist] = useState<PlaylistEntry[] | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    call('method.get', { cycleId })
      .then((method) => {
        if (!cancelled) setFrameworkId(method.method.frameworkId);
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setLoadFailed(true);
        reportError(error);
      });
    return () => {
      cancelled = true;
    };
  }, [cycleId, reportError]);

  const themeId = source.kind === 'theme' ? source.themeId : null;
  useEffect(() => {
    let cancelled = false;
    const request = themeId !== null ? { kind: 'theme' as const, themeId, audience } : { kind: source.kind as 'interview' | 'reflection' };
    setPlaylist(null);
    call('review.playlist', { cycleId, source: request })
      .then((entries) => {
        if (!cancelled) setPlaylist(entries);
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setLoadFailed(true);
        reportError(error);
      });
    return () => {
      cancelled = true;
    };
    // source is a fresh object per render of the app; its kind and theme are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cycleId, source.kind, themeId, audience, reportError]);

  return { workspace, frameworkId, playlist, loadFailed: loadFailed || headerFailed };
}
