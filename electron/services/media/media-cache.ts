// Where the data computed from a recording lives: `<dataDir>/cache/<recordingId>/`, holding
//   timeline.json    what was computed (written last: its presence means the rest is complete)
//   keyframes.json   the estimated keyframe interval
//   waveform.bin     one peak byte per bucket
//   thumbs/00001.jpg the thumbnail strip
//   still-<ms>-<width>[-proxy].jpg  fragment stills for the report (still.ts)
// The page asks for these as `/media/<recordingId>/waveform.bin`,
// `/media/<recordingId>/thumbs/00001.jpg` and `/media/<recordingId>/still-6123-640.jpg`;
// parseTimelineFileRoute accepts exactly those shapes and resolveCachedFile only ever returns a
// path inside that recording's folder.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

export const CACHE_DIR_NAME = 'cache';
export const TIMELINE_MANIFEST = 'timeline.json';
export const KEYFRAMES_FILE = 'keyframes.json';
export const WAVEFORM_FILE = 'waveform.bin';
export const THUMBNAILS_DIR = 'thumbs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The files the page may fetch, relative to the recording's cache folder. */
const SERVABLE_FILE = /^(?:waveform\.bin|thumbs\/\d{5}\.jpg|still-\d{1,10}-\d{1,5}(?:-proxy)?\.jpg)$/;
const ROUTE = /^\/media\/([0-9a-f-]{36})\/(waveform\.bin|thumbs\/\d{5}\.jpg|still-\d{1,10}-\d{1,5}(?:-proxy)?\.jpg)$/i;

export function isRecordingId(value: string): boolean {
  return UUID.test(value);
}

/** The cache folder of one recording; throws on anything that is not a recording id. */
export function recordingCacheDir(dataDir: string, recordingId: string): string {
  if (!isRecordingId(recordingId)) throw new Error(`Not a recording id: ${JSON.stringify(recordingId)}`);
  return path.join(dataDir, CACHE_DIR_NAME, recordingId.toLowerCase());
}

/**
 * Pure: `/media/<id>/waveform.bin`, `/media/<id>/thumbs/<5 digits>.jpg` or
 * `/media/<id>/still-<ms>-<width>[-proxy].jpg` (the URL path, still
 * percent-encoded: an encoded slash or dot does not match) to its parts; null for anything else.
 */
export function parseTimelineFileRoute(pathname: string): { recordingId: string; file: string } | null {
  const match = ROUTE.exec(pathname);
  if (!match?.[1] || !match[2] || !isRecordingId(match[1])) return null;
  return { recordingId: match[1].toLowerCase(), file: match[2] };
}

/** Pure: the absolute path of a servable cache file, or null when `file` is not one. */
export function resolveCachedFile(dataDir: string, recordingId: string, file: string): string | null {
  if (!isRecordingId(recordingId) || !SERVABLE_FILE.test(file)) return null;
  const dir = path.resolve(recordingCacheDir(dataDir, recordingId));
  const candidate = path.resolve(dir, ...file.split('/'));
  return candidate.startsWith(dir + path.sep) ? candidate : null;
}

/** Removes one recording's cached data (nothing else: the id is checked). */
export async function removeRecordingCache(dataDir: string, recordingId: string): Promise<void> {
  await rm(recordingCacheDir(dataDir, recordingId), { recursive: true, force: true });
}

/** Removes the cache folders of recordings that no longer exist (after a cascade delete, a crash). */
export async function removeOrphanCaches(dataDir: string, exists: (recordingId: string) => boolean): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(path.join(dataDir, CACHE_DIR_NAME));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!isRecordingId(name) || exists(name)) continue;
    await removeRecordingCache(dataDir, name);
    removed.push(name);
  }
  return removed;
}
