// Alignment decisions in a project archive: older archives have none, and a decision that
// points outside the archive is refused before anything is merged.
import { describe, expect, it } from 'vitest';
import { ArchiveData, archiveReferenceProblem } from '../../../electron/services/exchange/archive-model';

const T = '2026-03-01T10:00:00.000Z';
const TRAJECTORY = '11111111-1111-4111-8111-111111111111';
const CYCLE = '22222222-2222-4222-8222-222222222222';
const OTHER_CYCLE = '33333333-3333-4333-8333-333333333333';
const RECORDING = '44444444-4444-4444-8444-444444444444';
const OTHER_RECORDING = '55555555-5555-4555-8555-555555555555';
const stamps = { createdAt: T, updatedAt: T, author: 'Anna', syncedHash: null };
const MEDIA = { durationSec: 60, formatName: 'mp4', sizeBytes: 1, video: null, audio: null };

function data(alignments?: unknown[]) {
  return {
    trajectory: { id: TRAJECTORY, caseManager: 'KM-1', client: 'Cliënt A', ...stamps },
    reportSettings: null,
    cycles: [CYCLE, OTHER_CYCLE].map((id, i) => ({ id, trajectoryId: TRAJECTORY, number: i + 1, title: '', date: null, ...stamps })),
    recordings: [
      [RECORDING, CYCLE],
      [OTHER_RECORDING, OTHER_CYCLE],
    ].map(([id, cycleId]) => ({ id, cycleId, position: 1, fileName: 'a.mp4', media: MEDIA, proxyReason: null, mediaEntry: null, ...stamps })),
    notes: [],
    fragments: [],
    methods: [],
    ...(alignments ? { alignments } : {}),
  };
}

const decision = (recordingId: string) => ({
  id: '66666666-6666-4666-8666-666666666666',
  createdAt: T,
  updatedAt: T,
  author: 'Anna',
  cycleId: CYCLE,
  recordingId,
  subject: 'fragments',
  sourceIds: ['77777777-7777-4777-8777-777777777777'],
  action: 'discussed',
  resultId: null,
  comment: '',
  authors: ['Anna'],
  deletedAt: null,
});

describe('alignment decisions in an archive', () => {
  it('an archive made before alignment existed reads as one without decisions', () => {
    expect(ArchiveData.parse(data()).alignments).toEqual([]);
  });

  it('accepts a decision on a recording of its own cycle', () => {
    const parsed = ArchiveData.parse(data([decision(RECORDING)]));
    expect(archiveReferenceProblem(parsed, { kind: 'trajectory', trajectoryId: TRAJECTORY })).toBeNull();
  });

  it('refuses a decision pointing at a recording of another cycle', () => {
    const parsed = ArchiveData.parse(data([decision(OTHER_RECORDING)]));
    expect(archiveReferenceProblem(parsed, { kind: 'trajectory', trajectoryId: TRAJECTORY })).toMatch(/alignment decision .* outside its cycle/);
  });

  it.each([
    ['an unknown action', { action: 'vote' }],
    ['no originals', { sourceIds: [] }],
    ['an id that is not a UUID', { resultId: '../../etc' }],
    ['an extra field', { evil: true }],
  ])('refuses %s', (_name, change) => {
    expect(ArchiveData.safeParse(data([{ ...decision(RECORDING), ...change }])).success).toBe(false);
  });
});
