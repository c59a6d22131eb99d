// Data exchange end to end in Chromium against the test host: a Teams transcript imported into a
// recording through the preview dialog (a broken cue skipped with its line named, a file that is
// no WebVTT refused), and a
// project archive with its video exported through the save dialog and imported into a second,
// fresh VKZ (another test host with its own data folder).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { makeFixture } from '../support/media-fixtures';
import { createCycleWithRecording, expect, invoke, setResearcherName, test } from './fixtures';

const TEAMS_VTT = `WEBVTT

8c1f7e0e-4b7d-4f4a-9a3e-2f9d4c1b6a10/11-0
00:00:01.120 --> 00:00:03.480
<v Petra Bakker>Goedemorgen, fijn dat je er bent.</v>

8c1f7e0e-4b7d-4f4a-9a3e-2f9d4c1b6a10/12-0
00:00:03.900 --> 00:00:06.250
<v Jan de Vries>Ik wéét het niet, eerlijk gezegd.</v>

8c1f7e0e-4b7d-4f4a-9a3e-2f9d4c1b6a10/13-0
00:00:06.500 --> 00:00:09.500
<v Petra Bakker>Wat zou je willen bereiken
in de komende maanden?</v>
`;

/** A second VKZ: another test host on its own data folder. */
async function startSecondHost(): Promise<{ url: string; dataDir: string; child: ChildProcess; queueDialog(paths: string[]): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vkz-e2e-data-b-'));
  const child = spawn(process.execPath, ['out/host/host.js'], {
    env: { ...process.env, VKZ_DATA_DIR: dataDir, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(buffer);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`second test host exited with ${code}`)));
  });
  return {
    url,
    dataDir,
    child,
    async queueDialog(paths) {
      const response = await fetch(new URL('/__test/dialog', url), { method: 'POST', body: JSON.stringify({ paths }) });
      if (!response.ok) throw new Error(`dialog: ${response.status}`);
    },
  };
}

test('a Teams transcript becomes transcript notes with speakers; a broken cue is skipped naming its line; a non-WebVTT file is refused', async ({ page, host, mediaDir }) => {
  const video = await makeFixture('playable-mp4', mediaDir, { durationSec: 20 });
  await page.goto(host.url);
  await setResearcherName(page, 'Onderzoeker Anna');
  const { cycle } = await createCycleWithRecording(page, (p) => host.queueDialog(p), video, '2026-03-02');
  await page.goto(`${host.url}#/cycle/${cycle.id}`);
  await expect(page.getByRole('tab', { name: /Video 1 · playable/ })).toBeVisible();

  // A file that is no WebVTT at all: a clear message naming the line, and nothing added.
  const broken = path.join(mediaDir, 'kapot.vtt');
  writeFileSync(broken, TEAMS_VTT.replace('WEBVTT', 'WEBVT'));
  await host.queueDialog([broken]);
  await page.getByRole('button', { name: 'Importeer transcript' }).click();
  const refused = page.getByRole('dialog', { name: 'Transcript niet ingelezen' });
  await expect(refused).toBeVisible();
  await expect(refused.getByRole('alert')).toContainText('‘kapot.vtt’ kan niet worden ingelezen: regel 1 klopt niet.');
  await expect(refused).toContainText('Een WebVTT-bestand begint met de regel WEBVTT.');
  await expect(refused).toContainText('Er is niets toegevoegd.');
  await refused.getByRole('button', { name: 'Sluiten' }).click();
  await expect(page.getByTestId('note')).toHaveCount(0);

  // One cue with a broken time: skipped with its line named (as a browser would), the rest read.
  const oneBad = path.join(mediaDir, 'een-kapotte-regel.vtt');
  writeFileSync(oneBad, TEAMS_VTT.replace('00:00:03.900 --> 00:00:06.250', '00:00:03,900 --> 00:00:06,250'));
  await host.queueDialog([oneBad]);
  await page.getByRole('button', { name: 'Importeer transcript' }).click();
  const partial = page.getByRole('dialog', { name: 'Transcript importeren in video 1' });
  await expect(partial.getByTestId('transcript-skipped')).toContainText('Overgeslagen, want de tijd is niet te lezen (1)');
  await expect(partial.getByLabel('Regel 8')).toContainText('00:00:03,900 --> 00:00:06,250');
  await expect(partial.getByTestId('transcript-skipped')).toContainText('een punt voor de milliseconden');
  await expect(partial.getByTestId('transcript-line')).toHaveCount(2);
  await partial.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.getByTestId('note')).toHaveCount(0);

  // The Teams file: reviewed in the preview, speakers renamed to roles, then added.
  const teams = path.join(mediaDir, 'teams.vtt');
  writeFileSync(teams, TEAMS_VTT);
  await host.queueDialog([teams]);
  await page.getByRole('button', { name: 'Importeer transcript' }).click();
  const preview = page.getByRole('dialog', { name: 'Transcript importeren in video 1' });
  await expect(preview).toBeVisible();
  await expect(preview).toContainText('‘teams.vtt’: 3 regels, 2 sprekers.');
  await expect(preview.getByTestId('transcript-line')).toHaveCount(3);
  await preview.getByLabel('Nieuwe naam voor Petra Bakker').fill('KM');
  await preview.getByLabel('Nieuwe naam voor Jan de Vries').fill('C');
  await expect(preview.getByTestId('transcript-line').nth(1)).toContainText('C');
  await preview.getByLabel('Regel op 0:06 toevoegen').uncheck();
  await preview.getByRole('button', { name: '2 regels toevoegen' }).click();
  await expect(preview).toBeHidden();

  const notes = page.getByTestId('note');
  await expect(notes).toHaveCount(2);
  await expect(notes.nth(0)).toContainText('KM:');
  await expect(notes.nth(0)).toContainText('Goedemorgen, fijn dat je er bent.');
  await expect(notes.nth(1)).toContainText('C:');
  await expect(notes.nth(1)).toContainText('Ik wéét het niet, eerlijk gezegd.');
  await expect(page.getByText('Jan de Vries')).toHaveCount(0);

  // Stored, not just shown: still there after a reload.
  await page.reload();
  await expect(page.getByTestId('note')).toHaveCount(2);
});

test('a project archive with its video goes from one VKZ to a fresh one', async ({ page, host, mediaDir }) => {
  const video = await makeFixture('playable-mp4', mediaDir, { durationSec: 20 });
  await page.goto(host.url);
  await setResearcherName(page, 'Onderzoeker Anna');
  const { cycle, recordingId } = await createCycleWithRecording(page, (p) => host.queueDialog(p), video, '2026-03-02');
  await invoke(page, 'notes.create', { recordingId, timeSec: 4, kind: 'observation', text: 'Ze kijkt weg als het over werk gaat.' });
  await invoke(page, 'fragments.create', { recordingId, inSec: 2, outSec: 8, title: 'Het begin', themes: ['authenticity'] });

  // Export from the "Rapport & export" page, with the video.
  await page.goto(`${host.url}#/cycle/${cycle.id}/export`);
  const panel = page.getByTestId('exchange-panel');
  await expect(panel).toBeVisible();
  // For others (the default) a video never goes along; for the team it may, after a plain warning.
  await expect(panel.getByLabel(/Inclusief video's/)).toBeDisabled();
  await panel.getByRole('radio', { name: /Voor het onderzoeksteam/ }).check();
  await panel.getByLabel(/Inclusief video's/).check();
  const archive = path.join(mediaDir, 'KM-1 Cliënt A.vkz');
  await host.queueSaveDialog(archive);
  await panel.getByRole('button', { name: 'Archief exporteren…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Compleet archief voor het onderzoeksteam?' });
  await expect(confirm).toContainText('niet gepseudonimiseerd');
  await expect(confirm).toContainText('feedback waarvan de cliënt zei: niet delen');
  await expect(confirm).toContainText("en de video's");
  await confirm.getByRole('button', { name: 'Ja, compleet archief maken' }).click();
  await expect(panel.getByTestId('exchange-archive-status')).toHaveText(`Opgeslagen: ${archive}`);
  expect(statSync(archive).size).toBeGreaterThan(statSync(video).size);

  // A colleague's fresh VKZ imports it from the library.
  const second = await startSecondHost();
  try {
    const other = await page.context().newPage();
    await other.goto(second.url);
    await setResearcherName(other, 'Onderzoeker Bram');
    await expect(other.getByText('Nog geen trajecten')).toBeVisible();
    await second.queueDialog([archive]);
    await other.getByRole('button', { name: 'Project importeren…' }).click();
    const summary = other.getByRole('dialog', { name: 'Project geïmporteerd' });
    await expect(summary).toBeVisible();
    await expect(summary).toContainText('KM-1 · Cliënt A, van Onderzoeker Anna');
    await expect(summary.getByTestId('import-archive-kind')).toHaveText(/Compleet archief voor het onderzoeksteam/);
    await expect(summary).toContainText('1 video overgenomen');
    await expect(summary).toContainText('Geen conflicten');
    await summary.getByRole('button', { name: 'Sluiten' }).click();

    await expect(other.getByRole('heading', { name: 'KM-1 · Cliënt A' })).toBeVisible();
    await other.getByRole('button', { name: 'Gesprek 1' }).click();
    await expect(other.getByRole('tab', { name: /Video 1 · playable/ })).toBeVisible();
    await expect(other.getByTestId('note')).toContainText('Ze kijkt weg als het over werk gaat.');
    await expect(other.getByTestId('recording-info')).not.toContainText('niet gevonden');
    // The imported video plays from the new data folder.
    await expect
      .poll(() => other.evaluate(() => document.querySelector('video')?.readyState ?? 0), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(1);
    expect(statSync(path.join(second.dataDir, 'media', `${recordingId}.mp4`)).size).toBe(statSync(video).size);
    await other.close();
  } finally {
    second.child.kill('SIGTERM');
    rmSync(second.dataDir, { recursive: true, force: true });
  }
});
