// Notes and fragments: the researchers' annotations on a recording.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MediaInfo, NoteKind } from '../../../shared/domain';
import { openStore, StoreError, type NoteCreate, type Store } from '../../../electron/services/store';

let root: string;
let store: Store;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'vkz-store-annotations-'));
  store = openStore(root);
});
afterEach(() => {
  store.close();
  rmSync(root, { recursive: true, force: true });
});

function expectStoreError(fn: () => unknown, code: string, message?: RegExp): StoreError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(StoreError);
  expect((caught as StoreError).code).toBe(code);
  if (message) expect((caught as StoreError).message).toMatch(message);
  return caught as StoreError;
}

function media(durationSec: number): MediaInfo {
  return {
    durationSec,
    formatName: 'matroska,webm',
    sizeBytes: 10_000,
    video: null,
    audio: { codec: 'opus', channels: 1, sampleRate: 48000 },
  };
}

/** A cycle with two recordings: video 1 lasts 10 minutes, video 2 lasts 5. */
function seed() {
  const trajectory = store.trajectories.create({ caseManager: 'KM-3', client: 'Cliënt A' }, 'Ann');
  const cycle = store.cycles.create({ trajectoryId: trajectory.id, title: 'Gesprek 1', date: null }, 'Ann');
  const add = (fileName: string, durationSec: number) =>
    store.recordings.create(
      { cycleId: cycle.id, fileName, filePath: `/m/${fileName}`, media: media(durationSec), proxyReason: null, proxyState: 'not-needed' },
      'Ann',
    );
  const video1 = add('deel1.webm', 600);
  const video2 = add('deel2.webm', 300);
  return { trajectory, cycle, video1, video2 };
}

describe('notes', () => {
  it('creates a note with its stamps and reads it back after a restart', () => {
    const { cycle, video1 } = seed();
    const note = store.notes.create(
      { cycleId: cycle.id, recordingId: video1.id, timeSec: 371.4, kind: 'transcript', text: 'Hoe gaat het nu met u?', speaker: 'KM' },
      'Ann',
    );
    expect(note).toMatchObject({
      cycleId: cycle.id,
      recordingId: video1.id,
      timeSec: 371.4,
      kind: 'transcript',
      text: 'Hoe gaat het nu met u?',
      speaker: 'KM',
      author: 'Ann',
    });
    expect(note.createdAt).toBe(note.updatedAt);
    store.close();
    store = openStore(root);
    expect(store.notes.get(note.id)).toEqual(note);
    expect(store.notes.listByCycle(cycle.id)).toEqual([note]);
  });

  it("keeps the id the app named a new note with, and refuses an id that is taken (live, deleted, or a fragment's)", () => {
    const { cycle, video1 } = seed();
    const id = '5b0e3c1e-7a52-4d3f-9a40-2f6c3f8d9e11';
    const input = { cycleId: cycle.id, recordingId: video1.id, timeSec: 12, kind: 'observation' as NoteKind, text: 'Knikt.' };
    const note = store.notes.create({ ...input, id }, 'Ann');
    expect(note.id).toBe(id);
    expect(store.notes.get(id)).toEqual(note);

    // The same id again (a retried request, or a page that guesses ids) changes nothing.
    expectStoreError(() => store.notes.create({ ...input, id, text: 'Anders.' }, 'Bob'), 'invalid', /taken/);
    store.notes.delete(id);
    expectStoreError(() => store.notes.create({ ...input, id, text: 'Anders.' }, 'Bob'), 'invalid', /taken/);
    const restored = store.notes.restore(id);
    expect(restored).toMatchObject({ text: 'Knikt.', author: 'Ann' });
    const fragment = store.fragments.create({ cycleId: cycle.id, recordingId: video1.id, inSec: 1, outSec: 2, title: 'F' }, 'Ann');
    expectStoreError(() => store.notes.create({ ...input, id: fragment.id }, 'Ann'), 'invalid', /taken/);
    // Only a random lower-case UUID: not another spelling of a taken id, not the nil UUID.
    for (const bad of ['not-a-uuid', id.toUpperCase(), '00000000-0000-0000-0000-000000000000']) {
      expectStoreError(() => store.notes.create({ ...input, id: bad }, 'Ann'), 'invalid');
    }
    // Nor the id of a note that is gone but whose merge history the exchange keeps.
    const gone = '7d1c9e40-2b8f-4a6d-8e3c-5f0a1b2c3d4e';
    store.exchange.setMergeLog('note', gone, { contentHash: 'x', updatedAt: '2026-01-01T00:00:00.000Z' });
    expectStoreError(() => store.notes.create({ ...input, id: gone }, 'Ann'), 'invalid', /taken/);
    expect(store.notes.listByCycle(cycle.id)).toEqual([restored]);
  });

  it('lists notes by video, then by time, whatever order they were typed in', () => {
    const { cycle, video1, video2 } = seed();
    const add = (recordingId: string, timeSec: number, text: string) =>
      store.notes.create({ cycleId: cycle.id, recordingId, timeSec, kind: 'event', text }, 'Ann');
    add(video2.id, 10, 'v2 0:10');
    add(video1.id, 300, 'v1 5:00');
    add(video1.id, 12.5, 'v1 0:12.5');
    add(video2.id, 5, 'v2 0:05');
    add(video1.id, 300, 'v1 5:00 second');
    expect(store.notes.listByCycle(cycle.id).map((n) => n.text)).toEqual([
      'v1 0:12.5',
      'v1 5:00',
      'v1 5:00 second',
      'v2 0:05',
      'v2 0:10',
    ]);
    // Swapping the videos swaps the blocks.
    store.recordings.reorder(cycle.id, [video2.id, video1.id], 'Ann');
    expect(store.notes.listByCycle(cycle.id).map((n) => n.text)).toEqual([
      'v2 0:05',
      'v2 0:10',
      'v1 0:12.5',
      'v1 5:00',
      'v1 5:00 second',
    ]);
  });

  it('updates the fields given, leaves the rest, and records the editor', () => {
    const { cycle, video1 } = seed();
    const note = store.notes.create({ cycleId: cycle.id, recordingId: video1.id, timeSec: 60, kind: 'observation', text: 'Cliënt kijkt weg' }, 'Ann');
    const edited = store.notes.update(note.id, { text: 'Cliënt kijkt weg en zucht', kind: 'question_client' }, 'Bram');
    expect(edited).toMatchObject({ timeSec: 60, kind: 'question_client', text: 'Cliënt kijkt weg en zucht', speaker: '', author: 'Bram' });
    expect(edited.createdAt).toBe(note.createdAt);
    expect(edited.updatedAt > note.updatedAt).toBe(true);
    expect(store.notes.update(note.id, { timeSec: 61.5 }, 'Bram').timeSec).toBe(61.5);
  });

  it('soft-deletes a note: it leaves the list, and restore brings it back unchanged', () => {
    const { cycle, video1 } = seed();
    const keep = store.notes.create({ cycleId: cycle.id, recordingId: video1.id, timeSec: 1, kind: 'event', text: 'keep' }, 'Ann');
    const gone = store.notes.create({ cycleId: cycle.id, recordingId: video1.id, timeSec: 2, kind: 'event', text: 'gone' }, 'Ann');
    store.notes.delete(gone.id, 'Bram');
    expect(store.notes.listByCycle(cycle.id)).toEqual([keep]);
    expect(store.notes.get(gone.id)).toBeNull();
    expectStoreError(() => store.notes.update(gone.id, { text: 'x' }, 'Bram'), 'not-found');
    store.notes.delete(gone.id); // deleting twice is harmless

    const restored = store.notes.restore(gone.id);
    expect(restored).toMatchObject({ id: gone.id, text: 'gone', timeSec: 2, createdAt: gone.createdAt, author: 'Bram' });
    expect(restored.updatedAt > gone.updatedAt).toBe(true);
    expect(store.notes.listByCycle(cycle.id).map((n) => n.text)).toEqual(['keep', 'gone']);
    expect(store.notes.restore(keep.id)).toEqual(keep); // restoring a live note changes nothing
    expectStoreError(() => store.notes.delete(crypto.randomUUID()), 'not-found');
  });

  it('refuses a note on a recording of another cycle, with a clear message', () => {
    const { cycle, video1 } = seed();
    const otherCycle = store.cycles.create({ trajectoryId: cycle.trajectoryId, title: 'Gesprek 2', date: null }, 'Ann');
    const error = expectStoreError(
      () => store.notes.create({ cycleId: otherCycle.id, recordingId: video1.id, timeSec: 1, kind: 'event', text: 'x' }, 'Ann'),
      'invalid',
      /deel1\.webm.*another cycle/,
    );
    expect(error.params).toMatchObject({ recordingId: video1.id, cycleId: otherCycle.id });
    expectStoreError(
      () => store.notes.create({ cycleId: cycle.id, recordingId: crypto.randomUUID(), timeSec: 1, kind: 'event', text: 'x' }, 'Ann'),
      'not-found',
      /Recording/,
    );
    expect(store.notes.listByCycle(otherCycle.id)).toEqual([]);
    expect(store.notes.listByCycle(cycle.id)).toEqual([]);
  });

  it('refuses times past the end of the recording or below zero, and unknown kinds', () => {
    const { cycle, video2 } = seed();
    const base = { cycleId: cycle.id, recordingId: video2.id, kind: 'event' as NoteKind, text: 'x' };
    const error = expectStoreError(() => store.notes.create({ ...base, timeSec: 301 }, 'Ann'), 'invalid', /past the end of "deel2\.webm" \(5:00\.0\)/);
    expect(error.params).toMatchObject({ durationSec: 300, seconds: 301 });
    expectStoreError(() => store.notes.create({ ...base, timeSec: -1 }, 'Ann'), 'invalid', /timeSec/);
    expectStoreError(() => store.notes.create({ ...base, timeSec: Number.NaN }, 'Ann'), 'invalid');
    expectStoreError(() => store.notes.create({ ...base, timeSec: 1, kind: 'gossip' as NoteKind }, 'Ann'), 'invalid', /kind/);
    // The very end (as a player reports it, a hair past the probed duration) is fine.
    expect(store.notes.create({ ...base, timeSec: 300.2 }, 'Ann').timeSec).toBe(300.2);
    const note = store.notes.create({ ...base, timeSec: 10 }, 'Ann');
    expectStoreError(() => store.notes.update(note.id, { timeSec: 999 }, 'Ann'), 'invalid', /past the end/);
    expect(store.notes.get(note.id)?.timeSec).toBe(10);
  });

  it('accepts any time when the recording length is unknown (duration 0)', () => {
    const { cycle } = seed();
    const unknown = store.recordings.create(
      { cycleId: cycle.id, fileName: 'browser.webm', filePath: '/m/browser.webm', media: media(0), proxyReason: null, proxyState: 'not-needed' },
      'Ann',
    );
    expect(
      store.notes.create({ cycleId: cycle.id, recordingId: unknown.id, timeSec: 4000, kind: 'event', text: 'x' }, 'Ann').timeSec,
    ).toBe(4000);
  });

  it('imports 10,000 notes in one go and lists them in video and time order', () => {
    const { cycle, video1, video2 } = seed();
    // A deterministic shuffle of times across both videos.
    const inputs: NoteCreate[] = [];
    let x = 12345;
    for (let i = 0; i < 10_000; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      const onFirst = i % 3 !== 0;
      inputs.push({
        cycleId: cycle.id,
        recordingId: onFirst ? video1.id : video2.id,
        timeSec: Math.round((x / 2 ** 31) * (onFirst ? 600 : 300) * 1000) / 1000,
        kind: (['transcript', 'event', 'observation'] as const)[i % 3]!,
        text: `note ${i}`,
        speaker: i % 2 === 0 ? 'KM' : 'C',
      });
    }
    const created = store.notes.createMany(inputs, 'Ann');
    expect(created).toHaveLength(10_000);

    const listed = store.notes.listByCycle(cycle.id);
    expect(listed).toHaveLength(10_000);
    const positionOf = new Map([
      [video1.id, 1],
      [video2.id, 2],
    ]);
    for (let i = 1; i < listed.length; i++) {
      const prev = listed[i - 1]!;
      const cur = listed[i]!;
      const prevKey = [positionOf.get(prev.recordingId)!, prev.timeSec];
      const curKey = [positionOf.get(cur.recordingId)!, cur.timeSec];
      const inOrder = prevKey[0]! < curKey[0]! || (prevKey[0] === curKey[0] && prevKey[1]! <= curKey[1]!);
      if (!inOrder) throw new Error(`notes ${i - 1} and ${i} are out of order: ${JSON.stringify([prevKey, curKey])}`);
    }
    expect(new Set(listed.map((n) => n.id))).toEqual(new Set(created.map((n) => n.id)));
    expect(listed.filter((n) => n.recordingId === video2.id)).toHaveLength(3334);
  });

  it('imports all or nothing: one bad note in a batch saves none, and says which one', () => {
    const { cycle, video1 } = seed();
    const good = { cycleId: cycle.id, recordingId: video1.id, kind: 'event' as NoteKind, text: 'ok', timeSec: 1 };
    expectStoreError(
      () => store.notes.createMany([good, good, { ...good, timeSec: 9999 }, good], 'Ann'),
      'invalid',
      /^Note 3 of 4: .*past the end.*Nothing was saved\.$/,
    );
    expect(store.notes.listByCycle(cycle.id)).toEqual([]);
  });
});

describe('fragments', () => {
  it('creates a fragment with sensible defaults and reads it back', () => {
    const { cycle, video1 } = seed();
    const fragment = store.fragments.create({ cycleId: cycle.id, recordingId: video1.id, inSec: 360, outSec: 390 }, 'Ann');
    expect(fragment).toMatchObject({
      cycleId: cycle.id,
      recordingId: video1.id,
      inSec: 360,
      outSec: 390,
      title: '',
      note: '',
      valence: 'positive',
      themes: [],
      forClient: false,
      forCaseManager: false,
      author: 'Ann',
    });
    expect(store.fragments.get(fragment.id)).toEqual(fragment);
  });

  it('keeps every field a researcher sets, through a restart', () => {
    const { cycle, video2 } = seed();
    const fragment = store.fragments.create(
      {
        cycleId: cycle.id,
        recordingId: video2.id,
        inSec: 11.04,
        outSec: 14.2,
        title: 'Oogknipper bij doorvragen',
        note: 'Komt terug bij 3:10',
        valence: 'concern',
        themes: ['authenticity', 'shared-goal'],
        forClient: true,
        forCaseManager: true,
      },
      'Bram',
    );
    store.close();
    store = openStore(root);
    expect(store.fragments.listByCycle(cycle.id)).toEqual([fragment]);
    expect(fragment).toMatchObject({ valence: 'concern', themes: ['authenticity', 'shared-goal'], forClient: true, forCaseManager: true });
  });

  it('lists fragments by video, then by in-point', () => {
    const { cycle, video1, video2 } = seed();
    const add = (recordingId: string, inSec: number) =>
      store.fragments.create({ cycleId: cycle.id, recordingId, inSec, outSec: inSec + 5, title: `${inSec}` }, 'Ann');
    add(video2.id, 1);
    add(video1.id, 200);
    add(video1.id, 20);
    expect(store.fragments.listByCycle(cycle.id).map((f) => [f.recordingId, f.inSec])).toEqual([
      [video1.id, 20],
      [video1.id, 200],
      [video2.id, 1],
    ]);
  });

  it('updates fields and checks the resulting range as a whole', () => {
    const { cycle, video1 } = seed();
    const fragment = store.fragments.create({ cycleId: cycle.id, recordingId: video1.id, inSec: 100, outSec: 130 }, 'Ann');
    const edited = store.fragments.update(fragment.id, { outSec: 140, forCaseManager: true, themes: ['actorship'] }, 'Bram');
    expect(edited).toMatchObject({ inSec: 100, outSec: 140, forCaseManager: true, forClient: false, themes: ['actorship'], author: 'Bram' });
    // Moving only the in-point past the out-point is refused.
    expectStoreError(() => store.fragments.update(fragment.id, { inSec: 150 }, 'Bram'), 'invalid', /end after it starts/);
    expectStoreError(() => store.fragments.update(fragment.id, { outSec: 700 }, 'Bram'), 'invalid', /outSec .* past the end/);
    expect(store.fragments.get(fragment.id)).toEqual(edited);
  });

  it('refuses an empty or reversed range, a range past the end, and a recording of another cycle', () => {
    const { cycle, video1, video2 } = seed();
    const base = { cycleId: cycle.id, recordingId: video2.id };
    expectStoreError(() => store.fragments.create({ ...base, inSec: 30, outSec: 30 }, 'Ann'), 'invalid', /end after it starts/);
    expectStoreError(() => store.fragments.create({ ...base, inSec: 30, outSec: 20 }, 'Ann'), 'invalid');
    expectStoreError(() => store.fragments.create({ ...base, inSec: 290, outSec: 320 }, 'Ann'), 'invalid', /past the end of "deel2\.webm"/);
    expectStoreError(() => store.fragments.create({ ...base, inSec: 1, outSec: 2, valence: 'neutral' as 'positive' }, 'Ann'), 'invalid', /valence/);
    const otherCycle = store.cycles.create({ trajectoryId: cycle.trajectoryId, title: '', date: null }, 'Ann');
    expectStoreError(
      () => store.fragments.create({ cycleId: otherCycle.id, recordingId: video1.id, inSec: 1, outSec: 2 }, 'Ann'),
      'invalid',
      /another cycle/,
    );
    expect(store.fragments.listByCycle(cycle.id)).toEqual([]);
    expect(store.fragments.listByCycle(otherCycle.id)).toEqual([]);
  });

  it('soft-deletes and restores a fragment', () => {
    const { cycle, video1 } = seed();
    const fragment = store.fragments.create({ cycleId: cycle.id, recordingId: video1.id, inSec: 1, outSec: 2, title: 'Raakmoment' }, 'Ann');
    store.fragments.delete(fragment.id);
    expect(store.fragments.listByCycle(cycle.id)).toEqual([]);
    expect(store.fragments.get(fragment.id)).toBeNull();
    expectStoreError(() => store.fragments.update(fragment.id, { title: 'x' }, 'Ann'), 'not-found');
    const restored = store.fragments.restore(fragment.id, 'Bram');
    expect(restored).toMatchObject({ title: 'Raakmoment', inSec: 1, outSec: 2, author: 'Bram' });
    expect(store.fragments.listByCycle(cycle.id)).toEqual([restored]);
  });
});
