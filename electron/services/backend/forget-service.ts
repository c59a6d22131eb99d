// "Vergeet deze cliënt": removes a trajectory with every record of it (store/forget-trajectory.ts)
// and every file VKZ derived from its recordings inside the data folder: proxies (also half-made
// ones), waveforms, thumbnails, keyframe estimates and report stills (cache/<recording id>/),
// and media copied in from archives (media/<recording id>.<ext>). Then the database space is
// reclaimed. The user's own video files elsewhere are never touched. The result lists what went.
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ForgetReport } from '../../../shared/privacy/forgetting';
import type { Store } from '../store';
import { UserFacingError } from './errors';

/** The folders of the data folder that hold files named after a recording id. */
const DERIVED_FOLDERS = ['proxies', 'cache', 'media'];

export interface ForgetServiceOptions {
  store: Store;
  dataDir: string;
  /** Stops background work (proxies, timelines) on these recordings before their files go. */
  stopWork(recordingIds: string[]): Promise<void>;
}

/** Every file under `target` (itself when it is a file), with its size. */
async function filesUnder(target: string): Promise<{ file: string; size: number }[]> {
  const info = await stat(target).catch(() => null);
  if (!info) return [];
  if (!info.isDirectory()) return [{ file: target, size: info.size }];
  const entries = await readdir(target);
  return (await Promise.all(entries.map((e) => filesUnder(path.join(target, e))))).flat();
}

export class ForgetService {
  constructor(private readonly opts: ForgetServiceOptions) {}

  async forget(trajectoryId: string): Promise<ForgetReport> {
    const { store, dataDir } = this.opts;
    const trajectory = store.trajectories.get(trajectoryId);
    if (!trajectory) throw new UserFacingError('trajectory.not-found', `No trajectory ${trajectoryId}`);
    const recordingIds = store.cycles.listByTrajectory(trajectoryId).flatMap((c) => store.recordings.listByCycle(c.id).map((r) => r.id));
    await this.opts.stopWork(recordingIds);

    const records = store.forgetting.forget(trajectoryId);
    const ids = records.recordings.map((r) => r.id.toLowerCase());
    const removed: { file: string; size: number }[] = [];
    for (const folder of DERIVED_FOLDERS) {
      const dir = path.join(dataDir, folder);
      const names = await readdir(dir).catch(() => [] as string[]);
      for (const name of names.filter((n) => ids.some((id) => n.toLowerCase().startsWith(id)))) {
        const target = path.join(dir, name);
        removed.push(...(await filesUnder(target)));
        await rm(target, { recursive: true, force: true });
      }
    }
    store.forgetting.reclaimSpace();
    return {
      trajectoryLabel: `${trajectory.caseManager} · ${trajectory.client}`,
      cycles: records.cycles,
      recordings: records.recordings.length,
      notes: records.notes,
      fragments: records.fragments,
      methods: records.methods,
      exportLogEntries: records.exports,
      files: removed.map((r) => path.relative(dataDir, r.file).split(path.sep).join('/')).sort(),
      bytes: removed.reduce((sum, r) => sum + r.size, 0),
    };
  }
}
