// What `ffmpeg -version` / `ffprobe -version` answered, remembered in a small file in the data
// folder per binary path, file size and modification time: a start then runs none of the
// candidates again (each run forks the app's process, and a 70 MB static build may first have to
// be read from disk or scanned). A binary that changed (an update, a new build at the same path)
// is asked again. Only answers that identified the tool are kept; failures are always re-checked.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ToolVersion } from './binary-version';

const Entry = z.object({
  tool: z.string(),
  size: z.number(),
  mtimeMs: z.number(),
  version: z.object({
    version: z.string(),
    buildYear: z.number().int().nullable(),
    libavutil: z.tuple([z.number(), z.number(), z.number()]),
    licence: z.string(),
  }) satisfies z.ZodType<ToolVersion>,
});
type Entry = z.infer<typeof Entry>;

/** The file as written by `set`; entries are checked one by one, so one damaged entry costs one run. */
const CacheFile = z.object({ entries: z.record(z.string(), z.unknown()) });

export class BinaryVersionCache {
  private entries: Map<string, Entry> | null = null;

  constructor(private readonly file: string) {}

  /** The remembered answer of `binary` (an absolute path) as `tool`, if the file is unchanged. */
  get(tool: string, binary: string): ToolVersion | null {
    const entry = this.load().get(binary);
    const now = fileIdentity(binary);
    if (!entry || !now || entry.tool !== tool || entry.size !== now.size || entry.mtimeMs !== now.mtimeMs) return null;
    return entry.version;
  }

  set(tool: string, binary: string, version: ToolVersion): void {
    const now = fileIdentity(binary);
    if (!now) return;
    const entries = this.load();
    entries.set(binary, { tool, ...now, version });
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const part = `${this.file}.part`;
      writeFileSync(part, JSON.stringify({ entries: Object.fromEntries(entries) }));
      renameSync(part, this.file);
    } catch (error) {
      console.warn(`[ffmpeg] could not remember the version of ${binary}: ${String(error)}`);
    }
  }

  private load(): Map<string, Entry> {
    if (this.entries) return this.entries;
    try {
      const parsed = CacheFile.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      this.entries = new Map();
      for (const [binary, entry] of Object.entries(parsed.data?.entries ?? {})) {
        const valid = Entry.safeParse(entry);
        if (valid.success) this.entries.set(binary, valid.data);
      }
    } catch {
      this.entries = new Map(); // none yet, or damaged: ask the binaries
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
