// The "bare" baselines: the very same ffmpeg / ffprobe argument list the app builds, run with a
// plain spawn and nothing around it (no runner, no queue, no Node-side parsing; stdout drained).
import { spawn } from 'node:child_process';
import os from 'node:os';

/**
 * Runs `command args`, drains its output, resolves with the wall time in ms; rejects on failure.
 * `niceness`: the CPU priority the app gives the same command (the waveform runs niced), so both
 * compete equally with whatever else the machine is doing.
 */
export function timeBare(command: string, args: string[], opts: { niceness?: number } = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    if (opts.niceness && child.pid !== undefined) {
      try {
        os.setPriority(child.pid, opts.niceness);
      } catch {
        // not allowed here: both run at normal priority then
      }
    }
    let stderr = '';
    child.stdout.resume();
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr = (stderr + t).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const elapsed = performance.now() - started;
      if (code === 0) resolve(elapsed);
      else reject(new Error(`${command} exited with ${code}: ${stderr}`));
    });
  });
}

/** Times an async function in ms. */
export async function timeIt(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Reads a file once so both the app and the bare command find it in the page cache. */
export function warmFile(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('cat', [file], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', () => resolve());
  });
}
