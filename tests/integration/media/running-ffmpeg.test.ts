// The ffmpeg processes a killed backend leaves running: noted while they run, and at the next
// start killed when (and only when) the pid still runs the noted ffmpeg command line. Real
// processes: an ffmpeg that runs on, and a `sleep` standing in for a program that got the pid.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { locateBinaries } from '../../../electron/services/media/binaries';
import { runFfmpeg, runFfprobe } from '../../../electron/services/media/ffmpeg-runner';
import {
  RUNNING_FFMPEG_DIR_NAME,
  RunningFfmpegLog,
  stopSurvivingFfmpeg,
} from '../../../electron/services/media/running-ffmpeg';

const ffmpegPath = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg').path as string;
const started: ChildProcess[] = [];
let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'vkz-running-'));
  mkdirSync(path.join(dataDir, 'proxies'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** An ffmpeg that keeps writing a proxy in the data folder (real time, for minutes). */
function longFfmpeg(): ChildProcess & { gone: Promise<void> } {
  const output = path.join(dataDir, 'proxies', 'rec.part.mp4');
  const args = ['-nostdin', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', 'sine=frequency=440', '-t', '600', '-y', output];
  const child = spawn(ffmpegPath, args, { stdio: 'ignore' });
  started.push(child);
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return Object.assign(child, { gone });
}

const notes = () => (existsSync(path.join(dataDir, RUNNING_FFMPEG_DIR_NAME)) ? readdirSync(path.join(dataDir, RUNNING_FFMPEG_DIR_NAME)) : []);

describe.skipIf(process.platform === 'win32')('ffmpeg left running by a killed backend', () => {
  it('is killed at the next start when its pid still runs the noted ffmpeg command', async () => {
    const survivor = longFfmpeg();
    new RunningFfmpegLog(dataDir).note(survivor.pid!, survivor.spawnargs); // the backend dies before forgetting it

    const result = stopSurvivingFfmpeg(dataDir);

    expect(result).toEqual({ killed: [survivor.pid], leftAlone: [] });
    await survivor.gone;
    expect(survivor.signalCode).toBe('SIGKILL');
    expect(notes()).toEqual([]);
  });

  it('leaves a program alone that got the pid since (another command line), and a gone one', () => {
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    started.push(other);
    const log = new RunningFfmpegLog(dataDir);
    log.note(other.pid!, [ffmpegPath, '-i', 'x', path.join(dataDir, 'proxies', 'rec.part.mp4')]);
    log.note(2 ** 22 + 17, [ffmpegPath, '-version']); // above Linux's pid_max: no such process

    const result = stopSurvivingFfmpeg(dataDir);

    expect(result.killed).toEqual([]);
    expect(result.leftAlone.sort()).toEqual([other.pid, 2 ** 22 + 17].sort());
    expect(other.exitCode).toBeNull();
    expect(other.signalCode).toBeNull();
    expect(notes()).toEqual([]);
  });

  it('never kills where the command line cannot be checked (Windows), and ignores a half-written note', async () => {
    const survivor = longFfmpeg();
    new RunningFfmpegLog(dataDir).note(survivor.pid!, survivor.spawnargs);
    writeFileSync(path.join(dataDir, RUNNING_FFMPEG_DIR_NAME, '123.json'), '{"pid": 12');

    expect(stopSurvivingFfmpeg(dataDir, 'win32')).toEqual({ killed: [], leftAlone: [survivor.pid] });
    expect(survivor.exitCode).toBeNull();
    survivor.kill('SIGKILL');
    await survivor.gone;
  });

  it('runFfmpeg notes each ffmpeg while it runs and forgets it when it has exited', async () => {
    const binaries = { ...(await locateBinaries({ ffmpegSetting: ffmpegPath, env: {} })), running: new RunningFfmpegLog(dataDir) };
    const output = path.join(dataDir, 'proxies', 'tone.part.m4a');
    let seenWhileRunning: string[] = [];
    await runFfmpeg(binaries, ['-nostdin', '-y', '-loglevel', 'error', '-progress', 'pipe:1', '-re', '-f', 'lavfi', '-i', 'sine', '-t', '2', output], {
      durationSec: 2,
      onProgress: () => (seenWhileRunning = seenWhileRunning.length ? seenWhileRunning : notes()),
    });
    expect(seenWhileRunning).toHaveLength(1);
    expect(seenWhileRunning[0]).toMatch(/^\d+\.json$/);
    expect(notes()).toEqual([]);
  });

  it('runFfprobe notes each ffprobe while it runs (a probe of a long file outlives a killed backend too)', async () => {
    const binaries = { ...(await locateBinaries({ ffmpegSetting: ffmpegPath, env: {} })), running: new RunningFfmpegLog(dataDir) };
    const probing = runFfprobe(binaries, ['-v', 'error', '-f', 'lavfi', '-i', 'sine=duration=3', '-show_packets', '-of', 'csv']);
    const seen = notes();
    await probing;
    expect(seen).toHaveLength(1);
    expect(notes()).toEqual([]);
  });

  it.runIf(process.platform === 'linux')('kills an ffmpeg working in the data folder that was never noted (killed between its start and its note)', async () => {
    const survivor = longFfmpeg();
    const result = stopSurvivingFfmpeg(dataDir);
    expect(result.killed).toEqual([survivor.pid]);
    await survivor.gone;
    expect(survivor.signalCode).toBe('SIGKILL');
  });
});
