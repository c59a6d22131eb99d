// One round of use for the memory benchmark, on the bare page (see bare-chromium.ts): library ->
// cycle, a drag across the timeline, notes added as a researcher does (N, type, Enter), the cycle
// page and back to the analysis.
import type { BarePage } from './bare-chromium';
import { goToNextNoteMoment, playerShowsFrame, scrubPreviewReady, scrubSteps } from './browser';

/** Opens the cycle from the library (as a click on it does: a route change, not a reload). */
export async function openCycleFromLibrary(page: BarePage, cycleId: string): Promise<void> {
  await page.evaluate(() => (location.hash = '#/'));
  await page.waitFor(() => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === '+ Nieuw traject'));
  await page.evaluate((id) => (location.hash = `#/cycle/${id}`), cycleId);
  await waitForAnalysis(page);
}

/** Until the video shows a frame and the scrub preview has its thumbnails. */
export async function waitForAnalysis(page: BarePage): Promise<void> {
  await page.waitFor(playerShowsFrame, '/media/');
  await page.waitFor(scrubPreviewReady, undefined, 120_000);
}

export async function useForOneRound(page: BarePage, cycleId: string, scrubFractions: number[], notes: number): Promise<void> {
  await openCycleFromLibrary(page, cycleId);
  await scrubSteps(page, scrubFractions);
  for (let i = 0; i < notes; i++) await addNote(page, i);
  await clickLink(page, 'Cyclus');
  await page.waitFor(() => !document.querySelector('[data-testid=player]'));
  await clickLink(page, 'Analyse');
  await page.waitFor(playerShowsFrame, '/media/');
}

async function clickLink(page: BarePage, name: string): Promise<void> {
  await page.evaluate((text) => {
    const link = [...document.querySelectorAll('a')].find((a) => a.textContent?.trim() === text);
    if (!link) throw new Error(`no link "${text}"`);
    link.click();
  }, name);
}

/** N at a moment a little further each time, the text typed, Enter; until the form has gone. */
async function addNote(page: BarePage, index: number): Promise<void> {
  await page.evaluate(goToNextNoteMoment, index);
  await page.press('n');
  await page.waitFor(() => !!document.querySelector('form.note-form textarea'));
  await page.send('Input.insertText', { text: `Geheugennotitie ${index}` });
  await page.press('Enter');
  await page.waitFor(() => !document.querySelector('form.note-form'));
}
