// Runs ffmpeg and ffprobe: the one runner every caller goes through (proxies, thumbnails, the
// waveform's PCM stream, clips, stills, probes, the `-version` check of a chosen binary, the
// filter list). The ONLY module that starts ffmpeg or ffprobe, and the only one that imports
// fluent-ffmpeg (archived upstream in 2025), so it can be replaced by a plain spawn here
// without touching anything else. Every run takes an AbortSignal, may have a time limit and an
// output size limit, runs background work at a lower CPU priority, and logs its command line
// (shortened, when VKZ_DEBUG is set; a failure is always logged with it).
//
// How fluent-ffmpeg is used, and why:
// - fluent-ffmpeg has no "run exactly these arguments" call, and its ffprobe() adds its own
//   options and parses output itself. For ffmpeg we split OUR argument list (built by pure,
//   tested functions such as buildProxyArgs) into its inputs (the options before each `-i`, and
//   the `-i` value) and its output (the options after the last `-i`, and the final argument).
//   fluent-ffmpeg then rebuilds the very same list; the only thing it adds is `-y` before the
//   output options (for file outputs), which our commands pass anyway. Options are passed as
//   separate arguments, so fluent-ffmpeg never splits them on spaces (paths may contain spaces).
// - fluent-ffmpeg spawns ffmpeg with an argument array (no shell), gives us stderr line by line
//   ('stderr' event) and kills it (kill()). Before the first run in a process it runs
//   `ffmpeg -formats` and `ffmpeg -encoders` once to check output formats given with `-f`.
// - Progress comes from `-progress pipe:1` on stdout, parsed by parseProgressChunk: fluent-ffmpeg's
//   own 'progress' event scrapes the stats line on stderr and starts an extra ffprobe of the input,
//   so we don't use it. fluent-ffmpeg exposes the child process only as `command.ffmpegProc`
//   (set before its 'start' event): we read its stdout there.
// - fluent-ffmpeg keeps the ffmpeg path in a module-global cache (setFfmpegPath), read when it
//   spawns. A small gate makes sure no other run changes the path between our setFfmpegPath and
//   the moment our process has started.
// - fluent-ffmpeg 2.1.3 crashes (TypeError in its own callback, thrown from a ChildProcess 'error'
//   listener, so an uncaught exception) and never settles when the binary can't be spawned, or the
//   path is empty. So before every run we check ourselves that the binary exists and is executable
//   (assertRunnable), and refuse with MediaError 'no-ffmpeg' otherwise.
// - ffprobe and the short queries (`-version`, `-filters`) can't go through fluent-ffmpeg (its
//   ffprobe() adds options and parses the output itself; it has no "just ask" call): they run
//   through queryTool below, a plain spawn with an argument array and the same limits.
// - The waveform reads ffmpeg's stdout as raw PCM (`onStdout`): then there is no `-progress` on
//   stdout, and fluent-ffmpeg does not read stdout itself (no captureStdout).
import { spawn, type ChildProcess } from 'node:child_process';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ffmpeg from 'fluent-ffmpeg';
import type { MediaBinaries } from './binaries';
import { MediaError } from './errors';
import { findOnPath, isExecutable } from './find-on-path';
import { parseProgressChunk } from './progress';

export interface RunFfmpegOptions {
  signal?: AbortSignal;
  /** Duration of the media being processed, for progress fractions. */
  durationSec?: number;
  /** Called with a non-decreasing fraction 0..1, and with 1 on success. */
  onProgress?: (fraction: number) => void;
  /** Raw stdout, chunk by chunk, for commands that write to `pipe:1` (then no -progress is read). Must not throw. */
  onStdout?: (chunk: Buffer) => void;
  /** Stop ffmpeg when it runs longer than this. */
  timeLimitMs?: number;
  /** Stop ffmpeg when its output (file or stdout) would pass this many bytes. */
  maxOutputBytes?: number;
  /** CPU priority: 0 normal, up to 19 lowest. Background work (waveform, thumbnails, proxies) passes BACKGROUND_NICENESS. */
  niceness?: number;
}

/** The priority of work the user isn't waiting for: the player and the UI come first on a 2-core laptop. */
export const BACKGROUND_NICENESS = 10;

export interface RunFfprobeOptions {
  signal?: AbortSignal;
  /** Give up after this long (default 60 s): a probe normally takes well under a second. */
  timeoutMs?: number;
  /** Stop ffprobe when its output passes this many bytes (default 64 MB). */
  maxOutputBytes?: number;
  niceness?: number;
}

const STDERR_TAIL_LINES = 20;
const FFPROBE_TIMEOUT_MS = 60_000;
const FFPROBE_MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/** How long a process gets to exit after SIGTERM before it is killed outright. */
export const KILL_GRACE_MS = 2000;

/** Command lines of successful runs are logged only when asked for: there are many, and long. */
const LOG_EVERY_COMMAND = process.env.VKZ_DEBUG === '1';

/** A command line for the log: file paths shortened to their names, the whole kept to one line. */
export function shortCommandLine(binary: string, args: readonly string[]): string {
  const short = (arg: string) => (/[\\/]/.test(arg) && !arg.startsWith('-') ? `…${path.sep}${path.basename(arg)}` : arg);
  const line = [path.basename(binary), ...args.map(short)].join(' ').replace(/\s*[\r\n]+\s*/g, ' ');
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

/** Our argument list split the way fluent-ffmpeg composes a command. */
export interface FluentCommandParts {
  inputs: { options: string[]; source: string }[];
  outputOptions: string[];
  target: string;
}

/** Pure: splits ffmpeg arguments into fluent-ffmpeg inputs and one output (the last argument). */
export function splitFfmpegArgs(args: string[]): FluentCommandParts {
  if (args.length === 0) throw new MediaError('ffmpeg-failed', 'No ffmpeg arguments given');
  const inputs: FluentCommandParts['inputs'] = [];
  let pending: string[] = [];
  const last = args.length - 1;
  for (let i = 0; i < last; i++) {
    const arg = args[i]!;
    if (arg === '-i' && i + 1 < last) {
      inputs.push({ options: pending, source: args[i + 1]! });
      pending = [];
      i++;
    } else {
      pending.push(arg);
    }
  }
  return { inputs, outputOptions: pending, target: args[last]! };
}

// Serialises "set the global ffmpeg path, then spawn" across concurrent runs.
let spawnGate: Promise<void> = Promise.resolve();

export async function runFfmpeg(bin: MediaBinaries, args: string[], opts: RunFfmpegOptions = {}): Promise<void> {
  const { signal, durationSec = 0, onProgress, onStdout, timeLimitMs, maxOutputBytes, niceness = 0 } = opts;
  if (signal?.aborted) throw new MediaError('cancelled', 'Cancelled before ffmpeg started');
  // ffmpeg itself stops a file output at -fs bytes; stdout is counted below.
  const limited = maxOutputBytes !== undefined && !onStdout ? [...args.slice(0, -1), '-fs', String(maxOutputBytes), args[args.length - 1]!] : args;
  const parts = splitFfmpegArgs(limited);
  await assertRunnable(bin.ffmpeg, 'ffmpeg');

  let releaseGate!: () => void;
  const previousGate = spawnGate;
  spawnGate = new Promise<void>((resolve) => (releaseGate = resolve));
  await previousGate;
  if (signal?.aborted) {
    releaseGate();
    throw new MediaError('cancelled', 'Cancelled before ffmpeg started');
  }

  return new Promise<void>((resolve, reject) => {
    const command = ffmpeg({ stdoutLines: STDERR_TAIL_LINES });
    const stderrTail: string[] = [];
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    let lastFraction = 0;
    let progressBuffer = '';
    let stopped: MediaError | null = null;
    let stdoutBytes = 0;

    const processOf = () => (command as unknown as { ffmpegProc?: ChildProcess }).ffmpegProc;
    const kill = () => {
      if (!processOf()) return; // not started yet: the 'start' handler kills it
      command.kill('SIGTERM');
      killTimer ??= setTimeout(() => processOf() && command.kill('SIGKILL'), KILL_GRACE_MS);
      killTimer.unref();
    };
    const onAbort = () => kill();
    signal?.addEventListener('abort', onAbort, { once: true });
    const stopWith = (error: MediaError) => {
      stopped ??= error;
      kill();
    };
    const timeLimit = timeLimitMs
      ? setTimeout(() => stopWith(new MediaError('ffmpeg-failed', `ffmpeg did not finish within ${Math.round(timeLimitMs / 1000)} s`)), timeLimitMs)
      : undefined;

    const finish = (error: MediaError | null) => {
      if (settled) return;
      settled = true;
      releaseGate();
      clearTimeout(killTimer);
      clearTimeout(timeLimit);
      signal?.removeEventListener('abort', onAbort);
      if (error) {
        reject(error);
        return;
      }
      if (lastFraction < 1) onProgress?.(1);
      resolve();
    };

    const report = (text: string) => {
      if (!onProgress) return;
      progressBuffer += text;
      const cut = progressBuffer.lastIndexOf('\n');
      if (cut < 0) return;
      const complete = progressBuffer.slice(0, cut);
      progressBuffer = progressBuffer.slice(cut + 1);
      const fraction = parseProgressChunk(complete, durationSec);
      // ffmpeg says progress=end before it finishes writing (e.g. the faststart pass): report 1
      // only when the process has succeeded.
      if (fraction !== null && fraction > lastFraction && fraction < 1) {
        lastFraction = fraction;
        onProgress(fraction);
      }
    };

    try {
      command.setFfmpegPath(bin.ffmpeg);
      for (const input of parts.inputs) {
        command.input(input.source);
        addOptions(input.options, (...o) => command.inputOptions(...o));
      }
      command.output(parts.target);
      addOptions(parts.outputOptions, (...o) => command.outputOptions(...o));
    } catch (error) {
      finish(error instanceof MediaError ? error : new MediaError('ffmpeg-failed', String(error)));
      return;
    }

    command.on('start', () => {
      releaseGate();
      if (LOG_EVERY_COMMAND) console.debug(`[ffmpeg] ${shortCommandLine(bin.ffmpeg, limited)}`);
      const child = processOf();
      if (child) noteRunning(bin, child);
      if (child?.pid !== undefined && niceness > 0) {
        try {
          os.setPriority(child.pid, niceness);
        } catch {
          // Not permitted here (or the process already ended): it runs at normal priority.
        }
      }
      if (onStdout) {
        child?.stdout?.on('data', (chunk: Buffer) => {
          if (stopped || signal?.aborted) return;
          stdoutBytes += chunk.length;
          if (maxOutputBytes !== undefined && stdoutBytes > maxOutputBytes) {
            stopWith(new MediaError('ffmpeg-failed', `ffmpeg wrote more than ${maxOutputBytes} bytes`));
            return;
          }
          onStdout(chunk);
        });
      } else {
        child?.stdout?.setEncoding('utf8');
        child?.stdout?.on('data', (chunk: string) => report(chunk));
      }
      if (signal?.aborted) kill();
    });
    command.on('stderr', (line: string) => {
      stderrTail.push(line);
      if (stderrTail.length > STDERR_TAIL_LINES) stderrTail.shift();
    });
    command.on('error', (error: Error) => {
      if (signal?.aborted) {
        finish(new MediaError('cancelled', 'ffmpeg was cancelled'));
        return;
      }
      if (stopped) {
        finish(stopped);
        return;
      }
      const detail = lastLines(stderrTail.join('\n'), STDERR_TAIL_LINES);
      const exit = /exited with code (\d+)|killed with signal (\w+)/.exec(error.message);
      const how = exit ? (exit[1] ? `exited with code ${exit[1]}` : `was killed (${exit[2]})`) : `failed: ${error.message}`;
      const lastLine = detail.split('\n').pop();
      console.warn(`[ffmpeg] ${how}: ${shortCommandLine(bin.ffmpeg, limited)}`);
      finish(new MediaError('ffmpeg-failed', `ffmpeg ${how}${lastLine ? `: ${lastLine}` : ''}`, detail || error.message));
    });
    command.on('end', () => {
      if (signal?.aborted) return finish(new MediaError('cancelled', 'ffmpeg was cancelled'));
      if (stopped || maxOutputBytes === undefined || onStdout) return finish(stopped);
      // -fs ends the output quietly at the limit: a file that reached it is cut short.
      void stat(parts.target).then(
        (info) => finish(info.size >= maxOutputBytes ? new MediaError('ffmpeg-failed', `ffmpeg's output reached the limit of ${maxOutputBytes} bytes`) : null),
        () => finish(null),
      );
    });
    command.run();
  });
}

/** Runs ffprobe; resolves with its output on exit code 0, else rejects with 'ffmpeg-failed'. */
export async function runFfprobe(
  bin: MediaBinaries,
  args: string[],
  opts: RunFfprobeOptions = {},
): Promise<{ stdout: string; stderr: string }> {
  const timeoutMs = opts.timeoutMs ?? FFPROBE_TIMEOUT_MS;
  const maxOutputBytes = opts.maxOutputBytes ?? FFPROBE_MAX_OUTPUT_BYTES;
  let result;
  try {
    result = await queryTool(bin.ffprobe, args, { signal: opts.signal, timeoutMs, maxOutputBytes, niceness: opts.niceness, onSpawn: (child) => noteRunning(bin, child) });
  } catch (error) {
    if (error instanceof MediaError) throw error;
    if (error instanceof ToolStoppedError) {
      const why = error.reason === 'timeout' ? `did not answer within ${Math.round(timeoutMs / 1000)} s` : `wrote more than ${maxOutputBytes} bytes`;
      console.warn(`[ffprobe] ${why}: ${shortCommandLine(bin.ffprobe, args)}`);
      throw new MediaError('ffmpeg-failed', `ffprobe ${why}`);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES') {
      throw new MediaError('no-ffmpeg', `ffprobe is no longer available at ${bin.ffprobe}`);
    }
    throw new MediaError('ffmpeg-failed', `ffprobe could not be started (${bin.ffprobe}): ${String(error)}`);
  }
  if (result.code !== 0) {
    const detail = lastLines(result.stderr, STDERR_TAIL_LINES);
    const how = result.code === null ? `was killed (${result.signal})` : `exited with code ${result.code}`;
    console.warn(`[ffprobe] ${how}: ${shortCommandLine(bin.ffprobe, args)}`);
    throw new MediaError('ffmpeg-failed', `ffprobe ${how}${detail ? `: ${detail.split('\n').pop()}` : ''}`, detail);
  }
  return { stdout: result.stdout, stderr: result.stderr };
}

export interface ToolAnswer {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface QueryToolOptions {
  signal?: AbortSignal;
  /** Stop the process when it runs longer than this: rejects with ToolStoppedError 'timeout'. */
  timeoutMs: number;
  /** Stop it when stdout and stderr together pass this many bytes: ToolStoppedError 'output'. */
  maxOutputBytes?: number;
  niceness?: number;
  /** Called with the started process (to note it, see running-ffmpeg.ts). */
  onSpawn?: (child: ChildProcess) => void;
}

/** The process was stopped by its time or output limit. */
export class ToolStoppedError extends Error {
  override readonly name = 'ToolStoppedError';
  constructor(readonly reason: 'timeout' | 'output', message: string) {
    super(message);
  }
}

/**
 * Runs ffprobe, or ffmpeg/ffprobe for a short answer (`-version`, `-filters`), with an argument
 * array (never a shell) and collects its output. Resolves whatever the exit code (the caller
 * decides what a failure is); rejects when the process can't be started (the spawn error, e.g.
 * ENOENT), with ToolStoppedError at a limit, and with MediaError 'cancelled' when the signal
 * aborts. Stopping sends SIGTERM, then SIGKILL after a grace period.
 */
export function queryTool(binary: string, args: string[], opts: QueryToolOptions): Promise<ToolAnswer> {
  const { signal, timeoutMs, maxOutputBytes = 16 * 1024 * 1024, niceness = 0 } = opts;
  return new Promise<ToolAnswer>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new MediaError('cancelled', `Cancelled before starting ${path.basename(binary)}`));
      return;
    }
    if (LOG_EVERY_COMMAND) console.debug(`[ffmpeg] ${shortCommandLine(binary, args)}`);
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    opts.onSpawn?.(child);
    if (child.pid !== undefined && niceness > 0) {
      try {
        os.setPriority(child.pid, niceness);
      } catch {
        // Not permitted here (or already ended): it runs at normal priority.
      }
    }
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    let stopReason: 'aborted' | 'timeout' | 'output' | null = null;
    let killTimer: NodeJS.Timeout | undefined;
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      if (stopReason) return;
      bytes += chunk.length;
      if (bytes > maxOutputBytes) return stop('output');
      into.push(chunk);
    };
    child.stdout.on('data', collect(stdout));
    child.stderr.on('data', collect(stderr));

    const stop = (reason: 'aborted' | 'timeout' | 'output') => {
      if (stopReason || child.exitCode !== null || child.signalCode !== null) return;
      stopReason = reason;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
      killTimer.unref();
    };
    const onAbort = () => stop('aborted');
    signal?.addEventListener('abort', onAbort, { once: true });
    const timeoutTimer = setTimeout(() => stop('timeout'), timeoutMs);

    const finish = (error: Error | null, answer?: ToolAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timeoutTimer);
      clearTimeout(killTimer);
      signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve(answer!);
    };
    const name = path.basename(binary);
    const finishStopped = () =>
      finish(
        stopReason === 'aborted'
          ? new MediaError('cancelled', `Cancelled: ${name}`)
          : stopReason === 'timeout'
            ? new ToolStoppedError('timeout', `${name} did not finish within ${timeoutMs} ms`)
            : new ToolStoppedError('output', `${name} wrote more than ${maxOutputBytes} bytes`),
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
      else finish(null, { code, signal: exitSignal, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
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

/**
 * Throws MediaError 'no-ffmpeg' unless `binary` is an executable file: a path, or a bare name
 * found on PATH (with PATHEXT on Windows).
 */
export async function assertRunnable(binary: string, tool: string): Promise<void> {
  if (binary.trim() === '') throw new MediaError('no-ffmpeg', `No ${tool} binary configured`);
  if (binary.includes('/') || binary.includes('\\')) {
    if (await isExecutable(binary)) return;
    throw new MediaError('no-ffmpeg', `${tool} is no longer available at ${binary}`);
  }
  if (await findOnPath(binary)) return;
  throw new MediaError('no-ffmpeg', `${tool} (${binary}) is not on PATH any more`);
}

/** Notes a started ffmpeg/ffprobe in the backend's log until it exits (running-ffmpeg.ts). */
function noteRunning(bin: MediaBinaries, child: ChildProcess): void {
  if (child.pid !== undefined && bin.running) child.once('exit', bin.running.note(child.pid, child.spawnargs));
}

/** Passes options as separate arguments: fluent-ffmpeg splits a lone "a b" string at its space. */
function addOptions(options: string[], add: (...options: string[]) => unknown): void {
  if (options.length === 0) return;
  if (options.length === 1 && options[0]!.includes(' ')) {
    throw new MediaError('ffmpeg-failed', `Cannot pass the lone ffmpeg argument "${options[0]}" through fluent-ffmpeg`);
  }
  add(...options);
}
