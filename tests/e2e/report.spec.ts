// The reflection report end to end, in Chromium against the test host: an annotated cycle (set up
// through the API for speed; workspace.spec.ts covers annotating through the UI), the
// "Rapport & export" tab, a pseudonym added in the page and seen in the live preview, exports
// through the (test-controlled) save dialog, and the exported HTML opened in the browser.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { docxText } from '../../electron/services/export/docx-text';
import { makeFixture } from '../support/media-fixtures';
import type { RequestOf } from '../../shared/contract';
import { createCycleWithRecording, expect, invoke, setResearcherName, test } from './fixtures';

const PRIVATE = 'Mijn buurman weet van niks';

/** A cycle with a 20-second recording, notes of each kind, a fragment, interview feedback and a reflection agenda; "Jan" planted throughout. */
async function annotatedCycle(page: Page, queueDialog: (paths: string[]) => Promise<void>, video: string) {
  const { trajectory, cycle, recordingId } = await createCycleWithRecording(page, queueDialog, video);
  const note = (timeSec: number, kind: RequestOf<'notes.create'>['kind'], text: string, speaker = '') =>
    invoke(page, 'notes.create', { recordingId, timeSec, kind, text, speaker });
  await note(1, 'transcript', 'Goedemiddag Jan, fijn dat je er bent.', 'KM');
  await note(4, 'observation', 'Jan kijkt weg als het over werk gaat.');
  await note(5, 'question_client', 'Vraag voor de cliënt: wat dacht u toen, Jan?');
  await note(9, 'question_case_manager', 'Vraag voor de klantmanager: wat wilde je hier bereiken?');
  const fragment = await invoke(page, 'fragments.create', {
    recordingId,
    inSec: 2,
    outSec: 8,
    title: 'Jan vertelt over zijn dochter',
    themes: ['authenticity'],
    valence: 'positive',
  });
  await invoke(page, 'fragments.update', { id: fragment.id, patch: { forClient: true, forCaseManager: true } });
  const view = await invoke(page, 'method.get', { cycleId: cycle.id });
  await invoke(page, 'method.update', {
    cycleId: cycle.id,
    patch: {
      intake: { ...view.method.intake, consent: 'yes', doubts: [{ id: 'd1', text: 'Was ik te sturend tegen Jan?' }] },
      interviewDate: '2025-03-14',
      feedback: [
        { id: 'fb1', agendaItemId: null, fragmentId: fragment.id, themeId: 'authenticity', text: 'Ik voelde me gehoord', isQuote: true, sharing: 'share', speakerLabel: 'Cliënt A' },
        { id: 'fb2', agendaItemId: null, fragmentId: fragment.id, themeId: 'authenticity', text: PRIVATE, isQuote: true, sharing: 'private', speakerLabel: 'Cliënt A' },
      ],
    },
  });
  await invoke(page, 'method.buildReflectionAgenda', { cycleId: cycle.id });
  return { cycleId: cycle.id };
}

test('a researcher pseudonymises the report, previews it, exports it and opens the HTML', async ({ page, host, mediaDir }, testInfo) => {
  const video = await makeFixture('playable-mp4', mediaDir, { durationSec: 20 });
  await page.goto(host.url);
  await setResearcherName(page, 'Onderzoeker Anna');
  const { cycleId } = await annotatedCycle(page, (paths) => host.queueDialog(paths), video);

  // From the cycle's workspace to its "Rapport & export" tab.
  await page.goto(`${host.url}#/cycle/${cycleId}`);
  await page.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Rapport & export' }).click();
  await expect(page).toHaveURL(new RegExp(`#/cycle/${cycleId}/export$`));

  const preview = page.getByTestId('report-preview');
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Reflectierapport KM-1 · Cliënt A');
  await expect(preview.getByRole('heading', { name: 'Geannoteerd transcript' })).toBeVisible();
  await expect(preview).toContainText('fragment 0:02 – 0:08');
  await expect(preview.getByTestId('report-observation')).toContainText('Observatie');
  await expect(preview.locator('.question-client')).toContainText('Vraag voor de cliënt:');
  await expect(preview.locator('.question-case-manager').first()).toContainText('Vraag voor de klantmanager:');
  await expect(preview).toContainText('Ik voelde me gehoord');
  await expect(preview).not.toContainText(PRIVATE);
  // No list yet: the names are still there, and the page says so.
  await expect(preview).toContainText('Jan vertelt over zijn dochter');
  await expect(page.getByRole('list', { name: 'Let op' })).toContainText('pseudoniemenlijst');

  // Add "Jan" -> "[naam cliënt]": the preview follows.
  await page.getByRole('button', { name: '+ Naam toevoegen' }).click();
  await page.getByLabel('Naam 1').fill('Jan');
  await page.getByLabel('Vervanging 1').fill('[naam cliënt]');
  await expect(page.getByText('Lijst opgeslagen')).toBeVisible();
  await expect(preview).toContainText('[naam cliënt] vertelt over zijn dochter');
  await expect(preview).toContainText('Was ik te sturend tegen [naam cliënt]?');
  await expect(preview).not.toContainText(/\bJan\b/);
  await page.screenshot({ path: testInfo.outputPath('export-page.png') });

  // A replacement that would bring a listed name back is refused, in Dutch, and not saved.
  await page.getByRole('button', { name: '+ Naam toevoegen' }).click();
  await page.getByLabel('Naam 2').fill('Petra');
  await page.getByLabel('Vervanging 2').fill('[coach van Jan]');
  await expect(page.getByRole('alert').filter({ hasText: 'bevat zelf de naam Jan' })).toBeVisible();
  await page.getByRole('button', { name: 'Petra van de lijst halen' }).click();

  // The whole trajectory, then back to this cycle.
  const scope = page.getByRole('group', { name: 'Omvang' });
  await scope.getByRole('radio', { name: 'Het hele traject' }).check();
  await expect(preview.locator('.subtitle')).toHaveText('Van Kijken naar Zien · het hele traject');
  await scope.getByRole('radio', { name: 'Deze cyclus' }).check();
  await expect(preview.locator('.subtitle')).toHaveText('Van Kijken naar Zien · Gesprek 1 (10 maart 2025)');

  // Export HTML through the save dialog.
  const exportAs = page.getByRole('group', { name: 'Exporteren als' });
  const htmlFile = path.join(mediaDir, 'rapport.html');
  await host.queueSaveDialog(htmlFile);
  await exportAs.getByRole('button', { name: 'HTML' }).click();
  await expect(page.getByTestId('export-status')).toHaveText(`Opgeslagen in ${htmlFile}`);
  const html = readFileSync(htmlFile, 'utf8');
  expect(html).toContain('[naam cliënt] vertelt over zijn dochter');
  expect(html).not.toMatch(/\bJan\b/);
  expect(html).not.toContain(PRIVATE);

  // And Word.
  const docxFile = path.join(mediaDir, 'rapport.docx');
  await host.queueSaveDialog(docxFile);
  await exportAs.getByRole('button', { name: 'Word (.docx)' }).click();
  await expect(page.getByTestId('export-status')).toHaveText(`Opgeslagen in ${docxFile}`);
  const docx = docxText(readFileSync(docxFile));
  expect(docx).toContain('fragment 0:02 – 0:08');
  expect(docx).not.toMatch(/\bJan\b/);

  // And PDF (the test host prints with headless Chromium).
  const pdfFile = path.join(mediaDir, 'rapport.pdf');
  await host.queueSaveDialog(pdfFile);
  await exportAs.getByRole('button', { name: 'PDF' }).click();
  await expect(page.getByTestId('export-status')).toHaveText(`Opgeslagen in ${pdfFile}`, { timeout: 60_000 });
  expect(readFileSync(pdfFile).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // The page's export log lists the three exports, newest first, with where they went.
  const log = page.getByTestId('export-log-entry');
  await expect(log).toHaveCount(3);
  await expect(log.first()).toContainText('Rapport (PDF)');
  await expect(log.first()).toContainText(pdfFile);
  await expect(log.nth(2)).toContainText('Rapport (HTML)');

  // A cancelled dialog writes nothing and says nothing went wrong.
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/invoke/report.export'));
  await exportAs.getByRole('button', { name: 'HTML' }).click();
  expect(await (await answered).json()).toEqual({ ok: true, value: { path: null } });
  await expect(exportAs.getByRole('button', { name: 'HTML' })).toBeEnabled();
  await expect(page.getByTestId('export-status')).toHaveCount(0);
  await expect(page.getByTestId('export-status')).toHaveCount(0);

  // The exported HTML opens in the browser as a document of its own.
  await page.goto(pathToFileURL(htmlFile).href);
  await expect(page).toHaveTitle('Reflectierapport KM-1 · Cliënt A');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reflectierapport KM-1 · Cliënt A');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Achtergrond', 'Gesprek 1 (10 maart 2025)', 'Hoe het verder ging']);
  await expect(page.getByRole('heading', { level: 3, name: 'Geannoteerd transcript' })).toBeVisible();
  await expect(page.locator('aside.observation')).toContainText('[naam cliënt] kijkt weg als het over werk gaat.');
  await page.screenshot({ path: testInfo.outputPath('exported-html.png'), fullPage: true });
});
