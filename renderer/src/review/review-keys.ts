// The keys of review mode, as one table of actions (see key-actions.ts): the key handler and the
// visible legend both read it.
import { key, type KeyAction } from '../components/key-actions';
import type { PlayerAdapter } from '../player/player-adapter';

/** What review mode offers its keys (and its buttons). */
export interface ReviewCommands {
  player: PlayerAdapter | null;
  togglePlay(): void;
  next(): void;
  previous(): void;
  replay(): void;
  toggleLoop(): void;
  toggleAutoAdvance(): void;
  back(): void;
}

export const REVIEW_KEYS: KeyAction<ReviewCommands>[] = [
  { id: 'togglePlay', keys: ['Spatie', 'K'], label: 'review.key.togglePlay', matches: key(' ', 'k'), perform: (c) => c.togglePlay() },
  { id: 'next', keys: ['→', 'N'], label: 'review.key.next', matches: key('arrowright', 'n'), perform: (c) => c.next() },
  { id: 'previous', keys: ['←', 'P'], label: 'review.key.previous', matches: key('arrowleft', 'p'), perform: (c) => c.previous() },
  { id: 'replay', keys: ['R'], label: 'review.key.replay', matches: key('r'), perform: (c) => c.replay() },
  { id: 'loop', keys: ['L'], label: 'review.key.loop', matches: key('l'), perform: (c) => c.toggleLoop() },
  { id: 'slower', keys: ['['], label: 'review.key.slower', matches: key('['), perform: ({ player }) => player?.changeRate(-1) },
  { id: 'faster', keys: [']'], label: 'review.key.faster', matches: key(']'), perform: ({ player }) => player?.changeRate(1) },
  { id: 'normalSpeed', keys: ['\\', '='], label: 'review.key.normalSpeed', matches: key('\\', '='), perform: ({ player }) => player?.setRate(1) },
  { id: 'frameBack', keys: [','], label: 'review.key.frameBack', matches: key(','), perform: ({ player }) => player?.stepFrames(-1) },
  { id: 'frameForward', keys: ['.'], label: 'review.key.frameForward', matches: key('.'), perform: ({ player }) => player?.stepFrames(1) },
  { id: 'autoAdvance', keys: ['A'], label: 'review.key.autoAdvance', matches: key('a'), perform: (c) => c.toggleAutoAdvance() },
  // Escape works even from a field (it leaves review mode); see review-screen.tsx.
  { id: 'back', keys: ['Esc'], label: 'review.key.back', matches: key('escape'), perform: (c) => c.back() },
];
