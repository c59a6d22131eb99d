// `npm run bench` (after scripts/build.mjs built the renderer and the test host): bundles the
// benchmark (bench/bench.ts, which imports the app's own services) with esbuild into bench/.work/
// and runs it with Node. Arguments are passed on, e.g. `npm run bench -- --only=media`.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';

mkdirSync('bench/.work', { recursive: true });
await build({
  entryPoints: ['bench/bench.ts'],
  outfile: 'bench/.work/bench.mjs',
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
  // Native and binary-shipping packages, and the browser driver, stay outside the bundle.
  external: [
    'better-sqlite3',
    'fluent-ffmpeg',
    '@ffmpeg-installer/ffmpeg',
    '@ffprobe-installer/ffprobe',
    'playwright-core',
    'playwright',
    '@playwright/test',
    'electron',
  ],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});

const child = spawn(process.execPath, ['--enable-source-maps', 'bench/.work/bench.mjs', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
