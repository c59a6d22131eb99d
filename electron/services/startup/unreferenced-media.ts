// An archive import copies a recording's video to <data>/media/<recording id>.<ext> before the
// merge that refers to it commits (exchange/archive-import.ts): a run killed in between leaves a
// client's video that no recording refers to. Removed when the app opens its data folder, with
// the folder's lock held (so no import is running). A file is kept when any recording's video or
// proxy has its name: a data folder that was moved (its stored paths point at the old place)
// loses nothing.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { mediaDirOf } from '../exchange/archive-import';

/** Removes the files in `<dataDir>/media` no recording refers to; returns their names (for the log). */
export function removeUnreferencedMedia(dataDir: string, referencedFiles: string[]): string[] {
  const dir = mediaDirOf(dataDir);
  const kept = new Set(referencedFiles.map((file) => path.basename(file)));
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return []; // no media folder
  }
  const removed: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || kept.has(entry.name)) continue;
    try {
      rmSync(path.join(dir, entry.name), { force: true });
      removed.push(entry.name);
    } catch (error) {
      console.error(`[startup] could not remove unreferenced media ${entry.name}:`, error);
    }
  }
  return removed;
}
