// The About dialog's licences: the licence file that came with the ffmpeg build in use when
// there is one (the release workflow's fetched build), otherwise what that build reports; and
// the app's own licence as package.json states it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/services/backend/backend';
import { aboutInfo } from '../../../electron/services/startup/about-info';

const repoRoot = path.resolve(__dirname, '../../..');
const installerFfmpeg = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg').path as string;
const roots: string[] = [];
afterEach(() => {
  delete process.env.VKZ_FFMPEG_PATH;
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A backend whose ffmpeg is `bin/ffmpeg` in a folder of its own (as bin/current of a packaged app). */
function backendWithFfmpegFolder(files: Record<string, string>) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'vkz-about-'));
  roots.push(root);
  const bin = path.join(root, 'bin');
  mkdirSync(bin);
  symlinkSync(installerFfmpeg, path.join(bin, 'ffmpeg'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(bin, name), text);
  process.env.VKZ_FFMPEG_PATH = path.join(bin, 'ffmpeg');
  return createBackend({
    dataDir: path.join(root, 'data'),
    resourcesPath: path.join(repoRoot, 'resources'),
    appVersion: '1.2.3',
    pickMediaFiles: async () => [],
    mediaUrlFor: (id) => `/media/${id}`,
    emit: () => undefined,
  });
}

describe.skipIf(process.platform === 'win32')('About: ffmpeg licence', () => {
  it('shows the licence file and origin shipped with the build in use', async () => {
    const backend = backendWithFfmpegFolder({
      'LICENSE.txt': 'GNU LESSER GENERAL PUBLIC LICENSE\nVersion 2.1, February 1999\n',
      'SOURCE.txt': 'ffmpeg version n7.1\nFrom: https://example.invalid/ffmpeg.tar.xz\n',
    });
    try {
      const about = await aboutInfo({ appVersion: '1.2.3', backend });
      expect(about.licenceTexts.map((l) => l.title)).toEqual(['ffmpeg: LICENSE.txt', 'ffmpeg: SOURCE.txt']);
      expect(about.licenceTexts[0]!.text).toContain('GNU LESSER GENERAL PUBLIC LICENSE');
      expect(about.ffmpeg).toMatchObject({ licenceFileShipped: true });
    } finally {
      backend.close();
    }
  });

  it('without a licence file, says so and names the licence the build reports', async () => {
    const backend = backendWithFfmpegFolder({});
    try {
      const about = await aboutInfo({ appVersion: '1.2.3', backend });
      expect(about.licenceTexts).toEqual([]);
      const ffmpeg = about.components.find((c) => c.name === 'ffmpeg')!;
      expect(ffmpeg.licence).toMatch(/GPL/);
      expect(about.ffmpeg).toEqual({ path: process.env.VKZ_FFMPEG_PATH, licence: ffmpeg.licence, licenceFileShipped: false });
    } finally {
      backend.close();
    }
  });
});

describe("About: the app's own licence", () => {
  it('says what package.json says: no licence granted, all rights reserved', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { license?: string };
    const nl = JSON.parse(readFileSync(path.join(repoRoot, 'resources/i18n/nl.json'), 'utf8')) as Record<string, string>;
    const en = JSON.parse(readFileSync(path.join(repoRoot, 'resources/i18n/en.json'), 'utf8')) as Record<string, string>;
    expect(pkg.license).toBe('UNLICENSED');
    expect(nl['about.appLicence']).toMatch(/alle rechten voorbehouden/i);
    expect(en['about.appLicence']).toMatch(/all rights reserved/i);
  });
});
