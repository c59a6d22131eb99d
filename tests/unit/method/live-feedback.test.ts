// Agendas refer to all the feedback of a fragment or theme, private included; what they show is
// decided when they are read. So a sharing change counts at once in both directions, the
// "withdrawn" notice counts only what was on the agenda, and a theme whose feedback is all
// private shows nothing at all.
import { describe, expect, it } from 'vitest';
import {
  type Agenda,
  type ClientFeedback,
  type CycleMethod,
  isSilentFeedbackItem,
  methodForStorage,
  methodWithLiveFeedback,
  visibleAgenda,
} from '../../../shared/method';
import { clientFeedback, fragment, storedMethod } from './fixtures';

const fragments = [fragment('frag', { forCaseManager: true, themes: ['authenticity'] })];

function built(feedback: ClientFeedback[]): CycleMethod {
  // As the store keeps it, then as the app reads it.
  return storedMethod(fragments, feedback);
}

/** The client changes one sharing choice; the record is saved (no regeneration). */
function withSharing(method: CycleMethod, id: string, sharing: ClientFeedback['sharing']): CycleMethod {
  return methodForStorage({ ...method, feedback: method.feedback.map((f) => (f.id === id ? { ...f, sharing } : f)) });
}

const read = (method: CycleMethod): Agenda => methodWithLiveFeedback(method, 'Cliënt A', 'nl').reflectionAgenda!;
const fragmentItem = (agenda: Agenda) => agenda.items.find((i) => i.fragmentId === 'frag')!;
const themeItem = (agenda: Agenda, themeId: string) =>
  agenda.items.find((i) => i.source.kind === 'feedback' && i.source.refId === themeId)!;
const shownTexts = (agenda: Agenda) => visibleAgenda(agenda).items.flatMap((i) => i.feedback.map((f) => f.text));

describe('live feedback: private at generation, shared later', () => {
  const stored = built([
    clientFeedback('on-frag', { fragmentId: 'frag', sharing: 'private', text: 'Daar schrok ik van.' }),
    clientFeedback('on-theme', { themeId: 'shared-goal', sharing: 'private', text: 'Ik wil eigenlijk iets anders.' }),
  ]);

  it('shows neither text nor an empty block while everything is private', () => {
    const agenda = read(stored);
    expect(JSON.stringify(agenda)).not.toContain('schrok');
    expect(JSON.stringify(agenda)).not.toContain('iets anders');
    expect(fragmentItem(agenda).withdrawnFeedback).toBe(0);
    // The theme's feedback item is kept as a reference, but nothing shows it.
    expect(isSilentFeedbackItem(themeItem(agenda, 'shared-goal'))).toBe(true);
    expect(visibleAgenda(agenda).items.filter((i) => i.source.kind === 'feedback')).toEqual([]);
  });

  it('shows the feedback at once when the client shares it, without regenerating', () => {
    const agenda = read(withSharing(withSharing(stored, 'on-frag', 'share'), 'on-theme', 'anonymous'));
    expect(fragmentItem(agenda).feedback.map((f) => f.text)).toEqual(['Daar schrok ik van.']);
    expect(themeItem(agenda, 'shared-goal').feedback.map((f) => f.text)).toEqual(['Ik wil eigenlijk iets anders.']);
    expect(visibleAgenda(agenda).items.some((i) => i.source.refId === 'shared-goal')).toBe(true);
    expect(fragmentItem(agenda).withdrawnFeedback).toBe(0);
  });

  it('counts it as withdrawn once it was shown on the agenda and is made private again', () => {
    const shared = withSharing(stored, 'on-theme', 'share');
    const again = read(withSharing(shared, 'on-theme', 'private'));
    const item = themeItem(again, 'shared-goal');
    expect(item.feedback).toEqual([]);
    expect(item.withdrawnFeedback).toBe(1);
    // The notice keeps the block on screen; the words are gone.
    expect(isSilentFeedbackItem(item)).toBe(false);
    expect(JSON.stringify(again)).not.toContain('iets anders');
  });
});

describe('live feedback: shared at generation, withdrawn later', () => {
  const stored = built([
    clientFeedback('open', { fragmentId: 'frag', text: 'Ik voelde me gehoord.' }),
    clientFeedback('secret', { fragmentId: 'frag', text: 'GEHEIM-TERUGGETROKKEN' }),
    clientFeedback('always-private', { fragmentId: 'frag', sharing: 'private', text: 'GEHEIM-ALTIJD' }),
  ]);

  it('counts only what was on the agenda and is withheld now, not what was always private', () => {
    const agenda = read(withSharing(stored, 'secret', 'private'));
    expect(fragmentItem(agenda).feedback.map((f) => f.text)).toEqual(['Ik voelde me gehoord.']);
    expect(fragmentItem(agenda).withdrawnFeedback).toBe(1);
    expect(JSON.stringify(agenda)).not.toContain('GEHEIM');
    expect(shownTexts(agenda)).toEqual(['Ik voelde me gehoord.', 'Ik voelde me gehoord.']);
  });

  it('does not count feedback that was deleted as withdrawn by the client', () => {
    const agenda = read(methodForStorage({ ...stored, feedback: stored.feedback.filter((f) => f.id !== 'secret') }));
    expect(fragmentItem(agenda).withdrawnFeedback).toBe(0);
  });
});

describe('live feedback: records stored before agendas referred to all feedback', () => {
  const feedback = [
    clientFeedback('open', { fragmentId: 'frag', text: 'Ik voelde me gehoord.' }),
    clientFeedback('secret', { fragmentId: 'frag', text: 'GEHEIM-TERUGGETROKKEN' }),
  ];
  const current = built(feedback);
  // An older record: its items name only the feedback that was shared when it was built, and
  // have no list of what they showed.
  const legacy: CycleMethod = {
    ...current,
    reflectionAgenda: {
      ...current.reflectionAgenda!,
      items: current.reflectionAgenda!.items.map(({ shownFeedbackIds: _, ...item }) => item),
    },
  };

  it('counts a withdrawal from such a record (everything it referred to was shown)', () => {
    const agenda = read(withSharing(legacy, 'secret', 'private'));
    expect(fragmentItem(agenda).feedback.map((f) => f.id)).toEqual(['open']);
    expect(fragmentItem(agenda).withdrawnFeedback).toBe(1);
  });

  it('reads a record that kept copies of the feedback instead of references', () => {
    const copies: CycleMethod = {
      ...legacy,
      reflectionAgenda: {
        ...legacy.reflectionAgenda!,
        items: legacy.reflectionAgenda!.items.map((item) => ({
          ...item,
          feedbackIds: [],
          feedback: item.feedbackIds.map((id) => ({ id, agendaItemId: null, fragmentId: 'frag', themeId: null, text: 'oude kopie', isQuote: false, paraphrase: false, attribution: null })),
        })),
      },
    };
    const stored = methodForStorage(copies);
    expect(JSON.stringify(stored.reflectionAgenda)).not.toContain('oude kopie');
    const agenda = read(withSharing(stored, 'secret', 'private'));
    expect(fragmentItem(agenda).feedback.map((f) => f.id)).toEqual(['open']);
    expect(fragmentItem(agenda).withdrawnFeedback).toBe(1);
  });
});

describe('methodForStorage', () => {
  it('keeps references only to feedback the record holds (an archive for others drops private records)', () => {
    const stored = built([
      clientFeedback('open', { fragmentId: 'frag', text: 'Ik voelde me gehoord.' }),
      clientFeedback('secret', { fragmentId: 'frag', sharing: 'private', text: 'GEHEIM' }),
    ]);
    expect(fragmentItem(stored.reflectionAgenda!).feedbackIds).toEqual(['open', 'secret']);
    const withoutPrivate = methodForStorage({ ...stored, feedback: stored.feedback.filter((f) => f.sharing !== 'private') });
    expect(JSON.stringify(withoutPrivate)).not.toContain('secret');
  });
});
