// Release workflow only: fetches a current static ffmpeg + ffprobe for this platform into
// vendor/ffmpeg/ (with its licence and where it came from), which electron-builder ships as
// <resources>/bin/current/. The app prefers the newest bundled build (binary-version.ts), so
// this one wins over the 2018 @ffmpeg-installer build that stays as a fallback.
//
// What is fetched is pinned in scripts/ffmpeg-pins.json: each archive's URL and SHA-256. An
// archive whose checksum differs, or that has no checksum yet, stops the release: an ffmpeg
// parses untrusted media, so only the build that was checked is shipped.
//
//   node scripts/fetch-ffmpeg.mjs                          fetch and check this platform's pins
//   node scripts/fetch-ffmpeg.mjs --pin <platform> <url>…  download those archives, pin their checksums
//
// VKZ_FFMPEG_PINS and VKZ_FFMPEG_TARGET override the pins file and vendor/ffmpeg (tests).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const pinsFile = process.env.VKZ_FFMPEG_PINS || path.resolve('scripts/ffmpeg-pins.json');
const target = path.resolve(process.env.VKZ_FFMPEG_TARGET || 'vendor/ffmpeg');
const pins = JSON.parse(readFileSync(pinsFile, 'utf8'));

async function download(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

if (process.argv[2] === '--pin') {
  const [platform, ...urls] = process.argv.slice(3);
  if (!pins[platform] || urls.length === 0) throw new Error(`usage: --pin <${Object.keys(pins).filter((k) => k !== '//').join('|')}> <url>…`);
  pins[platform].files = [];
  for (const url of urls) pins[platform].files.push({ url, sha256: sha256(await download(url)) });
  writeFileSync(pinsFile, `${JSON.stringify(pins, null, 2)}\n`);
  console.log(`pinned ${platform}: ${pins[platform].files.map((f) => `${f.url} ${f.sha256}`).join(', ')}`);
  process.exit(0);
}

const key = `${process.platform}-${process.arch}`;
const source = pins[key];
if (!source) throw new Error(`No ffmpeg build pinned for ${key} in ${pinsFile}`);
const unpinned = source.files.filter((f) => !/^[0-9a-f]{64}$/.test(f.sha256 ?? ''));
if (unpinned.length > 0) {
  throw new Error(
    `No checksum pinned for ${unpinned.map((f) => f.url).join(', ')} (${key}). ` +
      `Choose a fixed release and run: node scripts/fetch-ffmpeg.mjs --pin ${key} <url>…`,
  );
}
const exe = process.platform === 'win32' ? '.exe' : '';
// Windows' own tar (bsdtar) reads zip; a GNU tar earlier on PATH (Git for Windows) does not.
const tar = process.platform === 'win32' ? path.join(process.env.SystemRoot ?? 'C:\\Windows', 'System32', 'tar.exe') : 'tar';
const work = mkdtempSync(path.join(os.tmpdir(), 'vkz-ffmpeg-'));

try {
  for (const { url, sha256: expected } of source.files) {
    const bytes = await download(url);
    const actual = sha256(bytes);
    if (actual !== expected) throw new Error(`${url}: SHA-256 is ${actual}, pinned ${expected}: not shipped`);
    const archive = path.join(work, path.basename(new URL(url).pathname));
    writeFileSync(archive, bytes);
    execFileSync(tar, ['-xf', archive, '-C', work]);
  }

  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const tool of ['ffmpeg', 'ffprobe']) {
    const found = find(work, tool + exe);
    if (!found) throw new Error(`${tool}${exe} not in the downloaded archives`);
    cpSync(found, path.join(target, tool + exe));
    chmodSync(path.join(target, tool + exe), 0o755);
  }
  const licence = find(work, 'LICENSE.txt') ?? find(work, 'LICENSE');
  if (licence) cpSync(licence, path.join(target, 'LICENSE.txt'));
  const version = execFileSync(path.join(target, 'ffmpeg' + exe), ['-version']).toString().split('\n', 1)[0];
  writeFileSync(
    path.join(target, 'SOURCE.txt'),
    `${version}\nLicence: ${source.licence}${licence ? ' (see LICENSE.txt)' : ''}; source code at https://ffmpeg.org\n` +
      source.files.map((f) => `From: ${f.url}\nSHA-256: ${f.sha256}\n`).join(''),
  );
  console.log(`${path.relative(process.cwd(), target) || target}: ${version}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Finds the file `name` anywhere under `dir`. */
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
