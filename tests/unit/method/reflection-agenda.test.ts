import { describe, expect, it } from 'vitest';
import {
  type Agenda,
  buildReflectionAgenda,
  type ClientFeedback,
  emptyMeetingOutcome,
  feedbackForOutside,
  intentionsForNextCycle,
  isSilentFeedbackItem,
  orderedItems,
  type ReflectionAgendaInput,
  visibleAgenda,
} from '../../../shared/method';
import { clientFeedback, counterIds, fragment, kijkwijzer, noIntake, note, shippedFramework, video1 } from './fixtures';

function input(fields: Partial<ReflectionAgendaInput> = {}): ReflectionAgendaInput {
  return {
    framework: kijkwijzer,
    lang: 'nl',
    intake: noIntake,
    fragments: [],
    notes: [],
    recordings: [video1],
    feedback: [],
    clientLabel: 'Cliënt A',
    previousIntentions: [],
    newId: counterIds(),
    ...fields,
  };
}

const ids = (agenda: Agenda, section: string) =>
  orderedItems(agenda)
    .filter((i) => i.section === section)
    .map((i) => i.source.refId);

describe('buildReflectionAgenda: the pillars', () => {
  it('orders doubts and learning goals, analysis, client feedback, closing; no follow-up opening in a first cycle', () => {
    const agenda = buildReflectionAgenda(input());
    expect(agenda.kind).toBe('reflection');
    expect(agenda.sections.map((s) => s.id)).toEqual([
      'learning-goals',
      'open-questions',
      'focused-questions',
      'analysis-questions',
      'client-feedback',
      'closing',
    ]);
    expect(ids(agenda, 'closing')).toEqual(['takeaways', 'evaluation']);
  });

  it("(a) takes the case manager's doubts and learning goals from the intake", () => {
    const agenda = buildReflectionAgenda(
      input({
        intake: {
          doubts: [{ id: 'd1', text: 'Was ik te sturend?' }, { id: 'd2', text: '  ' }],
          learningGoals: [{ id: 'l1', text: 'Beter doorvragen' }],
        },
      }),
    );
    const items = orderedItems(agenda).filter((i) => i.section === 'learning-goals');
    expect(items.map((i) => [i.source, i.title, i.text])).toEqual([
      [{ kind: 'intake', refId: 'd1' }, 'Twijfel', 'Was ik te sturend?'],
      [{ kind: 'intake', refId: 'l1' }, 'Leervraag', 'Beter doorvragen'],
    ]);
  });

  it('(b) asks the open questions first, then the focused questions in the method order', () => {
    const agenda = buildReflectionAgenda(input());
    expect(ids(agenda, 'open-questions')).toEqual(['flow', 'resistance', 'touching-moments', 'results']);
    expect(ids(agenda, 'focused-questions')).toEqual(['authenticity', 'shared-goal', 'intervention-logic']);
    const logic = agenda.items.find((i) => i.source.refId === 'intervention-logic');
    expect(logic?.title).toBe('Interventielogica (actorschap)');
    expect(logic?.subQuestions).toHaveLength(3);
  });

  it('(b) puts each theme\'s fragments after it: positives before concerns, then by time', () => {
    const fragments = [
      fragment('concern-early', { forCaseManager: true, themes: ['authenticity'], valence: 'concern', inSec: 30, outSec: 60 }),
      fragment('positive-late', { forCaseManager: true, themes: ['authenticity'], valence: 'positive', inSec: 900, outSec: 930 }),
      fragment('positive-early', { forCaseManager: true, themes: ['authenticity'], valence: 'positive', inSec: 120, outSec: 150 }),
      fragment('concern-late', { forCaseManager: true, themes: ['authenticity'], valence: 'concern', inSec: 600, outSec: 630 }),
      fragment('goal', { forCaseManager: true, themes: ['shared-goal'], valence: 'concern', inSec: 0, outSec: 10 }),
      fragment('for-client-only', { forClient: true, themes: ['authenticity'] }),
    ];
    const agenda = buildReflectionAgenda(input({ fragments }));
    expect(ids(agenda, 'focused-questions')).toEqual([
      'authenticity',
      'positive-early',
      'positive-late',
      'concern-early',
      'concern-late',
      'shared-goal',
      'goal',
      'intervention-logic',
    ]);
    const item = agenda.items.find((i) => i.fragmentId === 'positive-early');
    expect(item).toMatchObject({ themeId: 'authenticity', valence: 'positive', replay: { label: '2:00 – 2:30' } });
    expect(item?.questions[0]).toBe('Wat gebeurt er hier volgens jou?');
  });

  it('(b) lists a fragment with several themes once, under its first theme in method order', () => {
    const fragments = [
      fragment('multi', { forCaseManager: true, themes: ['touching-moments', 'intervention-logic', 'shared-goal'] }),
      fragment('open-only', { forCaseManager: true, themes: ['resistance'] }),
      fragment('unknown-theme', { forCaseManager: true, themes: ['not-in-this-framework'] }),
    ];
    const agenda = buildReflectionAgenda(input({ fragments }));
    expect(agenda.items.filter((i) => i.fragmentId === 'multi').map((i) => i.themeId)).toEqual(['shared-goal']);
    expect(ids(agenda, 'open-questions')).toEqual(['flow', 'resistance', 'open-only', 'touching-moments', 'results']);
    // A fragment without a known theme is not lost.
    expect(agenda.sections.map((s) => s.id)).toContain('other-fragments');
    expect(ids(agenda, 'other-fragments')).toEqual(['unknown-theme']);
  });

  it("(b) adds the analysts' questions for the case manager", () => {
    const notes = [
      note('q', { kind: 'question_case_manager', timeSec: 371, text: 'Vraag voor de klantmanager: Wat wilde je hier bereiken?' }),
      note('c', { kind: 'question_client', timeSec: 10 }),
    ];
    const agenda = buildReflectionAgenda(input({ notes }));
    const items = agenda.items.filter((i) => i.section === 'analysis-questions');
    expect(items.map((i) => [i.title, i.questions])).toEqual([['Vraag bij 6:11', ['Wat wilde je hier bereiken?']]]);
  });

  it('works for a framework without focused themes (Samenleerwijzer)', () => {
    const fw = shippedFramework('samenleerwijzer');
    const agenda = buildReflectionAgenda(input({ framework: fw, fragments: [fragment('f', { forCaseManager: true, themes: ['fit'] })] }));
    expect(ids(agenda, 'open-questions')).toEqual(['collaboration', 'achievements', 'fit', 'f', 'other-topics']);
    expect(ids(agenda, 'focused-questions')).toEqual([]);
    expect(agenda.items.find((i) => i.fragmentId === 'f')?.questions[0]).toMatch(/^A\. /);
  });
});

describe('buildReflectionAgenda: (c) client feedback and the sharing choice', () => {
  const fragments = [fragment('frag', { forCaseManager: true, forClient: true, themes: ['authenticity'] })];
  const feedback: ClientFeedback[] = [
    clientFeedback('shared', { themeId: 'authenticity', text: 'Ze luistert echt naar me.', isQuote: true }),
    clientFeedback('anon', { themeId: 'shared-goal', sharing: 'anonymous', isQuote: true, text: 'Cliënt A wil eigenlijk iets anders.' }),
    clientFeedback('secret', { themeId: 'authenticity', sharing: 'private', text: 'GEHEIM: ik lieg soms tegen haar.' }),
    clientFeedback('on-fragment', { fragmentId: 'frag', themeId: null, text: 'Daar schrok ik van.' }),
    clientFeedback('secret-on-fragment', { fragmentId: 'frag', sharing: 'private', text: 'GEHEIM: ik was boos.' }),
    clientFeedback('general', { themeId: null, text: 'Het contact is goed.' }),
  ];
  const agenda = buildReflectionAgenda(input({ fragments, feedback }));

  it('groups shared feedback per theme, general first, in the agenda theme order', () => {
    const items = orderedItems(agenda).filter((i) => i.section === 'client-feedback');
    expect(items.map((i) => [i.source.refId, i.feedback.map((f) => f.id)])).toEqual([
      [null, ['general']],
      ['authenticity', ['shared', 'on-fragment']], // feedback on a fragment takes the fragment's theme
      ['shared-goal', ['anon']],
    ]);
    expect(items[1]?.title).toBe('Feedback van de cliënt over: Echtheid (tegenover sociale wenselijkheid)');
  });

  it("keeps attribution for 'share'", () => {
    const shared = agenda.items.flatMap((i) => i.feedback).find((f) => f.id === 'shared');
    expect(shared).toMatchObject({ attribution: 'Cliënt A', isQuote: true, paraphrase: false });
  });

  it("drops who said it for 'anonymous'", () => {
    const anon = agenda.items.flatMap((i) => i.feedback).find((f) => f.id === 'anon');
    expect(anon).toMatchObject({ attribution: null, isQuote: false, paraphrase: true, text: '[cliënt] wil eigenlijk iets anders.' });
  });

  it("never puts the words of 'private' feedback in the agenda, only a reference (so sharing later is live)", () => {
    expect(JSON.stringify(agenda)).not.toContain('GEHEIM');
    expect(agenda.items.flatMap((i) => i.feedback).map((f) => f.id)).not.toContain('secret');
    expect(agenda.items.find((i) => i.fragmentId === 'frag')?.feedbackIds).toEqual(['on-fragment', 'secret-on-fragment']);
  });

  it('puts the feedback given on a fragment with that fragment for replay', () => {
    const item = agenda.items.find((i) => i.fragmentId === 'frag');
    expect(item?.feedback.map((f) => f.id)).toEqual(['on-fragment']);
  });

  it('uses exactly what feedbackForOutside lets out (the function exports use too)', () => {
    const inAgenda = new Set(agenda.items.flatMap((i) => i.feedback).map((f) => f.id));
    expect([...inAgenda].sort()).toEqual(feedbackForOutside(feedback, 'Cliënt A').map((f) => f.id).sort());
  });

  it('shows no feedback section items when nothing may be shared (they wait as references)', () => {
    const none = buildReflectionAgenda(input({ feedback: [clientFeedback('p', { sharing: 'private' })] }));
    const items = none.items.filter((i) => i.section === 'client-feedback');
    expect(items.map((i) => i.feedbackIds)).toEqual([['p']]);
    expect(items.every(isSilentFeedbackItem)).toBe(true);
    expect(visibleAgenda(none).items.filter((i) => i.section === 'client-feedback')).toEqual([]);
  });
});

describe('buildReflectionAgenda: a follow-up cycle', () => {
  const previousOutcome = {
    ...emptyMeetingOutcome(),
    intentions: [
      { id: 'int-1', text: 'Eerst vragen wat de cliënt zelf wil' },
      { id: 'int-2', text: '   ' },
      { id: 'int-3', text: 'Samen een doel opschrijven' },
    ],
    takeaways: [{ id: 'tk', text: 'Niet invullen voor de ander' }],
  };

  it('carries the non-empty intentions, with their ids', () => {
    expect(intentionsForNextCycle(previousOutcome)).toEqual([
      { id: 'int-1', text: 'Eerst vragen wat de cliënt zelf wil' },
      { id: 'int-3', text: 'Samen een doel opschrijven' },
    ]);
    expect(intentionsForNextCycle(null)).toEqual([]);
  });

  it('opens with the follow-up questions and each previous intention', () => {
    const agenda = buildReflectionAgenda(input({ previousIntentions: intentionsForNextCycle(previousOutcome) }));
    expect(agenda.sections[0]).toEqual({ id: 'follow-up-opening', title: 'Terugblik op de vorige cyclus' });
    const opening = orderedItems(agenda).slice(0, 3);
    expect(opening.map((i) => i.source)).toEqual([
      { kind: 'question-set', refId: 'followUpOpening' },
      { kind: 'intention', refId: 'int-1' },
      { kind: 'intention', refId: 'int-3' },
    ]);
    expect(opening[0]?.questions[0]).toBe('Hoe ging het gesprek?');
    expect(opening[1]).toMatchObject({
      title: 'Voornemen',
      text: 'Eerst vragen wat de cliënt zelf wil',
      questions: ['Heb je dit in de praktijk gebracht?', 'Wat kwam eruit?'],
    });
  });

  it('opens a follow-up without intentions when asked to', () => {
    const agenda = buildReflectionAgenda(input({ followUp: true }));
    expect(ids(agenda, 'follow-up-opening')).toEqual(['followUpOpening']);
  });

  it('speaks English when asked', () => {
    const agenda = buildReflectionAgenda(input({ lang: 'en', previousIntentions: [{ id: 'i', text: 'Ask first' }] }));
    expect(orderedItems(agenda)[1]?.questions).toEqual(['Did you put this into practice?', 'What came of it?']);
    expect(agenda.sections.at(-1)?.title).toBe('Closing');
  });
});
