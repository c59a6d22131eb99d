// The reflection report of one cycle or a whole trajectory, as a document model, in the shape of
// the method's published case reports (../shared/domain.md, "The report"):
//
//   Background            the trajectory, the background text, the dates, the first cycle's intake
//   per conversation      (page break) heading with date; its intake (later cycles) and the
//                         intentions carried over; the annotated transcript; the client
//                         interview with its date; the reflection meeting, per theme its main
//                         questions, fragments to replay and the client's feedback on that theme;
//                         the meeting report; takeaways and intentions
//   How it went on        the follow-up step's note
//
// Pure: no I/O, no clock. Client feedback only goes out through feedbackForOutside (sharing.ts),
// read fresh from the method record (never from an agenda's stored copy, which may predate a
// changed sharing choice). Every text of the finished document is pseudonymised in one pass, and
// the document is refused (PseudonymisationError) if any listed name is left after it.
import type { AlignmentSummary } from '../alignment';
import { type Cycle, type Language, type Note, stillTimeOf, type Trajectory } from '../domain';
import { type Framework, localText, themeById } from '../framework';
import { assertNoListedNames, createPseudonymiser, type PseudonymList } from '../exchange/pseudonymise';
import {
  type AgendaItem,
  buildReflectionAgenda,
  type CycleMethod,
  type CycleStepId,
  emptyIntake,
  feedbackForOutside,
  type FragmentLike,
  intentionsForNextCycle,
  itemIdsWithNothingToShare,
  itemNote,
  orderedItems,
  primaryTheme,
  questionFromNote,
  questionTexts,
  type RecordingLike,
  recordingLabel,
  SECTION_IDS,
  type SectionId,
  sectionTitle,
  type SharedFeedback,
  type TextItem,
} from '../method';
import { formatTimecode, formatTimeRange } from '../timecode';
import type { FeedbackBlock, FragmentBlock, InlineRun, ReportBlock, ReportDocument, ReportScope } from './model';
import { formatReportDate, type ReportPhrase, reportPhrase } from './phrases';
import { alignmentSection } from './alignment-section';
import { mapReportTexts, reportTexts } from './report-texts';

export type ReportNote = Pick<Note, 'id' | 'recordingId' | 'timeSec' | 'kind' | 'text' | 'speaker'>;
/** A fragment as the report reads it: with its still moment when it has one (null or absent: the middle). */
export type ReportFragment = FragmentLike & { stillSec?: number | null };

export interface ReportCycleInput {
  cycle: Pick<Cycle, 'id' | 'number' | 'title' | 'date'>;
  recordings: readonly RecordingLike[];
  notes: readonly ReportNote[];
  fragments: readonly ReportFragment[];
  /** The cycle's method record; null when nothing of the method was recorded yet. */
  method: CycleMethod | null;
  /** The framework the cycle works with (method.frameworkId). */
  framework: Framework;
  /** "How it went on"; when left out, the follow-up step's note. */
  howItWentOn?: string;
  /** How the two researchers aligned their analyses (shared/alignment/overview.ts); null: not two researchers. */
  alignment?: AlignmentSummary | null;
}

export interface ReportInput {
  trajectory: Pick<Trajectory, 'id' | 'caseManager' | 'client'>;
  /** The trajectory's background text, written for the report. */
  background: string;
  /** Every cycle of the trajectory, in order (a cycle report needs the previous cycle's intentions). */
  cycles: readonly ReportCycleInput[];
}

export interface ReportOptions {
  lang: Language;
  scope: ReportScope;
  /** The cycle of a cycle report. */
  cycleId?: string;
  pseudonyms: PseudonymList;
  /** Add an image block (a still, by fragment id) after each fragment to replay in the meeting. */
  includeStills?: boolean;
  /** Add, after the transcript, how far the researchers aligned their analyses and their agreement per theme. */
  includeAlignment?: boolean;
}

export class ReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportInputError';
  }
}

/** The still of a fragment is asked for by this id. */
export function stillIdForFragment(fragmentId: string): string {
  return `fragment:${fragmentId}`;
}

/** The fragment id of a still id made by stillIdForFragment, or null. */
export function fragmentIdOfStill(stillId: string): string | null {
  return stillId.startsWith('fragment:') ? stillId.slice('fragment:'.length) : null;
}

/** "fragment 6:00 – 6:30", with " (video 2)" when the cycle has several recordings. */
export function fragmentReferenceText(
  fragment: Pick<FragmentLike, 'recordingId' | 'inSec' | 'outSec'>,
  recordings: readonly RecordingLike[],
  lang: Language,
): string {
  const ref = reportPhrase('fragmentReference', lang, { range: formatTimeRange(fragment.inSec, fragment.outSec) });
  const video = recordingLabel(recordings, fragment.recordingId, lang);
  return video ? `${ref} (${video})` : ref;
}

/** A still's moment in the method's notation: "6:12", or "6:12.4" between whole seconds. */
export function formatStillTime(sec: number): string {
  const withTenth = formatTimecode(sec, { fractionDigits: 1 });
  return withTenth.endsWith('.0') ? withTenth.slice(0, -2) : withTenth;
}

const NOTE_KIND_ORDER = ['transcript', 'event', 'observation', 'question_client', 'question_case_manager'];

function isSectionId(id: string): id is SectionId {
  return (SECTION_IDS as readonly string[]).includes(id);
}

function stepOf(method: CycleMethod | null, step: CycleStepId) {
  return method?.steps.find((s) => s.step === step) ?? null;
}

/** Paragraph texts of a free text: blank lines separate paragraphs; single line breaks stay. */
function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function sameQuestions(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((q, i) => q.trim() === b[i]?.trim());
}

class ReportWriter {
  readonly blocks: ReportBlock[] = [];
  readonly warnings: string[] = [];

  constructor(
    readonly input: ReportInput,
    readonly options: ReportOptions,
  ) {}

  get lang(): Language {
    return this.options.lang;
  }

  t(key: ReportPhrase, params?: Record<string, string | number>): string {
    return reportPhrase(key, this.lang, params);
  }

  date(iso: string | null | undefined): string {
    return iso ? formatReportDate(iso, this.lang) : this.t('noDate');
  }

  heading(level: 1 | 2 | 3, text: string) {
    this.blocks.push({ type: 'heading', level, text });
  }

  paragraph(runs: InlineRun[] | string, tone: 'normal' | 'meta' | 'note' = 'normal') {
    this.blocks.push({ type: 'paragraph', runs: typeof runs === 'string' ? [{ text: runs }] : runs, tone });
  }

  /** A free text as paragraphs. */
  text(text: string) {
    for (const p of splitParagraphs(text)) this.paragraph(p);
  }

  /** "Label: value" as a line of facts. */
  fact(label: string, value: string) {
    this.paragraph([{ text: `${label}: `, bold: true }, { text: value }], 'meta');
  }

  lead(text: string) {
    this.paragraph([{ text, bold: true }]);
  }

  list(items: readonly string[], ordered = false) {
    const kept = items.map((i) => i.trim()).filter((i) => i !== '');
    if (kept.length > 0) this.blocks.push({ type: 'list', ordered, items: kept.map((text) => [{ text }]) });
  }

  cycleName(c: ReportCycleInput, withDate: boolean): string {
    const base = this.t('cycleHeading', { n: c.cycle.number });
    const title = c.cycle.title.trim();
    // A title that only repeats "Gesprek 2" adds nothing.
    const named = title !== '' && title.toLocaleLowerCase() !== base.toLocaleLowerCase() ? `${base}: ${title}` : base;
    return withDate && c.cycle.date ? `${named} (${this.date(c.cycle.date)})` : named;
  }

  fragmentReference(fragment: Pick<FragmentLike, 'recordingId' | 'inSec' | 'outSec'>, recordings: readonly RecordingLike[]) {
    return fragmentReferenceText(fragment, recordings, this.lang);
  }

  fragmentBlock(
    c: ReportCycleInput,
    fragment: FragmentLike,
    fields: { label: string; title?: string; note?: string; questions?: string[] },
  ): FragmentBlock {
    const themes = fragment.themes
      .map((id) => themeById(c.framework, id))
      .filter((theme) => theme !== undefined)
      .map((theme) => localText(theme.short, this.lang));
    return {
      type: 'fragment',
      fragmentId: fragment.id,
      reference: this.fragmentReference(fragment, c.recordings),
      label: fields.label,
      title: (fields.title ?? fragment.title).trim(),
      valence: this.t(fragment.valence === 'positive' ? 'positive' : 'concern'),
      valenceKind: fragment.valence,
      themes,
      note: (fields.note ?? fragment.note).trim(),
      questions: fields.questions ?? [],
    };
  }

  feedbackBlock(f: SharedFeedback): FeedbackBlock {
    const mode = f.paraphrase ? 'paraphrase' : f.isQuote ? 'quote' : 'summary';
    const label = f.paraphrase ? this.t('paraphraseLabel') : f.attribution === null ? this.t('anonymousLabel') : '';
    return { type: 'feedback', mode, text: f.text.trim(), attribution: f.attribution, label };
  }

  sharedFeedback(c: ReportCycleInput): SharedFeedback[] {
    return feedbackForOutside(c.method?.feedback ?? [], this.input.trajectory.client, this.lang).filter(
      (f) => f.text.trim() !== '',
    );
  }
}

// ---- Background ---------------------------------------------------------------------------

function writeIntake(w: ReportWriter, c: ReportCycleInput) {
  const intake = c.method?.intake ?? emptyIntake();
  const doubts = intake.doubts.map((d) => d.text).filter((t) => t.trim() !== '');
  const goals = intake.learningGoals.map((d) => d.text).filter((t) => t.trim() !== '');
  if (doubts.length > 0) {
    w.lead(w.t('doubts'));
    w.list(doubts);
  }
  if (goals.length > 0) {
    w.lead(w.t('learningGoals'));
    w.list(goals);
  }
  if (doubts.length === 0 && goals.length === 0) w.paragraph(w.t('noDoubts'), 'note');
  const consent = { yes: 'consentYes', no: 'consentNo', 'not-asked': 'consentNotAsked' } as const;
  if (c.method) w.paragraph(w.t('consent', { value: w.t(consent[intake.consent]) }), 'meta');
  if (intake.nextConversationDate) {
    w.paragraph(w.t('nextConversation', { date: w.date(intake.nextConversationDate) }), 'meta');
  }
}

function interviewHeld(c: ReportCycleInput): boolean {
  const step = stepOf(c.method, 'client-interview');
  return c.method?.intake.consent !== 'no' && step?.status !== 'skipped';
}

function writeBackground(w: ReportWriter, inScope: readonly ReportCycleInput[]) {
  const { trajectory } = w.input;
  w.heading(1, w.t('background'));
  w.fact(w.t('caseManager'), trajectory.caseManager);
  w.fact(w.t('client'), trajectory.client);
  if (splitParagraphs(w.input.background).length > 0) w.text(w.input.background);
  else w.paragraph(w.t('noBackground'), 'note');

  w.blocks.push({
    type: 'table',
    caption: w.t('overviewCaption'),
    header: [w.t('colCycle'), w.t('colRecorded'), w.t('colInterview'), w.t('colMeeting')],
    rows: inScope.map((c) => {
      const interview = interviewHeld(c)
        ? w.date(c.method?.interviewDate ?? stepOf(c.method, 'client-interview')?.date)
        : w.t('notHeld');
      const meeting = w.date(c.method?.outcome.date ?? stepOf(c.method, 'reflection-meeting')?.date);
      return [w.cycleName(c, false), w.date(c.cycle.date), interview, meeting];
    }),
  });

  const first = inScope[0];
  if (first) {
    w.heading(2, sectionTitle('learning-goals', w.lang));
    writeIntake(w, first);
  }
}

// ---- The annotated transcript -------------------------------------------------------------

function writeTranscript(w: ReportWriter, c: ReportCycleInput) {
  w.heading(2, w.t('transcript'));
  const recordings = [...c.recordings].sort((a, b) => a.position - b.position);
  if (recordings.length === 0) {
    w.paragraph(w.t('noRecordings'), 'note');
    return;
  }
  if (c.notes.length === 0) w.warnings.push(w.t('warnNoNotes', { n: c.cycle.number }));
  for (const recording of recordings) {
    if (recordings.length > 1) w.heading(3, w.t('videoHeading', { n: recording.position, file: recording.fileName }));
    type Entry = { at: number; rank: number; block: ReportBlock };
    const entries: Entry[] = [];
    for (const fragment of c.fragments.filter((f) => f.recordingId === recording.id)) {
      entries.push({ at: fragment.inSec, rank: -1, block: w.fragmentBlock(c, fragment, { label: w.t('fragmentLabel') }) });
    }
    for (const note of c.notes.filter((n) => n.recordingId === recording.id && n.text.trim() !== '')) {
      const time = formatTimecode(note.timeSec);
      const text = note.text.trim();
      const block: ReportBlock =
        note.kind === 'transcript' || note.kind === 'event'
          ? { type: 'transcript', time, speaker: note.speaker.trim(), text, event: note.kind === 'event' }
          : note.kind === 'observation'
            ? { type: 'observation', time, label: w.t('observation'), text }
            : {
                type: 'question',
                audience: note.kind === 'question_client' ? 'client' : 'case-manager',
                time,
                label: w.t(note.kind === 'question_client' ? 'questionClient' : 'questionCaseManager'),
                text: questionFromNote(text),
              };
      entries.push({ at: note.timeSec, rank: NOTE_KIND_ORDER.indexOf(note.kind), block });
    }
    entries.sort((a, b) => a.at - b.at || a.rank - b.rank);
    if (entries.length === 0) w.paragraph(w.t('noNotes'), 'note');
    for (const entry of entries) w.blocks.push(entry.block);
  }
}

// ---- The client interview -----------------------------------------------------------------

function itemReference(w: ReportWriter, c: ReportCycleInput, item: AgendaItem): string {
  const fragment = item.fragmentId === null ? undefined : c.fragments.find((f) => f.id === item.fragmentId);
  if (fragment) return w.fragmentReference(fragment, c.recordings);
  if (item.replay) return w.t('fragmentReference', { range: item.replay.label });
  // "Vraag bij 6:20 (video 1)" already says where it is.
  const anchor = item.anchor?.label ?? '';
  return anchor !== '' && item.title.includes(anchor) ? '' : anchor;
}

function writeInterview(w: ReportWriter, c: ReportCycleInput) {
  const method = c.method;
  w.heading(2, w.t('interview'));
  const date = method?.interviewDate ?? stepOf(method, 'client-interview')?.date;
  if (date && interviewHeld(c)) w.paragraph(w.t('dateLine', { date: w.date(date) }), 'meta');

  const shared = w.sharedFeedback(c);
  const all = method?.feedback ?? [];
  const privateCount = all.filter((f) => f.sharing !== 'share' && f.sharing !== 'anonymous').length;
  const anonymousCount = all.filter((f) => f.sharing === 'anonymous').length;
  if (privateCount > 0) w.warnings.push(w.t('warnPrivate', { n: c.cycle.number, count: privateCount }));
  if (anonymousCount > 0) w.warnings.push(w.t('warnAnonymous', { n: c.cycle.number, count: anonymousCount }));

  if (!interviewHeld(c)) {
    const noConsent = method?.intake.consent === 'no';
    w.paragraph(w.t(noConsent ? 'interviewNoConsent' : 'interviewSkipped'), 'note');
    const reason = (stepOf(method, 'client-interview')?.note || method?.intake.skipReason || '').trim();
    if (reason !== '') w.paragraph(w.t('reason', { reason }), 'meta');
    if (shared.length === 0) return;
  }

  const items = method?.interviewAgenda ? orderedItems(method.interviewAgenda).filter((i) => !i.removed) : [];
  if (items.length === 0 && shared.length === 0) {
    w.paragraph(w.t('interviewNothing'), 'note');
    return;
  }
  if (items.length > 0) {
    w.blocks.push({
      type: 'table',
      caption: w.t('interviewItemsCaption'),
      header: [w.t('colItem'), w.t('colReplay'), w.t('colQuestions')],
      rows: items.map((item) => [
        [item.title.trim(), item.text.trim()].filter((s) => s !== '').join('\n'),
        itemReference(w, c, item),
        [...item.questions, ...item.subQuestions].join('\n'),
      ]),
    });
  }

  w.heading(3, w.t('clientSaid'));
  if (shared.length === 0) {
    w.paragraph(w.t('noSharedFeedback'), 'note');
    return;
  }
  const placed = new Set<string>();
  for (const item of items) {
    const group = shared.filter((f) => f.agendaItemId === item.id);
    if (group.length === 0) continue;
    const ref = itemReference(w, c, item);
    w.lead(ref !== '' ? `${item.title} — ${ref}` : item.title);
    for (const f of group) {
      w.blocks.push(w.feedbackBlock(f));
      placed.add(f.id);
    }
  }
  const rest = shared.filter((f) => !placed.has(f.id));
  if (rest.length > 0 && placed.size > 0) w.lead(w.t('otherFeedback'));
  for (const f of rest) w.blocks.push(w.feedbackBlock(f));
}

// ---- The reflection meeting ---------------------------------------------------------------

/** The theme a piece of feedback is about: its own, else its fragment's, else null (general). */
function feedbackTheme(f: SharedFeedback, c: ReportCycleInput): string | null {
  if (f.themeId !== null && themeById(c.framework, f.themeId)) return f.themeId;
  const fragment = f.fragmentId === null ? undefined : c.fragments.find((x) => x.id === f.fragmentId);
  return fragment ? primaryTheme(fragment, c.framework) : null;
}

function meetingAgenda(w: ReportWriter, c: ReportCycleInput, previousIntentions: readonly TextItem[]) {
  if (c.method?.reflectionAgenda) return { agenda: c.method.reflectionAgenda, stored: true };
  let n = 0;
  const agenda = buildReflectionAgenda({
    framework: c.framework,
    lang: w.lang,
    intake: c.method?.intake ?? emptyIntake(),
    fragments: c.fragments,
    notes: c.notes,
    recordings: c.recordings,
    feedback: c.method?.feedback ?? [],
    clientLabel: w.input.trajectory.client,
    previousIntentions,
    newId: () => `proposed-${++n}`,
  });
  return { agenda, stored: false };
}

function writeMeeting(
  w: ReportWriter,
  c: ReportCycleInput,
  agenda: ReturnType<typeof meetingAgenda>['agenda'],
  stored: boolean,
) {
  w.heading(2, w.t('meeting'));
  const date = c.method?.outcome.date ?? stepOf(c.method, 'reflection-meeting')?.date;
  if (date) w.paragraph(w.t('dateLine', { date: w.date(date) }), 'meta');
  if (!stored) {
    w.paragraph(w.t('proposedAgenda'), 'note');
    w.warnings.push(w.t('warnNoAgenda', { n: c.cycle.number }));
  }

  // Feedback items are rebuilt from the method record below; the agenda's copies are not used.
  const items = orderedItems(agenda).filter((i) => !i.removed && i.source.kind !== 'feedback');
  const feedbackByTheme = new Map<string | null, SharedFeedback[]>();
  for (const f of w.sharedFeedback(c)) {
    const theme = feedbackTheme(f, c);
    feedbackByTheme.set(theme, [...(feedbackByTheme.get(theme) ?? []), f]);
  }
  const standardQuestions = questionTexts(c.framework.questionSets.reflectionFragment, agenda.lang);
  const fragmentOf = (item: AgendaItem) =>
    item.fragmentId === null ? undefined : c.fragments.find((f) => f.id === item.fragmentId);

  if (items.some((i) => fragmentOf(i)) && standardQuestions.length > 0) {
    w.paragraph([{ text: w.t('perFragment'), italic: true }]);
    w.list(standardQuestions);
  }

  const themeFeedbackDone = new Set<string | null>();
  const writeThemeFeedback = (themeId: string | null) => {
    if (themeId === null || themeFeedbackDone.has(themeId)) return;
    const group = feedbackByTheme.get(themeId);
    if (!group) return;
    themeFeedbackDone.add(themeId);
    w.lead(w.t('feedbackOnThisTheme'));
    for (const f of group) w.blocks.push(w.feedbackBlock(f));
  };

  const writeFragmentItem = (item: AgendaItem) => {
    const fragment = fragmentOf(item);
    const questions = sameQuestions(item.questions, standardQuestions) ? [] : item.questions;
    if (!fragment) {
      // The fragment is gone; the agenda remembers where it was.
      w.lead(item.replay ? `${item.title} — ${w.t('fragmentReference', { range: item.replay.label })}` : item.title);
      if (item.text.trim() !== '') w.text(item.text);
      w.list(questions);
      return;
    }
    w.blocks.push(w.fragmentBlock(c, fragment, { label: w.t('replay'), title: item.title, note: item.text, questions }));
    if (w.options.includeStills) {
      w.blocks.push({
        type: 'image',
        stillId: stillIdForFragment(fragment.id),
        caption: w.t('stillCaption', {
          reference: w.fragmentReference(fragment, c.recordings),
          time: formatStillTime(stillTimeOf(fragment)),
        }),
      });
    }
  };

  const writeOtherItem = (item: AgendaItem, sectionHeading: string) => {
    if (item.source.kind === 'note') {
      w.blocks.push({
        type: 'question',
        audience: 'case-manager',
        time: item.anchor?.label ?? null,
        label: w.t('questionCaseManager'),
        text: item.questions.join(' ').trim() || item.text.trim(),
      });
      return;
    }
    if (item.title.trim() !== '' && item.title.trim() !== sectionHeading) w.lead(item.title);
    if (item.text.trim() !== '') w.text(item.text);
    w.list(item.questions);
    if (item.subQuestions.length > 0) {
      w.paragraph([{ text: w.t('subQuestions'), italic: true }]);
      w.list(item.subQuestions);
    }
  };

  for (const section of agenda.sections) {
    const heading = isSectionId(section.id) ? sectionTitle(section.id, w.lang) : section.title;
    if (section.id === 'client-feedback') {
      const general = feedbackByTheme.get(null) ?? [];
      const left = [...feedbackByTheme.keys()].filter((k) => k !== null && !themeFeedbackDone.has(k));
      if (general.length === 0 && left.length === 0) continue;
      w.heading(3, heading);
      for (const f of general) w.blocks.push(w.feedbackBlock(f));
      for (const themeId of left) {
        const theme = themeId === null ? undefined : themeById(c.framework, themeId);
        if (theme) w.lead(localText(theme.label, w.lang));
        for (const f of feedbackByTheme.get(themeId) ?? []) w.blocks.push(w.feedbackBlock(f));
        themeFeedbackDone.add(themeId);
      }
      continue;
    }
    const sectionItems = items.filter((i) => i.section === section.id);
    if (sectionItems.length === 0) continue;

    if (section.id === 'open-questions' || section.id === 'focused-questions') {
      // Open questions: one heading, a bold line per theme. Focused questions (the meeting's
      // main questions): a heading per theme, numbered in the method's order.
      const focused = section.id === 'focused-questions';
      let currentTheme: string | null = null;
      let themeCount = 0;
      let headed = !focused;
      if (!focused) w.heading(3, heading);
      for (const item of sectionItems) {
        if (item.source.kind === 'theme') {
          writeThemeFeedback(currentTheme);
          currentTheme = item.themeId;
          themeCount++;
          headed = true;
          const theme = item.themeId === null ? undefined : themeById(c.framework, item.themeId);
          const name = theme && !item.userEdited ? localText(theme.label, w.lang) : item.title;
          if (focused) w.heading(3, w.t('focusedTheme', { n: themeCount, theme: name }));
          else w.lead(name);
          if (item.text.trim() !== '') w.text(item.text);
          w.list(item.questions);
          if (item.subQuestions.length > 0) {
            w.paragraph([{ text: w.t('subQuestions'), italic: true }]);
            w.list(item.subQuestions);
          }
        } else {
          if (!headed) {
            w.heading(3, heading);
            headed = true;
          }
          if (item.fragmentId !== null) writeFragmentItem(item);
          else writeOtherItem(item, heading);
        }
      }
      writeThemeFeedback(currentTheme);
      continue;
    }

    w.heading(3, heading);
    for (const item of sectionItems) {
      if (item.fragmentId !== null) writeFragmentItem(item);
      else writeOtherItem(item, heading);
    }
  }

  // Feedback on a theme whose item was removed from the agenda still belongs in the report.
  const unplaced = [...feedbackByTheme.keys()].filter((k) => !themeFeedbackDone.has(k) && k !== null);
  if (unplaced.length > 0 && !agenda.sections.some((s) => s.id === 'client-feedback')) {
    w.heading(3, sectionTitle('client-feedback', w.lang));
    for (const themeId of unplaced) for (const f of feedbackByTheme.get(themeId) ?? []) w.blocks.push(w.feedbackBlock(f));
  }
}

function writeMeetingReport(
  w: ReportWriter,
  c: ReportCycleInput,
  agenda: ReturnType<typeof meetingAgenda>['agenda'],
  stored: boolean,
) {
  w.heading(2, w.t('meetingReport'));
  const outcome = c.method?.outcome;
  const date = outcome?.date ?? stepOf(c.method, 'reflection-meeting')?.date;
  if (date) w.paragraph(w.t('dateLine', { date: w.date(date) }), 'meta');
  let written = 0;
  const items = stored ? orderedItems(agenda) : [];
  // A note on a client-feedback item the client shares nothing of (any more) may retell what
  // they withdrew: it stays in the app, not in the report, and the researcher is told.
  const nothingToShare = stored && c.method ? itemIdsWithNothingToShare(agenda, c.method.feedback) : new Set<string>();
  if (outcome) {
    for (const item of items) {
      const note = itemNote(outcome, item.id).trim();
      if (note === '') continue;
      if (nothingToShare.has(item.id)) {
        w.warnings.push(w.t('warnNoteOnWithdrawn', { n: c.cycle.number, item: item.title }));
        continue;
      }
      const ref = itemReference(w, c, item);
      w.lead(ref !== '' ? `${item.title} — ${ref}` : item.title);
      w.text(note);
      written++;
    }
    const known = new Set(items.map((i) => i.id));
    for (const n of outcome.itemNotes.filter((x) => !known.has(x.agendaItemId) && x.text.trim() !== '')) {
      w.text(n.text);
      written++;
    }
  }
  if (written === 0) w.paragraph(w.t('noMeetingNotes'), 'note');
}

function writeTakeaways(w: ReportWriter, c: ReportCycleInput) {
  w.heading(2, w.t('takeawaysHeading'));
  const outcome = c.method?.outcome;
  const takeaways = outcome?.takeaways.map((x) => x.text).filter((x) => x.trim() !== '') ?? [];
  const intentions = outcome?.intentions.map((x) => x.text).filter((x) => x.trim() !== '') ?? [];
  const evaluation = outcome?.evaluation.trim() ?? '';
  if (takeaways.length > 0) {
    w.lead(w.t('takeaways'));
    w.list(takeaways);
  }
  if (intentions.length > 0) {
    w.lead(w.t('intentions'));
    w.list(intentions);
  }
  if (evaluation !== '') {
    w.lead(w.t('evaluation'));
    w.text(evaluation);
  }
  if (takeaways.length === 0 && intentions.length === 0 && evaluation === '') w.paragraph(w.t('nothingYet'), 'note');
}

// ---- The whole report ---------------------------------------------------------------------

function writeCycle(w: ReportWriter, c: ReportCycleInput, positionInScope: number, previous: ReportCycleInput | null) {
  w.blocks.push({ type: 'page-break' });
  w.heading(1, w.cycleName(c, true));
  if (positionInScope > 0) {
    w.heading(2, sectionTitle('learning-goals', w.lang));
    writeIntake(w, c);
  }
  const previousIntentions = intentionsForNextCycle(previous?.method?.outcome);
  if (previous && previousIntentions.length > 0) {
    w.heading(2, w.t('previousIntentions', { n: previous.cycle.number }));
    w.list(previousIntentions.map((i) => i.text));
    w.paragraph(w.t('intentionsLens'), 'meta');
  }
  writeTranscript(w, c);
  if (w.options.includeAlignment && c.alignment) {
    const themeLabel = (id: string) => {
      const theme = themeById(c.framework, id);
      return theme ? localText(theme.short, w.lang) : id;
    };
    w.blocks.push(...alignmentSection(c.alignment, w.lang, themeLabel));
  }
  writeInterview(w, c);
  const { agenda, stored } = meetingAgenda(w, c, previousIntentions);
  writeMeeting(w, c, agenda, stored);
  writeMeetingReport(w, c, agenda, stored);
  writeTakeaways(w, c);
}

function writeHowItWentOn(w: ReportWriter, inScope: readonly ReportCycleInput[]) {
  w.heading(1, w.t('howItWentOn'));
  const texts = inScope
    .map((c) => ({ c, text: (c.howItWentOn ?? stepOf(c.method, 'follow-up')?.note ?? '').trim() }))
    .filter((x) => x.text !== '');
  if (texts.length === 0) {
    w.paragraph(w.t('nothingYet'), 'note');
    return;
  }
  for (const { c, text } of texts) {
    if (texts.length > 1) w.lead(w.cycleName(c, false));
    w.text(text);
  }
}

/**
 * The report as a document model, pseudonymised. Throws ReportInputError for a cycle report
 * of an unknown cycle, and PseudonymisationError when a listed name would be left in it
 * (a replacement that contains a listed name): such a document must not exist.
 */
export function buildReport(input: ReportInput, options: ReportOptions): ReportDocument {
  const { lang, scope } = options;
  let inScope: ReportCycleInput[];
  if (scope === 'cycle') {
    const one = input.cycles.find((c) => c.cycle.id === options.cycleId);
    if (!one) throw new ReportInputError(`No cycle ${options.cycleId ?? '(none given)'} in this trajectory`);
    inScope = [one];
  } else {
    inScope = [...input.cycles];
  }

  const w = new ReportWriter(input, options);
  const { caseManager, client } = input.trajectory;
  const title = reportPhrase('titleTrajectory', lang, { caseManager, client });
  const onlyCycle = scope === 'cycle' ? inScope[0] : undefined;
  const subtitle = onlyCycle
    ? reportPhrase('subtitleCycle', lang, { cycle: w.cycleName(onlyCycle, true) })
    : reportPhrase('subtitleTrajectory', lang);

  if (options.pseudonyms.length === 0) w.warnings.push(w.t('warnNoPseudonyms'));
  writeBackground(w, inScope);
  inScope.forEach((c, i) => {
    const at = input.cycles.indexOf(c);
    writeCycle(w, c, i, at > 0 ? (input.cycles[at - 1] ?? null) : null);
  });
  writeHowItWentOn(w, inScope);

  const raw: ReportDocument = { lang, scope, title, subtitle, blocks: w.blocks, warnings: w.warnings };
  return pseudonymiseReport(raw, options.pseudonyms);
}

/**
 * Every text of the document with the listed names replaced; throws PseudonymisationError,
 * naming the names and where they are, when one is still there afterwards.
 */
export function pseudonymiseReport(doc: ReportDocument, pseudonyms: PseudonymList): ReportDocument {
  const p = createPseudonymiser(pseudonyms);
  const result = mapReportTexts(doc, (text) => p.pseudonymise(text));
  assertReportHasNoListedNames(result, pseudonyms);
  return result;
}

/** Throws PseudonymisationError when any text of the document contains a listed name. */
export function assertReportHasNoListedNames(doc: ReportDocument, pseudonyms: PseudonymList): void {
  const texts = reportTexts(doc);
  assertNoListedNames(
    texts.map((t) => t.text),
    pseudonyms,
    texts.map((t) => t.where),
  );
}
