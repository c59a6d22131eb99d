// The report through the backend, as both shells use it: real SQLite, a real recording, the
// data entered through the contract, the pseudonym list stored per trajectory, and every export
// format written where the (test-controlled) save dialog says. A listed name planted in notes,
// fragment titles, feedback, intake doubts, item notes, the background and the file name appears
// in no exported file; a "do not share" remark appears nowhere.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../../shared/contract';
import { createBackend, type Backend } from '../../../electron/services/backend/backend';
import { docxText, findChromium } from '../../../electron/services/export';
import { makeFixture } from '../../support/media-fixtures';

const repoRoot = path.resolve(__dirname, '../../..');
const NAMES = ['Jan', 'Petra'];
const PRIVATE = 'NIET-DOORVERTELLEN';
let tmp: string;
let out: string;
let backend: Backend;
const saveDialog: (string | null)[] = [];
const mediaDialog: string[][] = [];
let trajectoryId: string;
let cycleId: string;

async function ok<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

function expectNoNames(text: string, where: string) {
  for (const name of NAMES) expect(text, where).not.toMatch(new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, 'u'));
  expect(text, where).not.toContain(PRIVATE);
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vkz-report-backend-'));
  out = path.join(tmp, 'exports');
  mkdirSync(out);
  const mediaDir = path.join(tmp, 'media');
  mkdirSync(mediaDir);
  const video = path.join(mediaDir, 'gesprek-jan.mp4');
  copyFileSync(await makeFixture('playable-mp4', mediaDir, { durationSec: 20 }), video);
  backend = createBackend({
    dataDir: path.join(tmp, 'data'),
    resourcesPath: path.join(repoRoot, 'resources'),
    appVersion: 'test',
    pickMediaFiles: async () => mediaDialog.shift() ?? [],
    pickSavePath: async () => saveDialog.shift() ?? null,
    mediaUrlFor: (id, version) => `/media/${id}?v=${version}`,
    emit: () => {},
  });

  await ok(backend.handle('settings.update', { authorName: 'Onderzoeker A' }));
  trajectoryId = (await ok<ResponseOf<'trajectories.create'>>(backend.handle('trajectories.create', { caseManager: 'KM-3', client: 'Cliënt A' }))).id;
  cycleId = (await ok<ResponseOf<'cycles.create'>>(backend.handle('cycles.create', { trajectoryId, title: 'Gesprek met Jan', date: '2026-11-20' }))).id;
  mediaDialog.push([video]);
  const added = await ok<ResponseOf<'recordings.addViaDialog'>>(backend.handle('recordings.addViaDialog', { cycleId }));
  const recordingId = added.added[0]!.id;

  const note = (timeSec: number, kind: string, text: string, speaker = '') =>
    ok(backend.handle('notes.create', { recordingId, timeSec, kind, text, speaker }));
  await note(1, 'transcript', 'Dag Jan, hoe gaat het?', 'KM');
  await note(3, 'transcript', 'Goed hoor, Petra.', 'C');
  await note(6, 'observation', 'Petra laat een stilte vallen; Jan vult die zelf in.');
  await note(8, 'question_client', 'Vraag voor de cliënt: hoe voelde die stilte, Jan?');
  await note(9, 'question_case_manager', 'Vraag voor de klantmanager: wat deed je hier, Petra?');
  const fragment = await ok<ResponseOf<'fragments.create'>>(
    backend.handle('fragments.create', { recordingId, inSec: 5, outSec: 12, title: 'Jan neemt het woord', themes: ['authenticity'], valence: 'positive' }),
  );
  await ok(backend.handle('fragments.update', { id: fragment.id, patch: { forClient: true, forCaseManager: true } }));

  const view = await ok<ResponseOf<'method.get'>>(backend.handle('method.get', { cycleId }));
  await ok(
    backend.handle('method.update', {
      cycleId,
      patch: {
        intake: { ...view.method.intake, consent: 'yes', doubts: [{ id: 'd1', text: 'Ben ik te snel voor Jan?' }] },
        interviewDate: '2026-11-24',
        feedback: [
          { id: 'fb1', agendaItemId: null, fragmentId: fragment.id, themeId: 'authenticity', text: 'Petra luistert goed naar mij', isQuote: true, sharing: 'share', speakerLabel: 'Cliënt A' },
          { id: 'fb2', agendaItemId: null, fragmentId: null, themeId: null, text: 'Jan vond het gesprek kort', isQuote: true, sharing: 'anonymous', speakerLabel: 'Jan' },
          { id: 'fb3', agendaItemId: null, fragmentId: fragment.id, themeId: 'authenticity', text: `${PRIVATE}: Petra is streng`, isQuote: true, sharing: 'private', speakerLabel: 'Cliënt A' },
        ],
      },
    }),
  );
  await ok(backend.handle('method.buildInterviewAgenda', { cycleId }));
  const withAgenda = await ok<ResponseOf<'method.buildReflectionAgenda'>>(backend.handle('method.buildReflectionAgenda', { cycleId }));
  const fragmentItem = withAgenda.method.reflectionAgenda!.items.find((i) => i.fragmentId === fragment.id)!;
  await ok(
    backend.handle('method.update', {
      cycleId,
      patch: {
        outcome: {
          date: '2026-11-27',
          itemNotes: [{ agendaItemId: fragmentItem.id, text: 'Petra herkent het moment waarop Jan het woord nam.' }],
          takeaways: [{ id: 't1', text: 'Jan vaker laten beginnen.' }],
          intentions: [{ id: 'i1', text: 'Stiltes laten vallen.' }],
          evaluation: 'Petra vond het nuttig.',
        },
      },
    }),
  );
  await ok(backend.handle('report.background.set', { trajectoryId, text: 'Jan is sinds 2025 in beeld bij Petra.' }));
  await ok(
    backend.handle('pseudonyms.set', {
      trajectoryId,
      list: [
        { name: 'Jan', replacement: '[naam cliënt]' },
        { name: ' Petra ', replacement: '[naam klantmanager]' },
      ],
    }),
  );
}, 120_000);

afterAll(() => {
  backend?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('pseudonyms and background per trajectory', () => {
  it('stores the list (trimmed) and the background, per trajectory', async () => {
    expect(await ok(backend.handle('pseudonyms.get', { trajectoryId }))).toEqual([
      { name: 'Jan', replacement: '[naam cliënt]' },
      { name: 'Petra', replacement: '[naam klantmanager]' },
    ]);
    expect(await ok(backend.handle('report.background.get', { trajectoryId }))).toEqual({ text: 'Jan is sinds 2025 in beeld bij Petra.' });
  });

  it('refuses a list whose replacement would bring a listed name back, or that lists a name twice', async () => {
    const leaky = await backend.handle('pseudonyms.set', {
      trajectoryId,
      list: [
        { name: 'Jan', replacement: '[naam cliënt]' },
        { name: 'Petra', replacement: '[klantmanager van Jan]' },
      ],
    });
    expect(leaky).toMatchObject({ ok: false, error: { code: 'pseudonyms.replacement-contains-name', params: { name: 'Petra', found: 'Jan' } } });
    const twice = await backend.handle('pseudonyms.set', {
      trajectoryId,
      list: [
        { name: 'Jan', replacement: '[a]' },
        { name: 'JAN', replacement: '[b]' },
      ],
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'pseudonyms.duplicate' } });
    const empty = await backend.handle('pseudonyms.set', { trajectoryId, list: [{ name: '', replacement: '[a]' }] });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    // The stored list is untouched.
    expect(await ok<unknown[]>(backend.handle('pseudonyms.get', { trajectoryId }))).toHaveLength(2);
  });
});

describe('report.preview', () => {
  it('returns the pseudonymised report as HTML and as a document model, with warnings', async () => {
    const preview = await ok<ResponseOf<'report.preview'>>(backend.handle('report.preview', { cycleId, scope: 'cycle' }));
    expect(preview.html).toContain('<h1>Reflectierapport KM-3 · Cliënt A</h1>');
    expect(preview.html).toContain('[naam cliënt] is sinds 2025 in beeld bij [naam klantmanager].');
    expect(preview.html).toContain('fragment 0:05 – 0:12');
    expect(preview.document.blocks.some((b) => b.type === 'observation')).toBe(true);
    expectNoNames(preview.html, 'preview html');
    expect(preview.warnings).toContain('Gesprek 1: 1 reactie(s) van de cliënt zijn privé en staan niet in het rapport.');
    const english = await ok<ResponseOf<'report.preview'>>(backend.handle('report.preview', { cycleId, scope: 'trajectory', lang: 'en' }));
    expect(english.html).toContain('<h2>Background</h2>');
  });

  it('answers an unknown cycle with a clear error', async () => {
    const result = await backend.handle('report.preview', { cycleId: '99999999-9999-4999-8999-999999999999', scope: 'cycle' });
    expect(result).toMatchObject({ ok: false, error: { code: 'cycle.not-found' } });
  });
});

describe('report.export', () => {
  it('writes HTML where the save dialog says, adding the extension', async () => {
    saveDialog.push(path.join(out, 'rapport'));
    const { path: written } = await ok<ResponseOf<'report.export'>>(backend.handle('report.export', { cycleId, scope: 'cycle', format: 'html' }));
    expect(written).toBe(path.join(out, 'rapport.html'));
    const html = readFileSync(written!, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Petra luistert goed naar mij'.replace('Petra', '[naam klantmanager]'));
    expectNoNames(html, 'exported html');
  });

  it('writes DOCX with Word headings and no listed name', async () => {
    saveDialog.push(path.join(out, 'rapport.docx'));
    const { path: written } = await ok<ResponseOf<'report.export'>>(backend.handle('report.export', { cycleId, scope: 'trajectory', format: 'docx' }));
    const data = readFileSync(written!);
    const text = docxText(data);
    expect(text).toContain('Achtergrond');
    expect(text).toContain('fragment 0:05 – 0:12');
    expect(text).toContain('[naam klantmanager] herkent het moment waarop [naam cliënt] het woord nam.');
    expectNoNames(text, 'exported docx');
  });

  it.skipIf(!findChromium())('writes PDF (headless Chromium) with no listed name', async () => {
    saveDialog.push(path.join(out, 'rapport.pdf'));
    const { path: written } = await ok<ResponseOf<'report.export'>>(backend.handle('report.export', { cycleId, scope: 'cycle', format: 'pdf' }));
    expect(readFileSync(written!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    let text: string;
    try {
      text = execFileSync('pdftotext', ['-enc', 'UTF-8', written!, '-'], { encoding: 'utf8' });
    } catch {
      return; // no poppler: the PDF tests say so
    }
    expect(text).toContain('Geannoteerd transcript');
    expectNoNames(text, 'exported pdf');
  });

  it('writes nothing when the user cancels the dialog', async () => {
    const result = await ok<ResponseOf<'report.export'>>(backend.handle('report.export', { cycleId, scope: 'cycle', format: 'html' }));
    expect(result).toEqual({ path: null });
  });

  it('makes an export that would still hold a listed name impossible, with a clear error, and writes nothing', async () => {
    // A list that slipped past the page's check (an older version, an imported project ...).
    backend.store.reportSettings.setPseudonyms(
      trajectoryId,
      [
        { name: 'Jan', replacement: '[naam cliënt]' },
        { name: 'Petra', replacement: '[klantmanager van Jan]' },
      ],
      'test',
    );
    const target = path.join(out, 'lek.html');
    saveDialog.push(target);
    for (const format of ['html', 'docx', 'pdf'] as const) {
      const result = await backend.handle('report.export', { cycleId, scope: 'trajectory', format });
      expect(result).toMatchObject({ ok: false, error: { code: 'report.name-left', params: { names: 'Jan' } } });
      expect((result as { error: { message: string } }).error.message).toMatch(/Pseudonymisation incomplete: listed name "Jan"/);
    }
    const preview = await backend.handle('report.preview', { cycleId, scope: 'cycle' });
    expect(preview).toMatchObject({ ok: false, error: { code: 'report.name-left' } });
    expect(existsSync(target)).toBe(false);
    saveDialog.length = 0;
  });
});
