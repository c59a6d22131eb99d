import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/support/build-workers.setup.ts', 'tests/support/media-cache.setup.ts'],
    pool: 'forks',
    // Two test files at a time even on a 2-core machine (vitest's default there is one): most
    // files wait on ffmpeg, a worker thread or a test host they started, and the crash soak
    // (a third of the serial run) waits on its hosts and random moments; another file runs meanwhile.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
