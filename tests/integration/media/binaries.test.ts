// locateBinaries against the real binaries on this machine: the npm-bundled ffmpeg/ffprobe and,
// when installed, the ones on PATH.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findWorkingBinary, locateBinaries } from '../../../electron/services/media/binaries';
import { compareToolVersions } from '../../../electron/services/media/binary-version';
import { MediaError } from '../../../electron/services/media/errors';

const require = createRequire(import.meta.url);
const bundledFfmpeg = (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
const bundledFfprobe = (require('@ffprobe-installer/ffprobe') as { path: string }).path;

function onPath(tool: string): string | null {
  try {
    return execFileSync('which', [tool], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}
const systemFfmpeg = onPath('ffmpeg');
const systemFfprobe = onPath('ffprobe');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'vkz-binaries-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('locateBinaries', () => {
  it('uses the newest of the bundled and the PATH builds when nothing is configured', async () => {
    const found = await locateBinaries({ env: {} });
    expect(found.skipped).toBeUndefined();
    const bundled = await locateBinaries({ ffmpegSetting: bundledFfmpeg, ffprobeSetting: bundledFfprobe, env: {} });
    expect(compareToolVersions(found.ffmpegVersion, bundled.ffmpegVersion)).toBeGreaterThanOrEqual(0);
    expect(compareToolVersions(found.ffprobeVersion, bundled.ffprobeVersion)).toBeGreaterThanOrEqual(0);
    if (systemFfmpeg) {
      const system = await locateBinaries({ ffmpegSetting: systemFfmpeg, env: {} });
      expect(compareToolVersions(found.ffmpegVersion, system.ffmpegVersion)).toBeGreaterThanOrEqual(0);
    }
    // The 2018 installer build loses to any current ffmpeg on PATH.
    expect(bundled.ffmpegVersion.buildYear).toBe(2018);
    if (systemFfmpeg) expect(found.ffmpegSource).toBe('path');
  });

  it.runIf(systemFfmpeg && systemFfprobe)('prefers the user setting over environment and bundled', async () => {
    const found = await locateBinaries({
      ffmpegSetting: systemFfmpeg!,
      ffprobeSetting: systemFfprobe!,
      env: { VKZ_FFMPEG_PATH: bundledFfmpeg, VKZ_FFPROBE_PATH: bundledFfprobe },
    });
    expect(found).toMatchObject({
      ffmpeg: systemFfmpeg,
      ffprobe: systemFfprobe,
      ffmpegSource: 'setting',
      ffprobeSource: 'setting',
    });
  });

  it.runIf(systemFfmpeg)('prefers the environment variable over the bundled binary', async () => {
    const found = await locateBinaries({ env: { VKZ_FFMPEG_PATH: systemFfmpeg! } });
    expect(found).toMatchObject({ ffmpeg: systemFfmpeg, ffmpegSource: 'environment', ffprobeSource: 'bundled' });
  });

  it('skips a setting that does not work, says so, and uses the next candidate', async () => {
    const found = await locateBinaries({
      ffmpegSetting: path.join(dir, 'no-such-ffmpeg'),
      env: { VKZ_FFMPEG_PATH: bundledFfmpeg },
    });
    expect(found).toMatchObject({ ffmpeg: bundledFfmpeg, ffmpegSource: 'environment' });
    expect(found.skipped).toEqual([
      { tool: 'ffmpeg', source: 'setting', path: path.join(dir, 'no-such-ffmpeg'), reason: 'file does not exist' },
    ]);
  });

  it('skips a setting that points at the wrong program (ffprobe chosen as ffmpeg)', async () => {
    const found = await locateBinaries({ ffmpegSetting: bundledFfprobe, env: {} });
    expect(found.ffmpegSource).not.toBe('setting');
    expect(found.skipped?.[0]).toMatchObject({ source: 'setting', reason: 'does not identify itself as ffmpeg' });
  });

  it('skips a file that is not executable', async () => {
    const fake = path.join(dir, 'fake-ffmpeg');
    writeFileSync(fake, 'not a program');
    chmodSync(fake, 0o644);
    const found = await locateBinaries({ ffmpegSetting: fake, env: {} });
    expect(found.ffmpegSource).not.toBe('setting');
    expect(found.skipped?.[0]?.path).toBe(fake);
  });

  it("finds the packaged app's binaries in <resourcesPath>/bin", async () => {
    const resources = path.join(dir, 'resources');
    mkdirSync(path.join(resources, 'bin', 'current'), { recursive: true });
    // bin/current: the current build the release workflow ships; as new as anything on PATH.
    symlinkSync(systemFfmpeg ?? bundledFfmpeg, path.join(resources, 'bin', 'current', 'ffmpeg'));
    symlinkSync(bundledFfmpeg, path.join(resources, 'bin', 'ffmpeg'));
    copyFileSync(bundledFfprobe, path.join(resources, 'bin', 'ffprobe'));
    chmodSync(path.join(resources, 'bin', 'ffprobe'), 0o755);
    const found = await locateBinaries({ env: {}, resourcesPath: resources });
    expect(found).toMatchObject({
      ffmpeg: path.join(resources, 'bin', 'current', 'ffmpeg'),
      ffprobe: path.join(resources, 'bin', 'ffprobe'),
      ffmpegSource: 'bundled',
      ffprobeSource: 'bundled',
    });
  });

  it("throws 'no-ffmpeg' naming everything it tried when nothing works", async () => {
    const candidates = [
      { source: 'setting' as const, path: path.join(dir, 'gone', 'ffmpeg') },
      { source: 'bundled' as const, path: bundledFfprobe }, // answers, but as ffprobe
      { source: 'path' as const, path: 'vkz-no-such-ffmpeg' },
    ];
    const error = await findWorkingBinary('ffmpeg', candidates).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaError);
    // The backend turns it into the app error 'media.no-ffmpeg' by name and code.
    expect(error).toMatchObject({ name: 'MediaError', code: 'no-ffmpeg' });
    const message = (error as MediaError).message;
    expect(message).toContain(`setting ${path.join(dir, 'gone', 'ffmpeg')} (file does not exist)`);
    expect(message).toContain('does not identify itself as ffmpeg');
    expect(message).toContain('path vkz-no-such-ffmpeg (not found)');
  });
});
