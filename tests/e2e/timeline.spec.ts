// The media timeline in Chromium against the test host: waveform and thumbnails appear once the
// backend has computed them and at once after a reload (and after a restart, from the disk cache);
// in an hour-long recording with many notes, "go to 50:00" shows and highlights the note there;
// a file with distant keyframes gets a scrub-proxy suggestion, and then plays the proxy.
import type { Page } from '@playwright/test';
import { makeBrightnessClock, makeLongTinyVideo } from '../support/long-media';
import { expect, playheadTime, setResearcherName, test, type TestHost } from './fixtures';

async function openNewCycleWith(page: Page, host: TestHost, file: string): Promise<string> {
  await page.goto(host.url);
  await setResearcherName(page, 'Onderzoeker T');
  await page.getByRole('button', { name: '+ Nieuw traject' }).click();
  await page.getByLabel('Klantmanager (pseudoniem)').fill('KM-T');
  await page.getByLabel('Cliënt (pseudoniem)').fill('Cliënt T');
  await page.getByLabel('Cliënt (pseudoniem)').press('Enter');
  await page.getByRole('button', { name: '+ Nieuwe cyclus' }).click();
  await page.getByLabel('Titel').fill('Lang gesprek');
  await page.getByLabel('Titel').press('Enter');
  await page.getByRole('button', { name: 'Lang gesprek' }).click();
  await host.queueDialog([file]);
  await page.getByRole('button', { name: '+ Opname toevoegen' }).first().click();
  await expect(page.getByRole('tab', { name: /Video 1/ })).toBeVisible();
  return page.evaluate(() => location.hash.split('/')[2]!);
}

/** The active recording's id, from the workspace. */
async function recordingId(page: Page, cycleId: string): Promise<string> {
  return page.evaluate(async (id) => (await (window as any).vkz.invoke('workspace.get', { cycleId: id })).value.recordings[0].id, cycleId);
}

async function expectTimelineShown(page: Page) {
  const status = page.getByTestId('timeline-status');
  await expect(status).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(status).not.toHaveAttribute('data-waveform', '0');
  await expect(status).not.toHaveAttribute('data-thumbnails', '0');
  // The thumbnails are drawn on the timeline's canvas (how many, on the canvas).
  await expect.poll(() => page.locator('.timeline-canvas').evaluate((canvas: HTMLCanvasElement) => Number(canvas.dataset.thumbnails ?? 0))).toBeGreaterThan(0);
  // The waveform row is drawn: the canvas has its colour in the row under the thumbnails.
  await expect
    .poll(() =>
      page.locator('.timeline-canvas').evaluate((canvas: HTMLCanvasElement) => {
        const ctx = canvas.getContext('2d')!;
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        let waveformPixels = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (Math.abs(data[i]! - 0x8f) < 6 && Math.abs(data[i + 1]! - 0xa7) < 6 && Math.abs(data[i + 2]! - 0xc0) < 6) waveformPixels++;
        }
        return waveformPixels;
      }),
    )
    .toBeGreaterThan(100);
}

test('the timeline shows waveform and thumbnails once computed, and again at once after a reload and a restart', async ({
  page,
  host,
  mediaDir,
}) => {
  const video = await makeBrightnessClock(mediaDir, { durationSec: 40, fps: 5, gopSec: 1 });
  const cycleId = await openNewCycleWith(page, host, video);
  await expectTimelineShown(page);
  const id = await recordingId(page, cycleId);
  const thumbnailCount = Number(await page.getByTestId('timeline-status').getAttribute('data-thumbnails'));
  expect(thumbnailCount).toBeGreaterThanOrEqual(40);

  // Zoomed in and panned along, the strip still shows pictures: the thumbnails row of the canvas
  // (ROW in timeline.tsx: scale 16 + gap 4, then 46 px) is covered with them, not empty.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Inzoomen' }).click();
  const spanBefore = await page.getByTestId('timeline-span').textContent();
  await page.getByTestId('timeline').hover();
  await page.mouse.wheel(0, 400);
  await expect(page.getByTestId('timeline-span')).not.toHaveText(spanBefore!);
  const strip = () =>
    page.locator('.timeline-canvas').evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 43, canvas.width, 1);
      let painted = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0) painted++;
      return { drawn: Number(canvas.dataset.thumbnails) > 0, covered: painted / canvas.width > 0.8 };
    });
  await expect.poll(strip).toEqual({ drawn: true, covered: true });

  // A reload asks for the data and gets it ready-made: nothing is computed again.
  await page.reload();
  const first = await page.evaluate(async (recordingId) => (await (window as any).vkz.invoke('media.timelineData', { recordingId })).value, id);
  expect(first.state).toBe('done');
  expect(first.thumbnails).toHaveLength(thumbnailCount);
  await expectTimelineShown(page);

  // A new backend process finds the cache on disk.
  await host.restart();
  await page.goto(`${host.url}#/cycle/${cycleId}`);
  const afterRestart = await page.evaluate(async (recordingId) => (await (window as any).vkz.invoke('media.timelineData', { recordingId })).value, id);
  expect(afterRestart.state).toBe('done');
  await expectTimelineShown(page);
});

test('in an hour-long recording with many notes, going to 50:00 shows and highlights the note there, and the time before the slow frame', async ({
  page,
  host,
  mediaDir,
}) => {
  const video = await makeLongTinyVideo(mediaDir, { durationSec: 3600 });
  const cycleId = await openNewCycleWith(page, host, video);
  const id = await recordingId(page, cycleId);

  // 1,200 notes, one every 3 s (at 0:00.2, 0:03.2 ... 59:57.2), stored through the API.
  const count = 1200;
  await page.evaluate(
    async ({ recordingId, count }) => {
      const api = (window as any).vkz;
      for (let start = 0; start < count; start += 50) {
        await Promise.all(
          Array.from({ length: Math.min(50, count - start) }, (_, k) => {
            const i = start + k;
            return api.invoke('notes.create', { recordingId, timeSec: i * 3 + 0.2, kind: 'observation', text: `Notitie ${i}` });
          }),
        );
      }
    },
    { recordingId: id, count },
  );
  await page.reload();
  await expect(page.getByRole('tab', { name: `Notities (${count})` })).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as any).__vkzPlayer.mediaElement.readyState)).toBeGreaterThan(0);

  // The player has not fetched 50:00 yet; its bytes are held back now, so that seek is slow: the
  // time shown goes there at once all the same (the page hears of a seek with its frame, or
  // after a moment when the frame is slow), while the player still seeks.
  const buffered = () =>
    page.evaluate(() => {
      const ranges = (window as any).__vkzPlayer.mediaElement.buffered as TimeRanges;
      return Array.from({ length: ranges.length }, (_, i) => [ranges.start(i), ranges.end(i)]);
    });
  expect((await buffered()).some(([from, to]) => from! <= 3000 && 3000 <= to!)).toBe(false);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/media/**', async (route) => {
    await held;
    await route.fallback();
  });
  // (A seek from outside the transport bar, as a click on the timeline or a note makes; the go-to
  // field redraws the bar itself.)
  await page.evaluate(() => (window as any).__vkzPlayer.seek(3000));
  await expect(page.getByTestId('current-time')).toContainText('50:00.00');
  expect(await page.evaluate(() => (window as any).__vkzPlayer.mediaElement.seeking)).toBe(true);
  release();
  await page.unroute('**/media/**');
  await expect.poll(() => page.evaluate(() => (window as any).__vkzPlayer.mediaElement.seeking)).toBe(false);

  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('g');
  await page.keyboard.type('50:00');
  await page.keyboard.press('Enter');
  await expect.poll(() => playheadTime(page)).toBeCloseTo(3000, 0);

  // The note at or before 50:00 is note 999 (49:57.2): in view and marked current.
  const current = page.getByTestId('note').filter({ hasText: 'Notitie 999' });
  await expect(current).toBeVisible();
  await expect(current).toHaveAttribute('aria-current', 'true');
  await expect(current).toContainText('49:57');
  await expect(current).toBeInViewport();
  await expect(page.locator('[data-testid="note"][aria-current="true"]')).toHaveCount(1);
  // Its neighbours are there too; the list renders only what is near the view.
  await expect(page.getByTestId('note').filter({ hasText: 'Notitie 1000' })).toBeVisible();
  expect(await page.getByTestId('note').count()).toBeLessThan(100);
});

test('a file with distant keyframes gets a scrub-proxy suggestion; once made, the recording plays it', async ({
  page,
  host,
  mediaDir,
}) => {
  const video = await makeBrightnessClock(mediaDir, { durationSec: 30, fps: 5, gopSec: 10 });
  await openNewCycleWith(page, host, video);
  const suggestion = page.getByTestId('scrub-suggestion');
  await expect(suggestion).toBeVisible();
  await expect(suggestion).toHaveAttribute('data-reason', 'long-keyframe-interval');
  await expect(suggestion).toContainText('om de 10 s een sleutelbeeld');
  const src = () => page.evaluate(() => (window as any).__vkzPlayer.mediaElement.currentSrc as string);
  await expect.poll(src).toContain('v=original');

  // Watch from 0:12, then ask for the scrub version: it plays from the same moment.
  await page.keyboard.press('g');
  await page.keyboard.type('0:12');
  await page.keyboard.press('Enter');
  await expect.poll(() => playheadTime(page)).toBeCloseTo(12, 1);
  await suggestion.getByRole('button', { name: 'Zoekversie maken' }).click();
  await expect(page.getByText('Speelt af via een afspeelversie')).toBeVisible({ timeout: 60_000 });
  await expect(suggestion).toBeHidden();
  await expect.poll(src).toContain('v=proxy');
  await expect.poll(() => playheadTime(page)).toBeCloseTo(12, 1);
});
