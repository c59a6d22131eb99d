import { describe, expect, it } from 'vitest';
import {
  type Agenda,
  type BlockedAgenda,
  buildInterviewAgenda,
  type InterviewAgendaInput,
  isBlockedAgenda,
  itemsWithoutMinutes,
  orderedItems,
  plannedMinutesTotal,
} from '../../../shared/method';
import { counterIds, fragment, kijkwijzer, note, video1, video2 } from './fixtures';

function input(fields: Partial<InterviewAgendaInput> = {}): InterviewAgendaInput {
  return {
    framework: kijkwijzer,
    lang: 'nl',
    fragments: [],
    notes: [],
    recordings: [video1],
    consent: 'yes',
    newId: counterIds(),
    ...fields,
  };
}

function agendaOf(result: Agenda | BlockedAgenda): Agenda {
  if (isBlockedAgenda(result)) throw new Error('expected an agenda');
  return result;
}

describe('buildInterviewAgenda', () => {
  it('is blocked when the client refused consent', () => {
    expect(buildInterviewAgenda(input({ consent: 'no' }))).toEqual({ blocked: true, reason: 'no-consent' });
  });

  it("can be prepared while consent is 'not-asked'", () => {
    expect(isBlockedAgenda(buildInterviewAgenda(input({ consent: 'not-asked' })))).toBe(false);
  });

  it('asks the general questions first and closes with the reminder that taking part is voluntary', () => {
    const agenda = agendaOf(buildInterviewAgenda(input()));
    expect(agenda.kind).toBe('interview');
    expect(agenda.sections.map((s) => s.title)).toEqual([
      'Algemeen',
      'Fragmenten',
      'Vragen voor de cliënt uit de analyse',
      'Afsluiting',
    ]);
    const [general, closing] = agenda.items;
    expect(general?.source).toEqual({ kind: 'question-set', refId: 'interviewGeneral' });
    expect(general?.questions).toHaveLength(4);
    expect(general?.questions[0]).toBe('Hoe lang is dit al je klantmanager?');
    expect(closing?.source).toEqual({ kind: 'question-set', refId: 'interviewClosing' });
    expect(closing?.questions.at(-1)).toMatch(/vrijwillig/);
  });

  it('lists fragments for the client in the method order of their themes, then by time', () => {
    const fragments = [
      fragment('late-authenticity', { forClient: true, themes: ['authenticity'], inSec: 600, outSec: 630 }),
      fragment('shared-goal', { forClient: true, themes: ['shared-goal'], inSec: 10, outSec: 40 }),
      fragment('untagged', { forClient: true, themes: [], inSec: 5, outSec: 20 }),
      fragment('early-authenticity', { forClient: true, themes: ['authenticity'], inSec: 360, outSec: 390 }),
      fragment('flow-and-logic', { forClient: true, themes: ['flow', 'intervention-logic'], inSec: 1, outSec: 9 }),
      fragment('not-for-client', { forCaseManager: true, themes: ['authenticity'], inSec: 0, outSec: 5 }),
    ];
    const agenda = agendaOf(buildInterviewAgenda(input({ fragments })));
    const fragmentItems = agenda.items.filter((i) => i.section === 'interview-fragments');
    expect(fragmentItems.map((i) => i.fragmentId)).toEqual([
      'early-authenticity',
      'late-authenticity',
      'shared-goal',
      'flow-and-logic', // listed under intervention logic: focused themes take precedence
      'untagged',
    ]);
    expect(fragmentItems[3]?.themeId).toBe('intervention-logic');
    expect(fragmentItems[4]?.themeId).toBeNull();
  });

  it('gives each fragment its time range and the per-fragment interview questions', () => {
    const fragments = [fragment('f', { forClient: true, inSec: 360, outSec: 390, title: '', note: 'Cliënt kijkt weg' })];
    const [item] = agendaOf(buildInterviewAgenda(input({ fragments }))).items.filter((i) => i.fragmentId === 'f');
    expect(item).toMatchObject({
      source: { kind: 'fragment', refId: 'f' },
      title: 'Fragment 6:00 – 6:30',
      text: 'Cliënt kijkt weg',
      replay: { recordingId: 'rec-1', inSec: 360, outSec: 390, label: '6:00 – 6:30' },
    });
    expect(item?.questions).toEqual(['Wat gebeurt er hier volgens jou?', 'Wat dacht of voelde je op dat moment?']);
  });

  it('says which video a fragment is in when the session has several', () => {
    const fragments = [
      fragment('b', { forClient: true, recordingId: video2.id, inSec: 10, outSec: 20 }),
      fragment('a', { forClient: true, recordingId: video1.id, inSec: 700, outSec: 720 }),
    ];
    const agenda = agendaOf(buildInterviewAgenda(input({ fragments, recordings: [video2, video1] })));
    const items = agenda.items.filter((i) => i.fragmentId !== null);
    expect(items.map((i) => i.replay?.label)).toEqual(['11:40 – 12:00 (video 1)', '0:10 – 0:20 (video 2)']);
  });

  it("adds the analysts' questions for the client, by time, without their prefix", () => {
    const notes = [
      note('n2', { kind: 'question_client', timeSec: 400, text: 'Vraag voor de cliënt: Wat bedoelde je met "gedoe"?' }),
      note('n1', { kind: 'question_client', timeSec: 371, text: 'Hoe voelde het om dit te vertellen?' }),
      note('n3', { kind: 'question_case_manager', timeSec: 10, text: 'Niet voor de cliënt' }),
      note('n4', { kind: 'observation', timeSec: 20, text: 'Ook niet' }),
    ];
    const agenda = agendaOf(buildInterviewAgenda(input({ notes })));
    const questions = agenda.items.filter((i) => i.section === 'interview-questions');
    expect(questions.map((i) => [i.title, i.questions[0]])).toEqual([
      ['Vraag bij 6:11', 'Hoe voelde het om dit te vertellen?'],
      ['Vraag bij 6:40', 'Wat bedoelde je met "gedoe"?'],
    ]);
    expect(questions[0]?.anchor).toEqual({ recordingId: 'rec-1', timeSec: 371, label: '6:11' });
  });

  it('keeps the display order general, fragments, questions, closing', () => {
    const agenda = agendaOf(
      buildInterviewAgenda(
        input({
          fragments: [fragment('f', { forClient: true })],
          notes: [note('n', { kind: 'question_client' })],
        }),
      ),
    );
    expect(orderedItems(agenda).map((i) => i.source.kind)).toEqual(['question-set', 'fragment', 'note', 'question-set']);
  });

  it('speaks English when asked', () => {
    const agenda = agendaOf(buildInterviewAgenda(input({ lang: 'en' })));
    expect(agenda.sections[0]?.title).toBe('General');
    expect(agenda.items[0]?.questions[0]).toBe('How long has this been your case manager?');
  });

  it('totals the planned minutes of the items still on the agenda', () => {
    const agenda = agendaOf(
      buildInterviewAgenda(input({ fragments: [fragment('f', { forClient: true }), fragment('g', { forClient: true })] })),
    );
    expect(plannedMinutesTotal(agenda)).toBe(0);
    expect(itemsWithoutMinutes(agenda)).toBe(4);
    const planned = {
      ...agenda,
      items: agenda.items.map((item, i) => ({ ...item, plannedMinutes: [10, 7.5, 5, 5][i] ?? null, removed: i === 2 })),
    };
    expect(plannedMinutesTotal(planned)).toBe(22.5);
    expect(itemsWithoutMinutes(planned)).toBe(0);
  });
});
