// Settings, trajectories, cycles and recordings: what a user creates, sees, changes and
// deletes, checked against a real database file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MediaInfo } from '../../../shared/domain';
import { DEFAULT_SETTINGS, openStore, StoreError, type Store } from '../../../electron/services/store';

let root: string;
let store: Store;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'vkz-store-repos-'));
  store = openStore(root);
});
afterEach(() => {
  store.close();
  rmSync(root, { recursive: true, force: true });
});

function reopen(): Store {
  store.close();
  store = openStore(root);
  return store;
}

function expectStoreError(fn: () => unknown, code: string, message?: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(StoreError);
  expect((caught as StoreError).code).toBe(code);
  if (message) expect((caught as StoreError).message).toMatch(message);
}

const ISO_MS_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const MEDIA: MediaInfo = {
  durationSec: 1800.04,
  formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
  sizeBytes: 250_000_000,
  video: { codec: 'h264', profile: 'High', width: 1920, height: 1080, pixFmt: 'yuv420p', fps: 30, variableFrameRate: true },
  audio: { codec: 'aac', channels: 1, sampleRate: 44100 },
};

function seedCycle(author = 'Ann') {
  const trajectory = store.trajectories.create({ caseManager: 'KM-3', client: 'Cliënt A' }, author);
  const cycle = store.cycles.create({ trajectoryId: trajectory.id, title: 'Gesprek 1', date: '2024-05-14' }, author);
  return { trajectory, cycle };
}

function addRecording(cycleId: string, fileName: string, extra: Partial<Parameters<Store['recordings']['create']>[0]> = {}) {
  return store.recordings.create(
    { cycleId, fileName, filePath: `/media/${fileName}`, media: MEDIA, proxyReason: null, proxyState: 'not-needed', ...extra },
    'Ann',
  );
}

describe('settings', () => {
  it('starts from the defaults: no author yet, Dutch, no custom ffmpeg', () => {
    expect(store.settings.get()).toEqual({ authorName: '', language: 'nl', ffmpegPath: '', ffprobePath: '' });
    expect(store.settings.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('stores a partial update, keeps the other settings, and remembers it after a restart', () => {
    expect(store.settings.update({ authorName: 'Ann de Vries', language: 'en' })).toEqual({
      ...DEFAULT_SETTINGS,
      authorName: 'Ann de Vries',
      language: 'en',
    });
    store.settings.update({ ffmpegPath: '/opt/ffmpeg/bin/ffmpeg' });
    expect(reopen().settings.get()).toEqual({
      authorName: 'Ann de Vries',
      language: 'en',
      ffmpegPath: '/opt/ffmpeg/bin/ffmpeg',
      ffprobePath: '',
    });
  });

  it('refuses an unknown language or setting and changes nothing', () => {
    expectStoreError(() => store.settings.update({ language: 'fr' as 'nl' }), 'invalid', /language/);
    expectStoreError(() => store.settings.update({ theme: 'dark' } as never), 'invalid');
    expect(store.settings.get()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('trajectories', () => {
  it('creates a stamped trajectory and reads it back after a restart', () => {
    const created = store.trajectories.create({ caseManager: '  KM-3 ', client: 'Cliënt A' }, 'Ann');
    expect(created).toMatchObject({ caseManager: 'KM-3', client: 'Cliënt A', author: 'Ann', cycleCount: 0 });
    expect(created.id).toMatch(UUID);
    expect(created.createdAt).toMatch(ISO_MS_UTC);
    expect(created.updatedAt).toBe(created.createdAt);
    expect(reopen().trajectories.get(created.id)).toEqual(created);
    expect(store.trajectories.get(crypto.randomUUID())).toBeNull();
  });

  it('lists by case manager then client, the way people read labels (KM-2 before KM-10), with cycle counts', () => {
    const km10 = store.trajectories.create({ caseManager: 'KM-10', client: 'Cliënt A' }, 'Ann');
    const km2b = store.trajectories.create({ caseManager: 'km-2', client: 'Cliënt B' }, 'Ann');
    const km2a = store.trajectories.create({ caseManager: 'KM-2', client: 'cliënt a' }, 'Ann');
    store.cycles.create({ trajectoryId: km2b.id, title: '', date: null }, 'Ann');
    store.cycles.create({ trajectoryId: km2b.id, title: '', date: null }, 'Ann');
    const list = store.trajectories.list();
    expect(list.map((t) => t.id)).toEqual([km2a.id, km2b.id, km10.id]);
    expect(list.map((t) => t.cycleCount)).toEqual([0, 2, 0]);
  });

  it('updates labels, records who changed them and when, and keeps the creation stamp', () => {
    const created = store.trajectories.create({ caseManager: 'KM-3', client: 'Cliënt A' }, 'Ann');
    const updated = store.trajectories.update(created.id, { client: 'Cliënt B' }, 'Bram');
    expect(updated).toMatchObject({ caseManager: 'KM-3', client: 'Cliënt B', author: 'Bram', createdAt: created.createdAt });
    expect(updated.updatedAt > created.updatedAt).toBe(true);
  });

  it('refuses empty labels and unknown ids with a clear error', () => {
    expectStoreError(() => store.trajectories.create({ caseManager: '   ', client: 'C' }, 'Ann'), 'invalid', /caseManager/);
    expectStoreError(() => store.trajectories.update(crypto.randomUUID(), { client: 'X' }, 'Ann'), 'not-found');
    expectStoreError(() => store.trajectories.update('not-a-uuid', { client: 'X' }, 'Ann'), 'invalid', /id/);
    expect(store.trajectories.get('not-a-uuid')).toBeNull();
    expect(store.trajectories.list()).toEqual([]);
  });

  it('deletes a trajectory with everything below it and returns the proxy files to clean up', () => {
    const { trajectory, cycle } = seedCycle();
    const second = store.cycles.create({ trajectoryId: trajectory.id, title: 'Gesprek 2', date: null }, 'Ann');
    const a = addRecording(cycle.id, 'a.mkv', { proxyReason: 'mkv', proxyState: 'queued' });
    addRecording(cycle.id, 'b.mp4');
    const c = addRecording(second.id, 'c.avi', { proxyReason: 'avi', proxyState: 'queued' });
    store.recordings.updateProxy(a.id, { proxyState: 'done', proxyPath: '/cache/a.mp4' });
    store.recordings.updateProxy(c.id, { proxyState: 'done', proxyPath: '/cache/c.mp4' });
    store.notes.create({ cycleId: cycle.id, recordingId: a.id, timeSec: 3, kind: 'event', text: 'knikt' }, 'Ann');
    store.fragments.create({ cycleId: second.id, recordingId: c.id, inSec: 1, outSec: 4 }, 'Ann');
    const other = store.trajectories.create({ caseManager: 'KM-4', client: 'Cliënt B' }, 'Ann');
    const otherCycle = store.cycles.create({ trajectoryId: other.id, title: '', date: null }, 'Ann');
    const kept = addRecording(otherCycle.id, 'kept.mkv', { proxyReason: 'mkv', proxyState: 'done' });
    store.recordings.updateProxy(kept.id, { proxyState: 'done', proxyPath: '/cache/kept.mp4' });

    expect(store.trajectories.delete(trajectory.id).sort()).toEqual(['/cache/a.mp4', '/cache/c.mp4']);
    expect(store.trajectories.get(trajectory.id)).toBeNull();
    expect(store.cycles.get(cycle.id)).toBeNull();
    expect(store.cycles.get(second.id)).toBeNull();
    expect(store.recordings.get(a.id)).toBeNull();
    expect(store.notes.listByCycle(cycle.id)).toEqual([]);
    expect(store.fragments.listByCycle(second.id)).toEqual([]);
    expect(store.trajectories.list().map((t) => t.id)).toEqual([other.id]);
    expect(store.recordings.get(kept.id)?.proxyPath).toBe('/cache/kept.mp4');
    expect(store.checkIntegrity().ok).toBe(true);
    expectStoreError(() => store.trajectories.delete(trajectory.id), 'not-found');
  });
});

describe('cycles', () => {
  it('numbers new cycles 1, 2, 3 within their trajectory and lists them in that order', () => {
    const { trajectory, cycle } = seedCycle();
    const other = store.trajectories.create({ caseManager: 'KM-4', client: 'Cliënt B' }, 'Ann');
    const elsewhere = store.cycles.create({ trajectoryId: other.id, title: 'Elders', date: null }, 'Ann');
    const second = store.cycles.create({ trajectoryId: trajectory.id, title: 'Gesprek 2', date: null }, 'Bram');
    const third = store.cycles.create({ trajectoryId: trajectory.id, title: 'Gesprek 3', date: '2024-09-01' }, 'Ann');
    expect(store.cycles.listByTrajectory(trajectory.id).map((c) => [c.number, c.title])).toEqual([
      [1, 'Gesprek 1'],
      [2, 'Gesprek 2'],
      [3, 'Gesprek 3'],
    ]);
    expect(elsewhere.number).toBe(1);
    expect(second).toMatchObject({ trajectoryId: trajectory.id, author: 'Bram', date: null });
    expect(store.cycles.get(third.id)).toEqual(third);
    expect(cycle.date).toBe('2024-05-14');
  });

  it('keeps numbers stable after a delete: the next cycle continues after the highest', () => {
    const { trajectory, cycle } = seedCycle();
    const second = store.cycles.create({ trajectoryId: trajectory.id, title: 'Gesprek 2', date: null }, 'Ann');
    store.cycles.delete(cycle.id);
    const third = store.cycles.create({ trajectoryId: trajectory.id, title: 'Gesprek 3', date: null }, 'Ann');
    expect(store.cycles.listByTrajectory(trajectory.id).map((c) => c.number)).toEqual([2, 3]);
    expect(second.number).toBe(2);
    expect(third.number).toBe(3);
  });

  it('updates title and date (and can clear the date)', () => {
    const { cycle } = seedCycle();
    const renamed = store.cycles.update(cycle.id, { title: 'Huisbezoek' }, 'Bram');
    expect(renamed).toMatchObject({ title: 'Huisbezoek', date: '2024-05-14', author: 'Bram' });
    expect(store.cycles.update(cycle.id, { date: null }, 'Bram').date).toBeNull();
    expect(store.cycles.update(cycle.id, { date: '2025-01-31' }, 'Bram').date).toBe('2025-01-31');
  });

  it('refuses an impossible date, an unknown trajectory, and unknown ids', () => {
    const { trajectory, cycle } = seedCycle();
    expectStoreError(() => store.cycles.update(cycle.id, { date: '14-05-2024' }, 'Ann'), 'invalid', /date/);
    expectStoreError(() => store.cycles.create({ trajectoryId: trajectory.id, title: '', date: '2024-02-30' }, 'Ann'), 'invalid');
    expectStoreError(
      () => store.cycles.create({ trajectoryId: crypto.randomUUID(), title: '', date: null }, 'Ann'),
      'not-found',
      /Trajectory/,
    );
    expectStoreError(() => store.cycles.delete(crypto.randomUUID()), 'not-found');
    expect(store.cycles.listByTrajectory(trajectory.id)).toHaveLength(1);
  });

  it('deletes a cycle with its recordings, notes and fragments and returns its proxy paths', () => {
    const { trajectory, cycle } = seedCycle();
    const a = addRecording(cycle.id, 'a.mkv', { proxyReason: 'mkv', proxyState: 'queued' });
    addRecording(cycle.id, 'b.mp4');
    store.recordings.updateProxy(a.id, { proxyState: 'done', proxyPath: '/cache/a.mp4' });
    store.notes.create({ cycleId: cycle.id, recordingId: a.id, timeSec: 1, kind: 'observation', text: 'stilte' }, 'Ann');
    expect(store.cycles.delete(cycle.id)).toEqual(['/cache/a.mp4']);
    expect(store.recordings.listByCycle(cycle.id)).toEqual([]);
    expect(store.trajectories.get(trajectory.id)?.cycleCount).toBe(0);
  });
});

describe('recordings', () => {
  it('adds recordings as video 1, 2, 3 with their media info intact', () => {
    const { cycle } = seedCycle();
    const first = addRecording(cycle.id, 'deel1.mp4');
    const second = addRecording(cycle.id, 'deel2.mkv', { proxyReason: 'Matroska is not playable', proxyState: 'queued' });
    expect(first).toMatchObject({
      cycleId: cycle.id,
      position: 1,
      fileName: 'deel1.mp4',
      filePath: '/media/deel1.mp4',
      media: MEDIA,
      proxyReason: null,
      proxyState: 'not-needed',
      proxyProgress: 0,
      proxyError: null,
      proxyPath: null,
      author: 'Ann',
    });
    expect(second).toMatchObject({ position: 2, proxyState: 'queued', proxyReason: 'Matroska is not playable' });
    expect(reopen().recordings.listByCycle(cycle.id)).toEqual([first, second]);
    expect(store.recordings.get(first.id)).toEqual(first);
  });

  it('stores nothing when the input is incomplete or the cycle does not exist', () => {
    const { cycle } = seedCycle();
    expectStoreError(
      () => store.recordings.create({ cycleId: cycle.id, fileName: 'x.mp4', filePath: '/x.mp4', media: { ...MEDIA, durationSec: -1 }, proxyReason: null, proxyState: 'not-needed' }, 'Ann'),
      'invalid',
      /media\.durationSec/,
    );
    expectStoreError(
      () => store.recordings.create({ cycleId: crypto.randomUUID(), fileName: 'x.mp4', filePath: '/x.mp4', media: MEDIA, proxyReason: null, proxyState: 'not-needed' }, 'Ann'),
      'not-found',
    );
    expect(store.recordings.listByCycle(cycle.id)).toEqual([]);
    expect(addRecording(cycle.id, 'ok.mp4').position).toBe(1);
  });

  it('tracks proxy progress without marking the recording as edited', () => {
    const { cycle } = seedCycle();
    const rec = addRecording(cycle.id, 'call.webm', { proxyReason: 'VP8', proxyState: 'queued' });
    const running = store.recordings.updateProxy(rec.id, { proxyState: 'running', proxyProgress: 0.25 });
    expect(running).toMatchObject({ proxyState: 'running', proxyProgress: 0.25, updatedAt: rec.updatedAt, author: 'Ann' });
    const failed = store.recordings.updateProxy(rec.id, { proxyState: 'failed', proxyError: 'ffmpeg exited with code 1' });
    expect(failed).toMatchObject({ proxyState: 'failed', proxyProgress: 0.25, proxyError: 'ffmpeg exited with code 1' });
    const queued = store.recordings.updateProxy(rec.id, { proxyState: 'queued' });
    expect(queued).toMatchObject({ proxyState: 'queued', proxyProgress: 0, proxyError: null });
    const done = store.recordings.updateProxy(rec.id, { proxyState: 'done', proxyPath: '/cache/call.mp4' });
    expect(done).toMatchObject({ proxyState: 'done', proxyProgress: 1, proxyPath: '/cache/call.mp4', updatedAt: rec.updatedAt });
    expectStoreError(() => store.recordings.updateProxy(rec.id, { proxyState: 'running', proxyProgress: 1.5 }), 'invalid');
    expectStoreError(() => store.recordings.updateProxy(rec.id, { proxyState: 'paused' as 'running' }), 'invalid');
    expect(store.recordings.get(rec.id)).toEqual(done);
  });

  it('relocates a moved file: new path and name, stamped with who did it', () => {
    const { cycle } = seedCycle();
    const rec = addRecording(cycle.id, 'old.mp4');
    const moved = store.recordings.relocate(rec.id, '/Volumes/USB/Gesprek KM-3.mp4', 'Bram');
    expect(moved).toMatchObject({ filePath: '/Volumes/USB/Gesprek KM-3.mp4', fileName: 'Gesprek KM-3.mp4', author: 'Bram', position: 1 });
    expect(moved.updatedAt > rec.updatedAt).toBe(true);
    expectStoreError(() => store.recordings.relocate(rec.id, '', 'Bram'), 'invalid');
  });

  it('reorders the recordings of a cycle and refuses an order that misses or repeats one', () => {
    const { cycle } = seedCycle();
    const [a, b, c] = ['a.mp4', 'b.mp4', 'c.mp4'].map((name) => addRecording(cycle.id, name));
    const reordered = store.recordings.reorder(cycle.id, [c!.id, a!.id, b!.id], 'Bram');
    expect(reordered.map((r) => [r.fileName, r.position])).toEqual([
      ['c.mp4', 1],
      ['a.mp4', 2],
      ['b.mp4', 3],
    ]);
    expect(reordered.every((r) => r.author === 'Bram')).toBe(true);
    expectStoreError(() => store.recordings.reorder(cycle.id, [a!.id, b!.id], 'Bram'), 'invalid', /exactly once/);
    expectStoreError(() => store.recordings.reorder(cycle.id, [a!.id, a!.id, b!.id], 'Bram'), 'invalid');
    const { cycle: otherCycle } = seedCycle();
    const foreign = addRecording(otherCycle.id, 'x.mp4');
    expectStoreError(() => store.recordings.reorder(cycle.id, [a!.id, b!.id, foreign.id], 'Bram'), 'invalid');
    expect(store.recordings.listByCycle(cycle.id).map((r) => r.fileName)).toEqual(['c.mp4', 'a.mp4', 'b.mp4']);
  });

  it('deletes a recording with its notes and fragments, closes the gap in positions, and returns its proxy path', () => {
    const { cycle } = seedCycle();
    const a = addRecording(cycle.id, 'a.mp4');
    const b = addRecording(cycle.id, 'b.mkv', { proxyReason: 'mkv', proxyState: 'queued' });
    const c = addRecording(cycle.id, 'c.mp4');
    store.recordings.updateProxy(b.id, { proxyState: 'done', proxyPath: '/cache/b.mp4' });
    store.notes.create({ cycleId: cycle.id, recordingId: b.id, timeSec: 2, kind: 'event', text: 'valt stil' }, 'Ann');
    const keptNote = store.notes.create({ cycleId: cycle.id, recordingId: c.id, timeSec: 2, kind: 'event', text: 'lacht' }, 'Ann');
    store.fragments.create({ cycleId: cycle.id, recordingId: b.id, inSec: 1, outSec: 3 }, 'Ann');

    expect(store.recordings.delete(b.id)).toBe('/cache/b.mp4');
    expect(store.recordings.delete(a.id)).toBeNull();
    expect(store.recordings.listByCycle(cycle.id).map((r) => [r.fileName, r.position])).toEqual([['c.mp4', 1]]);
    expect(store.notes.listByCycle(cycle.id)).toEqual([keptNote]);
    expect(store.fragments.listByCycle(cycle.id)).toEqual([]);
    expect(addRecording(cycle.id, 'd.mp4').position).toBe(2);
    expectStoreError(() => store.recordings.delete(b.id), 'not-found');
  });
});
