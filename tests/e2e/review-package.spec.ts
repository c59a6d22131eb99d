// The review package end to end, in Chromium: the researcher makes a package from the reflection
// page (size shown first), the case manager opens its index.html from disk (file://), plays a
// clip, answers, reloads and finds the answers kept, saves the answers file; the researcher
// imports it and sees the preparation under its item and moves the flagged item forward.
// axe-core checks the package page (WCAG 2.1 AA); screenshots at desktop and phone size.
import AxeBuilder from '@axe-core/playwright';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { makeFixture } from '../support/media-fixtures';
import { createCycleWithRecording, expect, invoke, setResearcherName, test } from './fixtures';

async function annotatedCycle(page: Page, queueDialog: (paths: string[]) => Promise<void>, video: string) {
  const { trajectory, cycle, recordingId } = await createCycleWithRecording(page, queueDialog, video);
  await invoke(page, 'pseudonyms.set', { trajectoryId: trajectory.id, list: [{ name: 'Jan', replacement: '[naam cliënt]' }] });
  const first = await invoke(page, 'fragments.create', { recordingId, inSec: 3, outSec: 7, title: 'Jan twijfelt', themes: ['authenticity'] });
  const second = await invoke(page, 'fragments.create', { recordingId, inSec: 9, outSec: 11, title: 'Samen een doel', themes: ['shared-goal'] });
  for (const f of [first, second]) await invoke(page, 'fragments.update', { id: f.id, patch: { forCaseManager: true } });
  await invoke(page, 'method.update', {
    cycleId: cycle.id,
    patch: {
      feedback: [
        { id: 'f1', agendaItemId: null, fragmentId: first.id, themeId: 'authenticity', text: 'Ik voelde me gehoord', isQuote: true, sharing: 'share', speakerLabel: '' },
        { id: 'f2', agendaItemId: null, fragmentId: first.id, themeId: 'authenticity', text: 'GEHEIM-niet-delen', isQuote: false, sharing: 'private', speakerLabel: '' },
      ],
    },
  });
  await invoke(page, 'method.buildReflectionAgenda', { cycleId: cycle.id });
  return cycle.id;
}

test('a case manager prepares with an offline review package and the answers come back', async ({ page, host, mediaDir, context }, testInfo) => {
  const video = await makeFixture('playable-mp4', mediaDir, { durationSec: 14, width: 320, height: 180 });
  await page.goto(host.url);
  await setResearcherName(page, 'Onderzoeker Anna');
  const cycleId = await annotatedCycle(page, (paths) => host.queueDialog(paths), video);

  // The researcher makes the package: sees what goes in and its size, leaves nothing out.
  await page.goto(`${host.url}#/cycle/${cycleId}/reflection`);
  await page.getByRole('button', { name: 'Voorbereidingspakket maken…' }).click();
  const maker = page.getByRole('dialog', { name: 'Voorbereidingspakket maken' });
  const size = maker.getByTestId('package-size');
  await expect(size).toContainText(/Ca\. .*B: 11 punten, 2 clips/);
  await maker.getByRole('checkbox', { name: /Samen een doel/ }).uncheck();
  await expect(size).toContainText(/: 10 punten, 1 clip$/);
  await maker.getByRole('checkbox', { name: /Samen een doel/ }).check();
  await expect(size).toContainText(/: 11 punten, 2 clips/);
  await page.screenshot({ path: testInfo.outputPath('package-maker.png') });
  const folder = path.join(mediaDir, 'voorbereiding');
  await host.queueSaveDialog(folder);
  await maker.getByRole('button', { name: 'Pakket maken…' }).click();
  const job = page.getByTestId('clip-jobs-package').getByTestId('clip-job').first();
  await expect(job).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(job.getByTestId('clip-saved')).toHaveText(`Opgeslagen in ${folder}`);

  // The case manager opens it from disk.
  const pkg = await context.newPage();
  const requested: string[] = [];
  pkg.on('request', (request) => requested.push(request.url()));
  const downloads = path.join(mediaDir, 'downloads');
  await pkg.goto(pathToFileURL(path.join(folder, 'index.html')).href);
  await expect(pkg.getByRole('heading', { level: 1, name: 'Voorbereiding reflectiegesprek' })).toBeVisible();
  await expect(pkg.locator('body')).not.toContainText('Jan');
  await expect(pkg.locator('body')).not.toContainText('GEHEIM');
  const item = pkg.locator('article', { has: pkg.getByRole('heading', { name: '[naam cliënt] twijfelt' }) });
  await expect(item).toContainText('Ik voelde me gehoord');
  const clip = item.locator('video');
  expect(await clip.getAttribute('playsinline')).not.toBeNull();
  await expect.poll(() => clip.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThan(0);
  expect(Math.abs((await clip.evaluate((v: HTMLVideoElement) => v.duration)) - 4)).toBeLessThanOrEqual(0.05);
  await clip.evaluate((v: HTMLVideoElement) => v.play());
  await expect.poll(() => clip.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.3);
  await clip.evaluate((v: HTMLVideoElement) => v.pause());

  await item.getByRole('textbox', { name: /Wat zie je nu\?/ }).fill('Ik zie nu dat ik te snel naar werk ging.');
  await item.getByRole('checkbox', { name: /Dit wil ik bespreken/ }).check();
  await pkg.getByRole('textbox', { name: 'Twijfels of vragen die je wilt inbrengen' }).fill('Hoe vraag ik door zonder te sturen?');
  // Kept as typed: the page's storage holds the answers before the reload asks for them.
  await expect
    .poll(() => pkg.evaluate(() => Object.values(window.localStorage).join('\n')))
    .toContain('Hoe vraag ik door zonder te sturen?');
  await pkg.reload();
  await expect(item.getByRole('textbox', { name: /Wat zie je nu\?/ })).toHaveValue('Ik zie nu dat ik te snel naar werk ging.');
  await expect(item.getByRole('checkbox', { name: /Dit wil ik bespreken/ })).toBeChecked();
  await expect(pkg.getByRole('textbox', { name: 'Twijfels of vragen die je wilt inbrengen' })).toHaveValue('Hoe vraag ik door zonder te sturen?');

  // Accessible: axe-core's WCAG 2.0/2.1 A and AA rules find nothing.
  const axe = await new AxeBuilder({ page: pkg }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await pkg.screenshot({ path: testInfo.outputPath('package-desktop.png'), fullPage: true });

  const downloadPromise = pkg.waitForEvent('download');
  await pkg.getByRole('button', { name: 'Antwoorden bewaren als bestand' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.vkz-antwoorden$/);
  const answersFile = path.join(downloads, download.suggestedFilename());
  await download.saveAs(answersFile);
  await expect(pkg.getByRole('status').filter({ hasText: 'Stuur dit bestand naar de onderzoekers' })).toBeVisible();

  // On a phone: one column, the clip still plays inline.
  await pkg.setViewportSize({ width: 390, height: 844 });
  await item.scrollIntoViewIfNeeded();
  const box = await clip.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  await pkg.screenshot({ path: testInfo.outputPath('package-phone.png') });
  await pkg.close();
  // Nothing but the package's own files (and the page's own captions) was asked for: no network.
  expect(requested.filter((url) => !url.startsWith('file://') && !url.startsWith('blob:'))).toEqual([]);

  // The researcher imports the answers on the reflection page; a cut-off copy is refused first.
  expect(existsSync(answersFile)).toBe(true);
  const cutOff = path.join(downloads, 'afgekapt.vkz-antwoorden');
  writeFileSync(cutOff, readFileSync(answersFile, 'utf8').slice(0, 200));
  await host.queueDialog([cutOff]);
  await page.getByRole('button', { name: 'Antwoorden importeren…' }).click();
  await expect(page.getByText(/Dit antwoordbestand is onvolledig of beschadigd/)).toBeVisible();
  await expect(page.getByTestId('preparation')).toHaveCount(0);
  await host.queueDialog([answersFile]);
  await page.getByRole('button', { name: 'Antwoorden importeren…' }).click();
  const imported = page.getByTestId('answers-imported');
  await expect(imported).toContainText('1 antwoord, 1 nieuwe twijfel bij de intake');
  await imported.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('answers-import-status.png') });
  const preparation = page.getByTestId('agenda-item').getByTestId('preparation');
  await expect(preparation).toHaveCount(1);
  await expect(preparation).toContainText('Voorbereiding klantmanager');
  await expect(preparation).toContainText('Ik zie nu dat ik te snel naar werk ging.');
  await expect(preparation).toContainText('bespreken');
  await imported.getByRole('button', { name: 'Naar voren halen' }).click();
  await expect(imported.getByRole('button', { name: 'Naar voren halen' })).toBeHidden();
  await preparation.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('answers-imported.png') });

  const { method } = await invoke(page, 'method.get', { cycleId });
  expect(method.intake.doubts.map((d) => d.text)).toContain('Hoe vraag ik door zonder te sturen?');
});
