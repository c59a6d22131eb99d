// The "bare" baselines: the very same ffmpeg / ffprobe argument list the app builds, run with a
// plain spawn and nothing around it (no runner, no queue, no Node-side parsing; stdout drained).
import { spawn } from 'node:child_process';

/** Runs `command args`, drains its output, resolves with the wall time in ms; rejects on failure. */
export function timeBare(command: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
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
