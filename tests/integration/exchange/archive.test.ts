// Project exchange end to end through the backend: real SQLite in temporary data folders, a
// real generated video, archives written to disk and read back.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixture } from '../../support/media-fixtures';
import { snapshot, startResearcher, type Researcher } from './researcher';

let tmp: string;
let video: string;
const researchers: Researcher[] = [];

async function researcher(name: string): Promise<Researcher> {
  const r = await startResearcher(name, mkdtempSync(path.join(tmp, `data-${name.replace(/\W/g, '')}-`)));
  researchers.push(r);
  return r;
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vkz-exchange-'));
  video = await makeFixture('playable-mp4', path.join(tmp, 'media'), { durationSec: 12 });
});

afterAll(() => {
  for (const r of researchers) r.backend.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** A trajectory with one cycle, one recording, notes (one deleted), a fragment, a method record and a pseudonym list. */
async function annotatedProject(a: Researcher) {
  const trajectory = await a.call('trajectories.create', { caseManager: 'KM-3', client: 'Cliënt A' });
  const cycle = await a.call('cycles.create', { trajectoryId: trajectory.id, title: 'Gesprek 1', date: '2026-03-02' });
  a.open.push([video]);
  const added = await a.call('recordings.addViaDialog', { cycleId: cycle.id });
  const recording = added.added[0]!;
  const n1 = await a.call('notes.create', { recordingId: recording.id, timeSec: 1.5, kind: 'transcript', text: 'Goedemorgen.', speaker: 'KM' });
  const n2 = await a.call('notes.create', { recordingId: recording.id, timeSec: 4, kind: 'observation', text: 'Ze kijkt weg.' });
  const gone = await a.call('notes.create', { recordingId: recording.id, timeSec: 6, kind: 'event', text: 'Telefoon gaat.' });
  await a.call('notes.delete', { id: gone.id });
  const fragment = await a.call('fragments.create', { recordingId: recording.id, inSec: 2, outSec: 5, title: 'Begin', themes: ['authenticity'] });
  await a.call('method.update', { cycleId: cycle.id, patch: { interviewDate: '2026-03-09' } });
  await a.call('pseudonyms.set', { trajectoryId: trajectory.id, list: [{ name: 'Jan de Vries', replacement: '[naam cliënt]' }] });
  return { trajectory, cycle, recording, n1, n2, gone, fragment };
}

async function exportArchive(from: Researcher, trajectoryId: string, includeMedia = false): Promise<string> {
  const target = path.join(tmp, `${from.name.replace(/\W/g, '')}-${Date.now()}-${Math.random().toString(36).slice(2)}.vkz`);
  from.save.push(target);
  const result = await from.call('exchange.exportArchive', { scope: { kind: 'trajectory', trajectoryId }, kind: 'research-team', includeMedia });
  expect(result.path).toBe(target);
  return target;
}

async function importArchive(into: Researcher, file: string) {
  into.open.push([file]);
  const summary = await into.call('exchange.importArchive', {});
  if (!summary) throw new Error('import cancelled');
  return summary;
}

describe('project archive', () => {
  it('export then import into a fresh data folder gives identical records', async () => {
    const a = await researcher('Onderzoeker A');
    const { trajectory } = await annotatedProject(a);
    const file = await exportArchive(a, trajectory.id);

    const c = await researcher('Onderzoeker C');
    const summary = await importArchive(c, file);
    expect(summary).toMatchObject({ trajectoryId: trajectory.id, archiveAuthor: 'Onderzoeker A', includesMedia: false, scope: 'trajectory' });
    expect(summary.total).toMatchObject({ added: 9, updated: 0, conflicts: 0 }); // trajectory, settings, cycle, recording, method, 3 notes, fragment
    expect(summary.conflicts).toEqual([]);
    expect(snapshot(c, trajectory.id)).toEqual(snapshot(a, trajectory.id));
    // The deleted note came along as deleted: not in the lists.
    const [cycle] = await c.call('cycles.list', { trajectoryId: trajectory.id });
    expect(c.backend.store.notes.listByCycle(cycle!.id)).toHaveLength(2);
    // Without media the recording is there, its file is not (the user points VKZ at a copy).
    const ws = await c.call('workspace.get', { cycleId: cycle!.id });
    expect(ws.recordings[0]).toMatchObject({ missing: true, mediaUrl: null });

    // Importing the same archive again changes nothing.
    const again = await importArchive(c, file);
    expect(again.total).toMatchObject({ added: 0, updated: 0, conflicts: 0, unchanged: 9 });
    expect(snapshot(c, trajectory.id)).toEqual(snapshot(a, trajectory.id));
  });

  it('carries a fragment’s still moment, and imports an archive made before stills existed (the middle)', async () => {
    const a = await researcher('Onderzoeker S');
    const { trajectory, fragment } = await annotatedProject(a);
    await a.call('fragments.update', { id: fragment.id, patch: { stillSec: 3.5 } });
    const file = await exportArchive(a, trajectory.id);
    const b = await researcher('Onderzoeker S2');
    expect((await importArchive(b, file)).total.conflicts).toBe(0);
    expect(b.backend.store.fragments.get(fragment.id)?.stillSec).toBe(3.5);
    expect(snapshot(b, trajectory.id)).toEqual(snapshot(a, trajectory.id));

    // The same archive as a VKZ without still moments wrote it: no such field on its fragments.
    const files = unzipSync(readFileSync(file));
    const data = JSON.parse(Buffer.from(files['data.json']!).toString('utf8'));
    for (const f of data.fragments) delete f.stillSec;
    const bytes = strToU8(JSON.stringify(data));
    files['data.json'] = bytes;
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8'));
    manifest.entries['data.json'] = {
      sha256: (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
    };
    files['manifest.json'] = strToU8(JSON.stringify(manifest));
    const older = path.join(tmp, 'before-stills.vkz');
    writeFileSync(older, zipSync(files));
    const c = await researcher('Onderzoeker S3');
    const summary = await importArchive(c, older);
    expect(summary.total).toMatchObject({ added: 9, conflicts: 0 });
    expect(c.backend.store.fragments.get(fragment.id)?.stillSec).toBeNull();
    // A fragment without a still hashes as it did before the field existed: merge logs written then still match.
    const { contentOf, hashContent } = await import('../../../electron/services/exchange/merge-plan');
    const stored = c.backend.store.exchange.fragment(fragment.id)!;
    const { stillSec: _none, ...withoutField } = stored;
    expect(hashContent(contentOf.fragment(stored))).toBe(hashContent(contentOf.fragment(withoutField)));
    expect(hashContent(contentOf.fragment({ ...stored, stillSec: 3.5 }))).not.toBe(hashContent(contentOf.fragment(stored)));
  });

  it('with media ticked, the video arrives in the data folder and plays', async () => {
    const a = await researcher('Onderzoeker A2');
    const { trajectory, recording } = await annotatedProject(a);
    const file = await exportArchive(a, trajectory.id, true);
    expect(statSync(file).size).toBeGreaterThan(statSync(video).size);

    const d = await researcher('Onderzoeker D');
    const summary = await importArchive(d, file);
    expect(summary.mediaImported).toBe(1);
    const stored = d.backend.store.recordings.get(recording.id)!;
    expect(stored.filePath).toBe(path.join(d.dataDir, 'media', `${recording.id}.mp4`));
    expect(statSync(stored.filePath).size).toBe(statSync(video).size);
    expect(readFileSync(stored.filePath).equals(readFileSync(video))).toBe(true);
    const ws = await d.call('workspace.get', { cycleId: stored.cycleId });
    expect(ws.recordings[0]).toMatchObject({ missing: false, proxyState: 'not-needed' });
    expect(ws.recordings[0]!.mediaUrl).toContain(recording.id);
    expect(d.backend.resolveMediaPath(recording.id)).toBe(stored.filePath);
    expect(existsSync(`${stored.filePath}.part`)).toBe(false);

    // A run killed after it copied an archive's video but before the merge committed leaves a
    // client's video no recording refers to: the next start removes it, and only it.
    const orphan = path.join(d.dataDir, 'media', `${randomUUID()}.mp4`);
    copyFileSync(video, orphan);
    d.backend.close();
    researchers.splice(researchers.indexOf(d), 1);
    const again = await startResearcher('Onderzoeker D', d.dataDir);
    researchers.push(again);
    expect(existsSync(orphan)).toBe(false);
    expect(readdirSync(path.join(d.dataDir, 'media'))).toEqual([`${recording.id}.mp4`]);
    expect(again.backend.store.recordings.get(recording.id)!.filePath).toBe(stored.filePath);
  });

  it('merges two researchers’ independent work on the same recording, both ways', async () => {
    const a = await researcher('Onderzoeker A3');
    const { trajectory, recording, n1, n2 } = await annotatedProject(a);
    const b = await researcher('Onderzoeker B3');
    await importArchive(b, await exportArchive(a, trajectory.id));

    // A adds notes; B adds a fragment, edits one of A's notes and deletes the other.
    const a1 = await a.call('notes.create', { recordingId: recording.id, timeSec: 7, kind: 'question_client', text: 'Wat gebeurde hier?' });
    const a2 = await a.call('notes.create', { recordingId: recording.id, timeSec: 8, kind: 'transcript', text: 'Ja.', speaker: 'C' });
    const bf = await b.call('fragments.create', { recordingId: recording.id, inSec: 6, outSec: 9, title: 'Stilte', valence: 'concern' });
    await b.call('notes.update', { id: n2.id, patch: { text: 'Ze kijkt weg en zucht.' } });
    await b.call('notes.delete', { id: n1.id });

    const intoA = await importArchive(a, await exportArchive(b, trajectory.id));
    expect(intoA.conflicts).toEqual([]);
    expect(intoA.counts.fragment).toMatchObject({ added: 1 });
    expect(intoA.counts.note).toMatchObject({ updated: 2, conflicts: 0 });
    const cycleId = recording.cycleId;
    const notesA = a.backend.store.notes.listByCycle(cycleId);
    expect(notesA.map((n) => n.text).sort()).toEqual(['Ja.', 'Wat gebeurde hier?', 'Ze kijkt weg en zucht.']);
    expect(notesA.find((n) => n.id === n2.id)).toMatchObject({ author: 'Onderzoeker B3' });
    expect(a.backend.store.fragments.get(bf.id)).toMatchObject({ title: 'Stilte', author: 'Onderzoeker B3' });

    const intoB = await importArchive(b, await exportArchive(a, trajectory.id));
    expect(intoB.conflicts).toEqual([]);
    expect(intoB.counts.note).toMatchObject({ added: 2 });
    expect(b.backend.store.notes.get(a1.id)).toMatchObject({ text: 'Wat gebeurde hier?', author: 'Onderzoeker A3' });
    expect(b.backend.store.notes.get(a2.id)).not.toBeNull();
    // Both now hold the same work.
    const { notes: na, fragments: fa } = snapshot(a, trajectory.id);
    const { notes: nb, fragments: fb } = snapshot(b, trajectory.id);
    expect(nb).toEqual(na);
    expect(fb).toEqual(fa);
  });

  it('an older archive imported after a newer one changes nothing and asks nothing', async () => {
    const a = await researcher('Onderzoeker A11');
    const { trajectory, n2 } = await annotatedProject(a);
    const b = await researcher('Onderzoeker B11');
    await importArchive(b, await exportArchive(a, trajectory.id));
    await b.call('notes.update', { id: n2.id, patch: { text: 'B, eerste versie.' } });
    const older = await exportArchive(b, trajectory.id);
    await b.call('notes.update', { id: n2.id, patch: { text: 'B, tweede versie.' } });
    const newer = await exportArchive(b, trajectory.id);
    await importArchive(a, newer);
    expect(a.backend.store.notes.get(n2.id)?.text).toBe('B, tweede versie.');
    const again = await importArchive(a, older);
    expect(again.conflicts).toEqual([]);
    expect(again.counts.note).toMatchObject({ kept: 1, updated: 0 });
    expect(a.backend.store.notes.get(n2.id)?.text).toBe('B, tweede versie.');
  });

  it('reports the same note edited on both sides as a conflict with both versions, loses neither, and applies the choice', async () => {
    const a = await researcher('Onderzoeker A4');
    const { trajectory, n1, n2 } = await annotatedProject(a);
    const b = await researcher('Onderzoeker B4');
    await importArchive(b, await exportArchive(a, trajectory.id));

    await a.call('notes.update', { id: n2.id, patch: { text: 'A: ze kijkt naar de grond.' } });
    await b.call('notes.update', { id: n2.id, patch: { text: 'B: ze kijkt uit het raam.' } });
    await a.call('notes.update', { id: n1.id, patch: { text: 'A: Goedemorgen!' } });
    await b.call('notes.update', { id: n1.id, patch: { text: 'B: Goeiemorgen.', speaker: 'KM2' } });

    const summary = await importArchive(a, await exportArchive(b, trajectory.id));
    expect(summary.total.conflicts).toBe(2);
    const conflict = summary.conflicts.find((c) => c.recordId === n2.id)!;
    expect(conflict).toMatchObject({
      recordType: 'note',
      archiveAuthor: 'Onderzoeker B4',
      context: { trajectory: 'KM-3 · Cliënt A', cycleNumber: 1, recordingPosition: 1, timeSec: 4 },
      mine: { author: 'Onderzoeker A4', deleted: false },
      theirs: { author: 'Onderzoeker B4', deleted: false },
      differing: ['text'],
    });
    expect(conflict.mine!.fields.find((f) => f.name === 'text')?.value).toBe('A: ze kijkt naar de grond.');
    expect(conflict.theirs.fields.find((f) => f.name === 'text')?.value).toBe('B: ze kijkt uit het raam.');
    expect(summary.conflicts.find((c) => c.recordId === n1.id)?.differing.sort()).toEqual(['speaker', 'text']);
    // Nothing lost meanwhile: A's text stays, B's waits in the conflict list (also after a restart).
    expect(a.backend.store.notes.get(n2.id)?.text).toBe('A: ze kijkt naar de grond.');
    expect(await a.call('exchange.conflicts', {})).toHaveLength(2);

    const resolved = await a.call('exchange.resolveConflicts', {
      choices: [
        { id: conflict.id, take: 'theirs' },
        { id: summary.conflicts.find((c) => c.recordId === n1.id)!.id, take: 'mine' },
      ],
    });
    expect(resolved).toEqual({ resolved: 2, remaining: [] });
    expect(a.backend.store.notes.get(n2.id)).toMatchObject({ text: 'B: ze kijkt uit het raam.', author: 'Onderzoeker B4' });
    expect(a.backend.store.notes.get(n1.id)).toMatchObject({ text: 'A: Goedemorgen!', author: 'Onderzoeker A4' });

    // A's choices travel back to B without a new question.
    const back = await importArchive(b, await exportArchive(a, trajectory.id));
    expect(back.conflicts).toEqual([]);
    expect(b.backend.store.notes.get(n1.id)?.text).toBe('A: Goedemorgen!');
    expect(b.backend.store.notes.get(n2.id)?.text).toBe('B: ze kijkt uit het raam.');
  });

  it('reports an edit against a deletion as a conflict', async () => {
    const a = await researcher('Onderzoeker A5');
    const { trajectory, n2 } = await annotatedProject(a);
    const b = await researcher('Onderzoeker B5');
    await importArchive(b, await exportArchive(a, trajectory.id));
    await a.call('notes.delete', { id: n2.id });
    await b.call('notes.update', { id: n2.id, patch: { text: 'Belangrijk!' } });
    const summary = await importArchive(b, await exportArchive(a, trajectory.id));
    expect(summary.conflicts).toHaveLength(1);
    expect(summary.conflicts[0]).toMatchObject({ mine: { deleted: false }, theirs: { deleted: true } });
    expect(summary.conflicts[0]!.differing).toContain('deleted');
    expect(b.backend.store.notes.get(n2.id)?.text).toBe('Belangrijk!');
    await b.call('exchange.resolveConflicts', { choices: [{ id: summary.conflicts[0]!.id, take: 'theirs' }] });
    expect(b.backend.store.notes.get(n2.id)).toBeNull();
  });

  it('unites the pseudonym lists, so no listed name is dropped', async () => {
    const a = await researcher('Onderzoeker A6');
    const { trajectory } = await annotatedProject(a);
    const b = await researcher('Onderzoeker B6');
    await importArchive(b, await exportArchive(a, trajectory.id));
    await b.call('pseudonyms.set', {
      trajectoryId: trajectory.id,
      list: [{ name: 'Jan de Vries', replacement: '[naam cliënt]' }, { name: 'Petra', replacement: '[naam klantmanager]' }],
    });
    await a.call('pseudonyms.set', {
      trajectoryId: trajectory.id,
      list: [{ name: 'Jan de Vries', replacement: '[naam cliënt]' }, { name: 'Ahmed', replacement: '[naam tolk]' }],
    });
    await importArchive(a, await exportArchive(b, trajectory.id));
    expect((await a.call('pseudonyms.get', { trajectoryId: trajectory.id })).map((p) => p.name).sort()).toEqual(['Ahmed', 'Jan de Vries', 'Petra']);
  });
});

describe('project archive: scope, media later, proxies, cancel', () => {
  it('a one-cycle archive joins the trajectory here; a taken cycle number moves to the next free one', async () => {
    const a = await researcher('Onderzoeker A7');
    const { trajectory } = await annotatedProject(a);
    const b = await researcher('Onderzoeker B7');
    await importArchive(b, await exportArchive(a, trajectory.id));
    // Both make their own "cycle 2".
    const a2 = await a.call('cycles.create', { trajectoryId: trajectory.id, title: 'Gesprek 2 (A)', date: null });
    await b.call('cycles.create', { trajectoryId: trajectory.id, title: 'Gesprek 2 (B)', date: null });
    const target = path.join(tmp, 'cycle2.vkz');
    a.save.push(target);
    await a.call('exchange.exportArchive', { scope: { kind: 'cycle', cycleId: a2.id }, kind: 'research-team', includeMedia: false });
    const summary = await importArchive(b, target);
    expect(summary).toMatchObject({ scope: 'cycle', renumberedCycles: 1 });
    expect((await b.call('cycles.list', { trajectoryId: trajectory.id })).map((c) => [c.number, c.title])).toEqual([
      [1, 'Gesprek 1'],
      [2, 'Gesprek 2 (B)'],
      [3, 'Gesprek 2 (A)'],
    ]);
  });

  it('a recording imported without its video gets it from a later archive that has it', async () => {
    const a = await researcher('Onderzoeker A8');
    const { trajectory, recording } = await annotatedProject(a);
    const b = await researcher('Onderzoeker B8');
    await importArchive(b, await exportArchive(a, trajectory.id));
    expect((await b.call('workspace.get', { cycleId: recording.cycleId })).recordings[0]).toMatchObject({ missing: true });
    const summary = await importArchive(b, await exportArchive(a, trajectory.id, true));
    expect(summary.mediaImported).toBe(1);
    expect(summary.total).toMatchObject({ added: 0, updated: 0, conflicts: 0 });
    expect((await b.call('workspace.get', { cycleId: recording.cycleId })).recordings[0]).toMatchObject({ missing: false });
    // A recording that is here with its own file keeps it: the archive's copy is not written.
    const again = await importArchive(b, await exportArchive(a, trajectory.id, true));
    expect(again.mediaImported).toBe(0);
  });

  it('a video that needs a proxy gets one made on the receiving machine', async () => {
    const a = await researcher('Onderzoeker A9');
    const trajectory = await a.call('trajectories.create', { caseManager: 'KM-5', client: 'Cliënt E' });
    const cycle = await a.call('cycles.create', { trajectoryId: trajectory.id, title: 'Camcorder', date: null });
    a.open.push([await makeFixture('needs-proxy', path.join(tmp, 'media'), { durationSec: 4 })]);
    const recording = (await a.call('recordings.addViaDialog', { cycleId: cycle.id })).added[0]!;
    expect(recording.proxyReason).not.toBeNull();
    await a.backend.idle();
    const b = await researcher('Onderzoeker B9');
    await importArchive(b, await exportArchive(a, trajectory.id, true));
    // Opening the cycle picks up the queued proxy.
    await b.call('workspace.get', { cycleId: cycle.id });
    await b.backend.idle();
    const ws = await b.call('workspace.get', { cycleId: cycle.id });
    expect(ws.recordings[0]).toMatchObject({ proxyState: 'done', missing: false });
    expect(ws.recordings[0]!.mediaUrl).toContain('v=proxy');
  }, 120_000);

  it('a cancelled export leaves no file behind', async () => {
    const { exportArchive: writeArchive } = await import('../../../electron/services/exchange');
    const a = await researcher('Onderzoeker A10');
    const { trajectory } = await annotatedProject(a);
    const target = path.join(tmp, 'cancelled.vkz');
    const controller = new AbortController();
    controller.abort();
    await expect(
      writeArchive({
        store: a.backend.store,
        scope: { kind: 'trajectory', trajectoryId: trajectory.id },
        kind: 'research-team',
        includeMedia: true,
        targetPath: target,
        author: a.name,
        appVersion: 'test',
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(existsSync(target)).toBe(false);
    expect(existsSync(`${target}.part`)).toBe(false);
  });
});

describe('archives that must be refused', () => {
  let a: Researcher;
  let good: string;
  let goodWithMedia: string;
  let fresh: Researcher;

  beforeAll(async () => {
    a = await researcher('Onderzoeker R');
    const { trajectory } = await annotatedProject(a);
    good = await exportArchive(a, trajectory.id);
    goodWithMedia = await exportArchive(a, trajectory.id, true);
    fresh = await researcher('Onderzoeker Leeg');
  });

  async function refused(file: string) {
    fresh.open.push([file]);
    const error = await fresh.fail('exchange.importArchive', {});
    // Nothing was stored, and no media left behind.
    expect(fresh.backend.store.trajectories.list()).toEqual([]);
    const mediaDir = path.join(fresh.dataDir, 'media');
    expect(existsSync(mediaDir) ? readdirSync(mediaDir) : []).toEqual([]);
    return error;
  }

  it('refuses a truncated archive', async () => {
    const bytes = readFileSync(goodWithMedia);
    const cut = path.join(tmp, 'cut.vkz');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    const error = await refused(cut);
    expect(error.code).toBe('exchange.truncated');
    expect(error.message).toMatch(/incomplete|truncated/);
  });

  it('refuses a ZIP file that is not a VKZ archive', async () => {
    const foreign = path.join(tmp, 'foto-album.vkz');
    writeFileSync(foreign, zipSync({ 'foto.jpg': new Uint8Array([1, 2, 3]), 'lees mij.txt': strToU8('hallo') }));
    expect((await refused(foreign)).code).toBe('exchange.not-archive');
    const notZip = path.join(tmp, 'tekst.vkz');
    writeFileSync(notZip, 'Dit is geen archief.\n');
    expect((await refused(notZip)).code).toBe('exchange.not-archive');
    // Someone else's manifest.json.
    const other = path.join(tmp, 'other.vkz');
    writeFileSync(other, zipSync({ 'manifest.json': strToU8(JSON.stringify({ format: 'epub', version: 3 })) }));
    expect((await refused(other)).code).toBe('exchange.not-archive');
  });

  it('refuses a tampered data.json and a tampered video', async () => {
    const files = unzipSync(readFileSync(good));
    const data = JSON.parse(Buffer.from(files['data.json']!).toString('utf8'));
    data.notes[0].text = 'Iets wat nooit gezegd is.';
    files['data.json'] = strToU8(JSON.stringify(data));
    const tampered = path.join(tmp, 'tampered.vkz');
    writeFileSync(tampered, zipSync(files));
    const error = await refused(tampered);
    expect(error.code).toBe('exchange.damaged');
    expect(error.params).toMatchObject({ entry: 'data.json' });

    // One byte of the stored video changed (the ZIP's CRC is not checked for media: the SHA-256 is).
    const bytes = Buffer.from(readFileSync(goodWithMedia));
    const marker = readFileSync(video).subarray(4096, 4096 + 32);
    const at = bytes.indexOf(marker);
    expect(at).toBeGreaterThan(0);
    bytes[at] = bytes[at]! ^ 0xff;
    const flipped = path.join(tmp, 'flipped.vkz');
    writeFileSync(flipped, bytes);
    const mediaError = await refused(flipped);
    expect(mediaError.code).toBe('exchange.damaged');
    expect(String(mediaError.params?.entry)).toMatch(/^media\//);
  });

  it('refuses an archive from a newer VKZ with "update VKZ"', async () => {
    const files = unzipSync(readFileSync(good));
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8'));
    manifest.formatVersion = 2;
    files['manifest.json'] = strToU8(JSON.stringify(manifest));
    const newer = path.join(tmp, 'newer.vkz');
    writeFileSync(newer, zipSync(files));
    const error = await refused(newer);
    expect(error.code).toBe('exchange.newer-version');
    expect(error.message).toMatch(/Update VKZ/);
  });

  it('refuses data.json with a broken shape even when its checksum fits', async () => {
    const files = unzipSync(readFileSync(good));
    const data = JSON.parse(Buffer.from(files['data.json']!).toString('utf8'));
    data.notes[0].kind = 'gossip';
    const bytes = strToU8(JSON.stringify(data));
    files['data.json'] = bytes;
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8'));
    manifest.entries['data.json'] = {
      sha256: (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
    };
    files['manifest.json'] = strToU8(JSON.stringify(manifest));
    const invalid = path.join(tmp, 'invalid.vkz');
    writeFileSync(invalid, zipSync(files));
    const error = await refused(invalid);
    expect(error.code).toBe('exchange.invalid-data');
    expect(error.message).toMatch(/notes\.0\.kind/);
  });

  it('still imports the untouched archive afterwards', async () => {
    const copy = path.join(tmp, 'copy.vkz');
    copyFileSync(good, copy);
    fresh.open.push([copy]);
    const summary = await fresh.call('exchange.importArchive', {});
    expect(summary?.total.added).toBeGreaterThan(0);
  });
});

describe('export refusal', () => {
  it('cancelling the save dialog writes nothing', async () => {
    const a = await researcher('Onderzoeker S');
    const trajectory = await a.call('trajectories.create', { caseManager: 'KM-9', client: 'Cliënt Z' });
    a.save.push(null);
    expect(await a.call('exchange.exportArchive', { scope: { kind: 'trajectory', trajectoryId: trajectory.id }, kind: 'research-team', includeMedia: true })).toMatchObject({
      path: null,
    });
    expect(a.save).toEqual([]);
  });
});
