// Dates as people write them, whatever the computer's locale (this browser runs as en-US): typed
// and shown dd-mm-jjjj in Dutch and dd/mm/yyyy in English; a date that does not exist is refused
// with a clear message and changes nothing; plurals follow the number ("1 cyclus", "2 cycli").
import { expect, invoke, setResearcherName, test } from './fixtures';

test.use({ locale: 'en-US', timezoneId: 'America/New_York' });

test('dates are typed and shown day first in Dutch and English, whatever the OS locale', async ({ page, host }) => {
  await page.goto(host.url);
  await setResearcherName(page, 'Onderzoeker Anna');
  const trajectory = await invoke(page, 'trajectories.create', { caseManager: 'KM-1', client: 'Cliënt A' });
  const cycle = await invoke(page, 'cycles.create', { trajectoryId: trajectory.id, title: 'Gesprek 1', date: '2025-03-10' });

  // The library: one cycle, its date day first.
  await page.reload();
  await expect(page.getByText('1 cyclus', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: /KM-1 · Cliënt A/ }).click();
  await expect(page.getByText('10-03-2025')).toBeVisible();

  // The cycle page: a date that does not exist is refused and not saved.
  await page.goto(`${host.url}#/cycle/${cycle.id}/cycle`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('(10-03-2025)');
  const next = page.getByLabel('Volgende gesprek van klantmanager en cliënt');
  await expect(next).toHaveAttribute('placeholder', 'dd-mm-jjjj');
  await next.fill('31-02-2025');
  await next.blur();
  await expect(page.getByRole('alert').filter({ hasText: '31-02-2025 bestaat niet in de kalender.' })).toBeVisible();
  await expect(next).toHaveAttribute('aria-invalid', 'true');
  await expect(next).toHaveValue('31-02-2025'); // what was typed stays, to be corrected
  await next.fill('volgende week');
  await next.blur();
  await expect(page.getByRole('alert').filter({ hasText: 'Schrijf de datum als dd-mm-jjjj, bijvoorbeeld 10-03-2025.' })).toBeVisible();
  expect((await invoke(page, 'method.get', { cycleId: cycle.id })).method.intake.nextConversationDate).toBeNull();

  // Typed the way people do, tidied on leaving the field, and saved.
  await next.fill('1-4-25');
  await next.blur();
  await expect(next).toHaveValue('01-04-2025');
  await expect(next).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByTestId('save-state')).toHaveText('Alles opgeslagen');
  expect((await invoke(page, 'method.get', { cycleId: cycle.id })).method.intake.nextConversationDate).toBe('2025-04-01');

  // In English: the English convention, and English plurals.
  await invoke(page, 'trajectories.create', { caseManager: 'KM-2', client: 'Cliënt B' });
  await invoke(page, 'cycles.create', { trajectoryId: trajectory.id, title: 'Gesprek 2', date: null });
  await invoke(page, 'settings.update', { language: 'en' });
  await page.reload();
  const nextEn = page.getByLabel('Next conversation of case manager and client');
  await expect(nextEn).toHaveValue('01/04/2025');
  await expect(nextEn).toHaveAttribute('placeholder', 'dd/mm/yyyy');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('(10/03/2025)');
  await nextEn.fill('2/5/2025');
  await nextEn.blur();
  await expect(nextEn).toHaveValue('02/05/2025');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  expect((await invoke(page, 'method.get', { cycleId: cycle.id })).method.intake.nextConversationDate).toBe('2025-05-02');
  await page.goto(host.url);
  await expect(page.getByText('2 cycles', { exact: true })).toBeVisible();
  await expect(page.getByText('0 cycles', { exact: true })).toBeVisible();
});
