// Privacy as a user meets it in the browser: feedback the client withdraws on the interview
// page, after the reflection agenda was built, is gone from the agenda (which says it was
// removed) and from review mode at once, and feedback the client shares only then appears there
// at once, without regenerating anything; a trajectory past its
// "bewaren tot" date is marked in the library, and "vergeet deze cliënt" lists what it removed.
import { makeFixture } from '../support/media-fixtures';
import { createCycleWithRecording, expect, invoke, setResearcherName, test } from './fixtures';

const WITHDRAWN = 'Dit wil ik toch liever niet delen';
const KEPT = 'Ik voelde me gehoord';
const LATER = 'Dat mag ze toch weten';

test('changing sharing on the interview page counts in the agenda and review mode at once, both ways', async ({ page, host, mediaDir }, testInfo) => {
  const video = await makeFixture('playable-mp4', mediaDir, { durationSec: 8 });
  await page.goto(host.url);
  await setResearcherName(page, 'Onderzoeker Anna');
  const { cycle, recordingId } = await createCycleWithRecording(page, (paths) => host.queueDialog(paths), video);
  const fragment = await invoke(page, 'fragments.create', { recordingId, inSec: 1, outSec: 3, title: 'Het moment', themes: ['authenticity'] });
  await invoke(page, 'fragments.update', { id: fragment.id, patch: { forCaseManager: true, forClient: true } });
  const view = await invoke(page, 'method.get', { cycleId: cycle.id });
  const entry = (id: string, text: string, sharing: 'share' | 'private' = 'share') =>
    ({ id, agendaItemId: null, fragmentId: fragment.id, themeId: 'authenticity', text, isQuote: false, sharing, speakerLabel: '' }) as const;
  await invoke(page, 'method.update', {
    cycleId: cycle.id,
    patch: { intake: { ...view.method.intake, consent: 'yes' }, feedback: [entry('fb-kept', KEPT), entry('fb-withdrawn', WITHDRAWN), entry('fb-later', LATER, 'private')] },
  });
  await invoke(page, 'method.buildReflectionAgenda', { cycleId: cycle.id });

  // Before: both pieces of feedback travel to review mode.
  await page.goto(`${host.url}#/cycle/${cycle.id}/review/reflection`);
  await expect(page.getByTestId('review-item')).toContainText(WITHDRAWN);
  await expect(page.getByTestId('review-item')).not.toContainText(LATER);

  // The client changes their mind: "Niet delen" on the interview page.
  await page.goto(`${host.url}#/cycle/${cycle.id}/interview`);
  // No interview agenda was built: both entries are listed as general feedback, in their order.
  const target = page.getByTestId('feedback-entry').nth(1);
  await expect(target.getByRole('textbox')).toHaveValue(WITHDRAWN);
  await target.getByRole('radio', { name: 'Niet delen' }).check();
  await expect(target).toHaveAttribute('data-sharing', 'private');
  // And the other way: feedback that was "niet delen" when the agenda was built may be shared now.
  const later = page.getByTestId('feedback-entry').nth(2);
  await expect(later.getByRole('textbox')).toHaveValue(LATER);
  await later.getByRole('radio', { name: 'Mag gedeeld worden' }).check();
  // Saved: reading the record back shows the new choices.
  await expect
    .poll(async () => (await invoke(page, 'method.get', { cycleId: cycle.id })).method.feedback.map((f) => f.sharing))
    .toEqual(['share', 'private', 'share']);

  // The reflection agenda says one was removed at the client's request, no longer shows it, and
  // shows the newly shared one: no regeneration.
  await page.getByRole('link', { name: 'Reflectiegesprek', exact: true }).click();
  await expect(page.getByTestId('feedback-withdrawn').first()).toHaveText('1 reactie is op verzoek van de cliënt weggelaten.');
  await expect(page.locator('main')).not.toContainText(WITHDRAWN);
  await expect(page.locator('main')).toContainText(KEPT);
  await expect(page.locator('main')).toContainText(LATER);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId('feedback-withdrawn').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('agenda-withdrawn-1280.png') });

  // Review mode: the withdrawn feedback is gone, the newly shared one is there.
  await page.getByRole('button', { name: '▶ Review-modus' }).click();
  await expect(page.getByTestId('review-item')).toContainText(KEPT);
  await expect(page.getByTestId('review-item')).toContainText(LATER);
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
