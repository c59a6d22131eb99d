// Records for the exchange tests: a session with two video files, notes by two researchers.
import type { Fragment, Note, NoteKind, Recording } from '../../../shared/domain';
import { parseFramework, type Framework } from '../../../shared/framework';

let counter = 0;
function uuid(): string {
  counter++;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
}

const CYCLE = '10000000-0000-4000-8000-000000000001';
export const REC1 = '20000000-0000-4000-8000-000000000001';
export const REC2 = '20000000-0000-4000-8000-000000000002';

export function recording(id: string, position: number, filePath: string, durationSec = 1800): Recording {
  const fileName = filePath.split(/[\\/]/).pop() ?? filePath;
  return {
    id,
    createdAt: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-03-01T10:00:00.000Z',
    author: 'Onderzoeker A',
    cycleId: CYCLE,
    position,
    fileName,
    filePath,
    media: { durationSec, formatName: 'mov,mp4', sizeBytes: 1000, video: null, audio: null },
    proxyReason: null,
    proxyState: 'not-needed',
    proxyProgress: 0,
    proxyError: null,
    missing: false,
    mediaUrl: null,
    mediaType: 'video/mp4',
  };
}

export function note(timeSec: number, kind: NoteKind, text: string, opts: Partial<Note> = {}): Note {
  return {
    id: uuid(),
    createdAt: '2025-03-02T09:00:00.000Z',
    updatedAt: '2025-03-02T09:30:00.000Z',
    author: 'Onderzoeker A',
    cycleId: CYCLE,
    recordingId: REC1,
    timeSec,
    kind,
    text,
    speaker: '',
    ...opts,
  };
}

export function fragment(inSec: number, outSec: number, title: string, opts: Partial<Fragment> = {}): Fragment {
  return {
    id: uuid(),
    createdAt: '2025-03-02T11:00:00.000Z',
    updatedAt: '2025-03-02T11:00:00.000Z',
    author: 'Onderzoeker B',
    cycleId: CYCLE,
    recordingId: REC1,
    inSec,
    outSec,
    title,
    note: '',
    valence: 'positive',
    themes: [],
    forClient: false,
    forCaseManager: true,
    stillSec: null,
    ...opts,
  };
}

const q = (id: string) => ({ id, text: { nl: id, en: id } });

export const framework: Framework = parseFramework(
  {
    id: 'kijkwijzer-test',
    version: 1,
    name: { nl: 'Kijkwijzer', en: 'Viewing guide' },
    description: { nl: '', en: '' },
    themes: [
      { id: 'authenticity', kind: 'focused', order: 1, label: { nl: 'Echtheid (tegenover sociale wenselijkheid)', en: 'Authenticity' }, short: { nl: 'Echtheid', en: 'Authenticity' }, questions: [q('a1')] },
      { id: 'shared-goal', kind: 'focused', order: 2, label: { nl: 'Gezamenlijk doel', en: 'Shared goal' }, short: { nl: 'Doel', en: 'Shared goal' }, questions: [q('g1')] },
    ],
    questionSets: {},
  },
  'test',
);
