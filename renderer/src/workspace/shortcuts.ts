// Every keyboard shortcut of the workspace, as one table of actions (see key-actions.ts): the key
// handler and the help overlay both read it. Arrow keys held down scrub (the thumbnail shows at
// once, see PlayerAdapter.scrub); pressed once they seek.
import { character, key, shifted, withCtrl, type KeyAction } from '../components/key-actions';
import type { PlayerAdapter } from '../player/player-adapter';

/** What the workspace offers its shortcuts. */
export interface WorkspaceCommands {
  player: PlayerAdapter | null;
  openHelp(): void;
  undo(): void;
  zoom(direction: 1 | -1): void;
  zoomFit(): void;
  markIn(): void;
  markOut(): void;
  playSelectedFragment(): void;
  toggleLoop(): void;
  newNote(): void;
  goToTime(): void;
}

type Shortcut = KeyAction<WorkspaceCommands>;

/** Seeks by `sec`; while the key is held, scrubs. */
const jump =
  (sec: number): Shortcut['perform'] =>
  ({ player }, event) =>
    event.repeat ? player?.scrubBy(sec) : player?.seekBy(sec);

export const SHORTCUTS: Shortcut[] = [
  { id: 'togglePlay', keys: ['Spatie', 'K'], label: 'shortcut.togglePlay', matches: key(' ', 'k'), perform: ({ player }) => player?.toggle() },
  { id: 'back1', keys: ['←'], label: 'shortcut.back1', matches: key('arrowleft'), perform: jump(-1) },
  { id: 'forward1', keys: ['→'], label: 'shortcut.forward1', matches: key('arrowright'), perform: jump(1) },
  { id: 'back5', keys: ['Shift+←', 'J'], label: 'shortcut.back5', matches: (e) => shifted('ArrowLeft')(e) || key('j')(e), perform: jump(-5) },
  { id: 'forward5', keys: ['Shift+→', 'L'], label: 'shortcut.forward5', matches: (e) => shifted('ArrowRight')(e) || key('l')(e), perform: jump(5) },
  { id: 'frameBack', keys: [','], label: 'shortcut.frameBack', matches: key(','), perform: ({ player }) => player?.stepFrames(-1) },
  { id: 'frameForward', keys: ['.'], label: 'shortcut.frameForward', matches: key('.'), perform: ({ player }) => player?.stepFrames(1) },
  { id: 'slower', keys: ['['], label: 'shortcut.slower', matches: key('['), perform: ({ player }) => player?.changeRate(-1) },
  { id: 'faster', keys: [']'], label: 'shortcut.faster', matches: key(']'), perform: ({ player }) => player?.changeRate(1) },
  { id: 'normalSpeed', keys: ['\\'], label: 'shortcut.normalSpeed', matches: key('\\'), perform: ({ player }) => player?.setRate(1) },
  { id: 'toStart', keys: ['0'], label: 'shortcut.toStart', matches: key('0'), perform: ({ player }) => player?.seek(0) },
  { id: 'markIn', keys: ['I'], label: 'shortcut.markIn', matches: key('i'), perform: (c) => c.markIn() },
  { id: 'markOut', keys: ['O'], label: 'shortcut.markOut', matches: key('o'), perform: (c) => c.markOut() },
  { id: 'playFragment', keys: ['P'], label: 'shortcut.playFragment', matches: key('p'), perform: (c) => c.playSelectedFragment() },
  { id: 'toggleLoop', keys: ['R'], label: 'shortcut.toggleLoop', matches: key('r'), perform: (c) => c.toggleLoop() },
  { id: 'newNote', keys: ['N'], label: 'shortcut.newNote', matches: key('n'), perform: (c) => c.newNote() },
  { id: 'goToTime', keys: ['G'], label: 'shortcut.goToTime', matches: key('g'), perform: (c) => c.goToTime() },
  { id: 'mute', keys: ['M'], label: 'shortcut.mute', matches: key('m'), perform: ({ player }) => player?.toggleMute() },
  {
    id: 'volumeUp',
    keys: ['↑'],
    label: 'shortcut.volumeUp',
    matches: key('arrowup'),
    perform: ({ player }) => player?.setVolume(player.getState().volume + 0.1),
  },
  {
    id: 'volumeDown',
    keys: ['↓'],
    label: 'shortcut.volumeDown',
    matches: key('arrowdown'),
    perform: ({ player }) => player?.setVolume(player.getState().volume - 0.1),
  },
  { id: 'zoomIn', keys: ['+'], label: 'shortcut.zoomIn', matches: character('+', '='), perform: (c) => c.zoom(1) },
  { id: 'zoomOut', keys: ['-'], label: 'shortcut.zoomOut', matches: character('-'), perform: (c) => c.zoom(-1) },
  { id: 'zoomFit', keys: ['Z'], label: 'shortcut.zoomFit', matches: key('z'), perform: (c) => c.zoomFit() },
  { id: 'undo', keys: ['Ctrl+Z'], label: 'shortcut.undo', matches: withCtrl('z'), perform: (c) => c.undo() },
  { id: 'help', keys: ['?', 'H'], label: 'shortcut.help', matches: (e) => character('?')(e) || key('h')(e), perform: (c) => c.openHelp() },
];
