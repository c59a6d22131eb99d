// Scenes the browser tests start from, made through the API (the UI paths that make them are
// covered by workspace.spec.ts and method.spec.ts).
import type { Page } from '@playwright/test';
import { createCycleWithRecording, invoke } from './fixtures';

/** A trajectory with one cycle whose recording has two fragments and a question for the client. */
export async function annotatedCycle(page: Page, queueDialog: (paths: string[]) => Promise<void>, video: string) {
  const { trajectory, cycle, recordingId } = await createCycleWithRecording(page, queueDialog, video);
  const positive = await invoke(page, 'fragments.create', {
    recordingId,
    inSec: 2,
    outSec: 4,
    title: 'Cliënt vertelt over haar dochter',
    themes: ['authenticity'],
    valence: 'positive',
  });
  await invoke(page, 'fragments.update', { id: positive.id, patch: { forClient: true, forCaseManager: true } });
  const concern = await invoke(page, 'fragments.create', {
    recordingId,
    inSec: 6,
    outSec: 8.5,
    title: 'Klantmanager stelt zelf het doel voor',
    themes: ['shared-goal'],
    valence: 'concern',
  });
  await invoke(page, 'fragments.update', { id: concern.id, patch: { forCaseManager: true } });
  await invoke(page, 'notes.create', {
    recordingId,
    timeSec: 5,
    kind: 'question_client',
    text: 'Vraag voor de cliënt: hoe voelde het toen het over werk ging?',
  });
  return { trajectoryId: trajectory.id, cycleId: cycle.id, recordingId };
}
