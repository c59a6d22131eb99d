// The same short path in the real desktop app (Playwright's _electron). Electron downloads its
// binary on first use; where none is installed (or can't be), this test says so and is skipped.
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeFixture } from '../support/media-fixtures';

/** Finds the Electron binary without triggering electron's download-on-require. */
function electronBinary(): string | null {
  const pkg = path.resolve('node_modules/electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = path.join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

const binary = electronBinary();

// In the release workflow Electron must run: there a missing binary is a failure, not a skip.
if (binary === null && process.env.VKZ_REQUIRE_ELECTRON === '1') {
  throw new Error('VKZ_REQUIRE_ELECTRON=1 but there is no Electron binary in node_modules/electron/dist.');
}

async function launch(dataDir: string) {
  return electron.launch({
    executablePath: binary!,
    args: ['.', ...(process.env.CI ? ['--no-sandbox'] : [])],
    env: { ...process.env, VKZ_DATA_DIR: dataDir },
  });
}

test.describe('desktop app', () => {
  test.skip(
    binary === null,
    'No Electron binary in node_modules/electron/dist (its download is blocked on this machine); run `node node_modules/electron/install.js` (as the release workflow does) on a machine that can download it.',
  );

  test('opens the library, adds a video, writes a note, all inside Electron', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vkz-electron-data-'));
    const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'vkz-electron-media-'));
    const video = await makeFixture('playable-mp4', mediaDir, { durationSec: 20 });
    // Chromium's own network log, from the first moment: every request the app makes is in it.
    const netLog = path.join(dataDir, 'net-log.json');
    const app = await electron.launch({
      executablePath: binary!,
      args: ['.', `--log-net-log=${netLog}`, ...(process.env.CI ? ['--no-sandbox'] : [])],
      env: { ...process.env, VKZ_DATA_DIR: dataDir },
    });
    try {
      const page = await app.firstWindow();
      // Security settings as configured, read from the running app.
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const wc = BrowserWindow.getAllWindows()[0]!.webContents;
        return { url: wc.getURL(), node: typeof (globalThis as { require?: unknown }).require };
      });
      expect(prefs.url.startsWith('vkz://app/')).toBe(true);
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => (window as unknown as { vkz: { shell: string } }).vkz.shell)).toBe('electron');

      const settings = page.getByRole('dialog', { name: 'Instellingen' });
      await settings.getByLabel('Jouw naam (auteur van notities)').fill('Onderzoeker E');
      await settings.getByRole('button', { name: 'Opslaan' }).click();

      await page.getByRole('button', { name: '+ Nieuw traject' }).click();
      await page.getByLabel('Klantmanager (pseudoniem)').fill('KM-E');
      await page.getByLabel('Cliënt (pseudoniem)').fill('Cliënt E');
      await page.getByLabel('Cliënt (pseudoniem)').press('Enter');
      await page.getByRole('button', { name: '+ Nieuwe cyclus' }).click();
      await page.getByLabel('Titel').press('Enter');
      await page.getByRole('button', { name: 'Gesprek 1' }).click();

      // The native dialog can't be clicked by a test: answer it from the main process.
      await app.evaluate(({ dialog }, file) => {
        dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [file] })) as typeof dialog.showOpenDialog;
      }, video);
      await page.getByRole('button', { name: '+ Opname toevoegen' }).first().click();
      await expect(page.getByRole('tab', { name: /Video 1/ })).toBeVisible();
      await expect
        .poll(() => page.evaluate(() => (window as any).__vkzPlayer.mediaElement.readyState))
        .toBeGreaterThan(0);

      await page.locator('body').click({ position: { x: 5, y: 300 } });
      await page.keyboard.press('n');
      await page.getByLabel('Tekst').fill('Notitie in de desktop-app');
      await page.getByLabel('Tekst').press('Enter');
      await expect(page.getByTestId('note')).toHaveCount(1);

      // No request leaves the machine.
      const outside = await page.evaluate(() =>
        fetch('https://example.org/').then(
          () => 'reached',
          () => 'blocked',
        ),
      );
      expect(outside).toBe('blocked');

      // A page in the app cannot navigate away or open windows.
      await page.evaluate(() => window.open('https://example.org'));
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
    }
    try {
      // Nothing went out: no request in the network log to anywhere but this machine. Typing a
      // note above gave the spellchecker (dictionary downloads off: security.ts) its chance.
      const log = existsSync(netLog) ? readFileSync(netLog, 'utf8') : '';
      const outbound = [...log.matchAll(/"url":"((?:https?|wss?):\/\/[^"]+)"/g)]
        .map((m) => m[1]!)
        .filter((url) => !/^(?:https?|wss?):\/\/(?:127\.0\.0\.1|localhost|\[::1\])[:/]/.test(url));
      expect(log.length).toBeGreaterThan(0);
      expect(outbound).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(mediaDir, { recursive: true, force: true });
    }
  });

  test('a damaged database opens the recovery window, not a silent process', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vkz-electron-data-'));
    writeFileSync(path.join(dataDir, 'vkz.sqlite'), 'this is not a database');
    const app = await launch(dataDir);
    try {
      const page = await app.firstWindow();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Het gegevensbestand is beschadigd');
      await expect(page.getByRole('button', { name: 'Afsluiten' })).toBeVisible();
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('a report is printed to PDF by the hidden window, loaded through the app protocol', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vkz-electron-data-'));
    const target = path.join(dataDir, 'rapport.pdf');
    const app = await launch(dataDir);
    try {
      const page = await app.firstWindow();
      const call = (channel: string, request: unknown) =>
        page.evaluate(
          async ([c, r]) => {
            const result = (await (window as any).vkz.invoke(c, r)) as { ok: boolean; value?: any; error?: unknown };
            if (!result.ok) throw new Error(JSON.stringify(result.error));
            return result.value;
          },
          [channel, request] as const,
        );
      await call('settings.update', { authorName: 'Onderzoeker P' });
      const trajectory = await call('trajectories.create', { caseManager: 'KM-P', client: 'Cliënt P' });
      const cycle = await call('cycles.create', { trajectoryId: trajectory.id, title: 'Gesprek 1', date: '2025-02-01' });
      await app.evaluate(({ app: electronApp, dialog }, file) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
        (globalThis as any).__loaded = [] as string[];
        electronApp.on('browser-window-created', (_event, window) => {
          window.webContents.on('did-start-navigation', (details) => (globalThis as any).__loaded.push(details.url));
        });
      }, target);
      const exported = await call('report.export', { cycleId: cycle.id, scope: 'cycle', format: 'pdf', lang: 'nl' });
      expect(exported.path).toBe(target);
      expect(readFileSync(target).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const loaded = await app.evaluate(() => (globalThis as any).__loaded as string[]);
      expect(loaded.length).toBeGreaterThan(0);
      for (const url of loaded) expect(url.startsWith('vkz://app/__print/')).toBe(true);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
