import { describe, expect, it } from 'vitest';
import type { Note } from '../../../shared/domain';
import { addedNotes } from '../../../renderer/src/timeline/notes-lane';

const note = (id: string, timeSec: number, kind: Note['kind'] = 'event'): Note => ({
  id,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  author: 'Ann',
  cycleId: 'c',
  recordingId: 'r',
  timeSec,
  kind,
  text: id,
  speaker: '',
});

describe("the timeline's notes lane draws only what was added", () => {
  const list = [note('a', 1), note('b', 2), note('c', 3)];

  it('finds a note added anywhere', () => {
    const added = note('n', 2.5);
    expect(addedNotes(list, [list[0]!, list[1]!, added, list[2]!])).toEqual([added]);
    expect(addedNotes(list, [added, ...list])).toEqual([added]);
    expect(addedNotes(list, [...list, added])).toEqual([added]);
    expect(addedNotes(list, list)).toEqual([]);
  });

  it('ignores a change of text (the tick stays as it is)', () => {
    expect(addedNotes(list, [list[0]!, { ...list[1]!, text: 'anders' }, list[2]!])).toEqual([]);
  });

  it.each([
    ['removed', [list[0]!, list[2]!]],
    ['moved in time', [list[0]!, { ...list[1]!, timeSec: 2.2 }, list[2]!]],
    ['of another kind', [list[0]!, { ...list[1]!, kind: 'observation' as const }, list[2]!]],
    ['moved past another', [list[1]!, list[0]!, list[2]!]],
  ])('asks for the lane to be drawn again when a note is %s', (_, next) => {
    expect(addedNotes(list, next)).toBeNull();
  });
});
