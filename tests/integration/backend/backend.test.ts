// The backend as both shells use it: real SQLite in a temp folder, real ffmpeg on generated
// media, requests validated against the contract, media served by opaque id only.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent, ResponseOf } from '../../../shared/contract';
import { handleAppRequest } from '../../../electron/services/app-request';
import { createBackend, type Backend } from '../../../electron/services/backend/backend';
import { makeFixture } from '../../support/media-fixtures';

const repoRoot = path.resolve(__dirname, '../../..');
let tmp: string;
let backend: Backend;
let media: Record<string, string>;
const dialog: string[][] = [];
const events: AppEvent[] = [];

async function ok<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vkz-backend-'));
  const mediaDir = path.join(tmp, 'media');
  mkdirSync(mediaDir);
  media = {
    playable: await makeFixture('playable-mp4', mediaDir, { durationSec: 10 }),
    proxy: await makeFixture('needs-proxy', mediaDir, { durationSec: 6 }),
    audio: await makeFixture('audio-only', mediaDir, { durationSec: 5 }),
    zero: await makeFixture('zero-byte', mediaDir),
    text: await makeFixture('text-as-mp4', mediaDir),
    truncated: await makeFixture('truncated-mp4', mediaDir),
  };
  backend = createBackend({
    dataDir: path.join(tmp, 'data'),
    resourcesPath: path.join(repoRoot, 'resources'),
    appVersion: 'test',
    pickMediaFiles: async () => dialog.shift() ?? [],
    mediaUrlFor: (id, version) => `/media/${id}?v=${version}`,
    emit: (event) => events.push(event),
  });
});

afterAll(() => {
  backend?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('backend', () => {
  let cycleId: string;
  let trajectoryId: string;

  it('creates a trajectory and a cycle, with the author from settings', async () => {
    await ok(backend.handle('settings.update', { authorName: 'Onderzoeker A' }));
    const trajectory = await ok<ResponseOf<'trajectories.create'>>(
      backend.handle('trajectories.create', { caseManager: 'KM-1', client: 'Cliënt A' }),
    );
    expect(trajectory.author).toBe('Onderzoeker A');
    trajectoryId = trajectory.id;
    const cycle = await ok<ResponseOf<'cycles.create'>>(
      backend.handle('cycles.create', { trajectoryId, title: 'Gesprek 1', date: '2026-11-20' }),
    );
    expect(cycle.number).toBe(1);
    cycleId = cycle.id;
  });

  it('refuses malformed requests and unknown channels with a clear error value', async () => {
    const bad = await backend.handle('trajectories.create', { caseManager: '', client: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const extra = await backend.handle('notes.update', { id: cycleId, patch: { evil: 1 } });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const unknown = await backend.handle('fs.readFile', { path: '/etc/passwd' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('adds playable files at once and refuses broken ones without storing anything', async () => {
    dialog.push([media.playable!, media.audio!, media.zero!, media.text!, media.truncated!]);
    const result = await ok<ResponseOf<'recordings.addViaDialog'>>(backend.handle('recordings.addViaDialog', { cycleId }));
    expect(result.added.map((r) => r.fileName)).toEqual([path.basename(media.playable!), path.basename(media.audio!)]);
    expect(result.added.every((r) => r.mediaUrl !== null && r.proxyState === 'not-needed')).toBe(true);
    expect(result.added[0]!.media.video?.codec).toBe('h264');
    expect(result.added[1]!.media.video).toBeNull();
    expect(result.failed.map((f) => f.code)).toEqual(['media.empty', 'media.not-media', expect.stringMatching(/^media\.(truncated|not-media)$/)]);
    const ws = await ok<ResponseOf<'workspace.get'>>(backend.handle('workspace.get', { cycleId }));
    expect(ws.recordings).toHaveLength(2);
    expect(ws.recordings.map((r) => r.position)).toEqual([1, 2]);
    // The header of the cycle's other pages: the same cycle, trajectory and recordings, no notes.
    const header = await ok<ResponseOf<'cycle.header'>>(backend.handle('cycle.header', { cycleId }));
    expect(header).toEqual({ trajectory: ws.trajectory, cycle: ws.cycle, recordings: ws.recordings });
    await expect(backend.handle('cycle.header', { cycleId: '00000000-0000-4000-8000-000000000000' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'cycle.not-found' },
    });
  });

  it('makes a proxy in the background for a file the player cannot play, and never touches the original', async () => {
    const before = statSync(media.proxy!);
    dialog.push([media.proxy!]);
    const result = await ok<ResponseOf<'recordings.addViaDialog'>>(backend.handle('recordings.addViaDialog', { cycleId }));
    const recording = result.added[0]!;
    expect(recording.proxyReason).not.toBeNull();
    expect(recording.mediaUrl).toBeNull();
    await backend.idle();
    const ws = await ok<ResponseOf<'workspace.get'>>(backend.handle('workspace.get', { cycleId }));
    const done = ws.recordings.find((r) => r.id === recording.id)!;
    expect(done.proxyState).toBe('done');
    expect(done.mediaUrl).toContain('v=proxy');
    expect(done.mediaType).toBe('video/mp4');
    const progress = events.filter((e) => e.type === 'recording.proxy' && e.recordingId === recording.id);
    expect(progress.at(-1)).toMatchObject({ state: 'done' });
    const after = statSync(media.proxy!);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    expect(backend.resolveMediaPath(recording.id)).toMatch(/proxies/);
  });

  it('serves media only by known id, with Range support', async () => {
    const ws = await ok<ResponseOf<'workspace.get'>>(backend.handle('workspace.get', { cycleId }));
    const recording = ws.recordings[0]!;
    const ctx = { rendererDir: path.join(tmp, 'no-renderer'), resolveMediaPath: (id: string) => backend.resolveMediaPath(id) };
    const ranged = await handleAppRequest(
      new Request(`http://127.0.0.1/media/${recording.id}`, { headers: { Range: 'bytes=100-199' } }),
      ctx,
    );
    expect(ranged.status).toBe(206);
    expect((await ranged.arrayBuffer()).byteLength).toBe(100);
    const unknown = await handleAppRequest(new Request('http://127.0.0.1/media/00000000-0000-4000-8000-000000000000'), ctx);
    expect(unknown.status).toBe(404);
    const traversal = await handleAppRequest(new Request('http://127.0.0.1/media/..%2F..%2Fetc%2Fpasswd'), ctx);
    expect(traversal.status).toBe(404);
  });

  it('stores notes and fragments with author and timestamps, soft-deletes and restores them', async () => {
    const ws = await ok<ResponseOf<'workspace.get'>>(backend.handle('workspace.get', { cycleId }));
    const recordingId = ws.recordings[0]!.id;
    const note = await ok<ResponseOf<'notes.create'>>(
      backend.handle('notes.create', { recordingId, timeSec: 6.44, kind: 'observation', text: 'Cliënt kijkt weg' }),
    );
    expect(note).toMatchObject({ author: 'Onderzoeker A', cycleId, timeSec: 6.44 });
    // The page may name a new note (it shows it before the answer); the id of any record is refused.
    const named = await ok<ResponseOf<'notes.create'>>(
      backend.handle('notes.create', { id: '3f9a7c2e-1b4d-4e8a-9c6f-0d2b5e7a1c3f', recordingId, timeSec: 7, kind: 'event', text: 'Deur' }),
    );
    expect(named.id).toBe('3f9a7c2e-1b4d-4e8a-9c6f-0d2b5e7a1c3f');
    for (const id of [named.id, recordingId, cycleId]) {
      const taken = await backend.handle('notes.create', { id, recordingId, timeSec: 8, kind: 'event', text: 'Overschreven?' });
      expect(taken).toMatchObject({ ok: false, error: { code: 'store.invalid' } });
    }
    expect(await ok(backend.handle('notes.delete', { id: named.id }))).toEqual({ done: true });
    await ok(backend.handle('notes.delete', { id: note.id }));
    expect((await ok<ResponseOf<'workspace.get'>>(backend.handle('workspace.get', { cycleId }))).notes).toHaveLength(0);
    await ok(backend.handle('notes.restore', { id: note.id }));
    expect((await ok<ResponseOf<'workspace.get'>>(backend.handle('workspace.get', { cycleId }))).notes).toHaveLength(1);

    const fragment = await ok<ResponseOf<'fragments.create'>>(
      backend.handle('fragments.create', { recordingId, inSec: 2, outSec: 4, themes: ['authenticity'] }),
    );
    expect(fragment.themes).toEqual(['authenticity']);
    const outOfRange = await backend.handle('fragments.create', { recordingId, inSec: 5, outSec: 4 });
    expect(outOfRange.ok).toBe(false);
  });

  it('shows a moved file as missing and finds it again at its new place', async () => {
    const moved = path.join(tmp, 'moved.mp4');
    copyFileSync(media.playable!, moved);
    dialog.push([moved]);
    const added = (await ok<ResponseOf<'recordings.addViaDialog'>>(backend.handle('recordings.addViaDialog', { cycleId }))).added[0]!;
    const elsewhere = path.join(tmp, 'elsewhere.mp4');
    renameSync(moved, elsewhere);
    let ws = await ok<ResponseOf<'workspace.get'>>(backend.handle('workspace.get', { cycleId }));
    expect(ws.recordings.find((r) => r.id === added.id)).toMatchObject({ missing: true, mediaUrl: null });

    dialog.push([media.audio!]); // a different recording: refused
    const wrong = await backend.handle('recordings.relocate', { id: added.id });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'recording.different-file' } });

    dialog.push([elsewhere]);
    await ok(backend.handle('recordings.relocate', { id: added.id }));
    ws = await ok<ResponseOf<'workspace.get'>>(backend.handle('workspace.get', { cycleId }));
    expect(ws.recordings.find((r) => r.id === added.id)).toMatchObject({ missing: false, filePath: elsewhere });
  });

  it('deleting the trajectory removes its data and proxies, never the user\'s files', async () => {
    const proxies = path.join(tmp, 'data', 'proxies');
    await ok(backend.handle('trajectories.delete', { id: trajectoryId }));
    expect(await ok<unknown[]>(backend.handle('trajectories.list', {}))).toEqual([]);
    expect(existsSync(proxies) ? readdirSync(proxies) : []).toEqual([]);
    for (const file of [media.playable!, media.proxy!, media.audio!]) expect(existsSync(file)).toBe(true);
  });

  it('lists the shipped frameworks', async () => {
    const list = await ok<ResponseOf<'frameworks.list'>>(backend.handle('frameworks.list', {}));
    expect(list.errors).toEqual([]);
    expect((list.frameworks as { id: string }[]).map((f) => f.id).sort()).toEqual(['kijkwijzer', 'samenleerwijzer']);
  });
});
