// Seeking lands on the right frame: after "go to 1:30" the frame on screen is the one at 1:30
// (within one frame), as the browser reports it for the presented frame.
import { makeFixture } from '../support/media-fixtures';
import { expect, playheadTime, setResearcherName, test } from './fixtures';

test('seeking to 1:30 lands within one frame', async ({ page, host, mediaDir }) => {
  const fps = 25;
  const video = await makeFixture('playable-mp4', mediaDir, { durationSec: 120, fps });
  await page.goto(host.url);
  await setResearcherName(page, 'Onderzoeker B');
  await page.getByRole('button', { name: '+ Nieuw traject' }).click();
  await page.getByLabel('Klantmanager (pseudoniem)').fill('KM-2');
  await page.getByLabel('Cliënt (pseudoniem)').fill('Cliënt B');
  await page.getByLabel('Cliënt (pseudoniem)').press('Enter');
  await page.getByRole('button', { name: '+ Nieuwe cyclus' }).click();
  await page.getByLabel('Titel').press('Enter');
  await page.getByRole('button', { name: 'Gesprek 1' }).click();
  await host.queueDialog([video]);
  await page.getByRole('button', { name: '+ Opname toevoegen' }).first().click();
  await expect(page.getByRole('tab', { name: /Video 1/ })).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as any).__vkzPlayer.mediaElement.readyState)).toBeGreaterThan(0);

  // Collect the frames presented from now on (a seek presents one, even when paused), and take
  // the first one past the one-minute mark: that is where the seek landed.
  await page.evaluate(() => {
    const el = (window as any).__vkzPlayer.mediaElement as HTMLVideoElement;
    (window as any).__presented = new Promise<number>((resolve) => {
      const watch = () =>
        el.requestVideoFrameCallback((_now, metadata) => (metadata.mediaTime > 60 ? resolve(metadata.mediaTime) : watch()));
      watch();
    });
  });
  await page.keyboard.press('g');
  await page.keyboard.type('1:30');
  await page.keyboard.press('Enter');

  const frameTime = await page.evaluate(() => (window as any).__presented as Promise<number>);
  expect(Math.abs(frameTime - 90)).toBeLessThanOrEqual(1 / fps);
  expect(Math.abs((await playheadTime(page)) - 90)).toBeLessThanOrEqual(1 / fps);
  await expect(page.getByTestId('current-time')).toContainText('1:30.00');

  // One frame forward and back with the keyboard.
  await page.keyboard.press('.');
  await expect.poll(() => playheadTime(page)).toBeCloseTo(90 + 1 / fps, 2);
  await page.keyboard.press(',');
  await expect.poll(() => playheadTime(page)).toBeCloseTo(90, 2);
});
