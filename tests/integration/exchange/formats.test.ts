// The formats through the backend, as the UI uses them: CSV/EAF/WebVTT/SRT written through the
// save dialog, transcripts read through the open dialog, previewed and stored. Real SQLite, a
// real generated video.
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/exchange';
import { makeFixture } from '../../support/media-fixtures';
import { startResearcher, type Researcher } from './researcher';

let tmp: string;
let video: string;
let a: Researcher;
let trajectoryId: string;
let cycleId: string;
let recordingId: string;

// As Microsoft Teams writes a meeting transcript: GUID/segment ids, voice spans, real names.
const TEAMS_VTT = `WEBVTT

8c1f7e0e-4b7d-4f4a-9a3e-2f9d4c1b6a10/11-0
00:00:01.120 --> 00:00:03.480
<v Petra Bakker>Goedemorgen, fijn dat je er bent.</v>

8c1f7e0e-4b7d-4f4a-9a3e-2f9d4c1b6a10/12-0
00:00:03.900 --> 00:00:06.250
<v Jan de Vries>Ik wéét het niet, eerlijk gezegd.</v>

8c1f7e0e-4b7d-4f4a-9a3e-2f9d4c1b6a10/13-0
00:00:05.000 --> 00:00:09.500
<v Petra Bakker>Wat zou je willen bereiken
in de komende maanden?</v>
`;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vkz-formats-'));
  video = await makeFixture('playable-mp4', path.join(tmp, 'media'), { durationSec: 12 });
  a = await startResearcher('Onderzoeker A', path.join(tmp, 'data-a'));
  const trajectory = await a.call('trajectories.create', { caseManager: 'KM-3', client: 'Cliënt A' });
  trajectoryId = trajectory.id;
  const cycle = await a.call('cycles.create', { trajectoryId, title: 'Gesprek 1', date: '2026-03-02' });
  cycleId = cycle.id;
  a.open.push([video]);
  recordingId = (await a.call('recordings.addViaDialog', { cycleId })).added[0]!.id;
});

afterAll(() => {
  a?.backend.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function exportTo(format: 'csv' | 'eaf' | 'vtt' | 'srt', opts: { cycle?: string; recording?: string; researcher?: Researcher } = {}): Promise<string> {
  const who = opts.researcher ?? a;
  const target = path.join(tmp, `out-${Math.random().toString(36).slice(2)}.${format}`);
  who.save.push(target);
  const result = await who.call('exchange.exportFile', {
    cycleId: opts.cycle ?? cycleId,
    format,
    ...(format === 'csv' ? {} : { recordingId: opts.recording ?? recordingId }),
  });
  expect(result.path).toBe(target);
  return readFileSync(target, 'utf8');
}

async function previewFile(name: string, content: string, recording = recordingId, who = a) {
  const file = path.join(tmp, name);
  writeFileSync(file, content);
  who.open.push([file]);
  return who.call('exchange.previewTranscript', { recordingId: recording });
}

describe('transcript import', () => {
  it('reads a Teams WebVTT file into transcript notes with speakers, for review, then stores them', async () => {
    const preview = await previewFile('teams.vtt', TEAMS_VTT);
    expect(preview.status).toBe('ready');
    if (preview.status !== 'ready') return;
    expect(preview.format).toBe('vtt');
    expect(preview.notes).toEqual([
      { timeSec: 1.12, kind: 'transcript', speaker: 'Petra Bakker', text: 'Goedemorgen, fijn dat je er bent.', author: '' },
      { timeSec: 3.9, kind: 'transcript', speaker: 'Jan de Vries', text: 'Ik wéét het niet, eerlijk gezegd.', author: '' },
      { timeSec: 5, kind: 'transcript', speaker: 'Petra Bakker', text: 'Wat zou je willen bereiken in de komende maanden?', author: '' },
    ]);
    // Nothing is stored by the preview.
    expect(a.backend.store.notes.listByCycle(cycleId)).toEqual([]);

    // The reviewer renames the speakers to roles and stores the lines.
    const reviewed = preview.notes.map((n) => ({ ...n, speaker: n.speaker === 'Petra Bakker' ? 'KM' : 'C' }));
    expect(await a.call('exchange.importTranscript', { recordingId, notes: reviewed, fragments: [] })).toEqual({ notes: 3, fragments: 0 });
    const notes = a.backend.store.notes.listByCycle(cycleId);
    expect(notes.map((n) => [n.timeSec, n.kind, n.speaker, n.author])).toEqual([
      [1.12, 'transcript', 'KM', 'Onderzoeker A'],
      [3.9, 'transcript', 'C', 'Onderzoeker A'],
      [5, 'transcript', 'KM', 'Onderzoeker A'],
    ]);
  });

  it('skips a cue with a broken time naming its line, reads the rest; refuses a file without its header; adds nothing', async () => {
    const before = a.backend.store.notes.listByCycle(cycleId).length;
    // A comma before the milliseconds is SRT's notation, not WebVTT's: that cue is skipped, as browsers do.
    const broken = TEAMS_VTT.replace('00:00:03.900 --> 00:00:06.250', '00:00:03,900 --> 00:00:06,250');
    const preview = await previewFile('kapot.vtt', broken);
    expect(preview).toMatchObject({ status: 'ready', fileName: 'kapot.vtt', format: 'vtt' });
    if (preview.status !== 'ready') throw new Error('expected a preview');
    expect(preview.notes).toHaveLength(2);
    expect(preview.notes[0]!.timeSec).toBe(1.12);
    expect(preview.skipped).toEqual([
      { line: 8, lineText: '00:00:03,900 --> 00:00:06,250', problem: 'bad-time', detail: expect.stringMatching(/WebVTT line 8: bad start time/) },
    ]);
    const missingHeader = await previewFile('geen-header.vtt', TEAMS_VTT.replace('WEBVTT', 'WEBTT'));
    expect(missingHeader).toMatchObject({ status: 'error', line: 1, lineText: 'WEBTT', problem: 'no-header' });
    expect(a.backend.store.notes.listByCycle(cycleId)).toHaveLength(before);
  });

  it('refuses to store lines past the end of the recording, all or nothing', async () => {
    const before = a.backend.store.notes.listByCycle(cycleId).length;
    const error = await a.fail('exchange.importTranscript', {
      recordingId,
      notes: [
        { timeSec: 2, kind: 'transcript', speaker: 'KM', text: 'Binnen.', author: '' },
        { timeSec: 600, kind: 'transcript', speaker: 'KM', text: 'Buiten.', author: '' },
      ],
      fragments: [],
    });
    expect(error.code).toBe('store.invalid');
    expect(a.backend.store.notes.listByCycle(cycleId)).toHaveLength(before);
  });

  it('reads SRT too, and a cancelled dialog is no error', async () => {
    const srt = '1\r\n00:00:01,000 --> 00:00:02,000\r\nSpreker 1: Hallo.\r\n\r\n2\r\n00:00:02,500 --> 00:00:04,000\r\nSpreker 2: Dag.\r\n';
    const preview = await previewFile('telefoon.srt', srt);
    expect(preview).toMatchObject({ status: 'ready', format: 'srt', notes: [{ speaker: 'Spreker 1', text: 'Hallo.' }, { speaker: 'Spreker 2', text: 'Dag.' }] });
    expect(await a.call('exchange.previewTranscript', { recordingId })).toEqual({ status: 'cancelled' });
  });

  it('refuses a file over 50 MB before reading it, saying so', async () => {
    const file = path.join(tmp, 'enorm.vtt');
    writeFileSync(file, 'WEBVTT\n\n');
    truncateSync(file, 51 * 1024 * 1024); // sparse: nothing is written
    a.open.push([file]);
    expect(await a.call('exchange.previewTranscript', { recordingId })).toMatchObject({ status: 'error', problem: 'too-big', fileName: 'enorm.vtt' });
    rmSync(file);
  });

  it('a big transcript can be cancelled while it is read: the worker stops, nothing is shown or stored', async () => {
    const cues = Array.from({ length: 100_000 }, (_, i) => `${i}\n00:00:01.000 --> 00:00:02.000\n<v Spreker ${i % 7}>Regel ${i} van een lang gesprek.</v>\n`);
    const file = path.join(tmp, 'groot.vtt');
    writeFileSync(file, `WEBVTT\n\n${cues.join('\n')}`);
    const notesBefore = a.backend.store.notes.listByCycle(cycleId);
    a.open.push([file]);
    const previewing = a.backend.handle('exchange.previewTranscript', { recordingId });
    let progress = await a.call('exchange.progress', {});
    while (progress?.operation !== 'preview-transcript') {
      await new Promise((resolve) => setTimeout(resolve, 5));
      progress = await a.call('exchange.progress', {});
    }
    expect(await a.call('exchange.cancel', {})).toEqual({ cancelled: true });
    expect(await previewing).toMatchObject({ ok: false, error: { code: 'exchange.cancelled' } });
    // The worker is gone: nothing runs any more, and the next file is read at once.
    expect(await a.call('exchange.progress', {})).toBeNull();
    expect(a.backend.store.notes.listByCycle(cycleId)).toEqual(notesBefore);
    const next = await previewFile('klein.srt', '1\n00:00:01,000 --> 00:00:02,000\nHallo.\n');
    expect(next).toMatchObject({ status: 'ready', notes: [{ text: 'Hallo.' }] });
    rmSync(file);
  });
});

describe('format exports', () => {
  beforeAll(async () => {
    await a.call('notes.create', { recordingId, timeSec: 6.25, kind: 'observation', text: 'Ze kijkt weg; "stil"' });
    await a.call('notes.create', { recordingId, timeSec: 7, kind: 'question_client', text: 'Wat dacht je toen?' });
    await a.call('fragments.create', { recordingId, inSec: 2, outSec: 6.5, title: 'Begin', themes: ['authenticity', 'shared-goal'], valence: 'concern' });
    const fragment = a.backend.store.fragments.listByCycle(cycleId)[0]!;
    await a.call('fragments.update', { id: fragment.id, patch: { note: 'Let op de blik.\nTwee keer.' } });
  });

  it('writes the CSV of a cycle with a BOM, a header and one row per note and fragment', async () => {
    const csv = await exportTo('csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(expect.arrayContaining(['Type', 'Opname']));
    expect(rows).toHaveLength(1 + 5 + 1);
    const body = rows.slice(1);
    // Sorted by time: the fragment at 0:02 between the notes at 0:01 and 0:03.
    expect(body.map((r) => r[0])).toEqual(['notitie', 'fragment', 'notitie', 'notitie', 'notitie', 'notitie']);
    const fragmentRow = body.find((r) => r[0] === 'fragment')!;
    expect(fragmentRow).toEqual(expect.arrayContaining(['2', '0:02', '6.5', '0:06', 'Begin', 'Let op de blik.\nTwee keer.', 'Zorgpunt']));
    expect(fragmentRow.join('|')).toMatch(/Echtheid|Authenticity|authenticity/);
    expect(body.find((r) => r.includes('Ze kijkt weg; "stil"'))).toBeDefined();
    // Comma separated on request.
    a.save.push(path.join(tmp, 'comma.csv'));
    await a.call('exchange.exportFile', { cycleId, format: 'csv', separator: ',' });
    expect(parseCsv(readFileSync(path.join(tmp, 'comma.csv'), 'utf8'), { separator: ',' })).toHaveLength(7);
  });

  it('exports ELAN and imports it into another cycle with the same notes and fragments', async () => {
    const eaf = await exportTo('eaf');
    expect(eaf).toContain('<ANNOTATION_DOCUMENT');

    const cycle2 = await a.call('cycles.create', { trajectoryId, title: 'Gesprek 2', date: null });
    a.open.push([video]);
    const rec2 = (await a.call('recordings.addViaDialog', { cycleId: cycle2.id })).added[0]!.id;
    const preview = await previewFile('gesprek.eaf', eaf, rec2);
    expect(preview.status).toBe('ready');
    if (preview.status !== 'ready') return;
    await a.call('exchange.importTranscript', { recordingId: rec2, notes: preview.notes, fragments: preview.fragments });

    const pick = (n: { timeSec: number; kind: string; speaker: string; text: string; author: string }) => [n.timeSec, n.kind, n.speaker, n.text, n.author];
    expect(a.backend.store.notes.listByCycle(cycle2.id).map(pick)).toEqual(a.backend.store.notes.listByCycle(cycleId).map(pick));
    const pickF = (f: { inSec: number; outSec: number; title: string; note: string; themes: string[]; valence: string; author: string }) => [
      f.inSec,
      f.outSec,
      f.title,
      f.note,
      f.themes,
      f.valence,
      f.author,
    ];
    expect(a.backend.store.fragments.listByCycle(cycle2.id).map(pickF)).toEqual(a.backend.store.fragments.listByCycle(cycleId).map(pickF));
  });

  it('exports WebVTT and SRT of a recording that read back as its notes', async () => {
    const vtt = await exportTo('vtt');
    expect(vtt.startsWith('WEBVTT')).toBe(true);
    expect(vtt).toContain('<v KM>Goedemorgen, fijn dat je er bent.</v>');
    expect(vtt).toContain('[Observatie] Ze kijkt weg; "stil"');
    const srt = await exportTo('srt');
    expect(srt).toMatch(/^1\r\n00:00:01,120 --> /);
    expect(srt).toContain('C: Ik wéét het niet, eerlijk gezegd.');
  });

  it('applies the pseudonym list to every export: a planted name appears in none', async () => {
    const b = await startResearcher('Jan de Vries', path.join(tmp, 'data-plant'));
    try {
      const t = await b.call('trajectories.create', { caseManager: 'KM-1', client: 'Cliënt B' });
      const c = await b.call('cycles.create', { trajectoryId: t.id, title: 'Gesprek met Jan de Vries', date: null });
      b.open.push([video]);
      const rec = (await b.call('recordings.addViaDialog', { cycleId: c.id })).added[0]!.id;
      await b.call('notes.create', { recordingId: rec, timeSec: 1, kind: 'transcript', speaker: 'Jan de Vries', text: 'Ik ben Jan de Vries, zegt hij.' });
      await b.call('notes.create', { recordingId: rec, timeSec: 2, kind: 'observation', text: 'jan de vries lacht; Jans moeder belt.' });
      await b.call('fragments.create', { recordingId: rec, inSec: 3, outSec: 5, title: 'Jan de Vries aarzelt' });
      await b.call('pseudonyms.set', { trajectoryId: t.id, list: [{ name: 'Jan de Vries', replacement: '[naam cliënt]' }, { name: 'Jan', replacement: '[naam cliënt]' }] });

      const outputs: string[] = [];
      for (const format of ['csv', 'eaf', 'vtt', 'srt'] as const) outputs.push(await exportTo(format, { cycle: c.id, recording: rec, researcher: b }));
      for (const out of outputs) {
        expect(out).not.toMatch(/jan/i);
        expect(out).toContain('[naam cliënt]');
      }
    } finally {
      b.backend.close();
    }
  });

  it('refuses an export that would still contain a listed name, and names it', async () => {
    // The list editor refuses such a list; a list from elsewhere (an old archive) might not.
    const t = a.backend.store.exchange.reportSettings(trajectoryId);
    a.backend.store.exchange.putReportSettings({
      trajectoryId,
      pseudonyms: [{ name: 'Petra', replacement: 'Petra B.' }],
      background: '',
      createdAt: t?.createdAt ?? '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      author: 'x',
    });
    await a.call('notes.create', { recordingId, timeSec: 8, kind: 'observation', text: 'Petra knikt.' });
    const target = path.join(tmp, 'never.csv');
    a.save.push(target);
    const error = await a.fail('exchange.exportFile', { cycleId, format: 'csv' });
    expect(error.code).toBe('exchange.pseudonyms-incomplete');
    expect(error.params).toMatchObject({ names: 'Petra' });
    expect(() => readFileSync(target)).toThrow();
    a.save.length = 0;
    await a.call('pseudonyms.set', { trajectoryId, list: [] });
  });
});
