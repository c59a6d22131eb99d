import { describe, expect, it } from 'vitest';
import {
  type Agenda,
  type AgendaItem,
  buildInterviewAgenda,
  buildReflectionAgenda,
  type ClientFeedback,
  type FragmentLike,
  isBlockedAgenda,
  isSilentFeedbackItem,
  mergeAgenda,
  newFreeItem,
  type NoteLike,
  orderedItems,
  type ReflectionAgendaInput,
} from '../../../shared/method';
import { clientFeedback, counterIds, fragment, kijkwijzer, note, video1 } from './fixtures';

const baseFragments: FragmentLike[] = [
  fragment('A', { forCaseManager: true, themes: ['authenticity'], valence: 'positive', inSec: 100, outSec: 130 }),
  fragment('B', { forCaseManager: true, themes: ['authenticity'], valence: 'concern', inSec: 50, outSec: 80 }),
  fragment('C', { forCaseManager: true, themes: ['shared-goal'], valence: 'positive', inSec: 200, outSec: 230 }),
];
const baseNotes: NoteLike[] = [
  note('q1', { kind: 'question_case_manager', timeSec: 10, text: 'Waarom hier?' }),
  note('q2', { kind: 'question_case_manager', timeSec: 20, text: 'En hier?' }),
];
const baseFeedback: ClientFeedback[] = [
  clientFeedback('fb', { themeId: 'authenticity', text: 'Ze luistert echt.', isQuote: true }),
];

function reflection(fields: Partial<ReflectionAgendaInput>, previous?: Agenda, prefix = 'v1'): Agenda {
  return buildReflectionAgenda(
    {
      framework: kijkwijzer,
      lang: 'nl',
      intake: { doubts: [{ id: 'd1', text: 'Was ik te sturend?' }], learningGoals: [] },
      fragments: baseFragments,
      notes: baseNotes,
      recordings: [video1],
      feedback: baseFeedback,
      clientLabel: 'Cliënt A',
      previousIntentions: [],
      newId: counterIds(prefix),
      ...fields,
    },
    previous,
  );
}

const bySource = (agenda: Agenda, kind: string, refId: string | null) =>
  agenda.items.find((i) => i.source.kind === kind && i.source.refId === refId);

function edit(agenda: Agenda, kind: string, refId: string | null, patch: Partial<AgendaItem>): Agenda {
  return {
    ...agenda,
    items: agenda.items.map((i) => (i.source.kind === kind && i.source.refId === refId ? { ...i, ...patch } : i)),
  };
}

const sectionRefs = (agenda: Agenda, section: string) =>
  orderedItems(agenda)
    .filter((i) => i.section === section)
    .map((i) => i.source.refId ?? i.title);

describe('mergeAgenda', () => {
  const v1 = reflection({});

  it('changes nothing when regenerated from the same input (ids are kept)', () => {
    const again = reflection({}, v1, 'v2');
    expect(again).toEqual(v1);
  });

  it('returns the generated agenda when there is no previous one', () => {
    expect(mergeAgenda(v1, undefined)).toBe(v1);
    expect(mergeAgenda(v1, null)).toBe(v1);
  });

  it("keeps the user's text edits but refreshes the facts", () => {
    const edited = edit(v1, 'fragment', 'A', { title: 'Het moment van de glimlach', questions: ['Wat zag je?'], userEdited: true });
    const moved = baseFragments.map((f) => (f.id === 'A' ? { ...f, inSec: 105, outSec: 140, title: 'Nieuwe titel' } : f));
    const v2 = reflection({ fragments: moved }, edited, 'v2');
    const item = bySource(v2, 'fragment', 'A');
    expect(item).toMatchObject({
      id: bySource(v1, 'fragment', 'A')?.id,
      title: 'Het moment van de glimlach',
      questions: ['Wat zag je?'],
      userEdited: true,
      replay: { inSec: 105, outSec: 140, label: '1:45 – 2:20' },
    });
  });

  it('refreshes unedited items from the generator', () => {
    const retitled = baseFragments.map((f) => (f.id === 'A' ? { ...f, title: 'Nieuwe titel' } : f));
    expect(bySource(reflection({ fragments: retitled }, v1, 'v2'), 'fragment', 'A')?.title).toBe('Nieuwe titel');
  });

  it('keeps removed items removed', () => {
    const v2 = reflection({}, edit(v1, 'theme', 'flow', { removed: true }), 'v2');
    expect(bySource(v2, 'theme', 'flow')?.removed).toBe(true);
  });

  it("keeps the user's order", () => {
    // The user moves concern B above positive A, and the results theme to the top of the open questions.
    const reordered = { ...v1, items: [...v1.items] };
    const move = (kind: string, refId: string, beforeRefId: string) => {
      const from = reordered.items.findIndex((i) => i.source.kind === kind && i.source.refId === refId);
      const [item] = reordered.items.splice(from, 1);
      const to = reordered.items.findIndex((i) => i.source.refId === beforeRefId);
      reordered.items.splice(to, 0, item!);
    };
    move('fragment', 'B', 'A');
    move('theme', 'results', 'flow');
    const v2 = reflection({}, reordered, 'v2');
    expect(sectionRefs(v2, 'focused-questions').slice(0, 3)).toEqual(['authenticity', 'B', 'A']);
    expect(sectionRefs(v2, 'open-questions')).toEqual(['results', 'flow', 'resistance', 'touching-moments']);
  });

  it('keeps planned minutes', () => {
    const v2 = reflection({}, edit(v1, 'fragment', 'B', { plannedMinutes: 8 }), 'v2');
    expect(bySource(v2, 'fragment', 'B')?.plannedMinutes).toBe(8);
  });

  it("keeps the user's free items where they put them", () => {
    const free = newFreeItem('closing', { title: 'Koffie', plannedMinutes: 5 }, () => 'free-1');
    const withFree = { ...v1, items: [...v1.items.filter((i) => i.section !== 'closing'), free, ...v1.items.filter((i) => i.section === 'closing')] };
    const v2 = reflection({}, withFree, 'v2');
    expect(sectionRefs(v2, 'closing')).toEqual(['Koffie', 'takeaways', 'evaluation']);
    expect(v2.items.find((i) => i.id === 'free-1')).toEqual(free);
  });

  it('adds new generated items at their place: after their predecessor in the same section', () => {
    // The user put B first; the new positive fragment D (after A in time) goes right after A.
    const reordered = edit(v1, 'fragment', 'B', {});
    const items = [...reordered.items];
    const b = items.findIndex((i) => i.source.refId === 'B');
    const a = items.findIndex((i) => i.source.refId === 'A');
    [items[a], items[b]] = [items[b]!, items[a]!];
    const withD = [
      ...baseFragments,
      fragment('D', { forCaseManager: true, themes: ['authenticity'], valence: 'positive', inSec: 300, outSec: 330 }),
      fragment('E', { forCaseManager: true, themes: ['authenticity'], valence: 'positive', inSec: 5, outSec: 10 }),
    ];
    const v2 = reflection({ fragments: withD }, { ...reordered, items }, 'v2');
    // E has no generated predecessor among the fragments but the theme item: it goes right after it.
    expect(sectionRefs(v2, 'focused-questions').slice(0, 5)).toEqual(['authenticity', 'E', 'B', 'A', 'D']);
    expect(bySource(v2, 'fragment', 'D')?.id).toMatch(/^v2-/);
  });

  it('adds a new section (other fragments) where the generator puts it', () => {
    const withOther = [...baseFragments, fragment('X', { forCaseManager: true, themes: [] })];
    const v2 = reflection({ fragments: withOther }, v1, 'v2');
    expect(v2.sections.map((s) => s.id)).toContain('other-fragments');
    expect(sectionRefs(v2, 'other-fragments')).toEqual(['X']);
  });

  it('moves an unedited fragment that was re-tagged, and leaves an edited one where it is', () => {
    const retagged = baseFragments.map((f) => (f.id === 'B' || f.id === 'A' ? { ...f, themes: ['shared-goal'] } : f));
    const v2 = reflection({ fragments: retagged }, edit(v1, 'fragment', 'A', { userEdited: true, title: 'Mijn titel' }), 'v2');
    expect(sectionRefs(v2, 'focused-questions')).toEqual([
      'authenticity',
      'A', // edited: stays, though it now belongs to shared goal
      'shared-goal',
      'C',
      'B', // unedited: moved under shared goal, positive C before concern B
      'intervention-logic',
    ]);
    expect(bySource(v2, 'fragment', 'A')?.themeId).toBe('shared-goal');
  });

  it('flags edited items whose source is gone, and drops unedited ones', () => {
    let prev = edit(v1, 'fragment', 'C', { plannedMinutes: 4 });
    prev = edit(prev, 'intake', 'd1', { text: 'Was ik te sturend, of juist te afwachtend?', userEdited: true });
    prev = edit(prev, 'note', 'q1', { removed: true, userEdited: true });
    const v2 = reflection(
      { fragments: baseFragments.filter((f) => f.id !== 'C' && f.id !== 'B'), notes: [], intake: { doubts: [], learningGoals: [] } },
      prev,
      'v2',
    );
    expect(bySource(v2, 'fragment', 'C')).toMatchObject({ orphaned: true, plannedMinutes: 4 });
    expect(bySource(v2, 'intake', 'd1')).toMatchObject({
      orphaned: true,
      text: 'Was ik te sturend, of juist te afwachtend?',
      section: 'learning-goals',
    });
    expect(bySource(v2, 'fragment', 'B')).toBeUndefined(); // unedited
    expect(bySource(v2, 'note', 'q2')).toBeUndefined(); // unedited
    expect(bySource(v2, 'note', 'q1')).toBeUndefined(); // removed by the user anyway
    expect(v2.items.filter((i) => i.orphaned)).toHaveLength(2);
  });

  it('un-flags an orphan when its source comes back', () => {
    const prev = edit(v1, 'fragment', 'C', { plannedMinutes: 4 });
    const gone = reflection({ fragments: baseFragments.filter((f) => f.id !== 'C') }, prev, 'v2');
    const back = reflection({}, gone, 'v3');
    expect(bySource(back, 'fragment', 'C')).toMatchObject({ orphaned: false, plannedMinutes: 4, id: bySource(v1, 'fragment', 'C')?.id });
  });

  it('keeps a section that only an orphan still uses', () => {
    const withOther = reflection({ fragments: [...baseFragments, fragment('X', { forCaseManager: true })] });
    const prev = edit(withOther, 'fragment', 'X', { userEdited: true, title: 'Bewaren' });
    const v2 = reflection({}, prev, 'v2');
    expect(v2.sections.map((s) => s.id)).toEqual(withOther.sections.map((s) => s.id));
    expect(bySource(v2, 'fragment', 'X')?.orphaned).toBe(true);
  });

  it('drops feedback the client withdrew, even from an edited item, and from orphans', () => {
    let prev = edit(v1, 'feedback', 'authenticity', { userEdited: true, text: 'Ze luistert echt. (Cliënt A)', plannedMinutes: 3 });
    const onFragment = [clientFeedback('on-c', { fragmentId: 'C', text: 'GEHEIM later' })];
    prev = reflection({ feedback: [...baseFeedback, ...onFragment] }, prev, 'v1b');
    prev = edit(prev, 'fragment', 'C', { userEdited: true });
    const withdrawn = baseFeedback.map((f) => ({ ...f, sharing: 'private' as const }));
    const v2 = reflection(
      { feedback: [...withdrawn, { ...onFragment[0]!, sharing: 'private' }], fragments: baseFragments.filter((f) => f.id !== 'C') },
      prev,
      'v2',
    );
    // The theme's feedback item stays as a reference, without the edit and shown by nothing.
    expect(bySource(v2, 'feedback', 'authenticity')).toMatchObject({ userEdited: false, feedback: [], withdrawnFeedback: 0 });
    expect(isSilentFeedbackItem(bySource(v2, 'feedback', 'authenticity')!)).toBe(true);
    expect(JSON.stringify(v2)).not.toContain('Ze luistert echt');
    expect(JSON.stringify(v2)).not.toContain('GEHEIM');
    expect(bySource(v2, 'fragment', 'C')).toMatchObject({ orphaned: true, feedback: [] });
  });

  it('rebuilds the text of feedback items rather than keeping an edit (sharing may have changed)', () => {
    const prev = edit(v1, 'feedback', 'authenticity', { userEdited: true, title: 'Wat Cliënt A zei', plannedMinutes: 3 });
    const anonymous = baseFeedback.map((f) => ({ ...f, sharing: 'anonymous' as const }));
    const item = bySource(reflection({ feedback: anonymous }, prev, 'v2'), 'feedback', 'authenticity');
    expect(item?.title).not.toContain('Cliënt A');
    expect(item).toMatchObject({ userEdited: false, plannedMinutes: 3 });
    expect(item?.feedback[0]).toMatchObject({ attribution: null, paraphrase: true });
  });

  it('regenerates the interview agenda the same way', () => {
    const make = (fragments: FragmentLike[], prefix: string, previous?: Agenda) => {
      const out = buildInterviewAgenda(
        { framework: kijkwijzer, lang: 'nl', fragments, notes: [], recordings: [video1], consent: 'yes', newId: counterIds(prefix) },
        previous,
      );
      if (isBlockedAgenda(out)) throw new Error('blocked');
      return out;
    };
    const f1 = fragment('f1', { forClient: true, themes: ['authenticity'], inSec: 10, outSec: 20 });
    const f2 = fragment('f2', { forClient: true, themes: ['shared-goal'], inSec: 5, outSec: 9 });
    const first = make([f1], 'i1');
    const edited = edit(first, 'question-set', 'interviewGeneral', { questions: ['Hoe gaat het met je?'], userEdited: true, plannedMinutes: 10 });
    const second = make([f1, f2], 'i2', edited);
    expect(orderedItems(second).map((i) => i.source.refId)).toEqual(['interviewGeneral', 'f1', 'f2', 'interviewClosing']);
    expect(bySource(second, 'question-set', 'interviewGeneral')).toMatchObject({ questions: ['Hoe gaat het met je?'], plannedMinutes: 10 });
  });

  it('refuses to merge agendas of different kinds', () => {
    const interview = buildInterviewAgenda({
      framework: kijkwijzer,
      lang: 'nl',
      fragments: [],
      notes: [],
      recordings: [],
      consent: 'yes',
    });
    if (isBlockedAgenda(interview)) throw new Error('blocked');
    expect(() => mergeAgenda(v1, interview)).toThrow(/cannot merge/);
  });
});
