// Making agenda items and reading an agenda in display order.
import type { Language } from '../domain';
import { type FrameworkQuestion, localText } from '../framework';
import type { Agenda, AgendaItem, AgendaSource } from './model';

/** A new id; callers (and tests) may pass their own generator. */
export type NewId = () => string;
export const randomId: NewId = () => globalThis.crypto.randomUUID();

type GeneratedFields = Pick<AgendaItem, 'source' | 'section' | 'title'> &
  Partial<Omit<AgendaItem, 'id' | 'origin' | 'source' | 'section' | 'title'>>;

/** An item as a generator makes it: not edited, not removed, no planned minutes. */
export function generatedItem(newId: NewId, fields: GeneratedFields): AgendaItem {
  return {
    id: newId(),
    origin: 'generated',
    themeId: null,
    text: '',
    questions: [],
    subQuestions: [],
    fragmentId: null,
    valence: null,
    replay: null,
    anchor: null,
    feedback: [],
    plannedMinutes: null,
    userEdited: false,
    removed: false,
    orphaned: false,
    withdrawnFeedback: 0,
    feedbackIds: [],
    shownFeedbackIds: [],
    ...fields,
  };
}

/** A user's own item ("free"), kept as it is by every regeneration. */
export function newFreeItem(
  section: string,
  fields: { title: string; text?: string; questions?: string[]; plannedMinutes?: number | null },
  newId: NewId = randomId,
): AgendaItem {
  const source: AgendaSource = { kind: 'free', refId: null };
  return {
    ...generatedItem(newId, { source, section, title: fields.title }),
    origin: 'user',
    text: fields.text ?? '',
    questions: fields.questions ?? [],
    plannedMinutes: fields.plannedMinutes ?? null,
    userEdited: true,
  };
}

/** The identity of a generated item across regenerations. */
export function sourceKey(source: AgendaSource): string {
  return `${source.kind}:${source.refId ?? ''}`;
}

/**
 * Items in display order: by section in the agenda's section order (unknown sections last),
 * keeping the items' order within a section.
 */
export function orderedItems(agenda: Pick<Agenda, 'sections' | 'items'>): AgendaItem[] {
  const sectionIndex = new Map(agenda.sections.map((s, i) => [s.id, i]));
  const indexOf = (item: AgendaItem) => sectionIndex.get(item.section) ?? agenda.sections.length;
  return agenda.items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => indexOf(a.item) - indexOf(b.item) || a.i - b.i)
    .map(({ item }) => item);
}

/** Minutes planned for the items still on the agenda (removed items don't count). */
export function plannedMinutesTotal(agenda: Pick<Agenda, 'items'>): number {
  return agenda.items.reduce((sum, item) => sum + (item.removed ? 0 : (item.plannedMinutes ?? 0)), 0);
}

/** How many items still on the agenda have no planned minutes yet. */
export function itemsWithoutMinutes(agenda: Pick<Agenda, 'items'>): number {
  return agenda.items.filter((item) => !item.removed && item.plannedMinutes === null).length;
}

/** Framework questions as agenda text in the agenda's language. */
export function questionTexts(questions: readonly FrameworkQuestion[], lang: Language): string[] {
  return questions.map((q) => localText(q.text, lang));
}
