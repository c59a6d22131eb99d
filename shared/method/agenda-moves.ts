// Moving agenda items, by keyboard (one place up or down) or by dragging (before or after another
// item, or into a section). Pure functions over an Agenda. An item that lands in another section
// counts as edited by the user, so regenerating the agenda leaves it where the user put it.
import { orderedItems } from './agenda-items';
import type { Agenda, AgendaItem } from './model';

type Where = { before: string } | { after: string } | { startOf: string } | { endOf: string };

function place(agenda: Agenda, id: string, where: Where): Agenda {
  const list = orderedItems(agenda);
  const item = list.find((i) => i.id === id);
  if (!item) return agenda;
  const rest = list.filter((i) => i.id !== id);
  let section = item.section;
  let at: number;
  if ('before' in where || 'after' in where) {
    const targetId = 'before' in where ? where.before : where.after;
    const target = rest.find((i) => i.id === targetId);
    if (!target) return agenda;
    section = target.section;
    at = rest.indexOf(target) + ('after' in where ? 1 : 0);
  } else if ('startOf' in where) {
    section = where.startOf;
    at = 0; // orderedItems keeps it first within its section
  } else {
    section = where.endOf;
    at = rest.length;
  }
  const moved: AgendaItem =
    section === item.section ? item : { ...item, section, userEdited: item.userEdited || item.origin === 'generated' };
  rest.splice(at, 0, moved);
  return { ...agenda, items: orderedItems({ sections: agenda.sections, items: rest }) };
}

/**
 * One place up (-1) or down (+1) among the items that are shown; at the edge of a section the
 * item goes to the end of the section before (or the start of the section after). Null when it
 * cannot move further.
 */
export function moveItemBy(agenda: Agenda, id: string, delta: -1 | 1, shown: (item: AgendaItem) => boolean): Agenda | null {
  const item = agenda.items.find((i) => i.id === id);
  if (!item) return null;
  const inSection = orderedItems(agenda).filter((i) => i.section === item.section && (shown(i) || i.id === id));
  const index = inSection.findIndex((i) => i.id === id);
  const neighbour = inSection[index + delta];
  if (neighbour) return place(agenda, id, delta < 0 ? { before: neighbour.id } : { after: neighbour.id });
  const sectionIndex = agenda.sections.findIndex((s) => s.id === item.section);
  const nextSection = agenda.sections[sectionIndex + delta];
  if (sectionIndex < 0 || !nextSection) return null;
  return place(agenda, id, delta < 0 ? { endOf: nextSection.id } : { startOf: nextSection.id });
}

export function moveItemNextTo(agenda: Agenda, id: string, targetId: string, side: 'before' | 'after'): Agenda {
  if (id === targetId) return agenda;
  return place(agenda, id, side === 'before' ? { before: targetId } : { after: targetId });
}

export function moveItemToSection(agenda: Agenda, id: string, sectionId: string): Agenda {
  return place(agenda, id, { endOf: sectionId });
}

/** Where an item is now: its place within its section (1-based) among the shown items. */
export function itemPosition(agenda: Agenda, id: string, shown: (item: AgendaItem) => boolean) {
  const item = agenda.items.find((i) => i.id === id);
  if (!item) return null;
  const inSection = orderedItems(agenda).filter((i) => i.section === item.section && (shown(i) || i.id === id));
  return { position: inSection.findIndex((i) => i.id === id) + 1, count: inSection.length, section: item.section };
}

/**
 * The given items to the front of their group, keeping their order among themselves: the items a
 * case manager wants to discuss come first. A group is a section, or within a section a theme
 * item and the items after it (the focused questions keep their themes' order). Unknown ids are
 * ignored.
 */
export function moveItemsToFront(agenda: Agenda, ids: readonly string[]): Agenda {
  const wanted = new Set(ids);
  let result = agenda;
  for (const item of orderedItems(agenda).filter((i) => wanted.has(i.id)).reverse()) {
    const list = orderedItems(result);
    const before = list.slice(0, list.findIndex((i) => i.id === item.id)).filter((i) => i.section === item.section);
    const theme = item.source.kind === 'theme' ? undefined : before.findLast((i) => i.source.kind === 'theme');
    result = place(result, item.id, theme ? { after: theme.id } : { startOf: item.section });
  }
  return result;
}
