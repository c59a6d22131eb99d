// Vitest global setup: the worker threads run from their bundle, so build it from the current source.
// @ts-expect-error: a plain .mjs build script without types
import { buildWorkers } from '../../scripts/build-workers.mjs';

export default async function setup(): Promise<void> {
  await buildWorkers();
}
