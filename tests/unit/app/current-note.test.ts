import { describe, expect, it } from 'vitest';
import { currentNoteIndex } from '../../../renderer/src/workspace/current-note';

describe('the note list follows the playhead', () => {
  const notes = [{ timeSec: 10 }, { timeSec: 20 }, { timeSec: 20 }, { timeSec: 95.5 }];
  it.each([
    [0, -1],
    [9.99, -1],
    [10, 0],
    [19.9, 0],
    [20, 2],
    [95.4, 2],
    [95.5, 3],
    [5000, 3],
  ])('at %s s the current note is #%s', (time, index) => expect(currentNoteIndex(notes, time)).toBe(index));

  it('handles an empty list', () => expect(currentNoteIndex([], 12)).toBe(-1));
});
