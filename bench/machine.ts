// What the benchmark ran on, for RESULTS.md.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { MediaBinaries } from '../electron/services/media/binaries';

function firstLine(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0]!.trim();
  } catch {
    return 'unknown';
  }
}

export function describeMachine(bin: MediaBinaries, chromium: string): string[] {
  let model = os.cpus()[0]?.model ?? 'unknown';
  try {
    model = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? model;
  } catch {
    // not Linux
  }
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  return [
    `nproc: ${firstLine('nproc', [])} (os.availableParallelism ${os.availableParallelism()})`,
    `CPU: ${model}`,
    `Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `OS: ${os.type()} ${os.release()}`,
    `Node: ${process.version}`,
    `ffmpeg (${bin.ffmpegSource}): ${firstLine(bin.ffmpeg, ['-version'])}`,
    `ffprobe (${bin.ffprobeSource}): ${firstLine(bin.ffprobe, ['-version'])}`,
    `Chromium: ${firstLine(chromium, ['--version'])}`,
    `Load average at start: ${load}`,
  ];
}
