// The About dialog's list: the versions of the app and what it is built on, with licences.
import Database from 'better-sqlite3';
import type { AboutInfo } from '../../../shared/startup-contract';
import type { Backend } from '../backend/backend';

export async function aboutInfo(opts: {
  appVersion: string;
  backend: Backend | null;
  shellVersions?: { electron?: string; chromium?: string };
}): Promise<AboutInfo> {
  const components: AboutInfo['components'] = [{ name: 'VKZ', version: opts.appVersion, licence: 'VKZ' }];
  if (opts.shellVersions?.electron) components.push({ name: 'Electron', version: opts.shellVersions.electron, licence: 'MIT' });
  if (opts.shellVersions?.chromium) {
    components.push({ name: 'Chromium', version: opts.shellVersions.chromium, licence: 'BSD-3-Clause' });
  }
  components.push({ name: 'Node.js', version: process.versions.node, licence: 'MIT' });
  components.push({ name: 'SQLite', version: sqliteVersion(), licence: 'Public domain' });
  const licenceNotes: string[] = [];
  const tools = opts.backend ? await opts.backend.mediaTools().catch(() => null) : null;
  if (tools) {
    for (const tool of [tools.ffmpeg, tools.ffprobe]) {
      components.push({ name: tool.tool, version: tool.version, licence: tool.licence });
    }
    licenceNotes.push(
      `ffmpeg and ffprobe are separate programs from the FFmpeg project (https://ffmpeg.org), run by VKZ as they are; their licence is ${tools.ffmpeg.licence}. Their source code is available from ffmpeg.org.`,
    );
  }
  return { components, licenceNotes };
}

function sqliteVersion(): string {
  const db = new Database(':memory:');
  try {
    return db.prepare('SELECT sqlite_version()').pluck().get() as string;
  } finally {
    db.close();
  }
}
