// Agendas refer to the client's feedback; they keep no copy of it. The feedback an agenda item
// shows is looked up in the live records and passed through sharing.ts whenever the agenda is
// read, so a withdrawal (share -> niet delen) counts at once in the agenda, review mode and
// everything made from them, without regenerating.
import type { Language } from '../domain';
import type { Agenda, AgendaItem, ClientFeedback, CycleMethod } from './model';
import { feedbackForOutside } from './sharing';

function liveItem(item: AgendaItem, records: ReadonlyMap<string, ClientFeedback>, clientLabel: string, lang: Language): AgendaItem {
  const referred = item.feedbackIds.flatMap((id) => records.get(id) ?? []);
  const feedback = feedbackForOutside(referred, clientLabel, lang);
  return { ...item, feedback, withdrawnFeedback: item.feedbackIds.length - feedback.length };
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

function referenceOnly(agenda: Agenda | null): Agenda | null {
  if (!agenda) return null;
  return {
    ...agenda,
    items: agenda.items.map((item) => ({
      ...item,
      // Records written before agendas referred to feedback carry only the copies.
      feedbackIds: item.feedbackIds.length > 0 ? item.feedbackIds : item.feedback.map((f) => f.id),
      feedback: [],
      withdrawnFeedback: 0,
    })),
  };
}

/** The method record as it is stored: agendas hold references to feedback, no copies. */
export function methodForStorage(method: CycleMethod): CycleMethod {
  return { ...method, interviewAgenda: referenceOnly(method.interviewAgenda), reflectionAgenda: referenceOnly(method.reflectionAgenda) };
}
