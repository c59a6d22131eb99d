// Instant scrubbing: while the user drags on the timeline or holds an arrow key, the nearest cached
// thumbnail is over the video at once (in the same task as the input event, before any decoding),
// and the decoded frame replaces it when the seek is done.
import type { Page } from '@playwright/test';
import { brightnessAt, makeBrightnessClock } from '../support/long-media';
import { createCycleWithRecording, expect, playheadTime, setResearcherName, test } from './fixtures';

/** The mean luma-ish level of a drawable (canvas or video), read in the page. */
async function meanLevel(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const source = sel === 'video' ? ((window as any).__vkzPlayer.mediaElement as HTMLVideoElement) : (document.querySelector(sel) as HTMLCanvasElement);
    const canvas = document.createElement('canvas');
    canvas.width = 32;
    canvas.height = 18;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(source, 0, 0, 32, 18);
    const { data } = ctx.getImageData(0, 0, 32, 18);
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) sum += data[i + 1]!;
    return sum / (data.length / 4);
  }, selector);
}

/**
 * A drag on the timeline through `seconds` (pressed at the first, let go at the last); the preview
 * and the player as they are right after the last move, in the same task as the events, so no
 * seek can have finished yet.
 */
async function dragOnTimeline(page: Page, seconds: number[]) {
  return page.evaluate((at) => {
    const box = document.querySelector('[data-testid=timeline]') as HTMLElement;
    const rect = box.getBoundingClientRect();
    const duration = (window as any).__vkzPlayer.getState().duration as number;
    const xFor = (sec: number) => rect.left + (sec / duration) * rect.width;
    const y = rect.top + rect.height - 10;
    const fire = (type: string, sec: number) =>
      box.dispatchEvent(new PointerEvent(type, { pointerId: 7, button: 0, buttons: 1, clientX: xFor(sec), clientY: y, bubbles: true }));
    fire('pointerdown', at[0]!);
    for (const sec of at.slice(1)) fire('pointermove', sec);
    const canvas = document.querySelector('[data-testid=scrub-preview]') as HTMLCanvasElement;
    const el = (window as any).__vkzPlayer.mediaElement as HTMLVideoElement;
    // Where each shows its picture: its intrinsic size contained in its box (object-fit: contain).
    const pictureRect = (element: Element, width: number, height: number) => {
      const box = element.getBoundingClientRect();
      const scale = Math.min(box.width / width, box.height / height);
      return { x: box.x + (box.width - width * scale) / 2, y: box.y + (box.height - height * scale) / 2, width: width * scale, height: height * scale };
    };
    const result = {
      hidden: canvas.hidden,
      time: Number(canvas.dataset.time),
      playhead: (window as any).__vkzPlayer.getState().time as number,
      videoSeeking: el.seeking,
      preview: { width: canvas.width, height: canvas.height, shown: pictureRect(canvas, canvas.width, canvas.height) },
      video: { width: el.videoWidth, height: el.videoHeight, shown: pictureRect(el, el.videoWidth, el.videoHeight) },
    };
    fire('pointerup', at.at(-1)!);
    return result;
  }, seconds);
}

async function openWithThumbnails(page: Page, host: { url: string; queueDialog(p: string[]): Promise<void> }, video: string) {
  await page.goto(host.url);
  await setResearcherName(page, 'Onderzoeker S');
  const { cycle } = await createCycleWithRecording(page, host.queueDialog, video);
  await page.goto(`${host.url}#/cycle/${cycle.id}`);
  await expect(page.getByTestId('timeline-status')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  const count = Number(await page.getByTestId('timeline-status').getAttribute('data-thumbnails'));
  expect(count).toBeGreaterThanOrEqual(40);
  // The preview has decoded every thumbnail, and the player shows its first frame.
  await expect(page.getByTestId('scrub-preview')).toHaveAttribute('data-decoded', String(count));
  await expect.poll(() => page.evaluate(() => (window as any).__vkzPlayer.mediaElement.readyState)).toBeGreaterThanOrEqual(2);
}

test('dragging on the timeline shows the nearest thumbnail over the video at once, then the decoded frame', async ({
  page,
  host,
  mediaDir,
}) => {
  // 40 s, one brightness level per second (repeating every 10 s): a thumbnail per second. Its
  // pixels are not square (120x90 stored, shown 160x90), so its thumbnails (120x90) are not the
  // shape of the picture the user sees.
  const video = await makeBrightnessClock(mediaDir, { durationSec: 40, fps: 5, gopSec: 1, width: 120, height: 90, sar: '4/3' });
  await openWithThumbnails(page, host, video);
  const preview = page.getByTestId('scrub-preview');
  await expect(preview).toBeHidden();

  // Press at 2 s and drag to about 23.3 s; read the preview in the same task as the events, so
  // no seek can have finished yet.
  const during = await dragOnTimeline(page, [2, 12, 23.3]);
  expect(during.hidden).toBe(false);
  expect(during.time).toBe(23); // the thumbnail nearest to 23.3 s
  expect(during.playhead).toBeCloseTo(23.3, 0);
  expect(during.videoSeeking).toBe(true);
  // The picture is the video's shape and lies exactly where the video shows its frame (not squeezed,
  // not stretched to the player's box), drawn larger than the thumbnail (at the size it is shown).
  expect(during.video.width / during.video.height).toBeCloseTo(16 / 9, 2);
  expect(during.preview.width / during.preview.height).toBeCloseTo(16 / 9, 1);
  for (const side of ['x', 'y', 'width', 'height'] as const) {
    expect(Math.abs(during.preview.shown[side] - during.video.shown[side]), `the preview's ${side}`).toBeLessThanOrEqual(1);
  }
  expect(during.preview.width).toBeGreaterThan(160);

  // The decoded frame replaces the picture: the preview goes, the video shows second 23.
  await expect(preview).toBeHidden();
  await expect.poll(() => playheadTime(page)).toBeCloseTo(23.3, 0);
  expect(Math.abs((await meanLevel(page, 'video')) - brightnessAt(23.3))).toBeLessThan(12);

  // A real mouse drag goes through the same path (the preview shows on the way) and ends on the
  // spot it was let go.
  await page.evaluate(() => {
    const canvas = document.querySelector('[data-testid=scrub-preview]') as HTMLCanvasElement;
    const shown: number[] = [];
    (window as any).__previewShown = shown;
    new MutationObserver(() => !canvas.hidden && shown.push(Number(canvas.dataset.time))).observe(canvas, { attributes: true });
  });
  await page.getByTestId('timeline').scrollIntoViewIfNeeded();
  const box = (await page.getByTestId('timeline').boundingBox())!;
  const y = box.y + box.height - 10;
  await page.mouse.move(box.x + box.width * 0.1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, y, { steps: 8 });
  await page.mouse.move(box.x + box.width * 0.8, y, { steps: 8 });
  await page.mouse.up();
  await expect(preview).toBeHidden();
  await expect.poll(() => playheadTime(page)).toBeCloseTo(32, -0.5);
  const shown: number[] = await page.evaluate(() => (window as any).__previewShown);
  expect(shown.length).toBeGreaterThan(0);
  expect(Math.max(...shown)).toBeGreaterThan(20);
});

test('holding an arrow key scrubs with the thumbnail; a single press seeks without it', async ({ page, host, mediaDir }) => {
  const video = await makeBrightnessClock(mediaDir, { durationSec: 40, fps: 5, gopSec: 1 });
  await openWithThumbnails(page, host, video);
  await page.locator('body').click({ position: { x: 5, y: 300 } });

  const read = () => {
    const canvas = document.querySelector('[data-testid=scrub-preview]') as HTMLCanvasElement;
    return { hidden: canvas.hidden, time: Number(canvas.dataset.time) };
  };
  // One press: an ordinary seek, no thumbnail (a frame step must never flash another picture).
  const single = await page.evaluate((readSrc) => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
    return new Function(`return (${readSrc})()`)();
  }, read.toString());
  expect(single.hidden).toBe(true);
  await expect.poll(() => playheadTime(page)).toBeCloseTo(1, 1);

  // Held down: the key repeats, each repeat moves the preview on at once.
  const held = await page.evaluate((readSrc) => {
    const states = [];
    for (let i = 0; i < 5; i++) {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', repeat: true, bubbles: true, cancelable: true }));
      states.push(new Function(`return (${readSrc})()`)());
    }
    return states;
  }, read.toString());
  expect(held.every((s: { hidden: boolean }) => !s.hidden)).toBe(true);
  expect(held.map((s: { time: number }) => s.time)).toEqual([2, 3, 4, 5, 6]);
  await expect(page.getByTestId('scrub-preview')).toBeHidden();
  await expect.poll(() => playheadTime(page)).toBeCloseTo(6, 1);
  expect(Math.abs((await meanLevel(page, 'video')) - brightnessAt(6))).toBeLessThan(12);
});

test('after the cycle page and back, the thumbnails are there at once and the player still plays', async ({ page, host, mediaDir }) => {
  const video = await makeBrightnessClock(mediaDir, { durationSec: 40, fps: 5, gopSec: 1 });
  await openWithThumbnails(page, host, video);
  const count = await page.getByTestId('timeline-status').getAttribute('data-thumbnails');
  await page.getByRole('link', { name: 'Cyclus' }).click();
  await expect(page.getByTestId('player')).toHaveCount(0);
  await page.getByRole('link', { name: 'Analyse' }).click();
  // The pictures decoded on the first visit are shown again, not decoded again.
  await expect(page.getByTestId('scrub-preview')).toHaveAttribute('data-decoded', String(count));
  await expect.poll(() => page.locator('.timeline-canvas').evaluate((canvas: HTMLCanvasElement) => Number(canvas.dataset.thumbnails ?? 0))).toBeGreaterThan(0);
  await expect.poll(() => page.evaluate(() => (window as any).__vkzPlayer.mediaElement.readyState)).toBeGreaterThanOrEqual(2);

  const during = await dragOnTimeline(page, [3, 17.2]);
  expect(during).toMatchObject({ hidden: false, time: 17 });
  await expect(page.getByTestId('scrub-preview')).toBeHidden();
  expect(Math.abs((await meanLevel(page, 'video')) - brightnessAt(17.2))).toBeLessThan(12);

  // Play: the playhead moves on from where the scrub left it.
  await page.evaluate(() => (window as any).__vkzPlayer.play());
  await expect.poll(() => playheadTime(page), { timeout: 15_000 }).toBeGreaterThan(18);
});
