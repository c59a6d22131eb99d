// Answers the page's own requests, identically in Electron (the privileged `vkz://app/` protocol)
// and in the test host (http://127.0.0.1): the built renderer's files, and `/media/<recording id>`.
// Media is served only for ids the project knows; the page never names a file path.
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createFileResponse } from './media';
import { parseTimelineFileRoute } from './media/media-cache';

/** The page's Content-Security-Policy: nothing from outside, no inline script, no eval. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export interface AppRequestContext {
  rendererDir: string;
  resolveMediaPath(recordingId: string): string | null;
  /** A recording's cached timeline file (`waveform.bin`, `thumbs/00001.jpg`), or null. */
  resolveTimelineFile?(recordingId: string, file: string): string | null;
  /** A fragment clip exported in this session (`/clips/<opaque id>`), or null. */
  resolveClipPath?(clipId: string): string | null;
  /** Lets the test host add its transport shim to index.html. */
  transformIndexHtml?: (html: string) => string;
}

const MEDIA_PREFIX = '/media/';
const CLIPS_PREFIX = '/clips/';

/** Maps a URL path to a file inside the renderer folder, or null. Unknown routes get index.html. */
export function resolveRendererFile(rendererDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const root = path.resolve(rendererDir);
  const candidate = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  // Paths without a file extension are app routes: the single-page app handles them.
  return path.extname(decoded) === '' ? path.join(root, 'index.html') : null;
}

export async function handleAppRequest(request: Request, ctx: AppRequestContext): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405 });
  }
  const { pathname } = new URL(request.url);

  // `/media/<id>/waveform.bin`, `/media/<id>/thumbs/<5 digits>.jpg`: only these names, only from
  // that recording's cache folder. Their URLs carry a version, so the browser may keep them.
  const timelineFile = parseTimelineFileRoute(pathname);
  if (timelineFile) {
    const filePath = ctx.resolveTimelineFile?.(timelineFile.recordingId, timelineFile.file) ?? null;
    if (!filePath) return new Response('Not found', { status: 404 });
    const response = await createFileResponse(request, filePath, 'media');
    if (response.ok) response.headers.set('Cache-Control', 'private, max-age=31536000, immutable');
    return response;
  }

  if (pathname.startsWith(MEDIA_PREFIX)) {
    const id = pathname.slice(MEDIA_PREFIX.length);
    const filePath = /^[0-9a-f-]{36}$/i.test(id) ? ctx.resolveMediaPath(id) : null;
    if (!filePath) return new Response('Not found', { status: 404 });
    return createFileResponse(request, filePath, 'media');
  }

  // `/clips/<id>`: only clips the clips service exported this session; never a path, never a route.
  if (pathname.startsWith(CLIPS_PREFIX)) {
    const id = pathname.slice(CLIPS_PREFIX.length);
    const clipPath = /^[0-9a-f-]{36}$/i.test(id) ? (ctx.resolveClipPath?.(id) ?? null) : null;
    if (!clipPath) return new Response('Not found', { status: 404 });
    return createFileResponse(request, clipPath, 'media');
  }

  const filePath = resolveRendererFile(ctx.rendererDir, pathname);
  if (!filePath) return new Response('Not found', { status: 404 });
  if (path.basename(filePath) === 'index.html') {
    let html = await readFile(filePath, 'utf8');
    if (ctx.transformIndexHtml) html = ctx.transformIndexHtml(html);
    return new Response(request.method === 'HEAD' ? null : html, {
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'Cache-Control': 'no-store',
      },
    });
  }
  return createFileResponse(request, filePath, 'app');
}
