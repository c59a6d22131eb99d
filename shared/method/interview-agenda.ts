// The client interview's agenda: general questions, the fragments marked for the client, the
// analysts' questions for the client, and the closing (with the reminder that taking part is
// voluntary). Built only when the client did not refuse consent.
import type { Language } from '../domain';
import type { Framework } from '../framework';
import { mergeAgenda } from './agenda-merge';
import { generatedItem, type NewId, questionTexts, randomId } from './agenda-items';
import { compareByTime, primaryTheme, themePrecedence } from './fragment-order';
import type { Agenda, AgendaItem, Consent, FragmentLike, NoteLike, RecordingLike } from './model';
import { questionFromNote, questionNotes } from './note-questions';
import { fragmentTitle, noteAnchor, replaySnapshot } from './replay-labels';
import { phrase, type SectionId, sectionTitle } from './section-titles';

export interface InterviewAgendaInput {
  framework: Framework;
  lang: Language;
  fragments: readonly FragmentLike[];
  notes: readonly NoteLike[];
  recordings: readonly RecordingLike[];
  consent: Consent;
  newId?: NewId;
}

export interface BlockedAgenda {
  blocked: true;
  reason: 'no-consent';
}

export function isBlockedAgenda(value: Agenda | BlockedAgenda): value is BlockedAgenda {
  return 'blocked' in value;
}

const INTERVIEW_SECTIONS: SectionId[] = [
  'interview-general',
  'interview-fragments',
  'interview-questions',
  'interview-closing',
];

/**
 * Fragments for the client in the method's theme order (see themePrecedence; fragments without a
 * known theme last), then by time. Consent 'no' blocks the agenda; 'not-asked' does not, so the
 * interview can be prepared while consent is still being asked.
 */
export function buildInterviewAgenda(input: InterviewAgendaInput, previous?: Agenda | null): Agenda | BlockedAgenda {
  if (input.consent === 'no') return { blocked: true, reason: 'no-consent' };
  const { framework, lang, recordings } = input;
  const newId = input.newId ?? randomId;
  const sets = framework.questionSets;
  const items: AgendaItem[] = [];

  if (sets.interviewGeneral.length > 0) {
    items.push(
      generatedItem(newId, {
        source: { kind: 'question-set', refId: 'interviewGeneral' },
        section: 'interview-general',
        title: phrase('generalQuestions', lang),
        questions: questionTexts(sets.interviewGeneral, lang),
      }),
    );
  }

  const precedence = themePrecedence(framework);
  const rank = (f: FragmentLike) => {
    const theme = primaryTheme(f, framework);
    return theme === null ? precedence.length : precedence.indexOf(theme);
  };
  const byTime = compareByTime(recordings);
  const fragments = input.fragments.filter((f) => f.forClient).sort((a, b) => rank(a) - rank(b) || byTime(a, b));
  for (const fragment of fragments) {
    items.push(
      generatedItem(newId, {
        source: { kind: 'fragment', refId: fragment.id },
        section: 'interview-fragments',
        themeId: primaryTheme(fragment, framework),
        title: fragmentTitle(fragment, lang),
        text: fragment.note,
        questions: questionTexts(sets.interviewFragment, lang),
        fragmentId: fragment.id,
        valence: fragment.valence,
        replay: replaySnapshot(fragment, recordings, lang),
      }),
    );
  }

  for (const note of questionNotes(input.notes, 'question_client', recordings)) {
    const anchor = noteAnchor(note, recordings, lang);
    items.push(
      generatedItem(newId, {
        source: { kind: 'note', refId: note.id },
        section: 'interview-questions',
        title: phrase('questionAt', lang, { time: anchor.label }),
        questions: [questionFromNote(note.text)],
        anchor,
      }),
    );
  }

  if (sets.interviewClosing.length > 0) {
    items.push(
      generatedItem(newId, {
        source: { kind: 'question-set', refId: 'interviewClosing' },
        section: 'interview-closing',
        title: phrase('closingQuestions', lang),
        questions: questionTexts(sets.interviewClosing, lang),
      }),
    );
  }

  const generated: Agenda = {
    kind: 'interview',
    frameworkId: framework.id,
    lang,
    sections: INTERVIEW_SECTIONS.map((id) => ({ id, title: sectionTitle(id, lang) })),
    items,
  };
  return mergeAgenda(generated, previous);
}
