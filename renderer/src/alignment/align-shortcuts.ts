// The keyboard of the alignment page, in one table: the key handler and the help overlay both
// read it. Playback keys match the workspace (Space, P, R).
import type { TextKey } from '../i18n';

export type AlignAction =
  | 'next'
  | 'previous'
  | 'takeLeft'
  | 'takeRight'
  | 'combine'
  | 'combineOverlap'
  | 'discussed'
  | 'keepNotes'
  | 'edit'
  | 'undo'
  | 'togglePlay'
  | 'playSpan'
  | 'loopSpan'
  | 'help';

export interface AlignShortcut {
  id: AlignAction;
  keys: string[];
  label: TextKey;
  matches(event: KeyboardEvent): boolean;
}

const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey;
const key = (k: string) => (e: KeyboardEvent) => plain(e) && !e.shiftKey && e.key.toLowerCase() === k;

export const ALIGN_SHORTCUTS: AlignShortcut[] = [
  { id: 'next', keys: ['↓', 'N'], label: 'align.key.next', matches: (e) => key('arrowdown')(e) || key('n')(e) },
  { id: 'previous', keys: ['↑', 'Shift+N'], label: 'align.key.previous', matches: (e) => key('arrowup')(e) || (plain(e) && e.shiftKey && e.key === 'N') },
  { id: 'takeLeft', keys: ['1'], label: 'align.key.takeLeft', matches: key('1') },
  { id: 'takeRight', keys: ['2'], label: 'align.key.takeRight', matches: key('2') },
  { id: 'combine', keys: ['C'], label: 'align.key.combine', matches: key('c') },
  { id: 'combineOverlap', keys: ['Shift+C'], label: 'align.key.combineOverlap', matches: (e) => plain(e) && e.shiftKey && e.key === 'C' },
  { id: 'keepNotes', keys: ['K'], label: 'align.key.keepNotes', matches: key('k') },
  { id: 'discussed', keys: ['B'], label: 'align.key.discussed', matches: key('b') },
  { id: 'edit', keys: ['E'], label: 'align.key.edit', matches: key('e') },
  {
    id: 'undo',
    keys: ['U', 'Ctrl+Z'],
    label: 'align.key.undo',
    matches: (e) => key('u')(e) || ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z'),
  },
  { id: 'togglePlay', keys: ['Spatie'], label: 'shortcut.togglePlay', matches: key(' ') },
  { id: 'playSpan', keys: ['P'], label: 'align.key.playSpan', matches: key('p') },
  { id: 'loopSpan', keys: ['R'], label: 'align.key.loopSpan', matches: key('r') },
  { id: 'help', keys: ['?', 'H'], label: 'shortcut.help', matches: (e) => (plain(e) && e.key === '?') || key('h')(e) },
];

export function alignShortcutFor(event: KeyboardEvent): AlignAction | null {
  return ALIGN_SHORTCUTS.find((s) => s.matches(event))?.id ?? null;
}
