// The About dialog's list: the versions of the app and what it is built on, with licences.
// ffmpeg's licence: the licence file shipped next to the binary when there is one (the current
// build scripts/fetch-ffmpeg.mjs puts in bin/current/ of a packaged app); otherwise what the
// build itself reports (its configure flags, see binary-version.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AboutInfo, MediaToolInfo } from '../../../shared/startup-contract';
import type { Backend } from '../backend/backend';

/** What the fetch script writes next to the binaries: the build's licence, and where it came from. */
const LICENCE_FILES = ['LICENSE.txt', 'SOURCE.txt'];
/** A licence text is a few dozen KB; more is not a licence file. */
const MAX_LICENCE_CHARS = 200_000;

export async function aboutInfo(opts: {
  appVersion: string;
  backend: Backend | null;
  shellVersions?: { electron?: string; chromium?: string };
}): Promise<AboutInfo> {
  // The app's own licence is in package.json ("UNLICENSED": no licence granted, all rights reserved).
  const components: AboutInfo['components'] = [{ name: 'VKZ', version: opts.appVersion, licence: 'VKZ' }];
  if (opts.shellVersions?.electron) components.push({ name: 'Electron', version: opts.shellVersions.electron, licence: 'MIT' });
  if (opts.shellVersions?.chromium) {
    components.push({ name: 'Chromium', version: opts.shellVersions.chromium, licence: 'BSD-3-Clause' });
  }
  components.push({ name: 'Node.js', version: process.versions.node, licence: 'MIT' });
  components.push({ name: 'SQLite', version: sqliteVersion(), licence: 'Public domain' });
  const licenceTexts: AboutInfo['licenceTexts'] = [];
  let ffmpeg: AboutInfo['ffmpeg'] = null;
  const tools = opts.backend ? await opts.backend.mediaTools().catch(() => null) : null;
  if (tools) {
    for (const tool of [tools.ffmpeg, tools.ffprobe]) {
      components.push({ name: tool.tool, version: tool.version, licence: tool.licence });
    }
    licenceTexts.push(...shippedLicenceFiles(tools.ffmpeg));
    ffmpeg = { path: tools.ffmpeg.path, licence: tools.ffmpeg.licence, licenceFileShipped: licenceTexts.length > 0 };
  }
  return { components, ffmpeg, licenceTexts };
}

/** The licence files next to the ffmpeg binary in use (a bare name from PATH has none of ours). */
export function shippedLicenceFiles(tool: Pick<MediaToolInfo, 'path'>): AboutInfo['licenceTexts'] {
  if (!path.isAbsolute(tool.path)) return [];
  const dir = path.dirname(tool.path);
  const found: AboutInfo['licenceTexts'] = [];
  for (const name of LICENCE_FILES) {
    try {
      const text = readFileSync(path.join(dir, name), 'utf8');
      if (text.trim() !== '' && text.length <= MAX_LICENCE_CHARS) found.push({ title: `ffmpeg: ${name}`, text });
    } catch {
      // not shipped with this build
    }
  }
  return found;
}

function sqliteVersion(): string {
  const db = new Database(':memory:');
  try {
    return db.prepare('SELECT sqlite_version()').pluck().get() as string;
  } finally {
    db.close();
  }
}
