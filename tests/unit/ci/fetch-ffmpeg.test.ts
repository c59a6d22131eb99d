// scripts/fetch-ffmpeg.mjs (release workflow): ships only an archive whose SHA-256 matches its
// pin, refuses unpinned ones, and leaves ffmpeg, ffprobe, the licence and where they came from
// in the target. Run for real against a local server with a generated archive whose "ffmpeg"
// and "ffprobe" are small scripts that answer -version.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const key = `${process.platform}-${process.arch}`;
let root: string;
let archive: Buffer;
let server: http.Server;
let url: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'vkz-fetch-ffmpeg-'));
  const build = path.join(root, 'build', 'ffmpeg-n7.1-test', 'bin');
  mkdirSync(build, { recursive: true });
  for (const tool of ['ffmpeg', 'ffprobe']) {
    writeFileSync(path.join(build, tool), `#!/bin/sh\necho "${tool} version n7.1-test Copyright (c) 2000-2025 the FFmpeg developers"\n`);
    chmodSync(path.join(build, tool), 0o755);
  }
  writeFileSync(path.join(root, 'build', 'ffmpeg-n7.1-test', 'LICENSE.txt'), 'GNU LESSER GENERAL PUBLIC LICENSE\n');
  execFileSync('tar', ['-cJf', path.join(root, 'build.tar.xz'), '-C', path.join(root, 'build'), '.']);
  archive = readFileSync(path.join(root, 'build.tar.xz'));
  server = http.createServer((req, res) => {
    if (req.url === '/ffmpeg-test.tar.xz') res.end(archive);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ffmpeg-test.tar.xz`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

function run(sha256: string | null, name: string): Promise<{ code: number; stderr: string; target: string }> {
  const pins = path.join(root, `${name}.json`);
  const target = path.join(root, name);
  writeFileSync(pins, JSON.stringify({ [key]: { licence: 'LGPL-2.1-or-later', files: [{ url, sha256 }] } }));
  return new Promise((resolve) => {
    execFile(process.execPath, ['scripts/fetch-ffmpeg.mjs'], { env: { ...process.env, VKZ_FFMPEG_PINS: pins, VKZ_FFMPEG_TARGET: target } }, (error, _stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stderr, target }),
    );
  });
}

describe.skipIf(process.platform === 'win32')('fetch-ffmpeg.mjs', () => {
  it('ships the pinned archive: ffmpeg, ffprobe, its licence, and its origin with checksum', async () => {
    const sha = createHash('sha256').update(archive).digest('hex');
    const { code, stderr, target } = await run(sha, 'good');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(existsSync(path.join(target, 'ffmpeg'))).toBe(true);
    expect(existsSync(path.join(target, 'ffprobe'))).toBe(true);
    expect(readFileSync(path.join(target, 'LICENSE.txt'), 'utf8')).toContain('LESSER GENERAL PUBLIC');
    const source = readFileSync(path.join(target, 'SOURCE.txt'), 'utf8');
    expect(source).toContain('ffmpeg version n7.1-test');
    expect(source).toContain(`From: ${url}`);
    expect(source).toContain(`SHA-256: ${sha}`);
  });

  it('refuses an archive whose checksum differs from the pin, and ships nothing', async () => {
    const { code, stderr, target } = await run('0'.repeat(64), 'tampered');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/SHA-256 is [0-9a-f]{64}, pinned 0{64}: not shipped/);
    expect(existsSync(target)).toBe(false);
  });

  it('refuses a platform whose archive has no checksum pinned yet, saying how to pin it', async () => {
    const { code, stderr, target } = await run(null, 'unpinned');
    expect(code).not.toBe(0);
    expect(stderr).toContain(`No checksum pinned for ${url}`);
    expect(stderr).toContain(`--pin ${key}`);
    expect(existsSync(target)).toBe(false);
  });
});
