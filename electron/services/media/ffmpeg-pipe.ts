// Runs ffmpeg with its stdout streamed to the caller, chunk by chunk: for the waveform, whose raw
// PCM must be read as it comes (an hour is 58 MB at 8 kHz) rather than collected or written to a
// file. runFfmpeg (ffmpeg-runner.ts) can't do this: it reads stdout for `-progress` and only
// writes to files. This is a plain spawn with an argument array (no shell, no fluent-ffmpeg), with
// the same rules as the runner: one AbortSignal per process, SIGTERM then SIGKILL, the last lines
// of stderr in the error. The process runs at a lower CPU priority: it is background work on a
// 2-core laptop where the player and the proxy come first.
import { spawn } from 'node:child_process';
import os from 'node:os';
import type { MediaBinaries } from './binaries';
import { MediaError } from './errors';
import { assertRunnable } from './ffmpeg-runner';
import { KILL_GRACE_MS, lastLines } from './run-process';

export interface RunFfmpegPipeOptions {
  signal?: AbortSignal;
  /** Called with every chunk ffmpeg writes to stdout, in order. Must not throw. */
  onStdout: (chunk: Buffer) => void;
  /** Niceness for the process (0 = normal, 19 = lowest); default 10. Ignored where not allowed. */
  niceness?: number;
}

const STDERR_TAIL_CHARS = 8000;
const STDERR_TAIL_LINES = 20;

export async function runFfmpegPipe(bin: MediaBinaries, args: string[], opts: RunFfmpegPipeOptions): Promise<void> {
  const { signal, onStdout, niceness = 10 } = opts;
  if (signal?.aborted) throw new MediaError('cancelled', 'Cancelled before ffmpeg started');
  await assertRunnable(bin.ffmpeg, 'ffmpeg');
  if (signal?.aborted) throw new MediaError('cancelled', 'Cancelled before ffmpeg started');

  return new Promise<void>((resolve, reject) => {
    const child = spawn(bin.ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    if (child.pid !== undefined && niceness > 0) {
      try {
        os.setPriority(child.pid, niceness);
      } catch {
        // Not permitted here (or the process already ended): it runs at normal priority.
      }
    }
    let stderr = '';
    let settled = false;
    let aborted = false;
    let killTimer: NodeJS.Timeout | undefined;

    child.stdout.on('data', (chunk: Buffer) => {
      if (!aborted) onStdout(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr = (stderr + text).slice(-STDERR_TAIL_CHARS);
    });

    const onAbort = () => {
      aborted = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
      killTimer.unref();
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    const finish = (error: MediaError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(killTimer);
      signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    };

    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'EACCES') {
        finish(new MediaError('no-ffmpeg', `ffmpeg is no longer available at ${bin.ffmpeg}`));
      } else {
        finish(new MediaError('ffmpeg-failed', `ffmpeg could not be started: ${error.message}`));
      }
    });
    // 'close', not 'exit': all of stdout has been delivered by then.
    child.on('close', (code, exitSignal) => {
      if (aborted || signal?.aborted) return finish(new MediaError('cancelled', 'ffmpeg was cancelled'));
      if (code === 0) return finish(null);
      const detail = lastLines(stderr, STDERR_TAIL_LINES);
      const how = code === null ? `was killed (${exitSignal})` : `exited with code ${code}`;
      const lastLine = detail.split('\n').pop();
      finish(new MediaError('ffmpeg-failed', `ffmpeg ${how}${lastLine ? `: ${lastLine}` : ''}`, detail));
    });
  });
}
