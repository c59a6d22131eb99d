// Global setup of vitest and Playwright: one folder for the media this test run makes
// (media-cache.ts), removed when the run ends. Test processes inherit its name from the environment.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MEDIA_CACHE_ENV } from './media-cache';

export default function setup(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vkz-test-media-'));
  process.env[MEDIA_CACHE_ENV] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
