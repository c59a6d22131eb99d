// The method pages end to end, as a researcher uses them, in Chromium against the test host: from
// an annotated cycle, the intake, the client-interview agenda and record with each sharing choice,
// the reflection agenda (what may and may not travel there), review mode stopping at each
// fragment's out point, consent "no", and intentions carried into the next cycle.
// The annotation itself (covered by workspace.spec.ts) is set up through the API for speed.
import type { Locator, Page } from '@playwright/test';
import { makeFixture } from '../support/media-fixtures';
import { expect, invoke, playheadTime, setResearcherName, test } from './fixtures';
import { annotatedCycle } from './scenes';

const SHARED = 'Ik voelde me gehoord';
const ANONYMOUS = 'Ze luistert niet echt';
const PRIVATE = 'Mijn buurman weet van niks';
const INTENTION = 'Eerst vragen wat de cliënt zelf wil';

async function waitUntilSaved(page: Page) {
  await expect(page.getByTestId('save-state')).toHaveText('Alles opgeslagen');
}

function agendaItem(page: Page, title: string | RegExp): Locator {
  return page.getByTestId('agenda-item').filter({ has: page.getByRole('heading', { name: title }) });
}

async function addFeedback(item: Locator, text: string, sharing: string, opts: { quote?: boolean; theme?: string } = {}) {
  await item.getByRole('button', { name: '+ Wat de cliënt zei toevoegen' }).click();
  const entry = item.getByTestId('feedback-entry').last();
  await entry.getByRole('textbox').fill(text);
  if (opts.theme) await entry.getByLabel('Thema').selectOption({ label: opts.theme });
  if (opts.quote) await entry.getByRole('checkbox', { name: 'Letterlijk citaat' }).check();
  await entry.getByRole('radio', { name: sharing }).check();
  return entry;
}

/** Waits until review mode's player stopped by itself at `outSec` (paused, fragment range ended). */
async function expectStoppedAt(page: Page, outSec: number) {
  const stoppedAtOut = () =>
    page.evaluate((out) => {
      const player = (window as unknown as {
        __vkzPlayer?: { currentTime(): number; getState(): { paused: boolean; range: unknown } };
      }).__vkzPlayer;
      if (!player) return false;
      const state = player.getState();
      return state.paused && state.range === null && Math.abs(player.currentTime() - out) < 0.15;
    }, outSec);
  await expect.poll(stoppedAtOut, { timeout: 15_000 }).toBe(true);
  // Stopped means stopped: a moment later it is still there.
  await page.waitForTimeout(400);
  expect(Math.abs((await playheadTime(page)) - outSec)).toBeLessThan(0.15);
  expect(await stoppedAtOut()).toBe(true);
}

test('from an annotated cycle to the interview, the reflection meeting, review mode and the next cycle', async ({
  page,
  host,
  mediaDir,
}) => {
  test.setTimeout(120_000);
  const video = await makeFixture('playable-mp4', mediaDir, { durationSec: 12 });
  await page.goto(host.url);
  await setResearcherName(page, 'Onderzoeker Anna');
  const { cycleId } = await annotatedCycle(page, host.queueDialog, video);

  // ---- The cycle page: intake with consent, a doubt, a step done.
  await page.goto(`${host.url}#/cycle/${cycleId}/cycle`);
  await expect(page.getByRole('heading', { name: 'Stappen van de cyclus' })).toBeVisible();
  await expect(page.getByTestId('cycle-step')).toHaveCount(7);
  await page.getByRole('button', { name: '+ Twijfel toevoegen' }).click();
  await page.getByRole('textbox', { name: 'Twijfel 1' }).fill('Ging ik te snel naar werk?');
  await page.getByRole('radio', { name: 'Ja, toestemming gegeven' }).check();
  await page.getByRole('radiogroup', { name: 'Status van Intake met de klantmanager' }).getByText('Gedaan').click();
  await expect(page.getByTestId('cycle-progress')).toContainText('1 van 7 gedaan');
  await waitUntilSaved(page);

  // ---- The client interview: build the agenda from the analysis.
  await page.getByRole('link', { name: 'Cliëntinterview', exact: true }).click();
  await page.getByRole('button', { name: 'Agenda opstellen' }).click();
  const agenda = page.getByTestId('agenda');
  await expect(agenda).toContainText('Hoe lang is dit al je klantmanager?');
  const fragmentItem = agendaItem(page, 'Cliënt vertelt over haar dochter');
  await expect(fragmentItem).toContainText('0:02 – 0:04');
  await expect(fragmentItem).toContainText('Wat gebeurt er hier volgens jou?');
  const questionItem = agendaItem(page, /Vraag bij 0:05/);
  await expect(questionItem).toContainText('hoe voelde het toen het over werk ging?');
  await expect(agenda).not.toContainText('Klantmanager stelt zelf het doel voor'); // not marked for the client

  // Planned minutes add up.
  await agendaItem(page, 'Algemene vragen').getByRole('spinbutton').fill('10');
  await fragmentItem.getByRole('spinbutton').fill('5');
  await expect(page.getByTestId('agenda-total')).toContainText('Totaal gepland: 15 min');

  // Reorder with the keyboard: the client question moves up into the fragments, and back.
  await questionItem.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.locator('[data-section="interview-fragments"]')).toContainText('Vraag bij 0:05');
  await expect(page.getByTestId('agenda-announcement')).toContainText('plaats 2 van 2');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.locator('[data-section="interview-questions"]')).toContainText('Vraag bij 0:05');

  // The interview record: one piece of feedback with each sharing choice.
  await addFeedback(fragmentItem, SHARED, 'Mag gedeeld worden');
  await addFeedback(agendaItem(page, 'Algemene vragen'), ANONYMOUS, 'Alleen anoniem delen', { quote: true, theme: 'Doel' });
  const privateEntry = await addFeedback(questionItem, PRIVATE, 'Niet delen');
  await expect(privateEntry.getByTestId('sharing-consequence')).toContainText('Blijft alleen in dit interviewverslag');
  await expect(page.getByTestId('privacy-summary')).toContainText('1 mag gedeeld worden, 1 alleen anoniem, 1 niet delen');
  await waitUntilSaved(page);

  // ---- The reflection meeting: its agenda carries only what the client allowed.
  await page.getByRole('link', { name: 'Reflectiegesprek', exact: true }).click();
  await page.getByRole('button', { name: 'Agenda opstellen' }).click();
  await expect(page.getByTestId('agenda')).toBeVisible();
  await expect(page.locator('body')).not.toContainText(PRIVATE);
  const anonymous = page.getByTestId('shared-feedback').filter({ hasText: ANONYMOUS });
  await expect(anonymous.first()).toBeVisible();
  for (const element of await anonymous.all()) {
    const text = (await element.textContent()) ?? '';
    expect(text).not.toContain('Cliënt A');
    expect(text).not.toMatch(/["“”„‘’]/);
    await expect(element).toContainText('Anoniem');
  }
  const shared = page.getByTestId('shared-feedback').filter({ hasText: SHARED });
  await expect(shared.first()).toContainText('Cliënt A');
  // The doubt from the intake, and the focused questions in the method's order.
  await expect(page.locator('[data-section="learning-goals"]')).toContainText('Ging ik te snel naar werk?');
  const focused = await page.locator('[data-section="focused-questions"] .agenda-item-title').allTextContents();
  const authenticity = focused.findIndex((title) => title.startsWith('Echtheid'));
  const sharedGoal = focused.findIndex((title) => title.startsWith('Gezamenlijk doel'));
  expect(authenticity).toBeGreaterThanOrEqual(0);
  expect(sharedGoal).toBeGreaterThan(authenticity);
  await expect(page.locator('[data-section="focused-questions"]')).toContainText('Klantmanager stelt zelf het doel voor');

  // ---- Review mode over the agenda's two fragments: each stops at its out point.
  await page.getByRole('button', { name: '▶ Review-modus' }).click();
  await expect(page.getByTestId('review-position')).toHaveText('1 / 2');
  const reviewItem = page.getByTestId('review-item');
  await expect(reviewItem).toContainText('Cliënt vertelt over haar dochter');
  await expect(reviewItem).toContainText('Wat dacht je toen, en wat zie je nu?');
  await expect(reviewItem).toContainText(SHARED);
  await expect(page.getByText('Volgende fragment')).toBeVisible(); // the key legend
  await expect
    .poll(() => page.evaluate(() => (window as any).__vkzPlayer?.getState().ready), { timeout: 15_000 })
    .toBe(true);
  await page.keyboard.press('Space');
  await expectStoppedAt(page, 4);
  await expect(page.getByTestId('review-status')).toContainText('Einde van het fragment');
  await page.keyboard.press('n');
  await expect(page.getByTestId('review-position')).toHaveText('2 / 2');
  await expect(reviewItem).toContainText('Klantmanager stelt zelf het doel voor');
  await expect(reviewItem).toContainText('Wat zou je een volgende keer anders kunnen doen?');
  await expectStoppedAt(page, 8.5);
  await expect(page.locator('body')).not.toContainText(PRIVATE);
  await page.keyboard.press('Escape');

  // ---- What the meeting produced: an intention.
  await expect(page.getByRole('heading', { name: 'Wat neemt de klantmanager mee?' })).toBeVisible();
  await page.getByRole('button', { name: '+ Voornemen toevoegen' }).click();
  await page.getByRole('textbox', { name: 'Voornemen 1' }).fill(INTENTION);
  await page.getByRole('textbox', { name: 'Voornemen 1' }).blur();
  await waitUntilSaved(page);

  // ---- A second cycle of the same trajectory, made in the library.
  await page.getByRole('button', { name: '← Bibliotheek' }).click();
  await page.getByRole('button', { name: '+ Nieuwe cyclus' }).click();
  await page.getByLabel('Titel').fill('Gesprek 2');
  await page.getByLabel('Titel').press('Enter');
  await page.getByRole('button', { name: 'Gesprek 2' }).click();
  // The analysis view shows the previous intentions.
  await expect(page.getByTestId('previous-intentions')).toContainText(INTENTION);

  // Consent "no": the interview agenda cannot be opened, and the page says why.
  await page.getByRole('link', { name: 'Cyclus', exact: true }).click();
  await page.getByRole('radio', { name: 'Nee, geen toestemming' }).check();
  await page.getByLabel('Reden om het interview over te slaan').fill('Tolk nodig');
  await page.getByLabel('Reden om het interview over te slaan').blur();
  await expect(page.locator('[data-step="client-interview"]')).toHaveClass(/status-skipped/);
  await waitUntilSaved(page);
  await page.getByRole('link', { name: 'Cliëntinterview', exact: true }).click();
  const blocked = page.getByTestId('interview-blocked');
  await expect(blocked).toContainText('De cliënt heeft geen toestemming gegeven voor een interview');
  await expect(blocked).toContainText('Tolk nodig');
  await expect(page.getByRole('button', { name: 'Agenda opstellen' })).toHaveCount(0);

  // The follow-up cycle's reflection agenda opens with the intention.
  await page.getByRole('link', { name: 'Reflectiegesprek', exact: true }).click();
  await expect(page.getByTestId('follow-up-notice')).toContainText('voornemens uit Gesprek 1');
  await page.getByRole('button', { name: 'Agenda opstellen' }).click();
  const firstSection = page.getByTestId('agenda-section').first();
  await expect(firstSection).toHaveAttribute('data-section', 'follow-up-opening');
  await expect(firstSection).toContainText(INTENTION);
  await expect(firstSection).toContainText('Heb je dit in de praktijk gebracht?');
});

test('review mode with nothing to play says so and offers a way back', async ({ page, host }) => {
  await page.goto(host.url);
  await setResearcherName(page, 'Onderzoeker Bram');
  const trajectory = await invoke(page, 'trajectories.create', { caseManager: 'KM-2', client: 'Cliënt B' });
  const cycle = await invoke(page, 'cycles.create', { trajectoryId: trajectory.id, title: 'Gesprek 1', date: null });
  await page.goto(`${host.url}#/cycle/${cycle.id}/review/theme:authenticity`);
  await expect(page.getByTestId('review-empty')).toContainText('Geen fragmenten om af te spelen');
  await page.getByRole('button', { name: 'Terug' }).first().click();
  await expect(page).not.toHaveURL(/review/);
});
