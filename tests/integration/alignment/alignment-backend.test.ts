// Two researchers align their analyses through the backend: real SQLite, a real recording.
// Joint fragments and notes replace their originals in the agendas, undo brings them back,
// everything survives a restart, travels in an archive, and the agreement CSV is pseudonymised.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/exchange/csv';
import { makeFixture } from '../../support/media-fixtures';
import { startResearcher, type Researcher } from '../exchange/researcher';

let tmp: string;
let video: string;
const open: Researcher[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vkz-alignment-'));
  video = await makeFixture('playable-mp4', tmp, { durationSec: 60 });
});
afterAll(() => {
  for (const r of open) r.backend.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function researcher(name: string, dir: string): Promise<Researcher> {
  const r = await startResearcher(name, path.join(tmp, dir));
  open.push(r);
  return r;
}

describe('aligning two analyses on one machine', () => {
  let r: Researcher;
  let cycleId: string;
  let trajectoryId: string;
  let recordingId: string;
  const ids: Record<string, string> = {};

  it('two researchers analyse one recording under their own names', async () => {
    r = await researcher('Anna', 'one');
    const trajectory = await r.call('trajectories.create', { caseManager: 'KM-1', client: 'Cliënt A' });
    trajectoryId = trajectory.id;
    cycleId = (await r.call('cycles.create', { trajectoryId, title: 'Gesprek 1', date: '2026-11-20' })).id;
    r.open.push([video]);
    recordingId = (await r.call('recordings.addViaDialog', { cycleId })).added[0]!.id;
    const fragment = async (key: string, inSec: number, outSec: number, themes: string[], valence: 'positive' | 'concern') => {
      const f = await r.call('fragments.create', { recordingId, inSec, outSec, themes, valence, title: key });
      await r.call('fragments.update', { id: f.id, patch: { forCaseManager: true } });
      ids[key] = f.id;
    };
    await fragment('a1', 10, 20, ['flow'], 'positive');
    await fragment('a2', 30, 35, ['authenticity'], 'positive');
    ids.n1 = (await r.call('notes.create', { recordingId, timeSec: 50, kind: 'question_case_manager', text: 'Waarom valt het stil?' })).id;
    await r.call('settings.update', { authorName: 'Bram' });
    await fragment('b1', 12, 22, ['shared-goal'], 'concern');
    await fragment('b3', 44, 55, ['flow'], 'positive');
    ids.n2 = (await r.call('notes.create', { recordingId, timeSec: 52, kind: 'question_case_manager', text: 'Wat dacht de cliënt?' })).id;
  });

  it('combines a pair: a joint fragment by "samen" with the range of both and all themes', async () => {
    const decision = await r.call('alignment.decide', { cycleId, subject: 'fragments', sourceIds: [ids.a1!, ids.b1!], action: 'combine', range: 'union' });
    expect(decision).toMatchObject({ action: 'combine', authors: ['Anna', 'Bram'], author: 'Bram' });
    const joint = r.backend.store.fragments.get(decision.resultId!)!;
    expect(joint).toMatchObject({ author: 'samen (Anna & Bram)', inSec: 10, outSec: 22, themes: ['flow', 'shared-goal'], valence: 'positive', forCaseManager: true });
    ids.joint1 = joint.id;
    // The originals are untouched.
    expect(r.backend.store.fragments.get(ids.a1!)).toMatchObject({ inSec: 10, outSec: 20, author: 'Anna' });
  });

  it('takes one version of a single, marks another "besproken", merges notes', async () => {
    ids.takeDecision = (await r.call('alignment.decide', { cycleId, subject: 'fragments', sourceIds: [ids.b3!], action: 'take', takeId: ids.b3! })).id;
    await r.call('alignment.decide', { cycleId, subject: 'fragments', sourceIds: [ids.a2!], action: 'discussed', comment: 'Niet echt, eens na gesprek' });
    const merged = await r.call('alignment.decide', { cycleId, subject: 'notes', sourceIds: [ids.n1!, ids.n2!], action: 'merge' });
    expect(r.backend.store.notes.get(merged.resultId!)).toMatchObject({
      author: 'samen (Anna & Bram)',
      timeSec: 50,
      text: 'Waarom valt het stil? (Anna)\nWat dacht de cliënt? (Bram)',
    });
  });

  it('refuses to align what is already aligned, a joint record, or a wrong action', async () => {
    expect((await r.fail('alignment.decide', { cycleId, subject: 'fragments', sourceIds: [ids.a1!], action: 'discussed' })).code).toBe('alignment.already-aligned');
    expect((await r.fail('alignment.decide', { cycleId, subject: 'fragments', sourceIds: [ids.joint1!], action: 'discussed' })).code).toBe('alignment.joint-source');
    expect((await r.fail('alignment.decide', { cycleId, subject: 'notes', sourceIds: [ids.n1!], action: 'combine' })).code).toBe('alignment.bad-action');
    const loose = await r.call('fragments.create', { recordingId, inSec: 56, outSec: 58 });
    const note = await r.call('notes.create', { recordingId, timeSec: 57, kind: 'observation', text: 'los' });
    expect((await r.fail('alignment.decide', { cycleId, subject: 'fragments', sourceIds: [loose.id], action: 'take', takeId: ids.a1! })).code).toBe('alignment.bad-take');
    // A note given as a fragment, an unknown id, ids that are no ids: refused, nothing stored.
    expect((await r.fail('alignment.decide', { cycleId, subject: 'fragments', sourceIds: [note.id], action: 'discussed' })).code).toBe('alignment.source-gone');
    expect((await r.fail('alignment.decide', { cycleId, subject: 'fragments', sourceIds: [cycleId], action: 'discussed' })).code).toBe('alignment.source-gone');
    expect((await r.fail('alignment.decide', { cycleId, subject: 'fragments', sourceIds: ['../x'], action: 'discussed' })).code).toBe('invalid-request');
    await r.call('fragments.delete', { id: loose.id });
    await r.call('notes.delete', { id: note.id });
    expect(await r.call('alignment.list', { cycleId })).toHaveLength(4);
  });

  it('the reflection agenda is built from the joint analysis', async () => {
    const view = await r.call('method.buildReflectionAgenda', { cycleId });
    const fragmentIds = view.method.reflectionAgenda!.items.map((i) => i.fragmentId).filter(Boolean);
    const taken = r.backend.store.alignments.get(ids.takeDecision!)!.resultId!;
    expect(new Set(fragmentIds)).toEqual(new Set([ids.joint1, taken]));
    const questions = view.method.reflectionAgenda!.items.filter((i) => i.section === 'analysis-questions');
    expect(questions.map((q) => q.questions[0])).toEqual(['Waarom valt het stil? (Anna)\nWat dacht de cliënt? (Bram)']);
  });

  it('editing the joint fragment keeps it written by "samen"; undo brings the original back into the agenda', async () => {
    const decision = r.backend.store.alignments.listByCycle(cycleId).find((d) => d.resultId === ids.joint1)!;
    const edited = await r.call('alignment.editResult', { decisionId: decision.id, patch: { title: 'Samenvatten', valence: 'concern' } });
    expect(edited).toMatchObject({ title: 'Samenvatten', valence: 'concern', author: 'samen (Anna & Bram)' });

    const taken = r.backend.store.alignments.get(ids.takeDecision!)!.resultId!;
    await r.call('alignment.undo', { id: ids.takeDecision! });
    expect(r.backend.store.fragments.get(taken)).toBeNull();
    const view = await r.call('method.buildReflectionAgenda', { cycleId });
    const live = view.method.reflectionAgenda!.items.filter((i) => !i.removed && !i.orphaned).map((i) => i.fragmentId).filter(Boolean);
    expect(new Set(live)).toEqual(new Set([ids.joint1, ids.b3]));
    expect(await r.call('alignment.list', { cycleId })).toHaveLength(3);
  });

  it('survives a restart', async () => {
    r.backend.close();
    open.splice(open.indexOf(r), 1);
    r = await researcher('Bram', 'one');
    const decisions = await r.call('alignment.list', { cycleId });
    expect(decisions.map((d) => d.action)).toEqual(['combine', 'discussed', 'merge']);
    expect(decisions[1]!.comment).toBe('Niet echt, eens na gesprek');
  });

  it('travels in an archive: decisions, undone ones and joint fragments arrive at a colleague', async () => {
    const archive = path.join(tmp, 'gesprek.vkz');
    r.save.push(archive);
    await r.call('exchange.exportArchive', { scope: { kind: 'cycle', cycleId }, kind: 'research-team', includeMedia: false });
    const colleague = await researcher('Cas', 'two');
    colleague.open.push([archive]);
    await colleague.call('exchange.importArchive', {});
    const theirs = await colleague.call('alignment.list', { cycleId });
    expect(theirs.map((d) => [d.action, d.resultId])).toEqual((await r.call('alignment.list', { cycleId })).map((d) => [d.action, d.resultId]));
    expect(colleague.backend.store.fragments.get(ids.joint1!)).toMatchObject({ author: 'samen (Anna & Bram)', title: 'Samenvatten' });
    expect(colleague.backend.store.alignments.allOfCycle(cycleId).filter((d) => d.deletedAt !== null)).toHaveLength(1);
  });

  it('exports the agreement table as CSV with numbers, explanations and the pseudonym list applied', async () => {
    await r.call('pseudonyms.set', { trajectoryId, list: [{ name: 'Bram', replacement: '[onderzoeker B]' }] });
    const target = path.join(tmp, 'overeenstemming');
    r.save.push(target);
    const { path: written } = await r.call('alignment.exportAgreement', { cycleId, left: 'Anna', right: 'Bram', threshold: 0.3 });
    expect(written).toBe(`${target}.csv`);
    const text = readFileSync(written!, 'utf8');
    expect(text).not.toMatch(/Bram/);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['Onderzoekers', 'Anna & [onderzoeker B]']);
    const header = rows[3]!;
    expect(header.slice(0, 3)).toEqual(['Onderdeel', 'Overeenstemming in tijd', 'Cohens kappa']);
    // "Gemarkeerd": Anna 10-20, 30-35; Bram 12-22, 44-55 over 60 moments: both 8, Anna only 2 + 5, Bram only 2 + 11, none 32.
    // po = 40/60; pA = 15/60, pB = 21/60; pe = .25*.35 + .75*.65 = .575; kappa = (.6667 - .575) / .425 = .2157.
    const marked = rows[4]!;
    expect(marked[0]).toBe('Gemarkeerd (elk fragment)');
    expect(Number(marked[1])).toBeCloseTo(40 / 60, 3);
    expect(Number(marked[2])).toBeCloseTo(0.2157, 3);
    // Event agreement: a1-b1 pair (8/12 = .67), the rest single: 2 * 1 / 4 = 0.5.
    expect(Number(marked[4])).toBe(0.5);
    expect(marked[6]).toBe('Weinig fragmenten: zegt nog weinig.');
  });
});
