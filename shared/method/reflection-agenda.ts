// The reflection meeting's agenda, on the method's three pillars:
//   opening (follow-up cycle only): how did it go, and each intention from the previous cycle;
//   (a) the case manager's doubts and learning goals from the intake;
//   (b) the analysis: open questions, then the focused questions in the method's order, each
//       theme followed by its fragments to replay, then the analysts' questions;
//   (c) the client's feedback per theme, only as sharing.ts lets it out when the agenda is read
//       (items refer to all the feedback, private included: see live-feedback.ts);
//   closing: takeaways and evaluation.
// Appreciative inquiry: within each theme, positive fragments come before concerns.
import type { Language } from '../domain';
import { type Framework, type FrameworkTheme, focusedThemes, localText, openThemes, themeById } from '../framework';
import { mergeAgenda } from './agenda-merge';
import { generatedItem, type NewId, questionTexts, randomId } from './agenda-items';
import { comparePositiveFirst, primaryTheme } from './fragment-order';
import type {
  Agenda,
  AgendaItem,
  ClientFeedback,
  FragmentLike,
  Intake,
  NoteLike,
  RecordingLike,
  TextItem,
} from './model';
import { agendaWithLiveFeedback } from './live-feedback';
import { questionFromNote, questionNotes } from './note-questions';
import { fragmentTitle, noteAnchor, replaySnapshot } from './replay-labels';
import { feedbackForOutside } from './sharing';
import { feedbackQuestions, intentionQuestions, phrase, type SectionId, sectionTitle } from './section-titles';

export interface ReflectionAgendaInput {
  framework: Framework;
  lang: Language;
  intake: Pick<Intake, 'doubts' | 'learningGoals'>;
  fragments: readonly FragmentLike[];
  notes: readonly NoteLike[];
  recordings: readonly RecordingLike[];
  /** All feedback from the interview; items refer to it, and show it as feedbackForOutside lets out. */
  feedback: readonly ClientFeedback[];
  /** The client's pseudonym, for attribution of shared feedback. */
  clientLabel?: string;
  /** Intentions from the previous cycle's meeting (see intentionsForNextCycle). */
  previousIntentions: readonly TextItem[];
  /** Open with the follow-up questions; defaults to "there are previous intentions". */
  followUp?: boolean;
  newId?: NewId;
}

/**
 * The theme a piece of feedback is about: its own theme when the framework knows it, else the
 * theme of the fragment it was given on, else null (general feedback).
 */
function feedbackTheme(f: ClientFeedback, fragments: readonly FragmentLike[], framework: Framework): string | null {
  if (f.themeId !== null && themeById(framework, f.themeId)) return f.themeId;
  const fragment = f.fragmentId === null ? undefined : fragments.find((x) => x.id === f.fragmentId);
  return fragment ? primaryTheme(fragment, framework) : null;
}

export function buildReflectionAgenda(input: ReflectionAgendaInput, previous?: Agenda | null): Agenda {
  const { framework, lang, recordings } = input;
  const newId = input.newId ?? randomId;
  const sets = framework.questionSets;
  const items: AgendaItem[] = [];
  const clientLabel = input.clientLabel ?? '';
  // References to the given feedback, and which of it may be shown now (for the withdrawn notice).
  const outside = new Set(feedbackForOutside(input.feedback, clientLabel, lang).map((f) => f.id));
  const refs = (feedback: readonly ClientFeedback[]) => ({
    feedbackIds: feedback.map((f) => f.id),
    shownFeedbackIds: feedback.filter((f) => outside.has(f.id)).map((f) => f.id),
  });

  // Opening of a follow-up cycle.
  const followUp = input.followUp ?? input.previousIntentions.length > 0;
  if (followUp) {
    if (sets.followUpOpening.length > 0) {
      items.push(
        generatedItem(newId, {
          source: { kind: 'question-set', refId: 'followUpOpening' },
          section: 'follow-up-opening',
          title: phrase('followUpOpening', lang),
          questions: questionTexts(sets.followUpOpening, lang),
        }),
      );
    }
    for (const intention of input.previousIntentions.filter((i) => i.text.trim() !== '')) {
      items.push(
        generatedItem(newId, {
          source: { kind: 'intention', refId: intention.id },
          section: 'follow-up-opening',
          title: phrase('intention', lang),
          text: intention.text,
          questions: intentionQuestions(lang),
        }),
      );
    }
  }

  // (a) Doubts and learning goals.
  const intakeItems = [
    ...input.intake.doubts.map((item) => ({ item, title: phrase('doubt', lang) })),
    ...input.intake.learningGoals.map((item) => ({ item, title: phrase('learningGoal', lang) })),
  ];
  for (const { item, title } of intakeItems.filter(({ item }) => item.text.trim() !== '')) {
    items.push(
      generatedItem(newId, {
        source: { kind: 'intake', refId: item.id },
        section: 'learning-goals',
        title,
        text: item.text,
      }),
    );
  }

  // (b) The analysis. A fragment with several themes is listed once, under primaryTheme.
  const forCaseManager = input.fragments.filter((f) => f.forCaseManager);
  const positiveFirst = comparePositiveFirst(recordings);
  const fragmentItem = (fragment: FragmentLike, section: SectionId, themeId: string | null) =>
    generatedItem(newId, {
      source: { kind: 'fragment', refId: fragment.id },
      section,
      themeId,
      title: fragmentTitle(fragment, lang),
      text: fragment.note,
      questions: questionTexts(sets.reflectionFragment, lang),
      fragmentId: fragment.id,
      valence: fragment.valence,
      replay: replaySnapshot(fragment, recordings, lang),
      ...refs(input.feedback.filter((f) => f.fragmentId === fragment.id)),
    });
  const themeBlock = (theme: FrameworkTheme, section: SectionId) => {
    items.push(
      generatedItem(newId, {
        source: { kind: 'theme', refId: theme.id },
        section,
        themeId: theme.id,
        title: localText(theme.label, lang),
        questions: questionTexts(theme.questions, lang),
        subQuestions: questionTexts(theme.subQuestions, lang),
      }),
    );
    forCaseManager
      .filter((f) => primaryTheme(f, framework) === theme.id)
      .sort(positiveFirst)
      .forEach((f) => items.push(fragmentItem(f, section, theme.id)));
  };
  openThemes(framework).forEach((theme) => themeBlock(theme, 'open-questions'));
  focusedThemes(framework).forEach((theme) => themeBlock(theme, 'focused-questions'));
  forCaseManager
    .filter((f) => primaryTheme(f, framework) === null)
    .sort(positiveFirst)
    .forEach((f) => items.push(fragmentItem(f, 'other-fragments', null)));

  for (const note of questionNotes(input.notes, 'question_case_manager', recordings)) {
    const anchor = noteAnchor(note, recordings, lang);
    items.push(
      generatedItem(newId, {
        source: { kind: 'note', refId: note.id },
        section: 'analysis-questions',
        title: phrase('questionAt', lang, { time: anchor.label }),
        questions: [questionFromNote(note.text)],
        anchor,
      }),
    );
  }

  // (c) The client's feedback: general first, then per theme in the agenda's theme order. A theme
  // whose feedback is all private gets its item too (shown by nothing until the client shares).
  const themeOrder: (FrameworkTheme | null)[] = [null, ...openThemes(framework), ...focusedThemes(framework)];
  for (const theme of themeOrder) {
    const themeId = theme?.id ?? null;
    const group = input.feedback.filter((f) => feedbackTheme(f, input.fragments, framework) === themeId);
    if (group.length === 0) continue;
    items.push(
      generatedItem(newId, {
        source: { kind: 'feedback', refId: themeId },
        section: 'client-feedback',
        themeId,
        title: theme
          ? phrase('feedbackOnTheme', lang, { theme: localText(theme.label, lang) })
          : phrase('generalFeedback', lang),
        questions: feedbackQuestions(lang),
        ...refs(group),
      }),
    );
  }

  // Closing.
  if (sets.takeaways.length > 0) {
    items.push(
      generatedItem(newId, {
        source: { kind: 'question-set', refId: 'takeaways' },
        section: 'closing',
        title: phrase('takeaways', lang),
        questions: questionTexts(sets.takeaways, lang),
      }),
    );
  }
  if (sets.evaluation.length > 0) {
    items.push(
      generatedItem(newId, {
        source: { kind: 'question-set', refId: 'evaluation' },
        section: 'closing',
        title: phrase('evaluation', lang),
        questions: questionTexts(sets.evaluation, lang),
      }),
    );
  }

  const sectionIds: SectionId[] = [
    ...(followUp ? (['follow-up-opening'] as const) : []),
    'learning-goals',
    'open-questions',
    'focused-questions',
    ...(items.some((i) => i.section === 'other-fragments') ? (['other-fragments'] as const) : []),
    'analysis-questions',
    'client-feedback',
    'closing',
  ];
  const generated: Agenda = {
    kind: 'reflection',
    frameworkId: framework.id,
    lang,
    sections: sectionIds.map((id) => ({ id, title: sectionTitle(id, lang) })),
    items,
  };
  return agendaWithLiveFeedback(mergeAgenda(generated, previous), input.feedback, clientLabel, lang);
}
