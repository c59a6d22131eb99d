// The review package's document: what the case manager sees in the package's index.html. Pure.
//
// Its items are the reflection agenda's (shown items, in order; the agenda's client-feedback items
// are rebuilt, see below) or every fragment with one theme, each with its clip when it replays a
// fragment. Client feedback only goes out through feedbackForOutside (sharing.ts), read fresh from
// the method record, never from an agenda item's stored copy (which may predate a changed
// sharing choice): feedback given on a fragment goes with that fragment's item, the rest into one
// "what the client said" item at the end. Every text is pseudonymised in one pass, and the
// document is refused (PseudonymisationError) when a listed name would be left in it.
import type { Cycle, Language, Trajectory } from '../domain';
import { createPseudonymiser, assertNoListedNames, type PseudonymList } from '../exchange/pseudonymise';
import { type Framework, localText, themeById } from '../framework';
import {
  type AgendaItem,
  type CycleMethod,
  feedbackForOutside,
  feedbackQuestions,
  type FragmentLike,
  orderedItems,
  playlistForTheme,
  type RecordingLike,
  replaySnapshot,
  sectionTitle,
  SECTION_IDS,
  shownItemIds,
  type SectionId,
  type SharedFeedback,
} from '../method';
import { formatReportDate } from '../report/phrases';
import type { PackageFeedback, PackageItem, PackageSource, ReviewPackageDocument } from './model';
import { ANSWERS_EXTENSION, PACKAGE_FORMAT } from './model';
import { pageText, pageTexts } from './page-texts';

export interface ReviewPackageInput {
  packageId: string;
  /** Today, YYYY-MM-DD. */
  madeOn: string;
  trajectory: Pick<Trajectory, 'caseManager' | 'client'>;
  cycle: Pick<Cycle, 'id' | 'number' | 'title' | 'date'>;
  method: CycleMethod;
  framework: Framework;
  fragments: readonly FragmentLike[];
  recordings: readonly RecordingLike[];
  source: PackageSource;
  /** Items the researcher left out (PackageItem ids). */
  leaveOut?: readonly string[];
  pseudonyms: PseudonymList;
  /** The cycle's language: its reflection agenda's, else the app's. */
  lang: Language;
}

/** A clip to cut for the package: which fragment, into which file. */
export interface PackageClipPlan {
  file: string;
  fragmentId: string;
  recordingId: string;
  inSec: number;
  outSec: number;
}

export interface ReviewPackage {
  document: ReviewPackageDocument;
  clips: PackageClipPlan[];
}

export class ReviewPackageInputError extends Error {
  constructor(
    readonly problem: 'no-agenda' | 'unknown-theme' | 'empty',
    message: string,
  ) {
    super(message);
    this.name = 'ReviewPackageInputError';
  }
}

/** The id a theme package gives a fragment's item: the reflection agenda's item for it, if any. */
function themeItemId(method: CycleMethod, fragmentId: string): string {
  const agendaItem = method.reflectionAgenda?.items.find((i) => !i.removed && i.fragmentId === fragmentId);
  return agendaItem?.id ?? `fragment:${fragmentId}`;
}

function packageFeedback(f: SharedFeedback): PackageFeedback {
  return { text: f.text.trim(), mode: f.paraphrase ? 'paraphrase' : f.isQuote ? 'quote' : 'summary', attribution: f.attribution };
}

function sectionName(agendaSections: readonly { id: string; title: string }[], id: string, lang: Language): string {
  if ((SECTION_IDS as readonly string[]).includes(id)) return sectionTitle(id as SectionId, lang);
  return agendaSections.find((s) => s.id === id)?.title ?? '';
}

class Clips {
  readonly plans: PackageClipPlan[] = [];
  constructor(
    private readonly fragments: readonly FragmentLike[],
    private readonly recordings: readonly RecordingLike[],
    private readonly lang: Language,
  ) {}

  /** The clip of a fragment (one file per fragment, however often it is shown), or null when it is gone. */
  of(fragmentId: string | null): PackageItem['clip'] {
    const fragment = fragmentId === null ? undefined : this.fragments.find((f) => f.id === fragmentId);
    if (!fragment || !this.recordings.some((r) => r.id === fragment.recordingId)) return null;
    let plan = this.plans.find((p) => p.fragmentId === fragment.id);
    if (!plan) {
      plan = {
        file: `clips/${String(this.plans.length + 1).padStart(2, '0')}.mp4`,
        fragmentId: fragment.id,
        recordingId: fragment.recordingId,
        inSec: fragment.inSec,
        outSec: fragment.outSec,
      };
      this.plans.push(plan);
    }
    const label = replaySnapshot(fragment, this.recordings, this.lang).label;
    return { file: plan.file, label, durationSec: Math.max(0, fragment.outSec - fragment.inSec) };
  }
}

function reflectionItems(input: ReviewPackageInput, clips: Clips, shared: SharedFeedback[]): PackageItem[] {
  const agenda = input.method.reflectionAgenda;
  if (!agenda) throw new ReviewPackageInputError('no-agenda', 'The cycle has no reflection agenda yet');
  const { lang } = input;
  const onScreen = shownItemIds(agenda, input.method.feedback);
  const shown = orderedItems(agenda).filter((i) => !i.removed && onScreen.has(i.id));
  const items: PackageItem[] = [];
  const placed = new Set<string>();
  for (const item of shown.filter((i) => i.source.kind !== 'feedback')) {
    const feedback = item.fragmentId === null ? [] : shared.filter((f) => f.fragmentId === item.fragmentId);
    for (const f of feedback) placed.add(f.id);
    items.push({
      id: item.id,
      section: sectionName(agenda.sections, item.section, lang),
      title: item.title,
      text: item.text,
      questions: item.questions,
      subQuestions: item.subQuestions,
      clip: clips.of(item.fragmentId),
      feedback: feedback.map(packageFeedback),
    });
  }
  const rest = shared.filter((f) => !placed.has(f.id));
  if (rest.length > 0) {
    // Answers about it go to the agenda's first client-feedback item that refers to some of it,
    // else its first client-feedback item; never to one the reflection page hides (`shown`).
    const restIds = new Set(rest.map((f) => f.id));
    const feedbackItems = shown.filter((i) => i.source.kind === 'feedback');
    const feedbackItem: AgendaItem | undefined =
      feedbackItems.find((i) => i.feedbackIds.some((id) => restIds.has(id))) ?? feedbackItems[0];
    items.push({
      id: feedbackItem?.id ?? 'client-feedback',
      section: sectionTitle('client-feedback', lang),
      title: pageText('clientFeedback', lang),
      text: '',
      questions: feedbackQuestions(lang),
      subQuestions: [],
      clip: null,
      feedback: rest.map(packageFeedback),
    });
  }
  return items;
}

function themeItems(input: ReviewPackageInput, themeId: string, clips: Clips, shared: SharedFeedback[]): PackageItem[] {
  const theme = themeById(input.framework, themeId);
  if (!theme) throw new ReviewPackageInputError('unknown-theme', `The framework has no theme ${themeId}`);
  const entries = playlistForTheme(themeId, input.fragments, input.framework, {
    lang: input.lang,
    audience: 'case-manager',
    recordings: input.recordings,
  });
  return entries.map((entry) => ({
    id: themeItemId(input.method, entry.fragmentId),
    section: localText(theme.label, input.lang),
    title: entry.title,
    text: input.fragments.find((f) => f.id === entry.fragmentId)?.note ?? '',
    questions: entry.questions,
    subQuestions: [],
    clip: clips.of(entry.fragmentId),
    feedback: shared.filter((f) => f.fragmentId === entry.fragmentId).map(packageFeedback),
  }));
}

/** Every text of the document passed through `f` (one list, used for pseudonymising and checking). */
export function mapPackageTexts(doc: ReviewPackageDocument, f: (text: string) => string): ReviewPackageDocument {
  return {
    ...doc,
    title: f(doc.title),
    subtitle: f(doc.subtitle),
    madeOn: f(doc.madeOn),
    doubts: doc.doubts.map(f),
    learningGoals: doc.learningGoals.map(f),
    answersFileName: f(doc.answersFileName),
    items: doc.items.map((item) => ({
      ...item,
      section: f(item.section),
      title: f(item.title),
      text: f(item.text),
      questions: item.questions.map(f),
      subQuestions: item.subQuestions.map(f),
      clip: item.clip && { ...item.clip, label: f(item.clip.label) },
      feedback: item.feedback.map((fb) => ({ ...fb, text: f(fb.text), attribution: fb.attribution === null ? null : f(fb.attribution) })),
    })),
    texts: Object.fromEntries(Object.entries(doc.texts).map(([k, v]) => [k, f(v)])),
  };
}

/** The package's document and the clips it needs. Throws ReviewPackageInputError or PseudonymisationError. */
export function buildReviewPackage(input: ReviewPackageInput): ReviewPackage {
  const { lang, method } = input;
  const clips = new Clips(input.fragments, input.recordings, lang);
  const shared = feedbackForOutside(method.feedback, input.trajectory.client, lang).filter((f) => f.text.trim() !== '');
  const leaveOut = new Set(input.leaveOut ?? []);

  const all =
    input.source.kind === 'reflection' ? reflectionItems(input, clips, shared) : themeItems(input, input.source.themeId, clips, shared);
  const items = all.filter((i) => !leaveOut.has(i.id));
  if (items.length === 0) throw new ReviewPackageInputError('empty', 'Nothing to put in the package');
  const usedClips = new Set(items.flatMap((i) => (i.clip ? [i.clip.file] : [])));

  const carriesIntake = method.reflectionAgenda?.items.some(
    (i) => i.source.kind === 'intake' && items.some((p) => p.id === i.id),
  );
  const nonEmpty = (list: readonly { text: string }[]) => list.map((d) => d.text.trim()).filter((t) => t !== '');
  const theme = input.source.kind === 'theme' ? themeById(input.framework, input.source.themeId) : undefined;
  const cycleName = input.cycle.title.trim() || `#${input.cycle.number}`;
  const date = input.cycle.date ? ` (${formatReportDate(input.cycle.date, lang)})` : '';

  const raw: ReviewPackageDocument = {
    format: PACKAGE_FORMAT,
    version: 1,
    packageId: input.packageId,
    cycleId: input.cycle.id,
    lang,
    title: theme ? pageText('themeTitle', lang, { theme: localText(theme.label, lang) }) : pageText('title', lang),
    subtitle: `${input.trajectory.caseManager} · ${cycleName}${date}`,
    madeOn: formatReportDate(input.madeOn, lang),
    doubts: carriesIntake ? [] : nonEmpty(method.intake.doubts),
    learningGoals: carriesIntake ? [] : nonEmpty(method.intake.learningGoals),
    items,
    answersFileName: `${pageText('answersFile', lang)}-${input.cycle.number}-${input.packageId.slice(0, 8)}.${ANSWERS_EXTENSION}`,
    texts: pageTexts(lang),
  };
  const p = createPseudonymiser(input.pseudonyms);
  const document = mapPackageTexts(raw, (text) => p.pseudonymise(text));
  const texts: string[] = [];
  mapPackageTexts(document, (text) => {
    texts.push(text);
    return text;
  });
  assertNoListedNames(texts, input.pseudonyms);
  return { document, clips: clips.plans.filter((c) => usedClips.has(c.file)) };
}
