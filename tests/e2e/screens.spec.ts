// Every screen and dialog, as a user reaches it, checked with axe-core's WCAG 2.1 A/AA rules, and
// photographed at the two laptop sizes the app is made for (1280×720: a 1920×1080 screen at 150%;
// 1024×640: the window's minimum) into the test's output folder, to look at.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { makeFixture } from '../support/media-fixtures';
import { expectAccessible } from './axe';
import { expect, invoke, setResearcherName, test } from './fixtures';
import { annotatedCycle } from './scenes';

const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1024, height: 640 },
];

/** What runs off the side: the page, its main area or a dialog wider than its box (a wide table
 * in a box of its own that scrolls sideways is allowed). */
function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [document.documentElement, ...document.querySelectorAll<HTMLElement>('main, [role=main], dialog[open]')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className)}: ${el.scrollWidth} > ${el.clientWidth}`),
  );
}

/** Checks the screen with axe, then at each laptop size that nothing runs off the side, and
 * photographs it. */
async function check(page: Page, testInfo: TestInfo, screen: string) {
  await expectAccessible(page, screen);
  const size = page.viewportSize();
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    expect.soft(await sidewaysOverflow(page), `${screen} at ${viewport.width}×${viewport.height} runs off the side`).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`${screen}-${viewport.width}x${viewport.height}.png`) });
  }
  if (size) await page.setViewportSize(size);
}

const VTT = `WEBVTT

00:00:01.000 --> 00:00:03.000
<v Petra Bakker>Goedemorgen, fijn dat je er bent.

00:00:04.000 --> 00:00:06.000
<v Jan de Vries>Ik weet het niet, eerlijk gezegd.
`;

test.use({ viewport: VIEWPORTS[0] });

test('every screen and every dialog passes axe-core WCAG 2.1 A/AA', async ({ page, host, mediaDir }, testInfo) => {
  test.setTimeout(240_000);
  const video = await makeFixture('playable-mp4', mediaDir, { durationSec: 12 });
  await page.goto(host.url);
  await expect(page.getByRole('dialog', { name: 'Instellingen' })).toBeVisible();
  await check(page, testInfo, 'settings-first-start');
  await setResearcherName(page, 'Onderzoeker Anna');
  const { cycleId, recordingId } = await annotatedCycle(page, host.queueDialog, video);

  // ---- Library: a trajectory with its cycles, the new-cycle form, a confirmation.
  await page.reload();
  await page.getByRole('button', { name: /KM-1 · Cliënt A/ }).click();
  await expect(page.getByRole('button', { name: 'Gesprek 1' })).toBeVisible();
  await check(page, testInfo, 'library');
  await page.getByRole('button', { name: '+ Nieuwe cyclus' }).click();
  await check(page, testInfo, 'library-new-cycle');
  await page.getByRole('button', { name: 'Annuleren' }).click();
  await page.getByRole('button', { name: 'Verwijderen' }).last().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await check(page, testInfo, 'dialog-confirm-delete');
  await page.getByRole('dialog').getByRole('button', { name: 'Annuleren' }).click();

  // ---- Analysis: notes, fragments, the shortcut list, the transcript import preview.
  await page.getByRole('button', { name: 'Gesprek 1' }).click();
  await expect(page.getByTestId('timeline')).toBeVisible();
  await expect(page.getByTestId('note')).toHaveCount(1);
  await check(page, testInfo, 'analysis');
  await page.getByRole('tab', { name: /Fragmenten/ }).click();
  await expect(page.getByTestId('fragment')).toHaveCount(2);
  await check(page, testInfo, 'analysis-fragments');
  await page.getByRole('button', { name: 'Sneltoetsen' }).click();
  await expect(page.getByRole('dialog', { name: 'Sneltoetsen' })).toBeVisible();
  await check(page, testInfo, 'dialog-shortcuts');
  await page.keyboard.press('Escape');
  const vtt = path.join(mediaDir, 'gesprek.vtt');
  writeFileSync(vtt, VTT);
  await host.queueDialog([vtt]);
  await page.getByRole('button', { name: 'Importeer transcript' }).click();
  await expect(page.getByRole('dialog', { name: /Transcript importeren/ })).toBeVisible();
  await check(page, testInfo, 'dialog-transcript-import');
  await page.getByRole('dialog').getByRole('button', { name: 'Annuleren' }).click();
  // A fragment's details, a clip made from it and played in a dialog.
  await page.getByRole('tab', { name: /Fragmenten/ }).click();
  const card = page.getByTestId('fragment').first();
  await card.getByRole('button', { name: "Details en thema's" }).click();
  await expect(card.getByTestId('theme-questions')).toBeVisible();
  await check(page, testInfo, 'analysis-fragment-details');
  await host.queueSaveDialog(path.join(mediaDir, 'clip.mp4'));
  await card.getByRole('button', { name: /Exporteer clip/ }).click();
  const job = page.getByTestId('clip-job').first();
  await expect(job).toHaveAttribute('data-state', 'done');
  await job.getByRole('button', { name: /Clip afspelen/ }).click();
  await expect(page.getByRole('dialog', { name: /^Clip: / })).toBeVisible();
  await check(page, testInfo, 'dialog-clip');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Zijpaneel inklappen' }).click();
  await check(page, testInfo, 'analysis-side-collapsed');
  await page.getByRole('button', { name: /Zijpaneel uitklappen/ }).click();

  // ---- Aligning two researchers' analyses: a colleague's fragment beside Anna's.
  await invoke(page, 'settings.update', { authorName: 'Bram' });
  await invoke(page, 'fragments.create', { recordingId, inSec: 3, outSec: 5, title: 'Bram: vat samen', themes: ['authenticity'], valence: 'positive' });
  await invoke(page, 'settings.update', { authorName: 'Onderzoeker Anna' });
  await page.getByRole('link', { name: 'Afstemmen', exact: true }).click();
  await expect(page.getByTestId('align-progress')).toBeVisible();
  await check(page, testInfo, 'align');

  // ---- The cycle's steps and intake (consent, so the interview can be planned).
  await page.getByRole('link', { name: 'Cyclus', exact: true }).click();
  await page.getByRole('radio', { name: 'Ja, toestemming gegeven' }).check();
  await expect(page.getByTestId('save-state')).toHaveText('Alles opgeslagen');
  await check(page, testInfo, 'cycle');

  // ---- Client interview with its agenda, and a fragment replayed in a dialog.
  await page.getByRole('link', { name: 'Cliëntinterview', exact: true }).click();
  await page.getByRole('button', { name: 'Agenda opstellen' }).click();
  await expect(page.getByTestId('agenda')).toBeVisible();
  await check(page, testInfo, 'interview');
  await page.getByRole('button', { name: /Fragment terugkijken/ }).first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await check(page, testInfo, 'dialog-fragment-replay');
  await page.keyboard.press('Escape');

  // ---- Reflection meeting, review mode.
  await page.getByRole('link', { name: 'Reflectiegesprek', exact: true }).click();
  await page.getByRole('button', { name: 'Agenda opstellen' }).click();
  await expect(page.getByTestId('agenda')).toBeVisible();
  await check(page, testInfo, 'reflection');
  await page.getByRole('button', { name: 'Voorbereidingspakket maken…' }).click();
  await expect(page.getByRole('dialog', { name: 'Voorbereidingspakket maken' })).toBeVisible();
  await check(page, testInfo, 'dialog-review-package');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '▶ Review-modus' }).click();
  await expect(page.getByTestId('review-position')).toHaveText('1 / 2');
  // The video fills the stage (it once collapsed to nothing: a player sized by a parent of no height).
  const videoBox = await page.getByTestId('player').boundingBox();
  expect(videoBox?.height ?? 0).toBeGreaterThan(200);
  await check(page, testInfo, 'review');
  await page.keyboard.press('Escape');

  // ---- Report & export.
  await page.goto(`${host.url}#/cycle/${cycleId}/export`);
  await expect(page.getByRole('heading', { name: 'Reflectierapport' })).toBeVisible();
  await check(page, testInfo, 'export');

  // ---- A project archive of this cycle, imported again from the library: the summary.
  const archive = path.join(mediaDir, 'KM-1.vkz');
  await host.queueSaveDialog(archive);
  const exchange = page.getByTestId('exchange-panel');
  await exchange.getByRole('button', { name: 'Archief exporteren…' }).click();
  await expect(exchange.getByTestId('exchange-archive-status')).toHaveText(`Opgeslagen: ${archive}`);
  await page.getByRole('link', { name: '← Bibliotheek' }).or(page.getByRole('button', { name: '← Bibliotheek' })).click();
  await host.queueDialog([archive]);
  await page.getByRole('button', { name: 'Project importeren…' }).click();
  await expect(page.getByRole('dialog', { name: 'Project geïmporteerd' })).toBeVisible();
  await check(page, testInfo, 'dialog-project-imported');
  await page.getByRole('dialog').getByRole('button', { name: 'Sluiten' }).click();
  await page.goto(`${host.url}#/cycle/${cycleId}/export`);

  // ---- Settings from a cycle page.
  await page.getByRole('button', { name: 'Instellingen' }).click();
  await expect(page.getByRole('dialog', { name: 'Instellingen' })).toBeVisible();
  await check(page, testInfo, 'settings');
});
