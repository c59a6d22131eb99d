// The report's own words, in Dutch and English. Everything else in a report is the users' text
// or comes from the framework and the method (shared/method/section-titles.ts).
import type { Language } from '../domain';

type Local = Record<Language, string>;

const PHRASES = {
  reportTitle: { nl: 'Reflectierapport', en: 'Reflection report' },
  subtitle: { nl: 'Van Kijken naar Zien', en: 'Van Kijken naar Zien (from looking to seeing)' },
  titleTrajectory: { nl: 'Reflectierapport {caseManager} · {client}', en: 'Reflection report {caseManager} · {client}' },
  subtitleCycle: { nl: 'Van Kijken naar Zien · {cycle}', en: 'Van Kijken naar Zien · {cycle}' },
  subtitleTrajectory: { nl: 'Van Kijken naar Zien · het hele traject', en: 'Van Kijken naar Zien · the whole trajectory' },

  background: { nl: 'Achtergrond', en: 'Background' },
  caseManager: { nl: 'Klantmanager', en: 'Case manager' },
  client: { nl: 'Cliënt', en: 'Client' },
  noBackground: {
    nl: 'Nog geen achtergrond beschreven (vul die in op de pagina Rapport & export).',
    en: 'No background written yet (add it on the Report & export page).',
  },
  overviewCaption: { nl: 'De gesprekken en hun data', en: 'The conversations and their dates' },
  colCycle: { nl: 'Gesprek', en: 'Conversation' },
  colRecorded: { nl: 'Opgenomen gesprek', en: 'Recorded conversation' },
  colInterview: { nl: 'Cliëntinterview', en: 'Client interview' },
  colMeeting: { nl: 'Reflectiegesprek', en: 'Reflection meeting' },
  notHeld: { nl: 'niet gehouden', en: 'not held' },
  noDate: { nl: '—', en: '—' },

  doubts: { nl: 'Twijfels', en: 'Doubts' },
  learningGoals: { nl: 'Leervragen', en: 'Learning goals' },
  noDoubts: { nl: 'Geen twijfels of leervragen vastgelegd.', en: 'No doubts or learning goals recorded.' },
  consent: { nl: 'Toestemming voor een cliëntinterview: {value}', en: 'Consent to a client interview: {value}' },
  consentYes: { nl: 'ja', en: 'yes' },
  consentNo: { nl: 'nee', en: 'no' },
  consentNotAsked: { nl: 'nog niet gevraagd', en: 'not asked yet' },
  nextConversation: {
    nl: 'Volgende afspraak van klantmanager en cliënt: {date}',
    en: 'Next meeting of case manager and client: {date}',
  },

  cycleHeading: { nl: 'Gesprek {n}', en: 'Conversation {n}' },
  previousIntentions: { nl: 'Voornemens uit gesprek {n}', en: 'Intentions from conversation {n}' },
  intentionsLens: {
    nl: 'Bij de analyse van dit gesprek is ook gekeken of de klantmanager deze voornemens in praktijk bracht, en wat dat opleverde.',
    en: 'The analysis of this conversation also looked at whether the case manager put these intentions into practice, and what came of it.',
  },

  transcript: { nl: 'Geannoteerd transcript', en: 'Annotated transcript' },
  videoHeading: { nl: 'Video {n}: {file}', en: 'Video {n}: {file}' },
  noRecordings: { nl: 'Er is nog geen opname toegevoegd.', en: 'No recording has been added yet.' },
  noNotes: { nl: 'Nog geen notities bij deze opname.', en: 'No notes for this recording yet.' },
  observation: { nl: 'Observatie', en: 'Observation' },
  questionClient: { nl: 'Vraag voor de cliënt', en: 'Question for the client' },
  questionCaseManager: { nl: 'Vraag voor de klantmanager', en: 'Question for the case manager' },
  fragmentLabel: { nl: 'Gemarkeerd', en: 'Marked' },
  replay: { nl: 'Terugkijken', en: 'Replay' },
  fragmentReference: { nl: 'fragment {range}', en: 'fragment {range}' },
  positive: { nl: 'Positief moment', en: 'Positive moment' },
  concern: { nl: 'Aandachtspunt', en: 'Point of concern' },
  stillCaption: { nl: '{reference}, beeld op {time}', en: '{reference}, frame at {time}' },
  stillLeftOut: {
    nl: 'Het stilstaand beeld bij {reference} is weggelaten: {reason}.',
    en: 'The still frame of {reference} was left out: {reason}.',
  },
  stillNoRecording: {
    nl: 'de opname staat niet op deze computer',
    en: 'the recording is not on this computer',
  },
  stillNoPicture: { nl: 'de opname heeft geen beeld', en: 'the recording has no picture' },
  stillNoFfmpeg: { nl: 'ffmpeg is niet gevonden (zie Instellingen)', en: 'ffmpeg was not found (see Settings)' },
  stillFailed: { nl: 'ffmpeg kon het beeld niet maken', en: 'ffmpeg could not take it' },

  interview: { nl: 'Cliëntinterview', en: 'Client interview' },
  dateLine: { nl: 'Datum: {date}', en: 'Date: {date}' },
  interviewNoConsent: {
    nl: 'De cliënt gaf geen toestemming voor een interview; het is niet gehouden.',
    en: 'The client did not consent to an interview; it was not held.',
  },
  interviewSkipped: { nl: 'Het cliëntinterview is niet gehouden.', en: 'The client interview was not held.' },
  reason: { nl: 'Reden: {reason}', en: 'Reason: {reason}' },
  interviewNothing: { nl: 'Nog geen cliëntinterview vastgelegd.', en: 'No client interview recorded yet.' },
  interviewItemsCaption: { nl: 'Onderdelen van het interview', en: 'Parts of the interview' },
  colItem: { nl: 'Onderdeel', en: 'Part' },
  colReplay: { nl: 'Fragment of moment', en: 'Fragment or moment' },
  colQuestions: { nl: 'Vragen', en: 'Questions' },
  clientSaid: { nl: 'Wat de cliënt vertelde', en: 'What the client said' },
  otherFeedback: { nl: 'Overige feedback', en: 'Other feedback' },
  noSharedFeedback: {
    nl: 'Er is geen feedback van de cliënt die gedeeld mag worden.',
    en: 'There is no feedback from the client that may be shared.',
  },
  paraphraseLabel: {
    nl: 'Anoniem gedeeld, in andere woorden weergegeven',
    en: 'Shared anonymously, put in other words',
  },
  anonymousLabel: { nl: 'Anoniem gedeeld', en: 'Shared anonymously' },

  meeting: { nl: 'Reflectiegesprek', en: 'Reflection meeting' },
  proposedAgenda: {
    nl: 'Er is nog geen agenda voor het reflectiegesprek vastgelegd; dit is de indeling die uit de analyse volgt.',
    en: 'No agenda for the reflection meeting has been saved yet; this is the outline that follows from the analysis.',
  },
  perFragment: { nl: 'Bij elk fragment wordt gevraagd:', en: 'With each fragment we ask:' },
  focusedTheme: { nl: 'Toegespitste vraag {n}: {theme}', en: 'Focused question {n}: {theme}' },
  subQuestions: { nl: 'Deelvragen', en: 'Sub-questions' },
  feedbackOnThisTheme: { nl: 'Wat de cliënt hierover zei', en: 'What the client said about this' },

  meetingReport: { nl: 'Verslag van het reflectiegesprek', en: 'Report of the reflection meeting' },
  noMeetingNotes: { nl: 'Nog geen verslag vastgelegd.', en: 'No report recorded yet.' },

  takeawaysHeading: { nl: 'Aandachtspunten en voornemens', en: 'Points of attention and intentions' },
  takeaways: { nl: 'Aandachtspunten', en: 'Points of attention' },
  intentions: { nl: 'Voornemens', en: 'Intentions' },
  evaluation: { nl: 'Hoe de klantmanager het reflectiegesprek vond', en: 'How the case manager found the reflection meeting' },
  nothingYet: { nl: 'Nog niet vastgelegd.', en: 'Not recorded yet.' },

  howItWentOn: { nl: 'Hoe het verder ging', en: 'How it went on' },

  warnPrivate: {
    nl: 'Gesprek {n}: {count} reactie(s) van de cliënt zijn privé en staan niet in het rapport.',
    en: 'Conversation {n}: {count} piece(s) of client feedback are private and left out of the report.',
  },
  warnAnonymous: {
    nl: 'Gesprek {n}: {count} reactie(s) van de cliënt zijn anoniem gedeeld en staan er zonder naam en in andere woorden in.',
    en: 'Conversation {n}: {count} piece(s) of client feedback were shared anonymously and appear without a name, as paraphrase.',
  },
  warnNoPseudonyms: {
    nl: 'Er staan nog geen namen op de pseudoniemenlijst van dit traject: controleer het rapport op namen.',
    en: "This trajectory's pseudonym list is empty: check the report for names.",
  },
  warnNoAgenda: {
    nl: 'Gesprek {n}: nog geen agenda voor het reflectiegesprek; de indeling volgt uit de analyse.',
    en: 'Conversation {n}: no reflection agenda saved yet; the outline follows from the analysis.',
  },
  warnNoteOnWithdrawn: {
    nl: 'Gesprek {n}: de notitie bij "{item}" staat niet in het rapport: de cliënt deelt de feedback daarbij niet (meer).',
    en: 'Conversation {n}: the note on "{item}" is left out of the report: the client no longer shares (or never shared) the feedback it is about.',
  },
  warnNoNotes: { nl: 'Gesprek {n}: nog geen notities bij de opname.', en: 'Conversation {n}: no notes on the recording yet.' },
} satisfies Record<string, Local>;
export type ReportPhrase = keyof typeof PHRASES;

/** A phrase with `{name}` placeholders filled in. */
export function reportPhrase(key: ReportPhrase, lang: Language, params: Record<string, string | number> = {}): string {
  return PHRASES[key][lang].replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : match,
  );
}

const MONTHS: Record<Language, string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "20 november 2026" from "2026-11-20"; other text is returned as it is. */
export function formatReportDate(iso: string, lang: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[lang][Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  return `${Number(m[3])} ${month} ${m[1]}`;
}
