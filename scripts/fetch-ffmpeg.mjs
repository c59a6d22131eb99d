// Release workflow only: fetches a current static ffmpeg + ffprobe for this platform into
// vendor/ffmpeg/ (with its licence and where it came from), which electron-builder ships as
// <resources>/bin/current/. The app prefers the newest bundled build (binary-version.ts), so
// this one wins over the 2018 @ffmpeg-installer build that stays as a fallback.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BTBN = 'https://github.com/BtbN/FFmpeg-Builds/releases/download/latest';
const SOURCES = {
  'linux-x64': { archives: [`${BTBN}/ffmpeg-n7.1-latest-linux64-lgpl-7.1.tar.xz`], licence: 'LGPL-2.1-or-later' },
  'win32-x64': { archives: [`${BTBN}/ffmpeg-n7.1-latest-win64-lgpl-7.1.zip`], licence: 'LGPL-2.1-or-later' },
  'darwin-arm64': {
    archives: [
      'https://ffmpeg.martin-riedl.de/redirect/latest/macos/arm64/release/ffmpeg.zip',
      'https://ffmpeg.martin-riedl.de/redirect/latest/macos/arm64/release/ffprobe.zip',
    ],
    licence: 'GPL-3.0-or-later',
  },
};

const key = `${process.platform}-${process.arch}`;
const source = SOURCES[key];
if (!source) throw new Error(`No ffmpeg source for ${key}`);
const exe = process.platform === 'win32' ? '.exe' : '';
const target = path.resolve('vendor/ffmpeg');
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
const work = mkdtempSync(path.join(os.tmpdir(), 'vkz-ffmpeg-'));

for (const url of source.archives) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const archive = path.join(work, path.basename(new URL(url).pathname));
  writeFileSync(archive, Buffer.from(await response.arrayBuffer()));
  execFileSync('tar', ['-xf', archive, '-C', work]); // bsdtar (Windows, macOS) and GNU tar read these
}

/** Finds `name` anywhere under `dir`. */
function find(dir, name) {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (entry === name && statSync(full).isFile()) return full;
    if (statSync(full).isDirectory()) {
      const found = find(full, name);
      if (found) return found;
    }
  }
  return null;
}

for (const tool of ['ffmpeg', 'ffprobe']) {
  const found = find(work, tool + exe);
  if (!found) throw new Error(`${tool}${exe} not in the downloaded archives`);
  cpSync(found, path.join(target, tool + exe));
  chmodSync(path.join(target, tool + exe), 0o755);
}
const licence = find(work, 'LICENSE.txt');
if (licence) cpSync(licence, path.join(target, 'LICENSE.txt'));
const version = execFileSync(path.join(target, 'ffmpeg' + exe), ['-version']).toString().split('\n', 1)[0];
writeFileSync(
  path.join(target, 'SOURCE.txt'),
  `${version}\nLicence: ${source.licence} (see LICENSE.txt; source code at https://ffmpeg.org)\nFrom: ${source.archives.join(', ')}\n`,
);
rmSync(work, { recursive: true, force: true });
console.log(`vendor/ffmpeg: ${version}`);
if (!existsSync(path.join(target, 'ffprobe' + exe))) process.exit(1);
