// Regenerating an agenda without losing the user's work. A generated item is matched to its
// previous version by source (kind + refId); see mergeAgenda for the rules.
import { orderedItems, sourceKey } from './agenda-items';
import type { Agenda, AgendaItem, AgendaSection } from './model';

/**
 * The previous version of a matched item wins on what the user decides; the generated version
 * wins on facts (fragment times, feedback). Feedback items are always rebuilt from the feedback
 * records: the client may have changed their sharing choice, and an edit made earlier must not
 * carry words the client has since withdrawn.
 */
function mergeMatched(prev: AgendaItem, gen: AgendaItem): AgendaItem {
  const keepUserText = prev.userEdited && gen.source.kind !== 'feedback';
  const merged: AgendaItem = {
    ...gen,
    id: prev.id,
    plannedMinutes: prev.plannedMinutes,
    removed: prev.removed,
    userEdited: keepUserText,
    orphaned: false,
  };
  if (!keepUserText) return merged;
  return {
    ...merged,
    title: prev.title,
    text: prev.text,
    questions: prev.questions,
    subQuestions: prev.subQuestions,
    section: prev.section,
  };
}

/** Whether an item whose source is gone is worth keeping (flagged) rather than dropping. */
function keepOrphan(prev: AgendaItem): boolean {
  // Feedback that no longer comes out of sharing.ts (made private, deleted) must go, always.
  if (prev.source.kind === 'feedback') return false;
  if (prev.removed) return false;
  return prev.userEdited || prev.plannedMinutes !== null;
}

/** Previous sections still used by kept items, slotted in after their previous neighbour. */
function mergeSections(generated: AgendaSection[], previous: AgendaSection[], items: AgendaItem[]): AgendaSection[] {
  const sections = [...generated];
  const used = new Set(items.map((i) => i.section));
  previous.forEach((section, i) => {
    if (!used.has(section.id) || sections.some((s) => s.id === section.id)) return;
    const before = previous
      .slice(0, i)
      .reverse()
      .find((p) => sections.some((s) => s.id === p.id));
    const at = before ? sections.findIndex((s) => s.id === before.id) + 1 : 0;
    sections.splice(at, 0, section);
  });
  return sections;
}

/**
 * Merges a freshly generated agenda into the previous one:
 * - the user's own items (origin 'user', e.g. free items) are kept as they are;
 * - matched items keep their id, position, planned minutes and removal; when the user edited
 *   them (userEdited) also their title, text, questions and section; facts are refreshed;
 * - an unedited matched item whose section or theme changed (a fragment re-tagged) moves to
 *   where the generator puts it; an edited one stays where it is;
 * - new generated items go after their nearest generated predecessor in the same section
 *   (else before their nearest successor, else at the end of the section);
 * - items whose source is gone are kept with orphaned: true when the user edited them or
 *   planned minutes for them, and dropped otherwise; feedback items are always dropped.
 */
export function mergeAgenda(generated: Agenda, previous?: Agenda | null): Agenda {
  if (!previous) return generated;
  if (previous.kind !== generated.kind) {
    throw new Error(`mergeAgenda: cannot merge a ${generated.kind} agenda into a ${previous.kind} agenda`);
  }

  const genItems = orderedItems(generated);
  const genByKey = new Map(genItems.map((item) => [sourceKey(item.source), item]));
  const matched = new Set<string>();
  const placedByKey = new Map<string, AgendaItem>();
  const toPlace = new Map<string, AgendaItem>();
  const result: AgendaItem[] = [];

  for (const prev of orderedItems(previous)) {
    if (prev.origin === 'user') {
      result.push(prev);
      continue;
    }
    const key = sourceKey(prev.source);
    const gen = genByKey.get(key);
    if (gen && !matched.has(key)) {
      matched.add(key);
      const merged = mergeMatched(prev, gen);
      // The generator moved it (fragment re-tagged): an unedited item follows; an edited one stays.
      const moved = merged.section !== prev.section || (!merged.userEdited && merged.themeId !== prev.themeId);
      if (moved) {
        toPlace.set(key, merged);
      } else {
        result.push(merged);
        placedByKey.set(key, merged);
      }
    } else if (keepOrphan(prev)) {
      result.push({ ...prev, orphaned: true, feedback: [], feedbackIds: [], shownFeedbackIds: [] });
    }
  }

  genItems.forEach((gen, index) => {
    const key = sourceKey(gen.source);
    const item = toPlace.get(key) ?? (matched.has(key) ? undefined : gen);
    if (!item) return;
    const sameSection = (other: AgendaItem) => other.section === item.section;
    // A sibling counts only where it now is in the same section (the user may have moved it).
    const placedSibling = (g: AgendaItem) => {
      const placed = placedByKey.get(sourceKey(g.source));
      return placed && sameSection(placed) ? placed : undefined;
    };
    const before = genItems.slice(0, index).reverse().map(placedSibling).find((p) => p !== undefined);
    const after = genItems.slice(index + 1).map(placedSibling).find((p) => p !== undefined);
    let at: number;
    if (before) {
      at = result.indexOf(before) + 1;
    } else if (after) {
      at = result.indexOf(after);
    } else {
      const lastInSection = result.map(sameSection).lastIndexOf(true);
      at = lastInSection >= 0 ? lastInSection + 1 : result.length;
    }
    result.splice(at, 0, item);
    placedByKey.set(key, item);
  });

  const sections = mergeSections(generated.sections, previous.sections, result);
  return { ...generated, sections, items: orderedItems({ sections, items: result }) };
}
