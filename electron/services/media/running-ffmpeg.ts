// The ffmpeg (and ffprobe) processes a backend has running, noted in its data folder so the next
// start can stop the ones a killed backend left behind. Such a survivor finishes its job on its own and
// then writes (faststart reopens its `.part` output by name) into a folder the new backend has
// just cleaned, or that it is writing itself.
//
// Each running ffmpeg is one file `running-ffmpeg/<pid>.json` holding its pid and its exact
// argument list; it is removed when ffmpeg exits. At start (after the data folder's lock, before
// the leftover cleanup) a survivor is killed only when the process with that pid still runs that
// very command line (our data folder's output path is in it), so a pid the system has since
// given to another program is never touched:
// - Linux: /proc/<pid>/cmdline, the argument list exactly.
// - macOS (and other Unix): `ps -ww -o args= -p <pid>`, the arguments joined by spaces.
// - Windows: not checked and never killed. There libuv puts every child in a job object that
//   ends it when the backend's process ends, so nothing survives to stop.
// A process killed with the backend between its start and its note is found on Linux by its
// arguments instead: an ffmpeg/ffprobe naming a file in this data folder.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const RUNNING_FFMPEG_DIR_NAME = 'running-ffmpeg';
/** How long a killed survivor gets to be gone before the start goes on (it is SIGKILLed: instant in practice). */
const GONE_WAIT_MS = 2000;

interface RunningRecord {
  pid: number;
  /** argv as spawned, argv[0] included. */
  argv: string[];
}

/** Notes the running ffmpeg processes of one backend in `<dataDir>/running-ffmpeg/`. */
export class RunningFfmpegLog {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, RUNNING_FFMPEG_DIR_NAME);
  }

  /** Notes a started process; returns what forgets it again (call when it has exited). */
  note(pid: number, argv: string[]): () => void {
    const file = path.join(this.dir, `${pid}.json`);
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(file, JSON.stringify({ pid, argv } satisfies RunningRecord));
    } catch (error) {
      // Without the note a crash may leave this one running; the work itself is not at stake.
      console.warn(`[ffmpeg] could not note running process ${pid}: ${String(error)}`);
    }
    return () => rmSync(file, { force: true });
  }
}

export interface StoppedSurvivors {
  /** Pids of ffmpeg processes of an earlier run that were still running and have been killed. */
  killed: number[];
  /** Pids noted but left alone: gone, now another program, or not verifiable on this platform. */
  leftAlone: number[];
}

/**
 * Kills the ffmpeg processes an earlier backend on `dataDir` noted and that still run the noted
 * command line, waits until they are gone, and clears the notes. Call with the data folder's lock
 * held (so no running VKZ owns them), before removing leftover files.
 */
export function stopSurvivingFfmpeg(dataDir: string, platform: NodeJS.Platform = process.platform): StoppedSurvivors {
  const dir = path.join(dataDir, RUNNING_FFMPEG_DIR_NAME);
  const result: StoppedSurvivors = { killed: [], leftAlone: [] };
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    // nothing was noted
  }
  for (const name of names) {
    const record = readRecord(path.join(dir, name));
    if (record && isStillRunning(record, platform)) {
      try {
        process.kill(record.pid, 'SIGKILL');
        waitUntilGone(record, platform);
        result.killed.push(record.pid);
      } catch {
        result.leftAlone.push(record.pid); // ended just now, or not ours to signal after all
      }
    } else if (record) {
      result.leftAlone.push(record.pid);
    }
  }
  // One that was killed between its start and its note: any ffmpeg/ffprobe whose arguments name
  // a file in this data folder (ours: we hold its lock, so no other VKZ works here).
  for (const pid of toolsWorkingIn(dataDir, platform)) {
    if (result.killed.includes(pid)) continue;
    try {
      process.kill(pid, 'SIGKILL');
      result.killed.push(pid);
    } catch {
      result.leftAlone.push(pid);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return result;
}

const TOOL_NAME = /^ff(mpeg|probe)(\.exe)?$/i;

/** Pids of ffmpeg/ffprobe processes with an argument inside `dataDir` (Linux: /proc; never on Windows). */
function toolsWorkingIn(dataDir: string, platform: NodeJS.Platform): number[] {
  if (platform !== 'linux') return []; // elsewhere only the noted ones (macOS: ps per pid above)
  const inside = dataDir.endsWith(path.sep) ? dataDir : dataDir + path.sep;
  const found: number[] = [];
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  for (const name of pids) {
    const pid = Number(name);
    if (pid === process.pid) continue;
    const argv = commandLineOf(pid, platform) as string[] | null;
    if (argv && TOOL_NAME.test(path.basename(argv[0] ?? '')) && argv.some((arg) => arg.startsWith(inside))) found.push(pid);
  }
  return found;
}

function readRecord(file: string): RunningRecord | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<RunningRecord>;
    const { pid, argv } = parsed;
    if (!Number.isInteger(pid) || pid! <= 1 || !Array.isArray(argv) || argv.length === 0) return null;
    if (!argv.every((arg) => typeof arg === 'string')) return null;
    return { pid: pid!, argv };
  } catch {
    return null; // half-written when the backend was killed: that process hardly got started
  }
}

/** Whether `record.pid` is alive and still runs exactly the noted command line (never on Windows). */
export function isStillRunning(record: RunningRecord, platform: NodeJS.Platform = process.platform): boolean {
  const current = commandLineOf(record.pid, platform);
  if (current === null) return false;
  return platform === 'linux' ? sameArgs(current as string[], record.argv) : current === record.argv.join(' ');
}

/** Linux: the argument list; other Unix: the arguments as one line; null when gone or unknowable. */
function commandLineOf(pid: number, platform: NodeJS.Platform): string[] | string | null {
  if (platform === 'win32') return null;
  if (platform === 'linux') {
    try {
      const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (raw === '') return null; // a zombie, or a kernel thread
      return raw.replace(/\0$/, '').split('\0');
    } catch {
      return null;
    }
  }
  try {
    const out = execFileSync('ps', ['-ww', '-o', 'args=', '-p', String(pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.replace(/\n$/, '') || null;
  } catch {
    return null; // ps exits 1 when there is no such process
  }
}

function sameArgs(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((arg, i) => arg === b[i]);
}

function waitUntilGone(record: RunningRecord, platform: NodeJS.Platform): void {
  const deadline = Date.now() + GONE_WAIT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (isStillRunning(record, platform) && Date.now() < deadline) Atomics.wait(pause, 0, 0, 10);
}
