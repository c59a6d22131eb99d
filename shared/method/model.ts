// The method's own records for one cycle: steps, intake, agendas, client feedback, the meeting's
// outcome. zod schemas are the source of truth; types are inferred. Pure TypeScript.
import { z } from 'zod';
import { Fragment, Language, Note, Recording, Valence } from '../domain';

/** YYYY-MM-DD, as the rest of the domain stores dates. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

// ---- Cycle steps -------------------------------------------------------------------------

/** The steps of one cycle in the method's usual order; they may be done out of order. */
export const CycleStepId = z.enum([
  'intake',
  'analysis',
  'client-interview',
  'preparation',
  'reflection-meeting',
  'takeaways',
  'follow-up',
]);
export type CycleStepId = z.infer<typeof CycleStepId>;

export const StepStatus = z.enum(['todo', 'done', 'skipped']);
export type StepStatus = z.infer<typeof StepStatus>;

export const CycleStep = z.object({
  step: CycleStepId,
  status: StepStatus,
  date: IsoDate.nullable(),
  /** Free note, e.g. why the interview was skipped or "how it went on" for follow-up. */
  note: z.string(),
});
export type CycleStep = z.infer<typeof CycleStep>;

// ---- Intake ------------------------------------------------------------------------------

/** A short text with a stable id, so agendas can point at it. */
export const TextItem = z.object({ id: z.string().min(1), text: z.string() });
export type TextItem = z.infer<typeof TextItem>;

export const Consent = z.enum(['yes', 'no', 'not-asked']);
export type Consent = z.infer<typeof Consent>;

export const Intake = z.object({
  /** The case manager's doubts about the recorded conversation. */
  doubts: z.array(TextItem),
  learningGoals: z.array(TextItem),
  /** Did the client consent to being interviewed? */
  consent: Consent,
  /** Why the client interview is skipped (interpreter needed, interviewed before ...), or ''. */
  skipReason: z.string(),
  /** When case manager and client meet again. */
  nextConversationDate: IsoDate.nullable(),
});
export type Intake = z.infer<typeof Intake>;

// ---- Client feedback ---------------------------------------------------------------------

/** What the client allowed: pass on with attribution, pass on anonymously, or keep private. */
export const Sharing = z.enum(['share', 'anonymous', 'private']);
export type Sharing = z.infer<typeof Sharing>;

export const ClientFeedback = z.object({
  id: z.string().min(1),
  /** The interview agenda item it was given on. */
  agendaItemId: z.string().nullable(),
  /** The fragment it is about, when it was given while replaying one. */
  fragmentId: z.string().nullable().default(null),
  themeId: z.string().nullable(),
  text: z.string(),
  /** The client's literal words (true) or the researcher's summary (false). */
  isQuote: z.boolean(),
  sharing: Sharing,
  /** Who said it, e.g. the client's pseudonym. */
  speakerLabel: z.string(),
});
export type ClientFeedback = z.infer<typeof ClientFeedback>;

/** Feedback as it may travel outside the interview (see sharing.ts). Never 'private'. */
export const SharedFeedback = z.object({
  id: z.string(),
  agendaItemId: z.string().nullable(),
  fragmentId: z.string().nullable(),
  themeId: z.string().nullable(),
  text: z.string(),
  isQuote: z.boolean(),
  /** A literal quote given anonymously: show it as a paraphrase, not in quotation marks. */
  paraphrase: z.boolean(),
  /** Who said it; null when it was given anonymously. */
  attribution: z.string().nullable(),
});
export type SharedFeedback = z.infer<typeof SharedFeedback>;

// ---- Agendas -----------------------------------------------------------------------------

/**
 * What an agenda item was generated from. kind + refId is the item's identity across
 * regenerations (see agenda-merge.ts):
 * - question-set: refId is a framework question set name ('interviewGeneral', 'takeaways' ...)
 * - theme: refId is a framework theme id; the item carries the theme's questions
 * - framework-question: refId is one framework question id (added by a user)
 * - fragment / note / intake / intention: refId is that record's id
 * - feedback: refId is the theme id the client's feedback is about, null for general feedback
 * - free: a user's own item, refId null
 */
export const AgendaSourceKind = z.enum([
  'question-set',
  'theme',
  'framework-question',
  'fragment',
  'note',
  'intake',
  'feedback',
  'intention',
  'free',
]);
export type AgendaSourceKind = z.infer<typeof AgendaSourceKind>;

export const AgendaSource = z.object({ kind: AgendaSourceKind, refId: z.string().nullable() });
export type AgendaSource = z.infer<typeof AgendaSource>;

/** A fragment to replay, as it stood when the agenda was (re)generated. */
export const ReplaySnapshot = z.object({
  recordingId: z.string(),
  inSec: z.number().nonnegative(),
  outSec: z.number().nonnegative(),
  /** "6:00 – 6:30", with "(video 2)" when the cycle has more than one recording. */
  label: z.string(),
});
export type ReplaySnapshot = z.infer<typeof ReplaySnapshot>;

export const AgendaItem = z.object({
  id: z.string().min(1),
  /** 'generated' items are matched by source on regeneration; 'user' items are always kept. */
  origin: z.enum(['generated', 'user']),
  source: AgendaSource,
  /** Section id (see section-titles.ts); the agenda lists its sections in order. */
  section: z.string(),
  themeId: z.string().nullable(),
  title: z.string(),
  /** Body text: a doubt, a fragment's note, an intention ... */
  text: z.string(),
  questions: z.array(z.string()),
  subQuestions: z.array(z.string()),
  fragmentId: z.string().nullable(),
  valence: Valence.nullable(),
  replay: ReplaySnapshot.nullable(),
  /** A moment in a recording, for note items. */
  anchor: z.object({ recordingId: z.string(), timeSec: z.number().nonnegative(), label: z.string() }).nullable(),
  /**
   * All the client's feedback this item refers to (ClientFeedback ids), "niet delen" included.
   * What is shown comes from the live records through sharing.ts (live-feedback.ts), so a
   * sharing change counts at once, either way.
   */
  feedbackIds: z.array(z.string()).default([]),
  /**
   * Those of feedbackIds the item has shown at some time (kept up to date on every save), so a
   * later withdrawal can be told apart from feedback that was always private. Absent in records
   * made before agendas referred to private feedback: there, everything referred to was shown.
   */
  shownFeedbackIds: z.array(z.string()).optional(),
  /** Filled when the agenda is read, never stored: the feedback as sharing.ts lets it out now. */
  feedback: z.array(SharedFeedback),
  /** Filled when the agenda is read: how many it has shown the client withholds now. */
  withdrawnFeedback: z.number().int().nonnegative().default(0),
  plannedMinutes: z.number().nonnegative().nullable(),
  /** The user changed title, text, questions or section: regeneration keeps those. */
  userEdited: z.boolean(),
  removed: z.boolean(),
  /** Its source is gone (fragment deleted ...), but the user's work on it is kept. */
  orphaned: z.boolean(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const AgendaSection = z.object({ id: z.string(), title: z.string() });
export type AgendaSection = z.infer<typeof AgendaSection>;

export const Agenda = z.object({
  kind: z.enum(['interview', 'reflection']),
  frameworkId: z.string(),
  lang: Language,
  /** Sections in display order. */
  sections: z.array(AgendaSection),
  /** Items in display order within their section. */
  items: z.array(AgendaItem),
});
export type Agenda = z.infer<typeof Agenda>;

// ---- Meeting outcome ---------------------------------------------------------------------

export const MeetingOutcome = z.object({
  date: IsoDate.nullable(),
  /** Notes taken per agenda item during the meeting. */
  itemNotes: z.array(z.object({ agendaItemId: z.string(), text: z.string() })),
  /** What the case manager takes away (aandachtspunten). */
  takeaways: z.array(TextItem),
  /** What they will try (voornemens); carried into the next cycle. */
  intentions: z.array(TextItem),
  /** How the case manager found the meeting, tips for the researchers. */
  evaluation: z.string(),
});
export type MeetingOutcome = z.infer<typeof MeetingOutcome>;

// ---- The case manager's preparation (answers from a review package) -----------------------

/** What the case manager wrote about one item of a review package. */
export const PreparationAnswer = z.object({
  /** The agenda item (or `fragment:<id>` in a theme package) it is about. */
  itemId: z.string().min(1).max(200),
  /** The item's title as the package showed it, for answers whose item left the agenda. */
  title: z.string().max(1000),
  text: z.string().max(20_000),
  /** The case manager wants to discuss this item ("bespreken"). */
  discuss: z.boolean(),
});
export type PreparationAnswer = z.infer<typeof PreparationAnswer>;

/** Answers of at most this many review packages are kept per cycle; the next package's file is refused. */
export const MAX_PREPARATIONS = 100;

/** One imported answers file (shared/review-package/answers-file.ts); a newer file of the same package replaces it. */
export const CaseManagerPreparation = z.object({
  packageId: z.string().min(1).max(100),
  /** When the case manager saved the file (their clock, ISO). */
  savedAt: z.string().max(40),
  /** When the researcher imported it. */
  importedAt: z.string().max(40),
  answers: z.array(PreparationAnswer).max(1000),
  /** The overall doubts to bring in, as typed. */
  doubts: z.string().max(20_000),
});
export type CaseManagerPreparation = z.infer<typeof CaseManagerPreparation>;

// ---- The method state of one cycle -------------------------------------------------------

/** Everything the method keeps for one cycle; storage may keep it as one document. */
export const CycleMethod = z.object({
  cycleId: z.string(),
  frameworkId: z.string(),
  steps: z.array(CycleStep),
  intake: Intake,
  interviewAgenda: Agenda.nullable(),
  interviewDate: IsoDate.nullable(),
  feedback: z.array(ClientFeedback),
  reflectionAgenda: Agenda.nullable(),
  outcome: MeetingOutcome,
  /** Aligning the two analyses: the overlap at which fragments pair (shared/alignment/overlap.ts); absent: the default. */
  alignmentThreshold: z.number().min(0.05).max(1).optional(),
  /**
   * The case manager's answers from review packages. Kept in this record (not a table of its own):
   * it belongs to the cycle's method like the outcome, and travels with it in project archives.
   * Older records have none.
   */
  preparations: z.array(CaseManagerPreparation).max(MAX_PREPARATIONS).default([]),
});
export type CycleMethod = z.infer<typeof CycleMethod>;

// ---- What the pure functions read from the domain ----------------------------------------

/** The fields of a Fragment the method uses; a full Fragment fits. */
export type FragmentLike = Pick<
  Fragment,
  'id' | 'recordingId' | 'inSec' | 'outSec' | 'title' | 'note' | 'valence' | 'themes' | 'forClient' | 'forCaseManager'
>;
export type NoteLike = Pick<Note, 'id' | 'recordingId' | 'timeSec' | 'kind' | 'text'>;
export type RecordingLike = Pick<Recording, 'id' | 'position' | 'fileName'>;
