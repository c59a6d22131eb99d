// Crash soak: the backend (the test host process, the same backend as the desktop app) is
// killed with SIGKILL at random moments while notes are typed, a proxy is being made and a
// project archive is imported, 100 times. After every kill: SQLite's integrity_check is ok and
// every note the backend acknowledged is there. After every next start: no ffmpeg the killed run
// started still runs, and the half-written files it left (`.part`, the scratch folder) are gone. Needs `npm run build` (the host).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixture } from '../../support/media-fixtures';

const ROUNDS = Number(process.env.VKZ_SOAK_ROUNDS ?? 100);
const HOST = path.resolve('out/host/host.js');

let root: string;
let dataDir: string;
let mediaDir: string;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'vkz-soak-'));
  dataDir = path.join(root, 'data');
  mediaDir = path.join(root, 'media');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Host {
  child: ChildProcess;
  url: string;
  exited: Promise<void>;
}

async function startHost(): Promise<Host> {
  const child = spawn(process.execPath, [HOST], {
    env: { ...process.env, VKZ_DATA_DIR: dataDir, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stderr!.on('data', (chunk: Buffer) => (buffer += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(buffer);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`test host exited with ${code}: ${buffer}`)));
  });
  return { child, url, exited };
}

async function invoke(host: Host, channel: string, request: unknown): Promise<any> {
  const response = await fetch(new URL(`/api/invoke/${channel}`, host.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${channel}: ${result.error?.message}`);
  return result.value;
}

async function post(host: Host, route: string, body: unknown): Promise<void> {
  await fetch(new URL(route, host.url), { method: 'POST', body: JSON.stringify(body) });
}

/** Half-written files and scratch folders, relative to the data folder. */
function leftovers(): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dataDir, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (/(\.part(\.[a-z0-9]+)?|\.partial)$/i.test(entry.name) || child === 'tmp') found.push(child);
      else if (entry.isDirectory()) walk(child);
    }
  };
  walk('');
  return found;
}

/**
 * The processes still working in the data folder (ffmpeg the backend started): a SIGKILL of the
 * backend does not end them, the next start must. Seen from outside, by their command line.
 */
function processesInDataDir(): number[] {
  try {
    return execFileSync('pgrep', ['-f', dataDir], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when none matches
  }
}

/** Of `pids`, those still running a command in the data folder (their command lines are kept for the report). */
function stillInDataDir(pids: number[]): number[] {
  const now = new Set(processesInDataDir());
  const still = pids.filter((pid) => now.has(pid));
  for (const pid of still) {
    try {
      survivorCommands.push(execFileSync('ps', ['-ww', '-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).trim());
    } catch {
      // ended just now
    }
  }
  return still;
}
const survivorCommands: string[] = [];

describe('crash soak', () => {
  it(`kills the backend ${ROUNDS} times mid-work: no acknowledged note lost, integrity ok, no leftovers`, async () => {
    // Set up: a cycle with a playable recording (notes) and one that needs a proxy, and an
    // archive of the trajectory to import again and again.
    const playable = await makeFixture('playable-mp4', mediaDir, { durationSec: 10 });
    const needsProxy = await makeFixture('needs-proxy', mediaDir, { durationSec: 20 });
    let host = await startHost();
    await invoke(host, 'settings.update', { authorName: 'Soak' });
    const trajectory = await invoke(host, 'trajectories.create', { caseManager: 'KM-S', client: 'Cliënt S' });
    const cycle = await invoke(host, 'cycles.create', { trajectoryId: trajectory.id, title: 'Gesprek 1', date: '2025-01-01' });
    await post(host, '/__test/dialog', { paths: [playable, needsProxy] });
    const { added } = await invoke(host, 'recordings.addViaDialog', { cycleId: cycle.id });
    const recordingId: string = added[0].id;
    const proxyRecordingId: string = added[1].id;
    const archive = path.join(root, 'project.vkz');
    await post(host, '/__test/save-dialog', { path: archive });
    await invoke(host, 'exchange.exportArchive', {
      scope: { kind: 'trajectory', trajectoryId: trajectory.id },
      kind: 'research-team',
      includeMedia: false,
    });
    await expect.poll(() => existsSync(archive), { timeout: 60_000 }).toBe(true);

    const acknowledged: string[] = [];
    let integrityFailures = 0;
    let lost = 0;
    let leftoversAfterStart = 0;
    let leftoversSeen = 0;
    const killedDuring = { proxy: 0, import: 0 };
    let outlived: number[] = []; // ffmpeg of the killed run, still running when it died
    let roundsWithSurvivors = 0;
    let survivorsAfterStart = 0;

    for (let round = 0; round < ROUNDS; round++) {
      if (round > 0) {
        const before = leftovers();
        leftoversSeen += before.length;
        host = await startHost();
        // Before the host listens it has stopped the killed run's ffmpeg and removed what it left.
        survivorsAfterStart += stillInDataDir(outlived).length;
        leftoversAfterStart += before.filter((p) => existsSync(path.join(dataDir, p))).length;
      }
      const current = host;
      let stop = false;
      const typing = (async () => {
        for (let i = 0; !stop; i++) {
          try {
            const note = await invoke(current, 'notes.create', {
              recordingId,
              timeSec: (round * 7 + i) % 10,
              kind: 'observation',
              text: `ronde ${round} notitie ${i}`,
            });
            acknowledged.push(note.id); // the backend answered: this note must survive
          } catch {
            return; // killed
          }
        }
      })();
      const proxy = invoke(current, 'recordings.retryProxy', { id: proxyRecordingId }).then(
        () => 'proxy',
        () => null,
      );
      await post(current, '/__test/dialog', { paths: [archive] }).catch(() => undefined);
      const importing = invoke(current, 'exchange.importArchive', {}).then(
        () => 'import',
        () => null,
      );

      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 1200));
      const progress = await invoke(current, 'exchange.progress', {}).catch(() => null);
      if (progress?.operation === 'import-archive') killedDuring.import++;
      const workspace = await invoke(current, 'workspace.get', { cycleId: cycle.id }).catch(() => null);
      if (workspace?.recordings.find((r: any) => r.id === proxyRecordingId)?.proxyState === 'running') killedDuring.proxy++;
      current.child.kill('SIGKILL');
      await current.exited;
      outlived = processesInDataDir();
      if (outlived.length > 0) roundsWithSurvivors++;
      stop = true;
      await Promise.all([typing, proxy, importing]);

      const db = new Database(path.join(dataDir, 'vkz.sqlite'));
      try {
        if (db.pragma('integrity_check', { simple: true }) !== 'ok') integrityFailures++;
        const present = new Set(db.prepare('SELECT id FROM notes WHERE deleted_at IS NULL').pluck().all() as string[]);
        lost = acknowledged.filter((id) => !present.has(id)).length;
      } finally {
        db.close();
      }
    }
    host = await startHost();
    survivorsAfterStart += stillInDataDir(outlived).length;
    const finalLeftovers = leftovers().filter((p) => !p.startsWith('backups'));
    host.child.kill('SIGKILL');
    await host.exited;

    console.log(
      `[soak] ${ROUNDS} SIGKILLs: ${acknowledged.length} notes acknowledged, ${lost} lost; ` +
        `integrity_check failed ${integrityFailures}×; ${leftoversSeen} leftover files after kills, ` +
        `${leftoversAfterStart} still there after the next start; killed during a proxy ${killedDuring.proxy}×, ` +
        `during an archive import ${killedDuring.import}×; an ffmpeg outlived the backend ${roundsWithSurvivors}×, ` +
        `${survivorsAfterStart} still running after the next start`,
    );
    expect(lost).toBe(0);
    expect(integrityFailures).toBe(0);
    expect(survivorCommands).toEqual([]);
    expect(survivorsAfterStart).toBe(0);
    expect(leftoversAfterStart).toBe(0);
    expect(finalLeftovers).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(ROUNDS);
  }, 600_000);
});
