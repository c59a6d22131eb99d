// Where a worker thread's bundle is (scripts/build-workers.mjs; the test setup builds it too):
// next to the running bundle in out/, or in out/ of the repository when running from source.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The path of `out/workers/<name>.mjs`; throws when it isn't built. */
export function workerScript(name: string): string {
  // In a packaged app the bundle sits in app.asar; electron-builder unpacks the workers next to it.
  const here = path.dirname(fileURLToPath(import.meta.url)).replace(/app\.asar(?=$|[\\/])/, 'app.asar.unpacked');
  const candidates = [path.join(here, `../workers/${name}.mjs`), path.join(here, `../../../out/workers/${name}.mjs`)];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`The ${name} is not built (looked in ${candidates.join(', ')}); run npm run build`);
  return found;
}
