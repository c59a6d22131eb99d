// Test media is made once per test run and copied to each test that asks for it: the same file
// for the same request, without running ffmpeg again. The run's cache folder is made by
// media-cache.setup.ts (vitest's and Playwright's global setup) and named in VKZ_MEDIA_CACHE;
// without it (the benchmark, a script) media is made where it is asked for, as before.
import { constants } from 'node:fs';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const MEDIA_CACHE_ENV = 'VKZ_MEDIA_CACHE';

/** Files being made in this process, so two tests asking at once share one ffmpeg run. */
const making = new Map<string, Promise<void>>();

/** Writes `output` with `make` into a partial file renamed when complete, unless it exists. */
async function makeInPlace(output: string, make: (partial: string) => Promise<void>): Promise<void> {
  if (existsSync(output)) return;
  const pending = making.get(output);
  if (pending) return pending;
  const work = (async () => {
    await mkdir(path.dirname(output), { recursive: true });
    const ext = path.extname(output);
    // Unique per process: test processes running side by side may make the same file at once.
    const partial = path.join(path.dirname(output), `${path.basename(output, ext)}.part-${process.pid}${ext}`);
    await rm(partial, { force: true });
    try {
      await make(partial);
      await rename(partial, output);
    } finally {
      await rm(partial, { force: true });
    }
  })();
  making.set(output, work);
  try {
    await work;
  } finally {
    making.delete(output);
  }
}

/**
 * The file `fileName` in `dir`, made by `make` (which writes the path it is given). `fileName`
 * must say everything the content depends on. `fresh`: replace a file already in `dir` (a test
 * may have changed its copy); otherwise an existing file is kept.
 */
export async function cachedMedia(
  dir: string,
  fileName: string,
  make: (output: string) => Promise<void>,
  opts: { fresh?: boolean } = {},
): Promise<string> {
  const output = path.join(dir, fileName);
  const cacheDir = process.env[MEDIA_CACHE_ENV];
  if (!cacheDir || path.resolve(cacheDir) === path.resolve(dir)) {
    if (opts.fresh) await rm(output, { force: true });
    await makeInPlace(output, make);
    return output;
  }
  if (!opts.fresh && existsSync(output)) return output;
  const cached = path.join(cacheDir, fileName);
  await makeInPlace(cached, make);
  await mkdir(dir, { recursive: true });
  await copyFile(cached, output, constants.COPYFILE_FICLONE);
  return output;
}
