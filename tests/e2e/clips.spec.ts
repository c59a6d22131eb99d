// Fragment clips end to end, in Chromium against the test host: a cycle with a recording and
// two fragments (set up through the API for speed), a clip exported from the fragment's card
// through the (test-controlled) save dialog, its progress followed to the end, and the clip
// played in the page; then a batch of both with the time code burned in; then the showreel of
// the reflection agenda from the "Rapport & export" page.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { makeFixture } from '../support/media-fixtures';
import { createCycleWithRecording, expect, invoke, setResearcherName, test } from './fixtures';

async function cycleWithFragments(page: Page, queueDialog: (paths: string[]) => Promise<void>, video: string) {
  const { trajectory, cycle, recordingId } = await createCycleWithRecording(page, queueDialog, video);
  const first = await invoke(page, 'fragments.create', { recordingId, inSec: 3, outSec: 7, title: 'Cliënt twijfelt', themes: ['authenticity'] });
  const second = await invoke(page, 'fragments.create', { recordingId, inSec: 9, outSec: 11, themes: ['shared-goal'] });
  return { cycleId: cycle.id, trajectoryId: trajectory.id, fragments: [first, second] };
}

/** Opens the clip player from a finished job and checks that the clip plays, and how long it is. */
async function playClip(page: Page, job: Locator, button: RegExp, expectedSec: number) {
  await job.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog', { name: /^Clip: / });
  await expect(dialog).toBeVisible();
  const video = dialog.getByTestId('clip-video');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThan(0);
  const duration = await video.evaluate((v: HTMLVideoElement) => v.duration);
  expect(Math.abs(duration - expectedSec)).toBeLessThanOrEqual(0.05);
  // It really plays: time advances, and the picture has its size.
  await video.evaluate((v: HTMLVideoElement) => v.play());
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.3);
  expect(await video.evaluate((v: HTMLVideoElement) => [v.videoWidth, v.videoHeight])).toEqual([320, 180]);
  return dialog;
}

test('a researcher exports a fragment clip, follows its progress and plays it in the page', async ({ page, host, mediaDir }, testInfo) => {
  const video = await makeFixture('playable-mp4', mediaDir, { durationSec: 14, width: 320, height: 180 });
  await page.goto(host.url);
  await setResearcherName(page, 'Onderzoeker Anna');
  const { cycleId } = await cycleWithFragments(page, (paths) => host.queueDialog(paths), video);

  await page.goto(`${host.url}#/cycle/${cycleId}`);
  await page.getByRole('tab', { name: /Fragmenten/ }).click();
  const cards = page.getByTestId('fragment');
  await expect(cards).toHaveCount(2);

  // One clip from its card: the save dialog answers with a file name.
  const clipFile = path.join(mediaDir, 'twijfel.mp4');
  await host.queueSaveDialog(clipFile);
  await cards.first().getByRole('button', { name: 'Exporteer clip 0:03 – 0:07' }).click();
  const jobs = page.getByTestId('clip-jobs-clips');
  const job = jobs.getByTestId('clip-job').first();
  await expect(job).toContainText('0:03 – 0:07');
  await expect(job).toHaveAttribute('data-state', 'done');
  await expect(job.getByTestId('clip-saved')).toHaveText(`Opgeslagen in ${clipFile}`);
  expect(existsSync(clipFile)).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('clip-done.png') });

  const dialog = await playClip(page, job, /Clip afspelen/, 4);
  await page.screenshot({ path: testInfo.outputPath('clip-playing.png') });
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  await expect(dialog).toBeHidden();

  // Both fragments at once, with the time code in the picture: a folder of numbered clips.
  await page.getByRole('checkbox', { name: 'Fragment 0:03 – 0:07 selecteren voor export' }).check();
  await page.getByRole('checkbox', { name: 'Fragment 0:09 – 0:11 selecteren voor export' }).check();
  await page.getByRole('checkbox', { name: 'Tijdcode in beeld' }).check();
  const folder = path.join(mediaDir, 'clips gesprek 1');
  await host.queueSaveDialog(folder);
  await page.getByRole('button', { name: 'Exporteer geselecteerde clips (2)' }).click();
  const batch = jobs.getByTestId('clip-job').first();
  await expect(batch).toContainText('2 clips');
  await expect(batch).toHaveAttribute('data-state', 'done');
  await expect(batch.getByTestId('clip-saved')).toHaveText(`Opgeslagen in ${folder}`);
  expect(readdirSync(folder).sort()).toEqual(['01 Cliënt twijfelt 0m03s-0m07s.mp4', '02 Doel 0m09s-0m11s.mp4']);
  await playClip(page, batch, /02 Doel/, 2);
  await page.screenshot({ path: testInfo.outputPath('batch-playing.png') });
});

test('a showreel of the reflection agenda is made from the export page and plays', async ({ page, host, mediaDir }, testInfo) => {
  const video = await makeFixture('playable-mp4', mediaDir, { durationSec: 14, width: 320, height: 180 });
  await page.goto(host.url);
  await setResearcherName(page, 'Onderzoeker Anna');
  const { cycleId, fragments } = await cycleWithFragments(page, (paths) => host.queueDialog(paths), video);
  for (const f of fragments) await invoke(page, 'fragments.update', { id: f.id, patch: { forCaseManager: true } });
  await invoke(page, 'method.buildReflectionAgenda', { cycleId });

  await page.goto(`${host.url}#/cycle/${cycleId}/export`);
  const maker = page.getByTestId('showreel-maker');
  await expect(maker.getByRole('heading', { name: 'Showreel van de fragmenten' })).toBeVisible();
  await maker.getByRole('checkbox', { name: 'Titelkaart voor elk fragment' }).uncheck();
  const reel = path.join(mediaDir, 'showreel.mp4');
  await host.queueSaveDialog(reel);
  await maker.getByRole('button', { name: 'Showreel maken' }).click();
  const job = maker.getByTestId('clip-job').first();
  await expect(job).toContainText('Showreel reflectiegesprek');
  await expect(job).toHaveAttribute('data-state', 'done');
  await expect(job.getByTestId('clip-saved')).toHaveText(`Opgeslagen in ${reel}`);
  await maker.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('showreel-done.png') });
  await playClip(page, job, /Showreel afspelen/, 6);
});
