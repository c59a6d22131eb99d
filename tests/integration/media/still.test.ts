// A fragment's still frame with real ffmpeg (the bundled 2018 build and, when installed, the
// system's) on a recording whose every frame differs from its neighbours (clip-media.ts): the
// JPEG has the asked width and is the frame SHOWN at the moment, the same picture ffmpeg gives
// when it decodes the whole file and picks that frame by number; a cached still is reused; a
// failure leaves no file behind.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateBinaries, type MediaBinaries } from '../../../electron/services/media/binaries';
import { MediaError } from '../../../electron/services/media/errors';
import { jpegSize, takeStill } from '../../../electron/services/media/still';
import { removeFixtureDir } from '../../support/media-fixtures';
import { FPS, HEIGHT, makeNumberedRecording, WIDTH } from '../clips/clip-media';

const execFileAsync = promisify(execFile);
const bundled = await locateBinaries({ env: {} });
const system = await locateBinaries({ ffmpegSetting: 'ffmpeg', ffprobeSetting: 'ffprobe', env: {} });
const binarySets: [string, MediaBinaries][] = [['bundled 2018 ffmpeg', bundled]];
if (system.ffmpegSource === 'setting') binarySets.push(['system ffmpeg', system]);

let dir: string;
let recording: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vkz-still-'));
  // Keyframes every 2 s: the moments below are not on one, so the seek has to decode to them.
  recording = await makeNumberedRecording(dir, 8);
});
afterAll(() => removeFixtureDir(dir));

/** ffmpeg's own picture of frame `n`: the whole file decoded, that frame picked by number, scaled and encoded like a still. */
async function referenceFrame(bin: MediaBinaries, n: number, width: number, output: string): Promise<string> {
  await execFileAsync(bin.ffmpeg, [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-y', '-i', recording, '-map', '0:v:0',
    '-vf', `select=eq(n\\,${n}),scale=${width}:-2`, '-frames:v', '1', '-q:v', '3', '-f', 'image2', '-update', '1', output,
  ]);
  return output;
}

/** The decoded luma of a JPEG, one byte per pixel. */
async function luma(bin: MediaBinaries, file: string): Promise<Buffer> {
  const { stdout } = await execFileAsync(
    bin.ffmpeg,
    ['-hide_banner', '-nostdin', '-loglevel', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'gray', '-'],
    { encoding: 'buffer', maxBuffer: 16 * 1024 * 1024 },
  );
  return stdout;
}

function meanAbsDifference(a: Buffer, b: Buffer): number {
  expect(a.length).toBe(b.length);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

describe.each(binarySets)('with the %s', (name, bin) => {
  const out = (file: string) => path.join(dir, name.replace(/\W+/g, '-'), file);

  it('takes the frame shown at 5.23 s (frame 130, from 5.20 s), not the next one, at the video\'s width', async () => {
    const output = out('still-5230-320.jpg');
    const still = await takeStill(bin, { input: recording, timeSec: 5.23, output, width: WIDTH, fps: FPS });
    expect(still).toEqual({ output, width: WIDTH, height: HEIGHT, reused: false });
    expect(jpegSize(await readFile(output))).toEqual({ width: WIDTH, height: HEIGHT });

    const picture = await luma(bin, output);
    const differences = new Map<number, number>();
    for (const n of [129, 130, 131]) {
      const ref = await referenceFrame(bin, n, WIDTH, out(`ref-${n}.jpg`));
      differences.set(n, meanAbsDifference(picture, await luma(bin, ref)));
    }
    // The same picture (at most JPEG rounding), and clearly not a neighbour.
    expect(differences.get(130)).toBeLessThan(0.5);
    expect(differences.get(129)).toBeGreaterThan(differences.get(130)! + 1);
    expect(differences.get(131)).toBeGreaterThan(differences.get(130)! + 1);
  });

  it('scales to the asked width, height in proportion, on a keyframe-free moment exactly on a frame (3.0 s = frame 75)', async () => {
    const output = out('still-3000-160.jpg');
    const still = await takeStill(bin, { input: recording, timeSec: 3, output, width: 160, fps: FPS });
    expect([still.width, still.height]).toEqual([160, 90]);
    const ref = await referenceFrame(bin, 75, 160, out('ref-75-160.jpg'));
    expect(meanAbsDifference(await luma(bin, output), await luma(bin, ref))).toBeLessThan(0.5);
  });

  it('reuses a still that is there, and leaves no partial file', async () => {
    const output = out('still-5230-320.jpg');
    const before = await stat(output);
    const again = await takeStill(bin, { input: recording, timeSec: 5.23, output, width: WIDTH, fps: FPS });
    expect(again.reused).toBe(true);
    expect((await stat(output)).mtimeMs).toBe(before.mtimeMs);
    expect((await readdir(path.dirname(output))).filter((f) => f.includes('.part'))).toEqual([]);
  });

  it('fails with a MediaError, leaving nothing, past the end of the video or without the recording', async () => {
    const past = out('still-60000-320.jpg');
    await expect(takeStill(bin, { input: recording, timeSec: 60, output: past, width: WIDTH, fps: FPS })).rejects.toBeInstanceOf(MediaError);
    const files = await readdir(path.dirname(past));
    expect(files.filter((f) => f.startsWith('still-60000'))).toEqual([]);
    await expect(
      takeStill(bin, { input: path.join(dir, 'gone.mp4'), timeSec: 1, output: out('still-1000-320.jpg'), width: WIDTH }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });
});
