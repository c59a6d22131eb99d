import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Run alone, after the rest: tests that measure how long the backend is held up, and one whose
 * setup encodes four minutes of video (beside two busy files it outlasted its 120-s hook limit).
 */
const ALONE = [
  'tests/integration/exchange/hostile-archive.test.ts',
  'tests/integration/exchange/saves-during-import.test.ts',
  'tests/integration/media-timeline/timeline-backend.test.ts',
];

const shared = { environment: 'node', pool: 'forks', testTimeout: 60_000, hookTimeout: 120_000 } as const;

export default defineConfig({
  test: {
    // Once per run (the root project's), before any file of either group.
    globalSetup: ['tests/support/build-workers.setup.ts', 'tests/support/media-cache.setup.ts'],
    projects: [
      {
        test: {
          ...shared,
          name: 'tests',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          exclude: ALONE,
          // Two test files at a time even on a 2-core machine (vitest's default there is one):
          // most files wait on ffmpeg, a worker thread or a test host they started, and the crash
          // soak (a third of the serial run) waits on its hosts and random moments meanwhile.
          maxWorkers: Math.max(2, availableParallelism() - 1),
        },
      },
      { test: { ...shared, name: 'alone', include: ALONE, maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
