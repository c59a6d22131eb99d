// The media protocol serves `/clips/<id>` only for ids the clips service hands out.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { handleAppRequest } from '../../../electron/services/app-request';
import { fileNameRange, safeFileName } from '../../../electron/services/backend/clips-service';

const dir = mkdtempSync(path.join(os.tmpdir(), 'vkz-clip-route-'));
const clipFile = path.join(dir, 'clip.mp4');
writeFileSync(clipFile, Buffer.alloc(1000, 1));
writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>x</title>');
const CLIP_ID = '5b0f1c1e-8d4b-4c1a-9a57-3c2f0f6a1b2c';
const RECORDING_ID = '7e6f0c1e-8d4b-4c1a-9a57-3c2f0f6a1b2c';
const asked: string[] = [];
const ctx = {
  rendererDir: dir,
  resolveMediaPath: (id: string) => (id === RECORDING_ID ? clipFile : null),
  resolveClipPath: (id: string) => {
    asked.push(id);
    return id === CLIP_ID ? clipFile : null;
  },
};
const get = (url: string, init: RequestInit = {}) => handleAppRequest(new Request(`http://127.0.0.1${url}`, init), ctx);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('/clips/<id>', () => {
  it('serves an exported clip, with ranges', async () => {
    const response = await get(`/clips/${CLIP_ID}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    const part = await get(`/clips/${CLIP_ID}`, { headers: { Range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect((await part.arrayBuffer()).byteLength).toBe(10);
  });

  it('serves nothing else: unknown ids, recording ids, paths, traversal, odd methods', async () => {
    for (const url of [
      `/clips/${RECORDING_ID}`,
      '/clips/',
      '/clips/clip.mp4',
      `/clips/${CLIP_ID}/../${CLIP_ID}x`,
      '/clips/..%2Findex.html',
      `/clips/${encodeURIComponent(clipFile)}`,
      `/clips/${CLIP_ID.toUpperCase()}x`,
      `/clips/${CLIP_ID}/extra`,
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
    expect((await get(`/clips/${CLIP_ID}`, { method: 'POST' })).status).toBe(405);
    // Only well-formed ids ever reach the service.
    expect(asked.every((id) => /^[0-9a-f-]{36}$/i.test(id))).toBe(true);
  });

  it('is not served when the shell gives no clip resolver', async () => {
    const response = await handleAppRequest(new Request(`http://127.0.0.1/clips/${CLIP_ID}`), { rendererDir: dir, resolveMediaPath: () => null });
    expect(response.status).toBe(404);
  });

  it('does not serve a clip id as a recording', async () => {
    expect((await get(`/media/${CLIP_ID}`)).status).toBe(404);
  });
});

describe('clip file names', () => {
  it('writes ranges without colons', () => {
    expect(fileNameRange(360, 390)).toBe('6m00s-6m30s');
    expect(fileNameRange(3723.9, 3730)).toBe('1h02m03s-1h02m10s');
  });

  it('keeps names every file system accepts', () => {
    expect(safeFileName('01 Jan: "twijfel"? a/b\\c | d *')).toBe('01 Jan- twijfel a-b-c - d');
    expect(safeFileName('..verborgen')).toBe('verborgen');
    expect(safeFileName('x'.repeat(300))).toHaveLength(120);
  });
});
