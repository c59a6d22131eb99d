// Sharing is live: feedback the client withdraws after the agendas were built leaves the
// reflection agenda and review mode at once, without regenerating, and the agenda says so.
// The stored record refers to feedback; it keeps no copy of it.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Contract, ResponseOf } from '../../../shared/contract';
import type { ClientFeedback } from '../../../shared/method';
import { createBackend, type Backend } from '../../../electron/services/backend/backend';
import { makeFixture } from '../../support/media-fixtures';

const repoRoot = path.resolve(__dirname, '../../..');
let tmp: string;
let backend: Backend;
let cycleId: string;
let fragmentId: string;

async function ok<C extends keyof Contract>(channel: C, request: unknown): Promise<ResponseOf<C>> {
  const result = await backend.handle(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as ResponseOf<C>;
}

const feedback = (id: string, text: string, sharing: ClientFeedback['sharing']): ClientFeedback => ({
  id,
  agendaItemId: null,
  fragmentId,
  themeId: null,
  text,
  isQuote: true,
  sharing,
  speakerLabel: '',
});

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vkz-live-sharing-'));
  const video = await makeFixture('playable-mp4', path.join(tmp, 'media'), { durationSec: 6 });
  const dialog = [[video]];
  backend = createBackend({
    dataDir: path.join(tmp, 'data'),
    resourcesPath: path.join(repoRoot, 'resources'),
    appVersion: 'test',
    pickMediaFiles: async () => dialog.shift() ?? [],
    mediaUrlFor: (id, version) => `/media/${id}?v=${version}`,
    emit: () => {},
  });
  const trajectory = await ok('trajectories.create', { caseManager: 'KM-1', client: 'Cliënt A' });
  cycleId = (await ok('cycles.create', { trajectoryId: trajectory.id, title: 'Gesprek', date: null })).id;
  const { added } = await ok('recordings.addViaDialog', { cycleId });
  const fragment = await ok('fragments.create', { recordingId: added[0]!.id, inSec: 1, outSec: 3, title: 'moment' });
  fragmentId = fragment.id;
  await ok('fragments.update', { id: fragmentId, patch: { forCaseManager: true } });
});

afterAll(() => {
  backend?.close();
  rmSync(tmp, { recursive: true, force: true });
});

it('drops withdrawn feedback from the agenda and review mode at once, and counts it', async () => {
  await ok('method.update', {
    cycleId,
    patch: { feedback: [feedback('f-open', 'Ik voelde me gehoord.', 'share'), feedback('f-secret', 'GEHEIM-TERUGGETROKKEN', 'share')] },
  });
  const built = await ok('method.buildReflectionAgenda', { cycleId });
  const shown = built.method.reflectionAgenda!.items.flatMap((i) => i.feedback.map((f) => f.text));
  expect(shown).toContain('GEHEIM-TERUGGETROKKEN');
  const before = await ok('review.playlist', { cycleId, source: { kind: 'reflection' } });
  expect(before.flatMap((e) => e.feedback.map((f) => f.text))).toContain('GEHEIM-TERUGGETROKKEN');

  // The client withdraws: share -> niet delen. No regeneration.
  const current = (await ok('method.get', { cycleId })).method;
  await ok('method.update', {
    cycleId,
    patch: { feedback: current.feedback.map((f) => (f.id === 'f-secret' ? { ...f, sharing: 'private' } : f)) },
  });

  const view = await ok('method.get', { cycleId });
  const items = view.method.reflectionAgenda!.items;
  expect(JSON.stringify(items)).not.toContain('GEHEIM-TERUGGETROKKEN');
  expect(items.flatMap((i) => i.feedback.map((f) => f.text))).toContain('Ik voelde me gehoord.');
  const fragmentItem = items.find((i) => i.fragmentId === fragmentId)!;
  expect(fragmentItem.withdrawnFeedback).toBe(1);
  const after = await ok('review.playlist', { cycleId, source: { kind: 'reflection' } });
  expect(JSON.stringify(after)).not.toContain('GEHEIM-TERUGGETROKKEN');
  expect(after.find((e) => e.fragmentId === fragmentId)!.feedback.map((f) => f.text)).toEqual(['Ik voelde me gehoord.']);

  // The agenda as stored refers to feedback by id; the only copy of the text is the record itself.
  const db = new Database(path.join(tmp, 'data', 'vkz.sqlite'), { readonly: true });
  const doc = JSON.parse((db.prepare('SELECT doc_json FROM cycle_methods WHERE cycle_id = ?').get(cycleId) as { doc_json: string }).doc_json);
  db.close();
  expect(JSON.stringify(doc.reflectionAgenda)).not.toContain('GEHEIM-TERUGGETROKKEN');
  expect(doc.reflectionAgenda.items.find((i: { fragmentId: string }) => i.fragmentId === fragmentId).feedbackIds).toEqual(['f-open', 'f-secret']);
});

it('shows feedback the client shares after the agenda was built, at once', async () => {
  const current = (await ok('method.get', { cycleId })).method;
  await ok('method.update', {
    cycleId,
    patch: { feedback: [...current.feedback, feedback('f-later', 'LATER-GEDEELD', 'private')] },
  });
  await ok('method.buildReflectionAgenda', { cycleId });
  const before = await ok('review.playlist', { cycleId, source: { kind: 'reflection' } });
  expect(JSON.stringify(before)).not.toContain('LATER-GEDEELD');

  const now = (await ok('method.get', { cycleId })).method;
  await ok('method.update', { cycleId, patch: { feedback: now.feedback.map((f) => (f.id === 'f-later' ? { ...f, sharing: 'share' } : f)) } });
  const after = await ok('review.playlist', { cycleId, source: { kind: 'reflection' } });
  expect(after.find((e) => e.fragmentId === fragmentId)!.feedback.map((f) => f.text)).toContain('LATER-GEDEELD');
  const item = (await ok('method.get', { cycleId })).method.reflectionAgenda!.items.find((i) => i.fragmentId === fragmentId)!;
  expect(item.feedback.map((f) => f.text)).toContain('LATER-GEDEELD');
});

it('reads agendas stored before they referred to private feedback, and counts a withdrawal from them', async () => {
  // Rewrite the stored record as older versions wrote it: no list of what each item has shown.
  const file = path.join(tmp, 'data', 'vkz.sqlite');
  const db = new Database(file);
  const row = db.prepare('SELECT doc_json FROM cycle_methods WHERE cycle_id = ?').get(cycleId) as { doc_json: string };
  const doc = JSON.parse(row.doc_json);
  for (const item of doc.reflectionAgenda.items) {
    delete item.shownFeedbackIds;
    if (item.fragmentId === fragmentId) item.feedbackIds = ['f-open', 'f-later'];
  }
  db.prepare('UPDATE cycle_methods SET doc_json = ? WHERE cycle_id = ?').run(JSON.stringify(doc), cycleId);
  db.close();

  const current = (await ok('method.get', { cycleId })).method;
  await ok('method.update', { cycleId, patch: { feedback: current.feedback.map((f) => (f.id === 'f-later' ? { ...f, sharing: 'private' } : f)) } });
  const item = (await ok('method.get', { cycleId })).method.reflectionAgenda!.items.find((i) => i.fragmentId === fragmentId)!;
  expect(item.feedback.map((f) => f.text)).toEqual(['Ik voelde me gehoord.']);
  expect(item.withdrawnFeedback).toBe(1);
});
