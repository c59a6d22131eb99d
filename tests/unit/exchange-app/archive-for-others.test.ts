// The archive for others must look as if "niet delen" feedback never existed: no text, no item
// that says the client said something on a theme, no meeting note or answer about withdrawn
// feedback, and no hash of the full record.
import { describe, expect, it } from 'vitest';
import { archiveDataForOthers } from '../../../electron/services/exchange/archive-for-others';
import type { ArchiveData } from '../../../electron/services/exchange/archive-model';
import { type ClientFeedback, type CycleMethod, setItemNote } from '../../../shared/method';
import { clientFeedback, fragment, storedMethod } from '../method/fixtures';

const fragments = [fragment('frag', { forCaseManager: true, themes: ['authenticity'] })];
const T = '2026-03-01T10:00:00.000Z';
const stamps = { createdAt: T, updatedAt: T, author: 'Anna', syncedHash: 'a'.repeat(64) };

const stored = (atBuild: ClientFeedback[], feedback = atBuild) => storedMethod(fragments, atBuild, feedback);

function forOthers(method: CycleMethod): ArchiveData {
  const data = {
    trajectory: { id: 'traj-1', caseManager: 'KM-1', client: 'Cliënt A', ...stamps },
    reportSettings: null,
    cycles: [{ id: 'cycle-1', trajectoryId: 'traj-1', number: 1, title: '', date: null, ...stamps }],
    recordings: [],
    notes: [],
    fragments: [],
    alignments: [],
    methods: [{ cycleId: 'cycle-1', doc: method, ...stamps }],
  } as unknown as ArchiveData;
  return archiveDataForOthers(data, []).data;
}

const doc = (data: ArchiveData) => data.methods[0]!.doc;
const feedbackItemTitles = (method: CycleMethod) =>
  method.reflectionAgenda!.items.filter((i) => i.source.kind === 'feedback').map((i) => i.title);
const themeItemId = (method: CycleMethod, themeId: string | null) =>
  method.reflectionAgenda!.items.find((i) => i.source.kind === 'feedback' && i.source.refId === themeId)!.id;

describe('the archive for others', () => {
  it('does not reveal that the client gave "niet delen" feedback on a theme', () => {
    const withPrivate = forOthers(stored([clientFeedback('p', { themeId: 'shared-goal', sharing: 'private', text: 'GEHEIM' })]));
    const without = forOthers(stored([]));
    expect(JSON.stringify(withPrivate)).not.toContain('GEHEIM');
    expect(feedbackItemTitles(doc(withPrivate))).toEqual(feedbackItemTitles(doc(without)));
  });

  it('leaves out an item whose feedback was all withdrawn, with the meeting note and answers on it', () => {
    const shared = clientFeedback('w', { themeId: 'shared-goal', sharing: 'share', text: 'Eerst gedeeld' });
    const kept = clientFeedback('k', { themeId: null, sharing: 'share', text: 'Algemeen gedeeld' });
    const method = stored([shared, kept], [{ ...shared, sharing: 'private' }, kept]);
    const withdrawnItem = themeItemId(method, 'shared-goal');
    const generalItem = themeItemId(method, null);
    let outcome = setItemNote(method.outcome, withdrawnItem, 'Ze zei dat ze iets anders wil (NOTITIE-TERUG)');
    outcome = setItemNote(outcome, generalItem, 'Over het algemeen tevreden');
    const answer = (itemId: string, text: string) => ({ itemId, title: 'Feedback', text, discuss: true });
    const preparations = [
      { packageId: 'pkg-1', savedAt: T, importedAt: T, doubts: '', answers: [answer(withdrawnItem, 'ANTWOORD-TERUG'), answer(generalItem, 'Goed punt')] },
    ];

    const data = forOthers({ ...method, outcome, preparations });
    expect(feedbackItemTitles(doc(data))).toEqual(['Algemene feedback van de cliënt']);
    const out = JSON.stringify(data);
    for (const hidden of ['Eerst gedeeld', 'NOTITIE-TERUG', 'ANTWOORD-TERUG', `"${withdrawnItem}"`]) {
      expect(out).not.toContain(hidden);
    }
    for (const shown of ['Algemeen gedeeld', 'Over het algemeen tevreden', 'Goed punt', `"${generalItem}"`]) expect(out).toContain(shown);
  });

  it('carries no merge-log hashes of the full records', () => {
    const data = forOthers(stored([clientFeedback('p', { themeId: 'shared-goal', sharing: 'private', text: 'GEHEIM' })]));
    const records = [data.trajectory, ...data.cycles, ...data.methods];
    expect(records.map((r) => r.syncedHash)).toEqual(records.map(() => null));
    expect(JSON.stringify(data)).not.toContain('a'.repeat(64));
  });
});
