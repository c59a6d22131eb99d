// A hand-built trajectory of two cycles for the report tests: notes of every kind, fragments
// with themes (positive and concern, in two videos), interview feedback with all three sharing
// choices, a meeting with item notes, intentions, and a follow-up. Listed names are planted
// everywhere a user could type them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Framework, parseFramework } from '../../../shared/framework';
import {
  buildInterviewAgenda,
  buildReflectionAgenda,
  type ClientFeedback,
  type CycleMethod,
  type FragmentLike,
  isBlockedAgenda,
  newCycleMethod,
  type RecordingLike,
  updateCycleStep,
} from '../../../shared/method';
import type { ReportCycleInput, ReportInput, ReportNote } from '../../../shared/report';

export const kijkwijzer: Framework = parseFramework(
  JSON.parse(readFileSync(fileURLToPath(new URL('../../../resources/frameworks/kijkwijzer.json', import.meta.url)), 'utf8')),
  'kijkwijzer.json',
);

/** Names that must never reach an export, and what they become. */
export const PSEUDONYMS = [
  { name: 'Jan de Vries', replacement: '[naam cliënt]' },
  { name: 'Jan', replacement: '[naam cliënt]' },
  { name: 'Petra', replacement: '[naam klantmanager]' },
];
export const LISTED_NAMES = ['Jan', 'Petra'];

/** Words only the private feedback contains. */
export const PRIVATE_MARK = 'GEHEIM-NIET-DELEN';
export const SHARED_QUOTE = 'Ik voelde me eindelijk gehoord';
export const ANONYMOUS_QUOTE = 'Het gesprek duurde mij te lang';
export const SUMMARY_FEEDBACK = 'De cliënt wil graag vaker contact per telefoon';

const c1 = 'c1000000-0000-4000-8000-000000000001';
const c2 = 'c2000000-0000-4000-8000-000000000002';
export const CYCLE_1 = c1;
export const CYCLE_2 = c2;

const rec1: RecordingLike = { id: 'rec-1', position: 1, fileName: 'gesprek-jan.mp4' };
const rec2: RecordingLike = { id: 'rec-2', position: 2, fileName: 'gesprek-deel-2.mp4' };
const rec3: RecordingLike = { id: 'rec-3', position: 1, fileName: 'vervolggesprek.mp4' };

function note(id: string, recordingId: string, timeSec: number, kind: ReportNote['kind'], text: string, speaker = ''): ReportNote {
  return { id, recordingId, timeSec, kind, text, speaker };
}

function fragment(id: string, fields: Partial<FragmentLike>): FragmentLike {
  return {
    id,
    recordingId: rec1.id,
    inSec: 0,
    outSec: 30,
    title: '',
    note: '',
    valence: 'positive',
    themes: [],
    forClient: false,
    forCaseManager: false,
    ...fields,
  };
}

const notes1: ReportNote[] = [
  note('n1', rec1.id, 5, 'transcript', 'Goedemorgen Jan, fijn dat je er bent.', 'KM'),
  note('n2', rec1.id, 9, 'transcript', 'Ja, Petra, ik had er wel zin in.', 'C'),
  note('n3', rec1.id, 62, 'event', 'Telefoon van Jan gaat over'),
  note('n4', rec1.id, 371, 'observation', 'Petra vat samen; Jan knikt maar kijkt weg. Een moment van sociale wenselijkheid?'),
  note('n5', rec1.id, 380, 'question_client', 'Vraag voor de cliënt: wat dacht u toen Petra over de sollicitatie begon?'),
  note('n6', rec1.id, 700, 'question_case_manager', 'Vraag voor de klantmanager: wat wilde je bereiken met deze vraag aan Jan?'),
  note('n7', rec2.id, 30, 'transcript', 'Zullen we verdergaan waar we gebleven waren?', 'KM'),
  note('n8', rec2.id, 70, 'observation', 'Na de onderbreking is de toon losser.'),
];

const fragments1: FragmentLike[] = [
  fragment('f1', {
    inSec: 360,
    outSec: 390,
    title: 'Jan vertelt over zijn dochter',
    note: 'Petra laat stilte vallen.',
    valence: 'positive',
    themes: ['authenticity'],
    forClient: true,
    forCaseManager: true,
  }),
  fragment('f2', {
    inSec: 660,
    outSec: 840,
    title: 'Het doel volgens Petra',
    valence: 'concern',
    themes: ['shared-goal'],
    forCaseManager: true,
  }),
  fragment('f3', {
    recordingId: rec2.id,
    inSec: 65,
    outSec: 100,
    title: 'Wie zet de volgende stap?',
    valence: 'concern',
    themes: ['intervention-logic', 'flow'],
    forClient: true,
    forCaseManager: true,
  }),
];

function method1(): CycleMethod {
  const m = newCycleMethod(c1, 'kijkwijzer');
  m.intake = {
    doubts: [{ id: 'd1', text: 'Was ik te sturend tegen Jan de Vries?' }],
    learningGoals: [{ id: 'g1', text: 'Beter aansluiten bij wat Jan zelf wil.' }],
    consent: 'yes',
    skipReason: '',
    nextConversationDate: '2026-12-03',
  };
  let ids = 0;
  const interview = buildInterviewAgenda({
    framework: kijkwijzer,
    lang: 'nl',
    fragments: fragments1,
    notes: notes1,
    recordings: [rec1, rec2],
    consent: 'yes',
    newId: () => `iv-${++ids}`,
  });
  if (isBlockedAgenda(interview)) throw new Error('fixture: interview blocked');
  m.interviewAgenda = interview;
  m.interviewDate = '2026-11-24';
  const f1Item = interview.items.find((i) => i.fragmentId === 'f1')!;
  const generalItem = interview.items.find((i) => i.section === 'interview-general')!;
  const feedback: ClientFeedback[] = [
    {
      id: 'fb-share',
      agendaItemId: f1Item.id,
      fragmentId: 'f1',
      themeId: 'authenticity',
      text: `${SHARED_QUOTE}, Petra luisterde echt.`,
      isQuote: true,
      sharing: 'share',
      speakerLabel: 'Cliënt A',
    },
    {
      id: 'fb-anon',
      agendaItemId: generalItem.id,
      fragmentId: null,
      themeId: null,
      text: `${ANONYMOUS_QUOTE}, zei Jan.`,
      isQuote: true,
      sharing: 'anonymous',
      speakerLabel: 'Jan',
    },
    {
      id: 'fb-private',
      agendaItemId: f1Item.id,
      fragmentId: 'f1',
      themeId: 'authenticity',
      text: `${PRIVATE_MARK}: ik vertrouw Petra niet helemaal.`,
      isQuote: true,
      sharing: 'private',
      speakerLabel: 'Cliënt A',
    },
    {
      id: 'fb-summary',
      agendaItemId: null,
      fragmentId: 'f3',
      themeId: null,
      text: SUMMARY_FEEDBACK,
      isQuote: false,
      sharing: 'share',
      speakerLabel: '',
    },
  ];
  m.feedback = feedback;
  let rids = 0;
  m.reflectionAgenda = buildReflectionAgenda({
    framework: kijkwijzer,
    lang: 'nl',
    intake: m.intake,
    fragments: fragments1,
    notes: notes1,
    recordings: [rec1, rec2],
    feedback,
    clientLabel: 'Cliënt A',
    previousIntentions: [],
    newId: () => `rf-${++rids}`,
  });
  const f2Item = m.reflectionAgenda.items.find((i) => i.fragmentId === 'f2')!;
  m.outcome = {
    date: '2026-11-27',
    itemNotes: [{ agendaItemId: f2Item.id, text: 'Petra ziet nu dat het doel van haar kwam, niet van Jan.' }],
    takeaways: [{ id: 't1', text: 'Eerst vragen wat Jan zelf wil.' }],
    intentions: [{ id: 'i1', text: 'Het doel samen met de cliënt opschrijven.' }],
    evaluation: 'Petra vond het confronterend maar leerzaam.',
  };
  let steps = updateCycleStep(m.steps, 'client-interview', { status: 'done', date: '2026-11-24' });
  steps = updateCycleStep(steps, 'reflection-meeting', { status: 'done', date: '2026-11-27' });
  steps = updateCycleStep(steps, 'follow-up', { status: 'done', note: 'Jan solliciteert nu zelf; Petra belt minder vaak.' });
  m.steps = steps;
  return m;
}

function method2(): CycleMethod {
  const m = newCycleMethod(c2, 'kijkwijzer');
  m.intake = { doubts: [], learningGoals: [{ id: 'g2', text: 'Minder snel invullen voor Jan.' }], consent: 'no', skipReason: 'Tolk nodig', nextConversationDate: null };
  m.steps = updateCycleStep(m.steps, 'client-interview', { status: 'skipped', note: 'Tolk nodig' });
  m.steps = updateCycleStep(m.steps, 'follow-up', { status: 'done', note: 'Jan heeft sinds februari werk.' });
  return m;
}

export function trajectoryInput(): ReportInput {
  const cycle1: ReportCycleInput = {
    cycle: { id: c1, number: 1, title: 'Eerste gesprek', date: '2026-11-20' },
    recordings: [rec1, rec2],
    notes: notes1,
    fragments: fragments1,
    method: method1(),
    framework: kijkwijzer,
  };
  const cycle2: ReportCycleInput = {
    cycle: { id: c2, number: 2, title: 'Vervolggesprek', date: '2027-01-15' },
    recordings: [rec3],
    notes: [
      note('m1', rec3.id, 12, 'transcript', 'Hoe is het gegaan met het doel dat we samen opschreven, Jan?', 'KM'),
      note('m2', rec3.id, 40, 'observation', 'Petra laat Jan het doel zelf formuleren: voornemen in praktijk.'),
    ],
    fragments: [
      fragment('g1', { recordingId: rec3.id, inSec: 30, outSec: 55, title: 'Samen het doel', valence: 'positive', themes: ['shared-goal'], forCaseManager: true }),
    ],
    method: method2(),
    framework: kijkwijzer,
  };
  return {
    trajectory: { id: 'a0000000-0000-4000-8000-00000000000a', caseManager: 'KM-3', client: 'Cliënt A' },
    background: 'Jan de Vries (42) is sinds een jaar in beeld bij Petra.\n\nHet doel is werk in de logistiek.',
    cycles: [cycle1, cycle2],
  };
}
