// Runs a short-lived tool (ffprobe, `ffmpeg -version`) with an argument array, never through a
// shell, and collects its output. One AbortSignal per process: aborting sends SIGTERM, then
// SIGKILL after a grace period. A timeout works the same way. ffmpeg itself runs through
// ffmpeg-runner.ts; this is for the small calls around it.
import { spawn } from 'node:child_process';
import { MediaError } from './errors';

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunProcessOptions {
  signal?: AbortSignal;
  /** Kill the process when it runs longer than this; the promise then rejects with `timedOut`. */
  timeoutMs?: number;
  /** Cap on collected stdout/stderr (characters each); the latest output is kept. */
  maxOutputChars?: number;
}

/** How long a process gets to exit after SIGTERM before it is killed outright. */
export const KILL_GRACE_MS = 2000;

export class ProcessTimeoutError extends Error {
  override readonly name = 'ProcessTimeoutError';
}

/**
 * Resolves with exit code and output whatever the exit code (the caller decides what a failure
 * is). Rejects when the process can't be started (e.g. ENOENT), when it times out, and with
 * MediaError 'cancelled' when the signal aborts.
 */
export function runProcess(command: string, args: string[], opts: RunProcessOptions = {}): Promise<ProcessResult> {
  const { signal, timeoutMs, maxOutputChars = 4_000_000 } = opts;
  return new Promise<ProcessResult>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new MediaError('cancelled', `Cancelled before starting ${command}`));
      return;
    }
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let stdout = '';
    let stderr = '';
    let settled = false;
    let stopReason: 'aborted' | 'timeout' | null = null;
    let killTimer: NodeJS.Timeout | undefined;
    const keepTail = (s: string) => (s.length > maxOutputChars ? s.slice(s.length - maxOutputChars) : s);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout = keepTail(stdout + chunk)));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = keepTail(stderr + chunk)));

    const stop = (reason: 'aborted' | 'timeout') => {
      if (stopReason || child.exitCode !== null || child.signalCode !== null) return;
      stopReason = reason;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
      killTimer.unref();
    };
    const onAbort = () => stop('aborted');
    signal?.addEventListener('abort', onAbort, { once: true });
    const timeoutTimer = timeoutMs ? setTimeout(() => stop('timeout'), timeoutMs) : undefined;

    const finish = (error: Error | null, result?: ProcessResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timeoutTimer);
      clearTimeout(killTimer);
      signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve(result!);
    };

    const finishStopped = () =>
      finish(
        stopReason === 'aborted'
          ? new MediaError('cancelled', `Cancelled: ${command}`)
          : new ProcessTimeoutError(`${command} did not finish within ${timeoutMs} ms`),
      );
    child.on('error', (error) => finish(error));
    // A stopped process is done when it exits, even if a child it started still holds its
    // output open (a shell script's `sleep`): its output no longer matters.
    child.on('exit', () => {
      if (!stopReason) return;
      child.stdout.destroy();
      child.stderr.destroy();
      finishStopped();
    });
    // 'close' (not 'exit'): all output has been read by then.
    child.on('close', (code, exitSignal) => {
      if (stopReason) finishStopped();
      else finish(null, { code, signal: exitSignal, stdout, stderr });
    });
  });
}

/** The last `count` non-empty lines of a tool's output, for error details. */
export function lastLines(text: string, count = 20): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line !== '')
    .slice(-count)
    .join('\n');
}
