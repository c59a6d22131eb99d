// The workspace keeps a cycle's notes in the store's order without sorting them again: a note
// added, moved or restored lands where the store would list it. Checked against a real store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MediaInfo, Note } from '../../../shared/domain';
import { openStore, type Store } from '../../../electron/services/store';
import { insertSorted, noteOrder, placeSorted } from '../../../renderer/src/workspace/note-order';

let root: string;
let store: Store;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'vkz-note-order-'));
  store = openStore(root);
});
afterEach(() => {
  store.close();
  rmSync(root, { recursive: true, force: true });
});

const media = (durationSec: number): MediaInfo => ({ durationSec, formatName: 'mp4', sizeBytes: 1, video: null, audio: null });

/** A cycle with two recordings and notes on both, several at the same second. */
function seed() {
  const trajectory = store.trajectories.create({ caseManager: 'KM-1', client: 'Cliënt A' }, 'Ann');
  const cycle = store.cycles.create({ trajectoryId: trajectory.id, title: 'Gesprek', date: null }, 'Ann');
  const add = (fileName: string) =>
    store.recordings.create(
      { cycleId: cycle.id, fileName, filePath: `/m/${fileName}`, media: media(600), proxyReason: null, proxyState: 'not-needed' },
      'Ann',
    );
  const recordings = [add('deel1.mp4'), add('deel2.mp4')];
  const times = [30, 5, 30, 599.5, 0, 30, 120.25, 5];
  store.notes.createMany(
    times.flatMap((timeSec, i) =>
      recordings.map((r, j) => ({ cycleId: cycle.id, recordingId: r.id, timeSec: (timeSec + j * 7) % 600, kind: 'event' as const, text: `n${i}` })),
    ),
    'Ann',
  );
  return { cycle, recordings };
}

describe("the workspace's note order", () => {
  it('is the order the store lists notes in', () => {
    const { cycle, recordings } = seed();
    const listed = store.notes.listByCycle(cycle.id);
    const shuffled = [...listed].reverse();
    expect(shuffled.sort(noteOrder(recordings)).map((n) => n.id)).toEqual(listed.map((n) => n.id));
  });

  it.each([
    ['between two notes', 0, 17.5],
    ['after notes at the same second', 0, 30],
    ['first of the second recording', 1, 0],
    ['at the very end', 1, 600],
  ])('puts a new note %s where the store lists it', (_, recordingIndex, timeSec) => {
    const { cycle, recordings } = seed();
    const before = store.notes.listByCycle(cycle.id);
    const note = store.notes.create({ cycleId: cycle.id, recordingId: recordings[recordingIndex]!.id, timeSec, kind: 'observation', text: 'nieuw' }, 'Ann');
    const after = insertSorted(before, note, noteOrder(recordings));
    expect(after.map((n) => n.id)).toEqual(store.notes.listByCycle(cycle.id).map((n) => n.id));
    expect(before).toHaveLength(after.length - 1); // a copy: the list on screen is not changed
  });

  it('moves an edited note to its new time and keeps one whose time stayed where it is', () => {
    const { cycle, recordings } = seed();
    const order = noteOrder(recordings);
    let list: Note[] = store.notes.listByCycle(cycle.id);
    const moved = store.notes.update(list[2]!.id, { timeSec: 400 }, 'Ann');
    list = placeSorted(list, moved, order);
    expect(list.map((n) => n.id)).toEqual(store.notes.listByCycle(cycle.id).map((n) => n.id));

    const retexted = store.notes.update(list[5]!.id, { text: 'anders' }, 'Ann');
    const next = placeSorted(list, retexted, order);
    expect(next[5]).toBe(retexted);
    expect(next.map((n) => n.id)).toEqual(list.map((n) => n.id));
  });

  it('puts a restored note back where it was', () => {
    const { cycle, recordings } = seed();
    const listed = store.notes.listByCycle(cycle.id);
    store.notes.delete(listed[4]!.id);
    const without = store.notes.listByCycle(cycle.id);
    const restored = store.notes.restore(listed[4]!.id);
    expect(placeSorted(without, restored, noteOrder(recordings)).map((n) => n.id)).toEqual(listed.map((n) => n.id));
  });
});
