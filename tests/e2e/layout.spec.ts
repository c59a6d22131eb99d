// The analysis page on a laptop: at 1280×720 (a 1920×1080 screen at 150%) and at 1024×640 (the
// window's minimum, electron/main/main.ts) the player, the transport, the whole timeline and the
// notes list are in view without scrolling the page, and nothing overlaps. The side panel's width
// and the player's height are set by dragging or by keyboard, and remembered; the panel collapses.
// A dialog fits as well: its buttons stay in view, and a message shown meanwhile sits under them.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { makeFixture } from '../support/media-fixtures';
import { expectAccessible } from './axe';
import { expect, invoke, playheadTime, setResearcherName, test } from './fixtures';
import { annotatedCycle } from './scenes';

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  expect(box, `${locator} has a box`).not.toBeNull();
  return box!;
}

function expectInside(name: string, box: Box, viewport: { width: number; height: number }) {
  expect(box.x, `${name} left`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${name} top`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${name} right`).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height, `${name} bottom`).toBeLessThanOrEqual(viewport.height);
  expect(box.width * box.height, `${name} is not squashed to nothing`).toBeGreaterThan(0);
}

function overlap(a: Box, b: Box): boolean {
  // Touching edges (sub-pixel rounding) is not overlapping.
  const eps = 0.5;
  return a.x + a.width - eps > b.x && b.x + b.width - eps > a.x && a.y + a.height - eps > b.y && b.y + b.height - eps > a.y;
}

/**
 * Holds back the Settings dialog's late content (the tool table from app.info, the backup list)
 * until the returned function is called, so a test sees the dialog as it is first drawn.
 */
async function holdLateSettingsContent(page: Page): Promise<() => void> {
  let open = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  // Once open, the gate lets every request through (a later hold is asked first: Playwright
  // tries the newest route first).
  await page.route(/\/api\/invoke\/(app\.info|backups\.list)$/, async (route) => {
    await gate;
    await route.continue();
  });
  return open;
}

/** The parts of the analysis page that must all be seen at once. */
const PARTS: Record<string, string> = {
  player: '#workspace-player',
  transport: '[role=toolbar][aria-label="Bediening"]',
  'timeline toolbar': 'button[aria-label="Inzoomen"]',
  timeline: '[data-testid=timeline]',
  'side panel': 'aside[aria-label="Notities en fragmenten"]',
  'notes list': '[role=list][aria-label="Notities"]',
};

/** The parts' boxes in one layout, once the layout has settled (two frames alike): a box taken
 * while the player is still giving way to a timeline that just grew would compare two layouts. */
async function settledBoxes(page: Page): Promise<Record<string, Box | null>> {
  const snapshot = () =>
    page.evaluate(async (parts) => {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return Object.fromEntries(
        Object.entries(parts).map(([name, selector]) => {
          const r = document.querySelector(selector)?.getBoundingClientRect();
          return [name, r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null];
        }),
      );
    }, PARTS);
  let previous = await snapshot();
  for (let i = 0; i < 50; i++) {
    const next = await snapshot();
    if (JSON.stringify(next) === JSON.stringify(previous)) return next;
    previous = next;
  }
  throw new Error('the layout never settled');
}

async function expectAllInViewAndApart(page: Page) {
  const viewport = page.viewportSize()!;
  const scroll = await page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
  }));
  expect(scroll.height, 'the page does not scroll vertically').toBeLessThanOrEqual(viewport.height);
  expect(scroll.width, 'the page does not scroll sideways').toBeLessThanOrEqual(viewport.width);
  const boxes: [string, Box][] = [];
  for (const [name, box] of Object.entries(await settledBoxes(page))) {
    expect(box, `${name} is on the page`).not.toBeNull();
    expectInside(name, box!, viewport);
    boxes.push([name, box!]);
  }
  // Siblings on the page do not overlap (the notes list lies inside the side panel).
  const apart = boxes.filter(([name]) => name !== 'notes list' && name !== 'timeline toolbar');
  for (let i = 0; i < apart.length; i++) {
    for (let j = i + 1; j < apart.length; j++) {
      expect(overlap(apart[i]![1], apart[j]![1]), `${apart[i]![0]} overlaps ${apart[j]![0]}`).toBe(false);
    }
  }
}

async function openAnalysisWithManyNotes(page: Page, host: { url: string; queueDialog(p: string[]): Promise<void> }, mediaDir: string) {
  const video = await makeFixture('playable-mp4', mediaDir, { durationSec: 12 });
  await page.goto(host.url);
  await setResearcherName(page, 'Onderzoeker Anna');
  const { cycleId, recordingId } = await annotatedCycle(page, host.queueDialog, video);
  for (let i = 0; i < 60; i++) {
    await invoke(page, 'notes.create', { recordingId, timeSec: i / 5, kind: 'observation', text: `Observatie ${i + 1}` });
  }
  await page.goto(`${host.url}#/cycle/${cycleId}`);
  await expect(page.getByTestId('note').first()).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Notities (61)' })).toBeVisible();
  return cycleId;
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1024, height: 640 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('player, transport, the whole timeline and the notes list are in view, nothing overlaps', async ({ page, host, mediaDir }) => {
      await openAnalysisWithManyNotes(page, host, mediaDir);
      await expectAllInViewAndApart(page);
      // Writing a note (the form opens in the panel) and the fragments tab keep it so.
      await page.locator('body').click({ position: { x: 2, y: viewport.height - 2 } });
      await page.keyboard.press('n');
      await expect(page.getByRole('form', { name: 'Notitie opslaan' })).toBeVisible();
      await expectAllInViewAndApart(page);
      await page.keyboard.press('Escape');
      await expectAccessible(page, `analysis with many notes at ${viewport.width}×${viewport.height}`);
    });

    test('a message while a dialog is open shows under its buttons: in view, readable, never over them', async ({ page, host }) => {
      await page.goto(host.url);
      await setResearcherName(page, 'Onderzoeker Anna');
      for (let i = 0; i < 12; i++) await invoke(page, 'backups.create', {}); // a day's backups: a long list
      await page.getByRole('button', { name: 'Instellingen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Instellingen' });
      await expect(dialog.getByTestId('backup').first()).toBeVisible();
      // The backup folder became a file (a full or broken disk): making a backup fails with a message.
      rmSync(path.join(host.dataDir, 'backups'), { recursive: true, force: true });
      writeFileSync(path.join(host.dataDir, 'backups'), 'not a folder');
      await dialog.getByRole('button', { name: 'Nu een back-up maken' }).click();
      const message = dialog.getByRole('alert');
      await expect(message).toBeVisible();
      const messageBox = await boxOf(message);
      expectInside('message', messageBox, viewport);
      for (const name of ['Over VKZ', 'Annuleren', 'Opslaan']) {
        const button = await boxOf(dialog.getByRole('button', { name, exact: true }));
        expectInside(name, button, viewport);
        expect(overlap(button, messageBox), `the message covers ${name}`).toBe(false);
      }
      // Above the dialog's backdrop, not under it: it can be closed.
      await message.getByRole('button', { name: 'Melding verbergen' }).click();
      await expect(message).toBeHidden();
      await expect(dialog.getByRole('button', { name: 'Opslaan' })).toBeInViewport();
    });

    test('the Settings dialog does not move its buttons when its tool table and backup list arrive', async ({ page, host }) => {
      const dialog = page.getByRole('dialog', { name: 'Instellingen' });
      const buttons = () => Promise.all(['Annuleren', 'Opslaan'].map((name) => boxOf(dialog.getByRole('button', { name, exact: true }))));
      /** The buttons' boxes right after the dialog opened, and after its late content arrived. */
      const buttonsBeforeAndAfter = async (release: () => void) => {
        await expect(dialog).toBeVisible();
        const before = await buttons();
        release();
        await expect(dialog.getByTestId('tool-ffmpeg')).toBeVisible();
        await expect(dialog.getByText('Er zijn nog geen back-ups.').or(dialog.getByTestId('backup').first())).toBeVisible();
        return { before, after: await buttons() };
      };

      // The first start, no backups yet (where a click on Opslaan once missed).
      let release = await holdLateSettingsContent(page);
      await page.goto(host.url);
      const first = await buttonsBeforeAndAfter(release);
      expect(first.after, 'the buttons moved when the late content arrived (first start)').toEqual(first.before);
      expectInside('Opslaan', first.after[1]!, viewport);
      await dialog.getByLabel('Jouw naam (auteur van notities)').fill('Onderzoeker Anna');
      await dialog.getByRole('button', { name: 'Opslaan' }).click();
      await expect(dialog).toBeHidden();

      // Later, with a day's backups: a list longer than its box.
      for (let i = 0; i < 12; i++) await invoke(page, 'backups.create', {});
      release = await holdLateSettingsContent(page);
      await page.getByRole('button', { name: 'Instellingen' }).click();
      const later = await buttonsBeforeAndAfter(release);
      expect(later.after, 'the buttons moved when the late content arrived (12 backups)').toEqual(later.before);
      expectInside('Opslaan', later.after[1]!, viewport);
      await dialog.getByRole('button', { name: 'Annuleren' }).click();

      // No working ffmpeg: the message lists where VKZ looked, and all of it can be read (it wraps;
      // the room kept is for the table, not a limit on a problem).
      const tried = Array.from({ length: 6 }, (_, i) => `/opt/vkz/onderzoek/hulpprogramma-${i}/bin/ffmpeg`).join(', ');
      await page.route('**/api/invoke/app.info', async (route) => {
        const response = await route.fetch();
        const body = await response.json();
        body.value.ffmpeg = { ok: false, detail: `No working ffmpeg found. Tried: ${tried}` };
        await route.fulfill({ response, json: body });
      });
      await page.getByRole('button', { name: 'Instellingen' }).click();
      const problem = dialog.getByText(/Tried: /);
      await expect(problem).toContainText(tried);
      expect(await problem.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().height > 20)).toBe(true);
      await page.unroute('**/api/invoke/app.info');
    });

    test('a follow-up cycle with the previous intentions keeps the timeline in view, folded or open', async ({ page, host, mediaDir }, testInfo) => {
      const cycleId = await openAnalysisWithManyNotes(page, host, mediaDir);
      const { trajectoryId } = await invoke(page, 'workspace.get', { cycleId }).then((w) => ({ trajectoryId: w.trajectory.id }));
      const intentions = ['Eerst vragen wat de cliënt zelf wil', 'Stiltes laten vallen', 'Samenvatten voor het doel'];
      await invoke(page, 'method.update', {
        cycleId,
        patch: {
          outcome: {
            date: null,
            itemNotes: [],
            takeaways: [],
            intentions: intentions.map((text, i) => ({ id: `intention-${i}`, text })),
            evaluation: '',
          },
        },
      });
      const next = await invoke(page, 'cycles.create', { trajectoryId, title: 'Gesprek 2', date: null });
      await host.queueDialog([await makeFixture('playable-mp4', mediaDir, { durationSec: 12 })]);
      await invoke(page, 'recordings.addViaDialog', { cycleId: next.id });
      await page.goto(`${host.url}#/cycle/${next.id}`);
      const previous = page.getByTestId('previous-intentions');
      await expect(previous).toContainText('Voornemens uit de vorige cyclus (Gesprek 1): 3');
      await expect(page.getByTestId('timeline')).toBeVisible();
      await expectAllInViewAndApart(page);
      if (!(await previous.evaluate((d: HTMLDetailsElement) => d.open))) await previous.locator('summary').click();
      await expect(previous.getByText(intentions[2]!)).toBeVisible();
      await expectAllInViewAndApart(page);
      await page.screenshot({ path: testInfo.outputPath('follow-up-intentions-open.png') });
    });
  });
}

test.describe('at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the side panel and the player are resized by keyboard and pointer, collapsed, and remembered', async ({ page, host, mediaDir }) => {
    await openAnalysisWithManyNotes(page, host, mediaDir);
    const side = page.getByRole('complementary', { name: 'Notities en fragmenten' });
    const player = page.locator('#workspace-player');
    const sideHandle = page.getByRole('separator', { name: 'Breedte van het zijpaneel' });
    const playerHandle = page.getByRole('separator', { name: 'Hoogte van de speler' });

    // Keyboard: the panel grows as its edge moves left; the arrows do not seek the video.
    const width0 = Number(await sideHandle.getAttribute('aria-valuenow'));
    expect((await boxOf(side)).width).toBeCloseTo(width0, 0);
    await sideHandle.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(sideHandle).toHaveAttribute('aria-valuenow', String(width0 + 32));
    await expect.poll(async () => Math.round((await boxOf(side)).width)).toBe(width0 + 32);
    expect(await playheadTime(page)).toBe(0);
    await page.keyboard.press('End');
    const widest = Number(await sideHandle.getAttribute('aria-valuemax'));
    await expect(sideHandle).toHaveAttribute('aria-valuenow', String(widest));
    await expectAllInViewAndApart(page);
    await page.keyboard.press('Home');
    await expect(sideHandle).toHaveAttribute('aria-valuenow', await sideHandle.getAttribute('aria-valuemin') ?? '');
    await expectAllInViewAndApart(page);

    // Pointer: drag the edge 100 px to the left.
    const before = Number(await sideHandle.getAttribute('aria-valuenow'));
    const grip = await boxOf(sideHandle);
    await page.mouse.move(grip.x + grip.width / 2, grip.y + 200);
    await page.mouse.down();
    await page.mouse.move(grip.x + grip.width / 2 - 50, grip.y + 200, { steps: 3 });
    await page.mouse.move(grip.x + grip.width / 2 - 100, grip.y + 200, { steps: 3 });
    await page.mouse.up();
    await expect(sideHandle).toHaveAttribute('aria-valuenow', String(before + 100));

    // The player: smaller by keyboard (up), and the timeline stays in view.
    const tall = (await boxOf(player)).height;
    await playerHandle.focus();
    await page.keyboard.press('Shift+ArrowUp');
    await expect.poll(async () => Math.round((await boxOf(player)).height)).toBe(Math.round(tall) - 64);
    await expectAllInViewAndApart(page);
    const grip2 = await boxOf(playerHandle);
    await page.mouse.move(grip2.x + grip2.width / 2, grip2.y + grip2.height / 2);
    await page.mouse.down();
    await page.mouse.move(grip2.x + grip2.width / 2, grip2.y + grip2.height / 2 + 30, { steps: 3 });
    await page.mouse.up();
    await expect.poll(async () => Math.round((await boxOf(player)).height)).toBe(Math.round(tall) - 34);

    // Remembered after a reload.
    const width = await sideHandle.getAttribute('aria-valuenow');
    const height = await playerHandle.getAttribute('aria-valuenow');
    await page.reload();
    await expect(page.getByTestId('note').first()).toBeVisible();
    await expect(sideHandle).toHaveAttribute('aria-valuenow', width!);
    await expect(playerHandle).toHaveAttribute('aria-valuenow', height!);

    // Collapsed: the video gets the room; N opens the panel again to write the note.
    const playerWidth = (await boxOf(player)).width;
    await page.getByRole('button', { name: 'Zijpaneel inklappen' }).click();
    await expect(page.getByRole('tab', { name: /Notities/ })).toHaveCount(0);
    await expect.poll(async () => (await boxOf(player)).width).toBeGreaterThan(playerWidth + 200);
    await page.reload();
    const expand = page.getByRole('button', { name: /Zijpaneel uitklappen/ });
    await expect(expand).toHaveAttribute('aria-expanded', 'false');
    await page.locator('body').click({ position: { x: 2, y: 719 } });
    await page.keyboard.press('n');
    await expect(page.getByRole('form', { name: 'Notitie opslaan' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Zijpaneel inklappen' })).toHaveAttribute('aria-expanded', 'true');
  });
});
