// The workspace's keyboard shortcuts (shortcuts.ts says which key is which action): performs an
// action on the player, the timeline, the notes and the fragments. Keys typed into a field, keys
// a focused control handles itself (components/control-keys.ts) and keys while a dialog is open
// are left alone.
import { useCallback, useEffect } from 'react';
import type { Fragment } from '../../../shared/domain';
import { controlOwnsKey } from '../components/control-keys';
import type { PlayerAdapter } from '../player/player-adapter';
import { isTypingTarget, shortcutFor, type ShortcutAction } from './shortcuts';
import type { TimelineHandle } from './timeline';

export interface WorkspaceKeyTargets {
  player: PlayerAdapter | null;
  timeline: React.RefObject<TimelineHandle | null>;
  goToInput: React.RefObject<HTMLInputElement | null>;
  fragments: Fragment[];
  selectedFragmentId: string | null;
  canAddNote: boolean;
  /** False while the help overlay is open. */
  enabled: boolean;
  openHelp: () => void;
  undo: () => void;
  markIn: (sec: number) => void;
  markOut: () => void;
  playFragment: (fragment: Fragment, loop: boolean) => void;
  newNote: (sec: number) => void;
}

export function useWorkspaceKeys(targets: WorkspaceKeyTargets): void {
  const { player, timeline, goToInput, fragments, selectedFragmentId, canAddNote, enabled } = targets;
  const { openHelp, undo, markIn, markOut, playFragment, newNote } = targets;

  const run = useCallback(
    (action: ShortcutAction, repeat = false) => {
      if (action === 'help') return openHelp();
      if (action === 'undo') return undo();
      if (action === 'zoomIn') return timeline.current?.zoom(1);
      if (action === 'zoomOut') return timeline.current?.zoom(-1);
      if (action === 'zoomFit') return timeline.current?.fit();
      if (!player) return;
      switch (action) {
        case 'togglePlay':
          return player.toggle();
        case 'back1':
          return repeat ? player.scrubBy(-1) : player.seekBy(-1);
        case 'forward1':
          return repeat ? player.scrubBy(1) : player.seekBy(1);
        case 'back5':
          return repeat ? player.scrubBy(-5) : player.seekBy(-5);
        case 'forward5':
          return repeat ? player.scrubBy(5) : player.seekBy(5);
        case 'frameBack':
          return player.stepFrames(-1);
        case 'frameForward':
          return player.stepFrames(1);
        case 'slower':
          return player.changeRate(-1);
        case 'faster':
          return player.changeRate(1);
        case 'normalSpeed':
          return player.setRate(1);
        case 'toStart':
          return player.seek(0);
        case 'mute':
          return player.toggleMute();
        case 'volumeUp':
          return player.setVolume(player.getState().volume + 0.1);
        case 'volumeDown':
          return player.setVolume(player.getState().volume - 0.1);
        case 'markIn':
          return markIn(player.currentTime());
        case 'markOut':
          return markOut();
        case 'playFragment': {
          const fragment = fragments.find((f) => f.id === selectedFragmentId);
          if (fragment) playFragment(fragment, player.getState().range?.loop ?? false);
          return;
        }
        case 'toggleLoop': {
          const range = player.getState().range;
          const fragment = fragments.find((f) => f.id === selectedFragmentId);
          if (range) player.setLoop(!range.loop);
          else if (fragment) playFragment(fragment, true);
          return;
        }
        case 'newNote':
          if (canAddNote) newNote(player.currentTime());
          return;
        case 'goToTime':
          goToInput.current?.focus();
          return;
      }
    },
    [player, timeline, goToInput, fragments, selectedFragmentId, canAddNote, openHelp, undo, markIn, markOut, playFragment, newNote],
  );

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      if (isTypingTarget(event.target) || controlOwnsKey(event)) return;
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      run(action, event.repeat); // a held key scrubs: see PlayerAdapter.scrub
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [run, enabled]);
}
