// The one autosave (renderer/src/components/use-autosave.ts) as a user meets it in the notes:
// what is typed is stored while typing; saves go out one after another, newest value last; Enter
// does not send again what autosave already stored; and leaving stores what still waits.
import type { Page } from '@playwright/test';
import { makeFixture } from '../support/media-fixtures';
import { createCycleWithRecording, expect, invoke, setResearcherName, test } from './fixtures';

interface CallRecord {
  channel: string;
  request: any;
  started: number;
  ended: number;
}

/**
 * Records the page's note calls to the backend (on the wire: the test host carries them over
 * HTTP); each can be held back by `delayMs` to make the race a slow disk would make.
 */
async function recordNoteCalls(page: Page, delayMs = 0): Promise<CallRecord[]> {
  const calls: CallRecord[] = [];
  await page.unroute('**/api/invoke/notes.*');
  await page.route('**/api/invoke/notes.*', async (route) => {
    const record: CallRecord = {
      channel: new URL(route.request().url()).pathname.split('/').pop()!,
      request: route.request().postDataJSON(),
      started: Date.now(),
      ended: Number.NaN,
    };
    calls.push(record);
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    const response = await route.fetch();
    record.ended = Date.now();
    await route.fulfill({ response });
  });
  return calls;
}

async function openWorkspace(page: Page, host: { url: string; queueDialog(p: string[]): Promise<void> }, mediaDir: string) {
  const video = await makeFixture('playable-mp4', mediaDir, { durationSec: 20 });
  await page.goto(host.url);
  await setResearcherName(page, 'Onderzoeker A');
  const { cycle } = await createCycleWithRecording(page, host.queueDialog, video);
  await page.goto(`${host.url}#/cycle/${cycle.id}`);
  await expect(page.getByRole('tab', { name: /Video 1/ })).toBeVisible();
  return cycle.id;
}

test('Enter after autosave sends nothing again; a slow save is followed, in order, by the newest text; Enter on a new note puts it in its place', async ({ page, host, mediaDir }) => {
  const cycleId = await openWorkspace(page, host, mediaDir);
  let calls = await recordNoteCalls(page);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('n');
  const text = page.getByRole('form', { name: 'Notitie opslaan' }).getByLabel('Tekst');
  await text.fill('De cliënt kijkt weg');
  // Autosave stores it while the form is open...
  await expect.poll(() => calls.map((c) => c.channel)).toEqual(['notes.create']);
  await expect(page.getByTestId('note').filter({ hasText: 'De cliënt kijkt weg' })).toBeVisible();
  // ... so Enter only closes the form.
  await text.press('Enter');
  await expect(page.getByRole('form', { name: 'Notitie opslaan' })).toBeHidden();
  expect(calls.map((c) => c.channel)).toEqual(['notes.create']);

  // Now with saves that take 700 ms: type, let autosave start, type on, Enter at once.
  calls = await recordNoteCalls(page, 700);
  await page.keyboard.press('n');
  await text.fill('Eerste helft');
  await expect.poll(() => calls.length).toBe(1);
  await text.fill('Eerste helft en tweede helft');
  await text.press('Enter');
  await expect(page.getByRole('form', { name: 'Notitie opslaan' })).toBeHidden();
  // One note, made then brought up to date; the second save started after the first was answered.
  expect(calls.map((c) => c.channel)).toEqual(['notes.create', 'notes.update']);
  expect(calls[1]!.started).toBeGreaterThanOrEqual(calls[0]!.ended);
  expect(calls[1]!.request.patch.text).toBe('Eerste helft en tweede helft');
  const stored = (await invoke(page, 'workspace.get', { cycleId })).notes.map((n) => n.text).sort();
  expect(stored).toEqual(['De cliënt kijkt weg', 'Eerste helft en tweede helft']);
  await page.unroute('**/api/invoke/notes.*');
  await enterPlacesNewNote(page, cycleId);
});

/**
 * Enter on a new note (before autosave's pause is over) stores it once and shows it in its place
 * in the list and on the timeline; a store that fails keeps the form, the text and the focus.
 */
async function enterPlacesNewNote(page: Page, cycleId: string) {
  const recordingId = (await invoke(page, 'workspace.get', { cycleId })).recordings[0]!.id;
  for (const timeSec of [2, 4, 6, 12, 14, 16]) {
    await invoke(page, 'notes.create', { recordingId, timeSec, kind: 'event', text: `Bij ${timeSec} s` });
  }
  await page.reload();
  await expect(page.getByTestId('note')).toHaveCount(8);
  const lane = page.locator('.timeline-notes');
  // Columns of the notes lane with the colour of observations (the kind a new note has).
  const observationColumns = () =>
    lane.evaluate((canvas: HTMLCanvasElement) => {
      const { data, width } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      const columns = new Set<number>();
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i]! - 0x2f) < 8 && Math.abs(data[i + 1]! - 0x5d) < 8 && Math.abs(data[i + 2]! - 0x8a) < 8) columns.add((i / 4) % width);
      }
      return columns.size;
    });
  const columnsBefore = await observationColumns();

  // The store fails once: the form stays, with the text, and the focus is back in the field.
  let failing = true;
  const calls = await recordNoteCalls(page);
  await page.route('**/api/invoke/notes.create', async (route) => {
    if (!failing) {
      await new Promise((r) => setTimeout(r, 700)); // a slow disk
      return route.fallback();
    }
    await route.fulfill({ json: { ok: false, error: { code: 'test-disk-full', message: 'Schijf vol' } } });
  });
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.evaluate(() => (window as any).__vkzPlayer.seek(9.5));
  await expect.poll(() => page.evaluate(() => (window as any).__vkzPlayer.currentTime())).toBeCloseTo(9.5, 1);
  await page.keyboard.press('n');
  const form = page.getByRole('form', { name: 'Notitie opslaan' });
  const text = form.getByLabel('Tekst');
  await text.fill('Hier kijkt de cliënt op');
  await text.press('Enter');
  await expect(page.getByText('Schijf vol')).toBeVisible();
  await expect(form).toBeVisible();
  await expect(text).toBeFocused();
  await expect(text).toHaveValue('Hier kijkt de cliënt op');
  // It showed in the list on Enter (before the store answered) and went again when storing failed.
  const newRow = page.getByTestId('note').filter({ hasText: 'Hier kijkt de cliënt op' });
  await expect(newRow).toHaveCount(0);
  await expect(page.getByTestId('note')).toHaveCount(8);

  // Enter again (before autosave's pause is over): stored once, between the notes at 6 s and 12 s.
  failing = false;
  await text.press('Enter');
  // In the list at once, while the store still works on it; Escape now doesn't take it back.
  await expect(newRow).toBeVisible();
  expect(calls.filter((c) => c.channel === 'notes.create')).toHaveLength(0);
  await text.press('Escape');
  await expect(form).toBeHidden();
  const rows = page.getByTestId('note');
  await expect(rows).toHaveCount(9);
  const listed = await rows.evaluateAll((els) => els.map((el) => [Number((el as HTMLElement).dataset.time), el.textContent ?? ''] as const));
  const at = listed.findIndex(([, content]) => content.includes('Hier kijkt de cliënt op'));
  expect([listed[at - 1]![0], listed[at]![0], listed[at + 1]![0]]).toEqual([6, expect.closeTo(9.5, 1), 12]);
  expect(calls.filter((c) => c.channel === 'notes.create')).toHaveLength(1);
  await expect.poll(observationColumns).toBeGreaterThan(columnsBefore);
  expect((await invoke(page, 'workspace.get', { cycleId })).notes.filter((n) => n.text === 'Hier kijkt de cliënt op')).toHaveLength(1);
}

test('leaving the page stores what waits for a pause in typing; Escape stores nothing more', async ({ page, host, mediaDir }) => {
  const cycleId = await openWorkspace(page, host, mediaDir);
  await page.locator('body').click({ position: { x: 5, y: 300 } });

  // Editing a note and leaving for the cycle page at once (before the pause is over).
  const note = await invoke(page, 'notes.create', {
    recordingId: (await invoke(page, 'workspace.get', { cycleId })).recordings[0]!.id,
    timeSec: 3,
    kind: 'observation',
    text: 'Oud',
  });
  await page.reload();
  await page.getByTestId('note').filter({ hasText: 'Oud' }).getByRole('button', { name: 'Bewerken' }).click();
  const form = page.getByRole('form', { name: 'Opslaan' });
  await form.getByLabel('Tekst').fill('Nieuw, meteen weg');
  await page.getByRole('link', { name: 'Cyclus' }).click();
  await expect(form).toBeHidden();
  await expect.poll(async () => (await invoke(page, 'workspace.get', { cycleId })).notes.find((n) => n.id === note.id)?.text).toBe('Nieuw, meteen weg');

  // Escape on a new note removes it and nothing is stored after.
  await page.goto(`${host.url}#/cycle/${cycleId}`);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  const calls = await recordNoteCalls(page);
  await page.keyboard.press('n');
  const newForm = page.getByRole('form', { name: 'Notitie opslaan' });
  await newForm.getByLabel('Tekst').fill('Toch niet');
  await expect.poll(() => calls.length).toBe(1);
  await newForm.getByLabel('Tekst').fill('Toch niet, echt niet');
  await newForm.getByLabel('Tekst').press('Escape');
  await expect(newForm).toBeHidden();
  await page.waitForTimeout(800); // longer than the autosave pause: nothing may follow the delete
  const channels = calls.map((c) => c.channel);
  expect(channels[0]).toBe('notes.create');
  expect(channels.at(-1)).toBe('notes.delete');
  const texts = (await invoke(page, 'workspace.get', { cycleId })).notes.map((n) => n.text);
  expect(texts).toEqual(['Nieuw, meteen weg']);
});
