// The workspace's keyboard shortcuts: the table of actions in shortcuts.ts, performed with what
// the workspace offers (player, timeline, notes, fragments). Keys typed into a field, keys a
// focused control handles itself (components/control-keys.ts) and keys while a dialog is open
// are left alone.
import type { Fragment } from '../../../shared/domain';
import { controlOwnsKey } from '../components/control-keys';
import { isTypingTarget, useKeyActions } from '../components/key-actions';
import type { PlayerAdapter } from '../player/player-adapter';
import { SHORTCUTS, type WorkspaceCommands } from './shortcuts';
import type { TimelineHandle } from './timeline';
import { useReadOnly } from '../startup/read-only';

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
  const selected = () => fragments.find((f) => f.id === selectedFragmentId);
  // Read-only: the keys that would change the data (a note, a fragment, undoing a delete) do nothing.
  const readOnly = useReadOnly();
  const commands: WorkspaceCommands = {
    player,
    openHelp: targets.openHelp,
    undo: () => !readOnly && targets.undo(),
    zoom: (direction) => timeline.current?.zoom(direction),
    zoomFit: () => timeline.current?.fit(),
    markIn: () => player && targets.markIn(player.currentTime()),
    markOut: () => !readOnly && targets.markOut(),
    playSelectedFragment: () => {
      const fragment = selected();
      if (player && fragment) targets.playFragment(fragment, player.getState().range?.loop ?? false);
    },
    toggleLoop: () => {
      const range = player?.getState().range;
      const fragment = selected();
      if (range) player?.setLoop(!range.loop);
      else if (fragment) targets.playFragment(fragment, true);
    },
    newNote: () => player && canAddNote && !readOnly && targets.newNote(player.currentTime()),
    goToTime: () => goToInput.current?.focus(),
  };
  useKeyActions(SHORTCUTS, commands, {
    ignore: (event) =>
      !enabled || document.querySelector('dialog[open]') !== null || isTypingTarget(event.target) || controlOwnsKey(event),
  });
}
