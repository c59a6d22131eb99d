// The archive for others (not the research team): the same records, but
// - every text pseudonymised with the trajectory's list, and the list itself left out (it holds
//   the real names);
// - the client's feedback only as sharing.ts lets it out: "niet delen" feedback is left out,
//   anonymous feedback loses who said it; agendas keep references only (live-feedback.ts), and
//   a client-feedback item with nothing to share goes, with its meeting note and the case
//   manager's answers on it (its title alone would say the client said something on a theme);
// - no merge-log hashes (syncedHash): they are hashes of the full records, and the receiver
//   never had those versions, so they could only confirm a guess at what was left out;
// - deleted notes and fragments, and undone alignment decisions, left out;
// - no local paths (an archive never holds them: recordings travel by file name only).
// Then the same guard as every other export: if a listed name is still anywhere, refuse.
import { createPseudonymiser, PseudonymisationError, type Pseudonymiser, type PseudonymList } from '../../../shared/exchange/pseudonymise';
import {
  type Agenda,
  type ClientFeedback,
  type CycleMethod,
  feedbackForOutside,
  itemIdsWithNothingToShare,
  methodForStorage,
} from '../../../shared/method';
import type { ArchiveData } from './archive-model';
import { ExchangeError } from './exchange-error';

/** Keys whose values are identifiers, stamps or hashes, never text a person wrote. */
const NOT_TEXT = /^(id|.*Id|.*Ids|.*At|mediaEntry|sharing|kind|origin|valence|section|source)$/;

function pseudonymiseDeep<T>(value: T, p: Pseudonymiser, key = ''): T {
  if (typeof value === 'string') return (NOT_TEXT.test(key) ? value : p.pseudonymise(value)) as T;
  if (Array.isArray(value)) return value.map((v) => pseudonymiseDeep(v, p, key)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pseudonymiseDeep(v, p, k)])) as T;
  }
  return value;
}

function feedbackForOthers(method: CycleMethod, clientLabel: string): { doc: CycleMethod; withheld: number } {
  const outside = new Map(feedbackForOutside(method.feedback, clientLabel, method.reflectionAgenda?.lang ?? 'nl').map((f) => [f.id, f]));
  const feedback: ClientFeedback[] = method.feedback.flatMap((f) => {
    const shared = outside.get(f.id);
    if (!shared) return [];
    return [{ ...f, text: shared.text, isQuote: shared.isQuote, speakerLabel: shared.attribution ?? '' }];
  });
  const dropped = new Set(
    [method.interviewAgenda, method.reflectionAgenda].flatMap((agenda) => (agenda ? [...itemIdsWithNothingToShare(agenda, method.feedback)] : [])),
  );
  const kept = (agenda: Agenda | null) => agenda && { ...agenda, items: agenda.items.filter((i) => !dropped.has(i.id)) };
  const doc: CycleMethod = {
    ...method,
    feedback,
    interviewAgenda: kept(method.interviewAgenda),
    reflectionAgenda: kept(method.reflectionAgenda),
    outcome: { ...method.outcome, itemNotes: method.outcome.itemNotes.filter((n) => !dropped.has(n.agendaItemId)) },
    preparations: method.preparations.map((p) => ({ ...p, answers: p.answers.filter((a) => !dropped.has(a.itemId)) })),
  };
  return { doc: methodForStorage(doc), withheld: method.feedback.length - feedback.length };
}

function unsynced<T extends { syncedHash: string | null }>(record: T): T {
  return { ...record, syncedHash: null };
}

export interface ArchiveForOthers {
  data: ArchiveData;
  /** How many pieces of "niet delen" feedback were left out. */
  withheld: number;
}

export function archiveDataForOthers(data: ArchiveData, pseudonyms: PseudonymList): ArchiveForOthers {
  const p = createPseudonymiser(pseudonyms);
  let withheld = 0;
  const methods = data.methods.map((m) => {
    const shared = feedbackForOthers(m.doc, data.trajectory.client);
    withheld += shared.withheld;
    return unsynced({ ...m, doc: shared.doc });
  });
  const reduced: ArchiveData = {
    ...data,
    trajectory: unsynced(data.trajectory),
    reportSettings: data.reportSettings && unsynced({ ...data.reportSettings, pseudonyms: [] }),
    cycles: data.cycles.map(unsynced),
    recordings: data.recordings.map(unsynced),
    notes: data.notes.filter((n) => n.deletedAt === null).map(unsynced),
    fragments: data.fragments.filter((f) => f.deletedAt === null).map(unsynced),
    alignments: data.alignments.filter((a) => a.deletedAt === null),
    methods,
  };
  const out = pseudonymiseDeep(reduced, p);
  const left = p.findListedNames(JSON.stringify(out));
  if (left.length > 0) {
    const error = new PseudonymisationError([{ where: 'the archive for others', names: left }]);
    throw new ExchangeError('pseudonyms-incomplete', error.message, { names: left.join(', '), where: 'the archive for others' });
  }
  return { data: out, withheld };
}
