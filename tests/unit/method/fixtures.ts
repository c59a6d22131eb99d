// Hand-built analyses for the method tests. Ids are readable strings; the method only needs
// them to be unique.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Framework, parseFramework } from '../../../shared/framework';
import {
  buildReflectionAgenda,
  type ClientFeedback,
  type CycleMethod,
  type FragmentLike,
  methodForStorage,
  newCycleMethod,
  type NoteLike,
  type RecordingLike,
} from '../../../shared/method';

export function shippedFramework(name: 'kijkwijzer' | 'samenleerwijzer'): Framework {
  const file = fileURLToPath(new URL(`../../../resources/frameworks/${name}.json`, import.meta.url));
  return parseFramework(JSON.parse(readFileSync(file, 'utf8')), file);
}

export const kijkwijzer = shippedFramework('kijkwijzer');

/** A predictable id generator: item-1, item-2 ... */
export function counterIds(prefix = 'item') {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

export const video1: RecordingLike = { id: 'rec-1', position: 1, fileName: 'gesprek.mp4' };
export const video2: RecordingLike = { id: 'rec-2', position: 2, fileName: 'gesprek-deel-2.mp4' };

export function fragment(id: string, fields: Partial<FragmentLike> = {}): FragmentLike {
  return {
    id,
    recordingId: video1.id,
    inSec: 0,
    outSec: 30,
    title: `Fragment ${id}`,
    note: '',
    valence: 'positive',
    themes: [],
    forClient: false,
    forCaseManager: false,
    ...fields,
  };
}

export function note(id: string, fields: Partial<NoteLike> = {}): NoteLike {
  return { id, recordingId: video1.id, timeSec: 0, kind: 'observation', text: `Notitie ${id}`, ...fields };
}

export function clientFeedback(id: string, fields: Partial<ClientFeedback> = {}): ClientFeedback {
  return {
    id,
    agendaItemId: null,
    fragmentId: null,
    themeId: null,
    text: `Feedback ${id}`,
    isQuote: false,
    sharing: 'share',
    speakerLabel: 'Cliënt A',
    ...fields,
  };
}

export const noIntake = { doubts: [], learningGoals: [] };

/**
 * A method record as the store keeps it: a Dutch reflection agenda built from these fragments
 * and the feedback `atBuild`, then the feedback as it is now (sharing may have changed since).
 */
export function storedMethod(fragments: FragmentLike[], atBuild: ClientFeedback[], feedback = atBuild): CycleMethod {
  const reflectionAgenda = buildReflectionAgenda({
    framework: kijkwijzer,
    lang: 'nl',
    intake: noIntake,
    fragments,
    notes: [],
    recordings: [video1],
    feedback: atBuild,
    clientLabel: 'Cliënt A',
    previousIntentions: [],
    newId: counterIds(),
  });
  return methodForStorage({ ...newCycleMethod('cycle-1', 'kijkwijzer'), feedback, reflectionAgenda });
}
