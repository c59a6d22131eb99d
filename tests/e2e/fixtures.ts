// Playwright fixtures: a fresh test host (built renderer + backend over HTTP, real SQLite, real
// ffmpeg) with its own data folder for every test, and a folder of generated media.
import { test as base, expect, type Page } from '@playwright/test';
import type { Channel, RequestOf, ResponseOf } from '../../shared/contract';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestHost {
  url: string;
  dataDir: string;
  /** What the next "add recording" file dialog returns. */
  queueDialog(paths: string[]): Promise<void>;
  /** What the next save dialog returns (null: the user cancels). */
  queueSaveDialog(path: string | null): Promise<void>;
  /** Waits until no proxy is being made. */
  idle(): Promise<void>;
  restart(): Promise<void>;
}

/** Starts a test host on `dataDir` (tests that prepare the folder first use it directly). */
export async function startHost(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['out/host/host.js'], {
    env: { ...process.env, ...env, VKZ_DATA_DIR: dataDir, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(buffer);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`test host exited with ${code}`)));
  });
  return { child, url };
}

export const test = base.extend<{ host: TestHost; mediaDir: string }>({
  // eslint-disable-next-line no-empty-pattern
  mediaDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vkz-e2e-media-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vkz-e2e-data-'));
    let running = await startHost(dataDir);
    const post = async (route: string, body: unknown) => {
      const response = await fetch(new URL(route, running.url), { method: 'POST', body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`${route}: ${response.status}`);
    };
    const host: TestHost = {
      get url() {
        return running.url;
      },
      dataDir,
      queueDialog: (paths) => post('/__test/dialog', { paths }),
      queueSaveDialog: (path) => post('/__test/save-dialog', { path }),
      idle: () => post('/__test/idle', {}),
      async restart() {
        running.child.kill('SIGKILL');
        running = await startHost(dataDir);
      },
    };
    await use(host);
    running.child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** The first start asks for the researcher's name; fill it in. */
export async function setResearcherName(page: Page, name: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Instellingen' });
  await expect(dialog).toBeVisible();
  const nameField = dialog.getByLabel('Jouw naam (auteur van notities)');
  await nameField.fill(name);
  // A click, as a user does: the dialog keeps room for its tool table and backup list, which arrive
  // a moment after it opens, so Opslaan doesn't move under the pointer (layout.spec.ts checks).
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();
}

/** The playhead time as the player element reports it. */
export async function playheadTime(page: Page): Promise<number> {
  return page.evaluate(() => {
    const player = (window as unknown as { __vkzPlayer?: { currentTime(): number } }).__vkzPlayer;
    return player ? player.currentTime() : Number.NaN;
  });
}

/** Calls the backend the way the page does (`window.vkz.invoke`); throws on an error value. */
export async function invoke<C extends Channel>(page: Page, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await page.evaluate(
    ([c, r]) => (window as unknown as { vkz: { invoke(c: string, r: unknown): Promise<unknown> } }).vkz.invoke(c, r),
    [channel, request] as const,
  );
  const typed = result as { ok: true; value: ResponseOf<C> } | { ok: false; error: { message: string } };
  if (!typed.ok) throw new Error(`${channel}: ${typed.error.message}`);
  return typed.value;
}

/** A trajectory (KM-1 · Cliënt A) with one cycle and one recording, made through the API for
 * tests whose subject comes after that (the UI path is covered by workspace.spec.ts). */
export async function createCycleWithRecording(
  page: Page,
  queueDialog: (paths: string[]) => Promise<void>,
  video: string,
  date = '2025-03-10',
) {
  const trajectory = await invoke(page, 'trajectories.create', { caseManager: 'KM-1', client: 'Cliënt A' });
  const cycle = await invoke(page, 'cycles.create', { trajectoryId: trajectory.id, title: 'Gesprek 1', date });
  await queueDialog([video]);
  const { added } = await invoke(page, 'recordings.addViaDialog', { cycleId: cycle.id });
  return { trajectory, cycle, recordingId: added[0]!.id };
}
