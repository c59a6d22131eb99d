// Archives built to hurt, made at test time from a real export: each is refused with a clear
// code before anything is stored, changed or written outside the data folder; what can be
// read safely (ZIP64) is read.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import fc from 'fast-check';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildZip, manifestEntries, type RawEntry } from '../../support/hostile-zip';
import { makeFixture } from '../../support/media-fixtures';
import { snapshot, startResearcher, trajectoryWithRecording, type Researcher } from './researcher';

let tmp: string;
let video: string;
const researchers: Researcher[] = [];
let sender: Researcher;
let receiver: Researcher;
let trajectoryId: string;
let recordingId: string;
let good: string;
let goodWithMedia: string;

async function researcher(name: string): Promise<Researcher> {
  const r = await startResearcher(name, mkdtempSync(path.join(tmp, 'data-')));
  researchers.push(r);
  return r;
}

async function exportArchive(from: Researcher, includeMedia: boolean): Promise<string> {
  const target = path.join(tmp, `export-${Math.random().toString(36).slice(2)}.vkz`);
  from.save.push(target);
  await from.call('exchange.exportArchive', { scope: { kind: 'trajectory', trajectoryId }, kind: 'research-team', includeMedia });
  return target;
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vkz-hostile-'));
  video = await makeFixture('playable-mp4', path.join(tmp, 'media'), { durationSec: 6 });
  sender = await researcher('Onderzoeker A');
  ({ trajectoryId, recordingId } = await trajectoryWithRecording(sender, video));
  await sender.call('fragments.create', { recordingId, inSec: 1, outSec: 2, title: 'Begin' });
  good = await exportArchive(sender, false);
  goodWithMedia = await exportArchive(sender, true);
  receiver = await researcher('Onderzoeker B');
});

afterAll(() => {
  for (const r of researchers) r.backend.close();
  rmSync(tmp, { recursive: true, force: true });
});

type Files = Record<string, Uint8Array>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;

/** The files of an archive with data.json edited, and the manifest's checksums made to fit again. */
function edited(archive: string, edit: (data: Data, files: Files) => void): Files {
  const files = unzipSync(readFileSync(archive));
  const data = JSON.parse(Buffer.from(files['data.json']!).toString('utf8'));
  edit(data, files);
  files['data.json'] = Buffer.from(JSON.stringify(data), 'utf8');
  const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8'));
  manifest.entries = manifestEntries(files);
  files['manifest.json'] = Buffer.from(JSON.stringify(manifest), 'utf8');
  return files;
}

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(tmp, name);
  writeFileSync(file, bytes);
  return file;
}

/** Imports into `into` a file that must be refused; checks nothing was stored or written. */
async function refused(file: string, into: Researcher = receiver) {
  const before = into.backend.store.trajectories.list().map((t) => snapshot(into, t.id));
  const filesBefore = readdirSync(tmp).sort();
  into.open.push([file]);
  const error = await into.fail('exchange.importArchive', {});
  expect(into.backend.store.trajectories.list().map((t) => snapshot(into, t.id))).toEqual(before);
  const mediaDir = path.join(into.dataDir, 'media');
  expect(existsSync(mediaDir) ? readdirSync(mediaDir) : []).toEqual([]);
  expect(readdirSync(tmp).sort()).toEqual(filesBefore);
  return error;
}

describe('hostile archives', () => {
  it('refuses many media entries that share one stored video (a small file that writes gigabytes)', async () => {
    const files = unzipSync(readFileSync(goodWithMedia));
    const names = Object.keys(files);
    const mediaIndex = names.findIndex((n) => n.startsWith('media/'));
    const entries: RawEntry[] = names.map((name) => ({ name, data: files[name]! }));
    for (let i = 0; i < 200; i++) {
      entries.push({ name: `media/${crypto.randomUUID()}.mp4`, data: new Uint8Array(0), sameBytesAs: mediaIndex });
    }
    const error = await refused(write('shared-bytes.vkz', buildZip(entries)));
    expect(error.code).toBe('exchange.unsafe-archive');
    expect(error.message).toMatch(/overlaps/);
  });

  it('refuses a small data.json that would inflate to tens of MB', async () => {
    const files = unzipSync(readFileSync(good));
    const bomb = Buffer.alloc(40 * 1024 * 1024, 0x20);
    bomb.write('{"trajectory":', 0);
    const entries: RawEntry[] = [
      { name: 'data.json', data: bomb, deflate: true },
      { name: 'manifest.json', data: files['manifest.json']!, deflate: true },
    ];
    const zip = buildZip(entries);
    expect(zip.length).toBeLessThan(200_000);
    const error = await refused(write('bomb.vkz', zip));
    expect(error.code).toBe('exchange.unsafe-archive');
    expect(error.message).toMatch(/inflate/);
  });

  it('refuses an entry name that occurs twice, and a name that climbs out of the folder', async () => {
    const files = unzipSync(readFileSync(good));
    const twice = buildZip([
      { name: 'manifest.json', data: files['manifest.json']! },
      { name: 'data.json', data: files['data.json']! },
      { name: 'data.json', data: Buffer.from('{}') },
    ]);
    expect((await refused(write('twice.vkz', twice))).code).toBe('exchange.unsafe-archive');
    const climbing = buildZip([
      { name: 'manifest.json', data: files['manifest.json']! },
      { name: '../../buiten.mp4', data: Buffer.from('x') },
    ]);
    expect((await refused(write('climbing.vkz', climbing))).code).toBe('exchange.damaged');
    expect(existsSync(path.join(tmp, '..', 'buiten.mp4'))).toBe(false);
  });

  it('refuses "media" that is a web page', async () => {
    const files = edited(goodWithMedia, (data, f) => {
      const entry = data.recordings[0].mediaEntry as string;
      const page = entry.replace(/\.mp4$/, '.html');
      f[page] = Buffer.from('<script>alert(document.cookie)</script>');
      delete f[entry];
      data.recordings[0].mediaEntry = page;
    });
    const error = await refused(write('page.vkz', zipSync(files)));
    expect(error.code).toBe('exchange.not-media');
    expect(String(error.params?.entry)).toMatch(/\.html$/);
  });

  it('refuses records that break the input rules: a 2 MB note, a time past the end, a formula as a time stamp, 1e308', async () => {
    const long = await refused(write('long.vkz', zipSync(edited(good, (d) => (d.notes[0].text = randomBytes(1_000_000).toString('hex'))))));
    expect(long).toMatchObject({ code: 'exchange.record-too-long', params: { field: 'notes.0.text', max: 20_000 } });

    const late = await refused(write('late.vkz', zipSync(edited(good, (d) => (d.notes[0].timeSec = 3600)))));
    expect(late).toMatchObject({ code: 'exchange.record-past-end', params: { time: '1:00:00.0' } });

    const formula = await refused(write('formula.vkz', zipSync(edited(good, (d) => (d.notes[0].createdAt = '=HYPERLINK("http://x","klik")')))));
    expect(formula).toMatchObject({ code: 'exchange.invalid-data', params: { field: 'notes.0.createdAt' } });

    const huge = await refused(write('huge.vkz', zipSync(edited(good, (d) => (d.fragments[0].outSec = 1e308)))));
    expect(huge).toMatchObject({ code: 'exchange.invalid-data', params: { field: 'fragments.0.outSec' } });
    expect(huge.message).not.toMatch(/Infinity|NaN/);
  });

  it('never overwrites a record of another trajectory, or of another kind, that has the same id', async () => {
    const own = await receiver.call('trajectories.create', { caseManager: 'KM-9', client: 'Cliënt Z' });
    const cycle = await receiver.call('cycles.create', { trajectoryId: own.id, title: 'Eigen', date: null });
    receiver.open.push([video]);
    const rec = (await receiver.call('recordings.addViaDialog', { cycleId: cycle.id })).added[0]!;
    const mine = await receiver.call('notes.create', { recordingId: rec.id, timeSec: 2, kind: 'observation', text: 'Mijn eigen notitie.' });

    const sameNoteId = await refused(write('clash-note.vkz', zipSync(edited(good, (d) => (d.notes[0].id = mine.id)))));
    expect(sameNoteId).toMatchObject({ code: 'exchange.id-clash', params: { kind: 'note', id: mine.id } });
    expect(receiver.backend.store.notes.get(mine.id)?.text).toBe('Mijn eigen notitie.');

    const otherKind = await refused(write('clash-kind.vkz', zipSync(edited(good, (d) => (d.fragments[0].id = own.id)))));
    expect(otherKind).toMatchObject({ code: 'exchange.id-clash', params: { kind: 'fragment', id: own.id } });
    receiver.backend.store.trajectories.delete(own.id);
  });

  it('never overwrites an alignment decision of another trajectory that has the same id', async () => {
    const own = await receiver.call('trajectories.create', { caseManager: 'KM-8', client: 'Cliënt Y' });
    const cycle = await receiver.call('cycles.create', { trajectoryId: own.id, title: 'Eigen', date: null });
    receiver.open.push([video]);
    const rec = (await receiver.call('recordings.addViaDialog', { cycleId: cycle.id })).added[0]!;
    const fragment = await receiver.call('fragments.create', { recordingId: rec.id, inSec: 1, outSec: 2, title: 'Eigen fragment' });
    const mine = await receiver.call('alignment.decide', { cycleId: cycle.id, subject: 'fragments', sourceIds: [fragment.id], action: 'discussed', comment: 'Besproken.' });
    const stored = receiver.backend.store.alignments.allOfCycle(cycle.id);

    const clash = await refused(
      write(
        'clash-alignment.vkz',
        zipSync(
          edited(good, (d) => {
            const theirs = { ...stored[0], cycleId: d.cycles[0].id, recordingId: d.recordings[0].id, sourceIds: [d.fragments[0].id], comment: 'Overschreven.', updatedAt: '2099-01-01T00:00:00.000Z' };
            d.alignments = [theirs];
          }),
        ),
      ),
    );
    expect(clash).toMatchObject({ code: 'exchange.id-clash', params: { kind: 'alignment', id: mine.id } });
    expect(receiver.backend.store.alignments.allOfCycle(cycle.id)).toEqual(stored);
    receiver.backend.store.trajectories.delete(own.id);
  });

  it('reads a ZIP64 archive (the format of archives with videos over 4 GB)', async () => {
    const files = unzipSync(readFileSync(goodWithMedia));
    const zip = new yazl.ZipFile();
    for (const [name, bytes] of Object.entries(files)) {
      zip.addBuffer(Buffer.from(bytes), name, { forceZip64Format: true, compress: !name.startsWith('media/') });
    }
    zip.end({ forceZip64Format: true, comment: '' });
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    const zip64 = Buffer.concat(chunks);
    expect(zip64.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true); // ZIP64 end record
    const c = await researcher('Onderzoeker C');
    c.open.push([write('zip64.vkz', zip64)]);
    const summary = await c.call('exchange.importArchive', {});
    expect(summary?.mediaImported).toBe(1);
    expect(readFileSync(c.backend.store.recordings.get(recordingId)!.filePath).equals(readFileSync(video))).toBe(true);
  });

  it('fuzz: a damaged copy of a real archive is imported whole or refused clearly, with nothing stored', { timeout: 120_000 }, async () => {
    const bytes = readFileSync(good);
    const fuzzer = await researcher('Onderzoeker F');
    const state = () => fuzzer.backend.store.trajectories.list().map((t) => snapshot(fuzzer, t.id));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
            const copy = Buffer.from(bytes);
            for (const [at, value] of flips) copy[at] = value;
            return copy;
          }),
          fc.nat(bytes.length - 1).map((n) => bytes.subarray(0, n)),
          fc.uint8Array({ maxLength: 2000 }).map((junk) => Buffer.concat([bytes.subarray(0, 100), junk, bytes.subarray(100)])),
        ),
        async (damaged) => {
          const before = state();
          const file = write(`fuzz-${Math.random().toString(36).slice(2)}.vkz`, damaged);
          fuzzer.open.push([file]);
          const result = await fuzzer.backend.handle('exchange.importArchive', {});
          rmSync(file);
          if (!result.ok) {
            expect(result.error.code).toMatch(/^exchange\./);
            expect(state()).toEqual(before);
          }
        },
      ),
      { numRuns: 60 },
    );
    expect(existsSync(path.join(fuzzer.dataDir, 'media')) ? readdirSync(path.join(fuzzer.dataDir, 'media')) : []).toEqual([]);
  });

  it('a big import holds the backend up no longer than 100 ms: reading, the id check and the merge run off the main thread', { timeout: 240_000 }, async () => {
    // 9 MB of notes: seconds of inflating, parsing, checking ids and merging.
    const files = edited(good, (data) => {
      const note = data.notes[0];
      data.notes = Array.from({ length: 3000 }, () => ({ ...note, id: crypto.randomUUID(), text: randomBytes(1500).toString('hex') }));
    });
    const big = write('groot-notities.vkz', zipSync(files));
    // On the main thread this took ~200 ms at a stretch, in every run. On a machine shared by many
    // processes the main thread is sometimes simply not scheduled, so a slow run is measured again
    // (into a fresh data folder): work back on the main thread fails every attempt, noise does not.
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const e = await researcher(`Onderzoeker E${attempt}`);
      e.open.push([big]);
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      const importing = e.backend.handle('exchange.importArchive', {});
      expect(await e.call('trajectories.list', {})).toEqual([]);
      const result = await importing;
      delay.disable();
      expect(result).toMatchObject({ ok: true, value: { counts: { note: { added: 3000 } } } });
      expect(e.backend.store.notes.listByCycle(e.backend.store.cycles.listByTrajectory(trajectoryId)[0]!.id)).toHaveLength(3000);
      delays.push(delay.percentile(99) / 1e6);
      if (delays.at(-1)! <= 100) break;
    }
    console.info(`event-loop delay p99 during a 9 MB import, per attempt: ${delays.map((d) => `${d.toFixed(0)} ms`).join(', ')}`);
    expect(Math.min(...delays)).toBeLessThanOrEqual(100);
  });

  it('runs in a worker: the backend answers other requests during a big import, and cancel stops it with nothing stored', { timeout: 120_000 }, async () => {
    // 9 MB of notes and an 80 MB video: seconds of inflating, parsing and hashing.
    const files = unzipSync(readFileSync(goodWithMedia));
    const data = JSON.parse(Buffer.from(files['data.json']!).toString('utf8'));
    const note = data.notes[0];
    data.notes = Array.from({ length: 3000 }, () => ({ ...note, id: crypto.randomUUID(), text: randomBytes(1500).toString('hex') }));
    const mediaName = data.recordings[0].mediaEntry as string;
    files[mediaName] = randomBytes(80 * 1024 * 1024);
    files['data.json'] = Buffer.from(JSON.stringify(data), 'utf8');
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8'));
    manifest.entries = manifestEntries(files);
    files['manifest.json'] = Buffer.from(JSON.stringify(manifest), 'utf8');
    const big = write(
      'groot.vkz',
      buildZip(Object.entries(files).map(([name, bytes]) => ({ name, data: bytes, deflate: !name.startsWith('media/') }))),
    );

    // As above: a slow run is measured again, into a fresh data folder.
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const d = await researcher(`Onderzoeker D${attempt}`);
      d.open.push([big]);
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      const importing = d.backend.handle('exchange.importArchive', {});
      // Another request while the archive is read: answered while the import still runs.
      const answered = await d.call('trajectories.list', {});
      expect(answered).toEqual([]);
      let progress = await d.call('exchange.progress', {});
      while (!progress || progress.done === 0) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        progress = await d.call('exchange.progress', {});
      }
      expect(progress.operation).toBe('import-archive');
      expect(await d.call('exchange.cancel', {})).toEqual({ cancelled: true });
      delay.disable();
      expect(await importing).toMatchObject({ ok: false, error: { code: 'exchange.cancelled' } });
      expect(d.backend.store.trajectories.list()).toEqual([]);
      expect(existsSync(path.join(d.dataDir, 'media')) ? readdirSync(path.join(d.dataDir, 'media')) : []).toEqual([]);
      delays.push(delay.percentile(99) / 1e6);
      if (delays.at(-1)! <= 100) break;
    }
    // Inflating and parsing 9 MB never held the backend up (in the main thread: a second and more).
    expect(Math.min(...delays)).toBeLessThanOrEqual(100);
  });
});
