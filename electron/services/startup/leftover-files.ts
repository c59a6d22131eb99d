// Files a killed process leaves half-written: `x.part`, `x.part.mp4`, `.x.123.partial`, the
// thumbnail folder `thumbs.part/`, and the scratch folder `tmp/`. Removed when the app opens its
// data folder, after it has taken the folder's lock (so no other VKZ is writing them).
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

export const SCRATCH_DIR_NAME = 'tmp';
const LEFTOVER = /(\.part(\.[a-z0-9]+)?|\.partial)$/i;
/** The data folder's own layout is shallow (cache/<recording>/<file>); no need to go deeper. */
const MAX_DEPTH = 4;

/** Removes leftovers under `dataDir`; returns the paths removed (relative, for the log). */
export function removeLeftoverFiles(dataDir: string): string[] {
  const removed: string[] = [];
  const scratch = path.join(dataDir, SCRATCH_DIR_NAME);
  try {
    if (readdirSync(scratch).length > 0) removed.push(SCRATCH_DIR_NAME);
  } catch {
    // no scratch folder
  }
  rmSync(scratch, { recursive: true, force: true });
  walk(dataDir, '', 0, removed);
  return removed;
}

function walk(root: string, relative: string, depth: number, removed: string[]): void {
  if (depth > MAX_DEPTH) return;
  let entries;
  try {
    entries = readdirSync(path.join(root, relative), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const child = path.join(relative, entry.name);
    if (LEFTOVER.test(entry.name)) {
      rmSync(path.join(root, child), { recursive: true, force: true });
      removed.push(child);
    } else if (entry.isDirectory() && !entry.isSymbolicLink()) {
      walk(root, child, depth + 1, removed);
    }
  }
}
