// Builds the worker threads (exchange/exchange-worker.ts, backup/backup-worker.ts) into out/workers/.
// Used by build.mjs, and by the vitest setup so tests run against the current source.
import { build } from 'esbuild';

export function buildWorkers() {
  return build({
    entryPoints: {
      'exchange-worker': 'electron/services/exchange/exchange-worker.ts',
      'backup-worker': 'electron/services/backup/backup-worker.ts',
    },
    outdir: 'out/workers',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    sourcemap: true,
    // The archive import opens its own connection to the database: the native module is loaded
    // from node_modules (unpacked from app.asar in packaged builds, electron-builder.yml).
    external: ['better-sqlite3'],
    logLevel: 'warning',
    external: ['better-sqlite3'], // native: loaded from node_modules (unpacked in a packaged app)
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}
