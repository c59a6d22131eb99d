// One researcher's VKZ for the exchange tests: a backend on its own data folder (real SQLite),
// with file dialogs answered from queues, and typed calls that fail loudly.
import path from 'node:path';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/contract';
import { createBackend, type Backend } from '../../../electron/services/backend/backend';

const repoRoot = path.resolve(__dirname, '../../..');

export interface Researcher {
  name: string;
  dataDir: string;
  backend: Backend;
  /** Answers for the next open dialogs (media, transcripts, archives). */
  open: string[][];
  /** Answers for the next save dialogs. */
  save: (string | null)[];
  /** The file names the app proposed in its save dialogs, in order. */
  proposed: string[];
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  /** The error code of a call that must fail. */
  fail<C extends Channel>(channel: C, request: RequestOf<C>): Promise<{ code: string; message: string; params?: Record<string, string | number> }>;
}

export async function startResearcher(name: string, dataDir: string): Promise<Researcher> {
  const open: string[][] = [];
  const save: (string | null)[] = [];
  const proposed: string[] = [];
  const backend = createBackend({
    dataDir,
    resourcesPath: path.join(repoRoot, 'resources'),
    appVersion: 'test',
    pickMediaFiles: async () => open.shift() ?? [],
    pickOpenFile: async () => open.shift()?.[0] ?? null,
    pickSavePath: async ({ defaultName }) => {
      proposed.push(defaultName);
      return save.shift() ?? null;
    },
    mediaUrlFor: (id, version) => `/media/${id}?v=${version}`,
    emit: () => undefined,
  });
  const researcher: Researcher = {
    name,
    dataDir,
    backend,
    open,
    save,
    proposed,
    async call(channel, request) {
      const result = await backend.handle(channel, request);
      if (!result.ok) throw new Error(`${name}: ${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
    async fail(channel, request) {
      const result = await backend.handle(channel, request);
      if (result.ok) throw new Error(`${name}: ${channel} should have failed`);
      return result.error;
    },
  };
  await researcher.call('settings.update', { authorName: name });
  return researcher;
}

/** The start of most exchange tests: a trajectory with one cycle, `video` added as its recording,
 * and one note on it. */
export async function trajectoryWithRecording(r: Researcher, video: string): Promise<{ trajectoryId: string; recordingId: string }> {
  const trajectory = await r.call('trajectories.create', { caseManager: 'KM-1', client: 'Cliënt A' });
  const cycle = await r.call('cycles.create', { trajectoryId: trajectory.id, title: 'Gesprek', date: null });
  r.open.push([video]);
  const recordingId = (await r.call('recordings.addViaDialog', { cycleId: cycle.id })).added[0]!.id;
  await r.call('notes.create', { recordingId, timeSec: 1, kind: 'observation', text: 'Ze knikt.' });
  return { trajectoryId: trajectory.id, recordingId };
}

/** Everything a trajectory holds, as the store has it, minus what is local to a machine. */
export function snapshot(r: Researcher, trajectoryId: string) {
  const { store } = r.backend;
  const cycles = store.cycles.listByTrajectory(trajectoryId);
  return {
    trajectory: store.exchange.trajectory(trajectoryId),
    reportSettings: store.exchange.reportSettings(trajectoryId),
    cycles,
    recordings: cycles.flatMap((c) =>
      store.recordings.listByCycle(c.id).map(({ filePath: _p, proxyPath: _pp, proxyState: _s, proxyProgress: _pr, proxyError: _e, ...rest }) => rest),
    ),
    notes: cycles.flatMap((c) => store.exchange.notesOfCycle(c.id)).sort((a, b) => a.id.localeCompare(b.id)),
    fragments: cycles.flatMap((c) => store.exchange.fragmentsOfCycle(c.id)).sort((a, b) => a.id.localeCompare(b.id)),
    methods: cycles.map((c) => store.exchange.method(c.id)),
  };
}
