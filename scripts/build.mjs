// Builds everything the app and the tests run: the renderer (Vite), the Electron main process
// and preload, and the test host (esbuild). Output goes to out/.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';
import { buildWorkers } from './build-workers.mjs';

rmSync('out', { recursive: true, force: true });

// Native and binary-shipping packages stay outside the bundles.
const external = [
  'electron',
  'better-sqlite3',
  'fluent-ffmpeg',
  '@ffmpeg-installer/ffmpeg',
  '@ffprobe-installer/ffprobe',
];
const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, external, logLevel: 'warning' };

await Promise.all([
  viteBuild({ configFile: 'renderer/vite.config.ts', logLevel: 'warn' }),
  esbuild({
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile: 'out/main/main.cjs',
    format: 'cjs',
    // Services are ESM-first and use import.meta.url (e.g. createRequire): give CJS a real value.
    define: { 'import.meta': '__vkz_import_meta' },
    banner: { js: "const __vkz_import_meta = { url: require('node:url').pathToFileURL(__filename).href };" },
  }),
  // A sandboxed preload must be a single CommonJS file that requires nothing but electron.
  esbuild({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'out/preload/preload.cjs', format: 'cjs' }),
  esbuild({
    ...common,
    entryPoints: ['tests/host/host.ts'],
    outfile: 'out/host/host.js',
    format: 'esm',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }),
  esbuild({ ...common, platform: 'browser', entryPoints: ['tests/host/transport-shim.ts'], outfile: 'out/host/transport.js', format: 'iife' }),
  buildWorkers(),
]);
console.log('build: out/renderer, out/main, out/preload, out/host, out/workers');
