// The keyboard of the alignment page as one table of actions (see key-actions.ts): the key
// handler and the help overlay both read it. Playback keys match the workspace (Space, P, R).
import { character, key, shifted, withCtrl, type KeyAction } from '../components/key-actions';

/** What the alignment page offers its keys; each does nothing when it doesn't apply to the selected item. */
export interface AlignCommands {
  next(): void;
  previous(): void;
  take(side: 'left' | 'right'): void;
  /** A pair: the joint fragment over both spans (`union`) or only their overlap; notes: merged. */
  combine(range: 'union' | 'intersection'): void;
  keepNotes(): void;
  /** First press: write the note; again (or Enter in the note): recorded as discussed. */
  discussed(): void;
  edit(): void;
  undo(): void;
  togglePlay(): void;
  playSpan(loop: boolean): void;
  help(): void;
}

export const ALIGN_SHORTCUTS: readonly KeyAction<AlignCommands>[] = [
  { id: 'next', keys: ['↓', 'N'], label: 'align.key.next', matches: key('arrowdown', 'n'), perform: (c) => c.next() },
  {
    id: 'previous',
    keys: ['↑', 'Shift+N'],
    label: 'align.key.previous',
    matches: (e) => key('arrowup')(e) || shifted('N')(e),
    perform: (c) => c.previous(),
  },
  { id: 'takeLeft', keys: ['1'], label: 'align.key.takeLeft', matches: key('1'), perform: (c) => c.take('left') },
  { id: 'takeRight', keys: ['2'], label: 'align.key.takeRight', matches: key('2'), perform: (c) => c.take('right') },
  { id: 'combine', keys: ['C'], label: 'align.key.combine', matches: key('c'), perform: (c) => c.combine('union') },
  {
    id: 'combineOverlap',
    keys: ['Shift+C'],
    label: 'align.key.combineOverlap',
    matches: shifted('C'),
    perform: (c) => c.combine('intersection'),
  },
  { id: 'keepNotes', keys: ['K'], label: 'align.key.keepNotes', matches: key('k'), perform: (c) => c.keepNotes() },
  { id: 'discussed', keys: ['B'], label: 'align.key.discussed', matches: key('b'), perform: (c) => c.discussed() },
  { id: 'edit', keys: ['E'], label: 'align.key.edit', matches: key('e'), perform: (c) => c.edit() },
  {
    id: 'undo',
    keys: ['U', 'Ctrl+Z'],
    label: 'align.key.undo',
    matches: (e) => key('u')(e) || withCtrl('z')(e),
    perform: (c) => c.undo(),
  },
  { id: 'togglePlay', keys: ['Spatie'], label: 'shortcut.togglePlay', matches: key(' '), perform: (c) => c.togglePlay() },
  { id: 'playSpan', keys: ['P'], label: 'align.key.playSpan', matches: key('p'), perform: (c) => c.playSpan(false) },
  { id: 'loopSpan', keys: ['R'], label: 'align.key.loopSpan', matches: key('r'), perform: (c) => c.playSpan(true) },
  { id: 'help', keys: ['?', 'H'], label: 'shortcut.help', matches: (e) => character('?')(e) || key('h')(e), perform: (c) => c.help() },
];
