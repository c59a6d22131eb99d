// A killed process must not cost more than the change in flight: a child process writes
// notes with the store's own connection settings and is killed with SIGKILL mid-stream;
// afterwards the database is intact and holds every note reported as committed, and no
// half-written transaction.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStore, STORE_PRAGMAS, type Store } from '../../../electron/services/store';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const NOTES_PER_TRANSACTION = 25;

// Plain Node, no TypeScript: better-sqlite3 from the repo, the exported pragmas, and an
// INSERT with the notes table's columns. Prints one line per committed transaction.
const CHILD_SCRIPT = `
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
const [repoRoot, dbPath, pragmasJson, cycleId, recordingId, perTx] = process.argv.slice(2);
const Database = createRequire(repoRoot + '/package.json')('better-sqlite3');
const db = new Database(dbPath);
for (const pragma of JSON.parse(pragmasJson)) db.pragma(pragma);
const insert = db.prepare(
  "INSERT INTO notes (id, created_at, updated_at, author, cycle_id, recording_id, time_sec, kind, text, speaker) " +
  "VALUES (?, ?, ?, 'child', ?, ?, ?, 'transcript', ?, 'KM')");
const writeBatch = db.transaction((batch) => {
  const ids = [];
  for (let i = 0; i < Number(perTx); i++) {
    const id = randomUUID();
    const now = new Date().toISOString();
    insert.run(id, now, now, cycleId, recordingId, (batch * 0.01 + i * 0.0001) % 600, 'batch ' + batch + ' line ' + i);
    ids.push(id);
  }
  return ids;
});
process.stdout.write('ready\\n');
for (let batch = 0; ; batch++) {
  const ids = writeBatch(batch);
  // Reported only after COMMIT returned (stdout to a pipe is synchronous on Linux).
  process.stdout.write('committed ' + batch + ' ' + ids.join(',') + '\\n');
}
`;

let root: string;
let store: Store | undefined;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'vkz-store-durability-'));
});
afterEach(() => {
  store?.close();
  rmSync(root, { recursive: true, force: true });
});

interface ChildResult {
  committed: Map<number, string[]>;
  signal: NodeJS.Signals | null;
}

function runChildAndKill(args: string[], killAfterBatches: number): Promise<ChildResult> {
  const scriptPath = join(root, 'write-notes.mjs');
  writeFileSync(scriptPath, CHILD_SCRIPT);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [scriptPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const committed = new Map<number, string[]>();
    let buffered = '';
    let stderr = '';
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        const match = /^committed (\d+) (.+)$/.exec(line);
        if (match) committed.set(Number(match[1]), match[2]!.split(','));
      }
      if (!killed && committed.size >= killAfterBatches) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    // 'close', not 'exit': every line the child managed to write has been read by then.
    child.on('close', (code, signal) => {
      if (!killed) reject(new Error(`child exited on its own (code ${code}): ${stderr}`));
      else resolve({ committed, signal });
    });
  });
}

it('keeps every committed note and no half transaction when the writing process is killed', async () => {
  store = openStore(root);
  const trajectory = store.trajectories.create({ caseManager: 'KM-3', client: 'Cliënt A' }, 'Ann');
  const cycle = store.cycles.create({ trajectoryId: trajectory.id, title: 'Gesprek 1', date: null }, 'Ann');
  const recording = store.recordings.create(
    {
      cycleId: cycle.id,
      fileName: 'gesprek.mp4',
      filePath: '/m/gesprek.mp4',
      media: { durationSec: 3600, formatName: 'mp4', sizeBytes: 1, video: null, audio: null },
      proxyReason: null,
      proxyState: 'not-needed',
    },
    'Ann',
  );
  const before = store.notes.create(
    { cycleId: cycle.id, recordingId: recording.id, timeSec: 0, kind: 'event', text: 'written by the app before the crash' },
    'Ann',
  );
  store.close();
  store = undefined;

  const { committed, signal } = await runChildAndKill(
    [REPO_ROOT, join(root, 'vkz.sqlite'), JSON.stringify(STORE_PRAGMAS), cycle.id, recording.id, String(NOTES_PER_TRANSACTION)],
    200,
  );
  expect(signal).toBe('SIGKILL');
  expect(committed.size).toBeGreaterThanOrEqual(200);

  store = openStore(root);
  expect(store.checkIntegrity()).toEqual({ ok: true, problems: [] });
  const notes = store.notes.listByCycle(cycle.id);
  const ids = new Set(notes.map((n) => n.id));
  expect(ids.has(before.id)).toBe(true);
  const reported = [...committed.values()].flat();
  const lost = reported.filter((id) => !ids.has(id));
  expect(lost).toEqual([]);

  // Every transaction is all there or not there at all (the one in flight may be either).
  const perBatch = new Map<string, number>();
  for (const note of notes) {
    const batch = /^batch (\d+) line/.exec(note.text)?.[1];
    if (batch !== undefined) perBatch.set(batch, (perBatch.get(batch) ?? 0) + 1);
  }
  expect([...perBatch.values()].every((count) => count === NOTES_PER_TRANSACTION)).toBe(true);
  expect(perBatch.size).toBeGreaterThanOrEqual(committed.size);
  expect(perBatch.size).toBeLessThanOrEqual(committed.size + 1);

  // And the app carries on writing.
  const after = store.notes.create(
    { cycleId: cycle.id, recordingId: recording.id, timeSec: 1, kind: 'event', text: 'after restart' },
    'Ann',
  );
  expect(store.notes.get(after.id)).toEqual(after);
});
