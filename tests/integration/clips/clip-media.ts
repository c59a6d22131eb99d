// Test media for clip tests: a recording whose every frame says which frame it is, and helpers
// that read that back from a clip, plus ffprobe facts. The bottom strip of each frame (rows 148
// and below) is flat grey with luma 16 + (3n mod 220) for frame n, which survives H.264 well:
// neighbouring frames differ by 3 levels, compression moves a flat strip's mean by well under 1.
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { MediaBinaries } from '../../../electron/services/media/binaries';
import { fixtureBinaries } from '../../support/media-fixtures';

const execFileAsync = promisify(execFile);
export const WIDTH = 320;
export const HEIGHT = 180;
export const FPS = 25;
/** The strip measured: right of where a burned-in time code sits. */
const STRIP = { x: 200, y: 156, w: 110, h: 16 };

export function frameCode(n: number): number {
  return 16 + ((3 * n) % 220);
}

/** A 25 fps 320x180 H.264/AAC recording with numbered frames and keyframes every 2 s (so 3.0 s is not one). */
export async function makeNumberedRecording(dir: string, durationSec: number, name = 'numbered.mp4'): Promise<string> {
  await mkdir(dir, { recursive: true });
  const output = path.join(dir, name);
  const bin = await fixtureBinaries();
  const geq = "geq=lum='if(gte(Y\\,148)\\,16+mod(N*3\\,220)\\,lum(X\\,Y))':cb='cb(X\\,Y)':cr='cr(X\\,Y)'";
  await execFileAsync(bin.ffmpeg, [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=${WIDTH}x${HEIGHT}:rate=${FPS}`,
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
    '-t', String(durationSec),
    '-vf', `format=yuv420p,${geq}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '16', '-pix_fmt', 'yuv420p', '-g', String(2 * FPS),
    '-c:a', 'aac', '-b:a', '64k', '-ac', '1', '-movflags', '+faststart', output,
  ]);
  return output;
}

/** Mean strip luma (the Y plane as coded, no range conversion) of every frame of a video file, in order. */
export async function stripMeans(bin: MediaBinaries, file: string): Promise<number[]> {
  const { stdout } = await execFileAsync(
    bin.ffmpeg,
    ['-hide_banner', '-nostdin', '-loglevel', 'error', '-i', file, '-map', '0:v:0',
      '-vf', `crop=${STRIP.w}:${STRIP.h}:${STRIP.x}:${STRIP.y},extractplanes=y`,
      '-f', 'rawvideo', '-pix_fmt', 'gray', '-'],
    { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
  );
  const size = STRIP.w * STRIP.h;
  const means: number[] = [];
  for (let offset = 0; offset + size <= stdout.length; offset += size) {
    let sum = 0;
    for (let i = offset; i < offset + size; i++) sum += stdout[i]!;
    means.push(sum / size);
  }
  return means;
}

/** The source frame number (near `expected`) whose code is closest to a measured mean. */
export function identifyFrame(mean: number, expected: number): number {
  let best = expected;
  for (let n = expected - 5; n <= expected + 5; n++) {
    if (Math.abs(frameCode(n) - mean) < Math.abs(frameCode(best) - mean)) best = n;
  }
  return best;
}

export interface ProbeFacts {
  formatDuration: number;
  video?: { codec: string; profile: string; pixFmt: string; width: number; height: number; frames: number; duration: number };
  audio?: { codec: string; channels: number; sampleRate: number };
  /** pts of the first and last decoded video frames, in seconds. */
  firstFramePts?: number;
  lastFramePts?: number;
}

export async function probeFacts(bin: MediaBinaries, file: string): Promise<ProbeFacts> {
  const { stdout } = await execFileAsync(bin.ffprobe, [
    '-v', 'error', '-of', 'json', '-count_frames', '-show_format', '-show_streams', file,
  ]);
  const json = JSON.parse(stdout) as {
    format: { duration: string };
    streams: { codec_type: string; codec_name: string; profile?: string; pix_fmt?: string; width?: number; height?: number;
      nb_read_frames?: string; duration?: string; channels?: number; sample_rate?: string }[];
  };
  const v = json.streams.find((s) => s.codec_type === 'video');
  const a = json.streams.find((s) => s.codec_type === 'audio');
  const facts: ProbeFacts = { formatDuration: Number(json.format.duration) };
  if (v) {
    facts.video = {
      codec: v.codec_name, profile: v.profile ?? '', pixFmt: v.pix_fmt ?? '', width: v.width ?? 0, height: v.height ?? 0,
      frames: Number(v.nb_read_frames), duration: Number(v.duration),
    };
    const frames = await execFileAsync(bin.ffprobe, [
      '-v', 'error', '-select_streams', 'v:0', '-show_entries', 'frame=best_effort_timestamp_time', '-of', 'csv=p=0', file,
    ]);
    const times = frames.stdout.trim().split('\n').map((l) => Number(l.split(',')[0]));
    facts.firstFramePts = times[0];
    facts.lastFramePts = times[times.length - 1];
  }
  if (a) facts.audio = { codec: a.codec_name, channels: a.channels ?? 0, sampleRate: Number(a.sample_rate) };
  return facts;
}
