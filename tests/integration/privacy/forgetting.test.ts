// "Vergeet deze cliënt": after forgetting a trajectory, no file under the data folder mentions
// any of its ids (database, WAL, caches), its recordings' derived files are gone (proxy,
// waveform, thumbnails, stills, media copied in from an archive), the original video files are
// untouched, other trajectories are intact, and the app lists what it removed.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeFixture } from '../../support/media-fixtures';
import { startResearcher, type Researcher } from '../exchange/researcher';

let tmp: string;
const researchers: Researcher[] = [];
let originals: string[];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vkz-forget-'));
  const media = path.join(tmp, 'media-of-the-user');
  originals = [
    await makeFixture('playable-mp4', media, { durationSec: 6 }),
    await makeFixture('needs-proxy', media, { durationSec: 4 }),
  ];
});

afterAll(() => {
  for (const r of researchers) r.backend.close();
  rmSync(tmp, { recursive: true, force: true });
});

it('forgets a trajectory with every record and derived file, and lists what it removed', async () => {
  const a = await startResearcher('Onderzoeker A', path.join(tmp, 'data-a'));
  const b = await startResearcher('Onderzoeker B', path.join(tmp, 'data-b'));
  researchers.push(a, b);
  const before = originals.map((f) => ({ file: f, sha: sha(f), mtime: statSync(f).mtimeMs }));

  // A annotates two recordings and hands the project with its videos to B.
  const trajectory = await a.call('trajectories.create', { caseManager: 'KM-9', client: 'Cliënt Z' });
  const cycle = await a.call('cycles.create', { trajectoryId: trajectory.id, title: 'Gesprek', date: null });
  a.open.push(originals);
  const added = (await a.call('recordings.addViaDialog', { cycleId: cycle.id })).added;
  const note = await a.call('notes.create', { recordingId: added[0]!.id, timeSec: 1, kind: 'observation', text: 'VERTROUWELIJK-ZIN' });
  const fragment = await a.call('fragments.create', { recordingId: added[0]!.id, inSec: 1, outSec: 3, title: 'moment' });
  await a.call('fragments.update', { id: fragment.id, patch: { forCaseManager: true } });
  await a.call('pseudonyms.set', { trajectoryId: trajectory.id, list: [{ name: 'Zoë', replacement: '[cliënt]' }] });
  await a.call('retention.set', { trajectoryId: trajectory.id, keepUntil: '2020-01-01' });
  const archive = path.join(tmp, 'team.vkz');
  a.save.push(archive);
  await a.call('exchange.exportArchive', { scope: { kind: 'trajectory', trajectoryId: trajectory.id }, kind: 'research-team', includeMedia: true });
  await a.backend.idle();

  b.open.push([archive]);
  await b.call('exchange.importArchive', {});
  const kept = await b.call('trajectories.create', { caseManager: 'KM-1', client: 'Cliënt A' });
  const keptCycle = await b.call('cycles.create', { trajectoryId: kept.id, title: 'Blijft', date: null });
  // B works with it: proxies, waveforms and thumbnails are made, a report with stills exported.
  for (const r of added) await b.call('media.timelineData', { recordingId: r.id });
  await b.call('recordings.retryProxy', { id: added[1]!.id });
  await b.backend.idle();
  b.save.push(path.join(tmp, 'rapport.html'));
  await b.call('report.export', { cycleId: cycle.id, scope: 'cycle', format: 'html', includeStills: true });
  await b.backend.idle();

  const dataDir = b.dataDir;
  const derivedBefore = filesUnder(dataDir).map((f) => path.relative(dataDir, f).split(path.sep).join('/'));
  for (const r of added) {
    expect(derivedBefore.some((f) => f.startsWith(`cache/${r.id}/`))).toBe(true);
    expect(derivedBefore.some((f) => f.startsWith(`media/${r.id}`))).toBe(true);
  }
  expect(derivedBefore.some((f) => f.startsWith(`proxies/${added[1]!.id}`))).toBe(true);
  expect(derivedBefore.some((f) => /\/still-\d+-\d+(-proxy)?\.jpg$/.test(f))).toBe(true);
  expect((await b.call('exportLog.list', { trajectoryId: trajectory.id })).length).toBe(1);

  const report = await b.call('trajectories.forget', { id: trajectory.id });

  // What the app says it removed.
  expect(report).toMatchObject({ trajectoryLabel: 'KM-9 · Cliënt Z', cycles: 1, recordings: 2, notes: 1, fragments: 1, exportLogEntries: 1 });
  expect(report.files).toEqual(expect.arrayContaining(derivedBefore.filter((f) => /^(cache|media|proxies)\//.test(f) && added.some((r) => f.includes(r.id)))));
  expect(report.bytes).toBeGreaterThan(0);

  // No file under the data folder mentions any of its ids or its text: database, WAL, caches.
  const secrets = [trajectory.id, cycle.id, note.id, fragment.id, ...added.map((r) => r.id), 'VERTROUWELIJK-ZIN', 'KM-9'];
  for (const file of filesUnder(dataDir)) {
    const bytes = readFileSync(file);
    for (const secret of secrets) {
      expect(bytes.includes(Buffer.from(secret, 'utf8')), `${path.relative(dataDir, file)} mentions ${secret}`).toBe(false);
    }
  }
  expect(await b.call('trajectories.list', {})).toEqual([expect.objectContaining({ id: kept.id })]);
  expect(await b.call('cycles.list', { trajectoryId: kept.id })).toEqual([expect.objectContaining({ id: keptCycle.id })]);
  expect(await b.call('retention.list', {})).toEqual({});

  // The user's own videos are untouched.
  for (const o of before) {
    expect(sha(o.file)).toBe(o.sha);
    expect(statSync(o.file).mtimeMs).toBe(o.mtime);
  }
}, 180_000);
