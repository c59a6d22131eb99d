// The latencies of the player's recent seeks (ms, oldest first), from the adapter's onSeekLatency.
// Starts again when what plays changes (another recording, or its scrub proxy).
import { useEffect, useState } from 'react';
import type { PlayerAdapter } from '../player/player-adapter';
import { SEEK_WINDOW } from './scrub-suggestion';

export function useSeekLatencies(player: PlayerAdapter | null, sourceKey: string | null): number[] {
  const [latencies, setLatencies] = useState<number[]>([]);
  useEffect(() => {
    setLatencies([]);
    if (!player || !sourceKey) return;
    return player.onSeekLatency((ms) => setLatencies((list) => [...list, ms].slice(-SEEK_WINDOW)));
  }, [player, sourceKey]);
  return latencies;
}
