// Moving agenda items by keyboard and by dragging.
import { describe, expect, it } from 'vitest';
import {
  buildReflectionAgenda,
  itemPosition,
  mergeAgenda,
  moveItemBy,
  moveItemNextTo,
  moveItemToSection,
  orderedItems,
  type Agenda,
} from '../../../shared/method';
import { counterIds, fragment, kijkwijzer, video1 } from './fixtures';

function agenda(): Agenda {
  return buildReflectionAgenda({
    framework: kijkwijzer,
    lang: 'nl',
    intake: { doubts: [{ id: 'd1', text: 'Was ik te sturend?' }, { id: 'd2', text: 'Te snel naar werk?' }], learningGoals: [] },
    fragments: [fragment('f1', { themes: ['authenticity'], forCaseManager: true })],
    notes: [],
    recordings: [video1],
    feedback: [],
    previousIntentions: [],
    newId: counterIds(),
  });
}
const all = () => true;
const titles = (a: Agenda, section: string) => orderedItems(a).filter((i) => i.section === section).map((i) => i.text || i.title);

describe('moving agenda items', () => {
  it('moves an item one place down and back up within its section', () => {
    const a = agenda();
    const first = orderedItems(a)[0]!;
    const down = moveItemBy(a, first.id, 1, all)!;
    expect(titles(down, first.section)).toEqual(['Te snel naar werk?', 'Was ik te sturend?']);
    expect(itemPosition(down, first.id, all)).toMatchObject({ position: 2, count: 2 });
    const up = moveItemBy(down, first.id, -1, all)!;
    expect(titles(up, first.section)).toEqual(['Was ik te sturend?', 'Te snel naar werk?']);
  });

  it('crosses into the neighbouring section at a section edge, and stops at the very top', () => {
    const a = agenda();
    const [first, second] = orderedItems(a);
    expect(moveItemBy(a, first!.id, -1, all)).toBeNull();
    const moved = moveItemBy(a, second!.id, 1, all)!;
    const item = moved.items.find((i) => i.id === second!.id)!;
    expect(item.section).not.toBe(second!.section);
    expect(item.userEdited).toBe(true);
  });

  it('drops an item before another one, or at the end of a section', () => {
    const a = agenda();
    const items = orderedItems(a);
    const last = items.at(-1)!;
    const before = moveItemNextTo(a, last.id, items[0]!.id, 'before');
    expect(orderedItems(before)[0]!.id).toBe(last.id);
    const sectionId = a.sections[0]!.id;
    const toEnd = moveItemToSection(a, items[0]!.id, sectionId);
    expect(orderedItems(toEnd).filter((i) => i.section === sectionId).at(-1)!.id).toBe(items[0]!.id);
  });

  it('keeps a moved item where the user put it when the agenda is regenerated', () => {
    const a = agenda();
    const first = orderedItems(a)[0]!;
    const moved = moveItemBy(a, first.id, 1, all)!;
    const regenerated = mergeAgenda(agenda(), moved);
    expect(titles(regenerated, first.section)).toEqual(['Te snel naar werk?', 'Was ik te sturend?']);
  });
});
