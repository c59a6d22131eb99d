// Subscribes a component to part of the player's state; it re-renders only when that part changes
// (the playhead moves 60 times a second, most components don't care).
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { PlayerAdapter, PlayerState } from './player-adapter';

const IDLE: PlayerState = {
  time: 0,
  duration: 0,
  paused: true,
  rate: 1,
  volume: 1,
  muted: false,
  range: null,
  ready: false,
  preview: null,
};

export function usePlayerSelector<T>(player: PlayerAdapter | null, select: (state: PlayerState) => T): T {
  const selectRef = useRef(select);
  selectRef.current = select;
  const subscribe = useCallback((onChange: () => void) => (player ? player.subscribe(onChange) : () => undefined), [player]);
  return useSyncExternalStore(subscribe, () => selectRef.current(player ? player.getState() : IDLE));
}
