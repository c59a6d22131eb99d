// What the reflection meeting produced, and what it hands to the next cycle.
import type { MeetingOutcome, TextItem } from './model';

export function emptyMeetingOutcome(): MeetingOutcome {
  return { date: null, itemNotes: [], takeaways: [], intentions: [], evaluation: '' };
}

/** A copy with the note for one agenda item set (an empty text removes it). */
export function setItemNote(outcome: MeetingOutcome, agendaItemId: string, text: string): MeetingOutcome {
  const others = outcome.itemNotes.filter((n) => n.agendaItemId !== agendaItemId);
  return { ...outcome, itemNotes: text.trim() === '' ? others : [...others, { agendaItemId, text }] };
}

export function itemNote(outcome: MeetingOutcome, agendaItemId: string): string {
  return outcome.itemNotes.find((n) => n.agendaItemId === agendaItemId)?.text ?? '';
}

/**
 * The intentions (voornemens) the next cycle opens with. Ids are kept, so the next reflection
 * agenda's intention items stay matched when it is regenerated; empty ones are dropped.
 */
export function intentionsForNextCycle(previous: MeetingOutcome | null | undefined): TextItem[] {
  if (!previous) return [];
  return previous.intentions
    .map((i) => ({ id: i.id, text: i.text.trim() }))
    .filter((i) => i.text !== '');
}
