// Clip export through the backend as both shells use it: the contract's channels, the save
// dialog, pseudonymised file names, progress events, cancel, the showreel of an agenda, and
// the `/clips/<id>` preview route that serves only this session's clips.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent, ResponseOf } from '../../../shared/contract';
import { handleAppRequest } from '../../../electron/services/app-request';
import { createBackend, type Backend } from '../../../electron/services/backend/backend';
import { locateBinaries } from '../../../electron/services/media/binaries';
import { makeNumberedRecording, probeFacts } from './clip-media';

type ClipEvent = Extract<AppEvent, { type: 'clip.progress' }>;
const repoRoot = path.resolve(__dirname, '../../..');
const FRAME = 0.04;
let tmp: string;
let out: string;
let backend: Backend;
const saveDialog: (string | null)[] = [];
const saveRequests: { defaultName: string; extensions: string[] }[] = [];
const events: ClipEvent[] = [];
let cycleId: string;
let recordingId: string;
let talkId: string;
let themeOnlyId: string;

async function ok<C extends keyof import('../../../shared/contract').Contract>(
  channel: C,
  request: unknown,
): Promise<ResponseOf<C>> {
  const result = await backend.handle(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as ResponseOf<C>;
}

const eventsOf = (jobId: string) => events.filter((e) => e.jobId === jobId);
const bin = await locateBinaries({ env: process.env });

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vkz-clips-backend-'));
  out = path.join(tmp, 'out');
  mkdirSync(out);
  const recording = await makeNumberedRecording(path.join(tmp, 'media'), 12);
  const dialog = [[recording]];
  backend = createBackend({
    dataDir: path.join(tmp, 'data'),
    resourcesPath: path.join(repoRoot, 'resources'),
    appVersion: 'test',
    pickMediaFiles: async () => dialog.shift() ?? [],
    pickSavePath: async (request) => {
      saveRequests.push(request);
      return saveDialog.shift() ?? null;
    },
    mediaUrlFor: (id, version) => `/media/${id}?v=${version}`,
    emit: (event) => {
      if (event.type === 'clip.progress') events.push(event);
    },
  });
  const trajectory = await ok('trajectories.create', { caseManager: 'KM-1', client: 'Cliënt Jan' });
  const cycle = await ok('cycles.create', { trajectoryId: trajectory.id, title: 'Gesprek met Jan', date: null });
  cycleId = cycle.id;
  const { added } = await ok('recordings.addViaDialog', { cycleId });
  recordingId = added[0]!.id;
  await ok('pseudonyms.set', { trajectoryId: trajectory.id, list: [{ name: 'Jan', replacement: '[naam cliënt]' }] });
  const talk = await ok('fragments.create', { recordingId, inSec: 3, outSec: 7, title: 'Jan twijfelt: werk?' });
  const themeOnly = await ok('fragments.create', { recordingId, inSec: 1, outSec: 2, themes: ['authenticity'] });
  talkId = talk.id;
  themeOnlyId = themeOnly.id;
});

afterAll(() => {
  backend?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('clips through the backend', () => {
  it('exports one clip where the save dialog says, with progress events and a preview id', async () => {
    const target = path.join(out, 'een clip.mp4');
    saveDialog.push(target);
    const { jobId, path: chosen } = await ok('clips.export', { fragmentIds: [talkId], burnTimecode: false });
    expect(jobId).toEqual(expect.any(String));
    expect(chosen).toBe(target);
    // The dialog proposed a pseudonymised name with the range; no colon in a file name.
    expect(saveRequests.at(-1)).toEqual({ defaultName: '[naam cliënt] twijfelt- werk 0m03s-0m07s.mp4', extensions: ['mp4'] });
    await backend.idle();

    const states = eventsOf(jobId!).map((e) => e.state);
    expect(states[0]).toBe('queued');
    expect(states.at(-1)).toBe('done');
    const done = eventsOf(jobId!).at(-1)!;
    expect(done).toMatchObject({ kind: 'clips', progress: 1, path: target });
    expect(done.clips).toHaveLength(1);
    const clip = done.clips![0]!;
    expect(clip.url).toBe(`/clips/${clip.id}`);
    expect(backend.resolveClipPath(clip.id)).toBe(target);

    const facts = await probeFacts(bin, target);
    expect(Math.abs(facts.formatDuration - 4)).toBeLessThanOrEqual(FRAME);
    expect(facts.video?.frames).toBe(100);
  });

  it('serves /clips/<id> with ranges, and nothing but this session\'s clips', async () => {
    const done = events.find((e) => e.state === 'done' && e.clips?.length)!;
    const id = done.clips![0]!.id;
    const ctx = {
      rendererDir: path.join(tmp, 'no-renderer'),
      resolveMediaPath: (rid: string) => backend.resolveMediaPath(rid),
      resolveClipPath: (cid: string) => backend.resolveClipPath(cid),
    };
    const get = (url: string, headers: Record<string, string> = {}) =>
      handleAppRequest(new Request(`http://127.0.0.1${url}`, { headers }), ctx);
    const whole = await get(`/clips/${id}`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    const part = await get(`/clips/${id}`, { Range: 'bytes=0-99' });
    expect(part.status).toBe(206);
    expect((await part.arrayBuffer()).byteLength).toBe(100);
    // A recording's id, an unknown id, a path: not found.
    expect((await get(`/clips/${recordingId}`)).status).toBe(404);
    expect((await get('/clips/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await get('/clips/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await get(`/clips/${encodeURIComponent(path.join(out, 'een clip.mp4'))}`)).status).toBe(404);
    expect((await get(`/media/${id}`)).status).toBe(404);
  });

  it('exports a batch of two into a new folder, one file per fragment, numbered and pseudonymised', async () => {
    const folder = path.join(out, 'batch');
    saveDialog.push(folder);
    const { jobId } = await ok('clips.export', { fragmentIds: [talkId, themeOnlyId], burnTimecode: false });
    expect(saveRequests.at(-1)).toEqual({ defaultName: 'Clips KM-1 · Cliënt [naam cliënt] - Gesprek met [naam cliënt]', extensions: ['*'] });
    await backend.idle();
    const done = eventsOf(jobId!).at(-1)!;
    expect(done.state).toBe('done');
    expect(done.path).toBe(folder);
    expect(readdirSync(folder).sort()).toEqual(['01 [naam cliënt] twijfelt- werk 0m03s-0m07s.mp4', '02 Echtheid 0m01s-0m02s.mp4']);
    expect(done.clips!.map((c) => c.fileName)).toEqual(['01 [naam cliënt] twijfelt- werk 0m03s-0m07s.mp4', '02 Echtheid 0m01s-0m02s.mp4']);
    const second = await probeFacts(bin, path.join(folder, '02 Echtheid 0m01s-0m02s.mp4'));
    expect(second.video?.frames).toBe(25);
    expect(Math.abs(second.formatDuration - 1)).toBeLessThanOrEqual(FRAME);
  });

  it('does nothing when the save dialog is cancelled', async () => {
    const before = events.length;
    const result = await ok('clips.export', { fragmentIds: [talkId], burnTimecode: true });
    expect(result).toEqual({ jobId: null, path: null });
    expect(events.length).toBe(before);
  });

  it('cancelling a batch mid-way removes every file it made and the folder it created', async () => {
    const long = await ok('fragments.create', { recordingId, inSec: 0, outSec: 12, title: 'lang' });
    const folder = path.join(out, 'cancelled batch');
    saveDialog.push(folder);
    const { jobId } = await ok('clips.export', { fragmentIds: [themeOnlyId, long.id], burnTimecode: true });
    // Wait until the first clip is written and the second is being made, then cancel.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !(existsSync(folder) && readdirSync(folder).some((f) => f.startsWith('02 ') && f.includes('.part.')))) {
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(readdirSync(folder)).toContain('01 Echtheid 0m01s-0m02s.mp4');
    expect(await ok('clips.cancel', { jobId })).toEqual({ cancelled: true });
    await backend.idle();
    expect(eventsOf(jobId!).at(-1)).toMatchObject({ state: 'cancelled' });
    expect(existsSync(folder)).toBe(false);
    expect(await ok('clips.cancel', { jobId })).toEqual({ cancelled: false });
    await ok('fragments.delete', { id: long.id });
  });

  it('makes a showreel of the reflection agenda in order, as long as its fragments', async () => {
    await ok('fragments.update', { id: talkId, patch: { forCaseManager: true } });
    await ok('fragments.update', { id: themeOnlyId, patch: { forCaseManager: true } });
    await ok('method.buildReflectionAgenda', { cycleId });
    const playlist = await ok('review.playlist', { cycleId, source: { kind: 'reflection' } });
    expect(playlist.map((e) => e.fragmentId).sort()).toEqual([talkId, themeOnlyId].sort());

    const target = path.join(out, 'showreel.mp4');
    saveDialog.push(target);
    const { jobId } = await ok('clips.showreel', { cycleId, source: 'reflection', titleCards: false });
    expect(saveRequests.at(-1)!.defaultName).toBe('Showreel KM-1 · Cliënt [naam cliënt] - Gesprek met [naam cliënt] - reflectiegesprek.mp4');
    await backend.idle();
    const done = eventsOf(jobId!).at(-1)!;
    expect(done).toMatchObject({ kind: 'showreel', state: 'done', path: target });
    const facts = await probeFacts(bin, target);
    expect(Math.abs(facts.formatDuration - 5)).toBeLessThanOrEqual(2 * FRAME);
    expect(facts.video?.frames).toBe(125);
  });

  it('refuses a showreel of an agenda without fragments, and an unknown fragment before any dialog', async () => {
    const dialogs = saveRequests.length;
    const result = await backend.handle('clips.showreel', { cycleId, source: 'interview' });
    expect(result).toMatchObject({ ok: false, error: { code: 'clips.showreel-empty' } });
    const unknown = await backend.handle('clips.export', {
      fragmentIds: [talkId, '00000000-0000-4000-8000-000000000000'],
      burnTimecode: false,
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'fragment.not-found' } });
    expect(saveRequests.length).toBe(dialogs);
  });
});
