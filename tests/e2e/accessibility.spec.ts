// Accessible to all (axe-core on every screen is in screens.spec.ts): the whole workflow by
// keyboard alone, with the focus visible at every step (a trajectory and a cycle, a recording, a
// note, a fragment marked for the reflection meeting, its agenda, review mode and an HTML export;
// no mouse after the page loads), and no motion when the system asks for reduced motion.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { makeFixture } from '../support/media-fixtures';
import { expectAccessible } from './axe';
import { createCycleWithRecording, expect, playheadTime, setResearcherName, test } from './fixtures';

/** The focused element shows a focus ring: the app's 3px outline (or, on the agenda, its own). */
async function expectVisibleFocus(page: Page) {
  const focus = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { what: 'nothing', visible: false };
    const style = getComputedStyle(el);
    const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const what = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    return { what, visible: el.matches(':focus-visible') && ring };
  });
  expect(focus.visible, `visible focus on ${focus.what}`).toBe(true);
}

/** Presses Tab (or Shift+Tab) until `target` has the focus, checking the focus is seen at each stop. */
async function tabTo(page: Page, target: Locator, { back = false, max = 150 } = {}) {
  await expect(target).toBeVisible();
  const handle = await target.elementHandle();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    await expectVisibleFocus(page);
    if (await page.evaluate((el) => el === document.activeElement, handle)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

async function goToTime(page: Page, text: string) {
  await page.keyboard.press('g');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test.use({ viewport: { width: 1280, height: 720 } });

test('the whole workflow works by keyboard alone, with visible focus', async ({ page, host, mediaDir }) => {
  test.setTimeout(180_000);
  const video = await makeFixture('playable-mp4', mediaDir, { durationSec: 12 });
  await page.goto(host.url);

  // First start: the name field has the focus.
  const settings = page.getByRole('dialog', { name: 'Instellingen' });
  await expect(settings.getByLabel('Jouw naam (auteur van notities)')).toBeFocused();
  await page.keyboard.type('Onderzoeker Anna');
  await page.keyboard.press('Enter');
  await expect(settings).toBeHidden();

  // A trajectory and a cycle.
  await tabTo(page, page.getByRole('button', { name: '+ Nieuw traject' }));
  await page.keyboard.press('Enter');
  await page.keyboard.type('KM-1');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Cliënt A');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'KM-1 · Cliënt A' })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: '+ Nieuwe cyclus' }));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Gesprek 1');
  await page.keyboard.press('Tab');
  await expectVisibleFocus(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('10-3-2025');
  await page.keyboard.press('Enter');
  await expect(page.getByText('10-03-2025')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Gesprek 1' }));
  await page.keyboard.press('Enter');

  // A recording, through the (test-controlled) file dialog.
  await host.queueDialog([video]);
  await tabTo(page, page.getByRole('button', { name: '+ Opname toevoegen' }).first());
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: /Video 1 · playable/ })).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as any).__vkzPlayer?.getState().duration)).toBeGreaterThan(11);

  // A note at 0:05.
  await goToTime(page, '0:05');
  await expect.poll(() => playheadTime(page)).toBeCloseTo(5, 1);
  await page.keyboard.press('n');
  const form = page.getByRole('form', { name: 'Notitie opslaan' });
  await expect(form.getByLabel('Tekst')).toBeFocused();
  await page.keyboard.type('Cliënt kijkt weg bij de vraag over werk');
  await page.keyboard.press('Enter');
  // The note is in the list at once; the form closes (the keys are the page's again) once stored.
  await expect(page.getByTestId('note').filter({ hasText: 'Cliënt kijkt weg' })).toBeVisible();
  await expect(form).toBeHidden();

  // A fragment 0:02 – 0:04 with I and O, marked for the reflection meeting.
  await goToTime(page, '0:02');
  await expect.poll(() => playheadTime(page)).toBeCloseTo(2, 1);
  await page.keyboard.press('i');
  await goToTime(page, '0:04');
  await expect.poll(() => playheadTime(page)).toBeCloseTo(4, 1);
  await page.keyboard.press('o');
  const fragment = page.getByTestId('fragment');
  await expect(fragment).toContainText('0:02 – 0:04');
  await tabTo(page, fragment.getByRole('textbox', { name: 'Fragmenten' }));
  await page.keyboard.type('Klantmanager vat samen');
  await tabTo(page, fragment.getByRole('checkbox', { name: /Echtheid/ }));
  await page.keyboard.press('Space');
  await expect(fragment.getByRole('checkbox', { name: /Echtheid/ })).toBeChecked();
  await tabTo(page, fragment.getByRole('checkbox', { name: /Voor de klantmanager/ }));
  await page.keyboard.press('Space');
  await expect(fragment.getByRole('checkbox', { name: /Voor de klantmanager/ })).toBeChecked();
  await expectAccessible(page, 'analysis with a fragment open');

  // The reflection meeting's agenda, by the cycle tabs.
  await tabTo(page, page.getByRole('link', { name: 'Reflectiegesprek', exact: true }), { back: true });
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Agenda opstellen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('agenda')).toContainText('Klantmanager vat samen');

  // Review mode plays the fragment and stops at its end; Escape goes back.
  await tabTo(page, page.getByRole('button', { name: '▶ Review-modus' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('review-position')).toHaveText('1 / 1');
  await expect.poll(() => page.evaluate(() => (window as any).__vkzPlayer?.getState().ready), { timeout: 15_000 }).toBe(true);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('review-status')).toContainText('Einde van het laatste fragment', { timeout: 15_000 });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('agenda')).toBeVisible();

  // The report as HTML. Back from review mode, the page's heading has the focus: Tab goes on from there.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await tabTo(page, page.getByRole('link', { name: 'Rapport & export' }));
  await page.keyboard.press('Enter');
  const htmlFile = path.join(mediaDir, 'rapport.html');
  await host.queueSaveDialog(htmlFile);
  await tabTo(page, page.getByRole('group', { name: 'Exporteren als' }).getByRole('button', { name: 'HTML' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('export-status')).toHaveText(`Opgeslagen in ${htmlFile}`);
  expect(existsSync(htmlFile)).toBe(true);
  expect(readFileSync(htmlFile, 'utf8')).toContain('Klantmanager vat samen');
});

/** Every element with a transition or a running animation longer than a millisecond. */
function moving(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('*')].flatMap((el) => {
      const style = getComputedStyle(el);
      const longest = (list: string) => Math.max(...list.split(',').map((d) => parseFloat(d) * (d.trim().endsWith('ms') ? 1 : 1000)));
      const ms = Math.max(longest(style.transitionDuration), style.animationName === 'none' ? 0 : longest(style.animationDuration));
      return ms > 1 ? [`${el.tagName.toLowerCase()}.${String(el.className)}: ${ms} ms`] : [];
    }),
  );
}

test('with reduced motion asked for, nothing animates', async ({ page, host, mediaDir }) => {
  const video = await makeFixture('playable-mp4', mediaDir, { durationSec: 4 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(host.url);
  await setResearcherName(page, 'Onderzoeker Anna');
  const { cycle } = await createCycleWithRecording(page, host.queueDialog, video);
  await page.goto(`${host.url}#/cycle/${cycle.id}`);
  await expect(page.locator('.vjs-control-bar')).toHaveCount(1);
  expect(await moving(page)).toEqual([]);
  // Without the preference something does move (video.js fades its controls): the check is not vacuous.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect((await moving(page)).length).toBeGreaterThan(0);
});
