// When what plays changes under the same recording (its scrub proxy is done, so mediaUrl changes),
// the player loads the new file from the start: put the playhead back where the researcher was.
import { useEffect, useRef } from 'react';
import type { Recording } from '../../../shared/domain';
import type { PlayerAdapter } from '../player/player-adapter';

export function useKeepPlayheadAcrossSources(player: PlayerAdapter | null, recording: Recording | null): void {
  const last = useRef<{ recordingId: string; url: string; time: number } | null>(null);
  const restore = useRef<{ recordingId: string; time: number } | null>(null);
  const recordingId = recording?.id ?? null;
  const url = recording?.mediaUrl ?? null;

  // The URL changed for the same recording: remember to seek back once the new file is ready.
  useEffect(() => {
    const previous = last.current;
    if (previous && recordingId && url && previous.recordingId === recordingId && previous.url !== url && previous.time > 0) {
      restore.current = { recordingId, time: previous.time };
    }
  }, [recordingId, url]);

  useEffect(() => {
    if (!player) return;
    return player.subscribe(() => {
      const state = player.getState();
      if (!state.ready || !recordingId || !url) return;
      const pending = restore.current;
      if (pending) {
        restore.current = null;
        if (pending.recordingId === recordingId && state.duration > 0) player.seek(Math.min(pending.time, state.duration));
        return;
      }
      last.current = { recordingId, url, time: state.time };
    });
  }, [player, recordingId, url]);
}
