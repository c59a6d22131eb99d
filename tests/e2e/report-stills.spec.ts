// A still frame per fragment in the report, end to end in Chromium against the test host: the
// researcher sets a fragment's still moment at the playhead in the workspace, ticks "Met
// stilstaand beeld per fragment" on the "Rapport & export" page, sees the picture in the preview,
// and exports the HTML with the picture inside it. (The cycle and fragment are made through the
// API; report.spec.ts covers the rest of the report.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { formatTimecode, parseTimecode } from '../../shared/timecode';
import { formatStillTime } from '../../shared/report';
import { makeFixture } from '../support/media-fixtures';
import { createCycleWithRecording, expect, invoke, playheadTime, setResearcherName, test } from './fixtures';

/** Types a time into "go to" (G) and waits until the player is there. */
async function goToTime(page: Page, text: string) {
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('g');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect.poll(() => playheadTime(page)).toBeCloseTo(parseTimecode(text) ?? Number.NaN, 1);
}

test('a researcher picks a fragment\'s still moment and sees the still in the report preview', async ({ page, host, mediaDir }, testInfo) => {
  const video = await makeFixture('playable-mp4', mediaDir, { durationSec: 12, width: 320, height: 180 });
  await page.goto(host.url);
  await setResearcherName(page, 'Onderzoeker Anna');
  const { cycle, recordingId } = await createCycleWithRecording(page, (paths) => host.queueDialog(paths), video);
  const created = await invoke(page, 'fragments.create', { recordingId, inSec: 2, outSec: 8, title: 'Het doel samen', themes: ['authenticity'] });
  await invoke(page, 'fragments.update', { id: created.id, patch: { forCaseManager: true } });
  await invoke(page, 'method.buildReflectionAgenda', { cycleId: cycle.id });

  // In the workspace: the fragment's details show the still at the middle until one is chosen.
  await page.goto(`${host.url}#/cycle/${cycle.id}`);
  await page.getByRole('tab', { name: /Fragmenten/ }).click();
  const fragment = page.getByTestId('fragment');
  await fragment.getByRole('button', { name: 'Details en thema\'s' }).click();
  const still = fragment.getByTestId('fragment-still');
  await expect(still).toHaveText('Stilstaand beeld voor het rapport: 0:05.0 (midden)');
  await expect(fragment.getByRole('button', { name: 'Midden' })).toBeDisabled();

  // At 0:03.6: the still moment follows the playhead, and is stored.
  await goToTime(page, '0:03.6');
  const at = await playheadTime(page);
  await fragment.getByRole('button', { name: 'Hier (afspeelpositie)' }).click();
  await expect(still).toHaveText(`Stilstaand beeld voor het rapport: ${formatTimecode(at, { fractionDigits: 1 })}`);
  await expect(fragment.getByRole('button', { name: 'Midden' })).toBeEnabled();
  await expect.poll(async () => (await invoke(page, 'workspace.get', { cycleId: cycle.id })).fragments[0]?.stillSec).toBeCloseTo(at, 3);
  await fragment.getByTestId('fragment-still').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('fragment-still.png') });

  // A playhead outside the fragment is refused, with the reason; the chosen moment stays.
  await goToTime(page, '0:10');
  await fragment.getByRole('button', { name: 'Hier (afspeelpositie)' }).click();
  await expect(page.getByText(/De afspeelpositie \(0:10\.0\) ligt buiten dit fragment \(0:02 – 0:08\)/)).toBeVisible();
  await expect(still).toHaveText(`Stilstaand beeld voor het rapport: ${formatTimecode(at, { fractionDigits: 1 })}`);

  // On "Rapport & export": no stills until the box is ticked.
  await page.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Rapport & export' }).click();
  const preview = page.getByTestId('report-preview');
  await expect(preview).toContainText('fragment 0:02 – 0:08');
  const box = page.getByRole('checkbox', { name: 'Met stilstaand beeld per fragment' });
  await expect(box).not.toBeChecked();
  await expect(preview.getByTestId('report-still')).toHaveCount(0);

  await box.check();
  const figure = preview.getByTestId('report-still');
  await expect(figure).toHaveCount(1);
  const caption = `fragment 0:02 – 0:08, beeld op ${formatStillTime(at)}`;
  await expect(figure.locator('figcaption')).toHaveText(caption);
  const img = figure.getByRole('img', { name: caption });
  await expect(img).toHaveAttribute('src', new RegExp(`^/media/${recordingId}/still-\\d+-320\\.jpg$`));
  // The picture really loaded (the app served the cached JPEG): 320 pixels wide.
  await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth)).toBe(320);
  await figure.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('report-preview-still.png') });

  // The exported HTML carries the picture inside it.
  const htmlFile = path.join(mediaDir, 'rapport.html');
  await host.queueSaveDialog(htmlFile);
  await page.getByRole('group', { name: 'Exporteren als' }).getByRole('button', { name: 'HTML' }).click();
  await expect(page.getByTestId('export-status')).toHaveText(`Opgeslagen in ${htmlFile}`);
  const html = readFileSync(htmlFile, 'utf8');
  expect(html).toContain(`<figure class="still"><img src="data:image/jpeg;base64,`);
  expect(html).toContain(`<figcaption>${caption}</figcaption>`);

  // Back to the middle.
  await page.goto(`${host.url}#/cycle/${cycle.id}`);
  await page.getByRole('tab', { name: /Fragmenten/ }).click();
  await fragment.getByRole('button', { name: 'Details en thema\'s' }).click();
  await fragment.getByRole('button', { name: 'Midden' }).click();
  await expect(fragment.getByTestId('fragment-still')).toContainText('(midden)');
  await expect.poll(async () => (await invoke(page, 'workspace.get', { cycleId: cycle.id })).fragments[0]?.stillSec).toBeNull();
});
