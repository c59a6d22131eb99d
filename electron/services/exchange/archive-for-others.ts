// The archive for others (not the research team): the same records, but
// - every text pseudonymised with the trajectory's list, and the list itself left out (it holds
//   the real names);
// - the client's feedback only as sharing.ts lets it out: "niet delen" feedback is left out,
//   anonymous feedback loses who said it; agendas keep references only (live-feedback.ts);
// - deleted notes and fragments, and undone alignment decisions, left out;
// - no local paths (an archive never holds them: recordings travel by file name only).
// Then the same guard as every other export: if a listed name is still anywhere, refuse.
import { createPseudonymiser, PseudonymisationError, type Pseudonymiser, type PseudonymList } from '../../../shared/exchange/pseudonymise';
import { feedbackForOutside, methodForStorage, type ClientFeedback, type CycleMethod } from '../../../shared/method';
import type { ArchiveData } from './archive-model';
import { ExchangeError } from './exchange-error';

/** Keys whose values are identifiers, stamps or hashes, never text a person wrote. */
const NOT_TEXT = /^(id|.*Id|.*Ids|.*At|syncedHash|mediaEntry|sharing|kind|origin|valence|section|source)$/;

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
  return { doc: methodForStorage({ ...method, feedback }), withheld: method.feedback.length - feedback.length };
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
    return { ...m, doc: shared.doc };
  });
  const reduced: ArchiveData = {
    ...data,
    reportSettings: data.reportSettings && { ...data.reportSettings, pseudonyms: [] },
    notes: data.notes.filter((n) => n.deletedAt === null),
    fragments: data.fragments.filter((f) => f.deletedAt === null),
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
