// The media route serves media only: a recording, clip or cached timeline file is answered
// with an audio/video/image type from the allow-list or as plain bytes, never as a page, and
// every response but the app's own documents carries a policy under which no script runs.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, handleAppRequest, type AppRequestContext } from '../../../electron/services/app-request';

let tmp: string;
let ctx: AppRequestContext;
const PAGE_ID = '11111111-1111-4111-8111-111111111111';
const VIDEO_ID = '22222222-2222-4222-8222-222222222222';
const SVG_ID = '33333333-3333-4333-8333-333333333333';

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vkz-route-'));
  const renderer = path.join(tmp, 'renderer');
  mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><script src="/assets/app.js"></script>');
  writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(renderer, 'assets', 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  const files: Record<string, string> = {
    [PAGE_ID]: path.join(tmp, 'opname.html'),
    [VIDEO_ID]: path.join(tmp, 'opname.mp4'),
    [SVG_ID]: path.join(tmp, 'opname.svg'),
  };
  writeFileSync(files[PAGE_ID]!, '<script>document.title = "pwned"</script>');
  writeFileSync(files[VIDEO_ID]!, Buffer.alloc(1000));
  writeFileSync(files[SVG_ID]!, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  ctx = { rendererDir: renderer, resolveMediaPath: (id) => files[id] ?? null, resolveClipPath: (id) => files[id] ?? null };
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const get = (pathname: string) => handleAppRequest(new Request(`http://127.0.0.1${pathname}`), ctx);

function expectScriptFree(response: Response) {
  const csp = response.headers.get('Content-Security-Policy') ?? '';
  expect(csp).toMatch(/default-src 'none'/);
  expect(csp).toMatch(/\bsandbox\b/);
  expect(csp).not.toMatch(/script-src 'self'/);
  expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
}

describe('the media route', () => {
  it('serves a recording that is really a web page as bytes, under a policy without scripts', async () => {
    for (const route of [`/media/${PAGE_ID}`, `/clips/${PAGE_ID}`]) {
      const response = await get(route);
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('application/octet-stream');
      expectScriptFree(response);
    }
  });

  it('serves only media types from the allow-list: video as video, an SVG not as an image that can script', async () => {
    const video = await get(`/media/${VIDEO_ID}`);
    expect(video.headers.get('Content-Type')).toBe('video/mp4');
    expectScriptFree(video);
    const svg = await get(`/media/${SVG_ID}`);
    expect(svg.headers.get('Content-Type')).toBe('application/octet-stream');
    expectScriptFree(svg);
  });

  it('gives the app its own policy on its entry document only; its other files are script-free documents', async () => {
    const index = await get('/index.html');
    expect(index.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    const icon = await get('/assets/icon.svg');
    expect(icon.headers.get('Content-Type')).toBe('image/svg+xml');
    expectScriptFree(icon);
    const script = await get('/assets/app.js');
    expect(script.headers.get('Content-Type')).toMatch(/javascript/);
    expect(script.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });
});
