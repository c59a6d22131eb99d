// The method's own words inside generated agendas: section titles and the few prompts that
// are not framework questions. Everything else in an agenda comes from the framework.
import type { Language } from '../domain';

export const SECTION_IDS = [
  // client interview
  'interview-general',
  'interview-fragments',
  'interview-questions',
  'interview-closing',
  // reflection meeting
  'follow-up-opening',
  'learning-goals',
  'open-questions',
  'focused-questions',
  'other-fragments',
  'analysis-questions',
  'client-feedback',
  'closing',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

type Local = Record<Language, string>;

const SECTION_TITLES: Record<SectionId, Local> = {
  'interview-general': { nl: 'Algemeen', en: 'General' },
  'interview-fragments': { nl: 'Fragmenten', en: 'Fragments' },
  'interview-questions': { nl: 'Vragen voor de cliënt uit de analyse', en: 'Questions for the client from the analysis' },
  'interview-closing': { nl: 'Afsluiting', en: 'Closing' },
  'follow-up-opening': { nl: 'Terugblik op de vorige cyclus', en: 'Looking back on the previous cycle' },
  'learning-goals': { nl: 'Twijfels en leervragen van de klantmanager', en: "The case manager's doubts and learning goals" },
  'open-questions': { nl: 'Open vragen', en: 'Open questions' },
  'focused-questions': { nl: 'Toegespitste vragen', en: 'Focused questions' },
  'other-fragments': { nl: 'Overige fragmenten', en: 'Other fragments' },
  'analysis-questions': { nl: 'Vragen voor de klantmanager uit de analyse', en: 'Questions for the case manager from the analysis' },
  'client-feedback': { nl: 'Feedback uit het cliëntinterview', en: 'Feedback from the client interview' },
  closing: { nl: 'Afsluiting', en: 'Closing' },
};

const PHRASES = {
  generalQuestions: { nl: 'Algemene vragen', en: 'General questions' },
  closingQuestions: { nl: 'Afsluitende vragen', en: 'Closing questions' },
  followUpOpening: { nl: 'Hoe ging het?', en: 'How did it go?' },
  intention: { nl: 'Voornemen', en: 'Intention' },
  doubt: { nl: 'Twijfel', en: 'Doubt' },
  learningGoal: { nl: 'Leervraag', en: 'Learning goal' },
  takeaways: { nl: 'Aandachtspunten en voornemens', en: 'Points of attention and intentions' },
  evaluation: { nl: 'Evaluatie', en: 'Evaluation' },
  fragmentAt: { nl: 'Fragment {range}', en: 'Fragment {range}' },
  questionAt: { nl: 'Vraag bij {time}', en: 'Question at {time}' },
  video: { nl: 'video {n}', en: 'video {n}' },
  generalFeedback: { nl: 'Algemene feedback van de cliënt', en: "The client's general feedback" },
  feedbackOnTheme: { nl: 'Feedback van de cliënt over: {theme}', en: "The client's feedback on: {theme}" },
  /** Replaces the client's name in feedback given anonymously. */
  clientPlaceholder: { nl: '[cliënt]', en: '[client]' },
} satisfies Record<string, Local>;
export type Phrase = keyof typeof PHRASES;

/** Asked about each intention carried over from the previous cycle. */
const INTENTION_QUESTIONS: Local[] = [
  { nl: 'Heb je dit in de praktijk gebracht?', en: 'Did you put this into practice?' },
  { nl: 'Wat kwam eruit?', en: 'What came of it?' },
];

/** Asked with the client's feedback on a theme; appreciative, not defensive. */
const FEEDBACK_QUESTIONS: Local[] = [
  { nl: 'Herken je dit? Wat roept het bij je op?', en: 'Do you recognise this? What does it bring up for you?' },
];

export function sectionTitle(id: SectionId, lang: Language): string {
  return SECTION_TITLES[id][lang];
}

/** A phrase with `{name}` placeholders filled in. */
export function phrase(key: Phrase, lang: Language, params: Record<string, string | number> = {}): string {
  return PHRASES[key][lang].replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : match,
  );
}

export function intentionQuestions(lang: Language): string[] {
  return INTENTION_QUESTIONS.map((q) => q[lang]);
}

export function feedbackQuestions(lang: Language): string[] {
  return FEEDBACK_QUESTIONS.map((q) => q[lang]);
}
