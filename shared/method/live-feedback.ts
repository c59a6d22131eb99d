// Agendas refer to the client's feedback; they keep no copy of it. An item refers to all the
// feedback on its fragment or theme, "niet delen" included, and what it shows is looked up in the
// live records and passed through sharing.ts whenever the agenda is read. So a sharing change
// counts at once in both directions (withdrawn and shared later) in the agenda, review mode and
// everything made from them, without regenerating.
import type { Language } from '../domain';
import type { Agenda, AgendaItem, ClientFeedback, CycleMethod } from './model';
import { feedbackForOutside } from './sharing';

/** The ids of the feedback that may leave the interview now (sharing.ts decides). */
function outsideIds(records: readonly ClientFeedback[]): Set<string> {
  return new Set(feedbackForOutside(records, '').map((f) => f.id));
}

/**
 * What the item has shown at some time. Records made before agendas referred to private
 * feedback have no such list: they referred only to feedback shared when they were built.
 */
function shownBefore(item: AgendaItem): Set<string> {
  return new Set(item.shownFeedbackIds ?? item.feedbackIds);
}

function liveItem(item: AgendaItem, records: ReadonlyMap<string, ClientFeedback>, clientLabel: string, lang: Language): AgendaItem {
  const referred = item.feedbackIds.flatMap((id) => records.get(id) ?? []);
  const feedback = feedbackForOutside(referred, clientLabel, lang);
  const out = new Set(feedback.map((f) => f.id));
  const shown = shownBefore(item);
  // Withdrawn: it was on the agenda and the client withholds it now. Feedback that was always
  // private, or that was deleted, is not something the client took back.
  const withdrawnFeedback = referred.filter((f) => shown.has(f.id) && !out.has(f.id)).length;
  return { ...item, feedback, withdrawnFeedback };
}

/** The agenda with each item's feedback as the client allows it now. */
export function agendaWithLiveFeedback(
  agenda: Agenda,
  records: readonly ClientFeedback[],
  clientLabel: string,
  lang: Language,
): Agenda {
  const byId = new Map(records.map((f) => [f.id, f]));
  return { ...agenda, items: agenda.items.map((item) => liveItem(item, byId, clientLabel, lang)) };
}

/** Both agendas of a method record with live feedback (see agendaWithLiveFeedback). */
export function methodWithLiveFeedback(method: CycleMethod, clientLabel: string, lang: Language): CycleMethod {
  const live = (agenda: Agenda | null) => agenda && agendaWithLiveFeedback(agenda, method.feedback, clientLabel, lang);
  return { ...method, interviewAgenda: live(method.interviewAgenda), reflectionAgenda: live(method.reflectionAgenda) };
}

/**
 * A client-feedback item with no feedback the client allows out now (read with live feedback):
 * all of it is private, or was withdrawn. Its title alone ("Feedback van de cliënt over: …")
 * says the client said something on that theme, and a meeting note on it may retell what was
 * withdrawn; so outputs for others (the report, the archive for others) leave it out, with the
 * notes and answers attached to it.
 */
export function hasNothingToShare(item: AgendaItem): boolean {
  return item.source.kind === 'feedback' && item.feedback.length === 0;
}

/**
 * A client-feedback item with nothing to show (read with live feedback): nothing to share, and
 * none of it was ever on the agenda (so there is no "withdrawn" notice to show either). It stays
 * in the record, so that sharing later brings it back, but no screen or output shows it (no
 * empty heading).
 */
export function isSilentFeedbackItem(item: AgendaItem): boolean {
  return hasNothingToShare(item) && item.withdrawnFeedback === 0;
}

/** The agenda as it is shown: without silent feedback items (see isSilentFeedbackItem). */
export function visibleAgenda(agenda: Agenda): Agenda {
  return { ...agenda, items: agenda.items.filter((item) => !isSilentFeedbackItem(item)) };
}

/**
 * A stored agenda read with the live records, for code that needs only which items show or
 * share something (no attribution labels are read).
 */
function liveForChecks(agenda: Agenda, records: readonly ClientFeedback[]): Agenda {
  return agendaWithLiveFeedback(agenda, records, '', agenda.lang);
}

/** The items of a stored agenda that the screens show (see isSilentFeedbackItem). */
export function shownItemIds(agenda: Agenda, records: readonly ClientFeedback[]): Set<string> {
  return new Set(visibleAgenda(liveForChecks(agenda, records)).items.map((item) => item.id));
}

/** The items of a stored agenda that outputs for others leave out (see hasNothingToShare). */
export function itemIdsWithNothingToShare(agenda: Agenda, records: readonly ClientFeedback[]): Set<string> {
  return new Set(liveForChecks(agenda, records).items.filter(hasNothingToShare).map((item) => item.id));
}

function referenceOnly(agenda: Agenda | null, records: readonly ClientFeedback[]): Agenda | null {
  if (!agenda) return null;
  const held = new Set(records.map((f) => f.id));
  const out = outsideIds(records);
  return {
    ...agenda,
    items: agenda.items.map((item) => {
      // Records written before agendas referred to feedback carry only the copies.
      const all = item.feedbackIds.length > 0 ? item.feedbackIds : item.feedback.map((f) => f.id);
      const shown = shownBefore({ ...item, feedbackIds: all });
      // Only feedback the record holds: an archive for others drops the private records, and
      // their references go with them.
      const feedbackIds = all.filter((id) => held.has(id));
      return {
        ...item,
        feedbackIds,
        shownFeedbackIds: feedbackIds.filter((id) => shown.has(id) || out.has(id)),
        feedback: [],
        withdrawnFeedback: 0,
      };
    }),
  };
}

/**
 * The method record as it is stored: agendas hold references to feedback, no copies, and each
 * item remembers which of its feedback it has shown (for the withdrawn notice).
 */
export function methodForStorage(method: CycleMethod): CycleMethod {
  return {
    ...method,
    interviewAgenda: referenceOnly(method.interviewAgenda, method.feedback),
    reflectionAgenda: referenceOnly(method.reflectionAgenda, method.feedback),
  };
}
