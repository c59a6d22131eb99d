// Notes saved on the main thread while the exchange worker imports a big archive into the same
// database: every save is acknowledged and stored, none is lost to SQLITE_BUSY. How long the
// longest save waited for the worker's merge transaction is printed for bench/RESULTS.md (not
// asserted: a timed assertion would fail on a busy machine).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, expect, it } from 'vitest';
import { manifestEntries } from '../../support/hostile-zip';
import { makeFixture } from '../../support/media-fixtures';
import { startResearcher, type Researcher } from './researcher';

const IMPORTED_NOTES = 5000;
let tmp: string;
const researchers: Researcher[] = [];

afterAll(() => {
  for (const r of researchers) r.backend.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function researcher(name: string): Promise<Researcher> {
  const r = await startResearcher(name, mkdtempSync(path.join(tmp, 'data-')));
  researchers.push(r);
  return r;
}

it('notes saved during a big archive import are all acknowledged and stored', { timeout: 120_000 }, async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vkz-saves-during-import-'));
  const video = await makeFixture('playable-mp4', path.join(tmp, 'media'), { durationSec: 6 });
  const sender = await researcher('Onderzoeker A');
  const trajectory = await sender.call('trajectories.create', { caseManager: 'KM-1', client: 'Cliënt A' });
  const cycle = await sender.call('cycles.create', { trajectoryId: trajectory.id, title: 'Gesprek', date: null });
  sender.open.push([video]);
  const recordingId = (await sender.call('recordings.addViaDialog', { cycleId: cycle.id })).added[0]!.id;
  await sender.call('notes.create', { recordingId, timeSec: 1, kind: 'observation', text: 'Ze knikt.' });
  const small = path.join(tmp, 'klein.vkz');
  sender.save.push(small);
  await sender.call('exchange.exportArchive', { scope: { kind: 'trajectory', trajectoryId: trajectory.id }, kind: 'research-team', includeMedia: false });

  // The same trajectory with thousands of notes more: a long merge transaction.
  const files = unzipSync(readFileSync(small));
  const data = JSON.parse(Buffer.from(files['data.json']!).toString('utf8'));
  const note = data.notes[0];
  data.notes = Array.from({ length: IMPORTED_NOTES }, () => ({ ...note, id: crypto.randomUUID(), text: randomBytes(200).toString('hex') }));
  files['data.json'] = Buffer.from(JSON.stringify(data), 'utf8');
  const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8'));
  manifest.entries = manifestEntries(files);
  files['manifest.json'] = Buffer.from(JSON.stringify(manifest), 'utf8');
  const big = path.join(tmp, 'groot.vkz');
  writeFileSync(big, zipSync(files));

  // The receiver has the trajectory already (and its recording) and keeps writing notes on it.
  const receiver = await researcher('Onderzoeker B');
  receiver.open.push([small]);
  await receiver.call('exchange.importArchive', {});
  receiver.open.push([big]);
  const importing = receiver.backend.handle('exchange.importArchive', {});
  let done = false;
  void importing.finally(() => (done = true));

  const saved: string[] = [];
  const waits: number[] = [];
  while (!done) {
    const started = performance.now();
    const result = await receiver.backend.handle('notes.create', { recordingId, timeSec: 2, kind: 'observation', text: `tijdens import ${saved.length}` });
    waits.push(performance.now() - started);
    expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
    if (result.ok) saved.push((result.value as { id: string }).id);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  expect(await importing).toMatchObject({ ok: true, value: { counts: { note: { added: IMPORTED_NOTES } } } });

  const stored = new Set(receiver.backend.store.notes.listByCycle(receiver.backend.store.cycles.listByTrajectory(trajectory.id)[0]!.id).map((n) => n.id));
  expect(saved.length).toBeGreaterThan(0);
  expect(saved.filter((id) => !stored.has(id))).toEqual([]);
  expect(stored.size).toBe(1 + IMPORTED_NOTES + saved.length);
  const sorted = [...waits].sort((a, b) => a - b);
  console.log(
    `[bench] note saves during a ${IMPORTED_NOTES}-note archive import: ${saved.length} saves, longest wait ${sorted.at(-1)!.toFixed(0)} ms, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms`,
  );
});
