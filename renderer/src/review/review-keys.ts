// The keys of review mode, in one table: the key handler and the visible legend both read it.
// Chosen to work on a laptop without Home/End/PgUp.
import type { TextKey } from '../i18n';

export type ReviewAction =
  | 'togglePlay'
  | 'next'
  | 'previous'
  | 'replay'
  | 'loop'
  | 'slower'
  | 'faster'
  | 'normalSpeed'
  | 'frameBack'
  | 'frameForward'
  | 'autoAdvance'
  | 'back';

export interface ReviewKey {
  action: ReviewAction;
  keys: string[];
  label: TextKey;
  matches(event: KeyboardEvent): boolean;
}

const plain = (event: KeyboardEvent) => !event.ctrlKey && !event.metaKey && !event.altKey;
const key =
  (...names: string[]) =>
  (event: KeyboardEvent) =>
    plain(event) && !event.shiftKey && names.includes(event.key.toLowerCase());

export const REVIEW_KEYS: ReviewKey[] = [
  { action: 'togglePlay', keys: ['Spatie', 'K'], label: 'review.key.togglePlay', matches: key(' ', 'k') },
  { action: 'next', keys: ['→', 'N'], label: 'review.key.next', matches: key('arrowright', 'n') },
  { action: 'previous', keys: ['←', 'P'], label: 'review.key.previous', matches: key('arrowleft', 'p') },
  { action: 'replay', keys: ['R'], label: 'review.key.replay', matches: key('r') },
  { action: 'loop', keys: ['L'], label: 'review.key.loop', matches: key('l') },
  { action: 'slower', keys: ['['], label: 'review.key.slower', matches: key('[') },
  { action: 'faster', keys: [']'], label: 'review.key.faster', matches: key(']') },
  { action: 'normalSpeed', keys: ['\\', '='], label: 'review.key.normalSpeed', matches: key('\\', '=') },
  { action: 'frameBack', keys: [','], label: 'review.key.frameBack', matches: key(',') },
  { action: 'frameForward', keys: ['.'], label: 'review.key.frameForward', matches: key('.') },
  { action: 'autoAdvance', keys: ['A'], label: 'review.key.autoAdvance', matches: key('a') },
  { action: 'back', keys: ['Esc'], label: 'review.key.back', matches: (e) => plain(e) && e.key === 'Escape' },
];

export function reviewActionFor(event: KeyboardEvent): ReviewAction | null {
  return REVIEW_KEYS.find((k) => k.matches(event))?.action ?? null;
}
