// Privacy as a user meets it in the browser: feedback the client withdraws on the interview
// page, after the reflection agenda was built, is gone from the agenda (which says it was
// removed) and from review mode at once, without regenerating anything; a trajectory past its
// "bewaren tot" date is marked in the library, and "vergeet deze cliënt" lists what it removed.
import { makeFixture } from '../support/media-fixtures';
import { createCycleWithRecording, expect, invoke, setResearcherName, test } from './fixtures';

const WITHDRAWN = 'Dit wil ik toch liever niet delen';
const KEPT = 'Ik voelde me gehoord';

test('withdrawing feedback on the interview page removes it from the agenda and review mode at once', async ({ page, host, mediaDir }) => {
  const video = await makeFixture('playable-mp4', mediaDir, { durationSec: 8 });
  await page.goto(host.url);
  await setResearcherName(page, 'Onderzoeker Anna');
  const { cycle, recordingId } = await createCycleWithRecording(page, (paths) => host.queueDialog(paths), video);
  const fragment = await invoke(page, 'fragments.create', { recordingId, inSec: 1, outSec: 3, title: 'Het moment', themes: ['authenticity'] });
  await invoke(page, 'fragments.update', { id: fragment.id, patch: { forCaseManager: true, forClient: true } });
  const view = await invoke(page, 'method.get', { cycleId: cycle.id });
  const entry = (id: string, text: string) =>
    ({ id, agendaItemId: null, fragmentId: fragment.id, themeId: 'authenticity', text, isQuote: false, sharing: 'share', speakerLabel: '' }) as const;
  await invoke(page, 'method.update', {
    cycleId: cycle.id,
    patch: { intake: { ...view.method.intake, consent: 'yes' }, feedback: [entry('fb-kept', KEPT), entry('fb-withdrawn', WITHDRAWN)] },
  });
  await invoke(page, 'method.buildReflectionAgenda', { cycleId: cycle.id });

  // Before: both pieces of feedback travel to review mode.
  await page.goto(`${host.url}#/cycle/${cycle.id}/review/reflection`);
  await expect(page.getByTestId('review-item')).toContainText(WITHDRAWN);

  // The client changes their mind: "Niet delen" on the interview page.
  await page.goto(`${host.url}#/cycle/${cycle.id}/interview`);
  // No interview agenda was built: both entries are listed as general feedback, in their order.
  const target = page.getByTestId('feedback-entry').nth(1);
  await expect(target.getByRole('textbox')).toHaveValue(WITHDRAWN);
  await target.getByRole('radio', { name: 'Niet delen' }).check();
  await expect(target).toHaveAttribute('data-sharing', 'private');
  // Saved: reading the record back shows the new choice.
  await expect
    .poll(async () => (await invoke(page, 'method.get', { cycleId: cycle.id })).method.feedback.find((f) => f.id === 'fb-withdrawn')?.sharing)
    .toBe('private');

  // The reflection agenda says something was removed, and no longer shows it.
  await page.getByRole('link', { name: 'Reflectiegesprek', exact: true }).click();
  await expect(page.getByTestId('feedback-withdrawn').first()).toContainText('de cliënt deelt dit niet meer');
  await expect(page.locator('main')).not.toContainText(WITHDRAWN);
  await expect(page.locator('main')).toContainText(KEPT);

  // Review mode: the feedback is gone.
  await page.getByRole('button', { name: '▶ Review-modus' }).click();
  await expect(page.getByTestId('review-item')).toContainText(KEPT);
  await expect(page.getByTestId('review-item')).not.toContainText(WITHDRAWN);
});

test('a trajectory past its retention date is marked in the library, and forgetting it lists what went', async ({ page, host, mediaDir }) => {
  const video = await makeFixture('playable-mp4', mediaDir, { durationSec: 6 });
  await page.goto(host.url);
  await setResearcherName(page, 'Onderzoeker Anna');
  const { recordingId } = await createCycleWithRecording(page, (paths) => host.queueDialog(paths), video);
  await invoke(page, 'notes.create', { recordingId, timeSec: 1, kind: 'observation', text: 'Ze kijkt weg.' });
  await host.idle();
  await page.reload();

  await page.getByTestId('retention-date').fill('31-01-2020');
  await expect(page.getByTestId('retention-past')).toHaveText('bewaartermijn verstreken');
  await expect(page.getByTestId('retention-summary')).toHaveText('Voorbij de bewaardatum: 1');

  await page.getByRole('button', { name: 'Vergeet deze cliënt…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Alles van ‘KM-1 · Cliënt A’ vergeten?' });
  await expect(confirm).toContainText('Je eigen videobestanden');
  await confirm.getByRole('button', { name: 'Ja, alles vergeten' }).click();
  const report = page.getByTestId('forget-report');
  await expect(report).toContainText('‘KM-1 · Cliënt A’ is gewist');
  await expect(report).toContainText('notities: 1');
  await expect(report).toContainText(`cache/${recordingId}/waveform.bin`);
  await page.getByRole('button', { name: 'Sluiten' }).click();
  await expect(page.getByText('Nog geen trajecten')).toBeVisible();
  await expect(page.getByTestId('retention-summary')).toHaveCount(0);
});
