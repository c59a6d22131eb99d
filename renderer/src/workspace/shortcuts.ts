// Every keyboard shortcut of the workspace, in one table: the key handler and the help overlay
// both read it. Keys are chosen to work on a laptop without Home/End/PgUp.
import type { TextKey } from '../i18n';

export type ShortcutAction =
  | 'togglePlay'
  | 'back1'
  | 'forward1'
  | 'back5'
  | 'forward5'
  | 'frameBack'
  | 'frameForward'
  | 'slower'
  | 'faster'
  | 'normalSpeed'
  | 'toStart'
  | 'markIn'
  | 'markOut'
  | 'toggleLoop'
  | 'playFragment'
  | 'newNote'
  | 'goToTime'
  | 'mute'
  | 'volumeUp'
  | 'volumeDown'
  | 'undo'
  | 'zoomIn'
  | 'zoomOut'
  | 'zoomFit'
  | 'help';

export interface Shortcut {
  action: ShortcutAction;
  /** What the help overlay shows. */
  keys: string[];
  label: TextKey;
  matches(event: KeyboardEvent): boolean;
}

const plain = (event: KeyboardEvent) => !event.ctrlKey && !event.metaKey && !event.altKey;
const key = (k: string) => (event: KeyboardEvent) => plain(event) && !event.shiftKey && event.key.toLowerCase() === k;
const shifted = (k: string) => (event: KeyboardEvent) => plain(event) && event.shiftKey && event.key === k;

export const SHORTCUTS: Shortcut[] = [
  { action: 'togglePlay', keys: ['Spatie', 'K'], label: 'shortcut.togglePlay', matches: (e) => key(' ')(e) || key('k')(e) },
  { action: 'back1', keys: ['←'], label: 'shortcut.back1', matches: key('arrowleft') },
  { action: 'forward1', keys: ['→'], label: 'shortcut.forward1', matches: key('arrowright') },
  { action: 'back5', keys: ['Shift+←', 'J'], label: 'shortcut.back5', matches: (e) => shifted('ArrowLeft')(e) || key('j')(e) },
  { action: 'forward5', keys: ['Shift+→', 'L'], label: 'shortcut.forward5', matches: (e) => shifted('ArrowRight')(e) || key('l')(e) },
  { action: 'frameBack', keys: [','], label: 'shortcut.frameBack', matches: key(',') },
  { action: 'frameForward', keys: ['.'], label: 'shortcut.frameForward', matches: key('.') },
  { action: 'slower', keys: ['['], label: 'shortcut.slower', matches: key('[') },
  { action: 'faster', keys: [']'], label: 'shortcut.faster', matches: key(']') },
  { action: 'normalSpeed', keys: ['\\'], label: 'shortcut.normalSpeed', matches: key('\\') },
  { action: 'toStart', keys: ['0'], label: 'shortcut.toStart', matches: key('0') },
  { action: 'markIn', keys: ['I'], label: 'shortcut.markIn', matches: key('i') },
  { action: 'markOut', keys: ['O'], label: 'shortcut.markOut', matches: key('o') },
  { action: 'playFragment', keys: ['P'], label: 'shortcut.playFragment', matches: key('p') },
  { action: 'toggleLoop', keys: ['R'], label: 'shortcut.toggleLoop', matches: key('r') },
  { action: 'newNote', keys: ['N'], label: 'shortcut.newNote', matches: key('n') },
  { action: 'goToTime', keys: ['G'], label: 'shortcut.goToTime', matches: key('g') },
  { action: 'mute', keys: ['M'], label: 'shortcut.mute', matches: key('m') },
  { action: 'volumeUp', keys: ['↑'], label: 'shortcut.volumeUp', matches: key('arrowup') },
  { action: 'volumeDown', keys: ['↓'], label: 'shortcut.volumeDown', matches: key('arrowdown') },
  { action: 'zoomIn', keys: ['+'], label: 'shortcut.zoomIn', matches: (e) => plain(e) && (e.key === '+' || e.key === '=') },
  { action: 'zoomOut', keys: ['-'], label: 'shortcut.zoomOut', matches: (e) => plain(e) && e.key === '-' },
  { action: 'zoomFit', keys: ['Z'], label: 'shortcut.zoomFit', matches: key('z') },
  {
    action: 'undo',
    keys: ['Ctrl+Z'],
    label: 'shortcut.undo',
    matches: (e) => (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z',
  },
  { action: 'help', keys: ['?', 'H'], label: 'shortcut.help', matches: (e) => (plain(e) && e.key === '?') || key('h')(e) },
];

/** Typing in a field must not trigger shortcuts (Escape still closes things, handled locally). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'range', 'submit'].includes(target.type);
  }
  return false;
}

export function shortcutFor(event: KeyboardEvent): ShortcutAction | null {
  return SHORTCUTS.find((s) => s.matches(event))?.action ?? null;
}
