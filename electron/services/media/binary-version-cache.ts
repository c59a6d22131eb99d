// What `ffmpeg -version` / `ffprobe -version` answered, remembered in a small file in the data
// folder per binary path, file size and modification time: a start then runs none of the
// candidates again (each run forks the app's process, and a 70 MB static build may first have to
// be read from disk or scanned). A binary that changed (an update, a new build at the same path)
// is asked again. Only answers that identified the tool are kept; failures are always re-checked.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ToolVersion } from './binary-version';

interface Entry {
  tool: string;
  size: number;
  mtimeMs: number;
  version: ToolVersion;
}

export class BinaryVersionCache {
  private entries: Record<string, Entry> | null = null;

  constructor(private readonly file: string) {}

  /** The remembered answer of `binary` (an absolute path) as `tool`, if the file is unchanged. */
  get(tool: string, binary: string): ToolVersion | null {
    const entry = this.load()[binary];
    const now = fileIdentity(binary);
    if (!entry || !now || entry.tool !== tool || entry.size !== now.size || entry.mtimeMs !== now.mtimeMs) return null;
    return entry.version;
  }

  set(tool: string, binary: string, version: ToolVersion): void {
    const now = fileIdentity(binary);
    if (!now) return;
    const entries = this.load();
    entries[binary] = { tool, ...now, version };
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const part = `${this.file}.part`;
      writeFileSync(part, JSON.stringify({ entries }));
      renameSync(part, this.file);
    } catch (error) {
      console.warn(`[ffmpeg] could not remember the version of ${binary}: ${String(error)}`);
    }
  }

  private load(): Record<string, Entry> {
    if (this.entries) return this.entries;
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as { entries?: unknown };
      this.entries = isEntries(parsed.entries) ? parsed.entries : {};
    } catch {
      this.entries = {}; // none yet, or damaged: ask the binaries
    }
    return this.entries;
  }
}

function fileIdentity(binary: string): { size: number; mtimeMs: number } | null {
  if (!path.isAbsolute(binary)) return null; // a bare name: which file PATH finds may change
  try {
    const info = statSync(binary);
    return { size: info.size, mtimeMs: info.mtimeMs };
  } catch {
    return null;
  }
}

function isEntries(value: unknown): value is Record<string, Entry> {
  if (!value || typeof value !== 'object') return false;
  return Object.values(value).every((entry: unknown) => {
    const e = entry as Partial<Entry> | null;
    return (
      !!e &&
      typeof e.tool === 'string' &&
      typeof e.size === 'number' &&
      typeof e.mtimeMs === 'number' &&
      typeof e.version?.version === 'string' &&
      typeof e.version.licence === 'string' &&
      Array.isArray(e.version.libavutil)
    );
  });
}
