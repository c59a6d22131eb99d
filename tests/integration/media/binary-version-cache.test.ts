// What `-version` said about an ffmpeg/ffprobe is remembered in the data folder per path, size
// and modification time, so a start doesn't run every candidate again; a changed binary (an
// update replaced it) is asked again. Real binaries: a script standing in for ffmpeg counts how
// often it is run.
import { chmodSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BinaryVersionCache } from '../../../electron/services/media/binary-version-cache';
import { locateBinaries } from '../../../electron/services/media/binaries';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'vkz-version-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in ffmpeg/ffprobe that notes each run in `<name>.runs` and answers -version. */
function countingTool(name: 'ffmpeg' | 'ffprobe', version: string): string {
  const file = path.join(dir, name);
  writeFileSync(
    file,
    `#!/bin/sh\necho run >> "${file}.runs"\necho "${name} version ${version} Copyright (c) 2000-2025 the FFmpeg developers"\necho "libavutil      59. 39.100 / 59. 39.100"\n`,
  );
  chmodSync(file, 0o755);
  return file;
}
const runs = (file: string) => {
  try {
    return readFileSync(`${file}.runs`, 'utf8').trim().split('\n').length;
  } catch {
    return 0;
  }
};

describe.skipIf(process.platform === 'win32')('the -version answers remembered per binary', () => {
  it('asks each binary once across starts, and again when it changed', async () => {
    const ffmpeg = countingTool('ffmpeg', '7.1-a');
    const ffprobe = countingTool('ffprobe', '7.1-a');
    const cacheFile = path.join(dir, 'data', 'binary-versions.json');
    const locate = () =>
      locateBinaries({ ffmpegSetting: ffmpeg, ffprobeSetting: ffprobe, env: {}, versionCache: new BinaryVersionCache(cacheFile) });

    const first = await locate();
    expect(first.ffmpegVersion.version).toBe('7.1-a');
    expect([runs(ffmpeg), runs(ffprobe)]).toEqual([1, 1]);

    const second = await locate(); // a new start: a new cache object reading the same file
    expect(second.ffmpegVersion).toEqual(first.ffmpegVersion);
    expect([runs(ffmpeg), runs(ffprobe)]).toEqual([1, 1]);

    // An update replaces ffmpeg: other size and time, so it is asked again.
    countingTool('ffmpeg', '7.1.1-b');
    utimesSync(ffmpeg, new Date(), new Date(Date.now() + 5000));
    const third = await locate();
    expect(third.ffmpegVersion.version).toBe('7.1.1-b');
    expect(runs(ffmpeg)).toBe(2);
  });

  it('a damaged cache file is ignored, not trusted', async () => {
    const ffmpeg = countingTool('ffmpeg', '7.1-a');
    const ffprobe = countingTool('ffprobe', '7.1-a');
    const cacheFile = path.join(dir, 'binary-versions.json');
    writeFileSync(cacheFile, '{"entries": {"x": 1');
    const found = await locateBinaries({ ffmpegSetting: ffmpeg, ffprobeSetting: ffprobe, env: {}, versionCache: new BinaryVersionCache(cacheFile) });
    expect(found.ffmpegVersion.version).toBe('7.1-a');
    expect(runs(ffmpeg)).toBe(1);
  });

  it('an entry of the wrong shape is asked again; the well-formed entries beside it still count', async () => {
    const ffmpeg = countingTool('ffmpeg', '7.1-a');
    const ffprobe = countingTool('ffprobe', '7.1-a');
    const cacheFile = path.join(dir, 'binary-versions.json');
    const locate = () =>
      locateBinaries({ ffmpegSetting: ffmpeg, ffprobeSetting: ffprobe, env: {}, versionCache: new BinaryVersionCache(cacheFile) });
    await locate();
    // Same path, size and time as the real file, but a version whose libavutil is no triple.
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as { entries: Record<string, { version: { libavutil: unknown } }> };
    stored.entries[ffmpeg]!.version.libavutil = '59.39.100';
    writeFileSync(cacheFile, JSON.stringify(stored));

    const again = await locate();
    expect(again.ffmpegVersion.libavutil).toEqual([59, 39, 100]);
    expect([runs(ffmpeg), runs(ffprobe)]).toEqual([2, 1]);
  });
});
