// Privileged operations happen only in main: the page can't name a program for the backend to
// run (ffmpeg/ffprobe are chosen in main's dialog and checked by running `-version` with a time
// limit), and can't name files to add (dropped files come through the shell's own channel,
// which the page's relay does not reach).
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/services/backend/backend';
import { makeFixture } from '../../support/media-fixtures';

const repoRoot = path.resolve(__dirname, '../../..');
let tmp: string;
let backend: Backend;
const programDialog: (string | null)[] = [];

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vkz-privileged-'));
  backend = createBackend({
    dataDir: path.join(tmp, 'data'),
    resourcesPath: path.join(repoRoot, 'resources'),
    appVersion: 'test',
    pickMediaFiles: async () => [],
    pickBinaryFile: async () => programDialog.shift() ?? null,
    mediaUrlFor: (id, version) => `/media/${id}?v=${version}`,
    emit: () => undefined,
  });
});

afterAll(() => {
  backend.close();
  rmSync(tmp, { recursive: true, force: true });
});

function script(name: string, body: string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

describe('the ffmpeg and ffprobe programs', () => {
  it('cannot be set by the page', async () => {
    const marker = path.join(tmp, 'ran');
    const evil = script('evil', `touch ${marker}`);
    const result = await backend.handle('settings.update', { ffmpegPath: evil });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(backend.store.settings.get().ffmpegPath).toBe('');
  });

  it('are stored only when the chosen file answers -version as that program', async () => {
    const marker = path.join(tmp, 'ran-too');
    programDialog.push(script('not-ffmpeg', `touch ${marker}; echo "hello"`));
    const refused = await backend.handle('settings.chooseBinary', { which: 'ffmpeg' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'settings.not-binary', params: { which: 'ffmpeg' } } });
    expect(backend.store.settings.get().ffmpegPath).toBe('');

    const ffprobe = execFileSync('sh', ['-c', 'command -v ffprobe']).toString().trim();
    programDialog.push(ffprobe);
    const stored = await backend.handle('settings.chooseBinary', { which: 'ffprobe' });
    expect(stored).toMatchObject({ ok: true, value: { ffprobePath: ffprobe } });
    // ffprobe is not ffmpeg.
    programDialog.push(ffprobe);
    expect(await backend.handle('settings.chooseBinary', { which: 'ffmpeg' })).toMatchObject({ ok: false, error: { code: 'settings.not-binary' } });

    expect(await backend.handle('settings.resetBinary', { which: 'ffprobe' })).toMatchObject({ ok: true, value: { ffprobePath: '' } });
    programDialog.push(null); // the user cancelled the dialog
    expect(await backend.handle('settings.chooseBinary', { which: 'ffmpeg' })).toMatchObject({ ok: true, value: { ffmpegPath: '' } });
  });

  it('are refused when the chosen program does not answer within the time limit', { timeout: 30_000 }, async () => {
    programDialog.push(script('hangs', 'sleep 60'));
    const result = await backend.handle('settings.chooseBinary', { which: 'ffmpeg' });
    expect(result).toMatchObject({ ok: false, error: { code: 'settings.not-binary' } });
    expect(backend.store.settings.get().ffmpegPath).toBe('');
  });
});

describe('dropped files', () => {
  it('are added only through the shell’s drop channel; the page’s relay does not know it', async () => {
    const video = await makeFixture('playable-mp4', path.join(tmp, 'media'), { durationSec: 3 });
    const t = await backend.handle('trajectories.create', { caseManager: 'KM-1', client: 'Cliënt A' });
    const trajectoryId = (t as { value: { id: string } }).value.id;
    const c = await backend.handle('cycles.create', { trajectoryId, title: 'x', date: null });
    const cycleId = (c as { value: { id: string } }).value.id;

    const viaRelay = await backend.handle('recordings.addDropped', { cycleId, paths: [video] });
    expect(viaRelay).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/Unknown channel/) } });
    expect(backend.store.recordings.listByCycle(cycleId)).toEqual([]);

    const dropped = await backend.addDropped({ cycleId, paths: [video] });
    expect(dropped).toMatchObject({ ok: true, value: { added: [{ fileName: path.basename(video) }] } });
    expect(await backend.addDropped({ cycleId, paths: [] })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
