// A researcher's first session, end to end in Chromium against the test host: library, a cycle,
// a generated 2-minute video, playback, notes, a tagged fragment, a file that needs a proxy, and
// everything still there after a reload and after the backend process is killed.
import type { Page } from '@playwright/test';
import { parseTimecode } from '../../shared/timecode';
import { makeFixture } from '../support/media-fixtures';
import { expect, playheadTime, setResearcherName, test } from './fixtures';

/** Types a time into "go to" (G) and waits until the player is there. */
async function goToTime(page: Page, text: string) {
  await page.keyboard.press('g');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect.poll(() => playheadTime(page)).toBeCloseTo(parseTimecode(text) ?? Number.NaN, 1);
}

async function addNote(page: Page, at: string, kindLabel: string, text: string) {
  await goToTime(page, at);
  await page.keyboard.press('n');
  const form = page.getByRole('form', { name: 'Notitie opslaan' });
  await form.getByLabel('Soort').selectOption({ label: kindLabel });
  await form.getByLabel('Tekst').fill(text);
  await form.getByLabel('Tekst').press('Enter');
  await expect(form).toBeHidden();
  await expect(page.getByTestId('note').filter({ hasText: text })).toBeVisible();
}

async function createTrajectoryAndCycle(page: Page) {
  await page.getByRole('button', { name: '+ Nieuw traject' }).click();
  await page.getByLabel('Klantmanager (pseudoniem)').fill('KM-1');
  await page.getByLabel('Cliënt (pseudoniem)').fill('Cliënt A');
  await page.getByLabel('Cliënt (pseudoniem)').press('Enter');
  await expect(page.getByRole('heading', { name: 'KM-1 · Cliënt A' })).toBeVisible();
  await page.getByRole('button', { name: '+ Nieuwe cyclus' }).click();
  await page.getByLabel('Titel').fill('Gesprek 1');
  await page.getByLabel('Titel').press('Enter');
  await page.getByRole('button', { name: 'Gesprek 1' }).click();
  await expect(page.getByText('Voeg de opname van het gesprek toe')).toBeVisible();
}

test('a researcher annotates a recording and finds everything back after reload and a killed process', async ({
  page,
  host,
  mediaDir,
}) => {
  const video = await makeFixture('playable-mp4', mediaDir, { durationSec: 120 });
  const needsProxy = await makeFixture('needs-proxy', mediaDir);

  await page.goto(host.url);
  await setResearcherName(page, 'Onderzoeker Anna');
  await createTrajectoryAndCycle(page);

  // Add the 2-minute video through the (test-controlled) file dialog.
  await host.queueDialog([video]);
  await page.getByRole('button', { name: '+ Opname toevoegen' }).first().click();
  await expect(page.getByRole('tab', { name: /Video 1 · playable/ })).toBeVisible();
  await expect(page.getByTestId('recording-info')).toContainText('h264 640×360');
  await expect(page.getByTestId('recording-info')).toContainText('2:00');

  // Play with the keyboard, then pause.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('k');
  await expect.poll(() => playheadTime(page), { timeout: 10_000 }).toBeGreaterThan(0.5);
  await page.keyboard.press('k');

  // Three notes of different kinds at different times.
  await addNote(page, '0:20', 'Observatie', 'Klantmanager vat samen, cliënt knikt');
  await addNote(page, '0:45', 'Vraag voor de cliënt', 'Wat dacht u toen de afspraak ter sprake kwam?');
  await addNote(page, '1:10', 'Gebeurtenis', 'Telefoon gaat over');

  // Mark a fragment with I and O, and tag it "authenticity".
  await goToTime(page, '0:30');
  await page.keyboard.press('i');
  await goToTime(page, '0:40');
  await page.keyboard.press('o');
  const fragment = page.getByTestId('fragment');
  await expect(fragment).toHaveCount(1);
  await expect(fragment).toContainText('0:30 – 0:40');
  await fragment.getByRole('checkbox', { name: /Echtheid/ }).check();
  await expect(fragment.getByTestId('theme-questions')).toContainText('Echtheid');
  await expect(fragment.locator('.chip').filter({ hasText: 'Echtheid' })).toBeVisible();
  await expect(page.getByTestId('timeline-fragment')).toHaveCount(1);

  // A file the player can't play gets a proxy, with visible progress, then plays.
  await host.queueDialog([needsProxy]);
  await page.getByRole('button', { name: '+ Opname toevoegen' }).first().click();
  await page.getByRole('tab', { name: /Video 2/ }).click();
  await expect(page.getByText(/Afspeelversie maken|Speelt af via een afspeelversie/)).toBeVisible();
  await expect(page.getByText('Speelt af via een afspeelversie')).toBeVisible({ timeout: 60_000 });
  await expect
    .poll(() => page.evaluate(() => (window as any).__vkzPlayer.mediaElement.readyState), { timeout: 15_000 })
    .toBeGreaterThan(0);

  // Reload: every note and the fragment are there, at the right times.
  await page.reload();
  await expectAnnotations(page);

  // A note still being typed (no Enter yet) is stored a moment after typing stops.
  await page.getByRole('tab', { name: /Video 1/ }).click();
  await page.getByRole('tab', { name: /Notities/ }).click();
  await goToTime(page, '1:30');
  await page.keyboard.press('n');
  await page.getByLabel('Tekst').pressSequentially('Cliënt zucht, nog niet afgerond');
  await expect
    .poll(async () => {
      const ws = await page.evaluate(async () => {
        const cycleId = location.hash.split('/')[2]!;
        return (await (window as any).vkz.invoke('workspace.get', { cycleId })).value;
      });
      return ws.notes.map((n: { text: string }) => n.text);
    })
    .toContain('Cliënt zucht, nog niet afgerond');

  // Kill the backend process outright and start it again: nothing is lost.
  await host.restart();
  await page.goto(host.url + page.url().slice(page.url().indexOf('#')));
  await expectAnnotations(page);
  await page.getByRole('tab', { name: /Notities/ }).click();
  await expect(page.getByTestId('note').filter({ hasText: 'nog niet afgerond' })).toContainText('1:30');
});

async function expectAnnotations(page: Page) {
  await page.getByRole('tab', { name: /Video 1/ }).click();
  await page.getByRole('tab', { name: /Notities/ }).click();
  const notes = page.getByTestId('note').filter({ hasNotText: 'nog niet afgerond' });
  await expect(notes).toHaveCount(3);
  await expect(notes.nth(0)).toContainText('0:20');
  await expect(notes.nth(0)).toContainText('Observatie');
  await expect(notes.nth(0)).toContainText('Onderzoeker Anna');
  await expect(notes.nth(1)).toContainText('0:45');
  await expect(notes.nth(1)).toContainText('Vraag voor de cliënt');
  await expect(notes.nth(2)).toContainText('1:10');
  await expect(notes.nth(2)).toContainText('Telefoon gaat over');
  await page.getByRole('tab', { name: /Fragmenten/ }).click();
  const fragment = page.getByTestId('fragment');
  await expect(fragment).toHaveCount(1);
  await expect(fragment).toContainText('0:30 – 0:40');
  await expect(fragment.locator('.chip').filter({ hasText: 'Echtheid' })).toBeVisible();
}
