// Fragment clips and showreels with real ffmpeg on a recording whose frames carry their own
// number, with the bundled 2018 ffmpeg and (when installed) the system's: the cut is on the
// right frames, the file is what a phone plays, and cancel leaves nothing behind.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaInfo } from '../../../shared/domain';
import { locateBinaries, type MediaBinaries } from '../../../electron/services/media/binaries';
import { exportClip, findTimecodeBurnIn, findTimecodeFont } from '../../../electron/services/media/clip';
import { MediaError } from '../../../electron/services/media/errors';
import { hasFaststartLayout, inspectIsoBmff } from '../../../electron/services/media/mp4-boxes';
import { probeMedia } from '../../../electron/services/media/probe';
import { exportShowreel } from '../../../electron/services/media/showreel';
import { TITLE_CARD_SEC } from '../../../electron/services/media/showreel-args';
import { removeFixtureDir } from '../../support/media-fixtures';
import { FPS, frameCode, identifyFrame, makeNumberedRecording, probeFacts, stripMeans } from './clip-media';

const FRAME = 1 / FPS;
const bundled = await locateBinaries({ env: {} });
const system = await locateBinaries({ ffmpegSetting: 'ffmpeg', ffprobeSetting: 'ffprobe', env: {} });
const binarySets: [string, MediaBinaries][] = [['bundled 2018 ffmpeg', bundled]];
if (system.ffmpegSource === 'setting') binarySets.push(['system ffmpeg', system]);
const font = await findTimecodeFont();

let dir: string;
let recording: string;
let info: MediaInfo;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vkz-clips-'));
  recording = await makeNumberedRecording(dir, 12);
  info = await probeMedia(bundled, recording);
});
afterAll(() => removeFixtureDir(dir));

describe.each(binarySets)('with the %s', (_name, bin) => {
  const out = (name: string) => path.join(dir, `${_name.replace(/\W+/g, '-')}-${name}`);

  it('cuts 3.0 - 7.0 s on the frames at 3.00 s and 6.96 s, 4.00 s long, as a phone-playable MP4', async () => {
    const output = out('clip.mp4');
    const progress: number[] = [];
    const { cut } = await exportClip(bin, { input: recording, output, info, range: { inSec: 3, outSec: 7 }, onProgress: (f) => progress.push(f) });
    expect(cut.frames).toBe(100);
    expect(progress.at(-1)).toBe(1);

    const facts = await probeFacts(bin, output);
    expect(Math.abs(facts.formatDuration - 4)).toBeLessThanOrEqual(FRAME);
    expect(facts.video).toMatchObject({ codec: 'h264', profile: 'Main', pixFmt: 'yuv420p', width: 320, height: 180, frames: 100 });
    expect(Math.abs(facts.video!.duration - 4)).toBeLessThanOrEqual(FRAME);
    expect(facts.firstFramePts).toBe(0);
    expect(facts.lastFramePts).toBeCloseTo(3.96, 3);
    expect(facts.audio).toMatchObject({ codec: 'aac', channels: 2, sampleRate: 48000 });
    expect(hasFaststartLayout(await inspectIsoBmff(output))).toBe(true);

    const means = await stripMeans(bin, output);
    expect(means).toHaveLength(100);
    expect(identifyFrame(means[0]!, 75)).toBe(75);
    expect(Math.abs(means[0]! - frameCode(75))).toBeLessThan(1.5);
    expect(identifyFrame(means[99]!, 174)).toBe(174);
    expect(Math.abs(means[99]! - frameCode(174))).toBeLessThan(1.5);
    expect(await readdir(dir)).not.toContain(path.basename(output).replace('.mp4', '.part.mp4'));
  });

  it('snaps an in-point inside a frame to the frame showing then', async () => {
    const output = out('mid-frame.mp4');
    // 2.01 s shows frame 50 (2.00 - 2.04); 2.53 s shows frame 63, so the clip ends with it.
    await exportClip(bin, { input: recording, output, info, range: { inSec: 2.01, outSec: 2.53 } });
    const means = await stripMeans(bin, output);
    expect(means).toHaveLength(14);
    expect(identifyFrame(means[0]!, 50)).toBe(50);
    expect(identifyFrame(means.at(-1)!, 63)).toBe(63);
  });

  it('burns the original time code in when a font exists', async ({ skip }) => {
    const burnIn = await findTimecodeBurnIn(bin);
    if (!burnIn.ok || !font) skip();
    if (!burnIn.ok) return;
    const plain = out('plain-6.mp4');
    const burned = out('burned-6.mp4');
    await exportClip(bin, { input: recording, output: plain, info, range: { inSec: 6, outSec: 7 } });
    await exportClip(bin, { input: recording, output: burned, info, range: { inSec: 6, outSec: 7 },
      burnIn: { fontFile: burnIn.fontFile, label: "Jan's video: 2" } });
    const facts = await probeFacts(bin, burned);
    expect(facts.video?.frames).toBe(25);
    // The strip to the right of the time code is untouched; the picture differs where the text is.
    const [plainMeans, burnedMeans] = await Promise.all([stripMeans(bin, plain), stripMeans(bin, burned)]);
    expect(identifyFrame(burnedMeans[0]!, 150)).toBe(150);
    expect(Math.abs(plainMeans[0]! - burnedMeans[0]!)).toBeLessThan(1.5);
  });

  it('cancelled mid-way leaves no file, not even the partial one', async () => {
    const output = out('cancelled.mp4');
    const controller = new AbortController();
    const partial = output.replace(/\.mp4$/, '.part.mp4');
    const watcher = setInterval(() => existsSync(partial) && controller.abort(), 5);
    try {
      await expect(
        exportClip(bin, { input: recording, output, info, range: { inSec: 0, outSec: 12 }, signal: controller.signal }),
      ).rejects.toSatisfy((e) => e instanceof MediaError && e.code === 'cancelled');
    } finally {
      clearInterval(watcher);
    }
    expect(existsSync(output)).toBe(false);
    expect(existsSync(partial)).toBe(false);
  });

  it('a showreel of two fragments lasts their summed length, within two frames', async () => {
    const output = out('showreel.mp4');
    const { durationSec } = await exportShowreel(bin, {
      parts: [
        { input: recording, info, range: { inSec: 8, outSec: 9.6 } },
        { input: recording, info, range: { inSec: 1, outSec: 3 } },
      ],
      output, fontFile: null, burnTimecode: false,
    });
    expect(durationSec).toBeCloseTo(3.6, 6);
    const facts = await probeFacts(bin, output);
    expect(Math.abs(facts.formatDuration - 3.6)).toBeLessThanOrEqual(2 * FRAME);
    expect(facts.video).toMatchObject({ codec: 'h264', profile: 'Main', pixFmt: 'yuv420p' });
    expect(facts.audio?.codec).toBe('aac');
    const means = await stripMeans(bin, output);
    // In agenda order: first 8.0 s (frame 200), then 1.0 s (frame 25) after 1.6 s (40 frames).
    expect(identifyFrame(means[0]!, 200)).toBe(200);
    expect(identifyFrame(means[39]!, 239)).toBe(239);
    expect(identifyFrame(means[40]!, 25)).toBe(25);
    expect(identifyFrame(means.at(-1)!, 74)).toBe(74);
  });

  it('a showreel with title cards adds one card per fragment', async ({ skip }) => {
    if (!font) skip();
    const output = out('showreel-cards.mp4');
    await exportShowreel(bin, {
      parts: [
        { input: recording, info, range: { inSec: 8, outSec: 9 }, card: ['Fragment 1 van 2', '0:08 – 0:09', "Jan's: 'twijfel'"] },
        { input: recording, info, range: { inSec: 1, outSec: 2 }, card: ['Fragment 2 van 2', '0:01 – 0:02'] },
      ],
      output, fontFile: font, burnTimecode: true,
    });
    const facts = await probeFacts(bin, output);
    expect(Math.abs(facts.formatDuration - (2 + 2 * TITLE_CARD_SEC))).toBeLessThanOrEqual(2 * FRAME);
  });
});
