// Playing a playlist in review mode: which entry is on, cueing it in the player (each from its in
// point to its out point, where it stops), noticing that it ended, and going on by itself after a
// pause when the user asked for that.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlaylistEntry } from '../../../shared/contract';
import type { PlayerAdapter } from '../player/player-adapter';
import type { FragmentCue } from './fragment-player';

/** How long review mode waits after a fragment ends before it plays the next (when asked to). */
const AUTO_ADVANCE_DELAY_MS = 1500;
/** How close to its out point a stopped fragment counts as ended. */
const END_TOLERANCE_SEC = 0.25;

export function useReviewPlayback(playlist: PlaylistEntry[] | null, player: PlayerAdapter | null) {
  const [index, setIndex] = useState(0);
  const [cue, setCue] = useState<FragmentCue | null>(null);
  const [loop, setLoop] = useState(false);
  const [autoAdvance, setAutoAdvance] = useState(false);
  const [ended, setEnded] = useState(false);
  const seq = useRef(0);
  const autoTimer = useRef<number | null>(null);

  const entries = playlist ?? [];
  const entry = entries[index] ?? null;

  const clearAutoTimer = () => {
    if (autoTimer.current !== null) window.clearTimeout(autoTimer.current);
    autoTimer.current = null;
  };

  /** Cues entry `i` (and plays it when `play`). */
  const show = useCallback(
    (i: number, play: boolean) => {
      const next = entries[i];
      if (!next) return;
      clearAutoTimer();
      seq.current += 1;
      setIndex(i);
      setEnded(false);
      setCue({ recordingId: next.recordingId, inSec: next.inSec, outSec: next.outSec, play, seq: seq.current });
    },
    [entries],
  );

  // A new playlist: wait at the first fragment's in point until the meeting is ready.
  useEffect(() => {
    if (playlist && playlist.length > 0) show(0, false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [playlist]);

  // Notice when a fragment stopped at its out point: say so, and go on if the user asked for it.
  // The player's subscription lives as long as the player; it reads the latest state via refs.
  const latest = useRef({ entry, index, autoAdvance, show, count: entries.length });
  latest.current = { entry, index, autoAdvance, show, count: entries.length };
  useEffect(() => {
    if (!player) return;
    let hadRange = player.getState().range !== null;
    return player.subscribe(() => {
      const state = player.getState();
      if (state.range) {
        hadRange = true;
        return;
      }
      if (!hadRange || !state.paused) return;
      hadRange = false;
      const now = latest.current;
      if (!now.entry || Math.abs(state.time - now.entry.outSec) > END_TOLERANCE_SEC) return;
      setEnded(true);
      const nextIndex = now.index + 1;
      if (now.autoAdvance && nextIndex < now.count) {
        clearAutoTimer();
        autoTimer.current = window.setTimeout(() => latest.current.show(nextIndex, true), AUTO_ADVANCE_DELAY_MS);
      }
    });
  }, [player]);

  useEffect(() => () => clearAutoTimer(), []);

  const toggleLoop = () => {
    const next = !loop;
    setLoop(next);
    player?.setLoop(next);
  };

  return { entries, entry, index, cue, loop, ended, autoAdvance, setAutoAdvance, show, toggleLoop };
}
