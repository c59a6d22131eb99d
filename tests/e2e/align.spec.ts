// Two researchers align their analyses of one recording, in Chromium against the test host.
// Bram's analysis arrives as a project archive (with the video); Anna analyses the same
// recording; on the "Afstemmen" tab they compare them in lanes, align pair by pair with the
// keyboard, and the reflection agenda is then built from the joint fragments.
import path from 'node:path';
import { makeFixture } from '../support/media-fixtures';
import { createCycleWithRecording, expect, invoke, setResearcherName, test } from './fixtures';

test('two analyses of one recording are compared, aligned pair by pair, and the agenda shows the joint fragments', async ({
  page,
  host,
  mediaDir,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const video = await makeFixture('playable-mp4', mediaDir, { durationSec: 30 });
  await page.goto(host.url);

  // ---- Bram analyses the recording on his machine and sends it as an archive.
  await setResearcherName(page, 'Bram');
  const { trajectory, cycle, recordingId } = await createCycleWithRecording(page, (p) => host.queueDialog(p), video, '2026-03-02');
  const fragment = async (inSec: number, outSec: number, title: string, themes: string[], valence: 'positive' | 'concern') => {
    const f = await invoke(page, 'fragments.create', { recordingId, inSec, outSec, title, themes, valence });
    await invoke(page, 'fragments.update', { id: f.id, patch: { forCaseManager: true } });
  };
  await fragment(2, 8, 'Bram: vraagt door', ['flow'], 'concern');
  await fragment(14, 20, 'Bram: samen het doel', ['shared-goal'], 'positive');
  await invoke(page, 'notes.create', { recordingId, timeSec: 24, kind: 'question_case_manager', text: 'Wat hoorde je hier?' });
  const archive = path.join(mediaDir, 'bram.vkz');
  await host.queueSaveDialog(archive);
  await invoke(page, 'exchange.exportArchive', { scope: { kind: 'cycle', cycleId: cycle.id }, kind: 'research-team', includeMedia: true });
  await invoke(page, 'trajectories.delete', { id: trajectory.id });

  // ---- Anna imports it through the library and analyses the same recording.
  await invoke(page, 'settings.update', { authorName: 'Anna' });
  await page.reload();
  await host.queueDialog([archive]);
  await page.getByRole('button', { name: 'Project importeren…' }).click();
  const summary = page.getByRole('dialog', { name: 'Project geïmporteerd' });
  await expect(summary).toContainText('van Bram');
  await summary.getByRole('button', { name: 'Sluiten' }).click();
  await fragment(3, 9, 'Anna: vat samen', ['flow', 'authenticity'], 'positive');
  await fragment(22, 26, 'Anna: stilte', ['resistance'], 'concern');
  await invoke(page, 'notes.create', { recordingId, timeSec: 25, kind: 'question_case_manager', text: 'Waarom viel het stil?' });

  // ---- Side by side.
  await page.goto(`${host.url}#/cycle/${cycle.id}`);
  await page.getByRole('link', { name: 'Afstemmen', exact: true }).click();
  const progress = page.getByTestId('align-progress');
  await expect(progress).toHaveText('0 van 4 afgestemd');
  await expect(page.getByTestId('lane-author-0').locator('.align-block')).toHaveCount(2);
  await expect(page.getByTestId('lane-author-1').locator('.align-block')).toHaveCount(2);
  const units = page.getByRole('list', { name: 'Af te stemmen' }).getByRole('button');
  await expect(units).toHaveText([/Paar · 71% overlap.*thema's verschillen.*positief\/zorgpunt verschilt/, /Alleen Bram/, /Alleen Anna/, /2 notities/]);
  const detail = page.getByTestId('align-detail');
  await expect(detail.getByTestId('version-left')).toContainText('Anna: vat samen');
  await expect(detail.getByTestId('version-right')).toContainText('Bram: vraagt door');
  await expect(page.getByTestId('agreement-table')).toContainText('Verloop');
  await page.screenshot({ path: testInfo.outputPath('align-lanes-1280.png') });

  // ---- Pair by pair, with the keyboard.
  await page.locator('body').press('c'); // combine the pair
  await expect(progress).toHaveText('1 van 4 afgestemd');
  await expect(detail.getByTestId('joint-editor')).toContainText('samen (Anna & Bram)');
  await expect(page.getByTestId('lane-joint').locator('.align-block')).toHaveCount(1);
  await page.locator('body').press('e');
  await expect(detail.getByLabel('Titel', { exact: true })).toBeFocused();
  await detail.getByLabel('Titel', { exact: true }).fill('Samenvatten en doorvragen');
  await detail.getByLabel('Titel', { exact: true }).blur();
  await page.locator('body').press('n');
  await expect(detail).toContainText('alleen Bram');
  await page.locator('body').press('2'); // take Bram's single
  await expect(progress).toHaveText('2 van 4 afgestemd');
  await page.locator('body').press('u'); // undo it ...
  await expect(progress).toHaveText('1 van 4 afgestemd');
  await page.locator('body').press('2'); // ... and take it again
  await expect(progress).toHaveText('2 van 4 afgestemd');
  await page.locator('body').press('n');
  await page.locator('body').press('b'); // "besproken": first the note
  await page.keyboard.type('Geen weerstand, wel een pauze');
  await page.keyboard.press('Enter');
  await expect(progress).toHaveText('3 van 4 afgestemd');
  await page.locator('body').press('n');
  await page.locator('body').press('c'); // merge the two notes
  await expect(progress).toHaveText('4 van 4 afgestemd');
  await expect(units).toHaveText([/gecombineerd/, /versie overgenomen/, /besproken/, /samengevoegd/]);
  await page.locator('body').press('?');
  const help = page.getByRole('dialog', { name: 'Sneltoetsen' });
  await expect(help).toContainText('neem de rechter versie');
  await help.getByRole('button', { name: 'Sluiten' }).click();
  await page.locator('body').press('ArrowUp');
  await page.locator('body').press('ArrowUp');
  await page.locator('body').press('ArrowUp');
  await page.screenshot({ path: testInfo.outputPath('align-aligned-1280.png') });
  await page.setViewportSize({ width: 1680, height: 1050 });
  await page.getByTestId('align-lanes').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('align-lanes-1680.png') });
  await page.getByTestId('agreement-table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('align-agreement-1680.png') });

  // ---- Stored: after a restart the alignment is still there.
  await host.restart();
  await page.goto(`${host.url}#/cycle/${cycle.id}/align`);
  await expect(page.getByTestId('align-progress')).toHaveText('4 van 4 afgestemd');

  // ---- The reflection agenda is built from the joint analysis.
  await page.getByRole('link', { name: 'Reflectiegesprek', exact: true }).click();
  await page.getByRole('button', { name: 'Agenda opstellen' }).click();
  const agenda = page.getByTestId('agenda');
  await expect(agenda).toContainText('Samenvatten en doorvragen');
  await expect(agenda).toContainText('Bram: samen het doel');
  await expect(agenda).toContainText('Waarom viel het stil? (Anna)');
  await expect(agenda).not.toContainText('Anna: vat samen');
  await expect(agenda).not.toContainText('Bram: vraagt door');
  await expect(agenda).not.toContainText('Anna: stilte');
  await agenda.getByText('Samenvatten en doorvragen').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('aligned-agenda-1680.png') });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: testInfo.outputPath('aligned-agenda-1280.png') });

  // ---- The report says it only when asked (research documentation).
  await page.getByRole('link', { name: 'Rapport & export', exact: true }).click();
  const preview = page.getByTestId('report-preview');
  await expect(preview.getByRole('heading', { name: 'Geannoteerd transcript' })).toBeVisible();
  await expect(preview).not.toContainText('Afstemming van de analyse');
  await page.getByLabel('Met de afstemming van de analyse').check();
  await expect(preview.getByRole('heading', { name: 'Afstemming van de analyse' })).toBeVisible();
  await expect(preview).toContainText('stemden daarna 4 van de 4 items af');
});
